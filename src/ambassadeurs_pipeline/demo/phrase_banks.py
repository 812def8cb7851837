"""The phrase banks the renderer picks from, flattened for vectorised picking.

Apart from ``text.py`` because they are built once at import (every theme, intent and gap
phrasing expanded into one object array) and hold no rendering rule: ``render`` only says
which bank each slot of a comment draws from.
"""

from __future__ import annotations

import numpy as np

from . import lexicon as L
from .catalog import INTENT_CATALOG, catalog_url
from .gaps import GAPS
from .themes import THEMES
from .threads import intent_table

SENTIMENTS = ["negatif", "neutre", "positif"]


class Bank:
    """Groups of phrases flattened for vectorised picking: ``pick(rng, group_of_each_row)``."""

    def __init__(self, groups: list[list[str]]):
        self.flat = np.array([s for g in groups for s in g] + [""], dtype=object)
        size = np.array([len(g) for g in groups])
        self.off = np.concatenate([[0], np.cumsum(size)[:-1]])
        self.size = size

    def pick(self, rng: np.random.Generator, group: np.ndarray) -> np.ndarray:
        return self.flat[self.pick_idx(rng, group)]

    def pick_idx(self, rng: np.random.Generator, group: np.ndarray) -> np.ndarray:
        group = np.asarray(group)
        u = rng.random(group.size)
        return self.off[group] + (u * self.size[group]).astype(np.int64)

    def pick_other(
        self, rng: np.random.Generator, group: np.ndarray, first_idx: np.ndarray
    ) -> np.ndarray:
        """A phrase of the same group different from ``first_idx`` (when the group has 2+)."""
        group = np.asarray(group)
        size = self.size[group]
        step = 1 + (rng.random(group.size) * np.maximum(size - 1, 1)).astype(np.int64)
        return self.flat[self.off[group] + (first_idx - self.off[group] + step) % size]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _gendered(title: str, female: bool) -> str:
    if female:
        return title
    for f, m in (
        ("infirmière", "infirmier"),
        ("diététicienne", "diététicien"),
        ("pharmacienne", "pharmacien"),
        ("manipulatrice", "manipulateur"),
        ("Infirmière", "Infirmier"),
    ):
        title = title.replace(f, m)
    return title


_ELISIONS = [
    (" que il", " qu'il"),
    (" que on ", " qu'on "),
    (" que elle", " qu'elle"),
    (" que un", " qu'un"),
    (" si il", " s'il"),
    (" que une", " qu'une"),
    (" que après", " qu'après"),
]
CONTRACTIONS = [
    (" de les ", " des "),
    (" de le ", " du "),
    (" à les ", " aux "),
    (" à le ", " au "),
    (" de l'insuline", " d'insuline"),
]


def _elide(s: str) -> str:
    for a, b in _ELISIONS:
        s = s.replace(a, b)
    return s


def _frames(inf: list[str], sub: list[str]) -> list[str]:
    # All frame x phrasing combinations: cheap to precompute, gives hundreds of phrasings.
    return [_elide(f.replace("{q}", q)) for q in inf for f in L.INF_FRAMES] + [
        _elide(f.replace("{q}", q)) for q in sub for f in L.SUB_FRAMES
    ]


_INTENTS = intent_table()
B = {
    "symptom": Bank([t.symptoms for t in THEMES]),
    "drug": Bank([t.drugs for t in THEMES]),
    "exam": Bank([t.exams for t in THEMES]),
    "pro": Bank([t.pros for t in THEMES]),
    "situation": Bank([t.situations for t in THEMES]),
    "term": Bank([t.terms for t in THEMES]),
    "maladie": Bank([t.maladie for t in THEMES]),
    "line": Bank([t.lines for t in THEMES]),
    "patient_disc": Bank([[_cap(s) + "." for s in t.patient_disc] for t in THEMES]),
    "aidant_disc": Bank(
        [[_cap(s) + "." for s in t.aidant_disc] + L.AIDANT_GENERIC for t in THEMES]
    ),
    "protitle": Bank(
        [[_gendered(p, g == 0) for p in t.pro_titles] for t in THEMES for g in (0, 1)]
    ),
    "pro_disc": Bank([L.PRO_DISC["f"], L.PRO_DISC["m"]]),
    "intent_q": Bank([_frames(it.inf, it.sub) for _, it in _INTENTS]),
    "intent_a": Bank([it.answers for _, it in _INTENTS]),
    "gap_q": Bank([_frames(g.inf, g.sub) for g in GAPS]),
    "gap_ctx": Bank([g.context for g in GAPS]),
    "motivation": Bank([L.MOTIVATION_PHRASES[m] for m in L.MOTIVATIONS]),
    "sentiment": Bank([L.SENTIMENT_PHRASES["negatif"], [""], L.SENTIMENT_PHRASES["positif"]]),
    "emoji": Bank([L.EMOJIS[s] for s in SENTIMENTS]),
    "bad_buzz": Bank([L.BAD_BUZZ_LINES]),
}
ONE = {
    name: Bank([getattr(L, name)])
    for name in (
        "GREETINGS",
        "REPLY_OPENERS",
        "CLOSERS",
        "CONTEXTS",
        "GENERIC_QUESTIONS",
        "ME_TOO_PREFIX",
        "GENERIC_ANSWERS",
        "HELPFUL_TAILS",
        "LINK_PHRASES",
        "UNHELPFUL",
        "SUPPORT",
        "THANKS",
        "STORY_OPENERS",
        "TIP_OPENERS",
        "DURATIONS",
        "CITIES",
    )
}
RELATIVES = Bank([L.RELATIVES])
SHORT = {
    name: Bank(
        [[s for s in getattr(L, name) if "{" not in s], [s for s in getattr(L, name) if "{" in s]]
    )
    for name in ("UNHELPFUL", "SUPPORT", "THANKS")
}
INTENT_URL = np.array([catalog_url(INTENT_CATALOG[it.key]) for _, it in _INTENTS], dtype=object)
THEME_INTENTS = np.array(
    [[i for i, (ti, _) in enumerate(_INTENTS) if ti == t] for t in range(len(THEMES))]
)
