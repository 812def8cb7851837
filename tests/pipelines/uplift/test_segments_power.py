"""Per-segment effects, heterogeneity tests and power."""

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_effectsize

from ambassadeurs_pipeline.pipelines.uplift.power import power_analysis
from ambassadeurs_pipeline.pipelines.uplift.segments import (
    cochran_q,
    heterogeneity_tests,
    segment_effects,
)
from evaluation.uplift_simulation import simulate_campaign


def _units(sim):
    f = sim.frame
    return pd.DataFrame(
        {"arm": f["arm"], "outcome": f["converted"].astype(float), "segment": f["segment"]}
    )


def test_segment_signs_and_sleeping_dogs():
    effects = {"controle": {"A": 0, "B": 0, "C": 0}, "msg": {"A": 0.12, "B": 0.0, "C": -0.12}}
    sim = simulate_campaign(
        6000, base_rates={"A": 0.2, "B": 0.2, "C": 0.3}, effects=effects, seed=4
    )
    table = segment_effects(_units(sim), "controle", True, 0.05, 20).set_index("segment")
    assert table.loc["A", "difference_low"] > 0
    assert table.loc["C", "harm"] == "demontre" and table.loc["A", "harm"] == "non"
    assert table.loc["A", "ci_level"] == pytest.approx(1 - 0.05 / 3)
    het = heterogeneity_tests(_units(sim), "controle", True, 20)[0]
    assert het["cochran"]["p_value"] < 1e-6 and het["interaction_lr"]["p_value"] < 1e-6


def test_cochran_q_by_hand():
    res = cochran_q(np.array([0.0, 0.2]), np.array([0.01, 0.01]))
    # pooled 0.1; Q = 100 * (0.01 + 0.01) = 2, df 1
    assert res["q"] == pytest.approx(2.0) and res["df"] == 1 and res["i2"] == pytest.approx(0.5)


def test_power_matches_statsmodels():
    units = pd.DataFrame(
        {"arm": ["controle"] * 1000 + ["a"] * 1000, "outcome": ([1.0] * 100 + [0.0] * 900) * 2}
    )
    row = power_analysis(units, "controle", True, 0.05, 0.8, 0.28).iloc[0]
    expected = NormalIndPower().solve_power(
        proportion_effectsize(0.128, 0.10), alpha=0.05, power=0.8
    )
    assert row["n_per_arm_needed"] == int(np.ceil(expected))
    # Cohen's h gives ~2 016 per arm for 10 % → 12.8 % (the pooled-variance formula, ~1 920)
    assert 1900 < row["n_per_arm_needed"] < 2100
    assert not row["sample_sufficient"]
    # MDE at n=1000/arm: the effect detected with exactly 80 % power
    h = proportion_effectsize(0.10 + row["mde_absolute"], 0.10)
    assert NormalIndPower().power(h, nobs1=1000, alpha=0.05) == pytest.approx(0.8, abs=1e-5)
