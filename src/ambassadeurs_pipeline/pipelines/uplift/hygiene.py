"""Label hygiene and safe covariates for campaign exports (pure functions).

Real exports carry ``" Control"`` with a leading space, ``Control`` and ``control`` in the
same column, and numeric columns measured *after* the message (``conversion``, ``spend``):
such a column is a second outcome, and using it as a covariate leaks the result into the
balance table and the targeting model.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

#: Stems of column names that describe a result of the campaign, not the unit before it
#: (French and English; compared on accent-free, lower-case word starts).
OUTCOME_STEMS = (
    "conversion",
    "convert",
    "spend",
    "spent",
    "revenue",
    "visit",
    "achat",
    "purchas",
    "depens",
    "montant",
    "order",
    "commande",
    "click",
    "clic",
    "repons",
    "response",
    "inscri",
    "signup",
    "subscri",
    "abonne",
    "donation",
    "vente",
    "sales",
    "outcome",
    "resultat",
    "adhesion",
    "recrut",
)
#: Words that date a column before the message (``visites_avant``): never refused by name.
PRE_TREATMENT_WORDS = (
    "avant",
    "before",
    "pre",
    "prior",
    "precedent",
    "anterieur",
    "baseline",
    "historique",
    "history",
)
#: |correlation| with the outcome, inside the control arm, above which a column is refused:
#: no pre-treatment trait of a unit predicts its conversion that well in a real campaign.
MAX_OUTCOME_CORRELATION = 0.5


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip().casefold()


def clean_labels(values: pd.Series) -> pd.Series:
    """Labels stripped of surrounding white space; spellings that differ only in case (or
    accents) become the most frequent spelling (``" Control"``, ``"control"`` → ``"Control"``
    if that is the commonest)."""
    text = values.astype("string").str.strip()
    key = text.map(lambda v: _fold(v) if isinstance(v, str) else v)
    counts = pd.DataFrame({"key": key, "text": text}).dropna().value_counts()
    canonical: dict[str, str] = {}
    for (k, spelling), _ in counts.items():  # most frequent first
        canonical.setdefault(k, spelling)
    return key.map(canonical).astype("string").where(text.notna(), pd.NA)


def find_label(wanted: str | None, labels: list[str]) -> str | None:
    """The label in ``labels`` equal to ``wanted`` once both are stripped and case-folded."""
    if wanted is None:
        return None
    target = _fold(wanted)
    return next((label for label in labels if _fold(label) == target), None)


def match_allocation(planned: dict[str, float] | None, arms: list[str]) -> dict[str, float] | None:
    """``uplift.planned_allocation`` keyed by the export's own arm labels (same matching
    as :func:`find_label`); keys that match no arm are kept as given (the SRM check names them)."""
    if planned is None:
        return None
    return {find_label(k, arms) or k: float(v) for k, v in planned.items()}


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-z]+", _fold(name)) if w]


def outcome_family(column: str, outcome: str) -> bool:
    """Whether a column's name says it measures a result: an outcome stem (``conversion``,
    ``spend``, ``visit``, ``achat``…) or a word of the outcome's own name, unless a word dates
    it before the message (``visites_avant``)."""
    words = _words(column)
    if any(w in PRE_TREATMENT_WORDS for w in words):
        return False
    if any(w.startswith(stem) for w in words for stem in OUTCOME_STEMS):
        return True
    own = [w for w in _words(outcome) if len(w) >= 5]
    return any(w.startswith(o) or o.startswith(w) for w in words if len(w) >= 5 for o in own)


def outcome_association(values: pd.Series, outcome: pd.Series, control: pd.Series) -> str | None:
    """Why ``values`` looks like a consequence of the outcome inside the control arm, or None.

    Two signs, both measured on control units only (the message cannot explain them): the
    column is non-zero only where the outcome is positive (a purchase amount, a visit
    count), or its correlation with the outcome reaches :data:`MAX_OUTCOME_CORRELATION`.
    """
    x = values[control].to_numpy(float)
    y = outcome[control].to_numpy(float)
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    if len(x) < 10 or np.nanstd(x) == 0 or np.nanstd(y) == 0:
        return None
    positive = y > 0
    if (
        positive.any()
        and (~positive).any()
        and np.all(x[~positive] == 0)
        and np.any(x[positive] != 0)
    ):
        return "non nulle seulement quand l'issue est positive (dans le bras contrôle)"
    r = float(np.corrcoef(x, y)[0, 1])
    if np.isfinite(r) and abs(r) >= MAX_OUTCOME_CORRELATION:
        return f"corrélation de {r:+.2f} avec l'issue dans le bras contrôle".replace(".", ",")
    return None


def screen_covariates(
    covariates: pd.DataFrame,
    outcome: pd.Series,
    arm: pd.Series,
    control: str,
    outcome_name: str,
    declared: bool = False,
) -> tuple[list[str], dict[str, str]]:
    """Covariates that may be used, and the refused ones with their reason (French).

    A covariate is refused when it is strongly associated with the outcome inside the
    control arm (:func:`outcome_association`) or, unless the user declared it
    (``uplift.covariates``), when its name belongs to the outcome's family.
    """
    in_control = (arm == control).to_numpy()
    kept, refused = [], {}
    for column in covariates.columns:
        base = str(column).split("=", 1)[0]
        if not declared and outcome_family(base, outcome_name):
            refused[column] = (
                f"son nom évoque un résultat mesuré après l'envoi (comme « {outcome_name} »)"
            )
            continue
        reason = outcome_association(
            covariates[column], outcome, pd.Series(in_control, index=covariates.index)
        )
        if reason:
            refused[column] = reason
            continue
        kept.append(column)
    return kept, refused
