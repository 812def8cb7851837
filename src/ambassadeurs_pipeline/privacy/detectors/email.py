"""E-mail addresses, also obfuscated ("[at]", "arobase") or cut by the normaliser (``<URL>``
for the domain, a provider named without its suffix)."""

from __future__ import annotations

import re

from .spans import PiiSpan

_AT = r"(?:@|\s?[\[\(\{]\s?(?:at|arobase|@)\s?[\]\)\}]\s?|\s(?:at|arobase)\s)"
_DOT = r"(?:\.|\s?[\[\(\{]\s?(?:dot|point)\s?[\]\)\}]\s?|\s(?:dot|point)\s)"
# Left boundaries are ASCII-only: a non-ASCII letter glued to an identifier (mojibake
# repaired by ftfy can turn "Å " into "Š", eating the space) must not shield it (found by
# hypothesis: "Š2 69 05 49 588 157 80" kept its NIR). Privacy first: a number glued to a
# letter ("Tel0612345678") is redacted too.
#: A local part; spelled out, its dots may be words too ("kemal point yildiz arobase …").
_LOCAL = rf"[A-Za-z0-9][A-Za-z0-9._%+\-]*(?:{_DOT}[A-Za-z0-9][A-Za-z0-9._%+\-]*){{0,3}}"
EMAIL_RE = re.compile(
    # Domains may carry accents (internationalised names: "cabinet-siméoni.fr").
    rf"(?<![A-Za-z0-9._%+\-]){_LOCAL}{_AT}[A-Za-z0-9À-ÖØ-öø-ÿ\-]+(?:{_DOT}[A-Za-z0-9À-ÖØ-öø-ÿ\-]+)*"
    rf"{_DOT}[A-Za-z]{{2,}}\b",
    re.IGNORECASE,
)
#: Mail providers a forum user names instead of a full domain ("marie.dupont@gmail",
#: "marie.dupont sur gmail").
_PROVIDERS = (
    r"g-?mail|hotmail|yahoo|orange|wanadoo|free|sfr|laposte|outlook|live|icloud|msn|neuf|aol|"
    r"proton(?:mail)?|gmx|bbox|numericable|club-internet|caramail"
)
#: E-mails that the strict pattern cannot see: the normaliser already replaced the domain by
#: ``<URL>`` ("marie.dupont at <URL>", "marie.dupont @ <URL>"), a provider without its suffix or
#: with a typo ("marie.dupont@gmail", "@gmail,com"), or a dotted local part "sur gmail".
EMAIL_LOOSE_RE = re.compile(
    rf"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*"
    rf"(?:{_AT}\s?<URL>|\s?@\s?<URL>|\s?@\s?(?:{_PROVIDERS})\b(?:[.,]\s?[a-z]{{2,3}}\b)?"
    rf"|(?<=[._][A-Za-z0-9])[A-Za-z0-9]*\s(?:sur|chez|on|de)\s(?:{_PROVIDERS})\b"
    rf"(?:{_DOT}[a-z]{{2,3}}\b)?|(?<=[._][A-Za-z0-9])[A-Za-z0-9]*\s(?:sur|chez)\s<URL>"
    # "mariedupont56 sur gmail": a local part ending in digits (a letter is required below)
    rf"|(?<=\d)\s(?:sur|chez)\s(?:{_PROVIDERS})\b(?:{_DOT}[a-z]{{2,3}}\b)?)",
    re.IGNORECASE,
)
_EMAIL_GATE_RE = re.compile(rf"@|<url>|\b(?:at|arobase|{_PROVIDERS})\b")
_AT_WORD_RE = re.compile(r"\b(?:at|arobase)\b", re.IGNORECASE)


def email_spans(text: str, lowered: str) -> list[PiiSpan]:
    """E-mails in ``text`` (``lowered`` is ``text.lower()``, read by the cheap gate)."""
    spans: list[PiiSpan] = []
    if _EMAIL_GATE_RE.search(lowered):
        spans += [PiiSpan(m.start(), m.end(), "EMAIL", "patterns") for m in EMAIL_RE.finditer(text)]
        spans += [
            PiiSpan(m.start(), m.end(), "EMAIL", "patterns")
            for m in EMAIL_LOOSE_RE.finditer(text)
            # "1 sur gmail" is a count; "0612345678@sfr" stays an address.
            if "@" in m.group() or not m.group().split()[0].isdigit()
        ]
    return spans
