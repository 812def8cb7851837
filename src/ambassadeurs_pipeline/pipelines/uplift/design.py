"""Design checks: sample-ratio mismatch and covariate balance.

A sample-ratio mismatch (arms whose sizes differ from the plan by more than chance) means
the randomisation or the logging broke: effects computed on such data can be biased
whatever their CIs say, so the verdict warns first. Covariate imbalance (|SMD| > 0.1, the
usual threshold) points to the same problems, or to a "covariate" that is in fact measured
after the treatment (a second outcome), which must not be used by the uplift model.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats


def sample_ratio_mismatch(
    counts: dict[str, int], planned: dict[str, float] | None, alpha: float
) -> dict[str, object]:
    """Chi-square goodness-of-fit of arm sizes against the planned allocation.

    Args:
        counts: units per arm.
        planned: planned share per arm (any positive weights; normalised); None = equal.

    Raises:
        ValueError: ``planned`` misses an arm of the export or gives it a share <= 0.
    """
    arms = list(counts)
    if planned is None:
        weights = np.ones(len(arms))
    else:
        missing = [a for a in arms if planned.get(a, 0) <= 0]
        if missing:
            raise ValueError(
                f"uplift.planned_allocation has no positive share for arm(s) {missing}; "
                f"arms in the export: {arms}."
            )
        weights = np.array([planned[a] for a in arms], float)
    observed = np.array([counts[a] for a in arms], float)
    expected = observed.sum() * weights / weights.sum()
    chi2, p_value = stats.chisquare(observed, expected)
    differs = bool(p_value < alpha)
    return {
        "observed": {a: int(counts[a]) for a in arms},
        "observed_share": {a: float(o / observed.sum()) for a, o in zip(arms, observed)},
        "expected": {a: float(e) for a, e in zip(arms, expected)},
        "chi2": float(chi2),
        "p_value": float(p_value),
        "alpha": alpha,
        # Without a plan, equal arms are only an assumption: unequal arms (a 56 % control
        # by design) are reported, not called a broken randomisation.
        "planned": planned is not None,
        "assumed_equal": planned is None,
        "differs_from_assumed": differs and planned is None,
        "mismatch": differs and planned is not None,
    }


def standardised_mean_differences(
    units: pd.DataFrame, covariates: list[str], control: str, threshold: float
) -> pd.DataFrame:
    """SMD = (mean_t - mean_c) / sqrt((var_t + var_c) / 2) per covariate and treatment arm.

    Returns columns ``covariate, treatment, mean_treatment, mean_control, smd, imbalanced``.
    A covariate constant in both arms has SMD 0.
    """
    rows = []
    ctrl = units[units["arm"] == control]
    for arm in sorted(a for a in units["arm"].unique() if a != control):
        treated = units[units["arm"] == arm]
        for cov in covariates:
            x1, x0 = treated[cov].to_numpy(float), ctrl[cov].to_numpy(float)
            pooled = (
                np.sqrt((np.var(x1, ddof=1) + np.var(x0, ddof=1)) / 2)
                if min(len(x1), len(x0)) > 1
                else 0.0
            )
            diff = float(np.mean(x1) - np.mean(x0)) if len(x1) and len(x0) else np.nan
            smd = diff / pooled if pooled > 0 else 0.0
            rows.append(
                {
                    "covariate": cov,
                    "treatment": arm,
                    "mean_treatment": float(np.mean(x1)) if len(x1) else np.nan,
                    "mean_control": float(np.mean(x0)) if len(x0) else np.nan,
                    "smd": float(smd),
                    "imbalanced": bool(abs(smd) > threshold),
                }
            )
    columns = ["covariate", "treatment", "mean_treatment", "mean_control", "smd", "imbalanced"]
    return pd.DataFrame(rows, columns=columns)
