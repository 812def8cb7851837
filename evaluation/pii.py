"""Evaluate a PII detector on the labelled test set: recall and precision per type.

    python -m evaluation.pii [--detector default] [--out FILE]

Span-level, per type:

- a gold span is **recalled** when spans predicted with the same type cover every one of its
  letters and digits (a half-masked name or phone number is a leak, so it counts as missed);
- a predicted span is **correct** when it overlaps a gold span of the same type;
- ``exact`` counts predicted spans with exactly the gold boundaries (informative only);
- ``masked_any_type`` is recall ignoring the type: the datum was hidden, if mislabelled.

Writes a JSON file (default ``data/08_reporting/pii_evaluation.json``) and logs a table.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ambassadeurs_pipeline.privacy.pii import (
    PII_TYPES,
    PiiDetector,
    PiiSpan,
    make_detector,
    resolve_overlaps,
)

logger = logging.getLogger(__name__)

TESTSET = Path(__file__).resolve().parent / "pii_testset" / "pii_testset.jsonl"


def load_testset(path: Path = TESTSET) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _covered(text: str, start: int, end: int, spans: Sequence[PiiSpan]) -> bool:
    for pos in range(start, end):
        if text[pos].isalnum() and not any(s.start <= pos < s.end for s in spans):
            return False
    return True


def score(
    rows: Sequence[dict[str, Any]], predictions: Sequence[Sequence[PiiSpan]]
) -> dict[str, Any]:
    """Per-type and overall recall/precision (see the module docstring)."""
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    for row, predicted in zip(rows, predictions):
        text = row["text"]
        gold = row["spans"]
        for g in gold:
            same = [p for p in predicted if p.pii_type == g["type"]]
            s = stats[g["type"]]
            s["gold"] += 1
            if _covered(text, g["start"], g["end"], same):
                s["recalled"] += 1
            else:
                misses.append({"id": row["id"], "type": g["type"], "value": g["value"]})
            if _covered(text, g["start"], g["end"], predicted):
                s["masked_any_type"] += 1
        for p in predicted:
            s = stats[p.pii_type]
            s["predicted"] += 1
            hit = [
                g
                for g in gold
                if g["type"] == p.pii_type and p.start < g["end"] and g["start"] < p.end
            ]
            if hit:
                s["correct"] += 1
                if any(g["start"] == p.start and g["end"] == p.end for g in hit):
                    s["exact"] += 1
            else:
                false_positives.append(
                    {"id": row["id"], "type": p.pii_type, "value": text[p.start : p.end]}
                )

    def ratios(s: dict[str, int]) -> dict[str, Any]:
        return {
            "gold": s["gold"],
            "predicted": s["predicted"],
            "recall": round(s["recalled"] / s["gold"], 4) if s["gold"] else None,
            "precision": round(s["correct"] / s["predicted"], 4) if s["predicted"] else None,
            "exact_boundaries": s["exact"],
            "masked_any_type": round(s["masked_any_type"] / s["gold"], 4) if s["gold"] else None,
        }

    per_type = {t: ratios(stats[t]) for t in PII_TYPES if t in stats}
    overall: dict[str, int] = defaultdict(int)
    for s in stats.values():
        for key, value in s.items():
            overall[key] += value
    return {
        "per_type": per_type,
        "overall": ratios(overall),
        "misses": misses,
        "false_positives": false_positives,
    }


def evaluate(detector: PiiDetector, rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    start = time.perf_counter()
    predictions = [resolve_overlaps(spans) for spans in detector.detect([r["text"] for r in rows])]
    seconds = time.perf_counter() - start
    result = score(rows, predictions)
    result["texts"] = len(rows)
    result["seconds"] = round(seconds, 2)
    return result


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description="Recall and precision of PII detection per type.")
    parser.add_argument("--detector", default="default")
    parser.add_argument("--testset", type=Path, default=TESTSET)
    parser.add_argument("--out", type=Path, default=Path("data/08_reporting/pii_evaluation.json"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows = load_testset(args.testset)
    result = evaluate(make_detector(args.detector), rows)
    result["detector"] = args.detector
    result["testset"] = str(args.testset)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    logger.info("%-16s %6s %6s %8s %9s", "type", "gold", "pred", "recall", "precision")
    for name, r in {**result["per_type"], "overall": result["overall"]}.items():
        logger.info(
            "%-16s %6s %6s %8s %9s", name, r["gold"], r["predicted"], r["recall"], r["precision"]
        )
    logger.info("written to %s", args.out)
    return result


if __name__ == "__main__":
    main()
