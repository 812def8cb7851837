"""``tfidf_svd_spacy``: LSA and SIF word vectors side by side.

LSA captures the corpus' own vocabulary (drug names, exams) and spaCy vectors bring
synonyms it never saw together ("fatigué" / "épuisé"); concatenating the two unit vectors,
weighted, gives cosine similarity = weighted sum of both similarities.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .base import EmbeddingBackend, l2_normalise, register
from .spacy_vectors import SpacyVectorsBackend
from .tfidf_svd import TfidfSvdBackend


def weighted_pair(first: np.ndarray, second: np.ndarray, weight: float) -> np.ndarray:
    """Unit rows of ``first`` × √weight next to unit rows of ``second`` × √(1 − weight): the
    cosine of two such rows is ``weight`` × cosine(first) + (1 − weight) × cosine(second)."""
    return np.hstack(
        [l2_normalise(first) * np.sqrt(weight), l2_normalise(second) * np.sqrt(1.0 - weight)]
    )


@register("tfidf_svd_spacy")
class TfidfSvdSpacyBackend(EmbeddingBackend):
    def __init__(
        self,
        tfidf_weight: float = 0.6,
        tfidf_svd: dict[str, Any] | None = None,
        spacy_vectors: dict[str, Any] | None = None,
        batch_size: int = 2048,
        show_progress: bool = True,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        if not 0.0 <= tfidf_weight <= 1.0:
            raise ValueError(f"tfidf_weight must be in [0, 1], got {tfidf_weight}")
        self.tfidf_weight = tfidf_weight
        self.tfidf_svd = dict(tfidf_svd or {})
        self.spacy_vectors = dict(spacy_vectors or {})

    def fit(self, texts: Sequence[str]) -> TfidfSvdSpacyBackend:
        quiet = {"show_progress": False}
        self.lsa_ = TfidfSvdBackend(**{**self.tfidf_svd, **quiet}).fit(texts)
        self.sif_ = SpacyVectorsBackend(**{**self.spacy_vectors, **quiet}).fit(texts)
        self.fitted_ = True
        return self

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return weighted_pair(
            self.lsa_._embed_batch(texts), self.sif_._embed_batch(texts), self.tfidf_weight
        )

    @property
    def dimension(self) -> int:
        return self.lsa_.dimension + self.sif_.dimension
