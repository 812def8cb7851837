"""Re-identification guard applied to every stage output before the report reads it.

Each quote is guarded once. Quotes a stage already guarded where it chose them (persona card
quotes, FAQ titles rewritten from a question) are only *checked* here
(:func:`privacy.quotes.passes_guard`: no quasi-identifier, no rare word, no 8-word run of any
comment) and shown as they are; guarding them again would cut more words out ("… veux pas
que mes … circulent. …"). Raw excerpts (gap and FAQ example questions, topic representative
comments) go through :func:`privacy.quotes.guard_quote` here; groups
of fewer than ``privacy.min_group_authors`` distinct authors (FAQ and gap rows, persona
cards) are removed, so the report never describes them.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.privacy.quotes import (
    CorpusIndex,
    QuoteGuardParams,
    describable,
    guard_quote,
    guard_quotes,
    passes_guard,
    words,
)

from ..privacy.params import PrivacyParams
from .frames import as_list, col

logger = logging.getLogger(__name__)

#: Placeholder for a question label whose every version would be traceable.
MASKED = "…"


def corpus_index(comments: pd.DataFrame | None, params: QuoteGuardParams) -> CorpusIndex | None:
    """The index of the community's comments (``text_clean`` by ``author_id``), if available."""
    if comments is None or "text_clean" not in comments.columns:
        return None
    authors = comments["author_id"] if "author_id" in comments.columns else None
    return CorpusIndex.build(comments["text_clean"], authors, params.span_words)


#: A quotation inside French prose: « … ». Non-greedy, never across another opening mark.
INLINE_QUOTE = re.compile(r"«\s*([^«»]+?)\s*»")


def guard_inline_quotes(text: Any, index: CorpusIndex | None, p: QuoteGuardParams) -> Any:
    """``text`` with every « quote » guarded; a quote the guard drops becomes « … »."""
    if not isinstance(text, str) or "«" not in text:
        return text

    def guard(match: re.Match) -> str:
        quoted = match.group(1)
        # Topic and group labels are quoted too ("sur « Douleur, chronique »"): a few key
        # terms, each used by many authors, shorter than any verbatim run the guard breaks.
        if len(words(quoted)) <= p.max_run_words:
            return match.group(0)
        return f"« {guard_quote(quoted, index, p) or MASKED} »"

    return INLINE_QUOTE.sub(guard, text)


def checked_or_guarded(quote: Any, index: CorpusIndex | None, p: QuoteGuardParams) -> str | None:
    """An already-guarded quote as it is when it passes the check, else guarded now."""
    if not isinstance(quote, str):
        return None
    return quote if passes_guard(quote, index, p) else guard_quote(quote, index, p)


def _guard_frame(
    frame: pd.DataFrame | None, k: int, index: CorpusIndex | None, p: QuoteGuardParams, name: str
) -> pd.DataFrame | None:
    if frame is None or frame.empty:
        return frame
    out = frame.copy()
    askers = col(out, "n_askers")
    if askers:
        small = ~out[askers].map(lambda n: describable(n, k))
        if small.any():
            logger.info(
                "%s: %d group(s) with fewer than %d authors left out of the report.",
                name,
                int(small.sum()),
                k,
            )
        out = out[~small]
    for column in ("example_questions", "examples", "evidence_quotes"):
        if column in out.columns:
            out[column] = out[column].map(
                lambda v: guard_quotes(
                    v.split(" | ") if isinstance(v, str) else as_list(v), index, p
                )
            )
    # Free text written by the gaps stage (content briefs, evidence) quotes questions inline
    # between « »: those quotes are guarded too, in place.
    for column in ("content_brief", "evidence", "brief", "description"):
        if column in out.columns:
            out[column] = out[column].map(lambda v: guard_inline_quotes(v, index, p))
    for column in ("label", "question", "representative_question"):
        if column in out.columns:
            # FAQ titles are rewritten and guarded by the gaps stage (gaps/titles.py): checked only.
            out[column] = out[column].map(
                lambda v: checked_or_guarded(v, index, p) or MASKED if isinstance(v, str) else v
            )
    return out


def guard_stage_outputs(
    stage_outputs: dict[str, Any], privacy: PrivacyParams | None, comments: pd.DataFrame | None
) -> dict[str, Any]:
    """``stage_outputs`` with quotes guarded and small groups removed (inputs are not mutated).

    ``privacy`` ``None`` (no ``privacy`` parameters at all) applies the defaults.
    """
    privacy = privacy or PrivacyParams()
    k = privacy.min_group_authors
    p = privacy.quotes
    index = corpus_index(comments, p)
    out = dict(stage_outputs)
    for name in ("faq", "information_gaps"):
        out[name] = _guard_frame(out.get(name), k, index, p, name)
    topic_info = out.get("topic_info")
    if topic_info is not None and "representative_comments" in topic_info.columns:
        topic_info = topic_info.copy()
        topic_info["representative_comments"] = topic_info["representative_comments"].map(
            lambda v: guard_quotes(as_list(v), index, p)
        )
        out["topic_info"] = topic_info
    cards = out.get("persona_cards")
    if isinstance(cards, dict) and isinstance(cards.get("personas"), list):
        kept = []
        for card in cards["personas"]:
            size = card.get("size", card.get("n_authors"))
            if not describable(size, k):
                logger.info(
                    "persona %s: fewer than %d authors, left out of the report.",
                    card.get("persona_id"),
                    k,
                )
                continue
            # Guarded by the personas stage where they were chosen (cards.py): checked only.
            quotes = [checked_or_guarded(q, index, p) for q in as_list(card.get("quotes"))]
            kept.append({**card, "quotes": list(dict.fromkeys(q for q in quotes if q))})
        out["persona_cards"] = {**cards, "personas": kept}
    return out


def report_quotes(stage_outputs: dict[str, Any]) -> list[str]:
    """Every community quote the report can show, after guarding (for measurement)."""
    quotes: list[str] = []
    for name in ("faq", "information_gaps"):
        frame = stage_outputs.get(name)
        if frame is None:
            continue
        for column in ("example_questions", "examples", "label"):
            if column in frame.columns:
                for v in frame[column]:
                    quotes.extend(q for q in as_list(v) if isinstance(q, str))
        for column in ("content_brief", "evidence", "brief", "description"):
            if column in frame.columns:
                for v in frame[column].dropna():
                    quotes.extend(q for q in INLINE_QUOTE.findall(str(v)) if len(words(q)) > 6)
    cards = stage_outputs.get("persona_cards")
    if isinstance(cards, dict):
        for card in cards.get("personas") or []:
            quotes.extend(as_list(card.get("quotes")))
    topic_info = stage_outputs.get("topic_info")
    if topic_info is not None and "representative_comments" in topic_info.columns:
        for v in topic_info["representative_comments"]:
            quotes.extend(as_list(v))
    return [q for q in quotes if q and q != MASKED]
