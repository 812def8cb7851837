"""One module per report section: upstream outputs in, a ``SectionContent`` out.

Every ``section_<name>`` accepts ``None`` for each input (the stage has not been run, or
the optional input was not provided) and then returns an unavailable section that says
why, instead of failing the report. Sections hold plain text only; the template escapes
it (Jinja2 autoescape), so community text can never become markup.

The content blocks are in :mod:`.blocks`, the helpers the sections share in :mod:`.common`;
everything is re-exported here, so ``from ...reporting.sections import section_topics``
keeps working.
"""

from __future__ import annotations

from .ambassadors import PSEUDONYM, section_ambassadors
from .blocks import (
    Block,
    Bullets,
    Callout,
    Card,
    Cards,
    Chart,
    Heading,
    KeyNumber,
    KeyNumbers,
    Link,
    Paragraph,
    Preformatted,
    SectionContent,
    Table,
)
from .campaign import section_campaign
from .data import section_data
from .gaps import RANKED, section_gaps
from .methodology import section_methodology
from .personas import section_personas
from .run import section_run
from .status import STAGE_SECTIONS, show_stage_status, status_blocks
from .summary import section_summary
from .topics import explorer_blocks, section_topics

__all__ = [
    "PSEUDONYM",
    "RANKED",
    "STAGE_SECTIONS",
    "Block",
    "Bullets",
    "Callout",
    "Card",
    "Cards",
    "Chart",
    "Heading",
    "KeyNumber",
    "KeyNumbers",
    "Link",
    "Paragraph",
    "Preformatted",
    "SectionContent",
    "Table",
    "explorer_blocks",
    "section_ambassadors",
    "section_campaign",
    "section_data",
    "section_gaps",
    "section_methodology",
    "section_personas",
    "section_run",
    "section_summary",
    "section_topics",
    "show_stage_status",
    "status_blocks",
]
