"""The personas section: one card per persona."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import charts, frames
from ..frames import as_list, as_text
from ..i18n import STRINGS, Translator
from ..params import ReportingParams
from .blocks import Callout, Card, Cards, Paragraph, SectionContent
from .common import chart_block, dig, unavailable_section


def section_personas(
    persona_cards: dict[str, Any] | pd.DataFrame | None, t: Translator, params: ReportingParams
) -> SectionContent:
    """One card per persona: name, size, description, traits, topics, quotes, how to approach."""
    cards_frame = frames.persona_table(persona_cards)
    if cards_frame.empty:
        return unavailable_section("personas", t, t("not_run", stage="personas"))
    section = SectionContent(key="personas", title=t("sec_personas"))
    section.blocks.append(Paragraph(t("personas_intro")))
    if isinstance(persona_cards, dict) and persona_cards.get("stable") is False:
        message = dig(persona_cards, "stability", "message")
        section.blocks.append(Callout(as_text(message) or t("personas_unstable"), tone="alert"))
    cards = []
    for card in cards_frame.to_dict("records"):
        size = card.get("size", card.get("n_authors"))
        share = card.get("share_of_all_authors", card.get("share"))
        facts = []
        for key, label in (
            ("dominant_role", "persona_role"),
            ("dominant_motivation", "persona_motivation"),
        ):
            if as_text(card.get(key)):
                value = as_text(card[key])
                facts.append(
                    (
                        t(label),
                        t(f"value_{value}")
                        if f"value_{value}" in STRINGS
                        else value.replace("_", " "),
                    )
                )
        topics = [
            as_text(x.get("topic") if isinstance(x, dict) else x)
            for x in as_list(card.get("top_topics"))
        ][:3]
        if topics:
            facts.append((t("persona_topics"), " ; ".join(topics)))
        approach = card.get("recommended_approach")
        if isinstance(approach, dict):
            for key in ("angle", "canal", "reconnaissance"):
                if approach.get(key):
                    facts.append((t(f"persona_{key}"), as_text(approach[key])))
        features = as_list(card.get("distinguishing_features", card.get("traits")))
        tags = [as_text(f.get("label") if isinstance(f, dict) else f, 60) for f in features][:6]
        cards.append(
            Card(
                title=as_text(card.get("name", card.get("persona_name"))),
                subtitle=t("persona_size", n=t.integer(size), share=t.percent(share))
                if size is not None
                else "",
                text=as_text(card.get("description"), 600),
                facts=facts,
                tags=tags,
                quotes=[as_text(q, params.excerpt_chars) for q in as_list(card.get("quotes"))][
                    : params.max_evidence
                ],
                warning=as_text(card.get("stability_warning")),
            )
        )
    section.blocks.append(Cards(cards))
    section.blocks.append(
        chart_block(charts.plot_persona_sizes(persona_cards, t.lang), t("chart_personas"))
    )
    return section
