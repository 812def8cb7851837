"""Project pipelines: one per stage, discovered from ``pipelines/<stage>/``."""

from __future__ import annotations

from kedro.framework.project import find_pipelines
from kedro.pipeline import Pipeline

#: Pipelines that update fitted models instead of refitting them: never in ``__default__``
#: (a full run refits; both would write the same outputs from different inputs).
INCREMENTAL = ("topics_update", "monthly")


def register_pipelines() -> dict[str, Pipeline]:
    """Register every pipeline found and ``__default__``.

    ``__default__`` runs every stage; Kedro orders nodes by their dataset dependencies, so
    the sum runs them in flow order (ingestion → cleaning → topics → gaps/personas → uplift
    → reporting). ``monthly`` (ingestion + cleaning of a new export + ``topics_update``,
    docs/incremental.md) is its own package and stays out of ``__default__``. With
    ``--pipelines``, Kedro imports only the requested packages: nothing here may assume
    that a given pipeline was found.
    """
    pipelines = find_pipelines(raise_errors=True)
    pipelines["__default__"] = sum(
        (p for name, p in pipelines.items() if name not in INCREMENTAL), Pipeline([])
    )
    return pipelines
