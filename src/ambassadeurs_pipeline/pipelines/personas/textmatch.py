"""Length-preserving French text folding and evidence snippets for pattern matching.

Patterns are written without accents, in lower case, with a plain apostrophe. Folding keeps
one character per input character, so a match's offsets point into the original
(pseudonymised) text and the evidence snippet shows the author's own words.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}


def _fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    base = unicodedata.normalize("NFKD", char)[:1].lower()
    if len(base) == 1:
        return base
    lower = char.lower()
    # "İ".lower() is two characters: keep the character so offsets stay aligned.
    return lower if len(lower) == 1 else char


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each character: folding a corpus
    becomes one C-level pass per text (a Python loop per character cost ~40 % of the
    personas features at 100k comments)."""

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case, accents removed, apostrophes unified; same length as ``text``."""
    return text.translate(_FOLD_TABLE)


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
