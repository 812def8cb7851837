"""Find (read-only): who the person is in each dataset, and their comment ids."""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..pseudonyms import pseudonymise_series
from ..registry import ROW_DATASETS, RowDataset
from .common import MENTION, TEXT_COLUMNS, TOMBSTONE_PREFIX
from .config import ProjectConfig, dataset_files
from .files import read_frame

logger = logging.getLogger(__name__)


@dataclass
class Targets:
    """What to erase: pseudonyms, comment ids, and a tombstone per erased comment id."""

    pseudonyms: set[str]
    comment_ids: set[str] = field(default_factory=set)
    tombstones: dict[str, str] = field(default_factory=dict)
    #: The targets' raw handles: other people's texts that mention them are rewritten.
    handles: set[str] = field(default_factory=set)
    _mention_re: re.Pattern[str] | None = field(default=None, repr=False)

    def mention_pattern(self) -> re.Pattern[str] | None:
        """``@handle`` for every handle, and the bare handle when it cannot be an ordinary
        word (it holds a digit, ``_``, ``.`` or ``-``: "marie_du_69", not "marie")."""
        if self._mention_re is None and self.handles:
            handles = sorted({h for h in self.handles if h}, key=len, reverse=True)
            at = "|".join(re.escape(h) for h in handles)
            bare = "|".join(re.escape(h) for h in handles if re.search(r"[\d_.\-]", h))
            pattern = rf"@\s?(?:{at})(?![\w\-])"
            if bare:
                pattern += rf"|(?<![\w@/.\-])(?:{bare})(?![\w\-])"
            self._mention_re = re.compile(pattern, re.IGNORECASE)
        return self._mention_re

    def scrub_mentions(self, text: Any) -> tuple[Any, int]:
        """``text`` with the targets' handles replaced by ``<MENTION>``, and how many."""
        pattern = self.mention_pattern()
        if pattern is None or not isinstance(text, str) or not text:
            return text, 0
        return pattern.subn(MENTION, text)

    def tombstone(self, comment_id: str) -> str:
        # Random, not a hash of the id: the tombstone must not lead back to the comment.
        if comment_id not in self.tombstones:
            self.tombstones[comment_id] = TOMBSTONE_PREFIX + secrets.token_hex(6)
        return self.tombstones[comment_id]


def as_str(values: pd.Series) -> pd.Series:
    return values.astype("string")


def row_mask(frame: pd.DataFrame, spec: RowDataset, targets: Targets, salt: str) -> pd.Series:
    """True for the rows that belong to the targets (any key column matches)."""
    mask = pd.Series(False, index=frame.index)
    for column, kind in spec.keys.items():
        if column not in frame.columns:
            continue
        values = as_str(frame[column])
        if kind == "comment_id":
            hit = values.isin(targets.comment_ids)
        elif kind == "author_raw":
            hit = pseudonymise_series(values, salt).isin(targets.pseudonyms)
        else:
            hit = values.isin(targets.pseudonyms)
        mask |= hit.fillna(False).astype(bool)
    return mask


def _author_keys(spec: RowDataset) -> bool:
    return (
        any(kind in ("author_id", "author_raw") for kind in spec.keys.values())
        and "comment_id" in spec.keys.values()
    )


def find_comments(cfg: ProjectConfig, targets: Targets) -> tuple[set[str], list[str]]:
    """The targets' comment ids and texts, from every version of datasets with id + author."""
    texts: list[str] = []
    ids: set[str] = set()
    for name, spec in ROW_DATASETS.items():
        if not _author_keys(spec) or name not in cfg.catalog:
            continue
        author_cols = {c: k for c, k in spec.keys.items() if k in ("author_id", "author_raw")}
        id_col = next(c for c, k in spec.keys.items() if k == "comment_id")
        for file in dataset_files(name, cfg.catalog[name], cfg.path):
            frame = read_frame(file.path)
            if id_col not in frame.columns:
                continue
            mine = row_mask(frame, RowDataset(author_cols), targets, cfg.salt)
            ids.update(as_str(frame.loc[mine, id_col]).dropna())
            for column, kind in author_cols.items():
                if kind == "author_raw" and column in frame.columns:
                    # The handle as written: others mention it ("@marie_du_69") in their text.
                    targets.handles.update(as_str(frame.loc[mine, column]).dropna().str.strip())
            for column in TEXT_COLUMNS:
                if column in frame.columns:
                    texts.extend(frame.loc[mine, column].dropna().astype(str))
    return ids, sorted(set(texts))


def export_rows(cfg: ProjectConfig, targets: Targets) -> tuple[dict[str, int], set[str]]:
    """How many of the targets' rows the exports still hold (never written), and their comment ids.

    The ids matter for rows rejected at ingestion (an unreadable date): they never reached
    ``comments_raw``, but the ingestion quarantine names them by their export id.
    """
    from kedro.io import AbstractDataset

    columns = (cfg.parameters.get("ingestion") or {}).get("columns") or {}
    uplift_columns = (cfg.parameters.get("uplift") or {}).get("columns") or {}
    author_columns = {
        "comments_export": columns.get("author", "author"),
        "campaign_export": uplift_columns.get("unit", "author"),
    }
    out: dict[str, int] = {}
    ids: set[str] = set()
    for name, column in author_columns.items():
        entry = cfg.catalog.get(name)
        if not entry or not column:
            continue
        entry = dict(entry)
        if entry.get("filepath") and not Path(entry["filepath"]).is_absolute():
            entry["filepath"] = str(cfg.path / entry["filepath"])
        try:
            frame = AbstractDataset.from_config(name, entry).load()
        except Exception as exc:  # a missing optional export is not an erasure failure
            logger.debug("%s not readable: %s", name, exc)
            continue
        if frame is None or column not in frame.columns:
            continue
        mine = (
            pseudonymise_series(frame[column].astype("string"), cfg.salt)
            .isin(targets.pseudonyms)
            .fillna(False)
        )
        if mine.any():
            out[name] = int(mine.sum())
            targets.handles.update(
                frame.loc[mine.astype(bool), column].dropna().astype(str).str.strip()
            )
            id_column = columns.get("id", "id") if name == "comments_export" else None
            if id_column and id_column in frame.columns:
                ids.update(frame.loc[mine.astype(bool), id_column].dropna().astype(str))
    return out, ids
