"""Invalidate aggregates: does a derived file mention the person?"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..quotes import shingles
from .common import SPAN_WORDS, TEXT_SUFFIXES
from .find import Targets

_TOKEN = re.compile(r"[\w-]+")


def file_text(path: Path) -> str | None:
    if path.is_dir():
        parts = [file_text(p) for p in sorted(path.rglob("*")) if p.is_file()]
        return "\n".join(p for p in parts if p)
    if path.suffix not in TEXT_SUFFIXES:
        return None
    if path.suffix == ".parquet":
        return pd.read_parquet(path).astype(str).to_csv(index=False)
    import html

    return html.unescape(path.read_text(encoding="utf-8", errors="replace"))


def mentions(text: str, targets: Targets, person_spans: set[int]) -> bool:
    """True when ``text`` names a target pseudonym or comment id, or quotes 8 of their words."""
    tokens = set(_TOKEN.findall(text))
    if tokens & targets.pseudonyms or tokens & targets.comment_ids:
        return True
    return bool(person_spans and shingles(text, SPAN_WORDS) & person_spans)
