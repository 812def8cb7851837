"""File, claimant and patient numbers after their label (dossier, allocataire, IPP…)."""

from __future__ import annotations

import re

from .spans import PiiSpan
from .text import digit_count

#: File, claimant or patient numbers after their label ("n° de dossier MDPH : DOS-2024-078451",
#: "numéro allocataire 1234567"): an identifier with at least 5 digits.
#: Found in two steps for speed: an identifier-shaped token first (rare), then its label in
#: the 60 characters before it.
_DOSSIER_ID_RE = re.compile(
    # Letter-only segments may come first ("ONIAM/HC/2014/0877").
    # A letter suffix after a slash too ("2026/00418/PJ", a police procedure).
    # Dots between digit groups too ("n° parquet 24.156.0789").
    # Letter segments joined by dashes too ("CARSAT-ASIR-2026-55410", "ARS-PDL-TAT-44-0381").
    r"(?<![\w/-])(?:[A-Z]{1,8}[/\-]){0,3}[A-Z]{0,8}[\-/ ]?\d(?:[\dA-Za-z\-/]|\.(?=\d)){2,}(?:\d|(?<=\d)[A-Z]{1,3}|(?<=\d/)[A-Z]{1,3})(?![\w/])"
)
_DOSSIER_LABEL_RE = re.compile(
    r"(?i:dossier|allocataire|\bIPP\b|\bNDA\b|matricule|adh[ée]rent|n°\s?patient|num[ée]ro\s(?:de\s)?patient|"
    r"identifiant|num[ée]ro\sfiscal|n°\sfiscal|\bNIP\b|r[ée]f[ée]rence|\br[ée]f\b|contrat|s[ée]jour|"
    r"sinistre|\bn°|num[ée]ro|commande|facture|\bclient\b|ticket|colis|[ée]tudiant|\bINE\b|\bRUM\b|"
    # A court's roll number ("RG 23/01987").
    r"mandat|\bRG\b|r[ée]pertoire\sg[ée]n[ée]ral|parquet|[ée]crou|\bnum\b|licence|"
    # Courts' docket prefixes ("TPE 23/1104": children's court; "JAF", "TJ", "TGI").
    r"\bTPE\b|\bJAF\b|\bTGI\b|\bTJ\b|\bNUMEN\b|mutuelle)[^\n\d<]{0,45}$"
)
#: Labels after which a bare run of digits is a file number ("IPP 8012345", "n° allocataire
#: 1234567", "numéro de contrat 12345678"); after a weak label ("n°", "numéro", "réf") only a
#: mixed identifier ("DOS-2024-078451") is.
_DOSSIER_STRONG_LABEL_RE = re.compile(
    r"dossier|allocataire|\bipp\b|\bnda\b|matricule|adh[ée]rent|patient|identifiant|fiscal|"
    r"\bnip\b|contrat|s[ée]jour|sinistre|r[ée]clamation|licence|licenci[ée]|b[ée]n[ée]ficiaire|"
    r"[ée]tudiant|\bine\b|\brum\b|mandat|mutuelle|d[ée]compte|facture|devis|prescription|"
    # A lab request, an imaging exam, a customer account, a foreign national's number.
    r"examen|demande|\bclient|[ée]tranger|proc[ée]dure|plainte|r[ée]c[ée]piss[ée]|parquet|[ée]crou|"
    # A seafarer's number ("n° de marin : 19840217"), a teacher's NUMEN, a work accident's or
    # an occupational disease's claim ("AT 2026 041 77 925", "Réf CPAM MP 26 059 118 442").
    r"\bmarin\b|\bnumen\b|accident|\bcpam\b|\bat\b|\bmp\b|"
    # A prior agreement for care ("numéro d'accord préalable 260418377").
    r"accord\spr[ée]alable|entente\spr[ée]alable"
)
#: The same numbers typed in groups ("numéro de dossier 0425 8801 7733"): only after a strong
#: label, since grouped digits are also amounts and phone numbers.
#: The first group may be a single digit ("n° allocataire 0 457 829").
#: A later group may hold up to 7 digits ("dossier RCL 2026 0984451": a year, then the number).
_DOSSIER_GROUPED_RE = re.compile(r"(?<![\w/.,])\d{1,5}(?: \d{2,7}){1,4}(?![\w/]|[.,]\d)")
#: An insurer's or a fund's code between the label and the grouped number ("contrat AG2R 55
#: 0193 772", "adhérent MGEN 12 345 678"): skipped when looking for the label.
_ISSUER_BEFORE_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,7} $")
#: An identifier that swallowed its own label ("IPP 8012345"): the label letters, then digits.
_DOSSIER_GLUED_LABEL_RE = re.compile(
    r"(?i:IPP|NDA|NIP)[ :]+(?=\d)|(?:RG|TPE|JAF|TGI|TJ|INE|NUMEN)[ :]+(?=\d)"
)
#: Documents whose numbers name no person (job offers, lots, laws), before or inside a weak
#: label. Quotes and invoices are not among them: a care provider's invoice or quote number
#: leads to the patient's file there ("facture n° F-2026-00517", "devis n° DEV-22-1874"), so
#: they are redacted even though the early forum sets' labellers left some in clear (about
#: one placeholder in 1,500 comments counts as a false positive on those sets).
_NOT_A_FILE = re.compile(r"(?i:offre|\blot\b|\bloi\b|d[ée]cret|\barr[êe]t[ée])")
#: A law's article ("article L1111-7 du code de la santé publique"): not a file number.
_ARTICLE_BEFORE = re.compile(r"(?i:\barticles?|\bart\.)\s?$")
#: A whole identifier that is a calendar date ("12/03/2024") or a year: a day and a month that
#: exist, so "ACA/2025/77-3120" (month 77) stays a file number.
#: A short code with letters, a dash or a slash and four digits that are not a year
#: ("référence résident R-1189", "réf. expertise EXP-5520"): a file number only straight after
#: a reference or file label (see :func:`dossier_spans`); elsewhere it is a model or a norm.
#: Several letter segments too ("numéro patient dans l'essai CUR-LUNG-0447").
_SHORT_FILE_RE = re.compile(r"(?:[A-Za-z]{1,6}[\-/]){1,3}(?!19\d\d|20\d\d)\d{4}$")
_SHORT_FILE_LABEL_RE = re.compile(
    r"(?i:r[ée]f[ée]rence|\br[ée]f\b|dossier|expertise|suivi|patient|essai)"
)
#: "dossier … :" up to 100 characters before a mixed identifier, within one sentence.
_FAR_FILE_LABEL_RE = re.compile(
    r"(?i:dossier|identifiant|espace\spatient|num[ée]ro\s(?:de\s)?patient|n°\s?patient)"
    r"[^\n\d<.!?]{0,100}:\s?$"
)
#: A booking or file code with letters and 3-4 digits mixed ("dossier Accès Plus n°
#: AP-7Q4K2Z"): straight after a file number's label only.
_MIXED_CODE_RE = re.compile(
    r"(?<![\w/-])(?=[A-Z0-9\-]*\d[A-Z0-9\-]*\d[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z][A-Z0-9\-]*[A-Z])"
    r"[A-Z0-9]{1,6}(?:-[A-Z0-9]{2,8}){1,3}(?![\w/-])"
)
_MIXED_CODE_LABEL_RE = re.compile(
    r"(?i:dossier|r[ée]servation|identifiant)[^\n\d<]{0,25}n°\s?:?\s?$"
)


def bare_digits(ident: str) -> bool:
    return ident.replace(" ", "").replace("-", "").isdigit()


_DATE_SHAPED = re.compile(
    r"^(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:\d{2}|\d{4})$|^\d{4}$"
)


def dossier_spans(text: str, digits: int | None = None) -> list[PiiSpan]:
    """File numbers in ``text``: an identifier with 5+ digits and a label before it, or a
    booking code with 3+ digits straight after a file label. ``digits`` (the text's count of
    decimal digits, if the caller has it) lets a text with fewer than 4 (the short codes'
    minimum, "réf. R-1189") skip the long scans."""
    spans: list[PiiSpan] = []
    if digits is None:
        digits = digit_count(text)
    if digits < 4:
        return _mixed_code_spans(text, spans)
    for match in _DOSSIER_ID_RE.finditer(text):
        ident = match.group(0)
        if digit_count(ident) < 5 and not _SHORT_FILE_RE.match(ident):
            continue
        start = match.start()
        if ident[:1] in " -/":
            # "n° : 1234567": the optional prefix separator matched with no prefix letters.
            start += 1
            ident = ident[1:]
        if _ARTICLE_BEFORE.search(text, max(0, start - 10), start):
            continue
        label = _DOSSIER_LABEL_RE.search(text, max(0, start - 60), start)
        if label is None and not bare_digits(ident):
            # "Mon dossier sur le portail du centre de lutte contre le cancer : ICO-P-0077231":
            # a mixed identifier after a colon, with "dossier" further back in the sentence.
            label = _FAR_FILE_LABEL_RE.search(text, max(0, start - 110), start)
        glued = _DOSSIER_GLUED_LABEL_RE.match(ident)
        if label is None and glued:
            # "IPP 8012345": the pattern took the label for a prefix; the number follows.
            start += glued.end()
            ident = text[start : match.end()]
            label = _DOSSIER_LABEL_RE.search(text, max(0, start - 60), start)
        if label is None:
            continue
        if digit_count(ident) < 5 and (
            label.end() - label.start() > 30
            or not _SHORT_FILE_LABEL_RE.search(label.group(0))
            or _NOT_A_FILE.search(text, max(0, label.start() - 25), label.end())
        ):
            continue  # a short code only straight after a reference or file label
        bare = ident.strip()
        strong = _DOSSIER_STRONG_LABEL_RE.search(label.group(0).lower())
        if not strong and _NOT_A_FILE.search(text, max(0, label.start() - 25), label.end()):
            continue  # "offre n° 2026-0418", "lot n° 24A118": a job offer's, a batch's

        if (not _DATE_SHAPED.search(ident) and not bare.isdigit()) or (
            bare.isdigit()
            and strong
            and (6 <= len(bare) <= 15 or (len(bare) == 5 and label.end() - label.start() < 25))
        ):
            spans.append(PiiSpan(start, match.end(), "DOSSIER", "patterns"))
    spans = _mixed_code_spans(text, spans)
    for match in _DOSSIER_GROUPED_RE.finditer(text):
        bare = match.group(0).replace(" ", "")
        if not 7 <= len(bare) <= 15 or any(s.start <= match.start() < s.end for s in spans):
            continue
        label = _DOSSIER_LABEL_RE.search(text, max(0, match.start() - 60), match.start())
        issuer = _ISSUER_BEFORE_RE.search(text, max(0, match.start() - 9), match.start())
        if label is None and issuer is not None:
            label = _DOSSIER_LABEL_RE.search(text, max(0, issuer.start() - 60), issuer.start())
        # The strong word may stand just before a weak label ("Déclaration d'AT n° 24 118 4473").
        if label is not None and _DOSSIER_STRONG_LABEL_RE.search(
            text[max(0, label.start() - 25) : label.end()].lower()
        ):
            # Seven digits ("N° allocataire 4417 285", a CAF number) only straight after
            # the label: further away, grouped digits are more often an amount.
            if len(bare) == 7 and label.end() - label.start() > 25:
                continue
            spans.append(PiiSpan(match.start(), match.end(), "DOSSIER", "patterns"))
    return spans


def _mixed_code_spans(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """``spans`` plus the booking codes with fewer than 5 digits straight after a file label
    ("dossier Accès Plus n° AP-7Q4K2Z")."""
    for match in _MIXED_CODE_RE.finditer(text) if "n°" in text else ():
        if digit_count(match.group(0)) < 5 and not any(
            s.start <= match.start() < s.end for s in spans
        ):
            if _MIXED_CODE_LABEL_RE.search(text, max(0, match.start() - 45), match.start()):
                spans.append(PiiSpan(match.start(), match.end(), "DOSSIER", "patterns"))
    return spans
