"""Text helpers shared by the detectors: accent folding, the packaged word lists (allow-list,
hand list of first names) and digit counting."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import resources


def read_lexicon(filename: str) -> list[str]:
    text = (
        resources.files("ambassadeurs_pipeline.privacy")
        .joinpath("lexicons", filename)
        .read_text(encoding="utf-8")
    )
    items: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            items.extend(line.split() if filename.startswith("first_names") else [line])
    return items


# Cached: the name detectors fold the same capitalised words and candidate spans over and
# over (every sentence start, every "Dr", each text's allow-list checks), ~1 µs a call.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive form used for lexicon look-ups (Céline = celine)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def allow_list() -> frozenset[str]:
    """Folded names that must never be replaced (public figures, drugs, diseases…)."""
    return frozenset(fold(item) for item in read_lexicon("allow_list.txt"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Case-folded common French first names (the hand list ``first_names_fr.txt``).

    The context rules and the NER gate use this short list on purpose: the INSEE lexicon
    (34k names, :mod:`ambassadeurs_pipeline.privacy.detectors.names`) is used by its own
    detector, which weighs names that are also words; feeding it to these weak rules made
    them take "Dr Jimmy" out of "Dr Jimmy Mohamed" and open many more NER windows.
    """
    return frozenset(item.casefold() for item in read_lexicon("first_names_fr.txt"))


def digit_count(text: str) -> int:
    return sum(char.isdigit() for char in text)
