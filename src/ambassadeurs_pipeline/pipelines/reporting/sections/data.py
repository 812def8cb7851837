"""The data section: sources, period, rows in / kept / flagged, languages."""

from __future__ import annotations

from typing import Any

from ..frames import as_text, is_empty
from ..i18n import Translator
from ..params import ReportingParams
from .blocks import Callout, KeyNumber, KeyNumbers, Paragraph, SectionContent, Table
from .common import dig, first_of, format_date, unavailable_section


def section_data(
    ingestion_report: dict[str, Any] | None,
    cleaning_report: dict[str, Any] | None,
    t: Translator,
    params: ReportingParams,
) -> SectionContent:
    """Sources, period, rows in / kept / flagged with reasons, languages."""
    if is_empty(ingestion_report) and is_empty(cleaning_report):
        return unavailable_section("data", t, t("not_run", stage="ingestion"))
    section = SectionContent(key="data", title=t("sec_data"))
    blocks = section.blocks
    blocks.append(Paragraph(t("data_intro")))
    comments = dig(ingestion_report, "comments", default={}) or {}

    numbers = []
    if comments.get("rows_in") is not None:
        numbers.append(KeyNumber(t.integer(comments["rows_in"]), t("data_rows_in")))
    elif dig(cleaning_report, "rows_in") is not None:
        numbers.append(KeyNumber(t.integer(cleaning_report["rows_in"]), t("data_rows_in")))
    if comments.get("rows_quarantined"):
        numbers.append(
            KeyNumber(t.integer(comments["rows_quarantined"]), t("data_rows_quarantined"))
        )
    analysed = first_of(cleaning_report, "in_model", "rows_kept")
    if analysed is None and cleaning_report is None:
        analysed = comments.get("rows_kept")
    if analysed is not None:
        numbers.append(KeyNumber(t.integer(analysed), t("data_rows_kept")))
        section.key_numbers.append(KeyNumber(t.integer(analysed), t("kn_comments"), 1))
    if cleaning_report is not None:
        flagged = (dig(cleaning_report, "excluded_from_model", default=0) or 0) + (
            dig(cleaning_report, "rows_quarantined", default=0) or 0
        )
        numbers.append(KeyNumber(t.integer(flagged), t("data_rows_flagged")))
    if numbers:
        blocks.append(KeyNumbers(numbers))

    period = comments.get("period") or dig(cleaning_report, "period") or {}
    if period.get("start") and period.get("end"):
        blocks.append(
            Paragraph(
                t("data_period", start=format_date(period["start"]), end=format_date(period["end"]))
            )
        )
    else:
        blocks.append(Paragraph(t("data_period_unknown")))

    sources = comments.get("sources") or dig(cleaning_report, "sources") or {}
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
        (t("reason_cleaning"), dig(cleaning_report, "quarantine_reasons")),
        (t("reason_model"), dig(cleaning_report, "exclusion_reasons")),
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

    languages = first_of(cleaning_report, "languages", "lang_counts", "counts.languages")
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

    catalog = dig(ingestion_report, "content_catalog", default={}) or {}
    if catalog.get("provided"):
        blocks.append(Paragraph(t("data_catalog", n=t.integer(catalog.get("rows_kept", 0)))))
    elif ingestion_report is not None:
        blocks.append(Callout(t("data_no_catalog")))
    return section
