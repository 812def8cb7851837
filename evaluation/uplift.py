"""Does the uplift pipeline recover the demo campaign's known effects?

    python -m evaluation.uplift --demo-dir data/01_raw

Reads ``campaign.csv`` and ``ground_truth/{campaign_effects,authors}.csv`` (columns ``arm,
motivation, true_rate`` and ``author, motivation``). The true effect of an arm is the mean,
over the campaign's units, of ``true_rate[arm, motivation] - true_rate[control, motivation]``
(the sample average effect the estimator targets). Each arm's estimate vs control, and each
(arm, motivation) segment estimate, is compared with its truth; exit code 1 when an arm's
95 % CI misses its true effect. ``--simulate`` runs the same check on a simulated campaign.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import pandas as pd

from ambassadeurs_pipeline.pipelines.uplift.effects import estimate_effects
from ambassadeurs_pipeline.pipelines.uplift.params import UpliftParams
from ambassadeurs_pipeline.pipelines.uplift.segments import segment_effects
from evaluation.uplift_simulation import simulate_campaign

logger = logging.getLogger(__name__)


def recovery_table(campaign: pd.DataFrame, truth: pd.DataFrame, params: UpliftParams) -> dict:
    """Estimates vs truths, per arm and per (arm, segment). ``campaign`` columns: ``arm,
    outcome, segment``; ``truth`` columns: ``arm, segment, true_rate``."""
    control = params.control_arm
    rates = truth.set_index(["arm", "segment"])["true_rate"]
    units = campaign[["arm", "outcome", "segment"]].copy()
    effects = estimate_effects(units, control, params.focus_arm, True, params.alpha)
    rows = []
    for _, e in effects[effects["vs_control"]].iterrows():
        segs = units["segment"]
        true = float(
            (
                rates.reindex(list(zip([e["treatment"]] * len(segs), segs))).to_numpy()
                - rates.reindex(list(zip([control] * len(segs), segs))).to_numpy()
            ).mean()
        )
        rows.append(
            {
                "arm": e["treatment"],
                "true_effect": true,
                "estimate": e["difference"],
                "low": e["difference_low"],
                "high": e["difference_high"],
                "covered": bool(e["difference_low"] <= true <= e["difference_high"]),
            }
        )
    seg_table = segment_effects(units, control, True, params.alpha, params.min_units_per_cell)
    seg_rows = []
    for _, s in seg_table[seg_table["estimable"].astype(bool)].iterrows():
        true = float(rates[(s["treatment"], s["segment"])] - rates[(control, s["segment"])])
        seg_rows.append(
            {
                "arm": s["treatment"],
                "segment": s["segment"],
                "true_effect": true,
                "estimate": s["difference"],
                "low": s["difference_low"],
                "high": s["difference_high"],
                "covered": bool(s["difference_low"] <= true <= s["difference_high"]),
                "sign_ok": bool(abs(true) < 0.02 or (true > 0) == (s["difference"] > 0)),
            }
        )
    return {"arms": rows, "segments": seg_rows}


def _demo(demo_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    campaign = pd.read_csv(demo_dir / "campaign.csv")
    effects = pd.read_csv(demo_dir / "ground_truth" / "campaign_effects.csv")
    authors = pd.read_csv(demo_dir / "ground_truth" / "authors.csv")[["author", "motivation"]]
    campaign = campaign.merge(authors, on="author", how="left", validate="one_to_one")
    if campaign["motivation"].isna().any():
        raise ValueError(
            f"{int(campaign['motivation'].isna().sum())} campaign units have no motivation in authors.csv"
        )
    out = campaign.rename(columns={"converted": "outcome", "motivation": "segment"})
    return out, effects.rename(columns={"motivation": "segment"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo-dir", type=Path, default=Path("data/01_raw"))
    parser.add_argument("--simulate", action="store_true", help="use a simulated campaign instead")
    parser.add_argument("--seed", type=int, default=7, help="seed of the simulated campaign")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    params = UpliftParams()
    if args.simulate:
        sim = simulate_campaign(6000, seed=args.seed)
        campaign = sim.frame.rename(columns={"converted": "outcome"})
        base = {"Aidant": 0.10, "Patient_expert": 0.14, "Curieux": 0.06}
        from evaluation.uplift_simulation import DEFAULT_EFFECTS

        truth = pd.DataFrame(
            [
                {"arm": a, "segment": s, "true_rate": base[s] + DEFAULT_EFFECTS[a][s]}
                for a in DEFAULT_EFFECTS
                for s in base
            ]
        )
    else:
        if not (args.demo_dir / "campaign.csv").exists():
            logger.error(
                "No demo campaign at %s/campaign.csv (run python -m ambassadeurs_pipeline.demo "
                "first, or use --simulate).",
                args.demo_dir,
            )
            return 2
        campaign, truth = _demo(args.demo_dir)
    table = recovery_table(campaign, truth, params)
    sys.stdout.write(json.dumps(table, indent=2, ensure_ascii=False) + "\n")
    arms_ok = all(r["covered"] for r in table["arms"])
    seg_cov = sum(r["covered"] for r in table["segments"])
    logger.info(
        "arms: %d/%d true effects inside their 95 %% CI; segments: %d/%d inside their "
        "adjusted CI, signs right where |effect| >= 2 pts: %s",
        sum(r["covered"] for r in table["arms"]),
        len(table["arms"]),
        seg_cov,
        len(table["segments"]),
        all(r["sign_ok"] for r in table["segments"]),
    )
    return 0 if arms_ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
