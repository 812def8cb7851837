"""Embeddings and the BERTopic fit.

``fit_embedding_model`` fits the configured backend on a seeded sample; ``embed_comments``
embeds every in-model comment chunk by chunk, each chunk written as soon as it is made: the
result is its own versioned dataset, so re-fitting topics never recomputes it. ``fit_topic_model`` fits BERTopic on
those precomputed embeddings (seeded UMAP and HDBSCAN, single-threaded so that two runs
with the same seed agree), on at most ``fit_sample_size`` comments, assigns every other
comment with the fitted model, moves outliers to their nearest topic and re-extracts the
French representations on the whole corpus. Nothing here builds an n × n matrix.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
from ambassadeurs_pipeline.datasets.bertopic_model import NoTopicModel
from ambassadeurs_pipeline.embeddings import EmbeddingBackend, l2_normalise, make_backend
from ambassadeurs_pipeline.embeddings.base import strip_placeholders
from ambassadeurs_pipeline.execution import ExecutionParams, map_chunks
from ambassadeurs_pipeline.execution.engine import LOCAL
from ambassadeurs_pipeline.progress import phases, progress
from ambassadeurs_pipeline.status import SKIPPED, note, stage_status

from .context import with_thread_context
from .fit_phases import FIT_PHASES, announce_fit_phases
from .labels import label_topics
from .params import EmbeddingParams, TopicModelParams, TopicsParams
from .sizing import ClusterSettings, derive_cluster_settings
from .umap_speedup import fast_umap_transform
from .vocabulary import FrenchAnalyzer, stop_words

logger = logging.getLogger(__name__)

OUTLIER_LABEL = "Hors thème"


def select_model_comments(comments_clean: pd.DataFrame, allow_empty: bool = True) -> pd.DataFrame:
    """In-model comments with some text, sorted by ``comment_id`` (row order never matters).

    An export can pass ingestion and leave no comment to model (all in another language,
    all duplicates…): the frame is then empty and the topics stage says so
    (``topics_status``) instead of stopping the run; ``allow_empty=False`` raises.

    Raises:
        ValueError: a required column is missing, or (``allow_empty=False``) no comment is left.
    """
    missing = {"comment_id", "text_clean", "in_model", "created_at"} - set(comments_clean.columns)
    if missing:
        raise ValueError(
            f"comments_clean lacks columns {sorted(missing)} (see docs/ARCHITECTURE.md)"
        )
    keep = comments_clean["in_model"].fillna(False).astype(bool) & comments_clean[
        "text_clean"
    ].fillna("").str.strip().ne("")
    out = comments_clean.loc[keep].sort_values("comment_id", kind="stable").reset_index(drop=True)
    if out.empty and not allow_empty:
        raise ValueError("comments_clean has no comment with in_model == True and some text_clean")
    return out


def seeded_sample(n: int, size: int, random_state: int) -> np.ndarray:
    """Sorted indices of a seeded sample of ``min(n, size)`` rows."""
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(random_state).choice(n, size=size, replace=False))


def _backend_options(
    params: EmbeddingParams, random_state: int, corpus_size: int | None = None
) -> dict[str, Any]:
    from ambassadeurs_pipeline.embeddings.base import backend_class

    options = {"batch_size": params.batch_size, **params.options}
    accepted = inspect.signature(backend_class(params.backend).__init__).parameters
    if "random_state" in accepted:
        options.setdefault("random_state", random_state)
    # The backend is fitted on a sample; a size-dependent choice (use_multilingual's
    # static_above) must see the whole corpus' size.
    if "corpus_size" in accepted and corpus_size is not None:
        options.setdefault("corpus_size", corpus_size)
    if "tfidf_svd" in accepted:
        options["tfidf_svd"] = {"random_state": random_state, **options.get("tfidf_svd", {})}
    return options


def fit_embedding_model(
    comments_clean: pd.DataFrame, params: TopicsParams, random_state: int
) -> EmbeddingBackend:
    """Fit the configured embedding backend on a seeded sample of at most
    ``embedding.fit_sample_size`` in-model comments (``embedding_model``)."""
    docs = select_model_comments(comments_clean)
    if docs.empty:
        # Nothing to model, but gaps still embeds the content catalog with this backend:
        # fit it on whatever clean text there is (excluded comments included).
        docs = comments_clean.loc[comments_clean["text_clean"].fillna("").str.strip().ne("")]
    texts = docs["text_clean"].astype(str)
    backend = make_backend(
        params.embedding.backend, **_backend_options(params.embedding, random_state, len(texts))
    )
    sample = seeded_sample(len(texts), params.embedding.fit_sample_size, random_state)
    backend.fit(texts.iloc[sample].tolist())
    return backend


def _embed_texts(texts: Sequence[str], backend: EmbeddingBackend) -> np.ndarray:
    """Row-wise (a text's vector does not depend on the other texts): safe to partition."""
    return backend.transform(list(texts))


def embed_comments(
    comments_clean: pd.DataFrame,
    embedding_model: EmbeddingBackend,
    params: TopicsParams,
    execution: ExecutionParams = LOCAL,
) -> Iterator[pd.DataFrame]:
    """Embed every in-model comment, ``embedding.chunk_size`` comments at a time.

    A generator: Kedro saves each chunk as it is yielded (``EmbeddingsParquetDataset``
    appends it to one Parquet file), so a million comments never sit in memory as vectors
    before being written. Chunks come in ``comment_id`` order; together they cover every
    in-model comment exactly once.

    Yields:
        ``comment_embeddings`` chunks: ``comment_id``, ``embedding`` (float32 unit vector).
    """
    docs = select_model_comments(comments_clean)
    ids = docs["comment_id"].astype(str).to_numpy()
    texts = docs["text_clean"].astype(str).to_numpy()
    size = params.embedding.chunk_size
    if not len(texts):
        # Nothing to model (topics_status will say why): one empty chunk, so that the
        # dataset exists and the next nodes read an empty table rather than nothing.
        yield pd.DataFrame(
            {"comment_id": pd.Series(dtype=object), "embedding": pd.Series(dtype=object)}
        )
        return
    for start in range(0, len(texts), size):
        # Partitions start on the backend's batch boundaries, so the vectors are the
        # single-process ones whatever the engine (``params:execution``).
        parts = map_chunks(
            _embed_texts,
            texts[start : start + size].tolist(),
            execution,
            embedding_model,
            label="embed_comments",
            multiple_of=embedding_model.batch_size,
        )
        matrix = np.vstack(parts)
        logger.info(
            "embedded comments %d-%d of %d with %s",
            start + 1,
            start + len(matrix),
            len(texts),
            embedding_model.name,
        )
        yield pd.DataFrame({"comment_id": ids[start : start + size], "embedding": list(matrix)})


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


def topic_documents(texts: pd.Series) -> list[str]:
    return [strip_placeholders(t) for t in texts.astype(str)]


def topic_centroids(embeddings: np.ndarray, topics: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(sorted topic ids ≥ 0, their unit-norm mean embeddings)."""
    ids = np.unique(topics[topics >= 0])
    centroids = (
        np.vstack([embeddings[topics == t].mean(axis=0) for t in ids])
        if len(ids)
        else np.zeros((0, embeddings.shape[1]))
    )
    return ids, l2_normalise(centroids)


def topic_probabilities(
    embeddings: np.ndarray, topics: np.ndarray, temperature: float
) -> np.ndarray:
    """Softmax over cosine similarities to the topic centroids, read at the assigned topic.

    Computed in chunks (n × k, never n × n); 0 for comments left as outliers.
    """
    ids, centroids = topic_centroids(embeddings, topics)
    out = np.zeros(len(topics))
    if not len(ids):
        return out
    position = {t: i for i, t in enumerate(ids)}
    for start in range(0, len(topics), 8192):
        sims = embeddings[start : start + 8192] @ centroids.T / temperature
        sims -= sims.max(axis=1, keepdims=True)
        probs = np.exp(sims)
        probs /= probs.sum(axis=1, keepdims=True)
        chunk = topics[start : start + 8192]
        cols = np.array([position.get(t, -1) for t in chunk])
        ok = cols >= 0
        out[start : start + 8192][ok] = probs[np.flatnonzero(ok), cols[ok]]
    return out


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


def _outlier_assignments(ids: pd.Series) -> pd.DataFrame:
    """Every comment "Hors thème": the ``topic_assignments`` of a stage that found no topic."""
    return pd.DataFrame(
        {
            "comment_id": ids.to_numpy(dtype=object),
            "topic_id": np.full(len(ids), -1, dtype="int64"),
            "topic_label": [OUTLIER_LABEL] * len(ids),
            "topic_probability": np.zeros(len(ids)),
            "was_outlier": np.ones(len(ids), dtype=bool),
        }
    )


def _no_topics(
    ids: pd.Series,
    reason_fr: str,
    reason_en: str,
    derived: dict[str, Any] | None = None,
    **counts: Any,
) -> tuple[NoTopicModel, pd.DataFrame, dict[str, Any]]:
    status = stage_status("topics", SKIPPED, reason_fr, reason_en, counts, derived)
    return NoTopicModel(), _outlier_assignments(ids), status


def fit_topic_model(
    comments_clean: pd.DataFrame,
    comment_embeddings: pd.DataFrame,
    embedding_model: EmbeddingBackend,
    params: TopicsParams,
    random_state: int,
) -> tuple[Any, pd.DataFrame, dict[str, Any]]:
    """Fit BERTopic and assign every in-model comment to a topic.

    Returns:
        the fitted BERTopic (labels set to readable French labels) and ``topic_assignments``:
        ``comment_id, topic_id, topic_label, topic_probability, was_outlier``, and
        ``topics_status`` (``ambassadeurs_pipeline.status``). When there are too few
        comments or HDBSCAN finds no cluster, the model is a ``NoTopicModel`` (saved as a
        marker file), every comment is "Hors thème" and the status says why.
    """
    p = params.model
    docs = select_model_comments(comments_clean)
    ids = docs["comment_id"].astype(str)
    n = len(docs)
    if n < MIN_COMMENTS_FOR_TOPICS:
        why = ""
        if "exclusion_reason" in comments_clean:
            reasons = comments_clean["exclusion_reason"].dropna().astype(str).value_counts().head(3)
            if len(reasons):
                why = (
                    " (écartés au nettoyage : "
                    + ", ".join(f"{r} {c}" for r, c in reasons.items())
                    + ")"
                )
        return _no_topics(
            ids,
            f"Thèmes non calculés : {n} commentaire(s) analysable(s){why}, il en faut au moins "
            f"{MIN_COMMENTS_FOR_TOPICS} pour regrouper les conversations en thèmes.",
            f"Topics not computed: {n} comment(s) to model, at least {MIN_COMMENTS_FOR_TOPICS} are needed.",
            in_model_comments=n,
        )
    # Replies are clustered with their thread's context (context.py); the stored
    # comment_embeddings stay each comment's own vector.
    embeddings = with_thread_context(
        docs, embeddings_matrix(comment_embeddings, ids), p.thread_context_weight
    )
    texts = topic_documents(docs["text_clean"])
    p, settings = resolve_cluster_params(p, n)
    logger.info(
        "clustering settings for %d comments (fit on %d%s): UMAP n_neighbors=%d n_components=%d, "
        "HDBSCAN min_cluster_size=%d min_samples=%s (%s)",
        n,
        settings.n_fit,
        f", {settings.expected_topics} topics expected" if settings.expected_topics else "",
        settings.n_neighbors,
        settings.n_components,
        settings.min_cluster_size,
        settings.min_samples,
        ", ".join(f"{k} {v}" for k, v in settings.source.items()),
    )
    derived = {
        f"topics.model.{part}.{key}": getattr(settings, key)
        for part, key in (
            ("umap", "n_neighbors"),
            ("umap", "n_components"),
            ("hdbscan", "min_cluster_size"),
            ("hdbscan", "min_samples"),
        )
        if settings.source.get(key) == "auto"
    }
    # A size the user wrote that the corpus cannot hold twice: degrade instead of stopping.
    size, samples = fitting_min_cluster_size(n, p.hdbscan.min_cluster_size, p.hdbscan.min_samples)
    if size != p.hdbscan.min_cluster_size:
        logger.warning(
            "only %d in-model comments for topics.model.hdbscan.min_cluster_size=%d: using %d (min_samples %s)",
            n,
            p.hdbscan.min_cluster_size,
            size,
            samples,
        )
        p = p.model_copy(
            update={
                "hdbscan": p.hdbscan.model_copy(
                    update={"min_cluster_size": size, "min_samples": samples}
                )
            }
        )
        derived.update(
            {
                "topics.model.hdbscan.min_cluster_size": size,
                "topics.model.hdbscan.min_samples": samples,
            }
        )
    sample = seeded_sample(n, p.fit_sample_size, random_state)
    model = build_topic_model(embedding_model, p, random_state, len(sample), n_corpus=n)
    # One bar over the fit's phases; it only counts (no result depends on it).
    steps = phases(
        f"BERTopic ({n} commentaires)",
        [*FIT_PHASES.values(), "attribution", "hors-thème", "mots des thèmes"],
    )
    try:
        with announce_fit_phases(model, steps):
            fitted, _ = model.fit_transform(
                [texts[i] for i in sample], embeddings=embeddings[sample]
            )
    except ValueError as error:
        # BERTopic's c-TF-IDF: the comments share no word that survives the stop words and
        # min_df (scikit-learn's "empty vocabulary"). Any other ValueError is a real bug.
        steps.close()
        if "empty vocabulary" not in str(error):
            raise
        return _no_topics(
            ids,
            "Aucune structure thématique trouvée : les commentaires n'ont pas assez de mots en commun "
            "pour décrire des thèmes.",
            "No topic structure found: the comments share too few words to describe topics.",
            derived,
            in_model_comments=n,
        )
    topics = np.full(n, -1, dtype=int)
    topics[sample] = fitted
    if not (topics >= 0).any():
        return _no_topics(
            ids,
            f"Aucune structure thématique trouvée : sur {n} commentaires, aucun groupe d'au moins "
            f"{p.hdbscan.min_cluster_size} commentaires proches ne se dégage.",
            f"No topic structure found: among {n} comments, no group of at least {p.hdbscan.min_cluster_size} "
            "similar comments stands out.",
            derived,
            in_model_comments=n,
        )
    rest = np.setdiff1d(np.arange(n), sample)
    if len(rest):
        # Assignment grows with the corpus (the fit does not): umap's Python-loop initial
        # positions are replaced by one sparse product, same values (umap_speedup.py).
        with fast_umap_transform():
            for start in progress(
                range(0, len(rest), 20_000), desc="BERTopic: attribution", unit="bloc", min_total=2
            ):
                chunk = rest[start : start + 20_000]
                predicted, _ = model.transform(
                    [texts[i] for i in chunk], embeddings=embeddings[chunk]
                )
                topics[chunk] = predicted
    steps.done("attribution")
    was_outlier = topics == -1
    logger.info(
        "BERTopic: %d topics, %.1f%% outliers before reduction",
        len(set(topics) - {-1}),
        100 * was_outlier.mean(),
    )
    if was_outlier.any() and (topics >= 0).any():
        reduced = model.reduce_outliers(
            texts,
            list(topics),
            strategy=p.outlier_strategy,
            embeddings=embeddings,
            threshold=p.outlier_threshold,
        )
        topics = np.asarray(reduced, dtype=int)
    steps.done("hors-thème")
    share = float((topics == -1).mean())
    if share > p.max_outlier_share:
        logger.warning(
            "outliers %.1f%% > %.0f%% after reduction: lower topics.model.outlier_threshold",
            100 * share,
            100 * p.max_outlier_share,
        )

    # Representations re-extracted on every comment (not only the fit sample). topics_ is set
    # first: BERTopic offsets its c-TF-IDF rows by one while the old topics hold outliers.
    model.topics_ = list(topics)
    notes = []
    try:
        model.update_topics(
            texts,
            topics=list(topics),
            top_n_words=10,
            vectorizer_model=make_vectorizer(p, n),
            ctfidf_model=model.ctfidf_model,
            representation_model=model.representation_model,
        )
    except ValueError as error:
        if "empty vocabulary" not in str(error):
            raise
        # The fit's own representations (on the fit sample) stay: topics keep words.
        notes.append(
            {
                "part": "topic_model",
                "reason_fr": "Les mots des thèmes viennent de l'échantillon d'ajustement : le corpus entier n'a pas "
                "de vocabulaire commun exploitable.",
                "reason_en": "Topic words come from the fit sample: the whole corpus has no usable shared vocabulary.",
            }
        )
    steps.done("mots des thèmes")
    steps.close()
    topic_ids, centroids = topic_centroids(embeddings, topics)
    has_outliers = bool((topics == -1).any())
    outlier_row = (
        [l2_normalise(embeddings[topics == -1].mean(axis=0, keepdims=True))[0]]
        if has_outliers
        else []
    )
    model.topic_embeddings_ = np.vstack(outlier_row + list(centroids)).astype(np.float32)

    # Readable noun-phrase labels (labels.py); the keyword list stays in topic_info.top_terms.
    labels: dict[int, str] = {-1: OUTLIER_LABEL}
    labels.update(
        label_topics(
            texts,
            topics,
            docs["lang"].astype(str).tolist() if "lang" in docs.columns else None,
            stop_words(p.vectorizer.extra_stop_words),
            max_words=p.label_words,
            sample_per_topic=p.label_sample_per_topic,
            random_state=random_state,
            fallback_terms={
                int(t): [w for w, _ in (model.get_topic(int(t)) or [])] for t in topic_ids
            },
        )
    )
    model.set_topic_labels({k: v for k, v in labels.items() if k in set(topics)})

    assignments = pd.DataFrame(
        {
            "comment_id": ids.to_numpy(),
            "topic_id": topics.astype("int64"),
            "topic_label": [labels[int(t)] for t in topics],
            "topic_probability": topic_probabilities(embeddings, topics, p.probability_temperature),
            "was_outlier": was_outlier,
        }
    )
    status = stage_status(
        "topics", counts={"in_model_comments": n, "topics": len(topic_ids)}, derived=derived
    )
    for item in notes:
        note(status, item["part"], item["reason_fr"], item["reason_en"])
    return model, assignments, status
