"""``personas_status``: whether personas could be formed, and why not."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ambassadeurs_pipeline.status import OK, SKIPPED, stage_status


def summarise_personas_status(
    comments_clean: pd.DataFrame, persona_quality: dict[str, Any]
) -> dict[str, Any]:
    """The stage's status record (``ambassadeurs_pipeline.status``) for the report."""
    n_authors = (
        int(comments_clean["author_id"].dropna().nunique()) if "author_id" in comments_clean else 0
    )
    counts = {
        "authors": n_authors,
        "authors_clustered": int(persona_quality.get("authors_clustered", 0) or 0),
    }
    if n_authors == 0:
        return stage_status(
            "personas",
            SKIPPED,
            "Personas non calculés : l'export n'indique pas d'auteur (colonne absente ou vide), les messages "
            "ne peuvent pas être regroupés par personne.",
            "Personas not computed: the export has no author (column absent or empty).",
            counts,
        )
    if not persona_quality.get("k"):
        message = persona_quality.get("message") or "trop peu d'auteurs"
        return stage_status(
            "personas",
            SKIPPED,
            f"Personas non calculés : {message} ({n_authors} auteur(s) dans l'export).",
            f"Personas not computed: too few active authors ({n_authors} in the export).",
            counts,
        )
    return stage_status("personas", OK, counts=counts)
