"""Command line: ``python -m ambassadeurs_pipeline.privacy.erase``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any

from .apply import ErasureResult, erase
from .common import UnknownAuthorError


def _summary(result: ErasureResult) -> str:
    lines = [
        f"status: {result.status}",
        f"authors: {', '.join(result.authors)}",
        f"comments erased: {result.n_comments}; rows removed: {result.rows_removed} "
        f"in {len(result.changes)} file version(s); {result.seconds:.2f} s",
        f"mentions of the person in others' texts replaced: {sum(c.mentions_replaced for c in result.changes)}",
    ]
    per: dict[str, int] = {}
    for c in result.changes:
        per[c.dataset] = per.get(c.dataset, 0) + c.rows_removed
    lines += [f"  {name}: {n} row(s)" for name, n in sorted(per.items())]
    if result.derived_deleted:
        lines.append(
            f"derived versions deleted (recomputed by the next `kedro run`): {len(result.derived_deleted)}"
        )
    if result.reports_quoting:
        lines.append(
            "reports that quoted or named the person: " + ", ".join(result.reports_quoting)
        )
    for name, n in result.exports_still_holding.items():
        lines.append(
            f"WARNING: your export {name} still holds {n} row(s) of this person: erase them at source."
        )
    return "\n".join(lines)


def parse_params(items: list[str]) -> dict[str, Any]:
    out = {}
    for item in items or []:
        for pair in item.split(","):
            key, _, value = pair.partition("=")
            if key:
                out[key.strip()] = value.strip()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ambassadeurs_pipeline.privacy.erase", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--author", action="append", required=True, help="raw handle or pseudonym au_…; repeatable"
    )
    parser.add_argument(
        "--env",
        default=None,
        help="Kedro environment whose credentials hold the salt (default: local)",
    )
    parser.add_argument("--project", default=".", help="project root (default: current directory)")
    parser.add_argument(
        "--params",
        action="append",
        default=[],
        help="runtime params, e.g. comments_path=/data/x.csv",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would be removed, change nothing"
    )
    parser.add_argument(
        "--keep-derived",
        action="store_true",
        help="flag aggregates that mention the person instead of deleting them",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
    try:
        result = erase(
            args.author,
            args.project,
            args.env,
            dry_run=args.dry_run,
            keep_derived=args.keep_derived,
            runtime_params=parse_params(args.params),
        )
    except UnknownAuthorError as exc:
        print(f"erase: {exc}", file=sys.stderr)
        return 2
    print(_summary(result))
    return 0
