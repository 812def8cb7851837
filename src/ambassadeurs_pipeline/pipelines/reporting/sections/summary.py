"""The executive summary, built from the other sections."""

from __future__ import annotations

from ..i18n import Translator
from .blocks import Bullets, Callout, Heading, KeyNumbers, SectionContent


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
