"""What the topic explorer's views are drawn from: the reloaded model made usable again,
the monthly frame of topics over time and the seeded sample of the documents map.

Apart from the views (``explorer.py``) because these are the parts with logic worth testing
on their own (exact monthly counts, seeded samples, the saved vocabulary kept as is), while
the views only hand their results to BERTopic's plotting functions.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd

from .params import TopicsParams
from .topic_model import make_vectorizer


def n_topics(topic_model: Any) -> int:
    """Topics of the fitted model, outliers (-1) excluded."""
    return sum(1 for t in topic_model.get_topic_freq()["Topic"] if int(t) != -1)


def has_custom_labels(topic_model: Any) -> bool:
    return getattr(topic_model, "custom_labels_", None) is not None


def restore_vectorizer(topic_model: Any, params: TopicsParams) -> Any:
    """The project's French analyser over the vocabulary the model was saved with.

    BERTopic's safetensors save drops callable analysers; its reloaded vectoriser would
    split words its own way and miss our n-grams. c-TF-IDF columns follow the saved
    vocabulary, so the vocabulary is kept as is.
    """
    saved = topic_model.vectorizer_model
    vocabulary = getattr(saved, "vocabulary_", None)
    if not vocabulary:
        return topic_model
    vectorizer = make_vectorizer(params.model, len(vocabulary))
    vectorizer.vocabulary_ = {str(k): int(v) for k, v in vocabulary.items()}
    topic_model.vectorizer_model = vectorizer
    return topic_model


@contextmanager
def seeded_global_rng(seed: int):
    """BERTopic's ``visualize_documents`` samples with ``np.random`` (unseeded): seed it for
    the call, then give the caller's global state back."""
    state = np.random.get_state()
    np.random.seed(seed)
    try:
        yield
    finally:
        np.random.set_state(state)


@contextmanager
def topics_of(topic_model: Any, topics: list[int]):
    """``visualize_documents`` reads ``topic_model.topics_`` for the documents it is given."""
    saved = topic_model.topics_
    topic_model.topics_ = topics
    try:
        yield
    finally:
        topic_model.topics_ = saved


def monthly_timestamps(created_at: pd.Series) -> pd.Series:
    """First day of each comment's month (naive), ``NaT`` kept."""
    stamps = pd.to_datetime(created_at, errors="coerce", utc=True).dt.tz_localize(None)
    return stamps.dt.to_period("M").dt.to_timestamp()


def sample_positions(n: int, size: int, random_state: int) -> np.ndarray:
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(random_state).choice(n, size=size, replace=False))


def topics_over_time_frame(
    topic_model: Any,
    docs: list[str],
    topics: np.ndarray,
    months: pd.Series,
    params: TopicsParams,
    random_state: int,
) -> pd.DataFrame:
    """BERTopic's ``topics_over_time`` by month, its words computed on a seeded sample of at
    most ``explorer.over_time_sample`` comments, its ``Frequency`` the exact monthly count
    over every comment (so sampling never changes a count).

    Returns BERTopic's frame: ``Topic, Words, Frequency, Timestamp``.
    """
    ok = months.notna().to_numpy()
    positions = np.flatnonzero(ok)
    pick = positions[
        sample_positions(len(positions), params.explorer.over_time_sample, random_state)
    ]
    # BERTopic maps the topics it is given, sorted, onto the rows of the model's c-TF-IDF
    # matrix: every topic of the model must be in the sample, or the rows shift.
    model_topics = set(int(t) for t in topic_model.get_topic_freq()["Topic"])
    missing = model_topics - set(int(t) for t in topics[pick])
    if missing:
        first = [
            positions[np.flatnonzero(topics[positions] == t)[0]]
            for t in sorted(missing)
            if (topics[positions] == t).any()
        ]
        pick = np.sort(np.concatenate([pick, np.asarray(first, dtype=int)]))
    if set(int(t) for t in topics[pick]) != model_topics:
        raise ValueError("some topics of the model have no dated comment")
    frame = topic_model.topics_over_time(
        [docs[i] for i in pick],
        list(months.iloc[pick]),
        topics=[int(t) for t in topics[pick]],
        nr_bins=None,
        global_tuning=True,
        evolution_tuning=True,
    )
    counts = (
        pd.DataFrame({"Topic": topics[ok].astype(int), "Timestamp": months[ok].to_numpy()})
        .value_counts()
        .rename("exact")
        .reset_index()
    )
    frame = frame.merge(counts, on=["Topic", "Timestamp"], how="left")
    frame["Frequency"] = frame["exact"].fillna(frame["Frequency"]).astype(int)
    return frame.drop(columns="exact")


def documents_map_inputs(
    comment_topics: pd.DataFrame,
    texts: pd.Series,
    comment_embeddings: pd.DataFrame,
    size: int,
    random_state: int,
) -> tuple[list[int], np.ndarray, pd.Index]:
    """(topics, 2-D UMAP coordinates, comment ids) of a seeded sample of comments.

    The 2-D projection is computed here, seeded, on the sample's stored embeddings (each
    comment's own vector), as BERTopic recommends for ``reduced_embeddings``.
    """
    from umap import UMAP

    from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix

    ct = comment_topics[comment_topics["comment_id"].isin(texts.index)].sort_values(
        "comment_id", kind="stable"
    )
    ct = ct.iloc[sample_positions(len(ct), size, random_state)]
    vectors = embeddings_matrix(
        comment_embeddings, ct["comment_id"].astype(str).reset_index(drop=True)
    )
    reducer = UMAP(
        n_neighbors=min(15, len(ct) - 1),
        n_components=2,
        min_dist=0.0,
        metric="cosine",
        random_state=random_state,
        n_jobs=1,
        init="random",
    )
    reduced = reducer.fit_transform(vectors)
    return ct["topic_id"].astype(int).tolist(), reduced, pd.Index(ct["comment_id"])
