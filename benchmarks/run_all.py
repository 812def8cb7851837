"""The benchmark suite: whole ``kedro run`` per corpus size, per stage, plus baselines.

    nice python benchmarks/run_all.py --sizes 10000 100000 1000000 [--seed 42]
        [--workdir DIR] [--baseline-size 100000] [--baseline-subsample 5000]
        [--baseline-python PATH]   # or AMBASSADEURS_BASELINE_PYTHON (bench_paths.py)

For each size:

1. the demo corpus is generated with the project generator
   (``python -m ambassadeurs_pipeline.demo --n-comments N --seed S --out DIR``) under
   ``--workdir`` (default ``AMBASSADEURS_BENCH_WORKDIR`` or a folder in the system temp dir;
   kept between runs: generation is not what is measured);
2. a throw-away copy of the project is made next to it (``conf/base`` copied,
   ``conf/local/credentials.yml`` with a benchmark salt, the corpus as ``data/01_raw``), so
   nothing is ever written into the repository's ``data/``;
3. the whole ``kedro run`` (default pipeline, default parameters) runs there in a fresh child
   process; a timing hook registered only in that child records, per node, the time from the
   end of the previous node's saves to the end of its own saves (loads + compute + saves),
   summed per stage; the parent reads the child's own peak RSS with ``os.wait4``.

At ``--baseline-size`` the same corpus is then used for the baselines (``baselines.py``): the
pipeline's own topics (read from that run's outputs), stock BERTopic with all-MiniLM-L6-v2
(in the separate torch environment ``--baseline-python`` or ``AMBASSADEURS_BASELINE_PYTHON``,
checked before any run; on a seeded subsample of
``--baseline-subsample`` in-model comments if set) and scikit-learn LDA.

Results are merged by size into ``benchmarks/results.json`` (so sizes can be run one at a
time) and rendered to ``benchmarks/results.md`` with the machine, versions and load average.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import secrets
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from bench_paths import (
    BASELINE_PYTHON_ENV,
    check_baseline_python,
    default_baseline_python,
    default_workdir,
)
from process_tree import tree_usage

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

logger = logging.getLogger("run_all")

STAGES = ["ingestion", "cleaning", "topics", "gaps", "personas", "uplift", "privacy", "reporting"]
VERSIONED_PACKAGES = [
    "kedro",
    "bertopic",
    "umap-learn",
    "hdbscan",
    "scikit-learn",
    "numpy",
    "pandas",
    "pyarrow",
    "spacy",
    "lingua-language-detector",
    "datasketch",
    "ftfy",
]


# --------------------------------------------------------------------------- child side
def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_kedro_child(project: Path, out: Path, engine: str = "local", workers: int = 2) -> None:
    """Runs inside the measured child: the whole default pipeline with a node timer."""
    import resource

    from kedro.framework.hooks import hook_impl
    from kedro.framework.project import pipelines
    from kedro.framework.session import KedroSession
    from kedro.framework.startup import bootstrap_project

    bootstrap_project(project)
    stage_of = {}
    for name in STAGES:
        if name in pipelines:
            for node in pipelines[name].nodes:
                stage_of.setdefault(node.name, name)

    class NodeTimer:
        """Span of each node: from the end of the previous node's saves to the end of its own."""

        def __init__(self) -> None:
            self.rows: list[dict[str, Any]] = []
            self.last = time.perf_counter()
            self.last_cpu = time.process_time()
            self.current: str | None = None
            self.compute_start = 0.0

        def _close(self) -> None:
            if self.current is None:
                return
            # The node ends with its last save (a generator node computes while it is saved),
            # not when the next node starts: the next node's loads are the next node's.
            self.rows[-1]["span_s"] = round(self.last - self.rows[-1].pop("_start"), 3)
            # CPU seconds of this process (all threads): what the node costs, whatever the
            # other jobs on a shared machine did to the wall time.
            self.rows[-1]["cpu_s"] = round(self.last_cpu - self.rows[-1].pop("_start_cpu"), 3)
            self.rows[-1]["rss_mb_after"] = round(_rss_mb(), 1)
            self.rows[-1]["peak_rss_mb_so_far"] = round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            )
            self.current = None
            # One line per finished node, so a run stopped half-way still says how far it got.
            with open(out.with_suffix(".partial.jsonl"), "a") as fh:
                fh.write(json.dumps(self.rows[-1]) + "\n")

        @hook_impl
        def before_pipeline_run(self, run_params, pipeline, catalog) -> None:  # noqa: ARG002
            self._mark()

        @hook_impl
        def before_node_run(self, node, catalog, inputs, is_async, run_id) -> None:  # noqa: ARG002
            self._close()
            self.rows.append(
                {
                    "node": node.name,
                    "stage": stage_of.get(node.name, "?"),
                    "_start": self.last,
                    "_start_cpu": self.last_cpu,
                }
            )
            self.current = node.name
            self.compute_start = time.perf_counter()

        @hook_impl
        def after_node_run(self, node, catalog, inputs, outputs, is_async, run_id) -> None:  # noqa: ARG002
            self.rows[-1]["compute_s"] = round(time.perf_counter() - self.compute_start, 3)
            self._mark()

        def _mark(self) -> None:
            self.last = time.perf_counter()
            self.last_cpu = time.process_time()

        @hook_impl
        def after_dataset_saved(self, dataset_name, data, node) -> None:  # noqa: ARG002
            self._mark()

        @hook_impl
        def after_pipeline_run(self, run_params, run_result, pipeline, catalog) -> None:  # noqa: ARG002
            self._close()

        @hook_impl
        def on_node_error(self, error, node, catalog, inputs, is_async, run_id) -> None:  # noqa: ARG002
            self._mark()
            self._close()

    timer = NodeTimer()
    start = time.perf_counter()
    # Same as `kedro run --params "execution.engine=...,execution.n_workers=..."`.
    # Always passed, "local" included: the project's default is "auto" since round 12.
    runtime = {"execution": {"engine": engine, "n_workers": workers}}
    with KedroSession.create(project_path=project, runtime_params=runtime) as session:
        # Private attribute on purpose: the timer exists only in this benchmark child and
        # must not become a project hook.
        session._hook_manager.register(timer)
        session.run()
    out.write_text(
        json.dumps({"nodes": timer.rows, "session_s": round(time.perf_counter() - start, 2)})
    )


# -------------------------------------------------------------------------- parent side
def generate_corpus(n: int, seed: int, workdir: Path) -> tuple[Path, float | None]:
    target = workdir / "corpora" / f"n{n}_s{seed}"
    if (target / "comments.csv").exists() and (target / "ground_truth" / "comments.csv").exists():
        return target, None
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "ambassadeurs_pipeline.demo",
            "--n-comments",
            str(n),
            "--seed",
            str(seed),
            "--out",
            str(target),
            "--quiet",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target, round(time.perf_counter() - start, 1)


def make_project_copy(corpus: Path, dest: Path) -> Path:
    """A disposable project: repository conf, a benchmark salt, the corpus as data/01_raw."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "conf" / "local").mkdir(parents=True)
    shutil.copytree(ROOT / "conf" / "base", dest / "conf" / "base")
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    # Kedro wants src/ inside the project; the package itself is the installed one.
    (dest / "src").mkdir()
    (dest / "src" / "ambassadeurs_pipeline").symlink_to(ROOT / "src" / "ambassadeurs_pipeline")
    # Demo data: the salt only needs to be fixed for this run, not secret.
    (dest / "conf" / "local" / "credentials.yml").write_text(
        f"pseudonymisation:\n  salt: bench-{secrets.token_urlsafe(16)}\n", encoding="utf-8"
    )
    raw = dest / "data" / "01_raw"
    raw.mkdir(parents=True)
    for item in corpus.iterdir():
        (raw / item.name).symlink_to(item)  # read-only inputs: never copied, never written
    return dest


def run_whole_pipeline(
    project: Path,
    n: int,
    time_limit_s: float | None = None,
    engine: str = "local",
    workers: int = 2,
) -> dict[str, Any]:
    timings = project / "node_timings.json"
    for stale in (timings, timings.with_suffix(".partial.jsonl")):
        stale.unlink(missing_ok=True)
    log = project / "kedro_run.log"
    load_before = os.getloadavg()
    start = time.perf_counter()
    with open(log, "w") as fh:
        proc = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--child-project",
                str(project),
                "--child-out",
                str(timings),
                "--engine",
                engine,
                "--workers",
                str(workers),
            ],
            cwd=project,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
        # With worker processes the child's own peak RSS is not the run's: sample the whole
        # process tree (child + workers) every 2 s and keep the largest sum.
        tree_peak, cpu_seen = 0.0, {}
        while True:
            tree_peak = max(tree_peak, tree_usage(proc.pid, cpu_seen))
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time_limit_s and time.perf_counter() - start > time_limit_s:
                logger.warning(
                    "n=%d: stopping the run after %.0f min (--time-limit-min)", n, time_limit_s / 60
                )
                proc.terminate()
                _, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(2)
    wall = time.perf_counter() - start
    result: dict[str, Any] = {
        "n_comments": n,
        "wall_s": round(wall, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "cpu_user_s": round(usage.ru_utime, 1),
        "cpu_sys_s": round(usage.ru_stime, 1),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "exit_status": os.waitstatus_to_exitcode(status),
        # Relative to --workdir: a machine's own path has no place in the committed results.
        "log": f"<workdir>/{log.parent.name}/{log.name}",
        "niceness": os.nice(0),
        "engine": engine,
        "workers": workers if engine != "local" else 1,
        "tree_peak_rss_mb": round(tree_peak, 1),
        # Sampled every 2 s: the last 2 s of a worker are missed (a lower bound).
        "tree_cpu_s": round(sum(cpu_seen.values()), 1),
    }
    partial = timings.with_suffix(".partial.jsonl")
    if timings.exists():
        detail = json.loads(timings.read_text())
    else:
        # Failed or stopped: keep the nodes that finished, clearly marked as a partial run.
        result["error"] = log.read_text(errors="replace")[-3000:]
        if not partial.exists():
            return result
        detail = {
            "nodes": [
                json.loads(line) for line in partial.read_text().splitlines() if line.strip()
            ],
            "session_s": None,
        }
        result["partial"] = True
    stages: dict[str, dict[str, float]] = {}
    for row in detail["nodes"]:
        s = stages.setdefault(
            row["stage"], {"seconds": 0.0, "cpu_s": 0.0, "peak_rss_mb_so_far": 0.0}
        )
        s["seconds"] += row.get("span_s", 0.0)
        s["cpu_s"] += row.get("cpu_s", 0.0)
        s["peak_rss_mb_so_far"] = max(s["peak_rss_mb_so_far"], row.get("peak_rss_mb_so_far", 0.0))
    for s in stages.values():
        s["seconds"] = round(s["seconds"], 1)
        s["cpu_s"] = round(s["cpu_s"], 1)
        s["comments_per_cpu_s"] = round(n / s["cpu_s"], 1) if s["cpu_s"] else None
        s["comments_per_s"] = round(n / s["seconds"], 1) if s["seconds"] else None
    result["stages"] = stages
    result["nodes"] = detail["nodes"]
    result["kedro_session_s"] = detail["session_s"]
    report = _latest(project / "data" / "08_reporting" / "cleaning_report.json")
    if report and report.exists():
        cleaning = json.loads(report.read_text())
        result["cleaning_report"] = {
            k: cleaning[k]
            for k in ("rows_in", "rows_kept", "rows_quarantined", "in_model")
            if k in cleaning
        }
    return result


def _latest(path: Path) -> Path | None:
    if path.is_dir():
        versions = sorted(p for p in path.iterdir() if p.is_dir())
        return versions[-1] / path.name if versions else None
    return path if path.exists() else None


def machine() -> dict[str, Any]:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = int(
        next(
            line
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ).split()[1]
    )
    versions = {"python": platform.python_version()}
    for pkg in VERSIONED_PACKAGES:
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            pass
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(mem_kb / 2**20, 1),
        "os": platform.platform(),
        "versions": versions,
        "commit": commit,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", type=Path, default=default_workdir())
    parser.add_argument(
        "--baseline-size", type=int, default=100_000, help="0 to skip the baselines"
    )
    parser.add_argument(
        "--baseline-subsample",
        type=int,
        default=5_000,
        help="stock BERTopic on this many in-model comments (0: all); its throughput is extrapolated",
    )
    parser.add_argument(
        "--baseline-python",
        default=default_baseline_python(),
        help=f"Python with torch + sentence-transformers + bertopic (default: ${BASELINE_PYTHON_ENV})",
    )
    parser.add_argument(
        "--time-limit-min",
        type=float,
        default=None,
        help="stop a run after this long and report the stages that finished",
    )
    parser.add_argument("--results", type=Path, default=HERE / "results.json")
    parser.add_argument(
        "--report-only", action="store_true", help="re-render results.md from results.json"
    )
    parser.add_argument(
        "--engine",
        choices=["auto", "local", "processes"],
        default="auto",
        help="params execution.engine of the measured run (auto: the project's default, local "
        "processes for steps of 50k+ rows on 2+ cores; processes: every core)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="execution.n_workers with --engine processes or auto"
    )
    parser.add_argument("--child-project", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_project:
        run_kedro_child(args.child_project, args.child_out, args.engine, args.workers)
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sys.path.insert(0, str(HERE))
    from render_results import render

    results = (
        json.loads(args.results.read_text())
        if args.results.exists()
        else {"runs": {}, "baselines": {}}
    )
    if not args.report_only and args.baseline_size in args.sizes:
        # Before an hour of runs, not after: the baseline needs its own torch environment.
        args.baseline_python = check_baseline_python(args.baseline_python)
    if not args.report_only:
        results["machine"] = machine()
        for n in args.sizes:
            corpus, gen_s = generate_corpus(n, args.seed, args.workdir)
            project = make_project_copy(corpus, args.workdir / f"project_n{n}")
            logger.info("n=%d: kedro run in %s (load %s)", n, project, os.getloadavg())
            run = run_whole_pipeline(
                project,
                n,
                args.time_limit_min * 60 if args.time_limit_min else None,
                args.engine,
                args.workers,
            )
            run["generate_s"] = gen_s
            run["seed"] = args.seed
            results["runs"][str(n)] = run
            logger.info(
                "n=%d: %s s, peak RSS %s MB, stages %s",
                n,
                run["wall_s"],
                run["peak_rss_mb"],
                run.get("stages"),
            )
            args.results.write_text(json.dumps(results, indent=2))
            if n == args.baseline_size and "error" not in run:
                from baselines import run_baselines

                results["baselines"] = run_baselines(
                    project, corpus, run, args.seed, args.baseline_subsample, args.baseline_python
                )
                args.results.write_text(json.dumps(results, indent=2))
    (HERE / "results.md").write_text(render(results), encoding="utf-8")
    logger.info("wrote %s", HERE / "results.md")


if __name__ == "__main__":
    main()
