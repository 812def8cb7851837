"""Privacy pipeline: the processing register (GDPR art. 30), written by every run."""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
