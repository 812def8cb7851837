"""``tfidf_svd``: latent semantic analysis (TF-IDF then truncated SVD), language-agnostic."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

from .base import EmbeddingBackend, register, strip_placeholders


@register("tfidf_svd")
class TfidfSvdBackend(EmbeddingBackend):
    """TF-IDF over word uni/bigrams, projected on ``n_components`` SVD axes.

    Function words are handled by ``max_df`` (too frequent to discriminate) rather than a
    stop list, so the backend works for any language.
    """

    def __init__(
        self,
        n_components: int = 200,
        min_df: int = 2,
        max_df: float = 0.5,
        max_features: int = 100_000,
        ngram_max: int = 2,
        random_state: int = 42,
        batch_size: int = 4096,
        show_progress: bool = True,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        self.n_components = n_components
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.ngram_max = ngram_max
        self.random_state = random_state

    def fit(self, texts: Sequence[str]) -> TfidfSvdBackend:
        docs = [strip_placeholders(str(t)) for t in texts]
        min_df = self.min_df if len(docs) >= 10 * self.min_df else 1
        self.vectorizer_ = TfidfVectorizer(
            lowercase=True,
            strip_accents=None,
            ngram_range=(1, self.ngram_max),
            min_df=min_df,
            max_df=self.max_df if len(docs) >= 20 else 1.0,
            max_features=self.max_features,
            sublinear_tf=True,
            dtype=np.float32,
        )
        matrix = self.vectorizer_.fit_transform(docs)
        # Every pruned term is kept there "for introspection"; it only bloats the pickle.
        if hasattr(self.vectorizer_, "stop_words_"):
            delattr(self.vectorizer_, "stop_words_")
        k = max(1, min(self.n_components, matrix.shape[1] - 1, matrix.shape[0] - 1))
        self.svd_ = TruncatedSVD(
            n_components=k, algorithm="randomized", random_state=self.random_state
        )
        self.svd_.fit(matrix)
        self.fitted_ = True
        return self

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        matrix = self.vectorizer_.transform([strip_placeholders(t) for t in texts])
        return self.svd_.transform(matrix)

    @property
    def dimension(self) -> int:
        return int(self.svd_.n_components) if getattr(self, "fitted_", False) else self.n_components
