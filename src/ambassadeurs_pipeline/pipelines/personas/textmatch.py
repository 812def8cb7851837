"""Length-preserving French text folding and evidence snippets for pattern matching.

Patterns are written without accents, in lower case, with a plain apostrophe. Folding keeps
one character per input character, so a match's offsets point into the original
(pseudonymised) text and the evidence snippet shows the author's own words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    base = unicodedata.normalize("NFKD", char)[:1].lower()
    return base if len(base) == 1 else char.lower()


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes unified; same length as ``text``."""
    return "".join(_fold_char(c) for c in text)


def snippet(text: str, start: int, end: int, width: int = 60) -> str:
    """The match with up to ``width`` characters of context, cut at word boundaries."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    out = text[left:right].strip()
    return ("…" if left > 0 else "") + out + ("…" if right < len(text) else "")


#: Negation just before a disclosure ("je ne suis pas médecin", "sans être infirmière").
NEGATION_BEFORE = re.compile(r"(\bpas|\bjamais|\bsans etre|\bsans|\bni|\bplus|\bnon)\s+(\w+\s+)?$")


def negated(folded: str, start: int) -> bool:
    """Whether the words just before ``start`` negate what follows (same clause only)."""
    return bool(NEGATION_BEFORE.search(folded[max(0, start - 20) : start]))
