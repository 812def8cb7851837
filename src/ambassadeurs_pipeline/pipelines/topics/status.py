"""``topics_status``: the fit's status (``fit.fit_topic_model``) completed with the tables
that stayed empty for a reason of their own (no dates, too few months)."""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.status import OK, note

from .params import TopicsParams
from .trends import bad_buzz_minimum, month_span, trend_minimum

logger = logging.getLogger(__name__)


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
        note(
            status,
            "topic_trends",
            "Tendances et alertes de bad buzz non calculées : l'export n'a pas de date de publication.",
            "Trends and bad-buzz alerts not computed: the export has no publication date.",
        )
        return status
    months = dated.dt.to_period("M").nunique()
    # The minimum counts trends and bad buzz used (trends.py), recorded when derived.
    derived = dict(status.get("derived") or {})
    if params.trends.min_count is None:
        derived["topics.trends.min_count"] = trend_minimum(None, len(dated))
    if params.bad_buzz.min_negative is None:
        derived["topics.bad_buzz.min_negative"] = bad_buzz_minimum(
            None, len(dated), month_span(dated)
        )
    if derived:
        logger.info("topics: settings derived from the data: %s", derived)
    status["derived"] = derived
    needed = params.trends.recent_months + 1
    if months < needed:
        note(
            status,
            "topic_trends",
            f"Tendances non calculées : les commentaires couvrent {months} mois, il en faut au moins "
            f"{needed} ({params.trends.recent_months} mois récents et au moins un mois avant).",
            f"Trends not computed: the comments span {months} month(s), at least {needed} are needed.",
        )
    return status
