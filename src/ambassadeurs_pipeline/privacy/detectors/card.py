"""Payment card numbers: 13 to 19 digits, on shape when grouped; the Luhn digit recorded."""

from __future__ import annotations

import re

from .nir import NIR_SHAPE_RE
from .spans import PiiSpan

_CARD_TRIGGER_RE = re.compile(
    r"\b(?:carte|CB|visa|master\s?card|amex|american express|maestro|card|paiement|payer)\b",
    re.IGNORECASE,
)
#: Payment card numbers: 13 to 19 digits, usually in groups of four; American Express
#: prints its 15 digits 4-6-5 ("3782 822463 10005").
CARD_RE = re.compile(
    r"(?<![\d])(?:(?:\d{4}[ \-.]?){3}\d{1,7}|3[47]\d{2}([ \-.])\d{6}\1\d{5})(?![\d])"
)


_FOURS_RE = re.compile(r"\d{4}([ \-.])\d{4}\1\d{4}\1\d{1,7}")


def luhn_is_valid(number: str) -> bool:
    """Luhn (mod 10) check of a payment card number; separators are ignored."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) < 12:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_spans(text: str) -> list[PiiSpan]:
    """Card numbers in ``text``; a NIR-shaped 15-digit run is left to :mod:`.nir`."""
    spans: list[PiiSpan] = []
    for match in CARD_RE.finditer(text):
        value = match.group(0)
        compact = re.sub(r"\D", "", value)
        amex = match.group(1) is not None  # grouped 4-6-5: a card, whatever a NIR looks like
        # Groups of four ("3755 1647 6516 457") are how cards are printed, never NIRs.
        fours = _FOURS_RE.fullmatch(value) is not None
        if not 13 <= len(compact) <= 19 or (
            len(compact) == 15 and not amex and not fours and NIR_SHAPE_RE.match(compact)
        ):
            continue
        valid = luhn_is_valid(compact)
        # Grouped digits ("4970 1012 3456 7890") are a card on shape; a bare run of
        # digits (lot, order or tracking numbers exist) needs 16 digits, a valid Luhn
        # digit, or a card word before it.
        grouped = len(re.findall(r"[ \-.]", value)) >= 2
        window = text[max(0, match.start() - 40) : match.start()]
        if (
            grouped
            or len(compact) == 16
            or (valid and len(compact) >= 14)
            or _CARD_TRIGGER_RE.search(window)
        ):
            spans.append(PiiSpan(match.start(), match.end(), "CARTE", "patterns", valid))
    return spans
