import pandas as pd
import pytest

from ambassadeurs_pipeline.pipelines.personas.graph import graph_metrics, reply_edges
from ambassadeurs_pipeline.pipelines.personas.params import GraphParams

# A replies to B, C replies to B, B replies to A, D replies to C; B's self-reply is ignored.
COMMENTS = pd.DataFrame(
    {
        "comment_id": ["b1", "a1", "c1", "b2", "d1", "b3"],
        "author_id": ["B", "A", "C", "B", "D", "B"],
        "parent_id": [None, "b1", "b1", "a1", "c1", "b1"],
    }
)
AUTHORS = pd.Index(["A", "B", "C", "D", "E"])


def test_reply_edges():
    edges = reply_edges(COMMENTS)
    assert set(map(tuple, edges[["source", "target"]].to_numpy())) == {
        ("A", "B"),
        ("C", "B"),
        ("B", "A"),
        ("D", "C"),
    }


def test_graph_metrics_on_a_tiny_graph():
    m = graph_metrics(reply_edges(COMMENTS), AUTHORS, GraphParams(), seed=0)
    assert m["in_degree"].to_dict() == {"A": 1, "B": 2, "C": 1, "D": 0, "E": 0}
    assert m["pagerank"].idxmax() == "B"
    # directed paths D→C→B→A: C and B each lie on 2 of the (n-1)(n-2) = 12 ordered pairs
    assert m.loc["C", "betweenness"] == pytest.approx(2 / 12)
    assert m.loc["B", "betweenness"] == pytest.approx(2 / 12)
    assert m.loc["A", "betweenness"] == 0
    assert m.loc["E", "community"] == -1  # isolated
    assert set(m.loc[["A", "B", "C", "D"], "community"]) <= {0, 1}


def test_sampled_betweenness_is_seeded():
    params = GraphParams(betweenness_exact_max_nodes=2, betweenness_k=3)
    first = graph_metrics(reply_edges(COMMENTS), AUTHORS, params, seed=7)
    again = graph_metrics(reply_edges(COMMENTS), AUTHORS, params, seed=7)
    pd.testing.assert_frame_equal(first, again)


def test_betweenness_equals_networkx_exact_and_sampled():
    """igraph computes what networkx defines: exact values equal
    ``nx.betweenness_centrality(normalized=True)``; the sampled estimate equals networkx's
    Brandes sum restricted to the same source pivots, scaled by n/k."""
    import networkx as nx
    import numpy as np

    from ambassadeurs_pipeline.pipelines.personas.graph import betweenness

    graph = nx.gnp_random_graph(40, 0.08, seed=3, directed=True)
    graph = nx.relabel_nodes(graph, {i: f"a{i:02d}" for i in graph})
    exact = betweenness(graph, None, seed=0)
    reference = nx.betweenness_centrality(graph, normalized=True)
    assert exact == pytest.approx(reference, abs=1e-12)

    n, k = graph.number_of_nodes(), 10
    sampled = betweenness(graph, k, seed=5)
    nodes = list(graph.nodes())
    pivots = [
        nodes[i] for i in sorted(np.random.default_rng(5).choice(n, size=k, replace=False).tolist())
    ]
    restricted = nx.betweenness_centrality_subset(
        graph, sources=pivots, targets=nodes, normalized=False
    )
    expected = {v: restricted[v] * (n / k) / ((n - 1) * (n - 2)) for v in nodes}
    assert sampled == pytest.approx(expected, abs=1e-12)
    assert sampled != pytest.approx(exact)  # really a sample
