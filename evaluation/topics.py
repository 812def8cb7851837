"""Evaluate the topics outputs against a ground truth (never read by the pipeline).

    python -m evaluation.topics \\
        --ground-truth data/01_raw/ground_truth/comments.csv [--project-dir .]

Reads the latest versions of ``comment_topics``, ``topic_trends``, ``bad_buzz_alerts`` and
``topic_quality`` and prints a JSON report: NMI / ARI of topics against the ``theme``
column, outlier share, question precision / recall, sentiment macro-F1, and whether the
growing theme and the bad-buzz burst planted in the demo were detected.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

import pandas as pd
from sklearn.metrics import (
    adjusted_rand_score,
    f1_score,
    normalized_mutual_info_score,
    precision_score,
    recall_score,
)

logger = logging.getLogger(__name__)


def latest(path: Path) -> Path:
    """The newest version of a versioned Kedro file (or the file itself if not versioned)."""
    if path.is_dir():
        versions = sorted(p for p in path.iterdir() if p.is_dir())
        if versions:
            return versions[-1] / path.name
    return path


def _flag(series: pd.Series) -> pd.Series:
    return series.astype(str).str.lower().isin({"1", "true", "1.0", "yes"})


def evaluate(
    comment_topics: pd.DataFrame,
    truth: pd.DataFrame,
    trends: pd.DataFrame | None = None,
    alerts: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """Metrics of ``comment_topics`` against ``truth`` (``comment_id`` + any of ``theme``,
    ``is_question``, ``sentiment``, ``is_bad_buzz``)."""
    df = comment_topics.merge(truth, on="comment_id", how="inner", suffixes=("", "_true"))
    report: dict[str, Any] = {
        "n_evaluated": int(len(df)),
        "outlier_share": round(float((df["topic_id"] < 0).mean()), 4),
    }
    if "theme" in df:
        themed = df[df["theme"].notna() & (df["theme"].astype(str) != "")]
        report["nmi_theme"] = round(
            normalized_mutual_info_score(themed["theme"], themed["topic_id"]), 4
        )
        report["ari_theme"] = round(adjusted_rand_score(themed["theme"], themed["topic_id"]), 4)
        inside = themed[themed["topic_id"] >= 0]
        report["nmi_theme_without_outliers"] = round(
            normalized_mutual_info_score(inside["theme"], inside["topic_id"]), 4
        )
        majority = themed.groupby("topic_id")["theme"].agg(lambda s: s.value_counts().index[0])
        report["topic_majority_theme"] = {str(k): v for k, v in majority.items()}
        if trends is not None and not trends.empty and "created_at" in df:
            growing = _growing_theme(themed)
            topic_ids = majority[majority == growing].index
            hits = trends[trends["topic_id"].isin(topic_ids)]
            report["growing_theme"] = {
                "theme": growing,
                "detected": bool((hits["direction"] == "hausse").any()),
                "statements": hits["statement"].tolist(),
            }
    if "is_question_true" in df:
        y, p = _flag(df["is_question_true"]), df["is_question"].astype(bool)
        report["question_precision"] = round(precision_score(y, p), 4)
        report["question_recall"] = round(recall_score(y, p), 4)
    if "sentiment" in df:
        known = df[df["sentiment"].isin(["negatif", "neutre", "positif"])]
        report["sentiment_macro_f1"] = round(
            f1_score(known["sentiment"], known["sentiment_label"], average="macro"), 4
        )
        report["sentiment_accuracy"] = round(
            float((known["sentiment"] == known["sentiment_label"]).mean()), 4
        )
    if "is_bad_buzz" in df and alerts is not None:
        buzz = df[_flag(df["is_bad_buzz"])]
        if len(buzz):
            month = (
                pd.to_datetime(buzz["created_at"])
                .dt.to_period("M")
                .dt.to_timestamp()
                .mode()
                .iloc[0]
            )
            topics = buzz["topic_id"].value_counts().index[:2].tolist()
            found = alerts[
                (pd.to_datetime(alerts["month"]) == month) & alerts["topic_id"].isin(topics)
            ]
            report["bad_buzz"] = {
                "month": str(month.date()),
                "topics": [int(t) for t in topics],
                "detected": bool(len(found)),
                "n_alerts_total": int(len(alerts)),
                "statements": found["statement"].tolist(),
            }
    return report


def _growing_theme(df: pd.DataFrame, recent_months: int = 3) -> str:
    month = pd.to_datetime(df["created_at"]).dt.to_period("M")
    recent = month >= month.max() - (recent_months - 1)
    share = pd.crosstab(df["theme"], recent, normalize="columns")
    return str((share[True] / share[False]).idxmax())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ground-truth", required=True, type=Path)
    parser.add_argument("--project-dir", default=Path("."), type=Path)
    args = parser.parse_args(argv)
    root = args.project_dir
    ct = pd.read_parquet(latest(root / "data/07_model_output/comment_topics.parquet"))
    trends = pd.read_parquet(latest(root / "data/07_model_output/topic_trends.parquet"))
    alerts = pd.read_parquet(latest(root / "data/07_model_output/bad_buzz_alerts.parquet"))
    quality = json.loads(
        latest(root / "data/08_reporting/topic_quality.json").read_text(encoding="utf-8")
    )
    truth = pd.read_csv(args.ground_truth, dtype={"comment_id": str})
    report = evaluate(ct, truth, trends, alerts)
    report["topic_quality"] = {
        k: v for k, v in quality.items() if k not in {"npmi_per_topic", "labels"}
    }
    sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
