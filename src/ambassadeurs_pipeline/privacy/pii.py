"""Detection and replacement of personal data (PII) in French comments.

A detector takes a batch of texts and returns, for each text, typed character spans
(:class:`PiiSpan`). Detectors are registered by name (:func:`register_detector`), so the
cleaning parameters choose one (``cleaning.pii.detector``) and another engine (e.g. Microsoft
Presidio) can be plugged in without touching the pipeline. :func:`redact` replaces spans by
typed placeholders (``<PERSONNE>``, ``<EMAIL>``, ``<TEL>``, ``<NIR>``, ``<IBAN>``,
``<ADRESSE>``, ``<DATE_NAISSANCE>``).

The ``default`` detector combines:

- ``patterns``: validated regular expressions for e-mails (also ``[at]``/``arobase``
  obfuscations), French and international phone numbers, French social-security numbers
  (NIR, key = 97 − (13 digits mod 97), Corsica 2A/2B), IBANs (ISO 13616 mod-97), postal
  addresses and dates of birth (a date after a birth trigger);
- ``name_rules``: person names after titles (Dr, Mme, M.), kinship words ("ma fille Rose"),
  self-introductions ("je m'appelle…"), greetings and signature lines;
- ``spacy_ner``: spaCy ``fr_core_news_md`` PER entities, run only on texts where a name can
  appear (a capitalised word not at a sentence start, a known first name, or a trigger),
  with only the tokenizer, tok2vec and NER components.

Names on the allow-list (``lexicons/allow_list.txt``: public figures, drugs, eponymous
diseases, organisations) and names right after "maladie de", "syndrome de"… are kept.

Each detector lives in :mod:`ambassadeurs_pipeline.privacy.detectors`, one module per
identifier type (``email``, ``phone``, ``nir``, ``iban``, ``card``, ``address``, ``dossier``,
``birth_date``, ``name_rules``, ``names``, ``ner``); this module composes them and replaces
what they find. The names below are re-exported so that callers keep importing from here.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence

from .detectors.address import ADRESSE_RE
from .detectors.birth_date import DATE_NAISSANCE_RE, DATE_THEN_CUE_RE
from .detectors.card import CARD_RE, luhn_is_valid
from .detectors.email import EMAIL_LOOSE_RE, EMAIL_RE
from .detectors.iban import IBAN_LENGTHS, IBAN_RE, iban_is_valid
from .detectors.name_context import NameContextDetector
from .detectors.name_rules import NameRuleDetector, is_allowed_name, looks_like_product_or_verb
from .detectors.names import NameLexiconDetector
from .detectors.ner import SpacyNameDetector, needs_ner, ner_anchors, ner_windows
from .detectors.nir import NIR_RE, nir_key_is_valid
from .detectors.patterns import PatternDetector
from .detectors.phone import (
    TEL_FR_RE,
    TEL_INTL_RE,
    TEL_LOOSE_RE,
    TEL_NO_ZERO_RE,
    TEL_WORDS_RE,
)
from .detectors.spans import (
    PII_TYPES,
    PRIORITY,
    PiiDetector,
    PiiSpan,
    available_detectors,
    make_detector,
    register_detector,
)
from .detectors.text import allow_list, first_names, fold

__all__ = [
    "ADRESSE_RE",
    "CARD_RE",
    "DATE_NAISSANCE_RE",
    "DATE_THEN_CUE_RE",
    "EMAIL_LOOSE_RE",
    "EMAIL_RE",
    "IBAN_LENGTHS",
    "IBAN_RE",
    "NIR_RE",
    "PII_TYPES",
    "TEL_FR_RE",
    "TEL_INTL_RE",
    "TEL_LOOSE_RE",
    "TEL_NO_ZERO_RE",
    "TEL_WORDS_RE",
    "CompositeDetector",
    "NameContextDetector",
    "NameLexiconDetector",
    "NameRuleDetector",
    "PatternDetector",
    "PiiDetector",
    "PiiSpan",
    "SpacyNameDetector",
    "allow_list",
    "available_detectors",
    "count_replacements",
    "default_detector",
    "first_names",
    "fold",
    "iban_is_valid",
    "is_allowed_name",
    "looks_like_product_or_verb",
    "luhn_is_valid",
    "make_detector",
    "needs_ner",
    "ner_anchors",
    "ner_windows",
    "nir_key_is_valid",
    "placeholder",
    "redact",
    "redact_texts",
    "register_detector",
    "resolve_overlaps",
]

logger = logging.getLogger(__name__)


def resolve_overlaps(spans: Iterable[PiiSpan]) -> list[PiiSpan]:
    """Non-overlapping spans, sorted by start; on overlap, the higher-priority type wins
    (validated types first, see :data:`PII_TYPES`), then the longer span. Overlapping spans of
    the same type are merged; a losing span that contains the winner widens it."""
    ordered = sorted(
        spans, key=lambda s: (PRIORITY.get(s.pii_type, 99), -(s.end - s.start), s.start)
    )
    kept: list[PiiSpan] = []
    for span in ordered:
        if span.end <= span.start:
            continue
        clash = [k for k in kept if span.start < k.end and k.start < span.end]
        if not clash:
            kept.append(span)
            continue
        same = [k for k in clash if k.pii_type == span.pii_type]
        if (
            len(clash) == 1
            and not same
            and span.start <= clash[0].start
            and clash[0].end <= span.end
        ):
            # A lower-priority span around a higher-priority one ("MUT-00871453", a file
            # number read as a phone in its digits): the winner's type over the union, so the
            # rest of the identifier does not stay in clear.
            k = clash[0]
            kept.remove(k)
            kept.append(PiiSpan(span.start, span.end, k.pii_type, k.source, k.checksum_valid))
            continue
        if same and len(same) == len(clash):
            for k in same:
                kept.remove(k)
            kept.append(
                PiiSpan(
                    min([span.start] + [k.start for k in same]),
                    max([span.end] + [k.end for k in same]),
                    span.pii_type,
                    span.source,
                )
            )
    return sorted(kept)


@register_detector("composite")
class CompositeDetector:
    """Union of several detectors' spans, overlaps resolved by :func:`resolve_overlaps`."""

    name = "composite"

    def __init__(self, detectors: Sequence[PiiDetector | str] = ("patterns", "name_rules")) -> None:
        self.detectors = [make_detector(d) if isinstance(d, str) else d for d in detectors]

    def detect(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        texts = list(texts)
        merged: list[list[PiiSpan]] = [[] for _ in texts]
        for detector in self.detectors:
            # Detectors that can use earlier findings (the NER gate) receive them.
            if getattr(detector, "uses_prior_spans", False):
                found = detector.detect(texts, prior=merged)
            else:
                found = detector.detect(texts)
            for i, spans in enumerate(found):
                merged[i].extend(spans)
        return [resolve_overlaps(spans) for spans in merged]


@register_detector("default")
def default_detector(
    use_ner: bool = True, model: str = "fr_core_news_md", batch_size: int = 256
) -> CompositeDetector:
    """Patterns + name rules + the INSEE name lexicon + conversational context (vocatives,
    chat speakers, appositions, form fields) (+ spaCy NER unless ``use_ner`` is false).

    The lexicon runs before the model so that the names it finds no longer open an NER
    window (the model reads fewer texts)."""

    parts: list[PiiDetector] = [
        PatternDetector(),
        NameRuleDetector(),
        NameLexiconDetector(),
        NameContextDetector(),
    ]
    if use_ner:
        parts.append(SpacyNameDetector(model=model, batch_size=batch_size))
    return CompositeDetector(parts)


def placeholder(pii_type: str) -> str:
    return f"<{pii_type}>"


def redact(text: str, spans: Iterable[PiiSpan]) -> str:
    """Replace each span by its typed placeholder (spans must not overlap)."""
    pieces: list[str] = []
    cursor = 0
    for span in sorted(spans):
        if span.start < cursor:
            continue
        pieces.append(text[cursor : span.start])
        pieces.append(placeholder(span.pii_type))
        cursor = span.end
    pieces.append(text[cursor:])
    return "".join(pieces)


_SECOND_PASS = PatternDetector()


def redact_texts(
    texts: Sequence[str], detector: PiiDetector
) -> tuple[list[str], list[Counter[str]]]:
    """Redact a batch: the texts with placeholders and, per text, the count per PII type.

    Runs the detector a second time on the redacted texts: a replacement can join two pieces
    into a new match (rare), and nothing may survive. An identifier whose checksum fails is
    redacted all the same and also counted under ``"<TYPE>:checksum_invalid"`` (these keys
    are not types: :func:`count_replacements` leaves them out).
    """
    texts = [t if isinstance(t, str) else "" for t in texts]
    counts = [Counter() for _ in texts]
    current = list(texts)
    todo = list(range(len(texts)))
    for attempt in range(2):
        if not todo:
            break
        # The second pass only needs the patterns: a name model finds nothing new there.
        engine = detector if attempt == 0 else _SECOND_PASS
        found = engine.detect([current[i] for i in todo])
        next_todo = []
        for i, spans in zip(todo, found):
            spans = resolve_overlaps(spans)
            if not spans:
                continue
            counts[i].update(span.pii_type for span in spans)
            counts[i].update(
                f"{s.pii_type}:checksum_invalid" for s in spans if s.checksum_valid is False
            )
            current[i] = redact(current[i], spans)
            next_todo.append(i)
        todo = next_todo
    return current, counts


def count_replacements(counts: Counter[str]) -> int:
    """Placeholders written in one text (the ``:checksum_invalid`` tallies left out)."""
    return sum(n for key, n in counts.items() if ":" not in key)
