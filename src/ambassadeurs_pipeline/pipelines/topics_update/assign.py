"""Assign the month's new comments with the saved models: embed them with the saved
``embedding_model`` and give each its nearest topic of the saved ``topic_model``, flagging
those far from every fitted comment (``novelty.py``). Nothing is refitted.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.datasets.bertopic_model import has_topic_model
from ambassadeurs_pipeline.embeddings import EmbeddingBackend, l2_normalise
from ambassadeurs_pipeline.execution import ExecutionParams, map_chunks
from ambassadeurs_pipeline.execution.engine import LOCAL

from ..topics.model_corpus import select_model_comments
from ..topics.params import TopicsParams
from .novelty import BLOCK_ROWS, knn_similarity, nearest_topics, reference_sample
from .params import TopicsUpdateParams

logger = logging.getLogger(__name__)


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
