"""Personas: author features, ambassador personas, persona cards, ambassador shortlist."""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
