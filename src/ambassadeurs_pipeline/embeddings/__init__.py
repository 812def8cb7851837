"""Embedding backends behind one interface (``fit``/``transform``) and a registry keyed by
the name used in ``topics.embedding.backend``. Importing the package registers them all.

The MiniLM experiments (``static_minilm``, ``minilm_numpy`` and their combinations) live in
``benchmarks/experiments/``, outside the installed package."""

from . import (  # noqa: F401  (registration)
    combined,
    sentence_transformers,
    spacy_vectors,
    tfidf_svd,
    use_multilingual,
)
from .base import EmbeddingBackend, available_backends, l2_normalise, make_backend

__all__ = ["EmbeddingBackend", "available_backends", "l2_normalise", "make_backend"]
