"""A versioned Kedro dataset for a fitted BERTopic model, saved with safetensors.

The directory holds BERTopic's safe serialisation (``serialization="safetensors"``,
``save_ctfidf=True``: topics, labels, c-TF-IDF and vectoriser configuration, topic
embeddings; no pickle of UMAP/HDBSCAN) and, next to it, our fitted embedding backend
(``embedding_backend.pkl``, small: no spaCy object inside). Loading passes that backend
back to BERTopic as its embedding model, so nothing is ever fetched from a hub.
"""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path, PurePosixPath
from typing import Any

from kedro.io.core import AbstractVersionedDataset, DatasetError, Version

BACKEND_FILE = "embedding_backend.pkl"
#: Written instead of a model when the topics stage found none (too few comments, no
#: cluster): loading gives :class:`NoTopicModel` and the nodes that read the model say so.
NO_MODEL_FILE = "no_model.json"


class NoTopicModel:
    """What the topics stage saves when it found no topic (Kedro refuses to save ``None``)."""

    def __repr__(self) -> str:
        return "NoTopicModel()"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NoTopicModel)

    __hash__ = object.__hash__


def has_topic_model(model: Any) -> bool:
    """False for ``None`` and for the "no model" marker."""
    return model is not None and not isinstance(model, NoTopicModel)


class BERTopicModelDataset(AbstractVersionedDataset[Any, Any]):
    """``type: ambassadeurs_pipeline.datasets.bertopic_model.BERTopicModelDataset``."""

    def __init__(
        self, filepath: str, version: Version | None = None, metadata: dict[str, Any] | None = None
    ) -> None:
        super().__init__(
            filepath=PurePosixPath(filepath), version=version, exists_function=self._path_exists
        )
        self.metadata = metadata

    @staticmethod
    def _path_exists(path: str) -> bool:
        return Path(path).exists()

    def _describe(self) -> dict[str, Any]:
        return {"filepath": str(self._filepath), "version": self._version}

    def save(self, model: Any) -> None:
        """Save ``model``; :class:`NoTopicModel` (no topic found) writes a marker file."""
        from ambassadeurs_pipeline.embeddings.bertopic_adapter import BackendEmbedder

        path = Path(self._get_save_path())
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        if not has_topic_model(model):
            (path / NO_MODEL_FILE).write_text(
                '{"model": null, "see": "topics_status"}\n', encoding="utf-8"
            )
            return
        vectorizer = getattr(model, "vectorizer_model", None)
        if hasattr(vectorizer, "vocabulary_"):
            # recent scikit-learn stores numpy ints, which BERTopic's JSON config cannot write
            vectorizer.vocabulary_ = {str(k): int(v) for k, v in vectorizer.vocabulary_.items()}
        model.save(
            str(path), serialization="safetensors", save_ctfidf=True, save_embedding_model=False
        )
        embedder = model.embedding_model
        if isinstance(embedder, BackendEmbedder):
            with open(path / BACKEND_FILE, "wb") as handle:
                pickle.dump(embedder.backend, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def load(self) -> Any:
        from bertopic import BERTopic

        from ambassadeurs_pipeline.embeddings.bertopic_adapter import BackendEmbedder

        path = Path(self._get_load_path())
        if not path.is_dir():
            raise DatasetError(f"no BERTopic model at {path}: run the topics pipeline first")
        if (path / NO_MODEL_FILE).exists():
            return NoTopicModel()
        embedder = None
        if (path / BACKEND_FILE).exists():
            with open(path / BACKEND_FILE, "rb") as handle:
                embedder = BackendEmbedder(pickle.load(handle))
        return BERTopic.load(str(path), embedding_model=embedder)

    def _exists(self) -> bool:
        try:
            return Path(self._get_load_path()).is_dir()
        except DatasetError:
            return False
