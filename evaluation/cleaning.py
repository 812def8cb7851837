"""Measure cleaning against the demo corpus's ground truth.

    python -m evaluation.cleaning --demo-dir data/01_raw \
        [--n 20000] [--out data/08_reporting/cleaning_evaluation.json] [--no-ner]

Runs the cleaning nodes in-process on the demo export (ingested with the default
``ingestion`` parameters, pseudonymised with the public demo salt) and reports, against
``ground_truth/``:

- duplicates: precision/recall of ``is_duplicate`` vs ``duplicate_of`` (per duplicate kind),
  and of near duplicates alone;
- spam: precision/recall of ``is_spam``; bots: of ``is_bot_author`` (comment level);
- language: accuracy of ``lang``, per language;
- PII: for each value in ``pii.csv``, whether it survives in the outputs (leak) and whether a
  placeholder of its type replaced it; placeholder precision per type (placeholders of a
  type in a comment beyond the labelled count are false positives); public figures that
  must survive.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.execution import ExecutionParams
from ambassadeurs_pipeline.execution.engine import LOCAL
from ambassadeurs_pipeline.pipelines.cleaning.nodes import (
    assemble_clean_comments,
    detect_languages,
    find_duplicates,
    flag_spam,
    normalise_comments,
    pseudonymise_comments,
)
from ambassadeurs_pipeline.pipelines.cleaning.params import CleaningParams
from ambassadeurs_pipeline.pipelines.ingestion.nodes import ingest_comments
from ambassadeurs_pipeline.pipelines.ingestion.params import IngestionParams
from ambassadeurs_pipeline.privacy.pii import PII_TYPES
from ambassadeurs_pipeline.privacy.pseudonyms import DEMO_SALT

logger = logging.getLogger(__name__)


def load_demo_export(demo_dir: Path, n: int | None = None) -> pd.DataFrame:
    """The demo ``comments.csv`` as ``comments_raw`` (first ``n`` rows if given)."""
    export = pd.read_csv(Path(demo_dir) / "comments.csv", dtype=str, keep_default_na=False, nrows=n)
    raw, _, _ = ingest_comments(export, IngestionParams(), str(Path(demo_dir) / "comments.csv"))
    return raw


def run_cleaning(
    comments_raw: pd.DataFrame,
    params: CleaningParams,
    salt: str = DEMO_SALT,
    language: str = "fr",
    clock: Callable[[], float] = time.perf_counter,
    execution: ExecutionParams = LOCAL,
) -> tuple[dict[str, Any], dict[str, float]]:
    """Run the cleaning nodes in order; returns the outputs by dataset name and the seconds
    spent per node (same functions and order as the Kedro pipeline). ``execution``: where the
    row-wise nodes run, as ``params:execution`` in the pipeline (same outputs either way)."""
    timings: dict[str, float] = {}

    def timed(name: str, func: Callable[..., Any], *args: Any) -> Any:
        start = clock()
        result = func(*args)
        timings[name] = round(clock() - start, 3)
        return result

    normalised = timed("normalise_comments", normalise_comments, comments_raw, params, execution)
    pseudo, pii_summary = timed(
        "pseudonymise_comments", pseudonymise_comments, normalised, salt, params, execution
    )
    del normalised
    langs = timed("detect_languages", detect_languages, pseudo, params, language, execution)
    dups = timed("find_duplicates", find_duplicates, pseudo, params)
    spam = timed("flag_spam", flag_spam, pseudo, dups, params)
    clean, quarantine, report = timed(
        "assemble_clean_comments",
        assemble_clean_comments,
        pseudo,
        langs,
        dups,
        spam,
        pii_summary,
        params,
        language,
    )
    outputs = {
        "comments_clean": clean,
        "comments_quarantine": quarantine,
        "cleaning_report": report,
    }
    return outputs, timings


def precision_recall(predicted: pd.Series, truth: pd.Series) -> dict[str, Any]:
    """Precision, recall and F1 of boolean predictions against boolean truth."""
    predicted = predicted.astype(bool)
    truth = truth.astype(bool)
    tp = int((predicted & truth).sum())
    fp = int((predicted & ~truth).sum())
    fn = int((~predicted & truth).sum())
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": None if precision is None else round(precision, 4),
        "recall": None if recall is None else round(recall, 4),
        "f1": None if f1 is None else round(f1, 4),
    }


def evaluate_pii(
    outputs: dict[str, Any], pii_truth: pd.DataFrame, comments_truth: pd.DataFrame
) -> dict[str, Any]:
    """Leaks and replacement per PII type (see the module docstring)."""
    clean = outputs["comments_clean"].set_index("comment_id")["text_clean"]
    quarantine = outputs["comments_quarantine"].set_index("comment_id")["text_clean"]
    texts = pd.concat([clean, quarantine]).astype(str)
    corpus = "\n".join(texts.tolist()) + json.dumps(outputs["cleaning_report"], ensure_ascii=False)
    truth = pii_truth[pii_truth["comment_id"].isin(texts.index)]
    per_type: dict[str, Any] = {}
    leaks: list[dict[str, str]] = []
    for pii_type in PII_TYPES:
        rows = truth[truth["pii_type"] == pii_type]
        if rows.empty:
            continue
        survived = [
            str(v) in texts.get(c, "") or _compact(str(v)) in _compact(texts.get(c, ""))
            for c, v in zip(rows["comment_id"], rows["value"])
        ]
        leaked_anywhere = [str(v) in corpus for v in rows["value"]]
        gold_per_comment = rows.groupby("comment_id").size()
        placeholder = f"<{pii_type}>"
        predicted_per_comment = texts.str.count(re.escape(placeholder))
        predicted_per_comment = predicted_per_comment[predicted_per_comment > 0]
        correct = sum(
            min(int(n), int(gold_per_comment.get(c, 0))) for c, n in predicted_per_comment.items()
        )
        n_pred = int(predicted_per_comment.sum())
        replaced = int(sum(not s for s in survived))
        per_type[pii_type] = {
            "gold": len(rows),
            "recall_removed": round(replaced / len(rows), 4),
            "values_found_in_any_output": int(sum(leaked_anywhere)),
            "placeholders": n_pred,
            "placeholder_precision": round(correct / n_pred, 4) if n_pred else None,
        }
        leaks += [
            {"comment_id": c, "type": pii_type, "value": v}
            for c, v, s in zip(rows["comment_id"], rows["value"], survived)
            if s
        ]
    figures = comments_truth.dropna(subset=["public_figures"])
    figures = figures[figures["comment_id"].isin(texts.index)]
    kept = [
        all(name.strip() in texts[c] for name in str(names).split(";") if name.strip())
        for c, names in zip(figures["comment_id"], figures["public_figures"])
    ]
    total_gold = sum(v["gold"] for v in per_type.values())
    total_pred = sum(v["placeholders"] for v in per_type.values())
    total_correct = sum(
        (v["placeholder_precision"] or 0) * v["placeholders"] for v in per_type.values()
    )
    return {
        "per_type": per_type,
        "overall": {
            "gold": total_gold,
            "recall_removed": round(
                sum(v["recall_removed"] * v["gold"] for v in per_type.values()) / total_gold, 4
            )
            if total_gold
            else None,
            "placeholder_precision": round(total_correct / total_pred, 4) if total_pred else None,
        },
        "public_figures_kept": {
            "comments": len(kept),
            "share": round(sum(kept) / len(kept), 4) if kept else None,
        },
        "leaks": leaks[:50],
    }


def _compact(text: str) -> str:
    return re.sub(r"[\s.\-]", "", text)


def evaluate_demo(demo_dir: Path, n: int | None, params: CleaningParams) -> dict[str, Any]:
    raw = load_demo_export(demo_dir, n)
    outputs, timings = run_cleaning(raw, params)
    truth = pd.read_csv(Path(demo_dir) / "ground_truth" / "comments.csv", dtype=str)
    pii = pd.read_csv(Path(demo_dir) / "ground_truth" / "pii.csv", dtype=str)
    clean = outputs["comments_clean"].merge(
        truth, on="comment_id", how="left", suffixes=("", "_true")
    )
    flag = lambda column: clean[column].fillna("0").eq("1")  # noqa: E731
    dup_true = clean["duplicate_of"].notna()
    by_kind = {
        kind: round(float(clean.loc[clean["duplicate_kind"] == kind, "is_duplicate"].mean()), 4)
        for kind in sorted(clean["duplicate_kind"].dropna().unique())
    }
    lang_true = clean["lang_true"].fillna("fr")
    result = {
        "demo_dir": str(demo_dir),
        "comments": len(raw),
        "seconds_per_node": timings,
        "comments_per_second": round(len(raw) / sum(timings.values()), 1),
        "duplicates": {
            "all": precision_recall(clean["is_duplicate"], dup_true),
            "recall_by_kind": by_kind,
            "near_recall": round(
                float(clean.loc[flag("is_near_duplicate"), "is_duplicate"].mean()), 4
            ),
        },
        "spam": precision_recall(clean["is_spam"], flag("is_spam_true")),
        "bots": precision_recall(clean["is_bot_author"], flag("is_bot")),
        "language": {
            "accuracy": round(float((clean["lang"] == lang_true).mean()), 4),
            "recall_by_language": {
                lang: round(float((clean.loc[lang_true == lang, "lang"] == lang).mean()), 4)
                for lang in sorted(lang_true.unique())
            },
            "non_target_excluded": precision_recall(
                clean["exclusion_reason"].fillna("").str.contains("langue:"), lang_true.ne("fr")
            ),
        },
        "quarantine": {
            "rows": len(outputs["comments_quarantine"]),
            "reasons": outputs["cleaning_report"]["quarantine_reasons"],
            "ground_truth_empty": int(truth["is_empty"].eq("1").sum()) if n is None else None,
        },
        "pii": evaluate_pii(outputs, pii, truth),
        "report": outputs["cleaning_report"],
    }
    return result


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description="Evaluate cleaning on the demo ground truth.")
    parser.add_argument("--demo-dir", type=Path, default=Path("data/01_raw"))
    parser.add_argument("--n", type=int, default=None, help="only the first N comments")
    parser.add_argument("--no-ner", action="store_true", help="PII without the spaCy model")
    parser.add_argument(
        "--out", type=Path, default=Path("data/08_reporting/cleaning_evaluation.json")
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    params = CleaningParams()
    if args.no_ner:
        params.pii.use_ner = False
    result = evaluate_demo(args.demo_dir, args.n, params)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    summary = {k: result[k] for k in ("duplicates", "spam", "bots", "language")}
    logger.info(json.dumps(summary, indent=1))
    logger.info("PII: %s", json.dumps(result["pii"]["per_type"], indent=1))
    logger.info("written to %s", args.out)
    return result


if __name__ == "__main__":
    main()
