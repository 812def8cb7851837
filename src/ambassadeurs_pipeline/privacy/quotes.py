"""Quotes that cannot be traced back to their author (re-identification guard).

Placeholder: span helpers used by erasure; the guard itself follows.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Search-engine view of a text: case-folded, accents removed, punctuation ignored."""
    folded = unicodedata.normalize("NFKD", str(text).casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def shingles(text: str, n: int = 8) -> set[int]:
    """Hashes of every run of ``n`` consecutive words of ``text`` (see :func:`words`)."""
    tokens = words(text)
    return {zlib.crc32(" ".join(tokens[i : i + n]).encode()) for i in range(len(tokens) - n + 1)}
