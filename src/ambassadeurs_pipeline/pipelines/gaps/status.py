"""``gaps_status``: whether information gaps could be ranked, and why not."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ambassadeurs_pipeline.status import OK, PARTIAL, SKIPPED, note, stage_status


def summarise_gaps_status(
    gaps_report: dict[str, Any],
    question_groups: pd.DataFrame,
    content_catalog: pd.DataFrame,
    ingestion_report: dict[str, Any] | None,
) -> dict[str, Any]:
    """The stage's status record (``ambassadeurs_pipeline.status``) for the report."""
    n_questions = int(gaps_report.get("n_questions", len(question_groups)))
    counts = {
        "questions": n_questions,
        "groups": int(gaps_report.get("n_groups", 0)),
        "catalog_items": int(len(content_catalog)),
    }
    if n_questions == 0:
        status = stage_status(
            "gaps",
            SKIPPED,
            "Lacunes d'information non calculées : aucune question n'a été détectée dans les commentaires.",
            "Information gaps not computed: no question was found in the comments.",
            counts,
        )
    elif not gaps_report.get("ranked"):
        status = stage_status(
            "gaps",
            PARTIAL,
            str(gaps_report.get("message")),
            "Too little data to rank information gaps: groups are listed unranked.",
            counts,
        )
    else:
        status = stage_status("gaps", OK, counts=counts)
    provided = ((ingestion_report or {}).get("content_catalog") or {}).get("provided")
    if content_catalog.empty and n_questions:
        why = (
            "le catalogue de contenus fourni est vide"
            if provided
            else "aucun catalogue de contenus n'a été fourni"
        )
        note(
            status,
            "coverage",
            f"Couverture par vos contenus inconnue : {why}.",
            "Coverage by your content unknown: "
            + ("the content catalog is empty." if provided else "no content catalog."),
        )
    return status
