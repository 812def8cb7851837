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
    r"sage-femme|sage femme|generaliste|aide-soignant|aide-soignante|aide soignant|aide soignante|"
    r"dieteticien|dieteticienne|chirurgien|chirurgienne|manipulateur radio|manipulatrice radio|"
    r"interne|cadre de sante|soignant|soignante|professionnel de sante|professionnelle de sante|"
    r"orthophoniste|osteopathe|ergotherapeute|psychomotricien|psychomotricienne|orthoptiste|"
    r"anesthesiste|urgentiste|dentiste|ambulancier|ambulanciere|auxiliaire de puericulture|"
    r"preparateur en pharmacie|preparatrice en pharmacie|puericultrice|"
    # specialists: cardiologue, gastro-enterologue, psychiatre, pediatre...
    r"[a-z-]+logue|[a-z-]+iatre)"
)
# A profession named with its practice setting: "infirmière libérale", "pharmacienne d'officine".
_PRO_SETTING = r"( (liberal|liberale|hospitalier|hospitaliere|d'officine|scolaire|coordinatrice|coordinateur|en [a-z-]+))?"
_KIN = (
    r"(mere|pere|mari|femme|epouse|epoux|conjoint|conjointe|compagnon|compagne|fils|fille|"
    r"soeur|s\u0153ur|frere|maman|papa|grand-mere|grand-pere|grand mere|grand pere|enfant|bebe|"
    r"tante|oncle|belle-mere|beau-pere|ami|amie|enfants|parents|filles|fils)"
)
_ILL = (
    r"(atteint|atteinte|diagnostique|diagnostiquee|malade|soigne|soignee|hospitalise|hospitalisee|"
    r"opere|operee|en chimio|sous chimio|en traitement|sous traitement|diabetique|asthmatique|"
    r"hypertendu|hypertendue|epileptique|autiste|handicape|handicapee|dependant|dependante|"
    r"enceinte|depressif|depressive|bipolaire|alzheimer|en fin de vie|en ehpad|sous insuline)"
)
_SELF_ILL = (
    r"(atteint|atteinte|malade|en remission|sous chimio|en chimio|en pleine chimio|en traitement|"
    r"sous traitement|diabetique|asthmatique|hypertendu|hypertendue|epileptique|bipolaire|"
    r"insomniaque|allergique|enceinte|operee|opere|greffe|greffee|dialyse|dialysee|sous insuline|"
    r"sous [a-z-]+|suivi|suivie|en arret maladie|en invalidite|a \d+ sa)"
)
_JE_SUIS = r"(je suis|chui|jsuis|j'suis)"

ROLE_PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "professionnel_de_sante": [
        re.compile(rf"\b(en tant qu'|en tant que |comme |moi-meme |etant )(un |une )?{_PRO}\b"),
        re.compile(rf"\b{_JE_SUIS} (un |une )?{_PRO}\b"),
        re.compile(rf"\b(je travaille|j'exerce|je bosse) (comme |en tant que )(un |une )?{_PRO}\b"),
        re.compile(
            r"\b(je travaille|j'exerce|je bosse) (a l'hopital|en (service|oncologie|clinique|ehpad|officine|pharmacie|pmi|cabinet)|en tant que soignant)"
        ),
        re.compile(
            rf"(^|[.!?:,]\s*|\b(hello|bonjour|coucou|salut|oui|perso)\b,?\s*){_PRO}{_PRO_SETTING} (ici|depuis \d+|de metier)\b"
        ),
        re.compile(r"\b(mes|nos) patient(e)?s\b|\ben consultation,? je (vois|recois|conseille)\b"),
        re.compile(r"\bdans (mon|notre) (cabinet|service|officine)\b"),
    ],
    "aidant": [
        re.compile(
            rf"\b(ma|mon|notre|mes) {_KIN}( de \d+ ans)? (est|sont|a ete|vient d'etre|etait) (\w+ )?{_ILL}"
        ),
        re.compile(
            rf"\b(j'accompagne|j'aide|je soutiens|je m'occupe de|je gere|je cuisine pour) (ma|mon|notre|mes) ((\w+ )?{_KIN})\b"
        ),
        re.compile(
            r"\ben tant qu'aidant(e)?\b|\b(je suis|chui) (un |une )?aidant(e)?\b|\b(mon|notre) role d'aidant"
        ),
        re.compile(
            rf"\b(ma|mon|mes) {_KIN}( de \d+ ans)? (a|avait|a fait|fait) (un|une|le|la|des|de l') ?(cancer|diabete|maladie|tumeur|avc|sclerose|tentative|alzheimer|crises?|depression|asthme|handicap)"
        ),
        re.compile(
            rf"\b(ma|mon|mes) {_KIN}( de \d+ ans)? (souffre|vit avec|refuse de se soigner|n'arrive pas|s'est fait)"
        ),
        re.compile(rf"\bla maladie de (ma|mon) {_KIN}\b"),
        # A dependant described with their age, or their reaction/condition.
        re.compile(rf"\b(ma|mon|mes) {_KIN} de \d+ (ans|mois)\b"),
        re.compile(
            rf"\b(ma|mon) {_KIN} (a|a eu) (des|une|un) (effets|reaction|grave|apnee|crise|probleme)"
        ),
        re.compile(
            r"\baidant(e)? (pour|pr|de) (ma|mon|mes)\b|\bje gere (les|le|la) [a-z ]{3,30} de (ma|mon)\b"
        ),
    ],
    "patient": [
        re.compile(
            r"\bj'ai ete diagnostique(e)?\b|\bon m'a (diagnostique|decouvert|annonce|detecte|trouve)\b|\bdiagnostique(e)? (en|il y a) \d+"
        ),
        re.compile(rf"\b{_JE_SUIS} (moi-meme )?{_SELF_ILL}\b"),
        re.compile(
            r"\bj'ai (eu )?(un|une|le|la|l'|des|du|de l') ?(cancer|diabete|tumeur|lymphome|leucemie|avc|sclerose|sep|maladie|asthme|endometriose|fibromyalgie|apnee|crohn|hypertension|depression|polyarthrite|lupus|migraine|douleurs chroniques|insuffisance)"
        ),
        re.compile(
            r"\b(ma|mes) (chimio|chimiotherapie|radiotherapie|radiotherapies|seances de chimio|mastectomie|operation|insuline|crises|douleurs|poussees|symptomes|glycemies?|tension)\b"
        ),
        re.compile(
            r"\bmon (cancer|diabete|lymphome|traitement|oncologue|diagnostic|asthme|crohn|endometriose|hba1c|psy|psychiatre|diabetologue|neurologue|rhumatologue|gastro|pneumologue)\b"
        ),
        re.compile(
            r"\b(ancienne|ancien) (patiente|patient|malade)\b|\ben tant que patient(e)?\b|\b(je suis|chui) (un |une )?patient(e)?\b"
        ),
        # A health status opening a sentence: "Diabétique type 1 depuis l'âge de 12 ans."
        re.compile(
            r"(^|[.!?,:]\s*|\b(bonjour|bonsoir|coucou|salut|hello|bjr|slt)\b,?\s*)(diabetique|hypertendu|hypertendue|"
            r"asthmatique|enceinte|epileptique|allergique|insomniaque|bipolaire)( de)?( type \d)? (depuis|de|pour|a)\b"
        ),
        re.compile(
            r"\bj'ai \d+ ans et (de l'|du |des |un |une |je |j'ai )|\bj'essaie de (perdre|arreter|maigrir)\b|"
            r"\bje (dors|vis) avec (une|un|la|le|l')|\bje suis en (depression|burn-out|burnout|arret)\b"
        ),
        # "Crohnienne depuis l'adolescence", "fibromyalgique depuis trois ans" (not professions).
        re.compile(
            r"\b(?!pharmac|dieteti|chirurg|physici|optici|pratici|techni|musici|electrici|informati|"
            r"mecani|politici|histori|comedi|gardi|chreti|parisi|praticien)[a-z]+(ienne|ien|ique)s? depuis\b"
        ),
        re.compile(
            r"\bje (vis avec|souffre d'|souffre de |prends (du|de la|des|le|la|l')? ?[a-z-]+ depuis)\b|\bje suis suivie? (par|au|a|en|pour)\b"
        ),
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
        hits = [m for p in patterns for m in p.finditer(folded) if not negated(folded, m.start())]
        if hits:
            first = min(hits, key=lambda m: m.start())
            found.append(Disclosure(role, first.start(), first.end()))
    return found


def detect_comment_roles(comments: pd.DataFrame) -> pd.DataFrame:
    """One row per (comment, disclosed role): ``author_id, comment_id, role, evidence``."""
    rows = []
    for author, cid, text in zip(
        comments["author_id"], comments["comment_id"], comments["text_clean"]
    ):
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
    evidence = disclosures.drop_duplicates(["author_id", "role"]).set_index(["author_id", "role"])[
        "evidence"
    ]
    out.loc[best.index, "role"] = best["role"]
    out.loc[best.index, "role_confidence"] = (best["n"] / totals.loc[best.index]).round(3)
    out.loc[best.index, "role_evidence"] = [
        evidence.loc[(a, r)] for a, r in zip(best.index, best["role"])
    ]
    return out
