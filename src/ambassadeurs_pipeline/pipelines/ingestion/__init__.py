"""Ingestion: load the user's exports, map their columns to the contract, validate."""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
