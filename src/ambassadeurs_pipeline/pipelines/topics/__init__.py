"""Topics: offline French embeddings, BERTopic topics with French labels, sentiment,
questions, trends, bad-buzz alerts and a measured topic-quality report."""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
