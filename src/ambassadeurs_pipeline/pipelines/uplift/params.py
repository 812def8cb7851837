"""Typed parameters of the uplift stage (validated by Kedro before any node runs)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from ambassadeurs_pipeline.contracts.params import StrictModel
from ambassadeurs_pipeline.contracts.paths import is_absent


class CampaignColumns(StrictModel):
    """Name, in the campaign export, of each canonical field (``null`` = absent).

    ``unit: null`` is allowed for exports without an id (e.g. public e-mail experiments):
    row numbers then stand in for the unit id and no persona join is possible.
    """

    unit: str | None = "author"
    arm: str = "arm"
    outcome: str = "converted"
    segment: str | None = None

    @field_validator("unit", "segment", mode="before")
    @classmethod
    def _null_words(cls, value: object) -> object:
        # --params "uplift.columns.unit=null" arrives as the string "null".
        if isinstance(value, str) and is_absent(value):
            return None
        return value


class UpliftParams(StrictModel):
    columns: CampaignColumns = Field(default_factory=CampaignColumns)
    control_arm: str = "controle"
    focus_arm: str | None = Field(
        "message_persona",
        description="Arm the verdict is about first (ignored when absent from the export); "
        "compared with control and with `comparison_arm`.",
    )
    comparison_arm: str | None = "message_generique"
    covariates: list[str] | None = Field(
        None,
        description="Covariate columns (list, or one string separated by ';' for --params). "
        "null = every other numeric column. Never list post-treatment outcomes.",
    )
    planned_allocation: dict[str, float] | None = Field(
        None, description="Planned share per arm (null = equal); used by the SRM check."
    )
    alpha: float = Field(0.05, gt=0.0, lt=0.5)
    srm_alpha: float = Field(0.001, gt=0.0, lt=0.5)
    smd_threshold: float = Field(0.1, gt=0.0)
    min_persona_join_rate: float = Field(0.1, ge=0.0, le=1.0)
    min_units_per_cell: int = Field(20, ge=2)
    target_relative_uplift: float = Field(0.28, gt=0.0)
    power: float = Field(0.8, gt=0.0, lt=1.0)
    learner: Literal["logistic", "gradient_boosting"] = "logistic"
    n_folds: int = Field(5, ge=2)
    n_bootstrap: int = Field(300, ge=20)
    top_k: list[float] = Field(default_factory=lambda: [0.1, 0.2, 0.3])

    @field_validator("covariates", mode="before")
    @classmethod
    def _split_string(cls, value: object) -> object:
        if isinstance(value, str):
            if is_absent(value):
                return None
            return [v for v in re.split(r"[;|\s]+", value) if v]
        return value

    @field_validator("top_k")
    @classmethod
    def _fractions(cls, value: list[float]) -> list[float]:
        if any(not 0 < k < 1 for k in value):
            raise ValueError(f"uplift.top_k: every k must be a fraction in (0, 1), got {value}")
        return value
