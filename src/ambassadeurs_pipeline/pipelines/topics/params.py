"""Typed parameters of the topics stage (validated by Kedro on ``params:topics``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator

from ambassadeurs_pipeline.contracts.params import StrictModel


class EmbeddingParams(StrictModel):
    backend: str = Field("use_multilingual", description="Name in the embeddings registry.")
    options: dict[str, Any] = Field(
        default_factory=dict, description="Backend constructor options."
    )
    fit_sample_size: int = Field(
        30_000, ge=100, description="Backend statistics are fitted on at most this many comments."
    )
    batch_size: int = Field(2048, ge=1)
    chunk_size: int = Field(
        50_000,
        ge=1,
        description="Comments embedded and written per chunk (memory of the embedding node is one chunk).",
    )

    @field_validator("backend")
    @classmethod
    def _known(cls, value: str) -> str:
        from ambassadeurs_pipeline.embeddings import available_backends

        if value not in available_backends():
            raise ValueError(
                f"topics.embedding.backend={value!r}; choose one of {available_backends()}"
            )
        return value


# ``null`` or ``auto``: derived from the corpus size by sizing.py (the default); a number wins.
_AutoInt = Annotated[int, Field(ge=2)] | Literal["auto"] | None


class UmapParams(StrictModel):
    n_neighbors: _AutoInt = Field(
        None, description="null/auto: 15, fewer below 150 comments (sizing.py)."
    )
    n_components: _AutoInt = Field(None, description="null/auto: 5 (sizing.py).")
    min_dist: float = Field(0.0, ge=0.0)
    metric: str = "cosine"
    pca_above: int | None = Field(
        50_000,
        ge=0,
        description="Speed mode: past this many in-model comments, the embeddings are "
        "projected on their first pca_components principal axes before UMAP (its "
        "nearest-neighbour search costs in proportion to the dimension); null = never. "
        "What it costs is measured in docs/topics.md.",
    )
    pca_components: int = Field(64, ge=2, description="Principal axes kept in speed mode.")


class HdbscanParams(StrictModel):
    min_cluster_size: _AutoInt = Field(
        None,
        description="null/auto: follows the number of comments fitted on and expected_topics (sizing.py).",
    )
    min_samples: Annotated[int, Field(ge=1)] | Literal["auto"] | None = Field(
        "auto",
        description="auto: a fifth of min_cluster_size (sizing.py); null: HDBSCAN's default (= min_cluster_size).",
    )
    cluster_selection_method: Literal["eom", "leaf"] = "eom"


class VectorizerParams(StrictModel):
    ngram_max: int = Field(2, ge=1, le=3)
    min_df: int = Field(
        1,
        ge=1,
        description="c-TF-IDF counts one document per TOPIC: min_df=2 would drop every word specific to one topic.",
    )
    keyword_min_df: int = Field(
        5, ge=1, description="Minimum number of comments for a topic keyword."
    )
    max_features: int = Field(20_000, ge=100)
    extra_stop_words: list[str] = Field(default_factory=list)


class TopicModelParams(StrictModel):
    fit_sample_size: int = Field(
        30_000,
        ge=100,
        description="BERTopic is fitted on a seeded sample of at most this many comments; every comment is then assigned.",
    )
    thread_context_weight: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="Weight of the thread opener's vector blended into each reply's vector for clustering (0 = off; context.py).",
    )
    expected_topics: int | None = Field(
        None,
        ge=2,
        description="Roughly how many topics the user expects; sizes HDBSCAN's min_cluster_size when that is auto.",
    )
    umap: UmapParams = Field(default_factory=UmapParams)
    hdbscan: HdbscanParams = Field(default_factory=HdbscanParams)
    vectorizer: VectorizerParams = Field(default_factory=VectorizerParams)
    representation: Literal["keybert_mmr", "ctfidf"] = "keybert_mmr"
    mmr_diversity: float = Field(0.3, ge=0.0, le=1.0)
    outlier_strategy: Literal["embeddings", "c-tf-idf"] = "embeddings"
    outlier_threshold: float = Field(
        0.0, ge=0.0, le=1.0, description="Minimum similarity to move an outlier into a topic."
    )
    max_outlier_share: float = Field(0.15, ge=0.0, le=1.0)
    label_words: int = Field(
        4, ge=3, le=5, description="Content words in a topic label (labels.py)."
    )
    label_sample_per_topic: int = Field(
        300, ge=20, description="Comments per topic read by spaCy to name it (seeded sample)."
    )
    probability_temperature: float = Field(0.05, gt=0.0)


class SentimentParams(StrictModel):
    backend: str = "modele_fr"
    neutral_band: float | None = Field(
        None,
        gt=0.0,
        lt=1.0,
        description="|score| below this is 'neutre'; null = the backend's own (the trained model ships one tuned on held-out data, the lexicon 0.2).",
    )

    @field_validator("backend")
    @classmethod
    def _known(cls, value: str) -> str:
        from ambassadeurs_pipeline.sentiment import available_backends

        if value not in available_backends():
            raise ValueError(
                f"topics.sentiment.backend={value!r}; choose one of {available_backends()}"
            )
        return value


class TrendParams(StrictModel):
    recent_months: int = Field(3, ge=1)
    alpha: float = Field(0.05, gt=0.0, lt=1.0)
    correction: Literal["holm", "fdr_bh", "bonferroni"] = "holm"
    # None: derived from the corpus size (sizing.trend_min_count; 10 on the demo).
    min_count: int | None = Field(None, ge=1)


class BadBuzzParams(StrictModel):
    baseline_months: int = Field(6, ge=1)
    min_history_months: int = Field(2, ge=1)
    # None: derived from the monthly volume (sizing.bad_buzz_min_negative; 10 on the demo).
    min_negative: int | None = Field(None, ge=1)
    min_ratio: float = Field(2.0, ge=1.0)
    alpha: float = Field(0.001, gt=0.0, lt=1.0)
    n_drivers: int = Field(
        5, ge=1, description="Terms named as what drives a burst (drug names first)."
    )


class QualityParams(StrictModel):
    n_seeds: int = Field(3, ge=2)
    stability_sample_size: int = Field(5_000, ge=100)
    top_n_words: int = Field(10, ge=3)
    diversity_top_n: int = Field(10, ge=3, description="BERTopic keeps 10 terms per topic.")


class ExplorerParams(StrictModel):
    """BERTopic's interactive views (``explorer.py``: notebook and ``topic_explorer_html``)."""

    top_n_topics: int = Field(
        12, ge=1, description="Topics in the bar charts and the topics-over-time view."
    )
    n_words: int = Field(
        8, ge=1, le=10, description="Words per topic in the bar charts (BERTopic keeps 10)."
    )
    documents_sample: int = Field(
        2_000, ge=50, description="Comments on the documents map (seeded sample)."
    )
    over_time_sample: int = Field(
        50_000,
        ge=100,
        description="Comments whose words describe each topic per month; monthly counts always use every comment.",
    )


class TopicsParams(StrictModel):
    embedding: EmbeddingParams = Field(default_factory=EmbeddingParams)
    model: TopicModelParams = Field(default_factory=TopicModelParams)
    sentiment: SentimentParams = Field(default_factory=SentimentParams)
    trends: TrendParams = Field(default_factory=TrendParams)
    bad_buzz: BadBuzzParams = Field(default_factory=BadBuzzParams)
    quality: QualityParams = Field(default_factory=QualityParams)
    keywords_per_topic: int = Field(15, ge=1)
    representative_comments: int = Field(3, ge=1)
    explorer: ExplorerParams = Field(default_factory=ExplorerParams)
