"""Embedding nodes: fit the configured backend, then embed every in-model comment.

``fit_embedding_model`` fits the configured backend on a seeded sample; ``embed_comments``
embeds every in-model comment chunk by chunk, each chunk written as soon as it is made: the
result is its own versioned dataset, so re-fitting topics never recomputes it.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.embeddings import EmbeddingBackend, make_backend
from ambassadeurs_pipeline.execution import ExecutionParams, map_chunks
from ambassadeurs_pipeline.execution.engine import LOCAL

from .model_corpus import seeded_sample, select_model_comments
from .params import EmbeddingParams, TopicsParams

logger = logging.getLogger(__name__)


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
