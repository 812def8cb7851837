"""A 64,000-row, three-arm e-mail experiment shaped like Hillstrom's MineThatData export,
run through the uplift pipeline by the command line, unchanged.

    nice python benchmarks/bench_uplift_hillstrom_like.py [--rows 64000] [--outcome visit]

The real file is not downloadable here, so this simulates one with its column names and
roughly its rates (visit: 10.6 % without e-mail, 18.3 % men's e-mail, 15.1 % women's e-mail),
with effects that depend on ``mens``/``womens`` (past purchases) so that targeting is
possible. No unit id, no persona: ``uplift.columns.unit=null``. Reports the wall time and
the main numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
ARMS = ["No E-Mail", "Mens E-Mail", "Womens E-Mail"]


def simulate(rows: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    mens = rng.integers(0, 2, rows)
    womens = np.where(mens == 1, rng.integers(0, 2, rows), 1)
    history = np.round(rng.gamma(1.2, 200, rows) + 30, 2)
    recency = rng.integers(1, 13, rows)
    arm = rng.choice(ARMS, rows)
    base = 0.13 - 0.004 * recency + 0.00003 * history
    effect = np.select(
        [arm == "Mens E-Mail", arm == "Womens E-Mail"],
        [0.03 + 0.07 * mens, 0.015 + 0.05 * womens - 0.01 * mens],
        0.0,
    )
    p_visit = np.clip(base + effect, 0.005, 0.95)
    visit = (rng.random(rows) < p_visit).astype(int)
    conversion = visit * (rng.random(rows) < 0.07 + 0.03 * (arm != "No E-Mail")).astype(int)
    return pd.DataFrame(
        {
            "recency": recency,
            "history_segment": pd.cut(
                history,
                [0, 100, 200, 350, 500, 750, 1000, np.inf],
                labels=[
                    "1) $0 - $100",
                    "2) $100 - $200",
                    "3) $200 - $350",
                    "4) $350 - $500",
                    "5) $500 - $750",
                    "6) $750 - $1,000",
                    "7) $1,000 +",
                ],
            ).astype(str),
            "history": history,
            "mens": mens,
            "womens": womens,
            "zip_code": rng.choice(["Surburban", "Rural", "Urban"], rows, p=[0.45, 0.15, 0.4]),
            "newbie": rng.integers(0, 2, rows),
            "channel": rng.choice(["Web", "Phone", "Multichannel"], rows, p=[0.44, 0.44, 0.12]),
            "segment": arm,
            "visit": visit,
            "conversion": conversion,
            "spend": np.round(conversion * rng.gamma(2, 60, rows), 2),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=64000)
    parser.add_argument("--outcome", default="visit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hillstrom_like.csv"
        simulate(args.rows).to_csv(path, index=False)
        params = ",".join(
            [
                f"campaign_path={path}",
                "uplift.columns.unit=null",
                "uplift.columns.arm=segment",
                f"uplift.columns.outcome={args.outcome}",
                "uplift.control_arm=No E-Mail",
                "uplift.covariates=recency;history;mens;womens;newbie;channel;zip_code",
                "uplift.n_bootstrap=300",
                "uplift.n_folds=5",  # base values, not conf/test's
            ]
        )
        # --env test: its published test salt. The salt hook does not see `comments_path`
        # (it reads None), so outside the test env every CLI run needs conf/local credentials.
        cmd = ["kedro", "run", "--env", "test", "--pipelines=uplift", "--params", params]
        env = {**os.environ, "KEDRO_DISABLE_TELEMETRY": "1"}
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    if done.returncode:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(done.returncode)
    results_dir = ROOT / "data/08_reporting/uplift/uplift_results.json"
    latest = sorted(results_dir.iterdir())[-1] / "uplift_results.json"
    results = json.loads(latest.read_text())
    verdict_dir = ROOT / "data/08_reporting/uplift/uplift_verdict.md"
    verdict = (sorted(verdict_dir.iterdir())[-1] / "uplift_verdict.md").read_text()
    sys.stdout.write(f"rows {args.rows}, outcome {args.outcome}: kedro run took {elapsed:.1f} s\n")
    for e in results["effects"]:
        sys.stdout.write(
            f"  {e['treatment']} vs {e['reference']}: {e['difference']:+.4f} "
            f"[{e['difference_low']:+.4f}, {e['difference_high']:+.4f}] p_holm={e['p_value_holm']:.2g}\n"
        )
    for m in results["targeting"]["models"]:
        sys.stdout.write(
            f"  model {m['model']}: Qini {m['qini_coefficient']:.3f} "
            f"[{m['qini_low']:.3f}, {m['qini_high']:.3f}] beats random: {m['beats_random']}\n"
        )
    sys.stdout.write(verdict)


if __name__ == "__main__":
    main()
