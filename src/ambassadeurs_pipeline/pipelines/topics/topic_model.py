"""The unfitted BERTopic and the cluster settings it is built with.

Kept apart from the fit itself because the quality checks and the tests build the same
model and settings without fitting it: seeded UMAP and HDBSCAN (single-threaded, so that two
runs with the same seed agree), sizes derived from the corpus (sizing.py), and the small-corpus
guard on ``min_cluster_size``.
"""

from __future__ import annotations

import logging
from typing import Any

from ambassadeurs_pipeline.embeddings import EmbeddingBackend

from .params import TopicModelParams
from .sizing import ClusterSettings, derive_cluster_settings
from .vocabulary import FrenchAnalyzer, stop_words

logger = logging.getLogger(__name__)


def cluster_settings(params: TopicModelParams, n_docs: int) -> ClusterSettings:
    """UMAP/HDBSCAN settings for a corpus of ``n_docs`` in-model comments (sizing.py): BERTopic
    is fitted on at most ``fit_sample_size`` of them, so that is the size they follow."""
    return derive_cluster_settings(
        min(n_docs, params.fit_sample_size),
        n_neighbors=params.umap.n_neighbors,
        n_components=params.umap.n_components,
        min_cluster_size=params.hdbscan.min_cluster_size,
        min_samples=params.hdbscan.min_samples,
        expected_topics=params.expected_topics,
    )


def resolve_cluster_params(
    params: TopicModelParams, n_docs: int
) -> tuple[TopicModelParams, ClusterSettings]:
    """``params`` with every auto UMAP/HDBSCAN value replaced by its derived number."""
    s = cluster_settings(params, n_docs)
    resolved = params.model_copy(
        update={
            "umap": params.umap.model_copy(
                update={"n_neighbors": s.n_neighbors, "n_components": s.n_components}
            ),
            "hdbscan": params.hdbscan.model_copy(
                update={"min_cluster_size": s.min_cluster_size, "min_samples": s.min_samples}
            ),
        }
    )
    return resolved, s


def build_topic_model(
    backend: EmbeddingBackend,
    params: TopicModelParams,
    random_state: int,
    n_docs: int,
    n_corpus: int | None = None,
) -> Any:
    """An unfitted BERTopic whose parts are all seeded and offline.

    ``n_docs`` is the number of comments BERTopic is fitted on, ``n_corpus`` the number it
    assigns in all (default ``n_docs``): past ``umap.pca_above`` of them, UMAP works on the
    embeddings' first ``umap.pca_components`` principal axes (speed mode, docs/topics.md).
    """
    from bertopic import BERTopic
    from bertopic.representation import KeyBERTInspired, MaximalMarginalRelevance
    from bertopic.vectorizers import ClassTfidfTransformer
    from hdbscan import HDBSCAN
    from umap import UMAP

    from ambassadeurs_pipeline.embeddings.bertopic_adapter import BackendEmbedder

    umap_model = UMAP(
        n_neighbors=min(params.umap.n_neighbors, max(2, n_docs - 1)),
        n_components=params.umap.n_components,
        min_dist=params.umap.min_dist,
        metric=params.umap.metric,
        random_state=random_state,  # seeded UMAP runs single-threaded: reproducible
        n_jobs=1,
        low_memory=True,
    )
    reducer = umap_model
    n_corpus = n_docs if n_corpus is None else n_corpus
    if (
        params.umap.pca_above is not None
        and n_corpus > params.umap.pca_above
        and n_docs > params.umap.pca_components
    ):
        from sklearn.decomposition import PCA
        from sklearn.pipeline import make_pipeline

        # UMAP's nearest-neighbour search (fit and, above all, assigning the comments outside
        # the fit sample) costs in proportion to the dimension: 512 -> 64 axes cut the
        # topics stage of a 100k run by about two minutes (docs/topics.md, speed mode).
        logger.info(
            "speed mode: %d comments > topics.model.umap.pca_above=%d: UMAP on the first %d "
            "principal axes of the embeddings",
            n_corpus,
            params.umap.pca_above,
            params.umap.pca_components,
        )
        reducer = make_pipeline(
            PCA(n_components=params.umap.pca_components, random_state=random_state), umap_model
        )
    hdbscan_model = HDBSCAN(
        min_cluster_size=params.hdbscan.min_cluster_size,
        min_samples=params.hdbscan.min_samples,
        metric="euclidean",
        cluster_selection_method=params.hdbscan.cluster_selection_method,
        prediction_data=True,
        core_dist_n_jobs=1,
    )
    representation: Any = None
    if params.representation == "keybert_mmr":
        representation = [
            KeyBERTInspired(
                top_n_words=10, nr_repr_docs=5, nr_samples=200, random_state=random_state
            ),
            MaximalMarginalRelevance(diversity=params.mmr_diversity, top_n_words=10),
        ]
    return BERTopic(
        embedding_model=BackendEmbedder(backend),
        umap_model=reducer,
        hdbscan_model=hdbscan_model,
        vectorizer_model=make_vectorizer(params, n_docs),
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        representation_model=representation,
        top_n_words=10,
        calculate_probabilities=False,
        verbose=False,
    )


def make_vectorizer(params: TopicModelParams, n_docs: int) -> Any:
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(
        analyzer=FrenchAnalyzer(
            stop_words(params.vectorizer.extra_stop_words), params.vectorizer.ngram_max
        ),
        min_df=params.vectorizer.min_df,
        max_features=params.vectorizer.max_features,
    )


#: Below this many in-model comments no clustering is tried: two topics of 5 comments each
#: is the least that can be told apart from noise (and UMAP needs a few neighbours).
MIN_COMMENTS_FOR_TOPICS = 20


def fitting_min_cluster_size(
    n_docs: int, configured: int, min_samples: int | None
) -> tuple[int, int | None]:
    """``(min_cluster_size, min_samples)`` that HDBSCAN can use on ``n_docs`` comments.

    A minimal guard (the size-adaptive settings are the topics issue's): the configured
    value when the corpus holds at least two clusters of that size, otherwise the largest
    size that still allows ~5 clusters (``n_docs // 5``, at least 5); ``min_samples`` never
    exceeds it.
    """
    size = configured if n_docs >= 2 * configured else max(5, n_docs // 5)
    samples = None if min_samples is None else min(min_samples, size)
    return size, samples
