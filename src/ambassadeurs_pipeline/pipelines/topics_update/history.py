"""The month's ``monthly_comment_topics``, the ``comment_topics_history`` it is appended to
(the fitted comments' rows copied unchanged, so an update never moves an old comment) and
the update's summary for the report.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from ..topics.annotate import COMMENT_TOPICS_COLUMNS, build_comment_topics

logger = logging.getLogger(__name__)

#: Lot name of the comments the topic model was fitted on, in ``comment_topics_history``.
FIT_LOT = "ajustement"
#: ``monthly_comment_topics`` columns: the ``comment_topics`` contract, then the update's own.
MONTHLY_COLUMNS = [
    *COMMENT_TOPICS_COLUMNS,
    "topic_similarity",
    "neighbour_similarity",
    "emerging_topic_id",
    "emerging_topic_label",
]
HISTORY_COLUMNS = [*MONTHLY_COLUMNS, "lot"]


def build_monthly_comment_topics(
    new_topic_assignments: pd.DataFrame,
    new_comment_annotations: pd.DataFrame,
    emerging_topic_members: pd.DataFrame,
    emerging_topics: pd.DataFrame,
) -> pd.DataFrame:
    """``comment_topics`` for this export (same contract) plus ``topic_similarity``,
    ``emerging_topic_id`` and ``emerging_topic_label`` (empty outside emerging topics)."""
    extra = ["topic_similarity", "neighbour_similarity"]
    base = build_comment_topics(new_topic_assignments.drop(columns=extra), new_comment_annotations)
    out = base.merge(
        new_topic_assignments[["comment_id", *extra]],
        on="comment_id",
        how="left",
        validate="one_to_one",
    )
    names = (
        emerging_topics.set_index("emerging_topic_id")["emerging_topic_label"]
        if len(emerging_topics)
        else pd.Series(dtype=str)
    )
    out = out.merge(emerging_topic_members, on="comment_id", how="left", validate="one_to_one")
    out["emerging_topic_id"] = out["emerging_topic_id"].astype("Int64")
    out["emerging_topic_label"] = out["emerging_topic_id"].map(names).astype("string")
    return out[MONTHLY_COLUMNS]


def _lot(created_at: pd.Series) -> str:
    latest = pd.to_datetime(created_at).max()
    return "sans_date" if pd.isna(latest) else f"{latest:%Y-%m}"


def _fit_rows(comment_topics: pd.DataFrame) -> pd.DataFrame:
    rows = comment_topics.copy()
    rows["topic_similarity"] = np.nan
    rows["neighbour_similarity"] = np.nan
    rows["emerging_topic_id"] = pd.array([pd.NA] * len(rows), dtype="Int64")
    rows["emerging_topic_label"] = pd.array([pd.NA] * len(rows), dtype="string")
    rows["lot"] = FIT_LOT
    return rows[HISTORY_COLUMNS]


def _same_fit(history: pd.DataFrame, comment_topics: pd.DataFrame) -> bool:
    fit = (
        history.loc[history["lot"] == FIT_LOT, ["comment_id", "topic_id"]]
        .sort_values("comment_id")
        .reset_index(drop=True)
    )
    now = (
        comment_topics[["comment_id", "topic_id"]].sort_values("comment_id").reset_index(drop=True)
    )
    return fit.astype(str).equals(now.astype(str))


def append_comment_topics_history(
    comment_topics_history_previous: pd.DataFrame | None,
    comment_topics: pd.DataFrame,
    monthly_comment_topics: pd.DataFrame,
) -> pd.DataFrame:
    """The previous history (or, the first time, the fitted ``comment_topics``) with this
    export's rows appended, ``lot`` = the export's latest month. Previous rows are copied
    unchanged. If the topic model was refitted since, the history restarts from its
    ``comment_topics`` (a history mixing two models' topic ids would be meaningless).

    Raises:
        ValueError: some of this export's comments are already in the history (the same
            export added twice, or ids reused across exports).
    """
    previous = comment_topics_history_previous
    if previous is None:
        start = _fit_rows(comment_topics)
    elif not _same_fit(previous, comment_topics):
        logger.warning(
            "the topic model was refitted since the last update: comment_topics_history restarts from it"
        )
        start = _fit_rows(comment_topics)
    else:
        start = previous[HISTORY_COLUMNS]
    again = monthly_comment_topics["comment_id"].isin(start["comment_id"])
    if again.any():
        raise ValueError(
            f"{int(again.sum())} comments of this export are already in comment_topics_history "
            f"(e.g. {monthly_comment_topics.loc[again, 'comment_id'].head(3).tolist()}): was this export "
            "already added? Each monthly export must hold only new comments with new ids."
        )
    new = monthly_comment_topics.assign(lot=_lot(monthly_comment_topics["created_at"]))[
        HISTORY_COLUMNS
    ]
    history = pd.concat([start, new], ignore_index=True)
    logger.info(
        "comment_topics_history: %d comments (%d added in lot %s)",
        len(history),
        len(new),
        new["lot"].iat[0] if len(new) else "-",
    )
    return history


def summarise_topics_update(
    monthly_comment_topics: pd.DataFrame,
    emerging_topics: pd.DataFrame,
    comment_topics: pd.DataFrame,
    novelty_calibration: dict[str, Any],
) -> dict[str, Any]:
    """What changed this month, with French statements for the report and the log."""
    n = len(monthly_comment_topics)
    lot = _lot(monthly_comment_topics["created_at"]) if n else "vide"
    month_share = monthly_comment_topics["topic_id"].value_counts(normalize=True)
    fit_share = comment_topics["topic_id"].value_counts(normalize=True)
    labels = dict(
        zip(monthly_comment_topics["topic_id"], monthly_comment_topics["topic_label"])
    ) | dict(zip(comment_topics["topic_id"], comment_topics["topic_label"]))
    topics = [
        {
            "topic_id": int(t),
            "topic_label": str(labels[t]),
            "count": int((monthly_comment_topics["topic_id"] == t).sum()),
            "share_of_month": round(float(month_share.get(t, 0.0)), 4),
            "share_at_fit": round(float(fit_share.get(t, 0.0)), 4),
        }
        for t in sorted(set(month_share.index) | set(fit_share.index))
    ]
    far = int(monthly_comment_topics["was_outlier"].sum())
    statements = [
        f"Lot {lot} : {n} nouveaux commentaires rattachés aux {len(fit_share)} sujets existants, sans réajuster le modèle.",
        f"{far} commentaires ({100 * far / max(n, 1):.1f} %) sont loin de tous les sujets existants "
        f"(similarité moyenne à leurs {novelty_calibration['k']} plus proches commentaires déjà modélisés "
        f"< {novelty_calibration['threshold']:.2f}).",
    ]
    for row in emerging_topics.itertuples():
        statements.append(
            f"Sujet émergent n° {row.emerging_topic_id} : « {row.emerging_topic_label} » ({row.size} commentaires, "
            f"{100 * row.share_of_month:.1f} % du mois, {row.n_authors} auteurs ; sujet existant le plus proche : "
            f"« {row.nearest_topic_label} », similarité {row.similarity_to_nearest_topic:.2f})."
        )
    if emerging_topics.empty:
        statements.append("Aucun sujet émergent ce mois-ci.")
    for s in statements:
        logger.info(s)
    return {
        "lot": lot,
        "new_comments": n,
        "far_from_every_topic": far,
        "novelty_threshold": novelty_calibration["threshold"],
        "emerging_topics": [
            {
                "emerging_topic_id": int(r.emerging_topic_id),
                "label": r.emerging_topic_label,
                "size": int(r.size),
            }
            for r in emerging_topics.itertuples()
        ],
        "topics": topics,
        "statements": statements,
    }
