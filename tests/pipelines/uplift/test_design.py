"""Design checks: SRM against scipy, SMD by hand."""

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from ambassadeurs_pipeline.pipelines.uplift.design import (
    sample_ratio_mismatch,
    standardised_mean_differences,
)


def test_srm_equal_allocation_matches_scipy():
    counts = {"controle": 1000, "a": 1100, "b": 900}
    res = sample_ratio_mismatch(counts, None, 0.001)
    ref = stats.chisquare([1000, 1100, 900])
    assert res["chi2"] == pytest.approx(ref.statistic) and res["p_value"] == pytest.approx(
        ref.pvalue
    )
    assert res["chi2"] == pytest.approx(20.0)  # (0 + 100² + 100²) / 1000
    # No plan: equal arms were only assumed, so unequal arms are reported, not a mismatch.
    assert res["assumed_equal"] and res["differs_from_assumed"] and not res["mismatch"]
    assert res["observed_share"]["a"] == pytest.approx(1100 / 3000)


def test_srm_planned_allocation():
    res = sample_ratio_mismatch({"controle": 500, "a": 1500}, {"controle": 1, "a": 3}, 0.001)
    assert res["chi2"] == pytest.approx(0.0) and not res["mismatch"]
    with pytest.raises(ValueError, match="planned_allocation"):
        sample_ratio_mismatch({"controle": 5, "b": 5}, {"controle": 1}, 0.001)


def test_smd_by_hand():
    units = pd.DataFrame({"arm": ["controle"] * 4 + ["a"] * 4, "x": [0, 0, 2, 2, 1, 1, 3, 3.0]})
    res = standardised_mean_differences(units, ["x"], "controle", 0.1)
    # means 1 vs 2, both sample variances 4/3 → SMD = 1 / sqrt(4/3)
    assert res.loc[0, "smd"] == pytest.approx(1 / np.sqrt(4 / 3))
    assert bool(res.loc[0, "imbalanced"])
