"""The BERTopic fit: cluster the precomputed embeddings and assign every comment.

``fit_topic_model`` fits BERTopic on the precomputed embeddings (``embed.py``; the model
and its settings are built in ``topic_model.py``), on at most ``fit_sample_size`` comments,
assigns every other comment with the fitted model, moves outliers to their nearest topic and
re-extracts the French representations on the whole corpus. Nothing here builds an n × n
matrix.

The names that used to live here (embedding nodes, model building, corpus selection) are
re-exported so that ``from ...topics.fit import ...`` keeps working.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
from ambassadeurs_pipeline.datasets.bertopic_model import NoTopicModel
from ambassadeurs_pipeline.embeddings import EmbeddingBackend, l2_normalise
from ambassadeurs_pipeline.progress import phases, progress
from ambassadeurs_pipeline.status import SKIPPED, note, stage_status

from .context import with_thread_context
from .embed import embed_comments, fit_embedding_model
from .fit_phases import FIT_PHASES, announce_fit_phases
from .labels import label_topics
from .model_corpus import seeded_sample, select_model_comments, topic_documents
from .params import TopicsParams
from .topic_model import (
    MIN_COMMENTS_FOR_TOPICS,
    build_topic_model,
    cluster_settings,
    fitting_min_cluster_size,
    make_vectorizer,
    resolve_cluster_params,
)
from .umap_speedup import fast_umap_transform
from .vocabulary import stop_words

__all__ = [
    "MIN_COMMENTS_FOR_TOPICS",
    "OUTLIER_LABEL",
    "build_topic_model",
    "cluster_settings",
    "embed_comments",
    "fit_embedding_model",
    "fit_topic_model",
    "fitting_min_cluster_size",
    "make_vectorizer",
    "resolve_cluster_params",
    "seeded_sample",
    "select_model_comments",
    "topic_centroids",
    "topic_documents",
    "topic_probabilities",
]

logger = logging.getLogger(__name__)

OUTLIER_LABEL = "Hors thème"


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
        if getattr(model, "_outliers", 1):
            reduced = model.reduce_outliers(
                texts,
                list(topics),
                strategy=p.outlier_strategy,
                embeddings=embeddings,
                threshold=p.outlier_threshold,
            )
            topics = np.asarray(reduced, dtype=int)
        else:
            topics = _nearest_topic_for_outliers(model, topics, embeddings, p.outlier_threshold)
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


def _nearest_topic_for_outliers(
    model: Any, topics: np.ndarray, embeddings: np.ndarray, threshold: float
) -> np.ndarray:
    """Outliers of the assignment step moved to their most similar topic.

    When HDBSCAN leaves no outlier in the fit sample, BERTopic keeps no outlier topic and its
    ``reduce_outliers`` refuses to run ("No outliers to reduce."), yet ``transform`` can still
    call some of the other comments outliers. This does what its "embeddings" strategy does
    (cosine similarity to each topic's embedding, kept above ``threshold``); without an
    outlier topic, row k of ``topic_embeddings_`` is topic k."""
    from sklearn.metrics.pairwise import cosine_similarity

    out = topics.copy()
    rows = np.flatnonzero(topics == -1)
    similarity = cosine_similarity(embeddings[rows], np.asarray(model.topic_embeddings_))
    best = similarity.argmax(axis=1)
    keep = similarity[np.arange(len(rows)), best] >= threshold
    out[rows[keep]] = best[keep]
    return out
