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

from ambassadeurs_pipeline.contracts import CAMPAIGN_FIELDS
from ambassadeurs_pipeline.pipelines.ingestion.nodes import (
    InputContractError,
    companion_is_usable,
    map_columns,
)
from ambassadeurs_pipeline.privacy.pseudonyms import pseudonymise_series
from ambassadeurs_pipeline.status import OK, SKIPPED, note, stage_status

from . import figures
from .design import sample_ratio_mismatch, standardised_mean_differences
from .effects import estimate_effects
from .hygiene import clean_labels, find_label, match_allocation, screen_covariates
from .params import UpliftParams
from .power import power_analysis
from .segments import SEGMENT_COLUMNS, heterogeneity_tests, segment_effects
from .targeting import CrossFittedTLearner, curve_points, evaluate_scores
from .verdict import write_verdict

logger = logging.getLogger(__name__)

UNIT_COLUMNS = ["unit_id", "arm", "outcome", "segment"]
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
_TRUE = {"1", "true", "vrai", "oui", "yes", "y", "o"}
_FALSE = {"0", "false", "faux", "non", "no", "n"}
_MAX_LEVELS = 20


def _control(preparation: dict[str, Any], params: UpliftParams) -> str:
    """The control arm as spelled in the export (``prepare_campaign_units`` matched it)."""
    return preparation.get("control_arm") or params.control_arm


def _no_campaign(reason: str) -> tuple[pd.DataFrame, dict[str, Any]]:
    logger.warning("uplift: %s", reason)
    return pd.DataFrame({c: pd.Series(dtype="string") for c in UNIT_COLUMNS}), {
        "provided": False,
        "reason": reason,
    }


def _parse_outcome(raw: pd.Series, path: str, column: str) -> tuple[pd.Series, str]:
    """Outcome as float; ``binaire`` when every value is 0/1 (or yes/no words)."""
    text = raw.astype("string").str.strip()
    missing = text.isna() | text.eq("")
    if missing.any():
        rows = (np.flatnonzero(missing.to_numpy())[:5] + 2).tolist()
        raise InputContractError(
            f"campaign file {path}: column {column!r} (field 'outcome') has {int(missing.sum())} "
            f"missing values (file lines {rows}...). Rule: every unit needs an observed outcome; "
            "remove those rows or record them as 0."
        )
    lower = text.str.lower()
    if lower.isin(_TRUE | _FALSE).all() and not lower.str.fullmatch(r"\d+").all():
        return lower.isin(_TRUE).astype(float), "binaire"
    value = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
    if value.isna().any():
        bad = text[value.isna()].unique()[:5].tolist()
        raise InputContractError(
            f"campaign file {path}: column {column!r} (field 'outcome') must be binary (0/1) or "
            f"numeric; unreadable values: {bad}."
        )
    kind = "binaire" if value.isin([0, 1]).all() else "numerique"
    return value.astype(float), kind


def _covariate_frame(
    export: pd.DataFrame, names: list[str] | None, used: set[str], path: str
) -> pd.DataFrame:
    """Numeric covariates as floats (median-imputed) and categorical ones one-hot encoded."""
    explicit = names is not None
    candidates = names if explicit else [c for c in export.columns if c not in used]
    out = {}
    for col in candidates:
        if col not in export.columns:
            raise InputContractError(
                f"campaign file {path}: covariate {col!r} (uplift.covariates) not found. "
                f"Columns in the file: {list(export.columns)}."
            )
        text = export[col].astype("string").str.strip().replace("", pd.NA)
        num = pd.to_numeric(text.str.replace(",", ".", regex=False), errors="coerce")
        if num.notna().sum() == text.notna().sum() and text.notna().any():
            out[col] = num.fillna(num.median()).astype(float)
        elif explicit:
            levels = text.fillna("inconnu")
            if levels.nunique() > _MAX_LEVELS:
                raise InputContractError(
                    f"campaign file {path}: covariate {col!r} is text with {levels.nunique()} "
                    f"distinct values (more than {_MAX_LEVELS}); give a numeric or categorical column."
                )
            for level in sorted(levels.unique())[1:]:
                out[f"{col}={level}"] = (levels == level).astype(float)
    return pd.DataFrame(out, index=export.index)


def prepare_campaign_units(
    campaign_export: pd.DataFrame | None,
    author_personas: pd.DataFrame | None,
    pseudonymisation_salt: str,
    params: UpliftParams,
    campaign_path: str,
    comments_path: str,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Map the export to ``unit_id, arm, outcome, segment`` + covariates; pseudonymise ids.

    The raw unit id never leaves this function. The segment is the persona when the
    pseudonymised ids join ``author_personas`` for at least ``min_persona_join_rate`` of the
    units, else the ``columns.segment`` column, else none; the choice is recorded.

    Raises:
        InputContractError: missing column, missing or non-numeric outcome, duplicate unit
            ids, control arm absent, fewer than two arms.
    """
    if campaign_export is None:
        return _no_campaign("aucune campagne fournie")
    if not companion_is_usable(campaign_path, comments_path):
        return _no_campaign(
            "aucune campagne fournie (le fichier de démonstration est ignoré avec vos propres commentaires)"
        )
    if campaign_export.empty:
        return _no_campaign(f"campagne non évaluée : le fichier {campaign_path} n'a aucune ligne")
    cols = params.columns
    mapping = cols.model_dump()
    required = dict(CAMPAIGN_FIELDS)
    derived_ids = cols.unit is None
    if derived_ids:
        required["unit"] = False
    elif cols.unit not in campaign_export.columns:
        raise InputContractError(
            f"campaign file {campaign_path}: required column {cols.unit!r} (field 'unit') not found. "
            f"Columns in the file: {list(campaign_export.columns)}. Map it with "
            f'--params "uplift.columns.unit=<column name>", or, if the file has no unit id, declare it '
            f'with --params "uplift.columns.unit=null" (rows are then numbered; no persona join).'
        )
    frame = map_columns(
        campaign_export, mapping, required, "campaign", campaign_path, "uplift.columns"
    )
    if derived_ids:
        frame["unit"] = [f"ligne{i:07d}" for i in range(1, len(frame) + 1)]

    # Labels as people type them: " Control" and "control" are the same arm.
    arm = clean_labels(frame["arm"])
    if arm.isna().any() or arm.eq("").any():
        raise InputContractError(
            f"campaign file {campaign_path}: column {cols.arm!r} (field 'arm') has "
            f"{int((arm.isna() | arm.eq('')).sum())} missing values. Rule: every unit has an arm."
        )
    arms = sorted(arm.unique())
    control = find_label(params.control_arm, arms)
    if len(arms) < 2:
        units, prep = _no_campaign(
            f"campagne non évaluée : une seule modalité de bras dans la colonne {cols.arm!r} "
            f"({', '.join(arms)}), il n'y a rien à comparer"
        )
        return units, {**prep, "arms": {a: int(n) for a, n in arm.value_counts().items()}}
    if control is None:
        raise InputContractError(
            f"campaign file {campaign_path}: control arm {params.control_arm!r} not found in "
            f"column {cols.arm!r} (compared without case or surrounding spaces); arms found: {arms}. "
            f'Set it with --params "uplift.control_arm=<arm>".'
        )
    units_raw = frame["unit"].astype("string").str.strip()
    dup = units_raw[units_raw.duplicated(keep=False)]
    if not dup.empty:
        raise InputContractError(
            f"campaign file {campaign_path}: column {cols.unit!r} (field 'unit') must be unique "
            f"(one row per unit), but {dup.nunique()} ids appear more than once."
        )
    outcome, kind = _parse_outcome(frame["outcome"], campaign_path, cols.outcome)

    used = {c for c in (cols.unit, cols.arm, cols.outcome, cols.segment) if c}
    covariates = _covariate_frame(campaign_export, params.covariates, used, campaign_path)
    # Only pre-treatment covariates: a column that looks like a second outcome is refused.
    kept, refused = screen_covariates(
        covariates, outcome, arm, control, cols.outcome, params.covariates is not None
    )
    for column, why in refused.items():
        logger.warning("uplift: column %r not used as a covariate: %s", column, why)
    covariates = covariates[kept]
    covariates.columns = [
        c if c not in UNIT_COLUMNS else f"{c}_covariable" for c in covariates.columns
    ]

    unit_id = units_raw if derived_ids else pseudonymise_series(units_raw, pseudonymisation_salt)
    segment = pd.Series(pd.NA, index=frame.index, dtype="string")
    source, note, join_rate = None, "aucun persona ni colonne de segment", None
    if author_personas is not None and not derived_ids and len(author_personas):
        personas = author_personas.drop_duplicates("author_id").set_index("author_id")[
            "persona_name"
        ]
        matched = unit_id.map(personas)
        join_rate = float(matched.notna().mean())
        if join_rate >= params.min_persona_join_rate:
            segment = matched.astype("string").fillna("sans persona")
            source, note = "personas", f"personas joints pour {join_rate:.0%} des unités"
        else:
            note = f"personas joints pour {join_rate:.0%} des unités seulement (seuil {params.min_persona_join_rate:.0%})"
    if source is None and cols.segment and cols.segment in campaign_export.columns:
        segment = clean_labels(frame["segment"]).replace("", pd.NA).fillna("inconnu")
        source = f"colonne {cols.segment}"
        note = (
            note + " ; " if join_rate is not None else ""
        ) + f"segment lu dans la colonne {cols.segment!r}"
    elif source is None and author_personas is None:
        note = "personas non disponibles (étape personas non exécutée)" + (
            "" if not cols.segment else f" et colonne {cols.segment!r} absente"
        )

    units = pd.concat(
        [
            pd.DataFrame(
                {
                    "unit_id": unit_id.to_numpy(),
                    "arm": arm.to_numpy(),
                    "outcome": outcome.to_numpy(),
                    "segment": segment.to_numpy(),
                }
            ),
            covariates.reset_index(drop=True),
        ],
        axis=1,
    )
    units["unit_id"] = units["unit_id"].astype("string")
    units["segment"] = units["segment"].astype("string")
    focus = find_label(params.focus_arm, arms)
    focus = focus if focus != control else None
    comparison = find_label(params.comparison_arm, arms)
    comparison = comparison if comparison not in (focus, control) else None
    preparation = {
        "provided": True,
        "path": str(campaign_path),
        "n_units": len(units),
        "arms": units["arm"].value_counts().sort_index().to_dict(),
        "control_arm": control,
        "refused_covariates": refused,
        "focus_arm": focus,
        "comparison_arm": comparison,
        "outcome_column": cols.outcome,
        "outcome_type": kind,
        "unit_id_derived_from_row_number": derived_ids,
        "covariates": list(covariates.columns),
        "segment_source": source,
        "segment_note": note,
        "persona_join_rate": join_rate,
    }
    logger.info(
        "uplift: %d units, arms %s, outcome %s (%s); segments: %s",
        len(units),
        preparation["arms"],
        cols.outcome,
        kind,
        note,
    )
    return units, preparation


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
