"""``monthly``: a new export through ingestion and cleaning, then ``topics_update``.

A composition, not a stage: ``kedro run --pipelines=monthly --params comments_path=...``
(docs/incremental.md). It is a package of its own, not a sum built in the registry, because
Kedro loads only the requested pipelines' packages when ``--pipelines`` is given.
"""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
