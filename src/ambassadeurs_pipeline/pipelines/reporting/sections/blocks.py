"""Content blocks (rendered by templates/report.html.j2, one macro per kind) and the
``SectionContent`` every section returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar


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
