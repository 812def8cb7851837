"""Throughput and peak memory of the cleaning stage on demo corpora (not a test).

    nice python benchmarks/bench_cleaning.py --sizes 20000 100000 [--seed 42] [--no-ner]
        [--engine auto|local|processes --workers 2]

For each size, generates and ingests the demo corpus (``generate_demo``), then runs the
cleaning nodes on it in a fresh subprocess (so peak RSS is cleaning's alone), and prints
comments/s overall and per node, and the peak resident memory. Model loading (spaCy,
lingua) is included in the first node that needs it and reported separately as "warm-up".
Results are also written as JSON (``--out``).

``--engine`` defaults to ``auto``, the pipeline's own default (``execution.engine: auto``):
the row-wise nodes run on local processes when they have at least ``auto_min_rows`` (50,000)
rows and the machine has 2+ cores, in the Kedro process otherwise; the result says which
engine each size resolved to. ``--engine local`` forces the single process.
``--engine processes`` runs the row-wise nodes (normalise, pseudonymise, languages) on
``--workers`` local processes, as ``kedro run --params "execution.engine=processes"`` does;
outputs are the same as the default single-process run. The wall-clock figures are then the
ones to read: the CPU figures count the parent process only, not its workers, and the workers'
model loading falls inside the first node that uses them.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from process_tree import TreePeakSampler

# The evaluation harness lives at the repository root, beside src/ (not in the wheel).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

logger = logging.getLogger("bench_cleaning")


def _make_input(n: int, seed: int, path: Path) -> None:
    """Generate and ingest the demo corpus (outside the measured process)."""
    from ambassadeurs_pipeline.demo.generator import generate_demo
    from ambassadeurs_pipeline.pipelines.ingestion.nodes import ingest_comments
    from ambassadeurs_pipeline.pipelines.ingestion.params import IngestionParams

    demo = generate_demo(n_comments=n, seed=seed)
    raw, _, _ = ingest_comments(
        demo.comments.astype("string").fillna(""), IngestionParams(), "demo.csv"
    )
    raw.to_parquet(path)


def _reference_loop_seconds() -> float:
    """CPU seconds of a fixed pure-Python loop (10 million additions, best of 3): a yardstick
    of the host's speed, so that figures taken on a shared or throttled machine can be compared
    across days (the same code ran at 1,084 comments/s on one day and 674 on another)."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        total = 0
        for i in range(10_000_000):
            total += i
        best = min(best, time.process_time() - start)
    return round(best, 3)


def _one_run(path: Path, use_ner: bool, engine: str = "local", workers: int = 2) -> dict:
    import pandas as pd

    from ambassadeurs_pipeline.execution import ExecutionParams
    from ambassadeurs_pipeline.pipelines.cleaning.language import _detector
    from ambassadeurs_pipeline.pipelines.cleaning.nodes import get_detector
    from ambassadeurs_pipeline.pipelines.cleaning.params import CleaningParams
    from evaluation.cleaning import run_cleaning

    params = CleaningParams(pii={"use_ner": use_ner})
    from ambassadeurs_pipeline.execution.engine import resolve_engine

    raw = pd.read_parquet(path)
    n = len(raw)
    execution = ExecutionParams(engine=engine, n_workers=workers)
    # What 'auto' becomes for this many rows (the row-wise nodes see n rows or fewer: the
    # distinct texts for PII; the resolution is redone per node inside the pipeline).
    resolved = resolve_engine(execution, n)
    # Load the models first so the per-node times measure the work, not the loading.
    start = time.perf_counter()
    detector = get_detector(params.pii)
    for part in getattr(detector, "detectors", []):
        if hasattr(part, "_load"):
            part._load()
    codes = tuple(sorted(set(params.language.candidates) | {"fr"}))
    _detector(codes).compute_language_confidence_values("Bonjour à tous")
    _detector(codes, low_accuracy=True).compute_language_confidence_values("Bonjour à tous")
    warm_up = time.perf_counter() - start
    cpu0 = time.process_time()
    # With worker processes, the parent's peak is not the cost: the process tree's is.
    sampler = TreePeakSampler()
    sampler.start()
    outputs, timings = run_cleaning(raw, params, execution=execution)
    tree_peak_mb = sampler.stop()
    # CPU time as well as wall time: on a shared machine the wall figure moves with the load.
    cpu = time.process_time() - cpu0
    total = sum(timings.values())
    return {
        "comments": n,
        "use_ner": use_ner,
        "engine": engine,
        "engine_resolved": resolved.engine,
        "workers": resolved.n_workers if resolved.engine != "local" else 1,
        "warm_up_seconds": round(warm_up, 2),
        "seconds": round(total, 2),
        "comments_per_second": round(n / total, 1),
        "cpu_seconds": round(cpu, 2),
        "cpu_ms_per_comment": round(1000 * cpu / n, 3),
        "comments_per_cpu_second": round(n / cpu, 1),
        "comments_per_second_by_node": {
            k: round(n / v, 1) if v else None for k, v in timings.items()
        },
        "seconds_by_node": timings,
        "ner_texts_run": outputs["cleaning_report"]["pii"]["ner_texts_run"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_tree_rss_mb": tree_peak_mb,
        "reference_loop_seconds": _reference_loop_seconds(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 100_000])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-ner", action="store_true")
    parser.add_argument(
        "--engine",
        choices=["auto", "local", "processes"],
        default="auto",
        help="execution.engine (auto: the pipeline's default, see above)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="worker processes (--engine processes or auto)"
    )
    parser.add_argument("--out", type=Path, default=Path("data/08_reporting/bench_cleaning.json"))
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.child:
        logging.getLogger("ambassadeurs_pipeline").setLevel(logging.WARNING)
        run = _one_run(args.child, not args.no_ner, args.engine, args.workers)
        sys.stdout.write(json.dumps(run) + "\n")
        return
    results = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "comments_raw.parquet"
            _make_input(n, args.seed, path)
            cmd = [sys.executable, __file__, "--child", str(path)]
            if args.no_ner:
                cmd.append("--no-ner")
            cmd += ["--engine", args.engine, "--workers", str(args.workers)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(result)
        logger.info(
            "%7d comments: %6.1f comments/s (%.1f s, warm-up %.1f s), CPU %.3f ms/comment "
            "(%.1f comments per CPU second, parent process only), peak RSS %.0f MB (process "
            "tree: %s MB), NER on %d texts, engine %s -> %s (%d workers), host reference loop "
            "%.2f s",
            n,
            result["comments_per_second"],
            result["seconds"],
            result["warm_up_seconds"],
            result["cpu_ms_per_comment"],
            result["comments_per_cpu_second"],
            result["peak_rss_mb"],
            result["peak_tree_rss_mb"],
            result["ner_texts_run"],
            result["engine"],
            result["engine_resolved"],
            result["workers"],
            result["reference_loop_seconds"],
        )
        logger.info("         by node (comments/s): %s", result["comments_per_second_by_node"])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
