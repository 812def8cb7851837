"""Quality metrics of the personas stage against a ground truth (small, named, tested)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_rand_score, f1_score

from ambassadeurs_pipeline.pipelines.personas.motivations import MOTIVATIONS


def role_accuracy(predicted: pd.Series, truth: pd.Series) -> float:
    """Share of authors whose detected role equals the true one (``inconnu`` is wrong)."""
    if len(truth) == 0:
        return float("nan")
    return float((predicted.astype(str).to_numpy() == truth.astype(str).to_numpy()).mean())


def motivation_macro_f1(predicted: pd.Series, truth: pd.Series) -> float:
    """Macro-F1 over the four motivations (``indeterminee`` counts as a miss)."""
    return float(
        f1_score(
            truth.astype(str),
            predicted.astype(str),
            labels=list(MOTIVATIONS),
            average="macro",
            zero_division=0,
        )
    )


def persona_ari(personas: pd.Series, truth: pd.Series) -> float:
    return float(adjusted_rand_score(truth.astype(str), personas.astype(str)))


def recall_at_k(ranked_ids: list[str], positives: set[str], k: int) -> float:
    """Share of ``positives`` found among the first ``k`` ranked ids."""
    if not positives:
        return float("nan")
    return len(set(ranked_ids[:k]) & positives) / len(positives)


def confusion(predicted: pd.Series, truth: pd.Series) -> dict[str, dict[str, int]]:
    table = pd.crosstab(
        truth.astype(str).rename("truth"), predicted.astype(str).rename("predicted")
    )
    return {str(t): {str(p): int(v) for p, v in row.items() if v} for t, row in table.iterrows()}


def nan_to_none(x: float) -> float | None:
    """A metric for JSON: NaN (not measurable) as ``None``, else rounded to 4 decimals."""
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else round(x, 4)
