"""Sentiment backends on the demo's latent labels, on the same comments, without a full run.

    kedro run --pipelines=cleaning   # once: writes data/03_primary/comments_clean.parquet
    python benchmarks/bench_sentiment_demo.py [--backends lexique modele_fr]

Runs the topics stage's ``annotate_frame`` (the node's row-wise body) with each backend on
the in-model comments of the latest ``comments_clean`` version and scores it with the
topics ``evaluate`` function, i.e. the sentiment part of
``python -m evaluation.topics`` after a full ``kedro run``.
The demo's labels come from the generator's phrases (written in this project), so this is
a consistency check, not evidence about real text (``bench_sentiment_fr.py`` is).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd

from ambassadeurs_pipeline.pipelines.topics.annotate import annotate_frame
from ambassadeurs_pipeline.pipelines.topics.fit import select_model_comments
from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams

# The evaluation harness lives at the repository root, beside src/ (not in the wheel).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from evaluation.topics import evaluate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--comments-clean",
        type=Path,
        default=None,
        help="default: latest version under data/03_primary",
    )
    parser.add_argument(
        "--ground-truth", type=Path, default=ROOT / "data/01_raw/ground_truth/comments.csv"
    )
    parser.add_argument("--backends", nargs="+", default=["lexique", "modele_fr"])
    args = parser.parse_args()
    path = args.comments_clean or max(
        (ROOT / "data/03_primary/comments_clean.parquet").glob("*/comments_clean.parquet")
    )
    docs = select_model_comments(pd.read_parquet(path)).reset_index(drop=True)
    truth = pd.read_csv(args.ground_truth, dtype={"comment_id": str})
    out = {}
    for backend in args.backends:
        start = time.perf_counter()
        annotations = annotate_frame(docs, TopicsParams(sentiment={"backend": backend}))
        seconds = time.perf_counter() - start
        report = evaluate(annotations.assign(topic_id=0), truth)
        merged = annotations.merge(truth, on="comment_id")
        out[backend] = {
            "n": len(annotations),
            "annotate_seconds": round(seconds, 1),
            "sentiment_macro_f1": report["sentiment_macro_f1"],
            "sentiment_accuracy": report["sentiment_accuracy"],
            "confusion_rows_truth_cols_predicted": pd.crosstab(
                merged["sentiment"], merged["sentiment_label"]
            ).to_dict(orient="index"),
        }
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
