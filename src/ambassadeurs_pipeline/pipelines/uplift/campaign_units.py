"""Campaign units: the campaign export read into one row per unit (``campaign_units``).

Kept apart from ``nodes.py`` because reading a file people typed by hand is most of the
uplift stage's rules (arm labels, outcome words, covariates, pseudonymised ids, which
segment to use) and every one of them raises an ``InputContractError`` that names the
column; the other nodes only wire the statistics modules to the catalog.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.contracts import CAMPAIGN_FIELDS
from ambassadeurs_pipeline.pipelines.ingestion.nodes import (
    InputContractError,
    companion_is_usable,
    map_columns,
)
from ambassadeurs_pipeline.privacy.pseudonyms import pseudonymise_series

from .hygiene import clean_labels, find_label, screen_covariates
from .params import UpliftParams

logger = logging.getLogger(__name__)

UNIT_COLUMNS = ["unit_id", "arm", "outcome", "segment"]
_TRUE = {"1", "true", "vrai", "oui", "yes", "y", "o"}
_FALSE = {"0", "false", "faux", "non", "no", "n"}
_MAX_LEVELS = 20


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
