"""French vocabulary of the 15 health themes.

Each theme carries its own slot fillers (symptoms, drugs, exams, professionals, daily-life
situations...) and sentences, so that a topic model can recover it, while generic words
("fatigue", "médecin", "stress") are deliberately shared by several themes for realistic
overlap. Fillers are written to fit the generic templates of ``lexicon.py``:

- ``symptoms``: noun phrases with their article ("des vertiges"), used after "j'ai";
- ``drugs``: bare names, used after "je prends" / "sous";
- ``exams``: noun phrases with article, used after "j'ai fait" / "avant";
- ``pros``: masculine nouns, used after "mon" / "votre";
- ``situations``: adverbial phrases ("au travail", "après les repas");
- ``terms``: noun phrases with article, used after "je surveille" / "on parle de";
- ``maladie``: noun phrases used after "avec".

``intents`` are frequent, well-answered questions (covered by the content catalog);
``catalog`` holds the organisation's existing content for the theme.

The vocabulary itself is data: ``demo/data/themes.json`` (shipped in the wheel as package
data), read once at import. Themes keep the file's order, which the seeded generator relies on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


def _s(text: str) -> list[str]:
    """Split a ``|``-separated bank (keeps the banks compact and easy to extend)."""
    return [t.strip() for t in text.split("|") if t.strip()]


@dataclass(frozen=True)
class Intent:
    """A frequent question: infinitive and clause phrasings, and helpful answer cores."""

    key: str
    inf: list[str]
    sub: list[str]
    answers: list[str]


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    weight: float
    maladie: list[str]
    symptoms: list[str]
    drugs: list[str]
    exams: list[str]
    pros: list[str]
    situations: list[str]
    terms: list[str]
    lines: list[str]
    patient_disc: list[str]
    aidant_disc: list[str]
    pro_titles: list[str]
    intents: list[Intent]
    catalog: list[tuple[str, str, str]] = field(default_factory=list)  # title, summary, slug


#: Where the vocabulary is, under this package (package data, see ``pyproject.toml``).
THEMES_FILE = ("data", "themes.json")


def _theme(raw: dict[str, Any]) -> Theme:
    fields = dict(raw)
    fields["intents"] = [Intent(**intent) for intent in raw["intents"]]
    fields["catalog"] = [tuple(entry) for entry in raw.get("catalog", [])]
    return Theme(**fields)


def load_themes() -> list[Theme]:
    """The themes of ``data/themes.json``, in file order.

    Raises ``TypeError`` if a theme or intent has a missing or unknown key.
    """
    text = resources.files(__package__).joinpath(*THEMES_FILE).read_text(encoding="utf-8")
    return [_theme(raw) for raw in json.loads(text)["themes"]]


THEMES: list[Theme] = load_themes()
THEME_KEYS: list[str] = [t.key for t in THEMES]
THEME_BY_KEY: dict[str, Theme] = {t.key: t for t in THEMES}
OFF_TOPIC = "hors_sujet"  # theme of spam and bot posts
