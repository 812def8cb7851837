"""The ``patterns`` detector: the identifier detectors found by regular expressions (e-mail,
phone, NIR, IBAN, card, address, file number, date of birth), run in a fixed order."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .address import address_spans
from .birth_date import birth_date_spans
from .card import card_spans
from .dossier import dossier_spans
from .email import email_spans
from .iban import iban_spans, rib_spans
from .nir import nir_spans
from .phone import phone_spans, spelled_phone_spans
from .spans import PiiSpan, register_detector

_DIGIT_RE = re.compile(r"\d")
#: Month names: a date of birth written in words has no digit to open the digit gate.
_MONTH_GATE = re.compile(r"janv|f[ée]v|mars|avril|mai\b|juin|juil|ao[uû]t|sept|octobre|nov|d[ée]c")
#: Fewest digits a match can hold. NIR: sex, year, month, department ("2A" has one digit),
#: commune and order number, 1 + 2 + 2 + 1 + 3 + 3. Card: three groups of four and one more.
#: Phone: every pattern needs 0[1-9] or +33 and 8 more digits, or checks 8 <= digits itself.
#: File number: :func:`dossier_spans` keeps identifiers with 5 digits or more.
_MIN_DIGITS_NIR = 12
_MIN_DIGITS_CARD = 13
_MIN_DIGITS_PHONE = 8
_MIN_DIGITS_DOSSIER = 3  # booking codes ("n° AP-7Q4K2Z"); 5 for the rest


@register_detector("patterns")
class PatternDetector:
    """E-mail, phone, NIR, IBAN, card, address, file-number and date-of-birth patterns with
    checksums."""

    name = "patterns"

    def __init__(self, nir_without_key_check_after_trigger: bool = True) -> None:
        self.nir_without_key_check_after_trigger = nir_without_key_check_after_trigger

    def detect(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        return [self.detect_one(text) for text in texts]

    def detect_one(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        if not text:
            return spans
        lowered = text.lower()
        spans += email_spans(text, lowered)
        spans += spelled_phone_spans(text, lowered)
        digits = len(_DIGIT_RE.findall(text))
        if not digits:
            if (
                "né" in lowered or "nee" in lowered or "naissance" in lowered
            ) and _MONTH_GATE.search(lowered):
                spans += birth_date_spans(text, lowered)  # "née le vingt-deux octobre"
            return spans
        # Each number pattern below needs a minimum of decimal digits (what \d and the
        # detectors' own digit checks count) in its match, so with fewer in the whole text it
        # cannot find anything: skip its scan. Most comments hold a few digits (ages, doses,
        # dates), and these scans were ~40 % of this detector's cost. Same spans, same order.
        if digits >= _MIN_DIGITS_NIR:
            spans += nir_spans(text, self.nir_without_key_check_after_trigger)
        spans += iban_spans(text)
        spans += rib_spans(text)
        if digits >= _MIN_DIGITS_CARD:
            spans += card_spans(text)
        if digits >= _MIN_DIGITS_PHONE:
            spans += phone_spans(text)
        spans += address_spans(text, lowered)
        if digits >= _MIN_DIGITS_DOSSIER:
            spans += dossier_spans(text, digits)
        spans += birth_date_spans(text, lowered)
        return spans
