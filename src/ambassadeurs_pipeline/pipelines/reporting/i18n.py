"""Every string a stakeholder reads, in French (default) and English, and number formats.

The strings are in ``strings.json`` next to this module (data, edited by people who do not
need to read Python), grouped by report section. One table keyed by a short name; a missing
translation is a test failure, not a blank in a report. User text (topic labels, questions,
quotes) is never translated: it is shown as written by the community, after cleaning.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from importlib import resources

from ambassadeurs_pipeline.text.months import MONTHS_LONG_FR

LANGUAGES = ("fr", "en")
STRINGS_FILE = "strings.json"


def load_strings() -> dict[str, dict[str, str]]:
    """``{key: {"fr": ..., "en": ...}}`` from ``strings.json``, its section groups flattened.

    Raises:
        ValueError: a key appears in two groups (the second would silently win).
    """
    text = resources.files(__package__).joinpath(STRINGS_FILE).read_text(encoding="utf-8")
    strings: dict[str, dict[str, str]] = {}
    for group, entries in json.loads(text)["strings"].items():
        for key, translations in entries.items():
            if key in strings:
                raise ValueError(f"{STRINGS_FILE}: key {key!r} appears twice (group {group!r})")
            strings[key] = translations
    return strings


STRINGS: dict[str, dict[str, str]] = load_strings()


MONTHS_FR = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
MONTHS_LONG_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _format_number(value: float, decimals: int, lang: str) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        # French: narrow no-break space between thousands, decimal comma.
        text = text.replace(",", "\u202f").replace(".", ",")
    return text.replace("-", "−")  # a true minus sign, as wide as the plus


@dataclass(frozen=True)
class Translator:
    """Looks strings up in :data:`STRINGS` and formats numbers for one language.

    Raises:
        ValueError: ``lang`` is not one of :data:`LANGUAGES`.
    """

    lang: str = "fr"

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"reporting.language must be one of {LANGUAGES}, got {self.lang!r}")

    def __call__(self, key: str, **values: object) -> str:
        text = STRINGS[key][self.lang]
        return text.format(**values) if values else text

    def month_long(self, when: datetime) -> str:
        """``mars 2026`` / ``March 2026``, for sentences."""
        names = MONTHS_LONG_FR if self.lang == "fr" else MONTHS_LONG_EN
        return f"{names[when.month - 1]} {when.year}"

    def month(self, when: datetime) -> str:
        """``janv. 2024`` / ``Jan 2024``: month names never depend on the machine's locale."""
        names = MONTHS_FR if self.lang == "fr" else MONTHS_EN
        return f"{names[when.month - 1]} {when.year}"

    def integer(self, value: float | None) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        return _format_number(round(float(value)), 0, self.lang)

    def number(self, value: float | None, decimals: int = 2) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        return _format_number(float(value), decimals, self.lang)

    def percent(self, share: float | None, decimals: int = 0) -> str:
        """``0.123`` → ``12 %`` (fr) / ``12%`` (en)."""
        if share is None or (isinstance(share, float) and math.isnan(share)):
            return "–"
        text = _format_number(100 * float(share), decimals, self.lang)
        return f"{text}\u202f%" if self.lang == "fr" else f"{text}%"

    def signed(self, value: float | None, decimals: int = 1, unit: str = "") -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        sign = "+" if value > 0 else ("−" if value < 0 else "")
        return f"{sign}{_format_number(abs(float(value)), decimals, self.lang)}{unit}"
