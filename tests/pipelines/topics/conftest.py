from __future__ import annotations

import os

import pytest
import yaml

from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams

from .synthetic import make_comments_clean

os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


@pytest.fixture(scope="session")
def test_params() -> TopicsParams:
    """The conf/test overrides, validated like Kedro does."""
    with open(
        os.path.join(ROOT, "conf", "test", "parameters_topics.yml"), encoding="utf-8"
    ) as handle:
        return TopicsParams(**yaml.safe_load(handle)["topics"])


@pytest.fixture(scope="session")
def synthetic():
    return make_comments_clean(n=1500, seed=3)
