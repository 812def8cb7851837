"""Embedding backends behind one interface (``fit``/``transform``) and a registry keyed by
the name used in ``topics.embedding.backend``. Importing the package registers them all."""

from . import (  # noqa: F401  (registration)
    combined,
    minilm_numpy,
    sentence_transformers,
    spacy_vectors,
    static_minilm,
    tfidf_svd,
    use_multilingual,
)
from .base import EmbeddingBackend, available_backends, l2_normalise, make_backend

__all__ = ["EmbeddingBackend", "available_backends", "l2_normalise", "make_backend"]
