"""Typed parameters of the monthly topics update (``params:topics_update``)."""

from __future__ import annotations

from pydantic import Field

from ambassadeurs_pipeline.contracts.params import StrictModel


class NoveltyParams(StrictModel):
    quantile: float = Field(
        0.02,
        gt=0.0,
        lt=0.5,
        description="A new comment is 'far from every topic' when its mean similarity to its k nearest "
        "fitted comments is below this quantile of the same measure among the fitted comments.",
    )
    k: int = Field(
        5, ge=1, le=100, description="Neighbours averaged (5: robust to one near-duplicate)."
    )
    calibration_sample_size: int = Field(
        20_000,
        ge=100,
        description="Seeded sample of fitted comments used as neighbours (cost: new comments × this).",
    )


class EmergingParams(StrictModel):
    min_cluster_size: int = Field(
        30,
        ge=2,
        description="HDBSCAN on the far comments: smallest group reported as an emerging topic.",
    )
    min_samples: int | None = Field(
        5, ge=1, description="HDBSCAN min_samples (None: = min_cluster_size)."
    )
    min_authors: int = Field(
        3,
        ge=1,
        description="An emerging topic needs this many distinct authors (one person repeating is not a trend).",
    )
    label_words: int = Field(4, ge=1, le=5)
    representative_comments: int = Field(3, ge=1)


class TopicsUpdateParams(StrictModel):
    novelty: NoveltyParams = Field(default_factory=NoveltyParams)
    emerging: EmergingParams = Field(default_factory=EmergingParams)
