"""The ambassadors section: the pseudonymous shortlist."""

from __future__ import annotations

import logging
import re

import pandas as pd

from ambassadeurs_pipeline.privacy.pseudonyms import PSEUDONYM_PREFIX

from ..frames import as_text, col
from ..i18n import Translator
from ..params import ReportingParams
from .blocks import Callout, KeyNumber, Paragraph, SectionContent, Table
from .common import shown_note, unavailable_section

logger = logging.getLogger(__name__)

PSEUDONYM = re.compile(rf"{re.escape(PSEUDONYM_PREFIX)}[0-9a-f]{{8,64}}")


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
        return unavailable_section("ambassadors", t, t("not_run", stage="personas"))
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
            note=shown_note(t, len(rows), len(c)),
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
