"""What was skipped and why (run_status, ``ambassadeurs_pipeline.status``)."""

from __future__ import annotations

from typing import Any

from ..i18n import STRINGS, Translator
from .blocks import Block, Bullets, Callout, Heading, Paragraph, SectionContent

#: Report sections that show each stage's status.
STAGE_SECTIONS = {
    "topics": ["topics"],
    "gaps": ["gaps"],
    "personas": ["personas", "ambassadors"],
    "uplift": ["campaign"],
}


def _stage_reasons(run_status: dict[str, Any] | None, t: Translator) -> dict[str, list[str]]:
    from ambassadeurs_pipeline.status import reasons

    stages = (run_status or {}).get("stages") or {}
    return {
        name: reasons(record, t.lang) for name, record in stages.items() if reasons(record, t.lang)
    }


def status_blocks(run_status: dict[str, Any] | None, t: Translator) -> list[Block]:
    """The top-of-report list: one line per stage that was skipped or left partial."""
    stages = (run_status or {}).get("stages") or {}
    found = _stage_reasons(run_status, t)
    if not found:
        return []
    items = []
    for name, texts in found.items():
        state = (
            t("status_skipped") if stages[name].get("status") == "skipped" else t("status_partial")
        )
        key = f"stage_{name}"
        label = t(key) if key in STRINGS else name
        items.append(
            f"{label} ({state}) : {' '.join(texts)}"
            if t.lang == "fr"
            else f"{label} ({state}): {' '.join(texts)}"
        )
    return [Heading(t("status_heading")), Paragraph(t("status_intro")), Bullets(items)]


def show_stage_status(
    sections: list[SectionContent], run_status: dict[str, Any] | None, t: Translator
) -> None:
    """Each stage's reasons in its own section(s): an unavailable section gives the stage's
    reason instead of "not run"; an available one gets a callout at its top."""
    found = _stage_reasons(run_status, t)
    by_key = {s.key: s for s in sections}
    for stage, texts in found.items():
        for key in STAGE_SECTIONS.get(stage, []):
            section = by_key.get(key)
            if section is None:
                continue
            text = " ".join(texts)
            if not section.available:
                section.unavailable_reason = t("unavailable", reason=text)
            else:
                position = 1 if section.blocks and isinstance(section.blocks[0], Paragraph) else 0
                section.blocks.insert(position, Callout(text, tone="alert"))
