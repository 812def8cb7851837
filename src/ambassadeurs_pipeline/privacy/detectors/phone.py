"""Phone numbers: French and international, loose groupings, mobiles without their 0, numbers
after a phone word, and numbers spelled in French words ("zéro six, douze…")."""

from __future__ import annotations

import re

from .spans import PiiSpan
from .text import digit_count

_SEP = r"[ .\-/\u00a0]?"
TEL_FR_RE = re.compile(
    rf"(?<![\d+])(?:(?:\+|00)\s?33\s?(?:\(0\)\s?)?{_SEP}|0)[1-9](?:{_SEP}\d{{2}}){{4}}(?![\d])"
)
TEL_INTL_RE = re.compile(
    r"(?<![\w+])(?:\+|00)\s?(?!33)[1-9]\d{0,2}(?:[ .\-\u00a0]?\(?\d{1,4}\)?){2,6}(?!\d)"
)
_TEL_TRIGGER_RE = re.compile(
    r"(?:t[ée]l(?:[ée]phone)?\.?|portable|mobile|fixe|num[ée]ro|n°|appel(?:ez|er|le)|joindre|"
    r"whats\s?app|phone|call|sms|contact)\s*:?\s*(?:au|le|:)?\s*"
    r"(\+?\(?\d[\d ().\-\u00a0]{6,18}\d)",
    re.IGNORECASE,
)
#: Phones in groupings the strict pattern misses ("061 234 5678", "06 12 34 56 7 8",
#: "06 . 12 . 34 . 56 . 78", "06,12,34,56,78", "O6 …" typed with a letter O, "(+33) 6 …"):
#: ten digits from 0[1-9] (nine after +33), the separators checked in :func:`_loose_phone`.
TEL_LOOSE_RE = re.compile(
    r"(?<![\w+,.])(?<!\d[ .\-/])(?:\(?(?:\+|00)\s?33\s?\)?\s?(?:\(0\)\s?)?|[0O]\s?)[1-9]"
    r"(?:(?:\s?[.\-,/]\s?|\s)?\d){8}(?![\d,.]\d)(?![ .\-/]?\d)"
)
#: A mobile written without its leading 0 in pairs ("6 12 34 56 78 sur whatsapp").
TEL_NO_ZERO_RE = re.compile(
    r"(?<![\w+,./\-])[67](?P<sep>[ .\-])\d{2}(?:(?P=sep)\d{2}){3}(?![\w,.]?\d)"
)
_NUMBER_WORDS = {
    "zero": 0, "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "huitante": 80,
    "octante": 80, "nonante": 90,
}  # fmt: skip
_NUMBER_TOKEN = r"\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
#: A phone number written partly or wholly in words ("zéro six, douze, trente-quatre…",
#: "06 douze 34 56 78"): a run of number tokens, parsed by :func:`_spelled_digits`.
TEL_WORDS_RE = re.compile(
    rf"(?<![\w])(?:{_NUMBER_TOKEN})(?:(?:\s*[,.\-]\s*|\s+|\s+et\s+|-et-)(?:{_NUMBER_TOKEN})){{4,20}}(?![\w])",
    re.IGNORECASE,
)
_NUMBER_WORD_GATE = re.compile(
    r"z[ée]ro|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante"
)


_PHONE_SEP_RE = re.compile(r"\s*[.\-,/]\s*|\s+")


def loose_phone(value: str) -> bool:
    """A :data:`TEL_LOOSE_RE` match is a phone when its separators agree (one punctuation
    sign, or spaces only: "06.12 34/56" is not a number anyone types) and it is not a list of
    single digits ("0, 1, 2, 3…")."""
    body = re.sub(r"^\(?(?:\+|00)\s?33\s?\)?\s?(?:\(0\)\s?)?|^[0O]", "", value)
    seps = {sep.strip() for sep in _PHONE_SEP_RE.findall(body)}
    groups = [g for g in _PHONE_SEP_RE.split(body) if g]
    if seps == {""} and len(groups) >= 9 and all(len(g) == 1 for g in groups):
        # Dictated digit by digit with spaces ("0 2 9 6 0 1 7 1 7 1"), unless it counts
        # ("0 1 2 3 4 5 6 7 8 9": a scale, a list).
        steps = {int(b) - int(a) for a, b in zip(groups, groups[1:])}
        return steps not in ({1}, {-1})
    pairs = [g for g in _PHONE_SEP_RE.split(value) if g]
    if len(seps) > 1 and not (
        len(seps - {""}) == 1 and len(pairs) == 5 and all(len(g) == 2 for g in pairs)
    ):
        # Mixed separators, unless spaces and one sign part five pairs ("06 43 - 28 - 19 - 77").
        return False
    if sum(len(g) == 1 for g in groups[1:]) <= 2:
        return True
    # Typed in pairs, then the rest dictated digit by digit ("04 78 86 1 2 3 4"): at least
    # two pairs first, single digits after.
    # (``groups[0]`` is what follows the leading 0 or +33.)
    k = 1
    while k < len(groups) and len(groups[k]) >= 2:
        k += 1
    if k >= 3 and all(len(g) == 1 for g in groups[k:]):
        return True
    # Pairs and single digits mixed, spaces only ("02 98 4 6 12 3 4": read off a card in
    # the rhythm someone dictated it): ten digits from a leading 0 with at least two pairs
    # is a phone; a list of single digits never has two pairs.
    return (
        seps == {""} and all(len(g) <= 2 for g in groups) and sum(len(g) == 2 for g in groups) >= 2
    )


def spelled_digits(tokens: list[str]) -> str | None:
    """The digits a run of French number tokens spells ("zéro six" → "06", "soixante dix
    huit" → "78", "quatre-vingt-un" → "81"), or None when a token is not a number."""
    out: list[str] = []
    values: list[int | str] = []
    for tok in tokens:
        if tok.isdigit():
            values.append(tok)
        elif tok in _NUMBER_WORDS:
            values.append(_NUMBER_WORDS[tok])
        elif tok != "et":
            return None
    i = 0
    while i < len(values):
        v = values[i]
        if isinstance(v, str):
            out.append(v)
            i += 1
            continue
        nxt = values[i + 1] if i + 1 < len(values) else None
        if v == 4 and nxt == 20:  # quatre-vingt(s)
            v, i = 80, i + 1
            nxt = values[i + 1] if i + 1 < len(values) else None
        if v >= 20 and isinstance(nxt, int) and 0 < nxt < 10:
            out.append(str(v + nxt))
            i += 2
        elif v in (60, 80) and isinstance(nxt, int) and 10 <= nxt < 20:
            after = values[i + 2] if i + 2 < len(values) else None
            if nxt == 10 and isinstance(after, int) and 7 <= after <= 9:
                out.append(str(v + 10 + after))  # soixante dix huit
                i += 3
            else:
                out.append(str(v + nxt))
                i += 2
        elif v == 10 and isinstance(nxt, int) and 7 <= nxt <= 9:
            out.append(str(10 + nxt))  # dix-sept
            i += 2
        else:
            out.append(str(v))
            i += 1
    return "".join(out)


def _spelled_phones(text: str) -> list[PiiSpan]:
    """Phones written with number words: the run must spell 10-12 digits from 0[1-9]."""
    spans = []
    for match in TEL_WORDS_RE.finditer(text):
        tokens = re.findall(r"\d+|[^\W\d_]+", match.group(0).lower())
        if all(t.isdigit() for t in tokens):
            continue  # digits only: the other patterns judge them
        # A comma or a full stop closes a group: "soixante, quinze" is 60 then 15, never
        # "soixante-quinze" (75), so each group is read on its own.
        groups = [
            re.findall(r"\d+|[^\W\d_]+", g) for g in re.split(r"\s*[,.]\s*", match.group(0).lower())
        ]
        parts = [spelled_digits(g) for g in groups if g]
        digits = None if any(p is None for p in parts) else "".join(p or "" for p in parts)
        # Ten digits, or a few more when the writer grouped oddly: nobody spells out eight
        # or more digits starting 0[1-9] for anything but a phone.
        if digits and 10 <= len(digits) <= 12 and digits[0] == "0" and digits[1] != "0":
            spans.append(PiiSpan(match.start(), match.end(), "TEL", "patterns"))
    return spans


#: A letter O typed for a zero inside a number ("06.7O.22.18.94"): between digits, between a
#: digit and a separator, opening a number ("o6 12 34 56 78") or closing one ("… 15 9O").
_LETTER_O_RE = re.compile(r"(?<=\d)[Oo](?=[\d .\-]|[,;)]|$)|(?<![^\W\d_])[Oo](?=\d)")


_UNICODE_DASH_RE = re.compile(r"(?<=\d)[\u2010-\u2015\u2212](?=\d)")


def phone_spans(text: str) -> list[PiiSpan]:
    """Phones written with digits (strict French, international, loose, without the leading 0,
    after a phone word), in that order; a letter O typed for a zero counts as a zero."""
    if _LETTER_O_RE.search(text):
        # Same length, so the spans found in the repaired copy are the original's offsets.
        text = _LETTER_O_RE.sub("0", text)
    if _UNICODE_DASH_RE.search(text):
        # "06‑12‑34‑56‑78" typed with non-breaking or en dashes (phones' autocorrect): the
        # ASCII hyphen the patterns know, one character for one, so offsets hold.
        text = _UNICODE_DASH_RE.sub("-", text)
    # Service numbers (08 xx) are redacted too: they are an organisation's more often than a
    # person's, but labellers disagree and a leaked private number is the worse error.
    return _phone_spans(text)


#: A date then an hour, as chat exports stamp messages ("[04/02/2026 06:12]"): ten digits from
#: 0[1-9] in phone-like pairs, but a date with a four-digit year and a time after it.
_DATE_IN_NUMBER = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d{2}")
_TIME_AFTER = re.compile(r"[:h]\d{2}\b")


def _is_time_stamp(text: str, start: int, end: int) -> bool:
    return bool(_DATE_IN_NUMBER.search(text, start, end) and _TIME_AFTER.match(text, end))


def _phone_spans(text: str) -> list[PiiSpan]:
    spans = [s for s in _phone_candidates(text) if not _is_time_stamp(text, s.start, s.end)]
    return spans


def _phone_candidates(text: str) -> list[PiiSpan]:
    spans: list[PiiSpan] = []
    for regex in (TEL_FR_RE, TEL_INTL_RE):
        for match in regex.finditer(text):
            if 8 <= digit_count(match.group(0)) <= 15:
                spans.append(PiiSpan(match.start(), match.end(), "TEL", "patterns"))
    for match in TEL_LOOSE_RE.finditer(text):
        if loose_phone(match.group(0)):
            spans.append(PiiSpan(match.start(), match.end(), "TEL", "patterns"))
    for match in TEL_NO_ZERO_RE.finditer(text):
        spans.append(PiiSpan(match.start(), match.end(), "TEL", "patterns"))
    for match in _TEL_TRIGGER_RE.finditer(text):
        if match.group(0)[:1] in "nN" and match.group(1)[:1] not in "0+(":
            continue  # "n° 2026-0418", "numéro 55821": a quote's or an order's, not a phone
        if 8 <= digit_count(match.group(1)) <= 15:
            spans.append(PiiSpan(match.start(1), match.end(1), "TEL", "patterns"))
    return spans


def spelled_phone_spans(text: str, lowered: str) -> list[PiiSpan]:
    """Phones spelled in words, looked for only when a number word longer than a digit's
    name is in ``lowered`` (``text.lower()``)."""
    if not _NUMBER_WORD_GATE.search(lowered):
        return []
    return _spelled_phones(text)
