"""Embedding backends behind one interface (``fit``/``transform``) and a registry keyed by
the name used in ``topics.embedding.backend``. Importing the package registers them all."""

from . import combined, minilm_numpy, sentence_transformers, spacy_vectors, static_minilm, tfidf_svd  # noqa: F401  (registration)
from .base import EmbeddingBackend, available_backends, l2_normalise, make_backend

__all__ = ["EmbeddingBackend", "available_backends", "l2_normalise", "make_backend"]
