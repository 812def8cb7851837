"""Seeded simulator of campaign exports with known effects (tests, benchmarks, demo stand-in).

Each unit has a segment, a standardised covariate ``engagement`` and a noise covariate
``anciennete``. Its conversion probability in arm ``a`` is

    p = base_rate[segment] + effect[a][segment] * (1 + heterogeneity * engagement)

clipped to [0.001, 0.999], so the average effect in a segment is ``effect[a][segment]``
(up to clipping) and ``heterogeneity`` makes the effect predictable from ``engagement``:
the case where an uplift model can beat random targeting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

DEFAULT_SEGMENTS = {"Aidant": 0.10, "Patient_expert": 0.14, "Curieux": 0.06}
DEFAULT_EFFECTS = {
    "controle": {"Aidant": 0.0, "Patient_expert": 0.0, "Curieux": 0.0},
    "message_generique": {"Aidant": 0.02, "Patient_expert": 0.02, "Curieux": 0.0},
    "message_persona": {"Aidant": 0.08, "Patient_expert": 0.05, "Curieux": -0.03},
}


@dataclass
class SimulatedCampaign:
    frame: pd.DataFrame
    #: Sample average effect per arm vs control (mean over all units of p_a - p_control).
    ate: dict[str, float]
    #: Sample average effect per (arm, segment) vs control.
    cate: dict[tuple[str, str], float]


def simulate_campaign(
    n_units: int = 3000,
    base_rates: dict[str, float] | None = None,
    effects: dict[str, dict[str, float]] | None = None,
    heterogeneity: float = 0.0,
    allocation: dict[str, float] | None = None,
    seed: int = 0,
) -> SimulatedCampaign:
    """Simulate one campaign export (columns ``author, arm, converted, segment, engagement,
    anciennete``) and return it with the true effects."""
    rng = np.random.default_rng(seed)
    base_rates = base_rates or DEFAULT_SEGMENTS
    effects = effects or DEFAULT_EFFECTS
    arms = list(effects)
    segments = list(base_rates)
    shares = np.array([allocation.get(a, 0.0) for a in arms]) if allocation else np.ones(len(arms))
    arm = rng.choice(arms, size=n_units, p=shares / shares.sum())
    segment = rng.choice(segments, size=n_units)
    engagement = rng.standard_normal(n_units)
    base = np.array([base_rates[s] for s in segment])

    def rate(a: str) -> np.ndarray:
        eff = np.array([effects[a][s] for s in segment])
        return np.clip(base + eff * (1 + heterogeneity * engagement), 0.001, 0.999)

    rates = {a: rate(a) for a in arms}
    p = np.select([arm == a for a in arms], [rates[a] for a in arms])
    frame = pd.DataFrame(
        {
            "author": [f"membre_{i:06d}" for i in range(n_units)],
            "arm": arm,
            "converted": (rng.random(n_units) < p).astype(int),
            "segment": segment,
            "engagement": engagement.round(4),
            "anciennete": rng.integers(0, 60, n_units),
        }
    )
    control = arms[0]
    ate = {a: float(np.mean(rates[a] - rates[control])) for a in arms[1:]}
    cate = {
        (a, s): float(np.mean((rates[a] - rates[control])[segment == s]))
        for a in arms[1:]
        for s in segments
    }
    return SimulatedCampaign(frame=frame, ate=ate, cate=cate)
