"""Monthly update of the topics: new comments assigned to the saved model's topics, far
comments clustered into emerging topics, a cumulative history. No refit."""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
