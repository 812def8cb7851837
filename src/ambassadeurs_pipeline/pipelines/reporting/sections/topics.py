"""The topics section: top topics, trends, sentiment, bad-buzz alerts, explorer link."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import charts, frames
from ..datasets import VERSION_STAMP
from ..frames import as_list, as_text, col, is_empty
from ..i18n import Translator
from ..params import ReportingParams
from .blocks import (
    Block,
    Bullets,
    Callout,
    Heading,
    KeyNumber,
    Link,
    Paragraph,
    SectionContent,
    Table,
)
from .common import chart_block, shown_note, unavailable_section


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
        return unavailable_section("topics", t, t("not_run", stage="topics"))
    lang, n = t.lang, params.top_topics
    section = SectionContent(key="topics", title=t("sec_topics"))
    blocks = section.blocks
    blocks.append(Paragraph(t("topics_intro")))
    counts = frames.topic_counts(topic_info)
    section.key_numbers.append(KeyNumber(t.integer(len(counts)), t("kn_topics"), 2))
    blocks.append(chart_block(charts.plot_top_topics(topic_info, lang, n), t("chart_top_topics")))

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
                    chart_block(
                        charts.plot_topic_trends(topics_over_time, topic_info, ids, lang),
                        t("chart_trends"),
                    )
                )

    if topic_sentiment is not None:
        blocks.append(
            chart_block(
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
        note=shown_note(t, len(rows), len(alerts)),
        numeric=[2, 3, 4],
    )


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
