"""Effects per segment (persona, or a segment column): CATE, heterogeneity, sleeping dogs.

* Each segment's effect vs control gets a CI at level ``1 - alpha / m`` (Bonferroni over the
  m segments with enough units), so that all m intervals hold together at 95 %; p-values are
  Holm-adjusted within each treatment arm.
* Heterogeneity: Cochran's Q on the segment differences (inverse-variance weights, Wald
  variances), with I², and for binary outcomes the likelihood-ratio test of the
  arm × segment interaction in a logistic model (statsmodels GLM).
* "Sleeping dogs": segments where the treatment lowers the outcome. ``harm = "demontre"`` when
  the adjusted CI lies below 0, ``"possible"`` when only the point estimate is negative.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.multitest import multipletests

from .effects import compare_groups

logger = logging.getLogger(__name__)

SEGMENT_COLUMNS = [
    "treatment",
    "segment",
    "n_treatment",
    "n_reference",
    "rate_treatment",
    "rate_reference",
    "difference",
    "difference_low",
    "difference_high",
    "ci_level",
    "p_value",
    "p_value_holm",
    "harm",
    "estimable",
]


def segment_effects(
    units: pd.DataFrame, control: str, binary: bool, alpha: float, min_units: int
) -> pd.DataFrame:
    """One row per (treatment arm, segment) with the multiplicity-adjusted CI.

    Cells with fewer than ``min_units`` units in either arm are listed with
    ``estimable = False`` and no estimate.
    """
    if units["segment"].isna().all():
        return pd.DataFrame(columns=SEGMENT_COLUMNS)
    segments = sorted(units["segment"].dropna().unique())
    rows = []
    for arm in sorted(a for a in units["arm"].unique() if a != control):
        cells = []
        for seg in segments:
            in_seg = units["segment"] == seg
            y1 = units.loc[in_seg & (units["arm"] == arm), "outcome"].to_numpy(float)
            y0 = units.loc[in_seg & (units["arm"] == control), "outcome"].to_numpy(float)
            cells.append((seg, y1, y0))
        ok = [c for c in cells if min(len(c[1]), len(c[2])) >= min_units]
        level_alpha = alpha / max(len(ok), 1)
        arm_rows = []
        for seg, y1, y0 in cells:
            row = {"treatment": arm, "segment": seg, "n_treatment": len(y1), "n_reference": len(y0)}
            if min(len(y1), len(y0)) >= min_units:
                est = compare_groups(y1, y0, binary, level_alpha)
                row.update(
                    {
                        k: est[k]
                        for k in (
                            "rate_treatment",
                            "rate_reference",
                            "difference",
                            "difference_low",
                            "difference_high",
                            "p_value",
                        )
                    }
                )
                row.update(ci_level=1 - level_alpha, estimable=True)
            else:
                row.update(estimable=False, ci_level=np.nan)
            arm_rows.append(row)
        frame = pd.DataFrame(arm_rows)
        est_mask = frame["estimable"]
        frame["p_value_holm"] = np.nan
        if est_mask.any():
            frame.loc[est_mask, "p_value_holm"] = multipletests(
                frame.loc[est_mask, "p_value"], method="holm"
            )[1]
        rows.append(frame)
    table = pd.concat(rows, ignore_index=True).reindex(columns=SEGMENT_COLUMNS)
    table["harm"] = np.select(
        [table["difference_high"] < 0, table["difference"] < 0], ["demontre", "possible"], "non"
    )
    table.loc[~table["estimable"].astype(bool), "harm"] = "inconnu"
    return table


def cochran_q(differences: np.ndarray, variances: np.ndarray) -> dict[str, float]:
    """Cochran's Q test that the segment effects are equal; I² = max(0, (Q - df) / Q)."""
    keep = np.isfinite(differences) & (variances > 0)
    d, v = differences[keep], variances[keep]
    if len(d) < 2:
        return {"q": np.nan, "df": 0, "p_value": np.nan, "i2": np.nan}
    w = 1 / v
    pooled = np.sum(w * d) / np.sum(w)
    q = float(np.sum(w * (d - pooled) ** 2))
    df = len(d) - 1
    return {
        "q": q,
        "df": df,
        "p_value": float(stats.chi2.sf(q, df)),
        "i2": max(0.0, (q - df) / q) if q > 0 else 0.0,
    }


def interaction_lr_test(units: pd.DataFrame, arm: str, control: str) -> dict[str, float]:
    """LR test of arm × segment in a logistic model of the outcome (binary outcomes)."""
    data = units[units["arm"].isin([arm, control]) & units["segment"].notna()]
    t = (data["arm"] == arm).to_numpy(float)
    seg = pd.get_dummies(data["segment"], drop_first=True, dtype=float)
    if seg.shape[1] == 0:
        return {"lr": np.nan, "df": 0, "p_value": np.nan}
    base = np.column_stack([np.ones(len(t)), t, seg.to_numpy()])
    full = np.column_stack([base, seg.to_numpy() * t[:, None]])
    y = data["outcome"].to_numpy(float)
    try:
        ll0 = sm.GLM(y, base, family=sm.families.Binomial()).fit().llf
        ll1 = sm.GLM(y, full, family=sm.families.Binomial()).fit().llf
    except Exception as exc:  # separation in a tiny segment: say so rather than crash
        logger.warning("Interaction LR test failed for %s: %s", arm, exc)
        return {"lr": np.nan, "df": int(seg.shape[1]), "p_value": np.nan}
    lr = max(0.0, 2 * (ll1 - ll0))
    return {
        "lr": float(lr),
        "df": int(seg.shape[1]),
        "p_value": float(stats.chi2.sf(lr, seg.shape[1])),
    }


def heterogeneity_tests(
    units: pd.DataFrame, control: str, binary: bool, min_units: int
) -> list[dict]:
    """Per treatment arm: Cochran's Q (+ I²) and, for binary outcomes, the interaction LR test."""
    if units["segment"].isna().all():
        return []
    out = []
    for arm in sorted(a for a in units["arm"].unique() if a != control):
        diffs, variances = [], []
        for _, cell in units[units["segment"].notna()].groupby("segment"):
            y1 = cell.loc[cell["arm"] == arm, "outcome"].to_numpy(float)
            y0 = cell.loc[cell["arm"] == control, "outcome"].to_numpy(float)
            if min(len(y1), len(y0)) < min_units:
                continue
            diffs.append(y1.mean() - y0.mean())
            variances.append(np.var(y1, ddof=1) / len(y1) + np.var(y0, ddof=1) / len(y0))
        result = {"treatment": arm, "cochran": cochran_q(np.array(diffs), np.array(variances))}
        if binary:
            result["interaction_lr"] = interaction_lr_test(units, arm, control)
        out.append(result)
    return out
