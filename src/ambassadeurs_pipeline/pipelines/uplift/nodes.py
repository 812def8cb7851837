"""Uplift nodes: thin, pure wrappers that wire the statistics modules to the catalog.

Every node accepts the "no campaign" case (``campaign_preparation["provided"] is False``) and
returns empty-but-valid outputs, so ``kedro run --pipelines=uplift`` never crashes for want
of a file and the verdict says "aucune campagne fournie".
"""

from __future__ import annotations

import logging
import math
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ambassadeurs_pipeline.status import OK, SKIPPED, note, stage_status

from . import figures

# Re-exported: the pipeline and the tests import every node from here.
from .campaign_units import UNIT_COLUMNS as UNIT_COLUMNS
from .campaign_units import prepare_campaign_units as prepare_campaign_units
from .design import sample_ratio_mismatch, standardised_mean_differences
from .effects import estimate_effects
from .hygiene import match_allocation
from .params import UpliftParams
from .power import power_analysis
from .segments import SEGMENT_COLUMNS, heterogeneity_tests, segment_effects
from .targeting import CrossFittedTLearner, curve_points, evaluate_scores
from .verdict import write_verdict

logger = logging.getLogger(__name__)

#: Columns of the effect and power tables, so that "no campaign" writes a readable empty CSV
#: (a CSV with no header cannot be loaded back).
EFFECT_COLUMNS = [
    "treatment",
    "reference",
    "vs_control",
    "n_treatment",
    "n_reference",
    "rate_treatment",
    "rate_reference",
    "difference",
    "difference_low",
    "difference_high",
    "relative_uplift",
    "relative_uplift_low",
    "relative_uplift_high",
    "p_value",
    "p_value_holm",
    "significant",
]
POWER_COLUMNS = [
    "treatment",
    "n_treatment",
    "n_control",
    "baseline",
    "mde_absolute",
    "mde_relative",
    "target_relative_uplift",
    "n_per_arm_needed",
    "sample_sufficient",
]


def _control(preparation: dict[str, Any], params: UpliftParams) -> str:
    """The control arm as spelled in the export (``prepare_campaign_units`` matched it)."""
    return preparation.get("control_arm") or params.control_arm


def check_campaign_design(
    campaign_units: pd.DataFrame, campaign_preparation: dict[str, Any], params: UpliftParams
) -> tuple[dict[str, Any], pd.DataFrame]:
    """SRM chi-square against ``planned_allocation`` and covariate SMDs."""
    if not campaign_preparation["provided"]:
        return {"sample_ratio_mismatch": None}, standardised_mean_differences(
            pd.DataFrame({"arm": []}), [], params.control_arm, params.smd_threshold
        )
    control = _control(campaign_preparation, params)
    planned = match_allocation(params.planned_allocation, list(campaign_preparation["arms"]))
    srm = sample_ratio_mismatch(campaign_preparation["arms"], planned, params.srm_alpha)
    balance = standardised_mean_differences(
        campaign_units, campaign_preparation["covariates"], control, params.smd_threshold
    )
    return {"sample_ratio_mismatch": srm, "n_imbalanced": int(balance["imbalanced"].sum())}, balance


def estimate_arm_effects(
    campaign_units: pd.DataFrame, campaign_preparation: dict[str, Any], params: UpliftParams
) -> pd.DataFrame:
    """Effects of each arm vs control and between treatment arms (see ``effects.py``)."""
    if not campaign_preparation["provided"]:
        return pd.DataFrame(columns=EFFECT_COLUMNS)
    return estimate_effects(
        campaign_units,
        _control(campaign_preparation, params),
        campaign_preparation["focus_arm"],
        campaign_preparation["outcome_type"] == "binaire",
        params.alpha,
    )


def estimate_segment_effects(
    campaign_units: pd.DataFrame, campaign_preparation: dict[str, Any], params: UpliftParams
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Per-segment effects (adjusted CIs), heterogeneity tests and harmed segments."""
    if not campaign_preparation["provided"] or campaign_preparation["segment_source"] is None:
        note = campaign_preparation.get("segment_note", "aucune campagne fournie")
        return pd.DataFrame(columns=SEGMENT_COLUMNS), {"source": None, "note": note, "tests": []}
    binary = campaign_preparation["outcome_type"] == "binaire"
    control = _control(campaign_preparation, params)
    table = segment_effects(
        campaign_units, control, binary, params.alpha, params.min_units_per_cell
    )
    tests = heterogeneity_tests(campaign_units, control, binary, params.min_units_per_cell)
    return table, {
        "source": campaign_preparation["segment_source"],
        "note": campaign_preparation["segment_note"],
        "tests": tests,
    }


def _model_pairs(prep: dict[str, Any], control: str) -> list[tuple[str, str]]:
    pairs = [(a, control) for a in sorted(prep["arms"]) if a != control]
    if prep.get("focus_arm") and prep.get("comparison_arm"):
        pairs.append((prep["focus_arm"], prep["comparison_arm"]))
    return pairs


def evaluate_targeting(
    campaign_units: pd.DataFrame,
    campaign_preparation: dict[str, Any],
    params: UpliftParams,
    random_state: int,
) -> tuple[pd.DataFrame, pd.DataFrame, list[dict[str, Any]]]:
    """One cross-fitted T-learner per treatment arm vs control (and focus vs comparison arm),
    evaluated on its out-of-fold scores.

    Returns the metric table (``model, metric, k, value, low, high, random_baseline``), the
    curve points for the Qini figure and one summary per model (``beats_random``...).
    """
    metric_cols = [
        "model",
        "treatment",
        "reference",
        "metric",
        "k",
        "value",
        "low",
        "high",
        "random_baseline",
    ]
    empty = pd.DataFrame(columns=metric_cols), pd.DataFrame(columns=["model", "fraction_targeted"])
    if not campaign_preparation["provided"]:
        return *empty, []
    prep = campaign_preparation
    features = list(prep["covariates"])
    units = campaign_units
    if prep["segment_source"] is not None:
        dummies = pd.get_dummies(
            units["segment"].fillna("inconnu"), prefix="segment", drop_first=True, dtype=float
        )
        units = pd.concat([units, dummies], axis=1)
        features += list(dummies.columns)
    binary = prep["outcome_type"] == "binaire"
    rng = np.random.default_rng(random_state)
    tables, curves, summaries = [], [], []
    for treatment, reference in _model_pairs(prep, _control(prep, params)):
        name = f"{treatment} vs {reference}"
        if not features:
            summaries.append(
                {
                    "model": name,
                    "treatment": treatment,
                    "reference": reference,
                    "skipped": "aucune covariable ni segment pour prédire l'effet",
                }
            )
            continue
        data = units[units["arm"].isin([treatment, reference])]
        X = data[features].to_numpy(float)
        y = data["outcome"].to_numpy(float)
        t = (data["arm"] == treatment).to_numpy(int)
        learner = CrossFittedTLearner(params.learner, params.n_folds, binary, random_state)
        scores = learner.fit_predict(X, y, t)
        table, summary = evaluate_scores(
            y, t, scores, params.top_k, params.n_bootstrap, params.alpha, rng
        )
        table.insert(0, "model", name)
        table.insert(1, "treatment", treatment)
        table.insert(2, "reference", reference)
        tables.append(table)
        cp = curve_points(y, t, scores)
        cp.insert(0, "model", name)
        curves.append(cp)
        gain20 = table[
            (table["metric"] == "gain_share_at_k") & np.isclose(table["k"].astype(float), 0.2)
        ]
        summaries.append(
            {
                "model": name,
                "treatment": treatment,
                "reference": reference,
                "n_units": len(y),
                "learner": params.learner,
                "n_folds": learner.n_folds_,
                **summary,
                "gain_share_at_20": float(gain20["value"].iloc[0]) if len(gain20) else None,
            }
        )
        logger.info(
            "uplift model %s: Qini %.3f [%.3f, %.3f], beats random: %s",
            name,
            summary["qini_coefficient"],
            summary["qini_low"],
            summary["qini_high"],
            summary["beats_random"],
        )
    metrics = pd.concat(tables, ignore_index=True) if tables else empty[0]
    points = pd.concat(curves, ignore_index=True) if curves else empty[1]
    return metrics, points, summaries


def analyse_power(
    campaign_units: pd.DataFrame, campaign_preparation: dict[str, Any], params: UpliftParams
) -> pd.DataFrame:
    """Minimum detectable effect and units per arm needed for the target uplift."""
    if not campaign_preparation["provided"]:
        return pd.DataFrame(columns=POWER_COLUMNS)
    return power_analysis(
        campaign_units,
        _control(campaign_preparation, params),
        campaign_preparation["outcome_type"] == "binaire",
        params.alpha,
        params.power,
        params.target_relative_uplift,
    )


def _clean(value: Any) -> Any:
    """JSON-safe: NaN/inf → None, numpy scalars → Python."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if not math.isfinite(float(value)) else float(value)
    if value is pd.NA or value is None:
        return None
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return _clean(frame.astype(object).to_dict(orient="records")) if len(frame) else []


def assemble_uplift_results(
    campaign_preparation: dict[str, Any],
    design_checks: dict[str, Any],
    covariate_balance: pd.DataFrame,
    arm_effects: pd.DataFrame,
    segment_effects_table: pd.DataFrame,
    heterogeneity: dict[str, Any],
    targeting_metrics: pd.DataFrame,
    targeting_summary: list[dict[str, Any]],
    power: pd.DataFrame,
    params: UpliftParams,
) -> dict[str, Any]:
    """Everything in one JSON-ready dict (the ``uplift_results`` contract)."""
    results = {
        "provided": campaign_preparation["provided"],
        "reason": campaign_preparation.get("reason"),
        "parameters": params.model_dump(),
        "methods": {
            "difference_ci": "Newcombe hybrid score (Wilson), 95 %",
            "relative_uplift_ci": "Katz log risk ratio (0,5 ajouté si un effectif est nul)",
            "p_values": "score test (Miettinen-Nurminen) ; Holm sur toutes les comparaisons",
            "segments": "IC de Bonferroni sur les segments ; Holm ; Cochran Q et test LR d'interaction",
            "targeting": "T-learner à validation croisée (scores hors échantillon) ; IC bootstrap percentile",
        },
        "preparation": campaign_preparation,
        "design": {**design_checks, "balance": _records(covariate_balance)},
        "effects": _records(arm_effects),
        "segments": {
            "source": heterogeneity.get("source"),
            "note": heterogeneity.get("note"),
            "effects": _records(segment_effects_table),
            "heterogeneity": heterogeneity.get("tests", []),
        },
        "targeting": {"models": targeting_summary, "metrics": _records(targeting_metrics)},
        "power": _records(power),
    }
    return _clean(results)


def summarise_uplift_status(uplift_results: dict[str, Any]) -> dict[str, Any]:
    """The stage's status record (``ambassadeurs_pipeline.status``) for the report."""
    prep = uplift_results.get("preparation") or {}
    counts = {"units": int(prep.get("n_units") or 0), "arms": len(prep.get("arms") or {})}
    if not uplift_results.get("provided"):
        reason = str(uplift_results.get("reason") or "aucune campagne fournie")
        return stage_status(
            "uplift",
            SKIPPED,
            f"Campagne non évaluée : {reason.removeprefix('campagne non évaluée : ')}.",
            "Campaign not evaluated: " + reason,
            counts,
        )
    status = stage_status("uplift", OK, counts=counts)
    refused = prep.get("refused_covariates") or {}
    if refused:
        note(
            status,
            "covariates",
            f"Colonnes écartées des covariables (elles ressemblent à une issue mesurée après l'envoi) : "
            f"{', '.join(refused)}.",
            f"Columns refused as covariates (they look like outcomes measured after the message): {', '.join(refused)}.",
        )
    if prep.get("segment_source") is None:
        note(
            status,
            "segments",
            f"Effets par segment non évalués : {prep.get('segment_note')}.",
            "Segment effects not evaluated.",
        )
    return status


def write_uplift_verdict(uplift_results: dict[str, Any]) -> str:
    """The French verdict (markdown), see ``verdict.py``."""
    return write_verdict(uplift_results)


def plot_arm_effects(arm_effects: pd.DataFrame, campaign_preparation: dict[str, Any]) -> Figure:
    return figures.plot_arm_effects(
        arm_effects, campaign_preparation.get("outcome_type", "binaire") == "binaire"
    )


def plot_segment_effects(
    segment_effects_table: pd.DataFrame, campaign_preparation: dict[str, Any]
) -> Figure:
    note = campaign_preparation.get("segment_note") or campaign_preparation.get("reason", "")
    return figures.plot_segment_forest(
        segment_effects_table,
        campaign_preparation.get("outcome_type", "binaire") == "binaire",
        note,
    )


def plot_qini_curves(uplift_qini_curves: pd.DataFrame) -> Figure:
    return figures.plot_qini_curves(uplift_qini_curves)
