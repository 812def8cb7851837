"""The FAQ and information-gaps section."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ambassadeurs_pipeline.contracts.vocabulary import GAP_RANKED

from .. import charts
from ..frames import as_list, as_text, col, is_empty
from ..i18n import Translator
from ..params import ReportingParams
from .blocks import Callout, Card, Cards, Heading, KeyNumber, Paragraph, SectionContent, Table
from .common import chart_block, shown_note, unavailable_section

RANKED = GAP_RANKED  # enough evidence to be ranked


def _examples(value: Any, params: ReportingParams) -> list[str]:
    items = value.split(" | ") if isinstance(value, str) else as_list(value)
    return [as_text(q, params.excerpt_chars) for q in items if as_text(q)][: params.max_evidence]


def section_gaps(
    faq: pd.DataFrame | None,
    information_gaps: pd.DataFrame | None,
    t: Translator,
    params: ReportingParams,
) -> SectionContent:
    """The ranked gaps table, a brief with evidence for each top gap, then the FAQ."""
    if is_empty(faq) and information_gaps is None:
        return unavailable_section("gaps", t, t("not_run", stage="gaps"))
    section = SectionContent(key="gaps", title=t("sec_gaps"))
    blocks = section.blocks
    blocks.append(Paragraph(t("gaps_intro")))
    if information_gaps is not None:
        gaps = information_gaps
        status = col(gaps, "status")
        ranked = gaps[gaps[status] == RANKED] if status else gaps
        rank = col(ranked, "rank")
        ranked = ranked.sort_values(rank, kind="stable") if rank else ranked
        section.key_numbers.append(KeyNumber(t.integer(len(ranked)), t("kn_gaps"), 3))
        if ranked.empty:
            blocks.append(Callout(t("gaps_none"), tone="ok"))
        else:
            blocks.append(
                chart_block(
                    charts.plot_gap_scores(ranked, t.lang, params.top_topics), t("chart_gaps")
                )
            )
            table = _gaps_table(ranked, t, params)
            blocks.append(table)
            section.decisions.append(t("dec_gap", label=table.rows[0][1]))
            blocks.append(Heading(t("gaps_briefs")))
            blocks.append(Cards(_gap_cards(ranked, t, params)))
    if not is_empty(faq):
        question = col(faq, "label", "question", "representative_question")
        asked = col(faq, "n_askers", "n_questions", "count")
        trend = col(faq, "trend")
        rank = col(faq, "rank")
        ordered = faq.sort_values(rank, kind="stable") if rank else faq
        terms = col(faq, "key_terms")
        rows = [
            [
                as_text(r[question], params.excerpt_chars),
                t.integer(r[asked]) if asked else "",
                as_text(r[trend]) if trend else "",
            ]
            + ([as_text(r[terms], 80)] if terms else [])
            for _, r in ordered.head(params.max_table_rows).iterrows()
        ]
        blocks.append(
            Table(
                [t("col_question"), t("col_askers"), t("col_trend")]
                + ([t("col_key_terms")] if terms else []),
                rows,
                caption=t("faq_table"),
                note=shown_note(t, len(rows), len(faq)),
                numeric=[1],
            )
        )
    return section


def _coverage_text(r: pd.Series, gaps: pd.DataFrame, t: Translator) -> str:
    status = col(gaps, "coverage_status")
    best = col(gaps, "best_item_title")
    sim = col(gaps, "best_item_similarity")
    parts = [as_text(r[status])] if status and as_text(r[status]) else []
    if best and as_text(r[best]):
        detail = as_text(r[best], 80)
        if sim and pd.notna(r[sim]):
            detail += f" ({t.number(r[sim], 2)})"
        parts.append(detail)
    return " — ".join(parts)


def _gaps_table(gaps: pd.DataFrame, t: Translator, params: ReportingParams) -> Table:
    rank = col(gaps, "rank")
    question = col(gaps, "label", "question", "representative_question")
    askers = col(gaps, "n_askers", "n_questions", "count")
    trend = col(gaps, "trend")
    score = col(gaps, "gap_score", "score")
    terms = col(gaps, "key_terms")  # the patients' words, beside the rewritten title
    rows: list[list[str | list[str]]] = []
    for i, (_, r) in enumerate(gaps.head(params.max_table_rows).iterrows(), start=1):
        rows.append(
            [
                as_text(r[rank]) if rank else str(i),
                as_text(r[question], params.excerpt_chars),
                t.integer(r[askers]) if askers else "",
                as_text(r[trend]) if trend else "",
                _coverage_text(r, gaps, t),
                t.number(r[score], 2) if score else "",
            ]
            + ([as_text(r[terms], 80)] if terms else [])
        )
    return Table(
        [
            t("col_rank"),
            t("col_question"),
            t("col_askers"),
            t("col_trend"),
            t("col_coverage"),
            t("col_score"),
        ]
        + ([t("col_key_terms")] if terms else []),
        rows,
        caption=t("gaps_table"),
        note=shown_note(t, len(rows), len(gaps)),
        numeric=[0, 2, 5],
    )


def _gap_cards(gaps: pd.DataFrame, t: Translator, params: ReportingParams) -> list[Card]:
    rank = col(gaps, "rank")
    question = col(gaps, "label", "question")
    evidence = col(gaps, "evidence")
    examples = col(gaps, "example_questions", "examples")
    brief = col(gaps, "content_brief", "brief")
    shortfall = col(gaps, "coverage_shortfall")
    cards = []
    for i, (_, r) in enumerate(gaps.head(params.max_briefs).iterrows(), start=1):
        facts = []
        if brief and as_text(r[brief]):
            facts.append((t("col_brief"), as_text(r[brief], 6 * params.excerpt_chars)))
        if evidence and as_text(r[evidence]):
            facts.append(
                (t("col_evidence_numbers"), as_text(r[evidence], 4 * params.excerpt_chars))
            )
        if shortfall and as_text(r[shortfall]):
            facts.append((t("col_coverage"), as_text(r[shortfall], 3 * params.excerpt_chars)))
        cards.append(
            Card(
                title=f"{as_text(r[rank]) if rank else i}. {as_text(r[question], params.excerpt_chars)}",
                facts=facts,
                quotes=_examples(r[examples], params) if examples else [],
            )
        )
    return cards
