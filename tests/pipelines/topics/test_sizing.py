"""The size-adaptive UMAP/HDBSCAN settings (pipelines/topics/sizing.py), by hand-checked values."""

from __future__ import annotations

import os

import pytest
import yaml
from pydantic import ValidationError

from ambassadeurs_pipeline.pipelines.topics.fit import cluster_settings, resolve_cluster_params
from ambassadeurs_pipeline.pipelines.topics.params import TopicModelParams, TopicsParams
from ambassadeurs_pipeline.pipelines.topics.sizing import (
    MIN_SAMPLES_RATIO,
    TOPICS_SCALE,
    auto_min_cluster_size,
    derive_cluster_settings,
)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


@pytest.fixture(scope="module")
def base_model_params() -> TopicModelParams:
    with open(
        os.path.join(ROOT, "conf", "base", "parameters_topics.yml"), encoding="utf-8"
    ) as handle:
        return TopicsParams(**yaml.safe_load(handle)["topics"]).model


def test_rule_constants_are_the_documented_ones():
    # The hand-computed values below assume these; change both together.
    assert (TOPICS_SCALE, MIN_SAMPLES_RATIO) == (150, 0.2)


@pytest.mark.parametrize(
    ("n_fit", "mcs", "min_samples", "neighbors"),
    [
        (100, 5, 1, 10),  # 100 / 150 < 1 -> floor 5; 100 // 10 = 10 neighbours
        (300, 5, 1, 15),  # 2 -> floor 5; 0.2 * 5 = 1
        (1_000, 7, 1, 15),  # 6.7 -> 7; 1.4 -> 1
        (20_000, 133, 27, 15),  # 133.3 -> 133; 26.6 -> 27
        (30_000, 200, 40, 15),  # 200; 40
    ],
)
def test_auto_settings_follow_corpus_size(n_fit, mcs, min_samples, neighbors):
    s = derive_cluster_settings(n_fit)
    assert (s.min_cluster_size, s.min_samples, s.n_neighbors, s.n_components) == (
        mcs,
        min_samples,
        neighbors,
        5,
    )
    assert s.source == {
        "min_cluster_size": "auto",
        "n_neighbors": "auto",
        "n_components": "auto",
        "min_samples": "auto",
    }


def test_one_million_comments_size_like_the_fit_sample(base_model_params):
    # BERTopic is fitted on fit_sample_size (30,000) comments: 1M sizes like 30k.
    assert base_model_params.fit_sample_size == 30_000
    assert cluster_settings(base_model_params, 1_000_000) == cluster_settings(
        base_model_params, 30_000
    )
    assert cluster_settings(base_model_params, 1_000_000).min_cluster_size == 200


def test_room_for_four_clusters_and_floor_on_tiny_corpora():
    assert auto_min_cluster_size(12) == 3  # floor 5 would leave room for 2 clusters only: 12 // 4
    assert auto_min_cluster_size(40) == 5  # 0.27 -> floor 5 (40 // 4 = 10 leaves room)
    s = derive_cluster_settings(4)
    assert s.min_cluster_size == 2 and s.n_neighbors == 3 and s.n_components == 2


def test_expected_topics_sizes_clusters():
    # 3,000 comments, 10 topics expected: average topic 300, allow 3x smaller -> 100.
    assert derive_cluster_settings(3_000, expected_topics=10).min_cluster_size == 100
    assert derive_cluster_settings(3_000, expected_topics=10).expected_topics == 10
    # 100 comments, 2 topics: 100 / 6 = 16.7 -> 17 (under the 100 // 4 = 25 cap)
    assert derive_cluster_settings(100, expected_topics=2).min_cluster_size == 17
    assert (
        derive_cluster_settings(40, expected_topics=2).min_cluster_size == 7
    )  # 40/6 = 6.7 -> 7 <= 10


def test_explicit_values_win(base_model_params):
    s = derive_cluster_settings(
        100,
        n_neighbors=30,
        n_components=10,
        min_cluster_size=150,
        min_samples=20,
        expected_topics=3,
    )
    assert (s.n_neighbors, s.n_components, s.min_cluster_size, s.min_samples) == (30, 10, 150, 20)
    assert set(s.source.values()) == {"user"}
    # min_samples null keeps HDBSCAN's meaning (= min_cluster_size); only "auto" derives it.
    assert derive_cluster_settings(1_000, min_samples=None).min_samples is None
    assert derive_cluster_settings(1_000, min_cluster_size="auto").min_cluster_size == 7
    user = base_model_params.model_copy(
        update={"hdbscan": base_model_params.hdbscan.model_copy(update={"min_cluster_size": 40})}
    )
    resolved, settings = resolve_cluster_params(user, 1_000)
    assert resolved.hdbscan.min_cluster_size == 40 and settings.source["min_cluster_size"] == "user"
    assert (
        resolved.hdbscan.min_samples == 8 and settings.source["min_samples"] == "auto"
    )  # a fifth of the user's 40


def test_base_conf_leaves_every_setting_auto(base_model_params):
    assert (
        base_model_params.umap.n_neighbors is None and base_model_params.umap.n_components is None
    )
    assert (
        base_model_params.hdbscan.min_cluster_size is None
        and base_model_params.hdbscan.min_samples == "auto"
    )
    resolved, _ = resolve_cluster_params(base_model_params, 242)
    # the 242-row export that used to fail with min_cluster_size=150
    assert resolved.hdbscan.min_cluster_size == 5  # 242 / 150 = 1.6 -> floor 5
    assert 242 >= 2 * resolved.hdbscan.min_cluster_size


@pytest.mark.parametrize(
    "bad", [{"min_cluster_size": 1}, {"min_cluster_size": "big"}, {"min_samples": 0}]
)
def test_invalid_values_fail_fast(bad):
    with pytest.raises(ValidationError):
        TopicModelParams(hdbscan=bad)
    with pytest.raises(ValidationError):
        TopicModelParams(expected_topics=1)
