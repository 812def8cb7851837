"""How far a comment is from the topic model: the nearest saved topic, and the mean
similarity to its nearest fitted comments against a threshold calibrated on the fit.

The similarity functions run in blocks of ``BLOCK_ROWS`` rows under one BLAS thread, so a
local and a distributed run give the same floats (see ``one_blas_thread``).
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.execution import ExecutionParams, map_chunks
from ambassadeurs_pipeline.execution.engine import LOCAL

from ..topics.model_corpus import seeded_sample
from .params import TopicsUpdateParams

logger = logging.getLogger(__name__)

#: Rows per matrix product in the similarity functions; Dask partitions are multiples of it
#: so that each product has the shape it has in a single-process run (identical floats).
BLOCK_ROWS = 256


def one_blas_thread():
    # OpenBLAS splits a product differently with 2 threads than with 1 (what a Dask worker
    # with threads_per_worker=1 gets), and the float32 sums then differ in the last bits:
    # one thread everywhere makes the local and the distributed run agree exactly.
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def exact_cosines(rows: np.ndarray, others: np.ndarray) -> np.ndarray:
    """``rows @ others.T`` in float64 with a fixed summation order (``einsum`` without BLAS).

    Even on one BLAS thread, OpenBLAS's float32 kernels can round a row's products
    differently depending on the block's place in memory, so a Dask partition and the local
    array disagreed in the 7th digit of a topic probability (tests/pipelines/topics_update/
    test_on_dask.py, once the fitted model changed; an earlier model happened to agree). A
    plain loop in float64 gives every row the same floats wherever it runs; the cost is small
    for topics (rows × topics × dimension per block). The k-nearest-neighbour similarity to
    the reference sample keeps the BLAS product: thousands of columns, and so far exact."""
    a = np.asarray(rows, dtype=np.float64)
    b = np.asarray(others, dtype=np.float64)
    return np.einsum("ij,kj->ik", a, b, optimize=False).astype(np.float32)


def nearest_topics(embeddings: np.ndarray, centroids: np.ndarray, temperature: float) -> np.ndarray:
    """Per row: (index of the most similar centroid, that cosine similarity, softmax
    probability of it over all topics at ``temperature``), as an ``(n, 3)`` float64 array.

    Row-wise, in blocks of ``BLOCK_ROWS`` rows (n × k memory, never n × n).
    """
    out = np.zeros((len(embeddings), 3))
    with one_blas_thread():
        _nearest_blocks(embeddings, centroids, temperature, out)
    return out


def _nearest_blocks(
    embeddings: np.ndarray, centroids: np.ndarray, temperature: float, out: np.ndarray
) -> None:
    for start in range(0, len(embeddings), BLOCK_ROWS):
        sims = exact_cosines(embeddings[start : start + BLOCK_ROWS], centroids)
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
    with one_blas_thread():
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
