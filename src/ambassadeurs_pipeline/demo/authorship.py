"""Who writes each organic comment: theme affinity x activity x role/kind propensity.

Apart from ``generator.py`` because these draws decide the ground truth the gaps and
personas evaluations score against (distinct askers per gap, answers from someone else
than the asker, thanks from the asker).
"""

from __future__ import annotations

import numpy as np

from .gaps import GAPS
from .themes import THEME_KEYS
from .threads import K_A, K_FQ, K_GQ, K_MT, K_Q_GAP, K_Q_GEN, K_Q_INTENT, K_STORY, K_T, K_TIP

ASKER_KINDS = [K_Q_INTENT, K_Q_GEN, K_Q_GAP, K_STORY, K_FQ, K_MT, K_GQ]


def assign_authors(rng, kind, theme, gap, starter_row, authors, n_pool) -> np.ndarray:
    """Pick each organic comment's author: theme affinity x activity x role/kind propensity."""
    a = authors.iloc[:n_pool]
    role = a["role_idx"].to_numpy()
    sup = a["is_superuser"].to_numpy()
    act = a["activity"].to_numpy()
    prim, sec = a["primary_theme"].to_numpy(), a["secondary_theme"].to_numpy()
    is_fr = (a["lang"] == "fr").to_numpy()
    group = np.where(np.isin(kind, ASKER_KINDS), 0, np.where(np.isin(kind, [K_A, K_TIP]), 1, 2))
    # Professionals answer much more and ask little; super-users answer a lot.
    kind_factor = np.array([[1.0, 1.0, 0.15], [0.6, 0.4, 4.0], [1.0, 1.0, 0.6]])
    super_factor = np.array([0.35, 2.0, 1.5])
    out = np.zeros(kind.size, np.int64)
    weights = {}
    for t in range(len(THEME_KEYS)):
        aff = np.where(prim == t, 1.0, np.where(sec == t, 0.25, 0.015)) + np.where(sup, 0.35, 0.0)
        for g in range(3):
            w = act * aff * kind_factor[g][role] * np.where(sup, super_factor[g], 1.0)
            weights[t, g] = w
            rows = np.flatnonzero((theme == t) & (group == g))
            if rows.size:
                cum = np.cumsum(w)
                out[rows] = np.searchsorted(cum, rng.random(rows.size) * cum[-1], side="right")
    # Gap questions: distinct French askers per gap (weighted sampling without replacement).
    for gi, g in enumerate(GAPS):
        rows = np.flatnonzero((gap == gi) & np.isin(kind, [K_Q_GAP, K_GQ]))
        if not rows.size:
            continue
        w = weights[THEME_KEYS.index(g.theme), 0] * is_fr
        with np.errstate(divide="ignore"):
            keys = np.where(w > 0, rng.exponential(size=n_pool) / np.where(w > 0, w, 1.0), np.inf)
        chosen = np.argsort(keys, kind="stable")[: rows.size]
        out[rows] = rng.permutation(chosen)
    # Answers and "me too" questions come from someone else than the asker.
    for _ in range(50):
        bad = np.flatnonzero(np.isin(kind, [K_A, K_MT, K_FQ]) & (out == out[starter_row]))
        if not bad.size:
            break
        for t in np.unique(theme[bad]):
            for g in (0, 1):
                rows = bad[(theme[bad] == t) & (group[bad] == g)]
                if rows.size:
                    cum = np.cumsum(weights[t, g])
                    out[rows] = np.searchsorted(cum, rng.random(rows.size) * cum[-1], side="right")
    # Thanks come from the asker.
    is_t = kind == K_T
    out[is_t] = out[starter_row[is_t]]
    return out
