"""Retention: purge raw and primary comments older than ``privacy.retention_days``.

Usage (from the project root)::

    python -m ambassadeurs_pipeline.privacy.retention [--env local] [--dry-run] [--days N]

Comments whose ``created_at`` is older than the cut-off, in any version of a dataset that has
the column (``registry.RowDataset.created_at``), are removed from every version of every
per-row dataset by the erasure mechanism (atomic rewrites, tombstoned links, aggregates
invalidated) and logged in ``data/09_privacy/erasure_log.jsonl`` with ``event: retention``.
Per-author rows (features, personas) are rebuilt from the remaining comments by the next run.
"""

from __future__ import annotations

import argparse
import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from .erase import (
    LOG_NAME,
    PRIVACY_DIR,
    ErasureResult,
    Targets,
    append_jsonl,
    apply_erasure,
    dataset_files,
    load_project_config,
    read_frame,
)
from .registry import ROW_DATASETS

logger = logging.getLogger(__name__)


def expired_comment_ids(cfg, cutoff: pd.Timestamp) -> set[str]:
    """Ids of comments created before ``cutoff`` in any version of any dated dataset."""
    ids: set[str] = set()
    for name, spec in ROW_DATASETS.items():
        if not spec.created_at or name not in cfg.catalog:
            continue
        id_col = next((c for c, k in spec.keys.items() if k == "comment_id"), None)
        for file in dataset_files(name, cfg.catalog[name], cfg.path):
            frame = read_frame(file.path)
            if id_col not in frame.columns or spec.created_at not in frame.columns:
                continue
            created = pd.to_datetime(frame[spec.created_at], errors="coerce", utc=True)
            ids.update(frame.loc[created < cutoff, id_col].dropna().astype(str))
    return ids


def purge_expired(
    project_path: Path | str = ".",
    env: str | None = None,
    *,
    days: int | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
) -> ErasureResult:
    """Remove every comment older than ``days`` (default ``privacy.retention_days``)."""
    cfg = load_project_config(project_path, env)
    days = int(
        days
        if days is not None
        else (cfg.parameters.get("privacy") or {}).get("retention_days", 730)
    )
    cutoff = pd.Timestamp(now or datetime.now(UTC)) - timedelta(days=days)
    if cutoff.tzinfo is None:
        cutoff = cutoff.tz_localize("UTC")
    targets = Targets(set(), expired_comment_ids(cfg, cutoff))
    if not targets.comment_ids:
        result = ErasureResult([], "nothing_found")
    else:
        result = apply_erasure(cfg, targets, dry_run=dry_run)
    record: dict[str, Any] = result.log_record("retention")
    record.update({"retention_days": days, "cutoff": cutoff.isoformat()})
    if not dry_run:
        append_jsonl(cfg.path / PRIVACY_DIR / LOG_NAME, record)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ambassadeurs_pipeline.privacy.retention")
    parser.add_argument("--env", default=None)
    parser.add_argument("--project", default=".")
    parser.add_argument("--days", type=int, default=None, help="override privacy.retention_days")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
    result = purge_expired(args.project, args.env, days=args.days, dry_run=args.dry_run)
    print(
        f"status: {result.status}; comments purged: {result.n_comments}; rows removed: {result.rows_removed} "
        f"in {len(result.changes)} file version(s); derived versions deleted: {len(result.derived_deleted)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
