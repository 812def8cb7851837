"""Gaps: the questions patients ask most and the information gaps, ranked with evidence."""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
