"""Sentiment backends behind one interface and a registry keyed by ``topics.sentiment.backend``."""

from . import lexicon, model_fr  # noqa: F401  (registration)
from .base import LABELS, SentimentBackend, available_backends, label_scores, make_backend

__all__ = ["LABELS", "SentimentBackend", "available_backends", "label_scores", "make_backend"]
