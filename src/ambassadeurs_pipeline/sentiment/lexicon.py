"""Rule-based French sentiment (shipped lexicon) and English VADER, both offline.

French: ``lexique_fr.csv`` (≈200 health-forum entries, stems with ``*``) plus the rules
that matter most in patient comments: negation ("pas bien", "n'est plus efficace",
"aucun soulagement"), intensifiers ("très", "vraiment", "trop") and attenuators ("un peu"),
contrast ("mais": what follows counts more), exclamation marks and emojis. Scores are
normalised like VADER's compound, ``s / sqrt(s² + 15)``, in [-1, 1].
English: ``vaderSentiment`` (MIT, pure Python, lexicon bundled in the wheel).
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np

from .base import SentimentBackend, register

_NEGATORS = {
    "pas",
    "jamais",
    "aucun",
    "aucune",
    "rien",
    "sans",
    "ni",
    "plus",
    "guère",
    "not",
    "no",
    "never",
}
_INTENSIFIERS = {
    "très": 1.5,
    "trop": 1.4,
    "vraiment": 1.5,
    "tellement": 1.6,
    "hyper": 1.6,
    "super": 1.5,
    "extrêmement": 1.8,
    "vachement": 1.5,
    "grave": 1.3,
    "complètement": 1.5,
    "totalement": 1.5,
    "si": 1.3,
    "tant": 1.3,
    "énormément": 1.7,
    "absolument": 1.5,
    "particulièrement": 1.4,
}
_ATTENUATORS = {"peu": 0.5, "légèrement": 0.6, "assez": 0.8, "plutôt": 0.8, "moins": 0.6}
_EMOJIS = {
    "😊": 2,
    "🙂": 1.5,
    "😀": 2,
    "😃": 2,
    "😁": 2,
    "😍": 3,
    "🥰": 3,
    "👍": 1.8,
    "🙏": 1.5,
    "❤": 2.5,
    "❤️": 2.5,
    "💪": 1.8,
    "👏": 2,
    "😉": 1,
    "🤗": 2,
    ":)": 1.5,
    ":-)": 1.5,
    ":d": 2,
    "😡": -3,
    "😠": -2.5,
    "😢": -2.2,
    "😭": -2.5,
    "😞": -2,
    "😔": -1.8,
    "👎": -2,
    "💔": -2.5,
    "😩": -2.2,
    "😤": -2,
    "🤬": -3,
    "😰": -2.2,
    "😱": -2,
    ":(": -1.8,
    ":-(": -1.8,
}
_TOKEN = re.compile(
    r":-?[()dD]|[^\W\d_]+(?:-[^\W\d_]+)*|[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?|[!?]",
    re.UNICODE,
)
_NEGATION_WINDOW = 3
_NEGATION_FACTOR = -0.8
_ALPHA = 15.0


@cache
def french_lexicon() -> tuple[dict[tuple[str, ...], float], list[tuple[str, float]]]:
    """(exact entries keyed by token tuple, stem entries) from the shipped CSV."""
    exact: dict[tuple[str, ...], float] = {}
    stems: list[tuple[str, float]] = []
    path = resources.files("ambassadeurs_pipeline.sentiment") / "lexique_fr.csv"
    with path.open(encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(rows):
        term, score = row["terme"].strip().lower(), float(row["score"])
        if term.endswith("*"):
            stems.append((term[:-1], score))
        else:
            exact[tuple(_TOKEN.findall(term.replace("'", " ")))] = score
    stems.sort(key=lambda s: -len(s[0]))
    return exact, stems


@cache
def _word_score(word: str) -> float | None:
    """Score of the longest matching stem (cached: a corpus has far fewer words than tokens)."""
    for stem, score in french_lexicon()[1]:
        if word.startswith(stem):
            return score
    return None


def score_french(text: str) -> float:
    """Compound score in [-1, 1] of one French text (0 when no sentiment word)."""
    exact, stems = french_lexicon()
    max_len = max(len(k) for k in exact)
    tokens = [t.lower() for t in _TOKEN.findall(str(text).replace("’", "'").replace("'", " "))]
    total, i, contrast_at = 0.0, 0, None
    values: list[tuple[int, float]] = []
    while i < len(tokens):
        token = tokens[i]
        if token == "mais":
            contrast_at = len(values)
        score, width = None, 1
        for n in range(min(max_len, len(tokens) - i), 0, -1):
            if (phrase := tuple(tokens[i : i + n])) in exact:
                score, width = exact[phrase], n
                break
        if score is None:
            score = _EMOJIS.get(token)
        if (
            score is None
            and len(token) > 2
            and token not in _INTENSIFIERS
            and token not in _NEGATORS
        ):
            score = _word_score(token)
        if score is not None and score != 0:
            before = tokens[max(0, i - _NEGATION_WINDOW) : i]
            for word in before[-2:]:
                score *= _INTENSIFIERS.get(word, 1.0) * _ATTENUATORS.get(word, 1.0)
            if width == 1 and any(w in _NEGATORS for w in before):
                score *= _NEGATION_FACTOR
            values.append((i, score))
        i += width
    if not values:
        return 0.0
    if contrast_at is not None:
        values = [(j, s * (0.5 if k < contrast_at else 1.5)) for k, (j, s) in enumerate(values)]
    total = sum(s for _, s in values)
    total *= 1.0 + 0.1 * min(3, tokens.count("!"))
    return float(total / math.sqrt(total * total + _ALPHA))


@register("lexique_fr")
class FrenchLexiconBackend(SentimentBackend):
    """The shipped French lexicon, for every text whatever its language."""

    def score(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        return np.array([score_french(t) for t in texts], dtype=float)


@register("vader_en")
class VaderEnglishBackend(SentimentBackend):
    """English VADER (``vaderSentiment``)."""

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._analyzer = SentimentIntensityAnalyzer()

    def score(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        return np.array(
            [self._analyzer.polarity_scores(str(t))["compound"] for t in texts], dtype=float
        )


@register("lexique")
class LanguageAwareLexiconBackend(SentimentBackend):
    """English comments (``lang == "en"``) through VADER, all others through the French lexicon."""

    def __init__(self) -> None:
        self._fr = FrenchLexiconBackend()
        self._en: VaderEnglishBackend | None = None

    def score(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        texts = list(texts)
        out = self._fr.score(texts) if langs is None else np.zeros(len(texts))
        if langs is not None:
            langs = [str(x).lower() for x in langs]
            en = [i for i, lang in enumerate(langs) if lang == "en"]
            fr = [i for i, lang in enumerate(langs) if lang != "en"]
            if fr:
                out[fr] = self._fr.score([texts[i] for i in fr])
            if en:
                self._en = self._en or VaderEnglishBackend()
                out[en] = self._en.score([texts[i] for i in en])
        return out
