"""Typed parameters of the gaps stage (validated by Kedro on ``params:gaps``)."""

from __future__ import annotations

from pydantic import Field, model_validator

from ambassadeurs_pipeline.contracts.params import StrictModel


class GroupingParams(StrictModel):
    """How questions are grouped (agglomerative clustering of question embeddings)."""

    distance_threshold: float = Field(
        0.7,
        gt=0.0,
        lt=2.0,
        description="Cosine distance (average linkage) under which two question clusters merge.",
    )
    term_weight: float = Field(
        0.7,
        ge=0.0,
        le=1.0,
        description="Share of the question similarity given to the TF-IDF terms of the asking "
        "sentences (the rest to the comment embeddings); 0 clusters on embeddings alone.",
    )
    term_min_df: int = Field(
        2, ge=1, description="A term counts for grouping when at least this many questions use it."
    )
    similarity_reference: float | None = Field(
        0.045,
        ge=-1.0,
        lt=1.0,
        description="The embedding cosine is rescaled so that the chance level measured on the "
        "questions (chance_quantile of random pairs) lands here, which makes distance_threshold "
        "mean the same on every backend (0.045: the level it was measured at, tfidf_svd_spacy); "
        "null turns the rescaling off (similarity_scale.py).",
    )
    chance_quantile: float = Field(
        0.5,
        gt=0.0,
        lt=1.0,
        description="Quantile of the cosine between random question pairs taken as chance level.",
    )
    min_askers: int = Field(
        3, ge=1, description="A group needs this many distinct askers to enter the FAQ."
    )
    max_questions: int = Field(
        8000,
        ge=10,
        description="Above this many questions, the most recent ones are kept (the pairwise "
        "clustering needs n² memory).",
    )
    merge_min_links: int = Field(
        2,
        ge=0,
        description="Two clusters merge when at least this many follow-up questions (asked in "
        "reply to one cluster's question) are, in their own words, closest to the other cluster; "
        "0 turns merging off.",
    )
    merge_min_link_share: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="The links must also be this share of the follow-up questions of the cluster "
        "that has fewer (a fixed count does not scale with the corpus).",
    )
    merge_within_topic: bool = Field(
        True, description="Only merge clusters that share a majority topic."
    )
    n_label_terms: int = Field(3, ge=1, le=8)
    n_examples: int = Field(3, ge=1, le=10)


class TrendParams(StrictModel):
    recent_share: float = Field(
        0.34, gt=0.0, lt=1.0, description="Last share of the period that counts as 'recent'."
    )
    rising_ratio: float = Field(
        1.5, gt=1.0, description="Growth ratio above which a group is 'en hausse'."
    )


class AnswerParams(StrictModel):
    thanks_pattern: str = Field(
        r"\b(?:merci|remercie|ça m'aide|ca m'aide|ça marche|ca marche|c'est plus clair|top|génial|super)\b",
        description="Regex (case-insensitive) of an asker's follow-up that signals resolution.",
    )
    non_answer_pattern: str = Field(
        r"\b(?:aucune idée|je ne sais pas|je sais pas|j'en sais rien|je n'en sais rien|pas d'expérience|"
        r"je me pose la même question|moi aussi j'aimerais savoir|intéressée? par la réponse|je suis le sujet|"
        r"personne n'a de réponse|on ne peut pas savoir)",
        description="Regex (case-insensitive) of a reply that says it has no answer: not counted as an answer.",
    )
    liked_answer_min_likes: int = Field(
        2, ge=1, description="An answer with this many likes counts as resolving."
    )
    slow_answer_hours: float = Field(
        24.0, gt=0.0, description="A first answer later than this is 'slow'."
    )


class CoverageParams(StrictModel):
    lexical_weight: float = Field(
        0.7,
        ge=0.0,
        le=1.0,
        description="Share of the question/item similarity given to shared word stems (TF-IDF); "
        "the rest goes to the embedding cosine.",
    )
    stem_length: int = Field(
        6, ge=3, le=20, description="Letters kept of each word (truncation stemming)."
    )
    criterion: str = Field("precision", pattern="^(f1|precision)$")
    target_precision: float = Field(0.9, gt=0.0, le=1.0)
    min_positive_pairs: int = Field(
        5,
        ge=1,
        description="Fewer held-out positive pairs than this: the fallback threshold is used.",
    )
    fallback_threshold: float = Field(0.5, gt=-1.0, lt=1.0)
    partial_share: float = Field(
        0.25,
        ge=0.0,
        le=1.0,
        description="Share of a group's questions matched above which it is 'partiel'.",
    )


class ScoreWeights(StrictModel):
    """Weight of each gap component; components that cannot be measured are left out and the
    remaining weights renormalised (stated in the output)."""

    demand_askers: float = Field(0.10, ge=0.0)
    demand_growth: float = Field(0.05, ge=0.0)
    unanswered: float = Field(0.35, ge=0.0)
    slow_answer: float = Field(0.0, ge=0.0)
    unresolved: float = Field(0.35, ge=0.0)
    negative_followup: float = Field(0.0, ge=0.0)
    uncovered: float = Field(0.15, ge=0.0)
    one_theme: float = Field(
        0.10,
        ge=0.0,
        description="Share of the group's questions in its majority topic: low for a question "
        "form asked about everything ('est-ce que X fait grossir ?'), which no one content answers.",
    )

    @model_validator(mode="after")
    def _some_weight(self) -> ScoreWeights:
        if sum(self.model_dump().values()) <= 0:
            raise ValueError("gaps.scoring.weights: at least one weight must be > 0")
        return self


class ScoringParams(StrictModel):
    weights: ScoreWeights = Field(default_factory=ScoreWeights)
    min_questions_to_rank: int = Field(
        30, ge=1, description="Fewer questions than this: too little data to rank gaps."
    )
    min_groups_to_rank: int = Field(3, ge=1)
    prior_questions: float = Field(
        5.0,
        ge=0.0,
        description="Pseudo-questions at the pooled rate added to each group's answer and resolution "
        "rates, so that a 3-question group's 0 % is not read as certain (0 = raw rates).",
    )
    top_n: int = Field(20, ge=1, description="Gaps given a content brief and kept in the table.")


class GapsParams(StrictModel):
    grouping: GroupingParams = Field(default_factory=GroupingParams)
    trend: TrendParams = Field(default_factory=TrendParams)
    answers: AnswerParams = Field(default_factory=AnswerParams)
    coverage: CoverageParams = Field(default_factory=CoverageParams)
    scoring: ScoringParams = Field(default_factory=ScoringParams)
