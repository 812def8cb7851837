"""Average effects: hand-computed values, agreement with statsmodels, CI coverage study."""

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from ambassadeurs_pipeline.pipelines.uplift.effects import (
    compare_binary,
    comparison_pairs,
    estimate_effects,
    newcombe_diff_interval,
    ratio_interval,
    wilson_interval,
)


def test_wilson_matches_statsmodels():
    lo, hi = wilson_interval(np.array([0, 3, 50]), np.array([10, 40, 100]))
    for i, (x, n) in enumerate([(0, 10), (3, 40), (50, 100)]):
        ref = proportion_confint(x, n, method="wilson")
        assert lo[i] == pytest.approx(ref[0], abs=1e-12) and hi[i] == pytest.approx(
            ref[1], abs=1e-12
        )


@pytest.mark.parametrize("x1,n1,x0,n0", [(30, 200, 20, 200), (5, 50, 0, 60), (120, 1000, 90, 800)])
def test_newcombe_and_ratio_match_statsmodels(x1, n1, x0, n0):
    lo, hi = newcombe_diff_interval(x1, n1, x0, n0)
    ref = confint_proportions_2indep(x1, n1, x0, n0, method="newcomb", compare="diff")
    assert (lo, hi) == pytest.approx(ref, abs=1e-12)
    if x0 > 0:
        _, rlo, rhi = ratio_interval(x1, n1, x0, n0)
        rref = confint_proportions_2indep(x1, n1, x0, n0, method="log", compare="ratio")
        assert (rlo, rhi) == pytest.approx(rref, abs=1e-10)


def test_hand_computed_comparison():
    # 30/200 = 15 % vs 20/200 = 10 %: +5 points, +50 % relative.
    r = compare_binary(30, 200, 20, 200)
    assert r["difference"] == pytest.approx(0.05)
    assert r["relative_uplift"] == pytest.approx(0.5)
    assert r["difference_low"] < 0.05 < r["difference_high"]
    assert r["difference_low"] < 0  # 5 points on 200 per arm is not significant
    assert 0.1 < r["p_value"] < 0.2


def test_pairs_and_holm():
    assert comparison_pairs(
        ["controle", "a", "message_persona"], "controle", "message_persona"
    ) == [("a", "controle"), ("message_persona", "controle"), ("message_persona", "a")]
    units = pd.DataFrame(
        {
            "arm": ["controle"] * 100 + ["a"] * 100 + ["b"] * 100,
            "outcome": [1.0] * 10 + [0.0] * 90 + [1.0] * 30 + [0.0] * 70 + [1.0] * 12 + [0.0] * 88,
        }
    )
    table = estimate_effects(units, "controle", "b", binary=True, alpha=0.05)
    assert list(zip(table["treatment"], table["reference"])) == [
        ("a", "controle"),
        ("b", "controle"),
        ("b", "a"),
    ]
    assert (table["p_value_holm"] >= table["p_value"]).all()
    assert table.loc[0, "significant"] and not table.loc[1, "significant"]


@pytest.mark.parametrize("p0,p1,n", [(0.10, 0.128, 400), (0.05, 0.05, 300), (0.2, 0.3, 150)])
def test_ate_ci_coverage(p0, p1, n):
    """Newcombe 95 % CIs cover the true difference in 93-97 % of 2000 simulated campaigns."""
    rng = np.random.default_rng(7)
    reps = 2000
    x1, x0 = rng.binomial(n, p1, reps), rng.binomial(n, p0, reps)
    lo, hi = newcombe_diff_interval(x1, n, x0, n)
    coverage = np.mean((lo <= p1 - p0) & (p1 - p0 <= hi))
    assert 0.93 <= coverage <= 0.97, coverage
    _, rlo, rhi = ratio_interval(x1, n, x0, n)
    rel_cov = np.mean((rlo <= p1 / p0) & (p1 / p0 <= rhi))
    assert 0.93 <= rel_cov <= 0.975, rel_cov
