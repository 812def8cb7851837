"""Whom to target: a cross-fitted T-learner and the Qini/AUUC metrics with bootstrap CIs.

Why a small learner written here: causalml does not install cleanly on this stack (it pulls
xgboost with CUDA wheels), and sklift's ``TwoModels`` fits and predicts on the same rows.
Scores used to evaluate a targeting model must be out of fold, otherwise the Qini curve
rewards overfitting; the cross-fitting loop below is all a T-learner needs.

Metric definitions are those of ``sklift.metrics`` 0.5.1 (the reference implementation),
re-implemented with unit weights so that the bootstrap reuses one sort instead of sorting
every replicate (multinomial weights = resampling units with replacement). With unit
weights equal to 1 the values agree with sklift to 1e-9 (``tests/.../test_targeting.py``):

* Qini curve: Q(k) = Y_t(k) - Y_c(k) * N_t(k) / N_c(k) over the k best-scored units,
  evaluated at each distinct score (ties scored together), starting at (0, 0).
* Uplift curve: (Y_t(k)/N_t(k) - Y_c(k)/N_c(k)) * k.
* Random targeting: the straight line from (0, 0) to the curve's end point.
* Qini coefficient (= ``qini_auc_score``, negative_effect=True) and AUUC (=
  ``uplift_auc_score``): area between the model's curve and the random line, divided by the
  same area for the perfect ordering. 0 = random, 1 = perfect, < 0 = worse than random.
* uplift@k (= ``uplift_at_k(strategy="overall")``): treated minus control rate among the
  int(k * n) best-scored units.
* gain share@k (ours, not in sklift): Q(k n) / Q(n), the share of all the extra conversions
  obtained by targeting only the top k; random targeting gives k.

"Does the model beat random targeting?" is answered by the 95 % bootstrap CI of the Qini
coefficient: "oui" only when its lower bound is above 0. Bootstrapping units with the
out-of-fold scores held fixed ignores the refit variability, but cross-fitting under no
heterogeneity is, if anything, slightly pessimistic, so the test does not over-claim (see
the simulation test and ``benchmarks/bench_uplift_simulation.py``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from ambassadeurs_pipeline.progress import progress

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------------------------
# Learners (registry keyed by ``uplift.learner``)
# ---------------------------------------------------------------------------------------------


def make_learner(name: str, binary: bool, random_state: int):
    """Base estimator of the T-learner: ``logistic`` (default; stable on small campaigns) or
    ``gradient_boosting`` (non-linear; needs more data not to overfit)."""
    if name == "logistic":
        if binary:
            return make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=1000))
        return make_pipeline(StandardScaler(), Ridge(alpha=1.0))
    if name == "gradient_boosting":
        cls = HistGradientBoostingClassifier if binary else HistGradientBoostingRegressor
        return cls(
            max_iter=100,
            learning_rate=0.05,
            max_leaf_nodes=15,
            min_samples_leaf=50,
            random_state=random_state,
        )
    raise ValueError(f"uplift.learner: unknown learner {name!r} (logistic, gradient_boosting)")


class _Constant:
    def __init__(self, value: float) -> None:
        self.value = value

    def predict(self, X: np.ndarray) -> np.ndarray:
        return np.full(len(X), self.value)


class CrossFittedTLearner:
    """T-learner whose every score is out of fold.

    ``fit_predict(X, y, t)`` splits the units into ``n_folds`` folds stratified on (t, y);
    for each fold, one model of the outcome is fitted on the treated and one on the controls
    of the other folds, and the fold's uplift is the difference of their predictions.
    """

    def __init__(
        self,
        learner: str = "logistic",
        n_folds: int = 5,
        binary: bool = True,
        random_state: int = 0,
    ) -> None:
        self.learner = learner
        self.n_folds = n_folds
        self.binary = binary
        self.random_state = random_state

    def _fit_arm(self, X: np.ndarray, y: np.ndarray):
        if len(np.unique(y)) < 2:  # no variation in this arm's training rows
            return _Constant(float(y.mean()) if len(y) else 0.0)
        return clone(make_learner(self.learner, self.binary, self.random_state)).fit(X, y)

    def _predict(self, model, X: np.ndarray) -> np.ndarray:
        if self.binary and hasattr(model, "predict_proba"):
            return model.predict_proba(X)[:, 1]
        return model.predict(X)

    def fit_predict(self, X: np.ndarray, y: np.ndarray, t: np.ndarray) -> np.ndarray:
        strata = t.astype(int) * 2 + (y > np.median(y) if not self.binary else y).astype(int)
        n_folds = max(2, min(self.n_folds, int(np.bincount(strata).min())))
        folds = StratifiedKFold(n_splits=n_folds, shuffle=True, random_state=self.random_state)
        scores = np.zeros(len(y))
        for train, test in folds.split(X, strata):
            tr_t, tr_c = train[t[train] == 1], train[t[train] == 0]
            m_t, m_c = self._fit_arm(X[tr_t], y[tr_t]), self._fit_arm(X[tr_c], y[tr_c])
            scores[test] = self._predict(m_t, X[test]) - self._predict(m_c, X[test])
        self.n_folds_ = n_folds
        return scores


# ---------------------------------------------------------------------------------------------
# Curves and metrics (weights: shape (n,) or (B, n))
# ---------------------------------------------------------------------------------------------


def _order(score: np.ndarray) -> np.ndarray:
    # Same order as sklift: stable ascending sort, reversed.
    return np.argsort(score, kind="mergesort")[::-1]


@dataclass
class _Sorted:
    y: np.ndarray
    t: np.ndarray
    order: np.ndarray
    thresholds: np.ndarray


def _prepare(y: np.ndarray, t: np.ndarray, score: np.ndarray) -> _Sorted:
    order = _order(score)
    s = score[order]
    thresholds = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    return _Sorted(y[order].astype(float), t[order].astype(float), order, thresholds)


def _cumulative(p: _Sorted, w: np.ndarray):
    ws = w[..., p.order]
    n_all = np.cumsum(ws, axis=-1)[..., p.thresholds]
    n_t = np.cumsum(ws * p.t, axis=-1)[..., p.thresholds]
    y_t = np.cumsum(ws * p.y * p.t, axis=-1)[..., p.thresholds]
    y_c = np.cumsum(ws * p.y * (1 - p.t), axis=-1)[..., p.thresholds]
    return n_all, n_t, n_all - n_t, y_t, y_c


def _with_origin(x: np.ndarray, v: np.ndarray):
    zeros = np.zeros(x.shape[:-1] + (1,))
    return np.concatenate([zeros, x], axis=-1), np.concatenate([zeros, v], axis=-1)


def _safe_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.divide(a, b, out=np.zeros_like(a, dtype=float), where=b != 0)


def _qini_from(p: _Sorted, w: np.ndarray):
    n_all, n_t, n_c, y_t, y_c = _cumulative(p, w)
    return _with_origin(n_all, y_t - y_c * _safe_div(n_t, n_c))


def _uplift_from(p: _Sorted, w: np.ndarray):
    n_all, n_t, n_c, y_t, y_c = _cumulative(p, w)
    return _with_origin(n_all, (_safe_div(y_t, n_t) - _safe_div(y_c, n_c)) * n_all)


def _area(x: np.ndarray, v: np.ndarray) -> np.ndarray:
    return np.sum(np.diff(x, axis=-1) * (v[..., 1:] + v[..., :-1]) / 2, axis=-1)


def _normalised_area(x, v, x_perfect, v_perfect) -> np.ndarray:
    baseline = x_perfect[..., -1] * v_perfect[..., -1] / 2
    return (_area(x, v) - baseline) / (_area(x_perfect, v_perfect) - baseline)


def qini_curve(y, uplift, treatment, weights=None):
    """Qini curve (x = units targeted, y = incremental outcomes), as ``sklift.metrics.qini_curve``."""
    y, t, s = (np.asarray(v, float) for v in (y, treatment, uplift))
    w = np.ones(len(y)) if weights is None else np.asarray(weights, float)
    return _qini_from(_prepare(y, t, s), w)


def uplift_curve(y, uplift, treatment, weights=None):
    """Uplift curve, as ``sklift.metrics.uplift_curve``."""
    y, t, s = (np.asarray(v, float) for v in (y, treatment, uplift))
    w = np.ones(len(y)) if weights is None else np.asarray(weights, float)
    return _uplift_from(_prepare(y, t, s), w)


class UpliftMetrics:
    """All targeting metrics of one scored campaign, for one or many weight vectors.

    Sorting by the model score and by the two "perfect" scores happens once, here.
    """

    def __init__(self, y, uplift, treatment) -> None:
        self.y, self.t, self.s = (np.asarray(v, float) for v in (y, treatment, uplift))
        self.n = len(self.y)
        self._model = _prepare(self.y, self.t, self.s)
        self._perfect_qini = _prepare(self.y, self.t, self.y * self.t - self.y * (1 - self.t))
        eq = 2.0 * (self.y == self.t)
        self._perfect_uplift_y = _prepare(self.y, self.t, eq + self.y)
        self._perfect_uplift_t = _prepare(self.y, self.t, eq + self.t)

    def qini_coefficient(self, w: np.ndarray) -> np.ndarray:
        """= ``sklift.metrics.qini_auc_score(..., negative_effect=True)``."""
        x, v = _qini_from(self._model, w)
        xp, vp = _qini_from(self._perfect_qini, w)
        return _normalised_area(x, v, xp, vp)

    def auuc(self, w: np.ndarray) -> np.ndarray:
        """= ``sklift.metrics.uplift_auc_score``."""
        x, v = _uplift_from(self._model, w)
        # sklift's perfect ordering depends on control responders vs treated non-responders.
        cr = np.sum(w * ((self.y == 1) & (self.t == 0)), axis=-1)
        tn = np.sum(w * ((self.y == 0) & (self.t == 1)), axis=-1)
        xy, vy = _uplift_from(self._perfect_uplift_y, w)
        xt, vt = _uplift_from(self._perfect_uplift_t, w)
        use_y = (cr > tn)[..., None] if np.ndim(cr) else cr > tn
        xp, vp = np.where(use_y, xy, xt), np.where(use_y, vy, vt)
        return _normalised_area(x, v, xp, vp)

    def uplift_at_k(self, w: np.ndarray, k: float) -> np.ndarray:
        """= ``sklift.metrics.uplift_at_k(strategy="overall")``: top int(k * n) units."""
        n_size = int(self.n * k)
        ws = w[..., self._model.order]
        before = np.cumsum(ws, axis=-1) - ws
        inside = np.clip(n_size - before, 0, ws)
        y, t = self._model.y, self._model.t
        rate_t = np.sum(inside * y * t, axis=-1) / np.sum(inside * t, axis=-1)
        rate_c = np.sum(inside * y * (1 - t), axis=-1) / np.sum(inside * (1 - t), axis=-1)
        return rate_t - rate_c

    def gain_share_at_k(self, w: np.ndarray, k: float) -> np.ndarray:
        """Q(k n) / Q(n): share of all incremental outcomes captured in the top k (random: k)."""
        x, v = _qini_from(self._model, w)
        x2, v2 = np.atleast_2d(x), np.atleast_2d(v)
        at_k = np.array([np.interp(k * xi[-1], xi, vi) for xi, vi in zip(x2, v2)])
        share = _safe_div(at_k, v2[:, -1])
        return share if np.ndim(x) > 1 else share[0]


def bootstrap_weights(n: int, n_boot: int, rng: np.random.Generator, chunk: int = 25):
    """Yield multinomial resampling weights in chunks of shape (<= chunk, n)."""
    done = 0
    with progress(total=n_boot, desc="campagne: bootstrap", unit="tirage", min_total=100) as bar:
        while done < n_boot:
            size = min(chunk, n_boot - done)
            yield rng.multinomial(n, np.full(n, 1.0 / n), size=size).astype(float)
            done += size
            bar.update(size)


def evaluate_scores(
    y: np.ndarray,
    t: np.ndarray,
    score: np.ndarray,
    top_k: list[float],
    n_boot: int,
    alpha: float,
    rng: np.random.Generator,
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Metrics with percentile bootstrap CIs and their random-targeting value.

    Returns a long table (``metric, k, value, low, high, random_baseline``) and a summary
    with ``beats_random`` (lower CI bound of the Qini coefficient > 0).
    """
    m = UpliftMetrics(y, score, t)
    ones = np.ones(len(y))
    ate = float(y[t == 1].mean() - y[t == 0].mean())
    specs = [("qini_coefficient", None, m.qini_coefficient, 0.0), ("auuc", None, m.auuc, 0.0)]
    for k in top_k:
        specs.append(("uplift_at_k", k, lambda w, k=k: m.uplift_at_k(w, k), ate))
        specs.append(("gain_share_at_k", k, lambda w, k=k: m.gain_share_at_k(w, k), k))
    boots = {i: [] for i in range(len(specs))}
    for w in bootstrap_weights(len(y), n_boot, rng):
        with np.errstate(divide="ignore", invalid="ignore"):
            for i, (_, _, fn, _) in enumerate(specs):
                boots[i].append(np.atleast_1d(fn(w)))
    rows = []
    for i, (name, k, fn, baseline) in enumerate(specs):
        b = np.concatenate(boots[i])
        b = b[np.isfinite(b)]
        with np.errstate(divide="ignore", invalid="ignore"):
            value = float(fn(ones))
        low, high = np.quantile(b, [alpha / 2, 1 - alpha / 2]) if len(b) else (np.nan, np.nan)
        rows.append(
            {
                "metric": name,
                "k": k,
                "value": value,
                "low": float(low),
                "high": float(high),
                "random_baseline": baseline,
            }
        )
    table = pd.DataFrame(rows)
    qini = table[table["metric"] == "qini_coefficient"].iloc[0]
    b_qini = np.concatenate(boots[0])
    summary = {
        "qini_coefficient": float(qini["value"]),
        "qini_low": float(qini["low"]),
        "qini_high": float(qini["high"]),
        "share_bootstrap_qini_le_0": float(np.mean(b_qini <= 0)),
        "beats_random": bool(qini["low"] > 0),
    }
    return table, summary


def curve_points(
    y: np.ndarray, t: np.ndarray, score: np.ndarray, n_points: int = 101
) -> pd.DataFrame:
    """Qini and uplift curves on a grid of targeted fractions, with the random lines."""
    grid = np.linspace(0, 1, n_points)
    xq, vq = qini_curve(y, score, t)
    xu, vu = uplift_curve(y, score, t)
    n = len(y)
    return pd.DataFrame(
        {
            "fraction_targeted": grid,
            "qini_model": np.interp(grid * n, xq, vq),
            "qini_random": grid * vq[-1],
            "uplift_model": np.interp(grid * n, xu, vu),
            "uplift_random": grid * vu[-1],
        }
    )
