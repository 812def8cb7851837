"""One convention for "this stage did not (fully) run, because…".

A stage that cannot produce a result on the data it got (too few comments, no questions, no
authors, no campaign, a single arm…) does not stop the run: it writes its usual outputs
empty, with their usual columns, and a *status record* that says why, in a French sentence
a stakeholder can read::

    {"stage": "topics", "status": "skipped", "reason_fr": "…", "reason_en": "…",
     "counts": {"in_model_comments": 12}, "derived": {...}}

``status`` is ``ok`` (the stage ran on the data), ``partial`` (it ran, some parts are
empty: the reason says which) or ``skipped`` (no result at all). ``derived`` holds the
settings a stage derived from the data size (docs/ARCHITECTURE.md, "Parameters that follow
the data"), so the run metadata records them.

Each stage writes its record as ``<stage>_status`` (versioned JSON); the reporting pipeline
gathers them into ``run_status`` and shows every reason at the top of the report and in the
stage's section. Errors remain for broken input contracts only.
"""

from __future__ import annotations

import logging
from typing import Any

from ambassadeurs_pipeline.contracts.vocabulary import (
    STAGE_OK,
    STAGE_PARTIAL,
    STAGE_SKIPPED,
    STAGE_STATUSES,
)

logger = logging.getLogger(__name__)

OK, PARTIAL, SKIPPED = STAGE_OK, STAGE_PARTIAL, STAGE_SKIPPED
STATUSES = STAGE_STATUSES
#: Reading order of the stages in ``run_status`` and in the report.
STAGES = ("ingestion", "cleaning", "topics", "gaps", "personas", "uplift", "topics_update")


def stage_status(
    stage: str,
    status: str = OK,
    reason_fr: str | None = None,
    reason_en: str | None = None,
    counts: dict[str, Any] | None = None,
    derived: dict[str, Any] | None = None,
    notes: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    """A status record (plain JSON). A non-``ok`` status needs its French reason.

    Raises:
        ValueError: unknown status, or ``partial``/``skipped`` without ``reason_fr``.
    """
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, got {status!r}")
    if status != OK and not reason_fr:
        raise ValueError(f"a {status} stage must say why (reason_fr)")
    record = {
        "stage": stage,
        "status": status,
        "reason_fr": reason_fr,
        "reason_en": reason_en,
        "counts": dict(counts or {}),
        "derived": dict(derived or {}),
        "notes": list(notes or []),
    }
    if status != OK:
        logger.warning(
            "%s %s: %s",
            stage,
            "skipped" if status == SKIPPED else "partly skipped",
            reason_en or reason_fr,
        )
    return record


def note(
    record: dict[str, Any], part: str, reason_fr: str, reason_en: str | None = None
) -> dict[str, Any]:
    """Add a skipped *part* to ``record`` (a table left empty while the stage ran): the
    stage becomes ``partial`` if it was ``ok``. Returns the record (changed in place)."""
    record.setdefault("notes", []).append(
        {"part": part, "reason_fr": reason_fr, "reason_en": reason_en or ""}
    )
    if record["status"] == OK:
        record["status"] = PARTIAL
        record["reason_fr"] = reason_fr
        record["reason_en"] = reason_en
    logger.warning("%s: %s left empty: %s", record["stage"], part, reason_en or reason_fr)
    return record


def merge(*records: dict[str, Any] | None) -> dict[str, Any] | None:
    """Records of one stage written by several nodes, merged: the worst status wins, the
    first reason of that status is kept, notes, counts and derived settings are combined."""
    present = [r for r in records if r]
    if not present:
        return None
    rank = {OK: 0, PARTIAL: 1, SKIPPED: 2}
    worst = max(present, key=lambda r: rank[r["status"]])
    out = dict(worst)
    out["counts"], out["derived"], out["notes"] = {}, {}, []
    for r in present:
        out["counts"].update(r.get("counts") or {})
        out["derived"].update(r.get("derived") or {})
        out["notes"].extend(r.get("notes") or [])
    return out


def reasons(record: dict[str, Any] | None, language: str = "fr") -> list[str]:
    """Every sentence a reader should see for one stage: its reason, then each note's."""
    if not record or record.get("status", OK) == OK and not record.get("notes"):
        return []
    key = "reason_en" if language == "en" else "reason_fr"
    out = []
    main = record.get(key) or record.get("reason_fr")
    if main and record.get("status") != OK:
        out.append(main)
    for n in record.get("notes") or []:
        text = n.get(key) or n.get("reason_fr")
        if text and text not in out:
            out.append(text)
    return out
