"""Role of an author from French self-disclosure: patient, aidant or professionnel de santé.

Each comment is searched for first-person disclosures ("en tant qu'infirmière", "ma mère est
atteinte", "j'ai été diagnostiquée en", "je suis médecin"). A disclosure preceded, in the
same clause, by a negation ("je ne suis pas médecin", "sans être infirmière") does not count.
An author's role is the role with most disclosing comments; ties go to the more specific
claim (professionnel > aidant > patient); with none, the role is ``inconnu``. The first
matching passage is kept as evidence, so a reviewer can check every label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .textmatch import fold, negated, snippet

ROLES = ("patient", "aidant", "professionnel_de_sante")
UNKNOWN_ROLE = "inconnu"

_PRO = (
    r"(infirmier|infirmiere|medecin|docteur|pharmacien|pharmacienne|kine|kinesitherapeute|"
    r"sage-femme|sage femme|oncologue|generaliste|aide-soignant|aide-soignante|aide soignante|"
    r"psychologue|radiologue|gynecologue|cardiologue|endocrinologue|dermatologue|pediatre|"
    r"dieteticien|dieteticienne|chirurgien|chirurgienne|manipulateur radio|manipulatrice radio|"
    r"interne|cadre de sante|soignant|soignante|professionnel de sante|professionnelle de sante)"
)
_KIN = (
    r"(mere|pere|mari|femme|epouse|epoux|conjoint|conjointe|compagnon|compagne|fils|fille|"
    r"soeur|s\u0153ur|frere|maman|papa|grand-mere|grand-pere|grand mere|grand pere|enfant|bebe|"
    r"tante|oncle|belle-mere|beau-pere|ami|amie)"
)
_ILL = r"(atteint|atteinte|diagnostique|diagnostiquee|malade|soigne|soignee|hospitalise|hospitalisee|opere|operee|en chimio|sous chimio|en traitement)"

ROLE_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "professionnel_de_sante": [
        re.compile(rf"\b(en tant qu'|en tant que |comme |moi-meme |etant )(un |une )?{_PRO}\b"),
        re.compile(rf"\bje suis (un |une )?{_PRO}\b"),
        re.compile(rf"\bje travaille (comme |en tant que )(un |une )?{_PRO}\b"),
        re.compile(r"\bje travaille (a l'hopital|en (service d')?oncologie|en clinique|en ehpad|en officine)"),
        re.compile(r"\b(mes|nos) patient(e)?s\b"),
        re.compile(r"\bdans (mon|notre) (cabinet|service|officine)\b"),
        re.compile(r"\ben consultation,? je\b"),
    ],
    "aidant": [
        re.compile(rf"\b(ma|mon|notre) {_KIN} (est|a ete|vient d'etre|etait) (\w+ )?{_ILL}"),
        re.compile(rf"\bj'accompagne (ma|mon|notre) {_KIN}\b"),
        re.compile(rf"\bje m'occupe de (ma|mon|notre) {_KIN}\b"),
        re.compile(r"\ben tant qu'aidant(e)?\b|\bje suis (un |une )?aidant(e)?\b|\b(mon|notre) role d'aidant"),
        re.compile(rf"\b(ma|mon) {_KIN} (a|avait) (un|une|le|la) (cancer|diabete|maladie|tumeur|avc|sclerose)"),
        re.compile(rf"\bla maladie de (ma|mon) {_KIN}\b"),
    ],
    "patient": [
        re.compile(r"\bj'ai ete diagnostique(e)?\b|\bon m'a diagnostique\b|\bon m'a decouvert\b"),
        re.compile(r"\bje suis (moi-meme )?(atteint|atteinte|malade|en remission|sous chimio|en chimio|en traitement|diabetique|operee|opere)\b"),
        re.compile(r"\bj'ai (eu |un |une )(cancer|diabete|tumeur|lymphome|leucemie|avc|sclerose|maladie)"),
        re.compile(r"\b(ma|mes) (chimio|chimiotherapie|radiotherapie|radiotherapies|seances de chimio|mastectomie|operation|traitement|insuline)\b"),
        re.compile(r"\bmon (cancer|diabete|lymphome|traitement|oncologue|diagnostic)\b"),
        re.compile(r"\b(ancienne|ancien) (patiente|patient|malade)\b|\ben tant que patient(e)?\b"),
    ],
}

_TIE_ORDER = {"professionnel_de_sante": 0, "aidant": 1, "patient": 2}


@dataclass(frozen=True)
class Disclosure:
    role: str
    start: int
    end: int


def find_disclosures(text: str) -> list[Disclosure]:
    """Non-negated role disclosures in one comment (at most one per role, the first)."""
    folded = fold(text)
    found = []
    for role, patterns in ROLE_PATTERNS.items():
        hits = [
            m for p in patterns for m in p.finditer(folded) if not negated(folded, m.start())
        ]
        if hits:
            first = min(hits, key=lambda m: m.start())
            found.append(Disclosure(role, first.start(), first.end()))
    return found


def detect_comment_roles(comments: pd.DataFrame) -> pd.DataFrame:
    """One row per (comment, disclosed role): ``author_id, comment_id, role, evidence``."""
    rows = []
    for author, cid, text in zip(comments["author_id"], comments["comment_id"], comments["text_clean"]):
        if not isinstance(text, str):
            continue
        for d in find_disclosures(text):
            rows.append((author, cid, d.role, snippet(text, d.start, d.end)))
    return pd.DataFrame(rows, columns=["author_id", "comment_id", "role", "evidence"])


def aggregate_roles(disclosures: pd.DataFrame, authors: pd.Index) -> pd.DataFrame:
    """Role per author from their disclosures.

    Returns a frame indexed by ``authors`` with ``role`` (``inconnu`` when nothing was
    disclosed), ``role_confidence`` (share of the author's disclosing comments that agree)
    and ``role_evidence`` (first disclosure of the chosen role).
    """
    out = pd.DataFrame(index=authors)
    out["role"] = UNKNOWN_ROLE
    out["role_confidence"] = 0.0
    out["role_evidence"] = pd.Series(pd.NA, index=authors, dtype="string")
    if disclosures.empty:
        return out
    counts = disclosures.groupby(["author_id", "role"]).size().rename("n").reset_index()
    counts["tie"] = counts["role"].map(_TIE_ORDER)
    counts = counts.sort_values(["author_id", "n", "tie"], ascending=[True, False, True])
    totals = counts.groupby("author_id")["n"].sum()
    best = counts.drop_duplicates("author_id").set_index("author_id")
    best = best[best.index.isin(authors)]
    evidence = disclosures.drop_duplicates(["author_id", "role"]).set_index(["author_id", "role"])["evidence"]
    out.loc[best.index, "role"] = best["role"]
    out.loc[best.index, "role_confidence"] = (best["n"] / totals.loc[best.index]).round(3)
    out.loc[best.index, "role_evidence"] = [evidence.loc[(a, r)] for a, r in zip(best.index, best["role"])]
    return out
