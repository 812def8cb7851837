"""The vectorised init_graph_transform gives umap-learn's values."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
import umap.umap_ as umap_module

from ambassadeurs_pipeline.pipelines.topics.umap_speedup import (
    fast_umap_transform,
    init_graph_transform,
)


def _graph(n_new: int, n_fit: int, k: int, seed: int) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    rows = np.repeat(np.arange(n_new), k)
    cols = rng.integers(0, n_fit, n_new * k)
    vals = rng.random(n_new * k).astype(np.float32)
    graph = sp.csr_matrix((vals, (rows, cols)), shape=(n_new, n_fit))
    graph.sum_duplicates()
    return graph


def test_same_values_as_umap_including_exact_matches_and_empty_rows():
    graph = _graph(300, 500, 15, seed=1).tolil()
    graph[3, :] = 0  # a point with no neighbour: NaN
    graph[7, 11] = 1.0  # a point that coincides with fitted point 11
    graph[9, 20] = 1.0  # two exact matches: the first in row order wins
    graph[9, 40] = 1.0
    graph = graph.tocsr()
    graph.eliminate_zeros()
    embedding = np.random.default_rng(2).normal(size=(500, 5)).astype(np.float32)
    expected = umap_module.init_graph_transform(graph, embedding)
    got = init_graph_transform(graph, embedding)
    assert np.isnan(got[3]).all() and np.isnan(expected[3]).all()
    np.testing.assert_array_equal(got[7], embedding[11])
    np.testing.assert_array_equal(got[9], embedding[20])
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)


def test_context_manager_restores_umap():
    original = umap_module.init_graph_transform
    with fast_umap_transform():
        assert umap_module.init_graph_transform is init_graph_transform
    assert umap_module.init_graph_transform is original
