"""French social-security numbers (NIR): 13 or 15 characters, key = 97 − (13 digits mod 97),
Corsica 2A/2B; redacted on shape, the key recorded."""

from __future__ import annotations

import re

from .spans import PiiSpan

NIR_RE = re.compile(
    r"(?<![\d])[1-8](?:[\s.\-]?\d{2}){2}[\s.\-]?"
    # department + commune: 2 + 3 digits (2A/2B in Corsica), or overseas 3 + 2 ("971 21")
    r"(?:(?:\d{2}|2[AaBb])[\s.\-]?\d{3}|9[78]\d[\s.\-]?\d{2})"
    r"[\s.\-]?\d{3}(?:[\s.\-]?\d{2})?(?![\d])"
)
#: A NIR's structure without its key: sex 1-8 (7/8: temporary numbers), year, month 01-12 or
#: 20-99 (unknown month codes), department 01-99/2A/2B, commune, order number.
NIR_SHAPE_RE = re.compile(r"[1-8]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{6}")
_NIR_TRIGGER_RE = re.compile(
    r"(?:s[ée]cu(?:rit[ée] sociale)?|NIR|carte vitale|num[ée]ro d'assur[ée]|INSEE|\bn°\s?ss\b|"
    r"\bnum[ée]ro\s(?:de\s)?ss\b|\bSS\s?:)",
    re.IGNORECASE,
)
#: After a trigger, any grouped run of 13 to 16 digits opening with a sex digit: overseas
#: NIRs printed with a 3-digit department and a 2-digit commune ("1 88 08 971 21 684 12"),
#: or a NIR with a digit typed twice. Privacy first: a mistyped number still identifies.
#: Corsica's "2A"/"2B" may sit anywhere in those groups ("1801 12A 155 069 92").
_NIR_LOOSE_RE = re.compile(r"(?<![\d])[1-8](?:[\s.\-]?(?:\d|(?<=2)[AaBb])){12,15}(?![\dA-Za-z])")


#: An animal's identification chip or tattoo, whose 15 digits can take a NIR's shape.
_MICROCHIP_BEFORE = re.compile(r"(?i:\bpuce|transpondeur|i-cad|\bicad\b)[^\n\d]{0,20}$")


def nir_key_is_valid(nir: str) -> bool:
    """True when the 15-character NIR (digits, Corsica ``2A``/``2B`` allowed) has a valid key.

    The key is 97 − (the first 13 characters as a number mod 97); for Corsica, ``2A`` counts
    as 19 and ``2B`` as 18 in the department position.
    """
    nir = re.sub(r"[\s.\-]", "", nir).upper()
    if len(nir) != 15:
        return False
    body, key = nir[:13], nir[13:]
    if body[5:7] == "2A":
        body = body[:5] + "19" + body[7:]
    elif body[5:7] == "2B":
        body = body[:5] + "18" + body[7:]
    if not (body.isdigit() and key.isdigit()):
        return False
    return 97 - int(body) % 97 == int(key)


def nir_spans(text: str, without_key_check_after_trigger: bool = True) -> list[PiiSpan]:
    """NIRs in ``text``; a 13- or 15-character run that is neither valid nor NIR-shaped is
    kept after a trigger ("n° de sécu") when ``without_key_check_after_trigger``."""
    spans: list[PiiSpan] = []
    for match in NIR_RE.finditer(text):
        value = match.group(0)
        compact = re.sub(r"[\s.\-]", "", value).upper()
        valid = len(compact) == 15 and nir_key_is_valid(compact)
        # Redacted on shape: 15 characters with a NIR's structure, whatever the key (a
        # mistyped key still identifies the person); 13 characters (no key) only after a
        # trigger ("n° de sécu"), since 13-digit lot or order numbers exist.
        shaped = len(compact) == 15 and bool(NIR_SHAPE_RE.match(compact))
        # 13 characters grouped the way a NIR is printed ("1 38 09 22 162 015"): a NIR typed
        # without its key. Lot and order numbers of that length come in one block.
        shaped = shaped or (
            len(compact) == 13
            and bool(NIR_SHAPE_RE.match(compact))
            and len(re.findall(r"[\s.\-]", value)) >= 4
        )
        if _MICROCHIP_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "Puce n° 250269812345678": an animal's chip (250 = France), not a NIR
        if valid or shaped:
            spans.append(PiiSpan(match.start(), match.end(), "NIR", "patterns", valid))
        elif without_key_check_after_trigger and len(compact) in (13, 15):
            window = text[max(0, match.start() - 60) : match.start()]
            # A NIR's structure after a trigger further back in the comment ("N° de sécu de
            # maman pour le dossier (sans la clé, je l'ai pas sous la main) : 2410564652561").
            wide = text[max(0, match.start() - 200) : match.start()]
            if _NIR_TRIGGER_RE.search(window) or (
                NIR_SHAPE_RE.match(compact) and _NIR_TRIGGER_RE.search(wide)
            ):
                spans.append(PiiSpan(match.start(), match.end(), "NIR", "patterns", valid))
    if without_key_check_after_trigger:
        for match in _NIR_LOOSE_RE.finditer(text):
            if any(s.start <= match.start() < s.end for s in spans):
                continue
            compact = re.sub(r"[\s.\-]", "", match.group(0))
            # A NIR's own structure in 15 characters reaches a trigger further back ("pour la
            # carte vitale ils demandent quoi ? ma mere c'est 2 59 01 974 669 64 37").
            reach = 120 if len(compact) == 15 and NIR_SHAPE_RE.match(compact.upper()) else 40
            window = text[max(0, match.start() - reach) : match.start()]
            if _NIR_TRIGGER_RE.search(window):
                valid = len(compact) == 15 and nir_key_is_valid(compact)
                spans.append(PiiSpan(match.start(), match.end(), "NIR", "patterns", valid))
    return spans
