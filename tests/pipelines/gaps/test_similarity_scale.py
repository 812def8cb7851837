"""The embedding similarity is put on one scale whatever the backend (similarity_scale.py)."""

from __future__ import annotations

import numpy as np
import pytest

from ambassadeurs_pipeline.pipelines.gaps.faq import question_distances
from ambassadeurs_pipeline.pipelines.gaps.similarity_scale import (
    SimilarityScale,
    chance_similarity,
    fit_scale,
)


def _with_shared_direction(n_groups: int, per_group: int, shared: float) -> np.ndarray:
    """Unit vectors: each group its own axis, plus a direction every vector shares.

    Two vectors of different groups have cosine ``shared**2 / (shared**2 + 1)``, as a
    contextual encoder gives unrelated sentences of one domain a high cosine.
    """
    dim = n_groups + 1
    rows = []
    for g in range(n_groups):
        v = np.zeros(dim)
        v[g] = 1.0
        v[-1] = shared
        rows += [v / np.linalg.norm(v)] * per_group
    return np.asarray(rows, dtype=np.float32)


def test_chance_of_orthogonal_groups_is_zero_and_of_shared_direction_is_known():
    # 10 groups of 2: 190 pairs, 10 within a group (cosine 1), 180 across (cosine 0).
    assert chance_similarity(_with_shared_direction(10, 2, 0.0), 0.5) == pytest.approx(0.0)
    # shared = 1: across-group cosine is 1 / 2.
    assert chance_similarity(_with_shared_direction(10, 2, 1.0), 0.5) == pytest.approx(0.5)


def test_chance_on_a_large_corpus_is_sampled_and_deterministic():
    vectors = _with_shared_direction(50, 100, 1.0)  # 5,000 rows: 12.5 M pairs, sampled
    first = chance_similarity(vectors, 0.5, seed=3)
    assert first == chance_similarity(vectors, 0.5, seed=3)
    assert first == pytest.approx(0.5, abs=1e-6)  # 98 % of pairs are across groups


def test_scale_maps_chance_to_reference_and_keeps_identity():
    scale = SimilarityScale(chance=0.5, reference=0.05)
    out = scale.apply(np.array([0.5, 1.0, 0.75]))
    assert out == pytest.approx([0.05, 1.0, 0.525])  # halfway stays halfway
    off = SimilarityScale(chance=0.5, reference=None)
    assert not off.active
    assert off.apply(np.array([0.3]))[0] == pytest.approx(0.3)
    assert fit_scale(np.eye(3, dtype=np.float32), None, 0.5).active is False


def test_rescaled_distances_separate_groups_that_a_high_baseline_cosine_blurs():
    vectors = _with_shared_direction(3, 2, 1.0)  # across groups: cosine 0.5
    texts = ["a", "b", "c", "d", "e", "f"]
    raw = question_distances(texts, vectors, term_weight=0.0, term_min_df=1)
    assert raw[0, 2] == pytest.approx(0.5, abs=1e-6)  # under the 0.75 threshold: would merge
    scale = fit_scale(vectors, reference=0.045, quantile=0.5)
    assert scale.chance == pytest.approx(0.5, abs=1e-6)
    scaled = question_distances(texts, vectors, term_weight=0.0, term_min_df=1, scale=scale)
    assert scaled[0, 2] == pytest.approx(1 - 0.045, abs=1e-6)  # at chance: far apart
    assert scaled[0, 1] == pytest.approx(0.0, abs=1e-6)  # same group stays together
