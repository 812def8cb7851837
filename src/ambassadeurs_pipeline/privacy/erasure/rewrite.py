"""Rewrite rows: drop the person's rows, tombstone links to their comments, scrub mentions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..registry import RowDataset
from .common import MENTION_COLUMNS
from .config import DatasetFile
from .files import atomic_replace, read_frame
from .find import Targets, as_str, row_mask


@dataclass
class FileChange:
    dataset: str
    version: str | None
    rows_removed: int
    links_tombstoned: int
    mentions_replaced: int = 0


def rewrite_rows(
    file: DatasetFile, spec: RowDataset, targets: Targets, salt: str, dry_run: bool
) -> FileChange | None:
    """Remove the targets' rows from one file and tombstone links to their comments.

    Returns ``None`` when nothing in the file matches (the file is not touched).
    """
    frame = read_frame(file.path)
    mask = row_mask(frame, spec, targets, salt)
    link_hits = {}
    for column in spec.links:
        if column in frame.columns:
            hits = (
                as_str(frame[column]).isin(targets.comment_ids).fillna(False).astype(bool) & ~mask
            )
            if hits.any():
                link_hits[column] = hits
    n_links = int(sum(h.sum() for h in link_hits.values()))
    # Other people's texts that mention the person (@handle): rewritten, not removed.
    scrubbed: dict[str, list[Any]] = {}
    n_mentions = 0
    if targets.mention_pattern() is not None:
        for column in MENTION_COLUMNS:
            if column not in frame.columns:
                continue
            values = frame[column].tolist()
            new, count = [], 0
            for value, erased in zip(values, mask.to_numpy()):
                text, k = (value, 0) if erased else targets.scrub_mentions(value)
                new.append(text)
                count += k
            if count:
                scrubbed[column] = new
                n_mentions += count
    if not mask.any() and not n_links and not n_mentions:
        return None
    change = FileChange(file.dataset, file.version, int(mask.sum()), n_links, n_mentions)
    if dry_run:
        return change
    if file.path.suffix == ".parquet":
        _rewrite_parquet(file.path, mask, link_hits, targets, scrubbed)
    else:
        for column, hits in link_hits.items():
            frame.loc[hits, column] = frame.loc[hits, column].map(targets.tombstone)
        for column, values in scrubbed.items():
            frame[column] = values
        kept = frame[~mask]
        atomic_replace(file.path, lambda tmp: kept.to_csv(tmp, index=False, encoding="utf-8"))
    return change


def _rewrite_parquet(
    path: Path,
    mask: pd.Series,
    link_hits: dict[str, pd.Series],
    targets: Targets,
    scrubbed: dict[str, list[Any]] | None = None,
) -> None:
    # pyarrow end to end: other rows keep their exact values, types and the schema metadata.
    table = pq.read_table(path)
    for column, values in (scrubbed or {}).items():
        i = table.column_names.index(column)
        original = table.column(column)
        new = pa.array([v if isinstance(v, str) else None for v in values], pa.string())
        table = table.set_column(i, table.schema.field(i), pc.cast(new, original.type))
    for column, hits in link_hits.items():
        i = table.column_names.index(column)
        original = table.column(column)
        as_text = pc.cast(original, pa.string())
        replaced = [
            targets.tombstone(v) if h else None
            for v, h in zip(as_text.to_pylist(), hits.to_numpy())
        ]
        new = pc.if_else(pa.array(hits.to_numpy()), pa.array(replaced, pa.string()), as_text)
        table = table.set_column(i, table.schema.field(i), pc.cast(new, original.type))
    table = table.filter(pa.array(~mask.to_numpy()))
    atomic_replace(path, lambda tmp: pq.write_table(table, tmp))
