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


@register("tfidf_svd_static_minilm")
class TfidfSvdStaticMiniLMBackend(EmbeddingBackend):
    """LSA next to ``static_minilm`` (English subword vectors), like ``tfidf_svd_spacy``.

    Optional: needs the all-MiniLM-L6-v2 weights and ``tokenizers`` (see ``static_minilm``).
    ``tfidf_weight`` 0.4 (static vectors 0.6) was the first weighting measured on the drug
    reviews; 0.2 and 0.6 were measured after it (docs/topics.md).
    """

    def __init__(
        self,
        tfidf_weight: float = 0.4,
        tfidf_svd: dict[str, Any] | None = None,
        static_minilm: dict[str, Any] | None = None,
        batch_size: int = 2048,
        show_progress: bool = True,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        if not 0.0 <= tfidf_weight <= 1.0:
            raise ValueError(f"tfidf_weight must be in [0, 1], got {tfidf_weight}")
        self.tfidf_weight = tfidf_weight
        self.tfidf_svd = dict(tfidf_svd or {})
        self.static_minilm = dict(static_minilm or {})

    def fit(self, texts: Sequence[str]) -> TfidfSvdStaticMiniLMBackend:
        from .static_minilm import StaticMiniLMBackend

        quiet = {"show_progress": False}
        self.static_ = StaticMiniLMBackend(**{**self.static_minilm, **quiet}).fit(texts)
        self.lsa_ = TfidfSvdBackend(**{**self.tfidf_svd, **quiet}).fit(texts)
        self.fitted_ = True
        return self

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return weighted_pair(
            self.lsa_._embed_batch(texts), self.static_._embed_batch(texts), self.tfidf_weight
        )

    @property
    def dimension(self) -> int:
        return self.lsa_.dimension + self.static_.dimension


@register("minilm_numpy_static")
class MiniLMNumpyStaticBackend(EmbeddingBackend):
    """Contextual MiniLM on a text's first ``max_tokens`` word pieces (``minilm_numpy``) next
    to ``tfidf_svd_static_minilm`` on the whole text; unit vectors weighted √w / √(1 - w).

    The contextual half is the expensive one and sees only the beginning of long texts (a
    short ``max_tokens`` is what makes it fast); the static half is cheap and sees every
    word. Optional: needs the all-MiniLM-L6-v2 weights and ``tokenizers`` (see
    ``static_minilm``). English model. Measured on the drug reviews in docs/topics.md.

    Args:
        context_weight: weight ``w`` of the contextual half (0.5 is the only value measured).
        max_tokens: ``minilm_numpy``'s truncation, ``[CLS]``/``[SEP]`` included.
        minilm_numpy: other ``minilm_numpy`` options.
        tfidf_svd_static_minilm: ``tfidf_svd_static_minilm`` options.
    """

    def __init__(
        self,
        context_weight: float = 0.5,
        max_tokens: int = 24,
        minilm_numpy: dict[str, Any] | None = None,
        tfidf_svd_static_minilm: dict[str, Any] | None = None,
        batch_size: int = 1024,
        show_progress: bool = True,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        if isinstance(context_weight, bool) or not 0.0 <= float(context_weight) <= 1.0:
            raise ValueError(f"context_weight must be in [0, 1], got {context_weight!r}")
        from .minilm_numpy import MiniLMNumpyBackend

        self.context_weight = float(context_weight)
        self.max_tokens = max_tokens
        self.minilm_numpy = dict(minilm_numpy or {})
        self.tfidf_svd_static_minilm = dict(tfidf_svd_static_minilm or {})
        # options checked now (max_tokens, forward_batch), not after an expensive fit
        MiniLMNumpyBackend(
            **{**self.minilm_numpy, "max_tokens": max_tokens, "show_progress": False}
        )

    def fit(self, texts: Sequence[str]) -> MiniLMNumpyStaticBackend:
        from .minilm_numpy import MiniLMNumpyBackend

        quiet = {"show_progress": False}
        self.context_ = MiniLMNumpyBackend(
            **{**self.minilm_numpy, "max_tokens": self.max_tokens, **quiet}
        ).fit(texts)
        self.static_ = TfidfSvdStaticMiniLMBackend(**{**self.tfidf_svd_static_minilm, **quiet}).fit(
            texts
        )
        self.fitted_ = True
        return self

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return weighted_pair(
            self.context_._embed_batch(texts), self.static_._embed_batch(texts), self.context_weight
        )

    @property
    def dimension(self) -> int:
        return self.context_.dimension + self.static_.dimension
