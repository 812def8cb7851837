"""Experimental combinations of the MiniLM backends (optional, English, not registered by the
product): ``tfidf_svd_static_minilm`` and ``minilm_numpy_static``. Importing this package
(``benchmarks/experiments``) registers them; figures in docs/topics.md."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ambassadeurs_pipeline.embeddings.base import EmbeddingBackend, register
from ambassadeurs_pipeline.embeddings.combined import weighted_pair
from ambassadeurs_pipeline.embeddings.tfidf_svd import TfidfSvdBackend


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
