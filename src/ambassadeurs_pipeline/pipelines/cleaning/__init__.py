"""Cleaning: repaired, de-duplicated, spam-free, language-tagged, pseudonymised comments."""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
