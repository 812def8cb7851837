"""Does the gaps stage find the demo corpus's planted information gaps?

    nice python -m evaluation.gaps --seeds 1 2 3 --n-comments 6000
    nice python -m evaluation.gaps --demo-dir data/01_raw

For each seed: generate the demo corpus into a temporary directory, run ingestion → cleaning
→ topics → gaps there with a ``KedroSession`` (runtime params ``comments_path``,
``content_catalog_path``, ``campaign_path``; a throw-away random salt; the project's
``conf/base``), then score the ranked ``information_gaps`` against
``ground_truth/gaps.csv``:

- a ranked group *recovers* a planted gap when more than half of its questions are among the
  gap's ``comment_ids``;
- ``precision@5``: share of the top 5 groups that recover a planted gap;
- ``recall@10``: share of the planted gaps recovered by at least one of the top 10 groups;
- ``covered_intents_in_top10``: top-10 groups whose questions are mostly one well-answered,
  catalog-covered intent of the demo (``ground_truth/comments.csv``: ``kind ==
  question_intent``); the bar is 0.

Prints one JSON line per seed and a summary; exit code 1 when a bar is missed
(precision@5 ≥ 0.8, recall@10 ≥ 0.8, no covered intent in the top 10).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.pipelines.gaps.faq import GROUP_NOISE

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parents[1]
STAGES = ["ingestion", "cleaning", "topics", "gaps"]


def match_groups_to_gaps(
    question_groups: pd.DataFrame, gaps_truth: pd.DataFrame, min_share: float = 0.5
) -> pd.DataFrame:
    """Per question group: the planted gap most of its questions belong to (or None)."""
    owner = {
        cid: gap_id
        for gap_id, ids in zip(gaps_truth["gap_id"], gaps_truth["comment_ids"].astype(str))
        for cid in ids.split(";")
        if cid
    }
    grouped = question_groups[question_groups["group_id"] != GROUP_NOISE]
    rows = []
    for group_id, qs in grouped.groupby("group_id"):
        share = qs["comment_id"].map(owner).value_counts() / len(qs)
        best = share.index[0] if len(share) else None
        rows.append(
            {
                "group_id": group_id,
                "gap_id": best if len(share) and share.iloc[0] > min_share else None,
                "gap_share": float(share.iloc[0]) if len(share) else 0.0,
            }
        )
    return pd.DataFrame(rows, columns=["group_id", "gap_id", "gap_share"])


def match_groups_to_intents(
    question_groups: pd.DataFrame, comments_truth: pd.DataFrame, min_share: float = 0.5
) -> pd.Series:
    """Per group id: the covered, well-answered demo intent most of its questions ask, or None."""
    intent = comments_truth.loc[comments_truth["kind"] == "question_intent"].set_index(
        "comment_id"
    )["intent"]
    result = {}
    for group_id, qs in question_groups[question_groups["group_id"] != GROUP_NOISE].groupby(
        "group_id"
    ):
        share = qs["comment_id"].map(intent).value_counts() / len(qs)
        result[group_id] = share.index[0] if len(share) and share.iloc[0] > min_share else None
    return pd.Series(result, dtype=object)


def score_ranking(
    information_gaps: pd.DataFrame,
    question_groups: pd.DataFrame,
    gaps_truth: pd.DataFrame,
    comments_truth: pd.DataFrame,
) -> dict[str, Any]:
    """precision@5, recall@10, covered intents in the top 10, and each planted gap's best rank."""
    ranked = information_gaps[information_gaps["rank"].notna()].sort_values("rank")
    matches = match_groups_to_gaps(question_groups, gaps_truth).set_index("group_id")["gap_id"]
    intents = match_groups_to_intents(question_groups, comments_truth)
    found = ranked["group_id"].map(matches)
    top5, top10 = found.head(5), found.head(10)
    best_rank = {g: None for g in gaps_truth["gap_id"]}
    for rank, gap_id in zip(ranked["rank"], found):
        if gap_id is not None and isinstance(gap_id, str) and best_rank[gap_id] is None:
            best_rank[gap_id] = int(rank)
    intents_top10 = [i for i in ranked["group_id"].head(10).map(intents) if isinstance(i, str)]
    return {
        "ranked": bool(len(ranked)),
        "n_groups": int(len(information_gaps)),
        "precision@5": round(float(top5.notna().mean()) if len(top5) else 0.0, 3),
        "recall@10": round(top10.dropna().nunique() / len(gaps_truth), 3),
        "covered_intents_in_top10": intents_top10,
        "best_rank_of_each_gap": best_rank,
        "top10": [
            {
                "rank": int(r),
                "label": lab,
                "gap": g if isinstance(g, str) else None,
                "score": round(float(s), 3),
            }
            for r, lab, g, s in zip(
                ranked["rank"].head(10),
                ranked["label"].head(10),
                top10,
                ranked["gap_score"].head(10),
            )
        ],
    }


def run_chain(demo_dir: Path, work_dir: Path, with_catalog: bool = True) -> dict[str, Any]:
    """Run ingestion → gaps on ``demo_dir`` with outputs under ``work_dir``; return gaps outputs."""
    from kedro.framework.project import pipelines
    from kedro.framework.session import KedroSession
    from kedro.framework.startup import bootstrap_project

    conf = work_dir / "conf"
    shutil.copytree(ROOT / "conf" / "base", conf / "base")
    (conf / "local").mkdir(parents=True)
    # A throw-away salt: this run's pseudonyms are never compared with anything else.
    (conf / "local" / "credentials.yml").write_text(
        f"pseudonymisation:\n  salt: {secrets.token_hex(16)}\n", encoding="utf-8"
    )
    bootstrap_project(ROOT)
    runtime = {
        "comments_path": str(demo_dir / "comments.csv"),
        "content_catalog_path": str(demo_dir / "content_catalog.csv") if with_catalog else "none",
        "campaign_path": str(demo_dir / "campaign.csv"),
    }
    # Kedro resolves relative dataset paths (data/...) against the session's project path:
    # the temporary directory is that project path, so nothing is written in the repository.
    shutil.copy(ROOT / "pyproject.toml", work_dir / "pyproject.toml")
    cwd = Path.cwd()
    os.chdir(work_dir)
    try:
        with KedroSession.create(
            project_path=work_dir, conf_source=str(conf), runtime_params=runtime
        ) as session:
            pipeline = sum((pipelines[s] for s in STAGES[1:]), pipelines[STAGES[0]])
            session.run(node_names=[n.name for n in pipeline.nodes])
            catalog = session.load_context().catalog
            return {
                name: catalog.load(name)
                for name in (
                    "information_gaps",
                    "question_groups",
                    "gaps_report",
                    "coverage_calibration",
                )
            }
    finally:
        os.chdir(cwd)


def evaluate_seed(
    seed: int,
    n_comments: int,
    keep: Path | None = None,
    with_catalog: bool = True,
    work_dir: Path | None = None,
) -> dict[str, Any]:
    from ambassadeurs_pipeline.demo import generate_demo
    from ambassadeurs_pipeline.demo.generator import write_demo

    tmp = Path(tempfile.mkdtemp(prefix=f"gaps_eval_{seed}_", dir=work_dir))
    try:
        demo_dir = tmp / "input"
        write_demo(generate_demo(n_comments, seed), demo_dir)
        outputs = run_chain(demo_dir, tmp / "run", with_catalog)
        scores = score_ranking(
            outputs["information_gaps"],
            outputs["question_groups"],
            pd.read_csv(demo_dir / "ground_truth" / "gaps.csv"),
            pd.read_csv(demo_dir / "ground_truth" / "comments.csv", dtype={"comment_id": str}),
        )
        calibration = outputs["coverage_calibration"]
        scores.update(
            seed=seed,
            n_comments=n_comments,
            with_catalog=with_catalog,
            coverage_threshold=calibration.get("threshold"),
            coverage_held_out=calibration.get("held_out_folds"),
        )
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            outputs["information_gaps"].to_csv(
                keep / f"information_gaps_seed{seed}.csv", index=False
            )
        return scores
    finally:
        if work_dir is None:  # kept when asked, to re-run the gaps stage alone on it
            shutil.rmtree(tmp, ignore_errors=True)


def gaps_truth_from_comments(comments_truth: pd.DataFrame) -> pd.DataFrame:
    """``gap_id, comment_ids`` from the per-comment ``is_gap_question`` column.

    For demo directories whose ground truth has no ``gaps.csv`` (the committed 20k demo).
    """
    gap = comments_truth["is_gap_question"].astype("string").str.strip()
    rows = comments_truth.assign(_gap=gap)[gap.notna() & gap.ne("")]
    return (
        rows.groupby("_gap", sort=True)["comment_id"]
        .apply(lambda ids: ";".join(ids.astype(str)))
        .rename("comment_ids")
        .rename_axis("gap_id")
        .reset_index()
    )


def evaluate_demo_dir(
    demo_dir: Path, with_catalog: bool = True, work_dir: Path | None = None
) -> dict[str, Any]:
    """Score an existing demo directory (``comments.csv``, ``content_catalog.csv``, ``ground_truth/``)."""
    tmp = Path(tempfile.mkdtemp(prefix="gaps_eval_demo_", dir=work_dir))
    try:
        outputs = run_chain(Path(demo_dir).resolve(), tmp / "run", with_catalog)
        truth_dir = Path(demo_dir) / "ground_truth"
        comments_truth = pd.read_csv(truth_dir / "comments.csv", dtype={"comment_id": str})
        gaps_csv = truth_dir / "gaps.csv"
        gaps_truth = (
            pd.read_csv(gaps_csv) if gaps_csv.exists() else gaps_truth_from_comments(comments_truth)
        )
        scores = score_ranking(
            outputs["information_gaps"], outputs["question_groups"], gaps_truth, comments_truth
        )
        calibration = outputs["coverage_calibration"]
        scores.update(
            demo_dir=str(demo_dir),
            with_catalog=with_catalog,
            coverage_threshold=calibration.get("threshold"),
            coverage_held_out=calibration.get("held_out_folds"),
        )
        return scores
    finally:
        if work_dir is None:
            shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--n-comments", type=int, default=6000)
    parser.add_argument("--no-catalog", action="store_true", help="run without the content catalog")
    parser.add_argument(
        "--keep", type=Path, default=None, help="save each seed's information_gaps here"
    )
    parser.add_argument(
        "--work-dir", type=Path, default=None, help="keep each seed's run directory under here"
    )
    parser.add_argument(
        "--demo-dir",
        type=Path,
        default=None,
        help="score this existing demo directory (e.g. data/01_raw) instead of generating seeds",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logger.setLevel(logging.INFO)
    results = []
    if args.demo_dir is not None:
        result = evaluate_demo_dir(args.demo_dir, not args.no_catalog, args.work_dir)
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        results.append(result)
        args.seeds = []
    for seed in args.seeds:
        result = evaluate_seed(seed, args.n_comments, args.keep, not args.no_catalog, args.work_dir)
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        results.append(result)
    ok = all(
        r["precision@5"] >= 0.8 and r["recall@10"] >= 0.8 and not r["covered_intents_in_top10"]
        for r in results
    )
    summary = {
        "seeds": args.seeds if args.demo_dir is None else str(args.demo_dir),
        "precision@5": [r["precision@5"] for r in results],
        "recall@10": [r["recall@10"] for r in results],
        "covered_intents_in_top10": [len(r["covered_intents_in_top10"]) for r in results],
        "all_bars_met": ok,
    }
    sys.stdout.write(json.dumps(summary) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
