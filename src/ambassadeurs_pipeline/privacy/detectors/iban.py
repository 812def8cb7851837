"""IBANs (ISO 13616 mod-97), with the country's length; the checksum is recorded, not required."""

from __future__ import annotations

import re

from .spans import PiiSpan

IBAN_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2}[ \-.]?\d{2}(?:[ \-.]?[A-Z0-9]{1,4}){3,9}(?![A-Za-z0-9])",
    re.IGNORECASE,
)
#: IBAN lengths (ISO 13616 registry) for the countries a French forum sees; a country not
#: listed is accepted between 15 and 34 characters.
IBAN_LENGTHS = {
    "FR": 27,
    "MC": 27,
    "BE": 16,
    "LU": 20,
    "CH": 21,
    "DE": 22,
    "ES": 24,
    "IT": 27,
    "PT": 25,
    "NL": 18,
    "GB": 22,
    "IE": 22,
    "AT": 20,
    "DK": 18,
    "FI": 18,
    "SE": 24,
    "NO": 15,
    "PL": 28,
    "GR": 27,
    "CZ": 24,
    "SK": 24,
    "HU": 28,
    "RO": 24,
    "BG": 22,
    "HR": 21,
    "SI": 19,
    "EE": 20,
    "LV": 21,
    "LT": 20,
    "MT": 31,
    "CY": 28,
    "IS": 26,
    "LI": 21,
    "AD": 24,
    "SM": 27,
    "VA": 22,
    "MA": 28,
    "TN": 24,
    "DZ": 26,
    "SN": 28,
    "CI": 28,
    "ML": 28,
    "BJ": 28,
    "BF": 28,
    "CM": 27,
    "MG": 27,
    "MR": 27,
    "LB": 28,
    "TR": 26,
    "IL": 23,
    "SA": 24,
    "AE": 23,
    "BR": 29,
    "RE": 27,
    "GP": 27,
    "MQ": 27,
    "GF": 27,
    "YT": 27,
    "NC": 27,
    "PF": 27,
    "PM": 27,
    "WF": 27,
    "BL": 27,
    "MF": 27,
    "TF": 27,
}


def iban_is_valid(iban: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters → 10..35, mod 97 = 1."""
    iban = re.sub(r"[\s\-]", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(char, 36)) for char in rearranged)
    return int(digits) % 97 == 1


def iban_span(text: str, match: re.Match[str]) -> PiiSpan | None:
    """An IBAN-shaped string, checksum recorded but not required.

    The pattern is greedy and may swallow a following word or number: trailing groups are
    dropped while the checksum fails and the length exceeds the country's; a candidate is
    kept if its checksum holds or its length is the country's (±2 for a missed or doubled
    digit) with mostly digits after the country code.
    """
    value = match.group(0)
    if value[2] == " ":  # "FR 78 9765 …": the space after the country code is not a group
        value = value[:2] + "\x00" + value[3:]
    country = value[:2].upper()
    if country not in IBAN_LENGTHS and not value[:2].isupper():
        return None  # "ab12 …" in lower case from an unknown country: not an IBAN
    expected = IBAN_LENGTHS.get(country)
    parts = re.split(r"([ \-.])", value)
    best: str | None = None
    while parts:
        candidate = "".join(parts).rstrip(" -.").replace("\x00", " ")
        compact = re.sub(r"[ \-.]", "", candidate)
        if iban_is_valid(compact) and (expected is None or len(compact) == expected):
            return PiiSpan(match.start(), match.start() + len(candidate), "IBAN", "patterns", True)
        digits = sum(ch.isdigit() for ch in compact[2:])
        if (
            best is None
            and digits >= 0.7 * (len(compact) - 2)
            and (
                (expected and abs(len(compact) - expected) <= 2)
                or (not expected and country.isalpha() and 15 <= len(compact) <= 34)
            )
        ):
            best = candidate
        parts = parts[:-2] if len(parts) > 2 else []
    if best is None:
        return None
    return PiiSpan(match.start(), match.start() + len(best), "IBAN", "patterns", False)


def iban_spans(text: str) -> list[PiiSpan]:
    """IBANs in ``text`` (see :func:`iban_span`)."""
    spans: list[PiiSpan] = []
    for match in IBAN_RE.finditer(text):
        span = iban_span(text, match)
        if span:
            spans.append(span)
    return spans


#: A French RIB given field by field, as bank forms and "relevé d'identité bancaire" pastes
#: lay it out ("code banque 30006 guichet 00001 compte 12345678901 clé 89"): no IBAN in the
#: text, yet the account number identifies its owner as well as the IBAN would. Each field
#: needs its label; the account number (11 characters, digits or letters) is the one that
#: matters, so the others are taken only when it is there too.
_RIB_GATE = re.compile(r"\bguichet\b|\bcode\s?banque\b|\bcl[ée]\s?rib\b|\brib\b", re.IGNORECASE)
_RIB_ACCOUNT_RE = re.compile(
    r"\b(?:n[°o]\s?(?:de\s)?)?compte\s*(?:n[°o]\s*)?:?\s*(?P<value>[0-9A-Z]{11})(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_RIB_FIELD_RE = re.compile(
    r"\b(?:code\s?banque|(?:code\s)?guichet|cl[ée](?:\s?rib)?)\s*:?\s*(?P<value>\d{5}|\d{2})(?!\d)",
    re.IGNORECASE,
)


def rib_spans(text: str) -> list[PiiSpan]:
    """The numbers of a French RIB written field by field (see :data:`_RIB_GATE`); tagged
    IBAN, with no checksum recorded (the RIB key is not verified here)."""
    if not _RIB_GATE.search(text):
        return []
    accounts = [
        m for m in _RIB_ACCOUNT_RE.finditer(text) if sum(c.isdigit() for c in m["value"]) >= 8
    ]
    if not accounts:
        return []
    spans = [PiiSpan(m.start("value"), m.end("value"), "IBAN", "patterns") for m in accounts]
    for m in _RIB_FIELD_RE.finditer(text):
        spans.append(PiiSpan(m.start("value"), m.end("value"), "IBAN", "patterns"))
    return spans
