"""Randomised ambassador-recruitment campaign with known heterogeneous effects.

Units are active, non-bot, non-spam authors (at least 2 comments). Arms are allocated by
complete randomisation in equal thirds. Each unit has a true conversion probability under
each arm: a base rate per (motivation, arm), times a covariate multiplier normalised to
mean 1, so the segment rates below are the population truth. The persona message beats the
generic one overall (~+28 % relative) but does nothing for ``besoin_de_reconnaissance``
(equal to control, i.e. worse than the generic message).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .lexicon import MOTIVATIONS

ARMS = ["controle", "message_generique", "message_persona"]
# Base conversion rates: rows = motivation (MOTIVATIONS order), columns = ARMS.
BASE_RATES = np.array(
    [
        [0.065, 0.100, 0.145],  # altruisme
        [0.060, 0.095, 0.060],  # besoin_de_reconnaissance: persona message backfires
        [0.055, 0.080, 0.125],  # sentiment_d_appartenance
        [0.055, 0.085, 0.130],  # experience_negative_en_prevention
    ]
)


def run_campaign(rng: np.random.Generator, units: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """``units`` has author, motivation_idx and the covariates; returns campaign frame and p[unit, arm]."""
    n = len(units)
    arm = np.empty(n, np.int64)
    arm[rng.permutation(n)] = np.arange(n) % 3
    z_act = np.log1p(units["nb_commentaires_avant"].to_numpy(float))
    z_act = (z_act - z_act.mean()) / (z_act.std() + 1e-9)
    anc = units["anciennete_jours"].to_numpy(float)
    z_anc = (anc - anc.mean()) / (anc.std() + 1e-9)
    helped = units["a_deja_aide"].to_numpy(float)
    mult = np.exp(0.30 * z_act + 0.10 * z_anc + 0.25 * helped)
    mult /= mult.mean()
    p = np.clip(BASE_RATES[units["motivation_idx"].to_numpy()] * mult[:, None], 0.0, 0.95)
    converted = (rng.random(n) < p[np.arange(n), arm]).astype(np.int64)
    camp = pd.DataFrame(
        {
            "author": units["author"].to_numpy(),
            "arm": np.array(ARMS)[arm],
            "converted": converted,
            "nb_commentaires_avant": units["nb_commentaires_avant"].to_numpy(),
            "anciennete_jours": units["anciennete_jours"].to_numpy(),
            "a_deja_aide": units["a_deja_aide"].to_numpy().astype(np.int64),
        }
    )
    return camp, p


def true_effects(units: pd.DataFrame, p: np.ndarray) -> pd.DataFrame:
    """Population true rate of each arm, per motivation and overall (mean of potential outcomes)."""
    rows = []
    mot = units["motivation_idx"].to_numpy()
    for a, arm in enumerate(ARMS):
        for m, name in enumerate(MOTIVATIONS):
            sel = mot == m
            rows.append(
                {
                    "arm": arm,
                    "motivation": name,
                    "true_rate": round(float(p[sel, a].mean()), 6) if sel.any() else 0.0,
                    "n_units": int(sel.sum()),
                }
            )
        rows.append(
            {
                "arm": arm,
                "motivation": "all",
                "true_rate": round(float(p[:, a].mean()), 6),
                "n_units": len(units),
            }
        )
    return pd.DataFrame(rows)
