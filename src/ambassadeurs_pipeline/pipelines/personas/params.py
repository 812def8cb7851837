"""Typed parameters of the personas stage (validated by Kedro before any node runs)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ambassadeurs_pipeline.contracts.params import StrictModel


class GraphParams(StrictModel):
    """Reply-graph metrics."""

    betweenness_exact_max_nodes: int = Field(
        2000, ge=1, description="Up to this many authors betweenness is exact; above, sampled."
    )
    betweenness_k: int = Field(
        300, ge=1, description="Pivot sample size for approximate betweenness."
    )
    louvain_resolution: float = Field(1.0, gt=0)


class FeatureWeights(StrictModel):
    """Weight of each feature group in the clustering distance.

    Each group is standardised and divided by sqrt(group size) before weighting, so a group
    counts by its weight, not by how many columns it has. Motivation drives the personas.
    """

    motivation: float = Field(3.0, ge=0)
    role: float = Field(1.0, ge=0)
    engagement: float = Field(0.5, ge=0)
    influence: float = Field(0.5, ge=0)


class ClusteringParams(StrictModel):
    min_comments: int = Field(
        3,
        ge=1,
        description="Authors with fewer usable comments are 'non classé' (too little text).",
    )
    require_motivation: bool = Field(
        True,
        description="Authors who express no motivation at all are 'non classé': personas are "
        "defined by motivation, so placing them would be a guess.",
    )
    k_min: int = Field(2, ge=2)
    k_max: int = Field(8, ge=2)
    criterion: Literal["silhouette", "bic"] = "silhouette"
    silhouette_tolerance: float = Field(
        0.02,
        ge=0,
        le=1,
        description="Parsimony: the smallest k whose silhouette is within this of the best wins.",
    )
    method: Literal["kmeans", "gmm"] = "kmeans"
    weights: FeatureWeights = Field(default_factory=FeatureWeights)
    n_bootstrap: int = Field(20, ge=2, description="Bootstrap resamples for the stability ARI.")
    stability_threshold: float = Field(0.8, ge=0, le=1)

    @model_validator(mode="after")
    def _range(self) -> ClusteringParams:
        if self.k_max < self.k_min:
            raise ValueError(f"personas.clustering.k_max ({self.k_max}) < k_min ({self.k_min})")
        return self


class CandidateWeights(StrictModel):
    credibility: float = Field(0.5, ge=0)
    engagement: float = Field(0.2, ge=0)
    reach: float = Field(0.2, ge=0)
    tone: float = Field(0.1, ge=0)


class CandidateParams(StrictModel):
    top_n: int = Field(100, ge=1, description="Length of the shortlist.")
    min_comments: int = Field(3, ge=1)
    weights: CandidateWeights = Field(default_factory=CandidateWeights)
    ekol_min_reach_percentile: float = Field(
        0.9,
        ge=0,
        le=1,
        description="Health professionals at or above this reach percentile are possible e-KOL.",
    )


class CardParams(StrictModel):
    n_quotes: int = Field(3, ge=0)
    quote_max_chars: int = Field(160, ge=40)
    n_topics: int = Field(3, ge=1)
    n_expressions: int = Field(5, ge=1)
    n_features: int = Field(5, ge=1)


class PersonasParams(StrictModel):
    spam_share_max: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Authors with a larger share of spam comments are excluded as spam accounts.",
    )
    graph: GraphParams = Field(default_factory=GraphParams)
    clustering: ClusteringParams = Field(default_factory=ClusteringParams)
    candidates: CandidateParams = Field(default_factory=CandidateParams)
    cards: CardParams = Field(default_factory=CardParams)
