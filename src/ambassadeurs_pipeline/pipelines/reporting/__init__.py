"""Reporting: every stage's outputs → one self-contained French (or English) HTML report."""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
