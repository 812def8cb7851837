"""Render ``benchmarks/results.json`` (written by ``run_all.py``) as ``benchmarks/results.md``."""

from __future__ import annotations

from typing import Any

TARGETS = {100_000: (10 * 60, 6 * 1024), 1_000_000: (90 * 60, 16 * 1024)}


def _fmt(x: Any, digits: int = 1) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:,.{digits}f}"
    if isinstance(x, int):
        return f"{x:,}"
    return str(x)


def _peak(run: dict) -> float:
    """MB: the process tree's peak when worker processes were used, else the child's own."""
    return max(run["peak_rss_mb"], run.get("tree_peak_rss_mb") or 0.0)


def _cpu_min(run: dict) -> float:
    """Minutes of CPU: with worker processes, the tree's (sampled), else the child's rusage."""
    return max(run["cpu_user_s"] + run["cpu_sys_s"], run.get("tree_cpu_s") or 0.0) / 60


def _engine(run: dict) -> str:
    engine = run.get("engine", "local")
    return f"{engine} ({run.get('workers')} workers)" if engine in ("processes", "auto") else engine


def _stage_row(stage: str, s: dict[str, Any]) -> str:
    return (
        f"| {stage} | {_fmt(s['seconds'])} | {_fmt(s['comments_per_s'])} | {_fmt(s.get('cpu_s'))} | "
        f"{_fmt(s.get('comments_per_cpu_s'))} | {s['peak_rss_mb_so_far'] / 1024:.2f} |"
    )


def render(results: dict[str, Any]) -> str:
    m = results.get("machine", {})
    lines = [
        "# Benchmark results",
        "",
        "Written by `nice python benchmarks/run_all.py` (see its docstring and docs/scale.md); every",
        "figure below comes from `benchmarks/results.json`, which that command writes. Timings were",
        "taken on a machine shared with other jobs: the load average is recorded with each run.",
        "",
        "## Machine",
        "",
        f"- CPU: {m.get('cpu', '?')} — {m.get('cores', '?')} cores; memory {m.get('memory_gb', '?')} GB; {m.get('os', '')}",
        f"- commit `{m.get('commit', '?')}`, measured {m.get('date', '?')}",
        "- versions: " + ", ".join(f"{k} {v}" for k, v in m.get("versions", {}).items()),
        "",
        "## Whole `kedro run` per corpus size",
        "",
        "Default parameters, default pipeline, a fresh child process per size. Stage time = for each",
        "of its nodes, the time from the end of the previous node's saves to the end of its own",
        "(loads + compute + saves). Comments/s = generated comments / stage time. CPU s = CPU time",
        "of the run's process over the same spans (all threads): on a shared machine the wall time",
        "depends on the other jobs, the CPU time much less.",
        "",
        "Peak RSS is the whole process tree's (Kedro + worker processes, sampled every 2 s) when the",
        "run used worker processes (engine `processes`), else the Kedro process' own peak.",
        "",
        "| comments | engine | wall | CPU (user + sys) | peak RSS | target | load avg before → after | niceness | rows in / kept / quarantined / in model |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    runs = results.get("runs", {})
    for key in sorted(runs, key=int):
        r = runs[key]
        n = int(key)
        target = TARGETS.get(n)
        if r.get("partial"):
            verdict = f"**stopped before the end** (exit {r.get('exit_status')}): stages below are those that finished"
        elif "error" in r:
            verdict = f"**failed** (exit {r.get('exit_status')})"
        elif target:
            ok = r["wall_s"] <= target[0] and _peak(r) <= target[1]
            verdict = f"≤ {target[0] // 60} min, < {target[1] // 1024} GB: **{'met' if ok else 'not met'}**"
        else:
            verdict = "–"
        c = r.get("cleaning_report", {})
        counts = " / ".join(
            _fmt(c.get(k)) for k in ("rows_in", "rows_kept", "rows_quarantined", "in_model")
        )
        lines.append(
            f"| {n:,} | {_engine(r)} | {r['wall_s'] / 60:.1f} min | {_cpu_min(r):.1f} min | "
            f"{_peak(r) / 1024:.2f} GB | {verdict} | {r['load_before'][0]} → {r['load_after'][0]} | "
            f"{r.get('niceness', '?')} | {counts} |"
        )
    for key in sorted(runs, key=int):
        r = runs[key]
        if "stages" not in r or r.get("partial"):
            if r.get("partial"):
                lines += [
                    "",
                    f"### {int(key):,} comments, per stage (partial run: only the nodes that finished)",
                    "",
                    "| stage | wall s | comments/s | CPU s | comments per CPU s | peak RSS so far (GB) |",
                    "|---|---|---|---|---|---|",
                ]
                for stage, s in r["stages"].items():
                    lines.append(_stage_row(stage, s))
                done = r["nodes"][-1]["node"] if r["nodes"] else "none"
                lines.append(f"\nLast node finished: `{done}`.")
                continue
            if "error" in r:
                lines += [
                    "",
                    f"### {int(key):,} comments: failed",
                    "",
                    "```",
                    r["error"][-1500:],
                    "```",
                ]
            continue
        if r.get("note"):
            lines += ["", f"Run note ({int(key):,}): {r['note']}"]
        lines += [
            "",
            f"### {int(key):,} comments, per stage",
            "",
            "| stage | wall s | comments/s | CPU s | comments per CPU s | peak RSS so far (GB) |",
            "|---|---|---|---|---|---|",
        ]
        for stage, s in r["stages"].items():
            lines.append(_stage_row(stage, s))
        slow = sorted(r["nodes"], key=lambda x: -x.get("span_s", 0))[:6]
        lines.append("")
        lines.append(
            "Slowest nodes: "
            + ", ".join(f"`{x['node']}` {x.get('span_s', 0):.0f} s" for x in slow)
            + "."
        )
    if results.get("notes"):
        lines += ["", "Notes on these runs:", ""] + [f"- {note}" for note in results["notes"]]
    b = results.get("baselines")
    if b:
        lines += [
            "",
            "## Baselines on the same corpus",
            "",
            b.get("note", ""),
            "",
            "| setup | documents | embedding docs/s | embed + topic stage s (docs/s) | NMI vs theme | NPMI | outlier share | topics |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for row in b.get("rows", []):
            if "error" in row:
                lines.append(f"| {row['setup']} | failed: {row['error'][-200:]!r} | | | | | | |")
                continue
            lines.append(
                f"| {row['setup']} | {_fmt(row.get('n_docs'))} | {_fmt(row.get('embed_docs_per_s'))} | "
                f"{_fmt(row.get('stage_s'))} ({_fmt(row.get('stage_docs_per_s'))}) | {_fmt(row.get('nmi_theme'), 3)} | "
                f"{_fmt(row.get('npmi'), 3)} | {_fmt(row.get('outlier_share'), 3)} | {_fmt(row.get('n_topics'))} |"
            )
        for line in b.get("verdict", []):
            lines.append(f"\n{line}")
    lines.append("")
    return "\n".join(lines)
