"""The embedding-backend interface and its registry.

A backend turns texts into float32, L2-normalised vectors. It is fitted once on the corpus
(vocabulary, weights, projections) and then reused as is: the topics stage saves it as
``embedding_model`` and the gaps stage loads it to embed the content catalog in the same
space. Backends never download anything: every resource is a local package or path.
"""

from __future__ import annotations

import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from typing import ClassVar

import numpy as np

from ambassadeurs_pipeline.backend_registry import BackendRegistry
from ambassadeurs_pipeline.progress import progress

logger = logging.getLogger(__name__)

#: Typed placeholders written by the cleaning stage (``<PERSONNE>``, ``<URL>``...): they
#: carry no meaning for topics and would make every comment with a link look alike.
PLACEHOLDER = re.compile(r"<[A-Z_]{2,}>")


def strip_placeholders(text: str) -> str:
    return PLACEHOLDER.sub(" ", text)


def l2_normalise(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def batches(texts: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(texts), size):
        yield texts[start : start + size]


class EmbeddingBackend(ABC):
    """Fit on a corpus, then embed any texts.

    ``__init__`` stores parameters only; ``fit`` learns corpus statistics and returns
    ``self``; ``transform`` returns an ``(n, dim)`` float32 array with unit-norm rows,
    computed in batches of ``batch_size`` with a progress bar when ``show_progress``.
    """

    name: ClassVar[str]

    def __init__(self, batch_size: int = 2048, show_progress: bool = True) -> None:
        self.batch_size = batch_size
        self.show_progress = show_progress

    @abstractmethod
    def fit(self, texts: Sequence[str]) -> EmbeddingBackend: ...

    @abstractmethod
    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray: ...

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``; raises ``RuntimeError`` if the backend was never fitted."""
        self._check_fitted()
        texts = [str(t) for t in texts]
        parts = []
        # Through the project's helper: quiet in batch jobs (stderr not a terminal) and workers.
        bar = progress(
            total=len(texts),
            desc=f"embeddings ({self.name})",
            unit="doc",
            min_total=self.batch_size,
            show=self.show_progress,
        )
        for chunk in batches(texts, self.batch_size):
            parts.append(l2_normalise(self._embed_batch(chunk)))
            bar.update(len(chunk))
        bar.close()
        if not parts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack(parts)

    def fit_transform(self, texts: Sequence[str]) -> np.ndarray:
        return self.fit(texts).transform(texts)

    @property
    @abstractmethod
    def dimension(self) -> int: ...

    def _check_fitted(self) -> None:
        if not getattr(self, "fitted_", False):
            raise RuntimeError(
                f"embedding backend {self.name!r} is not fitted: call fit(texts) first"
            )


_REGISTRY: BackendRegistry[EmbeddingBackend] = BackendRegistry("embedding backend")
register = _REGISTRY.register
available_backends = _REGISTRY.available
make_backend = _REGISTRY.make
backend_class = _REGISTRY.backend_class
