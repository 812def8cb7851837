"""Emerging topics: the far comments of the month clustered (PCA then HDBSCAN, both
deterministic); a cluster with enough comments and authors is reported as a "sujet
émergent", labelled like the fitted topics.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
from ambassadeurs_pipeline.embeddings import l2_normalise

from ..topics.model_corpus import select_model_comments, topic_documents
from ..topics.params import TopicsParams
from ..topics.vocabulary import FrenchAnalyzer, make_label, stop_words
from .assign import saved_topics
from .params import TopicsUpdateParams

logger = logging.getLogger(__name__)

EMERGING_COLUMNS = [
    "emerging_topic_id",
    "emerging_topic_label",
    "size",
    "share_of_month",
    "n_authors",
    "top_terms",
    "nearest_topic_id",
    "nearest_topic_label",
    "similarity_to_nearest_topic",
    "first_seen",
    "last_seen",
    "representative_comments",
]


def _top_terms(
    docs: Sequence[str], background: Sequence[str], analyzer: FrenchAnalyzer, n: int
) -> list[str]:
    """Terms frequent in ``docs`` and rare in ``background`` (tf × idf over the month)."""
    tf = Counter(t for d in docs for t in analyzer(d))
    df = Counter(t for d in background for t in set(analyzer(d)))
    scores = {t: c * np.log((1 + len(background)) / (1 + df.get(t, 0))) for t, c in tf.items()}
    return [t for t, _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def detect_emerging_topics(
    new_topic_assignments: pd.DataFrame,
    new_comment_embeddings: pd.DataFrame,
    comments_clean: pd.DataFrame,
    topic_model: Any,
    topics_params: TopicsParams,
    params: TopicsUpdateParams,
    random_state: int,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cluster the comments far from every topic; big, multi-author clusters are emerging topics.

    Returns:
        ``emerging_topics`` (``EMERGING_COLUMNS``, largest first) and
        ``emerging_topic_members`` (``comment_id, emerging_topic_id``).
    """
    from hdbscan import HDBSCAN
    from sklearn.decomposition import PCA

    p = params.emerging
    empty = (
        pd.DataFrame(columns=EMERGING_COLUMNS),
        pd.DataFrame(
            {"comment_id": pd.Series(dtype=str), "emerging_topic_id": pd.Series(dtype="int64")}
        ),
    )
    far = (
        new_topic_assignments[new_topic_assignments["was_outlier"]]
        .sort_values("comment_id", kind="stable")
        .reset_index(drop=True)
    )
    if len(far) < p.min_cluster_size:
        logger.info(
            "%d comments far from every topic (< %d): no emerging topic",
            len(far),
            p.min_cluster_size,
        )
        return empty
    matrix = embeddings_matrix(new_comment_embeddings, far["comment_id"])
    # Density clustering needs few dimensions; PCA (full SVD) is deterministic.
    n_components = int(min(10, matrix.shape[1], len(far) - 1))
    reduced = PCA(
        n_components=n_components, svd_solver="full", random_state=random_state
    ).fit_transform(matrix)
    clusters = HDBSCAN(
        min_cluster_size=p.min_cluster_size,
        min_samples=p.min_samples,
        metric="euclidean",
        core_dist_n_jobs=1,
    ).fit_predict(reduced)

    docs = select_model_comments(comments_clean).set_index("comment_id")
    month_texts = topic_documents(docs["text_clean"])
    analyzer = FrenchAnalyzer(
        stop_words(topics_params.model.vectorizer.extra_stop_words),
        topics_params.model.vectorizer.ngram_max,
    )
    stop = set(stop_words(topics_params.model.vectorizer.extra_stop_words))
    ids, centroids, labels = saved_topics(topic_model)
    taken = set(labels.values())
    found = []
    for c in sorted(set(clusters) - {-1}):
        members = far.loc[clusters == c, "comment_id"].to_numpy()
        authors = docs.loc[members, "author_id"].nunique() if "author_id" in docs else len(members)
        if authors < p.min_authors:
            continue
        vectors = matrix[clusters == c]
        centroid = l2_normalise(vectors.mean(axis=0, keepdims=True))[0]
        to_topics = centroids @ centroid
        nearest = int(np.argmax(to_topics))
        texts = docs.loc[members, "text_clean"].astype(str)
        terms = _top_terms(topic_documents(texts), month_texts, analyzer, 10)
        label = make_label(terms, p.label_words, stop, taken)
        taken.add(label)
        order = np.argsort(-(vectors @ centroid), kind="stable")
        representative = list(dict.fromkeys(texts.iloc[order].tolist()))[
            : p.representative_comments
        ]
        dates = pd.to_datetime(docs.loc[members, "created_at"])
        found.append(
            {
                "members": members,
                "emerging_topic_label": label,
                "size": len(members),
                "share_of_month": len(members) / len(docs),
                "n_authors": int(authors),
                "top_terms": terms,
                "nearest_topic_id": int(ids[nearest]),
                "nearest_topic_label": labels[int(ids[nearest])],
                "similarity_to_nearest_topic": float(to_topics[nearest]),
                "first_seen": dates.min(),
                "last_seen": dates.max(),
                "representative_comments": representative,
            }
        )
    if not found:
        logger.info(
            "%d far comments, no cluster of %d+ comments and %d+ authors",
            len(far),
            p.min_cluster_size,
            p.min_authors,
        )
        return empty
    found.sort(key=lambda f: (-f["size"], min(f["members"])))
    rows, members = [], []
    for number, f in enumerate(found, start=1):
        members += [(m, number) for m in f.pop("members")]
        rows.append({"emerging_topic_id": number, **f})
    logger.info("emerging topics: %s", [(r["emerging_topic_label"], r["size"]) for r in rows])
    emerging = pd.DataFrame(rows)[EMERGING_COLUMNS]
    emerging["emerging_topic_id"] = emerging["emerging_topic_id"].astype("int64")
    member_frame = pd.DataFrame(members, columns=["comment_id", "emerging_topic_id"]).astype(
        {"emerging_topic_id": "int64"}
    )
    return emerging, member_frame.sort_values("comment_id", kind="stable").reset_index(drop=True)
