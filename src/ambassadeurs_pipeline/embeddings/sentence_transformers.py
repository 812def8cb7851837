"""``sentence_transformers``: any sentence-transformers model from a LOCAL path.

Optional: needs the extra ``pip install ambassadeurs_pipeline[sentence-transformers]``
(PyTorch). The model is loaded with ``local_files_only`` semantics: give a directory, never
a hub name, so that nothing is downloaded behind a hospital firewall.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from .base import EmbeddingBackend, register


@register("sentence_transformers")
class SentenceTransformersBackend(EmbeddingBackend):
    def __init__(
        self,
        model_path: str | None = None,
        batch_size: int = 64,
        show_progress: bool = True,
        device: str = "cpu",
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        self.model_path = model_path
        self.device = device
        self._model: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_model"] = None  # reloaded from model_path on first use
        return state

    @property
    def model(self) -> Any:
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as err:
                raise ImportError(
                    "embedding backend 'sentence_transformers' needs the optional extra: "
                    "pip install ambassadeurs_pipeline[sentence-transformers]"
                ) from err
            if not self.model_path or not os.path.isdir(self.model_path):
                raise ValueError(
                    "embedding backend 'sentence_transformers' needs a local model directory in "
                    f"topics.embedding.options.model_path (got {self.model_path!r}); models are "
                    "never downloaded at run time."
                )
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            self._model = SentenceTransformer(
                self.model_path, device=self.device, local_files_only=True
            )
        return self._model

    def fit(self, texts: Sequence[str]) -> SentenceTransformersBackend:
        _ = self.model  # fail early, before any work, if the extra or the model is missing
        self.fitted_ = True
        return self

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        return self.model.encode(list(texts), batch_size=self.batch_size, show_progress_bar=False)

    @property
    def dimension(self) -> int:
        return int(self.model.get_sentence_embedding_dimension())
