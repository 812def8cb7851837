"""Project pipelines: one per stage, discovered from ``pipelines/<stage>/``."""

from __future__ import annotations

from kedro.framework.project import find_pipelines
from kedro.pipeline import Pipeline


def register_pipelines() -> dict[str, Pipeline]:
    """Register every stage pipeline and ``__default__``, which runs all of them.

    Kedro orders nodes by their dataset dependencies, so the sum runs the stages in flow
    order (ingestion → cleaning → topics → gaps/personas → uplift → reporting).
    """
    pipelines = find_pipelines(raise_errors=True)
    pipelines["__default__"] = sum(pipelines.values(), Pipeline([]))
    return pipelines
