"""French sentiment model trained on real labelled text, shipped as plain arrays (no pickle).

A multinomial logistic regression (classes ``negatif, neutre, positif``) over hashed word
1–2-grams, character 2–5-grams (``char_wb``) and the French lexicon's score (two columns:
its positive and negative parts). ``HashingVectorizer`` is stateless, so the
artefact is only its settings (``modele_fr.json``) and the coefficients
(``modele_fr.npz``, float16): nothing is unpickled, nothing is downloaded. Probabilities
are temperature-scaled (one scalar fitted on held-out data, see
``benchmarks/train_sentiment_fr.py``) so that they are calibrated.

Score = P(positif) − P(négatif) in [-1, 1], the expected polarity; label ``neutre`` when
``|score| < neutral_band``. A complaint with no lexicon word ("personne ne vient",
"aucune information") still gets its negative probability from the n-grams the model learnt.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from .base import SentimentBackend, register

#: Class order of the shipped coefficients and of :meth:`FrenchModel.predict_proba`.
CLASSES = ("negatif", "neutre", "positif")

_URL = re.compile(r"(?:https?://|www\.)\S*|\bhttp\b")
_MENTION = re.compile(r"@\w+")
_SPLIT_PUNCT = re.compile(r"([!?.,;:()\"«»])")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Lower-cased NFC text with URLs and @mentions replaced and punctuation spaced out.

    The same function runs at training and at scoring time: corpora differ in casing and
    tokenisation (one is pre-tokenised and lower-cased) and the model must not learn those."""
    text = unicodedata.normalize("NFC", str(text)).replace("’", "'").replace("`", "'").lower()
    text = _URL.sub(" ", text)
    text = _MENTION.sub(" @user ", text)
    text = _SPLIT_PUNCT.sub(r" \1 ", text)
    return _SPACES.sub(" ", text).strip()


def make_vectorizers(config: dict[str, Any]):
    """The two ``HashingVectorizer`` of ``config["vectorizer"]`` (word, char)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    v = config["vectorizer"]
    common = {"alternate_sign": False, "norm": "l2", "lowercase": False, "dtype": np.float32}
    word = HashingVectorizer(
        analyzer="word",
        ngram_range=tuple(v["word_ngram_range"]),
        n_features=int(v["word_n_features"]),
        token_pattern=v["word_token_pattern"],
        **common,
    )
    char = HashingVectorizer(
        analyzer="char_wb",
        ngram_range=tuple(v["char_ngram_range"]),
        n_features=int(v["char_n_features"]),
        **common,
    )
    return word, char


def featurise(texts: Sequence[str], config: dict[str, Any]):
    """Sparse features of raw texts: word block × ``word_weight``, char block, and (when
    ``lexicon_weight`` > 0) the French lexicon's score split into its positive and negative
    parts, so that the regression learns from real data how far to trust the lexicon."""
    import scipy.sparse as sp

    word, char = make_vectorizers(config)
    v = config["vectorizer"]
    norm = [normalise(t) for t in texts]
    blocks = [word.transform(norm) * float(v["word_weight"]), char_block(norm, char)]
    lexicon_weight = float(v.get("lexicon_weight", 0.0))
    if lexicon_weight > 0:
        from .lexicon import score_french

        lex = np.array([score_french(str(t)) for t in texts], dtype=np.float32)
        blocks.append(
            sp.csr_matrix(np.c_[np.maximum(lex, 0), np.maximum(-lex, 0)] * lexicon_weight)
        )
    return sp.hstack(blocks, format="csr")


def char_block(texts: Sequence[str], char) -> Any:
    """``char.transform(texts)`` computed once per distinct word instead of once per token.

    ``char_wb`` n-grams never cross a space, so a text's counts are the sum of its words'
    counts: (texts × distinct words occurrence counts) @ (distinct words × n-gram counts),
    then the same l2 normalisation. Same matrix as sklearn's (tested); 6× faster on the
    demo comments, where most tokens repeat a few thousand words."""
    import scipy.sparse as sp
    from sklearn.base import clone
    from sklearn.preprocessing import normalize

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, text in enumerate(texts):
        for token in text.split():
            rows.append(i)
            cols.append(vocab.setdefault(token, len(vocab)))
    occurrences = sp.csr_matrix(
        (np.ones(len(rows), np.float32), (rows, cols)), shape=(len(texts), max(1, len(vocab)))
    )
    per_word = clone(char).set_params(norm=None).transform(list(vocab) or [""])
    counts = (occurrences @ per_word).tocsr()
    return normalize(counts, norm=char.norm) if char.norm else counts


def n_features(config: dict[str, Any]) -> int:
    v = config["vectorizer"]
    return (
        int(v["word_n_features"])
        + int(v["char_n_features"])
        + (2 if float(v.get("lexicon_weight", 0.0)) > 0 else 0)
    )


class FrenchModel:
    """Coefficients + vectoriser settings; ``predict_proba`` returns calibrated (n, 3) rows."""

    def __init__(self, config: dict[str, Any], coef: np.ndarray, intercept: np.ndarray) -> None:
        if tuple(config["classes"]) != CLASSES:
            raise ValueError(f"modele_fr: classes {config['classes']!r}, expected {CLASSES!r}")
        expected = n_features(config)
        if coef.shape != (len(CLASSES), expected) or intercept.shape != (len(CLASSES),):
            raise ValueError(
                f"modele_fr: coef {coef.shape} / intercept {intercept.shape} do not match {expected} features"
            )
        self.config = config
        # Stored as float16 to halve the artefact (relative rounding 5e-4 per weight, far
        # below the weights' own sampling noise); the product runs in float32.
        self.coef_t = np.ascontiguousarray(coef.astype(np.float32).T)
        self.intercept = intercept.astype(np.float32)
        self.temperature = float(config["calibration"]["temperature"])

    def decision_function(self, texts: Sequence[str]) -> np.ndarray:
        x = featurise([str(t) for t in texts], self.config)
        return np.asarray(x @ self.coef_t) + self.intercept

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        z = self.decision_function(texts) / self.temperature
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)


@cache
def load_model() -> FrenchModel:
    """The artefact shipped in the package (``modele_fr.json`` + ``modele_fr.npz``)."""
    root = resources.files("ambassadeurs_pipeline.sentiment")
    config = json.loads((root / "modele_fr.json").read_text(encoding="utf-8"))
    with (root / "modele_fr.npz").open("rb") as handle:
        arrays = np.load(handle, allow_pickle=False)
        coef, intercept = arrays["coef"], arrays["intercept"]
    return FrenchModel(config, coef, intercept)


def model_metadata() -> dict[str, Any]:
    """Sources, licences, training command and held-out metrics of the shipped model."""
    return load_model().config


def _batched_scores(model: FrenchModel, texts: list[str], batch: int = 4096) -> np.ndarray:
    out = np.zeros(len(texts))
    for start in range(0, len(texts), batch):
        p = model.predict_proba(texts[start : start + batch])
        out[start : start + batch] = p[:, 2] - p[:, 0]
    return out


@register("modele_fr_seul")
class FrenchModelBackend(SentimentBackend):
    """The trained French model for every text, whatever its language."""

    def __init__(self) -> None:
        self._model = load_model()
        self.neutral_band = float(self._model.config["neutral_band"])

    def score(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        return _batched_scores(self._model, [str(t) for t in texts])


@register("modele_fr")
class LanguageAwareModelBackend(SentimentBackend):
    """``lang == "en"`` through VADER, every other comment through the trained French model."""

    def __init__(self) -> None:
        self._fr = FrenchModelBackend()
        self._en: SentimentBackend | None = None
        self.neutral_band = self._fr.neutral_band

    def score(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray:
        texts = [str(t) for t in texts]
        if langs is None:
            return self._fr.score(texts)
        langs = [str(x).lower() for x in langs]
        if len(langs) != len(texts):
            raise ValueError(f"sentiment: {len(texts)} texts but {len(langs)} langs")
        out = np.zeros(len(texts))
        en = [i for i, lang in enumerate(langs) if lang == "en"]
        fr = [i for i, lang in enumerate(langs) if lang != "en"]
        if fr:
            out[fr] = self._fr.score([texts[i] for i in fr])
        if en:
            from .lexicon import VaderEnglishBackend

            self._en = self._en or VaderEnglishBackend()
            out[en] = self._en.score([texts[i] for i in en])
        return out
