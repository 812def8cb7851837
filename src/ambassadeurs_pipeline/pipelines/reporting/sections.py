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

from ambassadeurs_pipeline.privacy.pseudonyms import PSEUDONYM_PREFIX

from . import charts, frames
from .frames import as_list, as_text, col, is_empty
from .i18n import Translator
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


@dataclass
class Cards:
    cards: list[Card]
    kind: ClassVar[str] = "cards"


@dataclass
class Preformatted:
    text: str
    kind: ClassVar[str] = "pre"


Block = Paragraph | Heading | Callout | Bullets | KeyNumbers | Table | Chart | Cards | Preformatted


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
    return SectionContent(key=key, title=t(f"sec_{key}"), unavailable_reason=t("unavailable", reason=reason))


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

    rows_in = _first(cleaning_report, "rows_in", "n_in", "counts.in") or comments.get("rows_in")
    rows_kept = _first(cleaning_report, "rows_kept", "n_kept", "counts.kept", "in_model")
    rows_flagged = _first(cleaning_report, "rows_flagged", "n_flagged", "counts.flagged")
    numbers = []
    if comments.get("rows_in") is not None:
        numbers.append(KeyNumber(t.integer(comments["rows_in"]), t("data_rows_in")))
        if comments.get("rows_quarantined"):
            numbers.append(KeyNumber(t.integer(comments["rows_quarantined"]), t("data_rows_quarantined")))
    elif rows_in is not None:
        numbers.append(KeyNumber(t.integer(rows_in), t("data_rows_in")))
    if rows_kept is None and cleaning_report is None:
        rows_kept = comments.get("rows_kept")
    if rows_kept is not None:
        numbers.append(KeyNumber(t.integer(rows_kept), t("data_rows_kept")))
        section.key_numbers.append(KeyNumber(t.integer(rows_kept), t("kn_comments"), 1))
    if rows_flagged is not None:
        numbers.append(KeyNumber(t.integer(rows_flagged), t("data_rows_flagged")))
    if numbers:
        blocks.append(KeyNumbers(numbers))

    period = comments.get("period") or _get(cleaning_report, "period") or {}
    if period.get("start") and period.get("end"):
        blocks.append(Paragraph(t("data_period", start=_date(period["start"]), end=_date(period["end"]))))
    else:
        blocks.append(Paragraph(t("data_period_unknown")))

    sources = comments.get("sources") or _get(cleaning_report, "sources") or {}
    if sources:
        total = sum(sources.values()) or 1
        blocks.append(
            Table(
                [t("col_source"), t("col_comments"), t("col_share")],
                [[as_text(k), t.integer(v), t.percent(v / total)] for k, v in sorted(sources.items(), key=lambda kv: -kv[1])],
                caption=t("data_sources"),
                numeric=[1, 2],
            )
        )

    reasons: dict[str, int] = {}
    for key in ("reasons", "flagged_by_reason", "exclusion_reasons", "counts.flagged_by_reason"):
        found = _get(cleaning_report, *key.split("."))
        if isinstance(found, dict):
            reasons.update(found)
            break
    for reason, n in (comments.get("quarantine_reasons") or {}).items():
        reasons[f"import : {reason}"] = reasons.get(f"import : {reason}", 0) + n
    if reasons:
        blocks.append(
            Table(
                [t("col_reason"), t("col_rows")],
                [[as_text(k), t.integer(v)] for k, v in sorted(reasons.items(), key=lambda kv: -kv[1])],
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
                [[as_text(k), t.integer(v), t.percent(v / total)] for k, v in sorted(languages.items(), key=lambda kv: -kv[1])],
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
                change = t.signed(100 * row.change, 0, "\u202f%" if lang == "fr" else "%") if abs(row.change) < 50 else t.number(row.change)
                items.append(t("riser_item", label=row.label, change=change, p=t.number(row.p_value, 3)))
            blocks.append(Bullets(items))
            section.decisions.append(t("dec_riser", label=risers["label"].iloc[0]))
            if topics_over_time is not None:
                ids = risers["topic_id"].head(5).tolist()
                blocks.append(_chart(charts.plot_topic_trends(topics_over_time, topic_info, ids, lang), t("chart_trends")))

    if topic_sentiment is not None:
        blocks.append(_chart(charts.plot_topic_sentiment(topic_sentiment, topic_info, lang, n), t("chart_sentiment")))

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
        section.decisions.insert(0, t("dec_alert", label=alerts.rows[0][0]))
    return section


def _alerts_table(alerts: pd.DataFrame, topic_info: pd.DataFrame | None, t: Translator, params: ReportingParams) -> Table:
    labels = frames.topic_labels(topic_info)
    label = col(alerts, "topic_label", "label")
    tid = col(alerts, "topic_id", "topic")
    period = col(alerts, "period", "window_start", "date", "week", "timestamp")
    neg = col(alerts, "negative_share", "share_negatif", "neg_share")
    volume = col(alerts, "n_comments", "volume", "count", "n")
    severity = col(alerts, "severity", "z_score", "zscore", "score")
    order = alerts.sort_values(severity, ascending=False, kind="stable") if severity else alerts
    rows = []
    for _, r in order.head(params.max_table_rows).iterrows():
        name = as_text(r[label]) if label else labels.get(int(r[tid]), as_text(r[tid])) if tid else ""
        rows.append(
            [
                name,
                _date(r[period]) or as_text(r[period]) if period else "",
                t.percent(r[neg]) if neg else "",
                t.integer(r[volume]) if volume else "",
                (as_text(r[severity]) if isinstance(r[severity], str) else t.number(r[severity], 1)) if severity else "",
            ]
        )
    return Table(
        [t("col_topic"), t("col_period"), t("col_negative_share"), t("col_volume"), t("col_severity")],
        rows,
        note=_shown_note(t, len(rows), len(alerts)),
        numeric=[2, 3, 4],
    )


# ---------------------------------------------------------------------------------------------
# FAQ and information gaps
# ---------------------------------------------------------------------------------------------


def section_gaps(
    faq: pd.DataFrame | None,
    information_gaps: pd.DataFrame | None,
    t: Translator,
    params: ReportingParams,
) -> SectionContent:
    """The ranked gaps table with evidence and content briefs, then the FAQ."""
    if is_empty(faq) and information_gaps is None:
        return _unavailable("gaps", t, t("not_run", stage="gaps"))
    section = SectionContent(key="gaps", title=t("sec_gaps"))
    blocks = section.blocks
    blocks.append(Paragraph(t("gaps_intro")))
    if information_gaps is not None:
        section.key_numbers.append(KeyNumber(t.integer(len(information_gaps)), t("kn_gaps"), 3))
        if information_gaps.empty:
            blocks.append(Callout(t("gaps_none"), tone="ok"))
        else:
            table = _gaps_table(information_gaps, t, params)
            blocks.append(table)
            section.decisions.append(t("dec_gap", label=table.rows[0][1]))
    if not is_empty(faq):
        question = col(faq, "question", "representative_question", "label", "text")
        asked = col(faq, "n_asked", "n_questions", "count", "size", "n")
        rank = col(faq, "rank")
        ordered = faq.sort_values(rank) if rank else faq
        rows = [
            [as_text(r[question], params.excerpt_chars), t.integer(r[asked]) if asked else ""]
            for _, r in ordered.head(params.max_table_rows).iterrows()
        ]
        blocks.append(
            Table([t("col_question"), t("col_asked")], rows, caption=t("faq_table"),
                  note=_shown_note(t, len(rows), len(faq)), numeric=[1])
        )
    return section


def _gaps_table(gaps: pd.DataFrame, t: Translator, params: ReportingParams) -> Table:
    rank = col(gaps, "rank", "gap_rank")
    question = col(gaps, "question", "representative_question", "label", "gap_label", "title")
    asked = col(gaps, "n_asked", "n_questions", "demand", "count", "n")
    coverage = col(gaps, "coverage", "coverage_score", "best_similarity", "similarity")
    best = col(gaps, "best_item_title", "best_content_title", "best_match_title", "matched_title")
    evidence = col(gaps, "evidence", "examples", "example_questions", "quotes")
    brief = col(gaps, "content_brief", "brief", "suggested_content")
    ordered = gaps.sort_values(rank, kind="stable") if rank else gaps
    rows: list[list[str | list[str]]] = []
    for i, (_, r) in enumerate(ordered.head(params.max_table_rows).iterrows(), start=1):
        quotes = [as_text(q, params.excerpt_chars) for q in as_list(r[evidence])][: params.max_evidence] if evidence else []
        rows.append(
            [
                as_text(r[rank]) if rank else str(i),
                as_text(r[question], params.excerpt_chars),
                t.integer(r[asked]) if asked else "",
                t.percent(r[coverage]) if coverage else "",
                as_text(r[best], 120) if best else "",
                quotes,
                as_text(r[brief], 2 * params.excerpt_chars) if brief else "",
            ]
        )
    return Table(
        [t("col_rank"), t("col_question"), t("col_asked"), t("col_coverage"), t("col_best_content"),
         t("col_evidence"), t("col_brief")],
        rows,
        caption=t("gaps_table"),
        note=_shown_note(t, len(rows), len(gaps)),
        numeric=[0, 2, 3],
    )


# ---------------------------------------------------------------------------------------------
# Personas and ambassadors
# ---------------------------------------------------------------------------------------------


def section_personas(persona_cards: pd.DataFrame | None, t: Translator, params: ReportingParams) -> SectionContent:
    """One card per persona: name, size, description, defining traits."""
    if is_empty(persona_cards):
        return _unavailable("personas", t, t("not_run", stage="personas"))
    section = SectionContent(key="personas", title=t("sec_personas"))
    section.blocks.append(Paragraph(t("personas_intro")))
    name = col(persona_cards, "persona_name", "name", "label")
    size = col(persona_cards, "n_authors", "size", "count", "n")
    share = col(persona_cards, "share", "share_authors", "proportion")
    text = col(persona_cards, "description", "summary", "text")
    traits = col(persona_cards, "traits", "key_traits", "top_features", "characteristics")
    topics = col(persona_cards, "top_topics", "topics", "favourite_topics")
    total = pd.to_numeric(persona_cards[size], errors="coerce").sum() if size else 0
    cards = []
    for _, r in persona_cards.iterrows():
        n = r[size] if size else None
        s = r[share] if share else (n / total if total and n is not None else None)
        facts = []
        if topics:
            facts.append((t("col_topic"), as_text(as_list(r[topics])[:3])))
        cards.append(
            Card(
                title=as_text(r[name]),
                subtitle=t("persona_size", n=t.integer(n), share=t.percent(s)) if n is not None else "",
                text=as_text(r[text], 600) if text else "",
                facts=facts,
                tags=[as_text(x, 60) for x in as_list(r[traits])][:6] if traits else [],
            )
        )
    section.blocks.append(Cards(cards))
    section.blocks.append(_chart(charts.plot_persona_sizes(persona_cards, t.lang), t("chart_personas")))
    return section


def _pseudonym_or_mask(value: Any) -> str:
    text = as_text(value)
    if PSEUDONYM.fullmatch(text):
        return text
    # Not a pseudonym made by privacy.pseudonyms: it may be a handle, so it never reaches the report.
    logger.warning("ambassador_candidates holds an author id that is not a pseudonym; masked in the report.")
    return "—"


def section_ambassadors(
    ambassador_candidates: pd.DataFrame | None, t: Translator, params: ReportingParams
) -> SectionContent:
    """The shortlist: pseudonym, persona, score and the reasons; no other author column is read."""
    if ambassador_candidates is None:
        return _unavailable("ambassadors", t, t("not_run", stage="personas"))
    section = SectionContent(key="ambassadors", title=t("sec_ambassadors"))
    section.blocks.append(Paragraph(t("ambassadors_intro")))
    section.key_numbers.append(KeyNumber(t.integer(len(ambassador_candidates)), t("kn_ambassadors"), 4))
    if ambassador_candidates.empty:
        section.blocks.append(Callout(t("ambassadors_none")))
        return section
    c = ambassador_candidates
    author = col(c, "author_id")
    persona = col(c, "persona_name", "persona")
    score = col(c, "ambassador_score", "score", "rank_score")
    rank = col(c, "rank")
    why = col(c, "reasons", "why", "rationale", "explanation")
    ordered = c.sort_values(rank) if rank else (c.sort_values(score, ascending=False) if score else c)
    rows = []
    for _, r in ordered.head(params.max_ambassadors).iterrows():
        rows.append(
            [
                _pseudonym_or_mask(r[author]) if author else "—",
                as_text(r[persona]) if persona else "",
                t.number(r[score], 2) if score else "",
                as_text(r[why], 200) if why else "",
            ]
        )
    section.blocks.append(
        Table([t("col_author_id"), t("col_persona"), t("col_score"), t("col_why")], rows,
              note=_shown_note(t, len(rows), len(c)), numeric=[2])
    )
    if persona:
        top_persona = ordered[persona].map(as_text).mode()
        section.decisions.append(
            t("dec_ambassadors", n=t.integer(len(c)), persona=top_persona.iloc[0] if len(top_persona) else "")
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
                    t.signed(100 * rel, 0, "\u202f%" if t.lang == "fr" else "%") if rel is not None and pd.notna(rel) else "–",
                    t.number(e.get("p_value_holm"), 3),
                    t.integer(e.get("n_treatment", 0) + e.get("n_reference", 0)),
                ]
            )
        blocks.append(
            Table([t("col_arm"), t("col_reference"), t("col_effect"), t("col_ci"), t("col_relative"),
                   t("col_p_holm"), t("col_n")], rows, caption=t("campaign_effects"),
                  note=t("campaign_effects_caption"), numeric=[2, 3, 4, 5, 6])
        )
        claim = effects[(effects["treatment"] == arm) & effects.get("vs_control", True)]
        if not claim.empty:
            c = claim.iloc[0]
            section.key_numbers.append(KeyNumber(f"{t.signed(scale * c['difference'])}{unit}", t("kn_uplift"), 5))
            demonstrated = c["difference_low"] > 0 and c.get("p_value_holm", 0) < (uplift_results.get("parameters") or {}).get("alpha", 0.05)
            summary = verdict[0] if verdict else ""
            section.decisions.append(
                t("dec_campaign_positive", verdict=summary) if demonstrated else t("dec_campaign_other", verdict=summary)
            )
        blocks.append(_chart(charts.plot_uplift_forest(uplift_results, t.lang, arm), t("chart_forest_arm", arm=arm)))

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
        blocks.append(Table([t("col_model"), t("col_qini"), t("col_beats_random")], rows, numeric=[1]))
        if uplift_qini_curves is not None and not uplift_qini_curves.empty:
            model = None
            if "model" in uplift_qini_curves.columns:
                names = list(dict.fromkeys(uplift_qini_curves["model"]))
                model = next((n for n in names if arm and str(n).startswith(str(arm))), names[0])
            blocks.append(_chart(charts.plot_qini(uplift_qini_curves, t.lang, model), t("chart_qini")))

    power = uplift_results.get("power") or []
    if power:
        blocks.append(Heading(t("campaign_power")))
        rows = [
            [
                as_text(p["treatment"]),
                t.integer(min(p.get("n_treatment", 0), p.get("n_control", 0))),
                f"{t.number(scale * p['mde_absolute'], 1)}{unit}" if p.get("mde_absolute") is not None and pd.notna(p.get("mde_absolute")) else "–",
                t.integer(p.get("n_per_arm_needed")),
                t("yes") if p.get("sample_sufficient") else t("no"),
            ]
            for p in power
        ]
        blocks.append(Table([t("col_arm"), t("col_n"), t("col_mde"), t("col_n_needed"), t("col_sufficient")], rows,
                            note=t("campaign_power_caption"), numeric=[1, 2, 3]))
    return section


# ---------------------------------------------------------------------------------------------
# Methodology and model card
# ---------------------------------------------------------------------------------------------


def _metrics_table(metrics: dict[str, Any] | pd.DataFrame | None, t: Translator, labels: dict[str, str]) -> Table | None:
    if is_empty(metrics):
        return None
    if isinstance(metrics, pd.DataFrame):
        name = col(metrics, "metric", "name")
        value = col(metrics, "value", "score")
        items = dict(zip(metrics[name], metrics[value])) if name and value else metrics.iloc[0].to_dict()
    else:
        items = metrics
    rows = []
    for key, value in items.items():
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            continue
        text = t.number(value, 3) if isinstance(value, float) else (t.integer(value) if isinstance(value, int) else as_text(value))
        rows.append([labels.get(key, key.replace("_", " ")), text])
    return Table([t("col_metric"), t("col_value")], rows, numeric=[1]) if rows else None


def section_methodology(
    topic_quality: dict[str, Any] | pd.DataFrame | None,
    cleaning_report: dict[str, Any] | None,
    coverage_calibration: dict[str, Any] | pd.DataFrame | None,
    persona_quality: dict[str, Any] | pd.DataFrame | None,
    t: Translator,
    params: ReportingParams,
) -> SectionContent:
    """Embedding backend, topic-quality and PII figures, limits, how to contest a result.

    Always available: the limits and the contest procedure do not depend on any stage.
    """
    section = SectionContent(key="methodology", title=t("sec_methodology"))
    blocks = section.blocks
    blocks.append(Paragraph(t("method_intro")))
    backend = _first(topic_quality if isinstance(topic_quality, dict) else None, "embedding_backend", "backend", "embedding.backend")
    if backend:
        blocks.append(Paragraph(t("method_embedding", backend=as_text(backend))))
    labels = {
        "coherence": t("q_coherence"), "coherence_npmi": t("q_coherence"), "c_npmi": t("q_coherence"),
        "diversity": t("q_diversity"), "topic_diversity": t("q_diversity"),
        "stability": t("q_stability"), "stability_ari": t("q_stability"),
        "outlier_share": t("q_outliers"), "outliers": t("q_outliers"),
    }
    for title, metrics in (
        (t("method_topic_quality"), topic_quality),
        (t("method_pii"), _first(cleaning_report, "pii", "pii_detection", "pii_figures")),
        (t("method_gap_calibration"), coverage_calibration),
        (t("method_persona_quality"), persona_quality),
    ):
        table = _metrics_table(metrics, t, labels)
        blocks.append(Heading(title))
        if table is None:
            blocks.append(Callout(t("unavailable", reason=t("chart_no_data"))))
        else:
            blocks.append(table)
    blocks.append(Heading(t("method_limits")))
    blocks.append(Bullets([t(f"limit_{i}") for i in range(1, 5)]))
    blocks.append(Heading(t("method_contest")))
    blocks.append(Paragraph(t("contest_text", contact=params.contact)))
    return section


# ---------------------------------------------------------------------------------------------
# Run metadata and executive summary
# ---------------------------------------------------------------------------------------------


def section_run(run_metadata: dict[str, Any] | None, t: Translator, params: ReportingParams) -> SectionContent:
    """Package versions, parameters, input file hashes, dataset versions."""
    if is_empty(run_metadata):
        return _unavailable("run", t, t("chart_no_data"))
    section = SectionContent(key="run", title=t("sec_run"))
    blocks = section.blocks
    blocks.append(Paragraph(t("run_intro")))
    packages = run_metadata.get("packages") or {}
    blocks.append(Table([t("col_package"), t("col_version")], [[k, v or t("absent")] for k, v in packages.items()],
                        caption=t("run_packages")))
    inputs = run_metadata.get("input_hashes") or {}
    if inputs:
        blocks.append(Table([t("col_file"), t("col_hash")], [[k, v or t("absent")] for k, v in inputs.items()],
                            caption=t("run_inputs")))
    versions = run_metadata.get("dataset_versions") or {}
    if versions:
        blocks.append(Table([t("col_dataset"), t("col_version")], [[k, v] for k, v in versions.items()],
                            caption=t("run_datasets")))
    parameters = run_metadata.get("parameters")
    if parameters:
        blocks.append(Heading(t("run_parameters")))
        blocks.append(Preformatted(json.dumps(parameters, indent=2, ensure_ascii=False, default=str, sort_keys=True)))
    return section


def section_summary(sections: list[SectionContent], t: Translator, n_numbers: int = 5, n_decisions: int = 3) -> SectionContent:
    """The numbers and decisions that matter, taken from the other sections in priority order."""
    section = SectionContent(key="summary", title=t("sec_summary"))
    numbers = sorted((kn for s in sections for kn in s.key_numbers), key=lambda kn: kn.priority)[:n_numbers]
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
