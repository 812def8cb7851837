"""How readable are the topic labels and gap titles? Word overlap with the planted truth.

    python -m evaluation.topic_labels --ground-truth data/01_raw/ground_truth

Reads the latest ``comment_topics``, ``topic_info``, ``question_groups`` and ``faq`` of a run
on the demo corpus and the demo's ground truth (``comments.csv``: the theme of each comment;
``gaps.csv``: each planted gap's description and member comments). For each topic, its
majority theme's name (the demo's French theme label, e.g. "effets indésirables d'un
traitement"); for each FAQ group that recovers a planted gap (more than half of its
questions), the gap's description. Labels are compared with their reference by folded-token
overlap: lower case, accents removed, French stop words removed, a final plural ``s``/``x``
dropped; precision, recall and F1 per label (ROUGE-1 on content words), then averaged.

"Before" is what the previous code produced from the same run: for topics,
``vocabulary.make_label`` on the topic's ``top_terms`` (the keyword label); for gaps, the
comma-joined ``key_terms``. So before and after differ only by the labelling, not by the
clustering. Prints JSON, and with ``--markdown`` the side-by-side tables.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.pipelines.topics.vocabulary import make_label, stop_words
from ambassadeurs_pipeline.privacy.quotes import words
from ambassadeurs_pipeline.text.spelling import fold
from evaluation.topics import latest


def content_tokens(text: str) -> list[str]:
    """Folded content words, light plural stemming ("Effets indésirables" -> effet, indesirable)."""
    stop = {fold(w) for w in stop_words()}
    out = []
    for w in words(str(text)):
        w = fold(w)
        if w in stop or len(w) < 3:
            continue
        if len(w) > 4 and w[-1] in "sx":
            w = w[:-1]
        out.append(w)
    return out


def overlap(label: str, reference: str) -> dict[str, float]:
    """Precision, recall, F1 of the label's content words against the reference's (sets)."""
    a, b = set(content_tokens(label)), set(content_tokens(reference))
    common = len(a & b)
    p = common / len(a) if a else 0.0
    r = common / len(b) if b else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def theme_names() -> dict[str, str]:
    from ambassadeurs_pipeline.demo.themes import THEME_BY_KEY

    return {k: t.label for k, t in THEME_BY_KEY.items()}


def topic_rows(
    comment_topics: pd.DataFrame,
    topic_info: pd.DataFrame,
    truth: pd.DataFrame,
    label_words: int = 4,
) -> pd.DataFrame:
    names = theme_names()
    merged = comment_topics[comment_topics["topic_id"] >= 0].merge(
        truth[["comment_id", "theme"]], on="comment_id"
    )
    majority = (
        merged.dropna(subset=["theme"])
        .groupby("topic_id")["theme"]
        .agg(lambda s: s.value_counts().index[0])
    )
    stop = set(stop_words())
    taken: set[str] = set()
    rows = []
    info = topic_info[topic_info["topic_id"] >= 0].sort_values("topic_id")
    for r in info.itertuples():
        before = make_label(
            [t.strip() for t in str(r.top_terms).split(",") if t.strip()], label_words, stop, taken
        )
        taken.add(before)
        theme = majority.get(r.topic_id)
        reference = names.get(theme, str(theme).replace("_", " ")) if theme else ""
        rows.append(
            {
                "topic_id": int(r.topic_id),
                "theme": theme,
                "reference": reference,
                "before": before,
                "after": r.topic_label,
                **{f"before_{k}": v for k, v in overlap(before, reference).items()},
                **{f"after_{k}": v for k, v in overlap(r.topic_label, reference).items()},
            }
        )
    return pd.DataFrame(rows)


def gap_rows(
    question_groups: pd.DataFrame, faq: pd.DataFrame, gaps_truth: pd.DataFrame
) -> pd.DataFrame:
    from evaluation.gaps import match_groups_to_gaps

    matched = match_groups_to_gaps(question_groups, gaps_truth).dropna(subset=["gap_id"])
    desc = gaps_truth.set_index("gap_id")["description"]
    rows = []
    for r in faq.merge(matched, on="group_id").itertuples():
        before = str(r.key_terms)
        before = before[:1].upper() + before[1:]
        reference = str(desc[r.gap_id])
        rows.append(
            {
                "group_id": int(r.group_id),
                "rank": int(r.rank),
                "gap_id": r.gap_id,
                "reference": reference,
                "before": before,
                "after": r.label,
                **{f"before_{k}": v for k, v in overlap(before, reference).items()},
                **{f"after_{k}": v for k, v in overlap(r.label, reference).items()},
            }
        )
    return pd.DataFrame(rows)


def summarise(rows: pd.DataFrame) -> dict[str, Any]:
    if rows.empty:
        return {"n": 0}
    return {
        "n": len(rows),
        **{
            c: round(float(rows[c].mean()), 3)
            for c in rows.columns
            if c.startswith(("before_", "after_"))
        },
    }


def markdown(rows: pd.DataFrame, ref_name: str) -> str:
    lines = [f"| {ref_name} | before | F1 | after | F1 |", "|---|---|---|---|---|"]
    for r in rows.itertuples():
        lines.append(
            f"| {r.reference} | {r.before} | {r.before_f1:.2f} | {r.after} | {r.after_f1:.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--ground-truth", required=True, type=Path, help="the demo's ground_truth directory"
    )
    parser.add_argument("--project-dir", default=Path("."), type=Path)
    parser.add_argument(
        "--markdown", action="store_true", help="also print the before/after tables"
    )
    args = parser.parse_args(argv)
    root = args.project_dir
    ct = pd.read_parquet(latest(root / "data/07_model_output/comment_topics.parquet"))
    info = pd.read_parquet(latest(root / "data/07_model_output/topic_info.parquet"))
    groups = pd.read_parquet(latest(root / "data/07_model_output/gaps/question_groups.parquet"))
    faq = pd.read_parquet(latest(root / "data/07_model_output/faq.parquet"))
    truth = pd.read_csv(args.ground_truth / "comments.csv", dtype={"comment_id": str})
    gaps_truth = pd.read_csv(args.ground_truth / "gaps.csv")
    topics, gaps = topic_rows(ct, info, truth), gap_rows(groups, faq, gaps_truth)
    sys.stdout.write(
        json.dumps({"topics": summarise(topics), "gaps": summarise(gaps)}, indent=2) + "\n"
    )
    if args.markdown:
        sys.stdout.write(
            "\n"
            + markdown(topics, "planted theme")
            + "\n\n"
            + markdown(gaps, "planted gap (description)")
            + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
