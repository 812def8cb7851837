"""One function per report section: upstream outputs in, a ``SectionContent`` out.

Every ``section_<name>`` accepts ``None`` for each input (the stage has not been run, or
the optional input was not provided) and then returns an unavailable section that says
why, instead of failing the report. Sections hold plain text only; the template escapes
it (Jinja2 autoescape), so community text can never become markup.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pandas as pd

from ambassadeurs_pipeline.contracts.vocabulary import GAP_RANKED
from ambassadeurs_pipeline.privacy.pseudonyms import PSEUDONYM_PREFIX

from . import charts, frames
from .datasets import VERSION_STAMP
from .frames import as_list, as_text, col, is_empty
from .i18n import STRINGS, Translator
from .params import ReportingParams

logger = logging.getLogger(__name__)

PSEUDONYM = re.compile(rf"{re.escape(PSEUDONYM_PREFIX)}[0-9a-f]{{8,64}}")


# ---------------------------------------------------------------------------------------------
# Content blocks (rendered by templates/report.html.j2, one macro per kind)
# ---------------------------------------------------------------------------------------------


@dataclass
class Paragraph:
    text: str
    kind: ClassVar[str] = "paragraph"


@dataclass
class Heading:
    text: str
    kind: ClassVar[str] = "heading"


@dataclass
class Callout:
    text: str
    tone: str = "info"  # info | alert | ok
    kind: ClassVar[str] = "callout"


@dataclass
class Bullets:
    items: list[str]
    kind: ClassVar[str] = "bullets"


@dataclass
class KeyNumber:
    value: str
    label: str
    priority: int = 50  # the executive summary keeps the lowest


@dataclass
class KeyNumbers:
    items: list[KeyNumber]
    kind: ClassVar[str] = "key_numbers"


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str | list[str]]]  # a list cell is shown as a list of excerpts
    caption: str = ""
    note: str = ""
    numeric: list[int] = field(default_factory=list)  # right-aligned column indexes
    kind: ClassVar[str] = "table"


@dataclass
class Chart:
    data_uri: str
    alt: str
    kind: ClassVar[str] = "chart"


@dataclass
class Card:
    title: str
    subtitle: str = ""
    text: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    warning: str = ""


@dataclass
class Cards:
    cards: list[Card]
    kind: ClassVar[str] = "cards"


@dataclass
class Link:
    """A relative link to a file written next to the report (never a network address)."""

    text: str
    href: str
    note: str = ""
    kind: ClassVar[str] = "link"


@dataclass
class Preformatted:
    text: str
    kind: ClassVar[str] = "pre"


Block = (
    Paragraph
    | Heading
    | Callout
    | Bullets
    | KeyNumbers
    | Table
    | Chart
    | Cards
    | Preformatted
    | Link
)


@dataclass
class SectionContent:
    """What one section shows, plus what it offers the executive summary."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    unavailable_reason: str | None = None
    key_numbers: list[KeyNumber] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)

    @property
    def available(self) -> bool:
        return self.unavailable_reason is None


def _unavailable(key: str, t: Translator, reason: str) -> SectionContent:
    return SectionContent(
        key=key, title=t(f"sec_{key}"), unavailable_reason=t("unavailable", reason=reason)
    )


def _chart(fig, alt: str) -> Chart:
    return Chart(data_uri=charts.figure_to_data_uri(fig), alt=alt)


def _get(mapping: dict[str, Any] | None, *path: str, default: Any = None) -> Any:
    value: Any = mapping
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return default
        value = value[key]
    return value


def _first(mapping: dict[str, Any] | None, *keys: str) -> Any:
    for key in keys:
        value = _get(mapping, *key.split("."))
        if value is not None:
            return value
    return None


def _shown_note(t: Translator, shown: int, total: int) -> str:
    return t("rows_shown", shown=shown, total=total) if total > shown else ""


def _date(value: Any) -> str:
    stamp = pd.to_datetime(value, errors="coerce")
    return "" if pd.isna(stamp) else stamp.strftime("%d/%m/%Y")


# ---------------------------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------------------------


def section_data(
    ingestion_report: dict[str, Any] | None,
    cleaning_report: dict[str, Any] | None,
    t: Translator,
    params: ReportingParams,
) -> SectionContent:
    """Sources, period, rows in / kept / flagged with reasons, languages."""
    if is_empty(ingestion_report) and is_empty(cleaning_report):
        return _unavailable("data", t, t("not_run", stage="ingestion"))
    section = SectionContent(key="data", title=t("sec_data"))
    blocks = section.blocks
    blocks.append(Paragraph(t("data_intro")))
    comments = _get(ingestion_report, "comments", default={}) or {}

    numbers = []
    if comments.get("rows_in") is not None:
        numbers.append(KeyNumber(t.integer(comments["rows_in"]), t("data_rows_in")))
    elif _get(cleaning_report, "rows_in") is not None:
        numbers.append(KeyNumber(t.integer(cleaning_report["rows_in"]), t("data_rows_in")))
    if comments.get("rows_quarantined"):
        numbers.append(
            KeyNumber(t.integer(comments["rows_quarantined"]), t("data_rows_quarantined"))
        )
    analysed = _first(cleaning_report, "in_model", "rows_kept")
    if analysed is None and cleaning_report is None:
        analysed = comments.get("rows_kept")
    if analysed is not None:
        numbers.append(KeyNumber(t.integer(analysed), t("data_rows_kept")))
        section.key_numbers.append(KeyNumber(t.integer(analysed), t("kn_comments"), 1))
    if cleaning_report is not None:
        flagged = (_get(cleaning_report, "excluded_from_model", default=0) or 0) + (
            _get(cleaning_report, "rows_quarantined", default=0) or 0
        )
        numbers.append(KeyNumber(t.integer(flagged), t("data_rows_flagged")))
    if numbers:
        blocks.append(KeyNumbers(numbers))

    period = comments.get("period") or _get(cleaning_report, "period") or {}
    if period.get("start") and period.get("end"):
        blocks.append(
            Paragraph(t("data_period", start=_date(period["start"]), end=_date(period["end"])))
        )
    else:
        blocks.append(Paragraph(t("data_period_unknown")))

    sources = comments.get("sources") or _get(cleaning_report, "sources") or {}
    if sources:
        total = sum(sources.values()) or 1
        blocks.append(
            Table(
                [t("col_source"), t("col_comments"), t("col_share")],
                [
                    [as_text(k), t.integer(v), t.percent(v / total)]
                    for k, v in sorted(sources.items(), key=lambda kv: -kv[1])
                ],
                caption=t("data_sources"),
                numeric=[1, 2],
            )
        )

    reasons: dict[str, int] = {}
    for prefix, found in (
        (t("reason_import"), comments.get("quarantine_reasons")),
        (t("reason_cleaning"), _get(cleaning_report, "quarantine_reasons")),
        (t("reason_model"), _get(cleaning_report, "exclusion_reasons")),
    ):
        for reason, n in (found or {}).items():
            reasons[f"{prefix} : {reason}"] = reasons.get(f"{prefix} : {reason}", 0) + int(n)
    if reasons:
        blocks.append(
            Table(
                [t("col_reason"), t("col_rows")],
                [
                    [as_text(k), t.integer(v)]
                    for k, v in sorted(reasons.items(), key=lambda kv: -kv[1])
                ],
                caption=t("data_reasons"),
                numeric=[1],
            )
        )

    languages = _first(cleaning_report, "languages", "lang_counts", "counts.languages")
    if isinstance(languages, dict) and languages:
        total = sum(languages.values()) or 1
        blocks.append(
            Table(
                [t("col_language"), t("col_comments"), t("col_share")],
                [
                    [as_text(k), t.integer(v), t.percent(v / total)]
                    for k, v in sorted(languages.items(), key=lambda kv: -kv[1])
                ],
                caption=t("data_languages"),
                numeric=[1, 2],
            )
        )

    catalog = _get(ingestion_report, "content_catalog", default={}) or {}
    if catalog.get("provided"):
        blocks.append(Paragraph(t("data_catalog", n=t.integer(catalog.get("rows_kept", 0)))))
    elif ingestion_report is not None:
        blocks.append(Callout(t("data_no_catalog")))
    return section


# ---------------------------------------------------------------------------------------------
# Topics
# ---------------------------------------------------------------------------------------------


def section_topics(
    topic_info: pd.DataFrame | None,
    topic_trends: pd.DataFrame | None,
    topics_over_time: pd.DataFrame | None,
    topic_sentiment: pd.DataFrame | None,
    bad_buzz_alerts: pd.DataFrame | None,
    t: Translator,
    params: ReportingParams,
) -> SectionContent:
    """Top topics chart, trends with the significant risers, sentiment, bad-buzz alerts."""
    if is_empty(topic_info):
        return _unavailable("topics", t, t("not_run", stage="topics"))
    lang, n = t.lang, params.top_topics
    section = SectionContent(key="topics", title=t("sec_topics"))
    blocks = section.blocks
    blocks.append(Paragraph(t("topics_intro")))
    counts = frames.topic_counts(topic_info)
    section.key_numbers.append(KeyNumber(t.integer(len(counts)), t("kn_topics"), 2))
    blocks.append(_chart(charts.plot_top_topics(topic_info, lang, n), t("chart_top_topics")))

    blocks.append(Heading(t("topics_risers")))
    if topic_trends is None:
        blocks.append(Callout(t("unavailable", reason=t("not_run", stage="topics"))))
    else:
        risers = frames.significant_risers(topic_trends, topic_info)
        if risers.empty:
            blocks.append(Paragraph(t("topics_no_risers")))
        else:
            items = []
            for row in risers.head(params.max_table_rows).itertuples():
                change = (
                    t.signed(100 * row.change, 0, "\u202f%" if lang == "fr" else "%")
                    if abs(row.change) < 50
                    else t.number(row.change)
                )
                items.append(
                    t("riser_item", label=row.label, change=change, p=t.number(row.p_value, 3))
                )
            blocks.append(Bullets(items))
            section.decisions.append(t("dec_riser", label=risers["label"].iloc[0]))
            if topics_over_time is not None:
                ids = risers["topic_id"].head(5).tolist()
                blocks.append(
                    _chart(
                        charts.plot_topic_trends(topics_over_time, topic_info, ids, lang),
                        t("chart_trends"),
                    )
                )

    if topic_sentiment is not None:
        blocks.append(
            _chart(
                charts.plot_topic_sentiment(topic_sentiment, topic_info, lang, n),
                t("chart_sentiment"),
            )
        )

    blocks.append(Heading(t("topics_alerts")))
    if bad_buzz_alerts is None:
        blocks.append(Callout(t("unavailable", reason=t("not_run", stage="topics"))))
    elif bad_buzz_alerts.empty:
        blocks.append(Callout(t("topics_no_alerts"), tone="ok"))
        section.key_numbers.append(KeyNumber("0", t("kn_alerts"), 6))
    else:
        alerts = _alerts_table(bad_buzz_alerts, topic_info, t, params)
        blocks.append(alerts)
        section.key_numbers.append(KeyNumber(t.integer(len(bad_buzz_alerts)), t("kn_alerts"), 6))
        section.decisions.insert(0, _alert_decision(bad_buzz_alerts, alerts, t))
    return section


def _alert_decision(bad_buzz_alerts: pd.DataFrame, alerts: Table, t: Translator) -> str:
    """« Velnorix : hausse des avis négatifs en mars 2026 (×13,5) … » when the strongest alert
    names what drives it (``drivers``), else the topic-level decision."""
    ratio = col(bad_buzz_alerts, "ratio", "severity")
    top = (
        bad_buzz_alerts.sort_values(ratio, ascending=False, kind="stable").iloc[0]
        if ratio
        else bad_buzz_alerts.iloc[0]
    )
    drivers = as_list(top.get("drivers")) if "drivers" in bad_buzz_alerts.columns else []
    period = col(bad_buzz_alerts, "month", "period", "date", "week")
    when = pd.to_datetime(top[period], errors="coerce") if period else pd.NaT
    if not drivers or pd.isna(when) or not ratio:
        return t("dec_alert", label=alerts.rows[0][0])
    return t(
        "dec_alert_driver",
        driver=as_text(drivers[0]),
        month=t.month_long(when),
        ratio=t.number(top[ratio], 1),
        label=alerts.rows[0][0],
    )


def _alerts_table(
    alerts: pd.DataFrame, topic_info: pd.DataFrame | None, t: Translator, params: ReportingParams
) -> Table:
    labels = frames.topic_labels(topic_info)
    label = col(alerts, "topic_label", "label")
    tid = col(alerts, "topic_id", "topic")
    period = col(alerts, "month", "period", "date", "week")
    volume = col(alerts, "n_comments", "volume", "count")
    negative = col(alerts, "n_negative")
    share = col(alerts, "negative_share", "share_negatif")
    ratio = col(alerts, "ratio", "severity")
    order = alerts.sort_values(ratio, ascending=False, kind="stable") if ratio else alerts
    rows = []
    for _, r in order.head(params.max_table_rows).iterrows():
        name = (
            as_text(r[label]) if label else labels.get(int(r[tid]), as_text(r[tid])) if tid else ""
        )
        if share:
            neg_share = r[share]
        elif negative and volume and r[volume]:
            neg_share = r[negative] / r[volume]
        else:
            neg_share = None
        when = pd.to_datetime(r[period], errors="coerce") if period else pd.NaT
        rows.append(
            [
                name,
                "" if pd.isna(when) else when.strftime("%m/%Y"),
                t.percent(neg_share),
                t.integer(r[volume]) if volume else "",
                f"×{t.number(r[ratio], 1)}" if ratio else "",
                ", ".join(as_text(d) for d in as_list(r["drivers"])[:3])
                if "drivers" in alerts.columns
                else "",
            ]
        )
    return Table(
        [
            t("col_topic"),
            t("col_period"),
            t("col_negative_share"),
            t("col_volume"),
            t("col_ratio"),
            t("col_drivers"),
        ],
        rows,
        note=_shown_note(t, len(rows), len(alerts)),
        numeric=[2, 3, 4],
    )


# ---------------------------------------------------------------------------------------------
# FAQ and information gaps
# ---------------------------------------------------------------------------------------------


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
        return _unavailable("gaps", t, t("not_run", stage="gaps"))
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
                _chart(charts.plot_gap_scores(ranked, t.lang, params.top_topics), t("chart_gaps"))
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
                note=_shown_note(t, len(rows), len(faq)),
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
        note=_shown_note(t, len(rows), len(gaps)),
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


# ---------------------------------------------------------------------------------------------
# Personas and ambassadors
# ---------------------------------------------------------------------------------------------


def section_personas(
    persona_cards: dict[str, Any] | pd.DataFrame | None, t: Translator, params: ReportingParams
) -> SectionContent:
    """One card per persona: name, size, description, traits, topics, quotes, how to approach."""
    cards_frame = frames.persona_table(persona_cards)
    if cards_frame.empty:
        return _unavailable("personas", t, t("not_run", stage="personas"))
    section = SectionContent(key="personas", title=t("sec_personas"))
    section.blocks.append(Paragraph(t("personas_intro")))
    if isinstance(persona_cards, dict) and persona_cards.get("stable") is False:
        message = _get(persona_cards, "stability", "message")
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
        _chart(charts.plot_persona_sizes(persona_cards, t.lang), t("chart_personas"))
    )
    return section


def _pseudonymous_rows(candidates: pd.DataFrame, author: str | None) -> pd.DataFrame:
    """Rows whose author id is a pseudonym made by ``privacy.pseudonyms``; the others are dropped.

    A row with anything else as id may carry a handle in any of its columns, so none of it
    reaches the report.
    """
    if author is None:
        return candidates.iloc[0:0]
    ok = candidates[author].map(lambda v: bool(PSEUDONYM.fullmatch(as_text(v))))
    if not ok.all():
        logger.warning(
            "ambassador_candidates: %d row(s) with an author id that is not a pseudonym left out of the report.",
            int((~ok).sum()),
        )
    return candidates[ok]


def section_ambassadors(
    ambassador_candidates: pd.DataFrame | None, t: Translator, params: ReportingParams
) -> SectionContent:
    """The shortlist: pseudonym, persona, score and the reasons; no other author column is read."""
    if ambassador_candidates is None:
        return _unavailable("ambassadors", t, t("not_run", stage="personas"))
    section = SectionContent(key="ambassadors", title=t("sec_ambassadors"))
    section.blocks.append(Paragraph(t("ambassadors_intro")))
    author = col(ambassador_candidates, "author_id")
    c = _pseudonymous_rows(ambassador_candidates, author)
    section.key_numbers.append(KeyNumber(t.integer(len(c)), t("kn_ambassadors"), 4))
    if c.empty:
        section.blocks.append(Callout(t("ambassadors_none")))
        return section
    persona = col(c, "persona_name", "persona")
    score = col(c, "score", "ambassador_score", "rank_score")
    rank = col(c, "rank")
    why = col(c, "reasons", "why", "rationale", "explanation")
    ordered = (
        c.sort_values(rank) if rank else (c.sort_values(score, ascending=False) if score else c)
    )
    rows = []
    for _, r in ordered.head(params.max_ambassadors).iterrows():
        rows.append(
            [
                as_text(r[rank]) if rank else "",
                as_text(r[author]),
                as_text(r[persona]) if persona else "",
                t.number(r[score], 2) if score else "",
                as_text(r[why], 200) if why else "",
            ]
        )
    section.blocks.append(
        Table(
            [t("col_rank"), t("col_author_id"), t("col_persona"), t("col_score"), t("col_why")],
            rows,
            note=_shown_note(t, len(rows), len(c)),
            numeric=[0, 3],
        )
    )
    if persona:
        top_persona = ordered[persona].map(as_text).mode()
        section.decisions.append(
            t(
                "dec_ambassadors",
                n=t.integer(len(c)),
                persona=top_persona.iloc[0] if len(top_persona) else "",
            )
        )
    return section


# ---------------------------------------------------------------------------------------------
# Campaign
# ---------------------------------------------------------------------------------------------


def _verdict_lines(markdown: str) -> list[str]:
    """The verdict's bullets as plain sentences (markdown title and emphasis dropped)."""
    lines = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = re.sub(r"^[-*+]\s+", "", line)
        lines.append(re.sub(r"(\*\*|__|\*|`)(.+?)\1", r"\2", line))
    return lines


def section_campaign(
    uplift_results: dict[str, Any] | None,
    uplift_verdict: str | None,
    uplift_qini_curves: pd.DataFrame | None,
    t: Translator,
    params: ReportingParams,
) -> SectionContent:
    """Verdict, effects with CIs, per-persona forest plot, Qini against random, and power."""
    if is_empty(uplift_results) or not uplift_results.get("provided", True):
        reason = as_text((uplift_results or {}).get("reason")) or t("no_campaign")
        return _unavailable("campaign", t, reason)
    section = SectionContent(key="campaign", title=t("sec_campaign"))
    blocks = section.blocks
    blocks.append(Paragraph(t("campaign_intro")))
    binary = (uplift_results.get("preparation") or {}).get("outcome_type", "binaire") == "binaire"
    unit = " pts" if binary else ""
    scale = 100.0 if binary else 1.0

    verdict = _verdict_lines(uplift_verdict) if uplift_verdict else []
    if verdict:
        blocks.append(Heading(t("campaign_verdict")))
        blocks.append(Bullets(verdict))

    arm = frames.focus_arm(uplift_results)
    effects = frames.arm_effects(uplift_results)
    if not effects.empty:
        rows = []
        for e in effects.to_dict("records"):
            rel = e.get("relative_uplift")
            rows.append(
                [
                    as_text(e["treatment"]),
                    as_text(e["reference"]),
                    f"{t.signed(scale * e['difference'])}{unit}",
                    f"[{t.signed(scale * e['difference_low'])} ; {t.signed(scale * e['difference_high'])}]",
                    t.signed(100 * rel, 0, "\u202f%" if t.lang == "fr" else "%")
                    if rel is not None and pd.notna(rel)
                    else "–",
                    t.number(e.get("p_value_holm"), 3),
                    t.integer(e.get("n_treatment", 0) + e.get("n_reference", 0)),
                ]
            )
        blocks.append(
            Table(
                [
                    t("col_arm"),
                    t("col_reference"),
                    t("col_effect"),
                    t("col_ci"),
                    t("col_relative"),
                    t("col_p_holm"),
                    t("col_n"),
                ],
                rows,
                caption=t("campaign_effects"),
                note=t("campaign_effects_caption"),
                numeric=[2, 3, 4, 5, 6],
            )
        )
        claim = effects[(effects["treatment"] == arm) & effects.get("vs_control", True)]
        if not claim.empty:
            c = claim.iloc[0]
            section.key_numbers.append(
                KeyNumber(f"{t.signed(scale * c['difference'])}{unit}", t("kn_uplift"), 5)
            )
            alpha = (uplift_results.get("parameters") or {}).get("alpha", 0.05)
            demonstrated = c["difference_low"] > 0 and c.get("p_value_holm", 0) < alpha
            summary = t(
                "campaign_effect_summary",
                arm=as_text(arm),
                effect=f"{t.signed(scale * c['difference'])}{unit}",
                low=t.signed(scale * c["difference_low"]),
                high=t.signed(scale * c["difference_high"]),
            )
            section.decisions.append(
                t("dec_campaign_positive", verdict=summary)
                if demonstrated
                else t("dec_campaign_other", verdict=summary)
            )
        blocks.append(
            _chart(
                charts.plot_uplift_forest(uplift_results, t.lang, arm),
                t("chart_forest_arm", arm=arm),
            )
        )

    models = (uplift_results.get("targeting") or {}).get("models") or []
    trained = [m for m in models if not m.get("skipped")]
    if trained:
        blocks.append(Heading(t("campaign_targeting")))
        rows = [
            [
                f"{as_text(m['treatment'])} / {as_text(m['reference'])}",
                f"{t.number(m['qini_coefficient'], 3)} [{t.number(m['qini_low'], 3)} ; {t.number(m['qini_high'], 3)}]",
                t("yes") if m.get("beats_random") else t("no"),
            ]
            for m in trained
        ]
        blocks.append(
            Table([t("col_model"), t("col_qini"), t("col_beats_random")], rows, numeric=[1])
        )
        if uplift_qini_curves is not None and not uplift_qini_curves.empty:
            model = None
            if "model" in uplift_qini_curves.columns:
                names = list(dict.fromkeys(uplift_qini_curves["model"]))
                model = next((n for n in names if arm and str(n).startswith(str(arm))), names[0])
            blocks.append(
                _chart(charts.plot_qini(uplift_qini_curves, t.lang, model), t("chart_qini"))
            )

    power = uplift_results.get("power") or []
    if power:
        blocks.append(Heading(t("campaign_power")))
        rows = [
            [
                as_text(p["treatment"]),
                t.integer(min(p.get("n_treatment", 0), p.get("n_control", 0))),
                f"{t.number(scale * p['mde_absolute'], 1)}{unit}"
                if p.get("mde_absolute") is not None and pd.notna(p.get("mde_absolute"))
                else "–",
                t.integer(p.get("n_per_arm_needed")),
                t("yes") if p.get("sample_sufficient") else t("no"),
            ]
            for p in power
        ]
        blocks.append(
            Table(
                [t("col_arm"), t("col_n"), t("col_mde"), t("col_n_needed"), t("col_sufficient")],
                rows,
                note=t("campaign_power_caption"),
                numeric=[1, 2, 3],
            )
        )
    return section


# ---------------------------------------------------------------------------------------------
# Methodology and model card
# ---------------------------------------------------------------------------------------------


def _scalar_rows(
    metrics: dict[str, Any] | None, t: Translator, skip: tuple[str, ...] = ()
) -> list[list[str]]:
    """``[name, value]`` for the numeric scalars of a metrics dict (nested parts are left out)."""
    rows = []
    for key, value in (metrics or {}).items():
        if key in skip or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        text = t.integer(value) if isinstance(value, int) else t.number(value, 3)
        rows.append([key.replace("_", " "), text])
    return rows


def _topic_quality_rows(quality: dict[str, Any], t: Translator) -> list[list[str]]:
    rows = []
    if quality.get("n_topics") is not None:
        rows.append([t("q_n_topics"), t.integer(quality["n_topics"])])
    coherence = _first(quality, "npmi_coherence", "coherence")
    if coherence is not None:
        rows.append([t("q_coherence"), t.number(coherence, 3)])
    diversity = _first(quality, "topic_diversity", "diversity")
    if diversity is not None:
        rows.append([t("q_diversity"), t.number(diversity, 2)])
    stability = _first(quality, "stability.ari_mean", "stability_ari")
    if isinstance(stability, int | float):
        rows.append([t("q_stability"), t.number(stability, 2)])
    if quality.get("outlier_share") is not None:
        rows.append([t("q_outliers"), t.percent(quality["outlier_share"], 1)])
    clustering = quality.get("clustering")
    if isinstance(clustering, dict) and clustering.get("min_cluster_size") is not None:
        source = clustering.get("source") or {}
        rows.append(
            [
                t("q_clustering"),
                t(
                    "q_clustering_value",
                    mcs=t.integer(clustering["min_cluster_size"]),
                    mcs_source=t(
                        "q_user" if source.get("min_cluster_size") == "user" else "q_auto"
                    ),
                    nn=t.integer(clustering.get("n_neighbors") or 0),
                    nn_source=t("q_user" if source.get("n_neighbors") == "user" else "q_auto"),
                    n_fit=t.integer(clustering.get("n_fit") or 0),
                ),
            ]
        )
    return rows


def _pii_rows(pii: dict[str, Any], t: Translator) -> list[list[str]]:
    # The salt fingerprint stays out: it identifies the secret, which readers do not need.
    rows = []
    if pii.get("detector"):
        rows.append([t("pii_detector"), as_text(pii["detector"])])
    if pii.get("comments_with_pii") is not None:
        rows.append([t("pii_comments"), t.integer(pii["comments_with_pii"])])
    for kind, n in (pii.get("replaced_per_type") or {}).items():
        rows.append([t("pii_type", kind=as_text(kind)), t.integer(n)])
    return rows


def _sentiment_quality_blocks(backend: str, t: Translator) -> list[Any]:
    """Held-out figures of the trained French model, read from its shipped metadata.

    Only for the backends that use it; the figures were measured by
    ``benchmarks/train_sentiment_fr.py`` on test splits never used for training or tuning."""
    if not backend.startswith("modele_fr"):
        return []
    from ambassadeurs_pipeline.sentiment.model_fr import model_metadata

    meta = model_metadata()
    metrics = (meta.get("test_metrics") or {}).get("corpora") or {}
    weak = {
        name for name, source in (meta.get("sources") or {}).items() if source.get("weak_labels")
    }
    rows = [
        [
            as_text(name),
            t.integer(m.get("n")),
            t.percent(m.get("accuracy_pos_neg"), 1),
            t.number(m.get("macro_f1")),
            t.percent(m.get("negatives_labelled_neutre"), 1),
        ]
        for name, m in metrics.items()
        if name not in weak  # labels assumed, not annotated: not evidence
    ]
    if not rows:
        return []
    columns = [
        t("col_corpus"),
        t("col_n_texts"),
        t("col_accuracy_pos_neg"),
        t("col_macro_f1"),
        t("col_negatives_neutral"),
    ]
    return [
        Heading(t("method_sentiment_quality")),
        Table(columns, rows, note=t("method_sentiment_quality_note"), numeric=[1, 2, 3, 4]),
    ]


def section_methodology(
    topic_quality: dict[str, Any] | None,
    cleaning_report: dict[str, Any] | None,
    coverage_calibration: dict[str, Any] | None,
    persona_quality: dict[str, Any] | None,
    t: Translator,
    params: ReportingParams,
    run_parameters: dict[str, Any] | None = None,
) -> SectionContent:
    """Embedding backend, topic-quality and PII figures, calibration, limits, how to contest.

    Always available: the limits and the contest procedure do not depend on any stage.
    """
    section = SectionContent(key="methodology", title=t("sec_methodology"))
    blocks = section.blocks
    blocks.append(Paragraph(t("method_intro")))
    embedding = _get(run_parameters, "topics", "embedding", "backend")
    if embedding:
        blocks.append(Paragraph(t("method_embedding", backend=as_text(embedding))))
    sentiment = _get(run_parameters, "topics", "sentiment", "backend")
    if sentiment:
        blocks.append(Paragraph(t("method_sentiment", backend=as_text(sentiment))))
        blocks.extend(_sentiment_quality_blocks(str(sentiment), t))

    pii = _get(cleaning_report, "pii")
    calibration_rows = _scalar_rows(coverage_calibration, t)
    persona_rows = _scalar_rows(persona_quality, t)
    for title, rows, note in (
        (t("method_topic_quality"), _topic_quality_rows(topic_quality or {}, t), ""),
        (t("method_pii"), _pii_rows(pii, t) if isinstance(pii, dict) else [], ""),
        (
            t("method_gap_calibration"),
            calibration_rows,
            as_text(_get(coverage_calibration, "method")),
        ),
        (t("method_persona_quality"), persona_rows, as_text(_get(persona_quality, "message"))),
    ):
        blocks.append(Heading(title))
        if note:
            blocks.append(Paragraph(note))
        if rows:
            blocks.append(Table([t("col_metric"), t("col_value")], rows, numeric=[1]))
        elif not note:
            blocks.append(Callout(t("unavailable", reason=t("chart_no_data"))))
    blocks.append(Heading(t("method_limits")))
    blocks.append(Bullets([t(f"limit_{i}") for i in range(1, 5)]))
    blocks.append(Heading(t("method_contest")))
    blocks.append(Paragraph(t("contest_text", contact=params.contact)))
    return section


# ---------------------------------------------------------------------------------------------
# Run metadata and executive summary
# ---------------------------------------------------------------------------------------------


def section_run(
    run_metadata: dict[str, Any] | None, t: Translator, params: ReportingParams
) -> SectionContent:
    """Package versions, parameters, input file hashes, dataset versions."""
    if is_empty(run_metadata):
        return _unavailable("run", t, t("chart_no_data"))
    section = SectionContent(key="run", title=t("sec_run"))
    blocks = section.blocks
    blocks.append(Paragraph(t("run_intro")))
    packages = run_metadata.get("packages") or {}
    blocks.append(
        Table(
            [t("col_package"), t("col_version")],
            [[k, v or t("absent")] for k, v in packages.items()],
            caption=t("run_packages"),
        )
    )
    inputs = run_metadata.get("input_hashes") or {}
    if inputs:
        blocks.append(
            Table(
                [t("col_file"), t("col_hash")],
                [[k, v or t("absent")] for k, v in inputs.items()],
                caption=t("run_inputs"),
            )
        )
    versions = run_metadata.get("dataset_versions") or {}
    if versions:
        blocks.append(
            Table(
                [t("col_dataset"), t("col_version")],
                [[k, v] for k, v in versions.items()],
                caption=t("run_datasets"),
            )
        )
    parameters = run_metadata.get("parameters")
    if parameters:
        blocks.append(Heading(t("run_parameters")))
        blocks.append(
            Preformatted(
                json.dumps(parameters, indent=2, ensure_ascii=False, default=str, sort_keys=True)
            )
        )
    return section


def section_summary(
    sections: list[SectionContent], t: Translator, n_numbers: int = 5, n_decisions: int = 3
) -> SectionContent:
    """The numbers and decisions that matter, taken from the other sections in priority order."""
    section = SectionContent(key="summary", title=t("sec_summary"))
    numbers = sorted((kn for s in sections for kn in s.key_numbers), key=lambda kn: kn.priority)[
        :n_numbers
    ]
    by_key = {s.key: s for s in sections}
    order = ["gaps", "topics", "campaign", "ambassadors"]
    ranked = [by_key[k] for k in order if k in by_key] + [s for s in sections if s.key not in order]
    # One decision per section first, so that one busy section cannot crowd out the others.
    firsts = [s.decisions[0] for s in ranked if s.decisions]
    rest = [d for s in ranked for d in s.decisions[1:]]
    decisions = (firsts + rest)[:n_decisions]
    if numbers:
        section.blocks.append(Heading(t("summary_numbers")))
        section.blocks.append(KeyNumbers(numbers))
    section.blocks.append(Heading(t("summary_decisions")))
    if decisions:
        section.blocks.append(Bullets(decisions))
    else:
        section.blocks.append(Callout(t("summary_no_decision")))
    return section


def explorer_blocks(
    summary: dict[str, Any] | None, t: Translator, params: ReportingParams
) -> list[Block]:
    """The link to ``topic_explorer_html`` (BERTopic's interactive views), for the topics section.

    ``summary`` is ``topic_explorer_summary`` loaded with its version stamp; the page of that
    version sits in a sibling folder of the report's, hence a relative ``href``. No link
    when the stamp is not one of Kedro's (never a path from elsewhere).
    """
    version = (summary or {}).get("version")
    if not summary or not isinstance(version, str) or not VERSION_STAMP.match(version):
        return [Heading(t("topics_explorer")), Paragraph(t("explorer_missing"))]
    blocks: list[Block] = [
        Heading(t("topics_explorer")),
        Link(
            t("explorer_link"),
            params.topic_explorer_href.format(version=version),
            t("explorer_note", version=version),
        ),
    ]
    skipped = [
        f"{v.get('title')} ({v.get('note')})"
        for v in summary.get("views", [])
        if not v.get("shown")
    ]
    if skipped:
        blocks.append(Paragraph(t("explorer_skipped", views="; ".join(skipped))))
    return blocks


# ---------------------------------------------------------------------------------------------
# What was skipped and why (run_status, ambassadeurs_pipeline.status)
# ---------------------------------------------------------------------------------------------

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
