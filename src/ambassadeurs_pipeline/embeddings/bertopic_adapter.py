"""Our fitted backend seen by BERTopic as an embedding model (``BaseEmbedder``).

BERTopic needs one for KeyBERTInspired / MMR representations, for ``reduce_outliers``
with the "embeddings" strategy and to ``transform`` new texts after reload.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from bertopic.backend import BaseEmbedder

from .base import EmbeddingBackend


class BackendEmbedder(BaseEmbedder):
    def __init__(self, backend: EmbeddingBackend) -> None:
        super().__init__()
        self.backend = backend

    def embed(self, documents: list[str], verbose: bool = False) -> np.ndarray:
        show = self.backend.show_progress
        self.backend.show_progress = verbose
        try:
            return self.backend.transform(list(documents))
        finally:
            self.backend.show_progress = show

    def __getstate__(self) -> dict[str, Any]:
        return self.__dict__.copy()
