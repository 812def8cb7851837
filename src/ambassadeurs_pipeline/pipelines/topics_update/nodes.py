"""Monthly update: embed and assign new comments with the saved models, find emerging topics.

Nothing is refitted. The new comments are embedded with the saved ``embedding_model`` and
assigned to the nearest topic of the saved ``topic_model`` by cosine similarity to its topic
embeddings, which is what ``BERTopic.transform`` does for a model loaded from safetensors
(no UMAP/HDBSCAN inside). Because the fitted comments' rows are copied unchanged into the
history, an update can never move an old comment to another topic.

A new comment is *far from every topic* when it is unlike the comments the model was fitted
on: the mean cosine similarity to its ``k`` nearest fitted comments (a seeded reference
sample) is below a low quantile of the same measure among the fitted comments themselves.
Distance to the topic centroids is a much weaker signal (topics are broad: on the test
corpus a planted new theme had centroid similarity 0.37 against 0.56 for known themes, but
5-nearest-neighbour similarity 0.41 against 0.73). Far comments are clustered (PCA then HDBSCAN, both deterministic); a
cluster with enough comments and authors is reported as an emerging topic ("sujet
émergent"), labelled like the fitted topics. The far comments keep their nearest existing
topic too, so every table built on ``topic_id`` keeps working.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
from ambassadeurs_pipeline.datasets.bertopic_model import has_topic_model
from ambassadeurs_pipeline.embeddings import EmbeddingBackend, l2_normalise
from ambassadeurs_pipeline.execution import ExecutionParams, map_chunks
from ambassadeurs_pipeline.execution.engine import LOCAL

from ..topics.annotate import COMMENT_TOPICS_COLUMNS, build_comment_topics
from ..topics.fit import seeded_sample, select_model_comments, topic_documents
from ..topics.params import TopicsParams
from ..topics.vocabulary import FrenchAnalyzer, make_label, stop_words
from .params import TopicsUpdateParams

logger = logging.getLogger(__name__)

#: Lot name of the comments the topic model was fitted on, in ``comment_topics_history``.
FIT_LOT = "ajustement"
#: Rows per matrix product in the similarity functions; Dask partitions are multiples of it
#: so that each product has the shape it has in a single-process run (identical floats).
BLOCK_ROWS = 256


def _one_blas_thread():
    # OpenBLAS splits a product differently with 2 threads than with 1 (what a Dask worker
    # with threads_per_worker=1 gets), and the float32 sums then differ in the last bits:
    # one thread everywhere makes the local and the distributed run agree exactly.
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


#: ``monthly_comment_topics`` columns: the ``comment_topics`` contract, then the update's own.
MONTHLY_COLUMNS = [
    *COMMENT_TOPICS_COLUMNS,
    "topic_similarity",
    "neighbour_similarity",
    "emerging_topic_id",
    "emerging_topic_label",
]
HISTORY_COLUMNS = [*MONTHLY_COLUMNS, "lot"]
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


def saved_topics(topic_model: Any) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """(topic ids ≥ 0, their unit topic embeddings, readable labels) of a fitted BERTopic.

    Raises:
        ValueError: the model has no topic embeddings or they do not match its topics.
    """
    if not has_topic_model(topic_model):
        raise ValueError(
            "the saved topic_model holds no topic (the last topics run found none, see topics_status): "
            "run `kedro run` on a larger export before the monthly update"
        )
    topics = sorted(int(t) for t in topic_model.topic_labels_)
    embeddings = getattr(topic_model, "topic_embeddings_", None)
    if embeddings is None or len(embeddings) != len(topics):
        raise ValueError(
            "topic_model has no topic embeddings matching its topics: refit with the topics pipeline"
        )
    custom = getattr(topic_model, "custom_labels_", None)
    names = (
        list(custom)
        if custom is not None and len(custom) == len(topics)
        else [topic_model.topic_labels_[t] for t in topics]
    )
    keep = [i for i, t in enumerate(topics) if t >= 0]
    if not keep:
        raise ValueError("topic_model has no topic (only outliers): refit with the topics pipeline")
    ids = np.array([topics[i] for i in keep], dtype="int64")
    centroids = l2_normalise(np.asarray(embeddings, dtype=np.float32)[keep])
    return ids, centroids, {int(topics[i]): str(names[i]) for i in keep}


def embed_texts(texts: Sequence[str], backend: EmbeddingBackend) -> np.ndarray:
    """Row-wise: each text's vector depends on that text and the fitted backend only."""
    return backend.transform(list(texts))


def embed_new_comments(
    comments_clean: pd.DataFrame,
    embedding_model: EmbeddingBackend,
    execution: ExecutionParams = LOCAL,
) -> pd.DataFrame:
    """Embed this export's in-model comments with the saved, already fitted backend.

    Returns:
        ``comment_id``, ``embedding`` (float32 unit vector), sorted by ``comment_id``.
    """
    docs = select_model_comments(comments_clean)
    texts = docs["text_clean"].astype(str).tolist()
    parts = map_chunks(
        embed_texts,
        texts,
        execution,
        embedding_model,
        label="embed_new_comments",
        multiple_of=embedding_model.batch_size,
    )
    matrix = np.vstack(parts)
    logger.info(
        "embedded %d new comments with the saved %s backend", len(texts), embedding_model.name
    )
    return pd.DataFrame(
        {"comment_id": docs["comment_id"].astype(str).to_numpy(), "embedding": list(matrix)}
    )


def nearest_topics(embeddings: np.ndarray, centroids: np.ndarray, temperature: float) -> np.ndarray:
    """Per row: (index of the most similar centroid, that cosine similarity, softmax
    probability of it over all topics at ``temperature``), as an ``(n, 3)`` float64 array.

    Row-wise, in blocks of ``BLOCK_ROWS`` rows (n × k memory, never n × n).
    """
    out = np.zeros((len(embeddings), 3))
    with _one_blas_thread():
        _nearest_blocks(embeddings, centroids, temperature, out)
    return out


def _nearest_blocks(
    embeddings: np.ndarray, centroids: np.ndarray, temperature: float, out: np.ndarray
) -> None:
    for start in range(0, len(embeddings), BLOCK_ROWS):
        sims = np.asarray(embeddings[start : start + BLOCK_ROWS], dtype=np.float32) @ centroids.T
        best = sims.argmax(axis=1)
        top = sims[np.arange(len(best)), best].astype(np.float64)
        # Same softmax over cosine / temperature as topics.fit.topic_probabilities.
        probs = 1.0 / np.exp((sims.astype(np.float64) - top[:, None]) / temperature).sum(axis=1)
        out[start : start + BLOCK_ROWS] = np.column_stack([best, top, probs])


def reference_sample(comment_embeddings: pd.DataFrame, size: int, random_state: int) -> np.ndarray:
    """Float32 matrix of a seeded sample of at most ``size`` fitted comments (by ``comment_id``)."""
    frame = comment_embeddings.sort_values("comment_id", kind="stable").reset_index(drop=True)
    chosen = frame.iloc[seeded_sample(len(frame), size, random_state)]
    return np.vstack(chosen["embedding"].to_numpy()).astype(np.float32)


def knn_similarity(
    rows: np.ndarray, reference: np.ndarray, k: int, offset: int | None = None
) -> np.ndarray:
    """Mean cosine similarity of each row to its ``k`` most similar reference rows.

    ``offset``: ``rows`` are ``reference[offset:offset + len(rows)]`` (leave-one-out: a row
    is not its own neighbour). Row-wise, blocks of ``BLOCK_ROWS`` rows (memory: block × reference).
    """
    out = np.zeros(len(rows))
    k = min(k, len(reference) - (1 if offset is not None else 0))
    with _one_blas_thread():
        for start in range(0, len(rows), BLOCK_ROWS):
            out[start : start + BLOCK_ROWS] = _knn_block(
                rows[start : start + BLOCK_ROWS], reference, k, offset, start
            )
    return out


def _knn_block(
    rows: np.ndarray, reference: np.ndarray, k: int, offset: int | None, start: int
) -> np.ndarray:
    sims = np.asarray(rows, dtype=np.float32) @ reference.T
    if offset is not None:
        block = np.arange(len(sims))
        sims[block, offset + start + block] = -np.inf
    return np.partition(sims, -k, axis=1)[:, -k:].astype(np.float64).mean(axis=1)


def _leave_one_out(positions: np.ndarray, reference: np.ndarray, k: int) -> np.ndarray:
    # Positions are contiguous within a partition: neighbours of reference rows a..b.
    return (
        knn_similarity(reference[positions], reference, k, offset=int(positions[0]))
        if len(positions)
        else np.zeros(0)
    )


def calibrate_novelty(
    comment_embeddings: pd.DataFrame,
    params: TopicsUpdateParams,
    random_state: int,
    execution: ExecutionParams = LOCAL,
) -> dict[str, Any]:
    """The neighbour similarity below which a new comment is "far from every topic".

    The ``novelty.quantile`` quantile, over a seeded sample of the fitted comments, of each
    one's mean similarity to its ``novelty.k`` nearest other sampled comments: by default a
    new comment is far when it is less like the fitted corpus than 98 % of that corpus is.

    Raises:
        ValueError: fewer fitted comments than ``novelty.k + 1``.
    """
    p = params.novelty
    reference = reference_sample(comment_embeddings, p.calibration_sample_size, random_state)
    if len(reference) <= p.k:
        raise ValueError(f"only {len(reference)} fitted comments for topics_update.novelty.k={p.k}")
    own = np.concatenate(
        map_chunks(
            _leave_one_out,
            np.arange(len(reference)),
            execution,
            reference,
            p.k,
            label="calibrate_novelty",
            multiple_of=BLOCK_ROWS,
        )
    )
    threshold = float(np.quantile(own, p.quantile))
    logger.info(
        "novelty threshold %.3f (quantile %.2f over %d fitted comments, k=%d)",
        threshold,
        p.quantile,
        len(own),
        p.k,
    )
    return {
        "threshold": threshold,
        "quantile": p.quantile,
        "k": p.k,
        "reference_size": len(reference),
        "median_neighbour_similarity": float(np.median(own)),
    }


def _assign_chunk(
    rows: np.ndarray, centroids: np.ndarray, temperature: float, reference: np.ndarray, k: int
) -> np.ndarray:
    return np.column_stack(
        [nearest_topics(rows, centroids, temperature), knn_similarity(rows, reference, k)]
    )


def assign_new_comments(
    new_comment_embeddings: pd.DataFrame,
    comment_embeddings: pd.DataFrame,
    topic_model: Any,
    novelty_calibration: dict[str, Any],
    topics_params: TopicsParams,
    params: TopicsUpdateParams,
    random_state: int,
    execution: ExecutionParams = LOCAL,
) -> pd.DataFrame:
    """Assign each new comment to its nearest saved topic and measure how new it is.

    Returns:
        ``comment_id, topic_id, topic_label, topic_probability, was_outlier`` (here: far
        from every topic), ``topic_similarity`` (to the assigned topic),
        ``neighbour_similarity`` (mean over the k nearest fitted comments).

    Raises:
        ValueError: the embeddings and the topic model come from different runs.
    """
    ids, centroids, labels = saved_topics(topic_model)
    frame = new_comment_embeddings.sort_values("comment_id", kind="stable").reset_index(drop=True)
    matrix = (
        np.vstack(frame["embedding"].to_numpy()).astype(np.float32)
        if len(frame)
        else np.zeros((0, centroids.shape[1]), np.float32)
    )
    if matrix.shape[1] != centroids.shape[1]:
        raise ValueError(
            f"new embeddings have dimension {matrix.shape[1]}, the topic model {centroids.shape[1]}: "
            "embedding_model and topic_model come from different runs"
        )
    reference = reference_sample(
        comment_embeddings, novelty_calibration["reference_size"], random_state
    )
    result = np.vstack(
        map_chunks(
            _assign_chunk,
            matrix,
            execution,
            centroids,
            topics_params.model.probability_temperature,
            reference,
            novelty_calibration["k"],
            label="assign_new_comments",
            multiple_of=BLOCK_ROWS,
        )
    )
    topic_ids = ids[result[:, 0].astype(int)]
    far = result[:, 3] < novelty_calibration["threshold"]
    logger.info(
        "assigned %d new comments to %d topics; %d far from every topic",
        len(frame),
        len(ids),
        int(far.sum()),
    )
    return pd.DataFrame(
        {
            "comment_id": frame["comment_id"].astype(str).to_numpy(),
            "topic_id": topic_ids.astype("int64"),
            "topic_label": [labels[int(t)] for t in topic_ids],
            "topic_probability": result[:, 2],
            "was_outlier": far,
            "topic_similarity": result[:, 1],
            "neighbour_similarity": result[:, 3],
        }
    )


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


def build_monthly_comment_topics(
    new_topic_assignments: pd.DataFrame,
    new_comment_annotations: pd.DataFrame,
    emerging_topic_members: pd.DataFrame,
    emerging_topics: pd.DataFrame,
) -> pd.DataFrame:
    """``comment_topics`` for this export (same contract) plus ``topic_similarity``,
    ``emerging_topic_id`` and ``emerging_topic_label`` (empty outside emerging topics)."""
    extra = ["topic_similarity", "neighbour_similarity"]
    base = build_comment_topics(new_topic_assignments.drop(columns=extra), new_comment_annotations)
    out = base.merge(
        new_topic_assignments[["comment_id", *extra]],
        on="comment_id",
        how="left",
        validate="one_to_one",
    )
    names = (
        emerging_topics.set_index("emerging_topic_id")["emerging_topic_label"]
        if len(emerging_topics)
        else pd.Series(dtype=str)
    )
    out = out.merge(emerging_topic_members, on="comment_id", how="left", validate="one_to_one")
    out["emerging_topic_id"] = out["emerging_topic_id"].astype("Int64")
    out["emerging_topic_label"] = out["emerging_topic_id"].map(names).astype("string")
    return out[MONTHLY_COLUMNS]


def _lot(created_at: pd.Series) -> str:
    latest = pd.to_datetime(created_at).max()
    return "sans_date" if pd.isna(latest) else f"{latest:%Y-%m}"


def _fit_rows(comment_topics: pd.DataFrame) -> pd.DataFrame:
    rows = comment_topics.copy()
    rows["topic_similarity"] = np.nan
    rows["neighbour_similarity"] = np.nan
    rows["emerging_topic_id"] = pd.array([pd.NA] * len(rows), dtype="Int64")
    rows["emerging_topic_label"] = pd.array([pd.NA] * len(rows), dtype="string")
    rows["lot"] = FIT_LOT
    return rows[HISTORY_COLUMNS]


def _same_fit(history: pd.DataFrame, comment_topics: pd.DataFrame) -> bool:
    fit = (
        history.loc[history["lot"] == FIT_LOT, ["comment_id", "topic_id"]]
        .sort_values("comment_id")
        .reset_index(drop=True)
    )
    now = (
        comment_topics[["comment_id", "topic_id"]].sort_values("comment_id").reset_index(drop=True)
    )
    return fit.astype(str).equals(now.astype(str))


def append_comment_topics_history(
    comment_topics_history_previous: pd.DataFrame | None,
    comment_topics: pd.DataFrame,
    monthly_comment_topics: pd.DataFrame,
) -> pd.DataFrame:
    """The previous history (or, the first time, the fitted ``comment_topics``) with this
    export's rows appended, ``lot`` = the export's latest month. Previous rows are copied
    unchanged. If the topic model was refitted since, the history restarts from its
    ``comment_topics`` (a history mixing two models' topic ids would be meaningless).

    Raises:
        ValueError: some of this export's comments are already in the history (the same
            export added twice, or ids reused across exports).
    """
    previous = comment_topics_history_previous
    if previous is None:
        start = _fit_rows(comment_topics)
    elif not _same_fit(previous, comment_topics):
        logger.warning(
            "the topic model was refitted since the last update: comment_topics_history restarts from it"
        )
        start = _fit_rows(comment_topics)
    else:
        start = previous[HISTORY_COLUMNS]
    again = monthly_comment_topics["comment_id"].isin(start["comment_id"])
    if again.any():
        raise ValueError(
            f"{int(again.sum())} comments of this export are already in comment_topics_history "
            f"(e.g. {monthly_comment_topics.loc[again, 'comment_id'].head(3).tolist()}): was this export "
            "already added? Each monthly export must hold only new comments with new ids."
        )
    new = monthly_comment_topics.assign(lot=_lot(monthly_comment_topics["created_at"]))[
        HISTORY_COLUMNS
    ]
    history = pd.concat([start, new], ignore_index=True)
    logger.info(
        "comment_topics_history: %d comments (%d added in lot %s)",
        len(history),
        len(new),
        new["lot"].iat[0] if len(new) else "-",
    )
    return history


def summarise_topics_update(
    monthly_comment_topics: pd.DataFrame,
    emerging_topics: pd.DataFrame,
    comment_topics: pd.DataFrame,
    novelty_calibration: dict[str, Any],
) -> dict[str, Any]:
    """What changed this month, with French statements for the report and the log."""
    n = len(monthly_comment_topics)
    lot = _lot(monthly_comment_topics["created_at"]) if n else "vide"
    month_share = monthly_comment_topics["topic_id"].value_counts(normalize=True)
    fit_share = comment_topics["topic_id"].value_counts(normalize=True)
    labels = dict(
        zip(monthly_comment_topics["topic_id"], monthly_comment_topics["topic_label"])
    ) | dict(zip(comment_topics["topic_id"], comment_topics["topic_label"]))
    topics = [
        {
            "topic_id": int(t),
            "topic_label": str(labels[t]),
            "count": int((monthly_comment_topics["topic_id"] == t).sum()),
            "share_of_month": round(float(month_share.get(t, 0.0)), 4),
            "share_at_fit": round(float(fit_share.get(t, 0.0)), 4),
        }
        for t in sorted(set(month_share.index) | set(fit_share.index))
    ]
    far = int(monthly_comment_topics["was_outlier"].sum())
    statements = [
        f"Lot {lot} : {n} nouveaux commentaires rattachés aux {len(fit_share)} sujets existants, sans réajuster le modèle.",
        f"{far} commentaires ({100 * far / max(n, 1):.1f} %) sont loin de tous les sujets existants "
        f"(similarité moyenne à leurs {novelty_calibration['k']} plus proches commentaires déjà modélisés "
        f"< {novelty_calibration['threshold']:.2f}).",
    ]
    for row in emerging_topics.itertuples():
        statements.append(
            f"Sujet émergent n° {row.emerging_topic_id} : « {row.emerging_topic_label} » ({row.size} commentaires, "
            f"{100 * row.share_of_month:.1f} % du mois, {row.n_authors} auteurs ; sujet existant le plus proche : "
            f"« {row.nearest_topic_label} », similarité {row.similarity_to_nearest_topic:.2f})."
        )
    if emerging_topics.empty:
        statements.append("Aucun sujet émergent ce mois-ci.")
    for s in statements:
        logger.info(s)
    return {
        "lot": lot,
        "new_comments": n,
        "far_from_every_topic": far,
        "novelty_threshold": novelty_calibration["threshold"],
        "emerging_topics": [
            {
                "emerging_topic_id": int(r.emerging_topic_id),
                "label": r.emerging_topic_label,
                "size": int(r.size),
            }
            for r in emerging_topics.itertuples()
        ],
        "topics": topics,
        "statements": statements,
    }
