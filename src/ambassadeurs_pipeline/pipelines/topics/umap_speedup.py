"""A faster ``UMAP.transform`` for assigning many comments to a fitted model.

umap-learn's ``init_graph_transform`` (the initial position of each new point: its
neighbours' positions weighted by the fuzzy graph, or a neighbour's position when the new
point coincides with it) loops in Python over the rows of a scipy sparse matrix, slicing one
CSR row per new point. On the 100k demo, py-spy put about half of ``BERTopic.transform``'s time
there, and assignment is what grows with the corpus (the model is fitted on a fixed sample).
:func:`init_graph_transform` computes the same thing with one sparse product.

:func:`fast_umap_transform` swaps it in for the duration of a ``with`` block only, so nothing
outside the block (another library, another node) sees a changed umap.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import numpy as np
import scipy.sparse as sp


def init_graph_transform(graph: sp.spmatrix, embedding: np.ndarray) -> np.ndarray:
    """Same contract and values as ``umap.umap_.init_graph_transform``.

    Each row: the position of the first neighbour with membership exactly 1 (the new point
    coincides with it) if there is one, else the membership-weighted mean of its neighbours'
    positions; NaN for a point with no neighbour.
    """
    graph = sp.csr_matrix(graph)
    embedding = np.asarray(embedding, dtype=np.float32)
    n = graph.shape[0]
    indptr, indices, data = graph.indptr, graph.indices, graph.data
    row_of = np.repeat(np.arange(n), np.diff(indptr))
    sums = np.zeros(n, dtype=data.dtype)
    np.add.at(sums, row_of, data)
    with np.errstate(divide="ignore", invalid="ignore"):
        scaled = (data / sums[row_of]).astype(np.float32)
    weighted = sp.csr_matrix((scaled, indices, indptr), shape=graph.shape) @ embedding
    result = np.asarray(weighted, dtype=np.float32)
    exact = np.flatnonzero(data == 1)
    if len(exact):
        rows = row_of[exact]
        first = np.unique(rows, return_index=True)[1]  # first exact match of each row, in row order
        result[rows[first]] = embedding[indices[exact[first]]]
    result[np.diff(indptr) == 0] = np.nan
    return result


@contextlib.contextmanager
def fast_umap_transform() -> Iterator[None]:
    """Within the block, ``UMAP.transform`` uses :func:`init_graph_transform`."""
    import umap.umap_ as umap_module

    original = umap_module.init_graph_transform
    umap_module.init_graph_transform = init_graph_transform
    try:
        yield
    finally:
        umap_module.init_graph_transform = original
