"""``topics_status``: the fit's status (``fit.fit_topic_model``) completed with the tables
that stayed empty for a reason of their own (no dates, too few months)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ambassadeurs_pipeline.status import OK, note

from .params import TopicsParams


def summarise_topics_status(
    topics_fit_status: dict[str, Any], comment_topics: pd.DataFrame, params: TopicsParams
) -> dict[str, Any]:
    """The stage's status record (``ambassadeurs_pipeline.status``) for the report."""
    status = dict(topics_fit_status)
    status["notes"] = list(status.get("notes") or [])
    if status["status"] != OK and not (comment_topics["topic_id"] >= 0).any():
        return status  # no topic at all: the fit's reason says everything
    dated = pd.to_datetime(comment_topics["created_at"], errors="coerce").dropna()
    status["counts"] = {**status.get("counts", {}), "dated_comments": int(len(dated))}
    if dated.empty:
        note(status, "topic_trends",
             "Tendances et alertes de bad buzz non calculées : l'export n'a pas de date de publication.",
             "Trends and bad-buzz alerts not computed: the export has no publication date.")
        return status
    months = dated.dt.to_period("M").nunique()
    needed = params.trends.recent_months + 1
    if months < needed:
        note(status, "topic_trends",
             f"Tendances non calculées : les commentaires couvrent {months} mois, il en faut au moins "
             f"{needed} ({params.trends.recent_months} mois récents et au moins un mois avant).",
             f"Trends not computed: the comments span {months} month(s), at least {needed} are needed.")
    return status
