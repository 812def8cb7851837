"""Power: the smallest effect this campaign could detect, and the size needed for a target.

Binary outcomes use Cohen's h (``proportion_effectsize``, arcsine scale) with
``NormalIndPower``; numeric outcomes use Cohen's d with ``TTestIndPower``. Both two-sided at
``alpha``; "detect" means ``power`` (80 % by default) of reaching p < alpha.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from statsmodels.stats.power import NormalIndPower, TTestIndPower
from statsmodels.stats.proportion import proportion_effectsize


def _rate_from_h(p0: float, h: float) -> float:
    # Inverse of h = 2 asin(sqrt(p1)) - 2 asin(sqrt(p0)), capped at the arcsine range.
    angle = min(math.pi / 2, math.asin(math.sqrt(p0)) + h / 2)
    return math.sin(angle) ** 2


def power_analysis(
    units: pd.DataFrame,
    control: str,
    binary: bool,
    alpha: float,
    power: float,
    target_relative_uplift: float,
) -> pd.DataFrame:
    """Per treatment arm vs control: minimum detectable effect (absolute and relative) with
    the sizes at hand, and units per arm needed to detect ``target_relative_uplift``.

    Columns: ``treatment, n_treatment, n_control, baseline, mde_absolute, mde_relative,
    target_relative_uplift, n_per_arm_needed, sample_sufficient``.
    """
    rows = []
    y0 = units.loc[units["arm"] == control, "outcome"].to_numpy(float)
    base = float(y0.mean()) if len(y0) else np.nan
    for arm in sorted(a for a in units["arm"].unique() if a != control):
        y1 = units.loc[units["arm"] == arm, "outcome"].to_numpy(float)
        n1, n0 = len(y1), len(y0)
        mde_abs = needed = np.nan
        if binary and 0 < base < 1:
            h = NormalIndPower().solve_power(
                effect_size=None, nobs1=n0, alpha=alpha, power=power, ratio=n1 / n0
            )
            mde_abs = _rate_from_h(base, h) - base
            target = min(base * (1 + target_relative_uplift), 0.9999)
            h_target = proportion_effectsize(target, base)
            needed = NormalIndPower().solve_power(
                effect_size=h_target, alpha=alpha, power=power, ratio=1.0
            )
        elif not binary and base > 0:
            sd = float(np.sqrt((np.var(y1, ddof=1) + np.var(y0, ddof=1)) / 2))
            if sd > 0:
                d = TTestIndPower().solve_power(
                    effect_size=None, nobs1=n0, alpha=alpha, power=power, ratio=n1 / n0
                )
                mde_abs = d * sd
                needed = TTestIndPower().solve_power(
                    effect_size=target_relative_uplift * base / sd,
                    alpha=alpha,
                    power=power,
                    ratio=1.0,
                )
        n_needed = int(math.ceil(needed)) if np.isfinite(needed) else None
        rows.append(
            {
                "treatment": arm,
                "n_treatment": n1,
                "n_control": n0,
                "baseline": base,
                "mde_absolute": float(mde_abs),
                "mde_relative": float(mde_abs / base) if base else np.nan,
                "target_relative_uplift": target_relative_uplift,
                "n_per_arm_needed": n_needed,
                "sample_sufficient": bool(n_needed is not None and min(n1, n0) >= n_needed),
            }
        )
    return pd.DataFrame(rows)
