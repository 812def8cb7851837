"""Dates of birth: a date after a birth cue ("né le", "DDN"), another date in the same
sentence, or a date followed by its cue ("12/03/1987 (date de naissance)")."""

from __future__ import annotations

import re
from collections.abc import Callable

from .spans import PiiSpan

_MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre|janv\.?|f[ée]vr?\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|d[ée]c\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"
    rf"|(?:1er|\d{{1,2}})\s(?:{_MONTHS})\s(?:19|20)\d{{2}}"
    # "12 / 03 / 1985", "12-mars-1985": spaced slashes, a month between hyphens.
    rf"|\d{{1,2}}\s[/.\-]\s\d{{1,2}}\s[/.\-]\s(?:19|20)?\d{{2}}"
    # A letter O typed for a zero ("07/O3/2016").
    rf"|(?=[\dO]{{1,2}}[/.\-][\dO]{{1,2}}[/.\-])(?=[^\s]{{0,5}}O)[\dO]{{1,2}}[/.\-][\dO]{{1,2}}[/.\-](?:19|20)?\d{{2}}"
    rf"|(?:1er|\d{{1,2}})-(?:{_MONTHS})-(?:19|20)?\d{{2}}"
    # A month in Roman numerals, as older people and Corsican or Italian registers write it
    # ("née le 6/VI/1988", "27 II 1941").
    rf"|(?:1er|\d{{1,2}})[/.\-\s](?-i:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[/.\-\s](?:19|20)?\d{{2}})"
)
#: A day written in words ("né le vingt-deux octobre", "le premier mai 1950").
_DAY_WORDS = (
    r"premier|trente[\s-]et[\s-]un|trente|vingt[\s-]et[\s-]un|"
    r"vingt(?:[\s-](?:deux|trois|quatre|cinq|six|sept|huit|neuf))?|dix[\s-](?:sept|huit|neuf)|"
    r"un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
)
#: A year in words ("mil neuf cent trente-deux", "deux mille trois").
_YEAR_WORDS = (
    r"(?:mille|mil\b|deux[\s-]mille)(?:[\s-](?:neuf|cents?|et|un|deux|trois|quatre|cinq|six|sept|"
    r"huit|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|"
    r"soixante)\b){0,6}"
)
#: Birth-date cues: "né(e) le", "naissance", "date de naiss.", "DDN", "DN :", "DOB", "born".
_BIRTH_CUE = (
    # "né(e)(s)" with its accent; typed without it ("ne le 12/03/1990") only right before
    # "le" and a day: "ne" alone is the negation ("je ne sais pas, le 12 mars…").
    r"(?:\bn[ée]e?s?\b(?<!\bne)(?<!\bnes)|\bne(?:e|es|s)?\b(?=\sle\s\d)|naissance|\bnaiss\.?|\bDDN\b|\bn[ée]\(e\)|\bborn\b|anniversaire|\bDOB\b"
    r"|(?-i:\bD\.?N\.?)\s?:|(?-i:\bDN\b)"
    # A birthday: "pour mes 60 ans (le 8 juin !)", "ses 3 ans le 12 mai".
    r"|\b(?:mes|ses|tes|ses|leurs)\s\d{1,3}\s?ans\b"
    # The genealogists' "°" for born ("° le 3/09/88"), not a temperature or an angle.
    r"|(?<![\w°])°(?=\s?(?:le\s|:\s?)?\d))"
)
#: Birth announcements' own verbs: "a vu le jour le", "venue au monde le", "a pointé le bout de
#: son nez le" (a pattern of its own, behind a substring gate: in the cue alternation above they
#: cost every text a third more).
ANNOUNCED_RE = re.compile(
    rf"(?:\bvu\sle\sjour|\bvenue?s?\sau\smonde|\bpoint[ée]\sle\sbout\sde\sson\snez)\s(?:le\s)?"
    rf"(?P<date>{_DATE}|(?:1er|\d{{1,2}})\s(?:{_MONTHS})(?:\s(?:19|20)\d{{2}})?)(?![\d])",
    re.IGNORECASE,
)
_ANNOUNCED_GATE = ("le jour", "au monde", "bout de son nez")
# A placeholder ("<DATE_NAISSANCE>" from the first pass) ends a cue's reach: "né le
# <DATE_NAISSANCE>, depuis le 04/02/2025" must not take the second date on the second pass.
DATE_NAISSANCE_RE = re.compile(
    # Not a maiden name ("née Cozic, s'est éteinte le 2 novembre": a death date follows).
    rf"{_BIRTH_CUE}(?!\s(?-i:[A-ZÀ-Þ][a-zà-ÿ]))"
    # "née à 27 SA le 14 août 2024": a term in weeks may sit between the cue and the date.
    # "née 2 ans après, le 1er avril 2016": a lapse of time too.
    rf"(?:[^\d\n<>]|(?<=[àa]\s)\d{{2}}\s?(?:SA|sa|semaines)\b|(?<=\s)\d{{1,2}}\s(?:ans?|mois)\s(?=apr[èe]s|plus\stard)){{0,40}}?(?:le\s|:\s?|on\s)?(?P<date>{_DATE}|\d{{1,2}} (?:0?[1-9]|1[0-2]) (?:19|20)?\d{{2}}(?! \d)"
    rf"|(?:1er|\d{{1,2}})\s(?:{_MONTHS})\s(?:19|20)?\d{{2}}"
    rf"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{{2}}"
    rf"|(?<=le )(?:1er|\d{{1,2}})\s(?:{_MONTHS})\b(?:\s{_YEAR_WORDS})?"
    rf"|(?:(?<=le )|(?<=: )|(?<=:))(?:{_DAY_WORDS})\s(?:{_MONTHS})(?:\s(?:19|20)?\d{{2}}(?!\d)|\s{_YEAR_WORDS})?"
    rf"|(?<=le )\d{{1,2}}[/.]\d{{1,2}}(?![/.]?\d)"
    # "née le 16 du 4", "le 3 du 5 1932", "le 19 du 7 en 91": a day "du" a month number.
    rf"|(?:1er|\d{{1,2}})\sdu\s(?:0?[1-9]|1[0-2])(?:\s(?:en\s)?(?:19|20)?\d{{2}})?(?![\d/])"
    # "née en mars 1961", "Date de naissance du patient : mars 1961": a month and a year.
    rf"|(?:(?<=en )|(?<=: )|(?<=:)|(?<=le )|(?<=\())(?:{_MONTHS})\s(?:19|20)?\d{{2}}|(?:0?[1-9]|1[0-2])[/.\-](?:19|20)\d{{2}})(?![\d])",
    re.IGNORECASE,
)
#: A strong cue (DDN, DN, date de naissance) reaches further than "né": a form's whole
#: sentence may stand between it and the date ("DDN pour l'inscription au programme
#: d'éducation thérapeutique : octobre 1980", "DN de mon fils pour le formulaire assurance
#: scolaire : 12/13/2011").
STRONG_CUE_RE = re.compile(
    rf"(?:\bDDN\b|(?-i:\bDN\b)|date\sde\snaissance|\bDOB\b)[^\d\n<>]{{0,80}}?"
    # "… ils ont mis 31/02/1991": what a form or a file says the date is.
    rf"(?::\s?|le\s|\(|(?:mis|mets|met|[ée]cri[ts]|not[ée]|indiqu[ée]|marqu[ée]|inscrit|tap[ée])\s)"
    rf"(?P<date>{_DATE}|(?:{_MONTHS})\s(?:19|20)\d{{2}})(?![\d])",
    re.IGNORECASE,
)
#: A month mistyped after a birth cue ("née le 2 jiun 1987"): any short word between a day
#: and a four-digit year, kept when it is close to a month's name (see :func:`_near_month`).
TYPO_MONTH_RE = re.compile(
    # "née"/"né" with its accent, or "naissance": "ne" (the negation) is too common here.
    r"(?:\bn[ée]e?s?\b(?<!\bne)(?<!\bnes)(?<!\bnee)(?<!\bnees)|naissance|\bDDN\b)[^\d\n<>]{0,20}?\ble\s"
    r"(?P<date>(?:1er|\d{1,2})\s(?P<month>[a-zà-ÿ]{3,9})\.?\s(?:19|20)\d{2})(?![\d])",
    re.IGNORECASE,
)
#: A birth cue, the newborn's name, then the date: "maman (née Jeanne Castagnet le
#: 22.08.1939)". The cue pattern above stops at a capitalised word after "née" (a maiden name,
#: "née Cozic, s'est éteinte le…"); here the date must follow the name at once, no comma.
NAMED_BIRTH_RE = re.compile(
    rf"\bn[ée]e?s?\s(?:[A-ZÀ-Þ][\wÀ-ÿ'’\-]+\s){{1,3}}(?:le\s)?"
    rf"(?P<date>{_DATE}|(?:1er|\d{{1,2}})\s(?:{_MONTHS})\s(?:19|20)\d{{2}})(?![\d])"
)
#: A date followed by its cue: "12/03/1987 (date de naissance)", "12/03/87 = DDN".
DATE_THEN_CUE_RE = re.compile(
    rf"(?<![\d])(?P<date>{_DATE})(?![\d])\s?[(\-=:,]?\s?(?:date\sde\snaissance|naissance|DDN|n[ée]e?\b)",
    re.IGNORECASE,
)
#: A baby "arrived" on a date, in a birth announcement: "Lou est arrivée le 16/07/2025 à 4h12,
#: 3,250 kg". "Arrivée" alone is any arrival (at A&E, on a ward), so a weight or length must
#: follow the date, or the comment must announce a birth (see :data:`_ANNOUNCEMENT`).
ARRIVAL_RE = re.compile(
    # Not "je suis arrivée le…": the writer announcing is not the newborn.
    rf"(?:\b(?:est|sont)\s|,\s)arriv[ée]e?s?\s(?:parmi\snous\s)?le\s(?P<date>{_DATE}|"
    rf"(?:1er|\d{{1,2}})\s(?:{_MONTHS})(?:\s(?:19|20)\d{{2}})?)(?![\d])",
    re.IGNORECASE,
)
_BIRTH_WEIGHT = re.compile(r"\d(?:[,.]\d+)?\s?(?:kg|kilos?)\b|\b\d{2}\s?cm\b", re.IGNORECASE)
_ANNOUNCEMENT = re.compile(
    r"faire[\s-]part|naissance|b[ée]b[ée]|bienvenue\s[àa]|je\svous\spr[ée]sente|\bPMA\b|\bFIV\b",
    re.IGNORECASE,
)
#: A birth date given as the answer to a question on the next line of a chat ("et sa date de
#: naissance ?\nYann: 12 avril 1972"): the answer line, after its speaker prefix if any.
ANSWER_RE = re.compile(
    rf"{_BIRTH_CUE}[^\n<>]{{0,40}}?\?[^\n?]{{0,40}}\n(?:[^\n]{{0,40}}?:[^\S\n]?)??[^\S\n]*(?:le\s)?"
    rf"(?P<date>{_DATE}|(?:1er|\d{{1,2}})\s(?:{_MONTHS})(?:\s(?:19|20)?\d{{2}})?)(?![\d])",
    re.IGNORECASE,
)
#: A stillbirth notice, whose gap holds a term in weeks ("née sans vie à 32 SA le 14 février
#: 2026"): the cue regex above allows no digit between cue and date, for speed ("ne" is a cue).
STILLBIRTH_RE = re.compile(
    rf"\bn[ée]e?s?\ssans\svie[^\n<>]{{0,40}}?\ble\s(?P<date>{_DATE}|(?:1er|\d{{1,2}})\s(?:{_MONTHS})"
    rf"(?:\s(?:19|20)\d{{2}})?)(?![\d])",
    re.IGNORECASE,
)
#: A lifespan: "(Odette Charpentier, 1938-09-14 – 2026)": a full date, a dash and a year (not
#: a date: "du 12/03 - 15/03/2025" is a stay) gives the birth date.
LIFESPAN_RE = re.compile(
    rf"(?<![\d/.\-])(?P<date>{_DATE})\s?[–—-]{{1,2}}\s?(?:19|20)\d{{2}}(?![\d/.\-])",
    re.IGNORECASE,
)
#: Another full date in the same sentence as a birth date ("… 21/03/1983 au lieu du 12/03/1983").
_DATE_RE = re.compile(rf"(?<![\d])(?:{_DATE})(?![\d])", re.IGNORECASE)


#: Cues of an event's date (care, appointment, death), not a second birth date, just before it
#: (one qualifying word may stand between: "en consultation multidisciplinaire le").
_EVENT_BEFORE = re.compile(
    r"(?:depuis|[àa]\spartir\sd[ue]|jusqu['’]\s?au|admise?|hospitalis[ée]e?|rdv|rendez-vous|"
    r"consultation|op[ée]r[ée]e?|sortie?|entr[ée]e?|suivie?|vu(?:e)?|d[ée]c[ée]d[ée]e?|[ée]teinte?|"
    r"obs[èe]ques|inhum[ée]e?|convoqu[ée]e?)(?:\s[a-zà-ÿ-]+)?\s(?:le\s|du\s|au\s)?$",
    re.IGNORECASE,
)


#: The end of a stay written as a range: "séjour du 12/01 au 16/01/2026".
_STAY_BEFORE = re.compile(r"\bdu\s\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\s(?:au|-)\s$", re.IGNORECASE)


def _date_span(match: re.Match[str]) -> PiiSpan:
    return PiiSpan(match.start("date"), match.end("date"), "DATE_NAISSANCE", "patterns")


#: Patterns whose ``date`` group is a birth date, each behind a cheap gate on ``(text,
#: lowered)``: most texts pay a substring test, not a scan.
_GATED_PATTERNS: tuple[tuple[re.Pattern[str], Callable[[str, str], bool]], ...] = (
    (DATE_THEN_CUE_RE, lambda text, low: "naiss" in low or "ddn" in low),
    (ANNOUNCED_RE, lambda text, low: any(g in low for g in _ANNOUNCED_GATE)),
    (STILLBIRTH_RE, lambda text, low: "sans vie" in low),
    (NAMED_BIRTH_RE, lambda text, low: "né" in low or "ne " in low or "nee" in low),
    (
        LIFESPAN_RE,
        lambda text, low: any(g in text for g in ("–", "—", " - ", "-19", "-20")),
    ),
    (ANSWER_RE, lambda text, low: "?" in text and "\n" in text),
)


def birth_date_spans(text: str, lowered: str) -> list[PiiSpan]:
    """Birth dates in ``text`` (``lowered`` is ``text.lower()``, read by the cue gate)."""
    spans: list[PiiSpan] = []
    strong = (
        STRONG_CUE_RE.finditer(text)
        if "DN" in text or "ddn" in lowered or "naissance" in lowered or "dob" in lowered
        else ()
    )
    for match in (*DATE_NAISSANCE_RE.finditer(text), *strong):
        spans.append(_date_span(match))
        # 80 characters read, dates opening in the first 60: a date cut by the window's end
        # ("… au 16/01/20|26") is never taken for a two-digit year.
        tail = text[match.end() : match.end() + 80]
        # A sentence ends at ".", "!", "?" or a line break, not at an ellipsis ("née le
        # 30/06/1994... non pardon, 30 juin 1994": the correction is still the birth date).
        tail = _SENTENCE_END.split(tail, maxsplit=1)[0]
        for other in _DATE_RE.finditer(tail):
            if other.start() > 60:
                break
            if _EVENT_BEFORE.search(tail, 0, other.start()) or _STAY_BEFORE.search(
                tail, 0, other.start()
            ):
                continue  # "né le 30/09/1979, suivi depuis le 04/02/2025": an event's date
            start = match.end() + other.start()
            spans.append(PiiSpan(start, match.end() + other.end(), "DATE_NAISSANCE", "patterns"))
    for pattern, gate in _GATED_PATTERNS:
        if gate(text, lowered):
            spans += [_date_span(match) for match in pattern.finditer(text)]
    for match in ARRIVAL_RE.finditer(text) if "arriv" in lowered else ():
        tail = text[match.end() : match.end() + 40]
        if _BIRTH_WEIGHT.search(tail) or _ANNOUNCEMENT.search(text):
            spans.append(_date_span(match))
    if "le " in lowered:
        for match in TYPO_MONTH_RE.finditer(text):
            if _near_month(match.group("month")):
                spans.append(_date_span(match))
    if spans:
        spans += _same_dates_elsewhere(text, spans)
    # One date may be found by two patterns ("né sans vie à 28 SA le …"): once is enough.
    return list(dict.fromkeys(spans))


_SENTENCE_END = re.compile(r"(?<!\.)\.(?!\.)|[!?\n…]")
_MONTH_NUMBER = {
    m: i
    for i, names in enumerate(
        (
            ("janvier", "janv"),
            ("février", "fevrier", "févr", "fevr", "fév", "fev"),
            ("mars",),
            ("avril", "avr"),
            ("mai",),
            ("juin",),
            ("juillet", "juil"),
            ("août", "aout"),
            ("septembre", "sept"),
            ("octobre", "oct"),
            ("novembre", "nov"),
            ("décembre", "decembre", "déc", "dec"),
        ),
        start=1,
    )
    for m in names
}
_PARTS_RE = re.compile(r"\d+|[a-zà-ÿ]+")


def _day_month_year(value: str) -> tuple[int, int, int] | None:
    """(day, month, year with two digits) of a written date, or None when it is not one."""
    parts = _PARTS_RE.findall(value.lower().replace("1er", "1"))
    if len(parts) != 3:
        return None
    if len(parts[0]) == 4 and parts[0].isdigit():  # ISO "1994-06-30"
        parts = [parts[2], parts[1], parts[0]]
    day, month, year = parts
    month_n = int(month) if month.isdigit() else _MONTH_NUMBER.get(month.rstrip("."))
    if not (day.isdigit() and year.isdigit() and month_n):
        return None
    return int(day), month_n, int(year) % 100


_MONTH_NAMES = (
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)


def _near_month(word: str) -> bool:
    """``word`` is a month's name with a typo ("jiun", "otcobre", "fevirer"): one letter
    swapped, doubled, dropped or wrong. (difflib, not a spelling library: twelve words.)"""
    import difflib
    import unicodedata

    folded = "".join(
        c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c)
    )
    from .name_typos import is_french_word

    if folded in _MONTH_NAMES or is_french_word(word):
        return False  # a month the main patterns read, or a word ("mais", "ans")
    return any(
        difflib.SequenceMatcher(None, folded, month).ratio() >= 0.74 for month in _MONTH_NAMES
    )


def _same_dates_elsewhere(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The same birth date written again, in another shape, elsewhere in the comment ("née le
    30/06/1994… non pardon, 30 juin 1994"; a form's field, then its retyping): the day, the
    month and the year all agree, so it is the same person's birth date."""
    known = {_day_month_year(text[s.start : s.end]) for s in spans} - {None}
    if not known:
        return []
    taken = {(s.start, s.end) for s in spans}
    return [
        PiiSpan(m.start(), m.end(), "DATE_NAISSANCE", "patterns")
        for m in _DATE_RE.finditer(text)
        if (m.start(), m.end()) not in taken and _day_month_year(m.group(0)) in known
    ]
