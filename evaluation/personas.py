"""Evaluate the personas outputs of a run against the demo corpus's ground truth.

    python -m evaluation.personas --demo-dir data/01_raw --run-dir data

Ground-truth authors are raw handles; they are pseudonymised with the salt the demo run used
(``DEMO_SALT`` unless ``--salt`` is given) to join them to the outputs. The latest version of
each output is read. Prints a JSON summary (and writes it with ``--out``).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.pipelines.personas.clustering import UNCLASSIFIED_ID
from ambassadeurs_pipeline.privacy.pseudonyms import DEMO_SALT, pseudonymise_series
from evaluation.persona_metrics import (
    confusion,
    motivation_macro_f1,
    nan_to_none,
    persona_ari,
    recall_at_k,
    role_accuracy,
)

logger = logging.getLogger(__name__)

OUTPUTS = {
    "author_features": "04_feature/author_features.parquet",
    "author_personas": "07_model_output/author_personas.parquet",
    "ambassador_candidates": "07_model_output/ambassador_candidates.parquet",
}
TARGETS = {
    "role_accuracy": 0.85,
    "motivation_macro_f1": 0.75,
    "persona_motivation_ari": 0.5,
    "superuser_recall_top50": 0.8,
}


def latest(run_dir: Path, relative: str) -> Path:
    """Latest Kedro version of a versioned dataset (or the plain file when not versioned)."""
    path = run_dir / relative
    if path.is_dir():
        versions = sorted(p for p in path.iterdir() if p.is_dir())
        if not versions:
            raise FileNotFoundError(f"no version of {path}")
        return versions[-1] / path.name
    return path


def evaluate(
    demo_dir: Path, run_dir: Path, salt: str = DEMO_SALT, top_k: int = 50
) -> dict[str, Any]:
    truth = pd.read_csv(demo_dir / "ground_truth" / "authors.csv")
    truth["author_id"] = pseudonymise_series(truth["author"].astype("string"), salt)
    frames = {name: pd.read_parquet(latest(run_dir, rel)) for name, rel in OUTPUTS.items()}
    feats = frames["author_features"].merge(
        truth, on="author_id", how="inner", suffixes=("", "_true")
    )
    personas = frames["author_personas"].merge(truth, on="author_id", how="inner")
    ranked = frames["ambassador_candidates"].sort_values("rank")["author_id"].tolist()
    humans = truth[~truth["is_bot"].astype(bool)]

    disclosed = feats[feats["discloses_role"].astype(bool)]
    clustered = personas[personas["persona_id"] != UNCLASSIFIED_ID]
    clustered_feats = feats[feats["author_id"].isin(clustered["author_id"])]
    superusers = set(humans.loc[humans["is_superuser"].astype(bool), "author_id"])
    result = {
        "authors_in_truth": int(len(truth)),
        "authors_in_features": int(len(frames["author_features"])),
        "authors_joined": int(len(feats)),
        "role_accuracy": nan_to_none(role_accuracy(disclosed["role"], disclosed["role_true"])),
        "role_n_disclosing": int(len(disclosed)),
        "role_confusion": confusion(disclosed["role"], disclosed["role_true"]),
        "motivation_macro_f1": nan_to_none(
            motivation_macro_f1(clustered_feats["motivation"], clustered_feats["motivation_true"])
        ),
        "motivation_macro_f1_all_authors": nan_to_none(
            motivation_macro_f1(feats["motivation"], feats["motivation_true"])
        ),
        "motivation_n_clustered": int(len(clustered_feats)),
        "motivation_confusion": confusion(
            clustered_feats["motivation"], clustered_feats["motivation_true"]
        ),
        "persona_motivation_ari": nan_to_none(
            persona_ari(clustered["persona_id"], clustered["motivation"])
        ),
        "persona_role_ari": nan_to_none(persona_ari(clustered["persona_id"], clustered["role"])),
        "persona_by_motivation": confusion(clustered["persona_name"], clustered["motivation"]),
        "superuser_recall_top50": nan_to_none(recall_at_k(ranked, superusers, top_k)),
        "n_superusers": len(superusers),
        "bots_in_candidates": int(
            len(set(ranked) & set(truth.loc[truth["is_bot"].astype(bool), "author_id"]))
        ),
    }
    result["targets"] = TARGETS
    result["meets_targets"] = {
        k: (result[k] is not None and result[k] >= v) for k, v in TARGETS.items()
    }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo-dir", type=Path, default=Path("data/01_raw"))
    parser.add_argument("--run-dir", type=Path, default=Path("data"))
    parser.add_argument("--salt", default=DEMO_SALT)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    result = evaluate(args.demo_dir, args.run_dir, args.salt)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
