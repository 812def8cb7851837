"""Helpers shared by the section modules."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ambassadeurs_pipeline.charts import figure_to_data_uri

from ..i18n import Translator
from .blocks import Chart, SectionContent


def unavailable_section(key: str, t: Translator, reason: str) -> SectionContent:
    return SectionContent(
        key=key, title=t(f"sec_{key}"), unavailable_reason=t("unavailable", reason=reason)
    )


def chart_block(fig, alt: str) -> Chart:
    return Chart(data_uri=figure_to_data_uri(fig), alt=alt)


def dig(mapping: dict[str, Any] | None, *path: str, default: Any = None) -> Any:
    value: Any = mapping
    for key in path:
        if not isinstance(value, dict) or key not in value:
            return default
        value = value[key]
    return value


def first_of(mapping: dict[str, Any] | None, *keys: str) -> Any:
    for key in keys:
        value = dig(mapping, *key.split("."))
        if value is not None:
            return value
    return None


def shown_note(t: Translator, shown: int, total: int) -> str:
    return t("rows_shown", shown=shown, total=total) if total > shown else ""


def format_date(value: Any) -> str:
    stamp = pd.to_datetime(value, errors="coerce")
    return "" if pd.isna(stamp) else stamp.strftime("%d/%m/%Y")
