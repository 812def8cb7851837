"""Targeting metrics cross-checked against sklift 0.5.1, and the "beats random" test on
simulated campaigns with and without heterogeneity."""

import warnings

import numpy as np
import pytest
from sklift import metrics as sk

from ambassadeurs_pipeline.pipelines.uplift.targeting import (
    CrossFittedTLearner,
    UpliftMetrics,
    bootstrap_weights,
    evaluate_scores,
    qini_curve,
    uplift_curve,
)
from evaluation.uplift_simulation import simulate_campaign

warnings.filterwarnings("ignore", category=FutureWarning)  # sklift uses a deprecated sklearn helper


def _arrays(seed, n=1500, ties=False):
    rng = np.random.default_rng(seed)
    t = rng.integers(0, 2, n)
    score = rng.normal(size=n)
    y = (rng.random(n) < 0.1 + 0.1 * t * (score > 0)).astype(int)
    return y, t, np.round(score, 1) if ties else score


@pytest.mark.parametrize("seed,ties", [(0, False), (1, True), (2, True)])
def test_metrics_agree_with_sklift(seed, ties):
    y, t, s = _arrays(seed, ties=ties)
    m, w = UpliftMetrics(y, s, t), np.ones(len(y))
    assert m.qini_coefficient(w) == pytest.approx(sk.qini_auc_score(y, s, t), abs=1e-9)
    assert m.auuc(w) == pytest.approx(sk.uplift_auc_score(y, s, t), abs=1e-9)
    for k in (0.1, 0.2, 0.3):
        assert m.uplift_at_k(w, k) == pytest.approx(
            sk.uplift_at_k(y, s, t, strategy="overall", k=k), abs=1e-9
        )
    for ours, ref in (
        (qini_curve(y, s, t), sk.qini_curve(y, s, t)),
        (uplift_curve(y, s, t), sk.uplift_curve(y, s, t)),
    ):
        np.testing.assert_allclose(ours[0], ref[0], atol=1e-9)
        np.testing.assert_allclose(ours[1], ref[1], atol=1e-9)


def test_weighted_metric_equals_metric_on_resampled_rows():
    """A multinomial weight vector gives the same value as physically repeating the rows
    (the bootstrap relies on it). Scores without ties: row order inside a tie is the only
    thing that may differ."""
    y, t, s = _arrays(3, n=400)
    rng = np.random.default_rng(0)
    w = next(bootstrap_weights(len(y), 1, rng))[0]
    idx = np.repeat(np.arange(len(y)), w.astype(int))
    m = UpliftMetrics(y, s, t)
    assert m.qini_coefficient(w) == pytest.approx(
        sk.qini_auc_score(y[idx], s[idx], t[idx]), abs=1e-9
    )
    assert m.uplift_at_k(w, 0.2) == pytest.approx(
        sk.uplift_at_k(y[idx], s[idx], t[idx], "overall", 0.2), abs=1e-9
    )


def _model_verdict(heterogeneity, seed):
    effects = {"controle": {"A": 0.0}, "traite": {"A": 0.06}}
    sim = simulate_campaign(
        3000, base_rates={"A": 0.12}, effects=effects, heterogeneity=heterogeneity, seed=seed
    )
    f = sim.frame
    X = f[["engagement", "anciennete"]].to_numpy(float)
    y, t = f["converted"].to_numpy(float), (f["arm"] == "traite").to_numpy(int)
    scores = CrossFittedTLearner("logistic", 3, True, seed).fit_predict(X, y, t)
    _, summary = evaluate_scores(y, t, scores, [0.2], 100, 0.05, np.random.default_rng(seed))
    return summary


def test_model_beats_random_only_where_heterogeneity_exists():
    assert _model_verdict(heterogeneity=1.5, seed=1)["beats_random"]
    # constant effect: nothing to target; two seeds, neither may claim a gain
    assert not any(_model_verdict(heterogeneity=0.0, seed=s)["beats_random"] for s in (2, 3))
