"""Simulation study of the uplift estimators (the larger version of the test-suite checks).

    nice python benchmarks/bench_uplift_simulation.py [--reps 2000] [--model-reps 40]

1. ATE CI coverage: Newcombe 95 % CIs (and the relative-uplift CIs) over ``--reps``
   simulated two-arm campaigns per scenario (vectorised: milliseconds per scenario).
2. Segment signs: share of replications where each large true segment effect (|effect| >=
   5 pts) gets the right sign, and where a harmful segment is flagged "demontre".
3. Targeting: share of replications where the cross-fitted T-learner "beats random" with
   heterogeneity (power) and without it (false claims; should be <= ~2.5 %).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.pipelines.uplift.effects import newcombe_diff_interval, ratio_interval
from ambassadeurs_pipeline.pipelines.uplift.segments import segment_effects
from ambassadeurs_pipeline.pipelines.uplift.targeting import CrossFittedTLearner, evaluate_scores

# The evaluation harness lives at the repository root, beside src/ (not in the wheel).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from evaluation.uplift_simulation import simulate_campaign  # noqa: E402

SCENARIOS = [
    (0.10, 0.128, 200),
    (0.10, 0.128, 2000),
    (0.05, 0.05, 500),
    (0.02, 0.03, 1000),
    (0.3, 0.2, 100),
]


def coverage(reps: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for p0, p1, n in SCENARIOS:
        x1, x0 = rng.binomial(n, p1, reps), rng.binomial(n, p0, reps)
        lo, hi = newcombe_diff_interval(x1, n, x0, n)
        _, rlo, rhi = ratio_interval(x1, n, x0, n)
        rows.append(
            {
                "p0": p0,
                "p1": p1,
                "n_per_arm": n,
                "reps": reps,
                "coverage_difference": np.mean((lo <= p1 - p0) & (p1 - p0 <= hi)),
                "coverage_ratio": np.mean((rlo <= p1 / p0) & (p1 / p0 <= rhi)),
            }
        )
    return pd.DataFrame(rows)


def segment_signs(reps: int) -> dict[str, float]:
    effects = {"controle": {"A": 0, "B": 0, "C": 0}, "msg": {"A": 0.08, "B": 0.0, "C": -0.06}}
    ok_a = ok_c = harm_c = false_harm_b = 0
    for r in range(reps):
        sim = simulate_campaign(
            4000, base_rates={"A": 0.15, "B": 0.15, "C": 0.2}, effects=effects, seed=1000 + r
        )
        units = sim.frame.rename(columns={"converted": "outcome"})[["arm", "outcome", "segment"]]
        t = segment_effects(units.astype({"outcome": float}), "controle", True, 0.05, 20).set_index(
            "segment"
        )
        ok_a += t.loc["A", "difference"] > 0
        ok_c += t.loc["C", "difference"] < 0
        harm_c += t.loc["C", "harm"] == "demontre"
        false_harm_b += t.loc["B", "harm"] == "demontre"
    return {
        "reps": reps,
        "sign_right_A(+8pts)": ok_a / reps,
        "sign_right_C(-6pts)": ok_c / reps,
        "harm_flagged_C": harm_c / reps,
        "harm_falsely_flagged_B(0pts)": false_harm_b / reps,
    }


def targeting(reps: int, heterogeneity: float) -> float:
    effects = {"controle": {"A": 0.0}, "traite": {"A": 0.05}}
    wins = 0
    for r in range(reps):
        sim = simulate_campaign(
            4000,
            base_rates={"A": 0.12},
            effects=effects,
            heterogeneity=heterogeneity,
            seed=5000 + r,
        )
        f = sim.frame
        X = f[["engagement", "anciennete"]].to_numpy(float)
        y, t = f["converted"].to_numpy(float), (f["arm"] == "traite").to_numpy(int)
        scores = CrossFittedTLearner("logistic", 5, True, r).fit_predict(X, y, t)
        _, s = evaluate_scores(y, t, scores, [0.2], 200, 0.05, np.random.default_rng(r))
        wins += s["beats_random"]
    return wins / reps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=2000)
    parser.add_argument("--segment-reps", type=int, default=200)
    parser.add_argument("--model-reps", type=int, default=40)
    args = parser.parse_args()
    start = time.perf_counter()
    pd.set_option("display.width", 140)
    print(coverage(args.reps, 2024).to_string(index=False))  # noqa: T201 (benchmark report)
    print(segment_signs(args.segment_reps))  # noqa: T201
    print(
        {
            "beats_random_with_heterogeneity": targeting(args.model_reps, 1.5),  # noqa: T201
            "beats_random_without_heterogeneity (false claims)": targeting(args.model_reps, 0.0),
            "reps": args.model_reps,
        }
    )
    print(f"total {time.perf_counter() - start:.1f} s")  # noqa: T201


if __name__ == "__main__":
    main()
