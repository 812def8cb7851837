"""The topics pipeline run sliced with SequentialRunner on a separable synthetic corpus."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from kedro.io import DataCatalog, MemoryDataset
from kedro.runner import SequentialRunner
from sklearn.metrics import normalized_mutual_info_score

from ambassadeurs_pipeline.datasets.bertopic_model import BERTopicModelDataset
from ambassadeurs_pipeline.datasets.embeddings_parquet import EmbeddingsParquetDataset
from ambassadeurs_pipeline.execution import ExecutionParams
from ambassadeurs_pipeline.pipelines.topics import create_pipeline
from ambassadeurs_pipeline.pipelines.topics.annotate import COMMENT_TOPICS_COLUMNS

pytestmark = pytest.mark.slow

OUTPUTS = [
    "comment_topics",
    "topic_info",
    "topic_keywords",
    "topics_over_time",
    "topic_trends",
    "topic_sentiment",
    "bad_buzz_alerts",
    "topic_quality",
    "comment_embeddings",
    "embedding_model",
    "topic_explorer_html",
    "topic_explorer_summary",
]


class KeptDataset(MemoryDataset):
    """A MemoryDataset the runner cannot release, so the test can read every output."""

    def _release(self) -> None:
        pass


def run_topics(
    comments_clean: pd.DataFrame, params, tmp_path, seed: int = 7, execution=None
) -> dict:
    catalog = DataCatalog(
        {
            "comments_clean": MemoryDataset(comments_clean),
            "params:topics": MemoryDataset(params),
            "params:execution": MemoryDataset(execution or ExecutionParams()),
            "params:random_state": MemoryDataset(seed),
            "topic_model": BERTopicModelDataset(filepath=str(tmp_path / f"topic_model_{seed}")),
            **{name: KeptDataset() for name in OUTPUTS},
            # The catalog's own type: embed_comments yields chunks that it appends to one file.
            "comment_embeddings": EmbeddingsParquetDataset(
                filepath=str(tmp_path / f"comment_embeddings_{seed}.parquet")
            ),
        }
    )
    SequentialRunner().run(create_pipeline(), catalog)
    return {name: catalog.load(name) for name in OUTPUTS}


@pytest.fixture(scope="module")
def outputs(synthetic, test_params, tmp_path_factory):
    comments, _ = synthetic
    return run_topics(comments, test_params, tmp_path_factory.mktemp("run1"))


def test_comment_topics_contract(outputs, synthetic):
    comments, _ = synthetic
    ct = outputs["comment_topics"]
    assert list(ct.columns[:7]) == COMMENT_TOPICS_COLUMNS[:7]
    assert set(ct["comment_id"]) == set(comments.loc[comments["in_model"], "comment_id"])
    assert set(ct["sentiment_label"]) <= {"negatif", "neutre", "positif"}
    assert ct["topic_probability"].between(0, 1).all()


def test_embeddings_written_in_chunks_cover_every_comment_once(outputs, synthetic, test_params):
    comments, _ = synthetic
    in_model = comments.loc[comments["in_model"], "comment_id"].astype(str)
    emb = outputs["comment_embeddings"]
    # conf/test chunk_size (500) < in-model comments: the file was written in several chunks.
    assert len(in_model) > 2 * test_params.embedding.chunk_size
    assert emb["comment_id"].is_unique
    assert sorted(emb["comment_id"]) == sorted(in_model)
    matrix = np.vstack(emb["embedding"])
    np.testing.assert_allclose(np.linalg.norm(matrix, axis=1), 1.0, atol=1e-5)


def test_model_fitted_on_a_sample_then_every_comment_assigned_once(outputs, synthetic, test_params):
    comments, _ = synthetic
    n_in_model = int(comments["in_model"].sum())
    # conf/test fits BERTopic on 1,000 comments: the other ones go through transform.
    assert test_params.model.fit_sample_size < n_in_model
    ct = outputs["comment_topics"]
    assert ct["comment_id"].is_unique
    assert len(ct) == n_in_model


def test_themes_recovered_with_few_outliers(outputs, synthetic):
    _, truth = synthetic
    ct = outputs["comment_topics"].merge(truth, on="comment_id")
    assert (ct["topic_id"] == -1).mean() <= 0.15
    assert normalized_mutual_info_score(ct["theme"], ct["topic_id"]) >= 0.7
    assert outputs["topic_quality"]["outlier_share"] <= 0.15


def test_labels_are_readable(outputs):
    info = outputs["topic_info"]
    stop = {"de", "la", "le", "les", "et", "je", "du", "des"}
    for label in info.loc[info["topic_id"] >= 0, "topic_label"]:
        # "Head : phrase et phrase" (labels.py): short noun phrases, none starting or ending
        # on a function word, no forum noise.
        phrases = [x for x in re.split(r" : | et |, ", label) if x]
        assert 1 <= len(phrases) <= 3, label
        for phrase in phrases:
            words = phrase.lower().split()
            assert 1 <= len(words) <= 4 and words[0] not in stop and words[-1] not in stop, label
            assert not {"je", "merci", "url", "personne"} & set(words), label
    assert info["topic_label"].is_unique
    assert all(len(c) == 3 for c in info.loc[info["topic_id"] >= 0, "representative_comments"])


def test_growing_theme_and_bad_buzz_detected(outputs, synthetic):
    _, truth = synthetic
    ct = outputs["comment_topics"].merge(truth, on="comment_id")
    topic_of = ct.groupby("theme")["topic_id"].agg(lambda s: s.mode().iloc[0])
    trends = outputs["topic_trends"].set_index("topic_id")
    assert trends.loc[topic_of["sommeil"], "direction"] == "hausse"
    alerts = outputs["bad_buzz_alerts"]
    # The chimio theme may be split into sub-topics: any of them alerting in the burst month counts.
    # (Other alerts that month are not asserted against: with conf/test thresholds a mixed
    # topic holding some burst comments can alert too.)
    majority = ct.groupby("topic_id")["theme"].agg(lambda s: s.mode().iloc[0])
    chimio_topics = set(majority[majority == "chimio"].index)
    burst_month = (
        ct.loc[ct["is_bad_buzz"], "created_at"].dt.to_period("M").mode().iloc[0].to_timestamp()
    )
    alerted = set(alerts.loc[alerts["month"] == burst_month, "topic_id"])
    assert chimio_topics & alerted


def test_questions_and_sentiment_match_truth(outputs, synthetic):
    _, truth = synthetic
    ct = outputs["comment_topics"].merge(truth, on="comment_id", suffixes=("", "_true"))
    assert (ct["is_question"] == ct["is_question_true"]).mean() >= 0.95
    assert (ct["sentiment_label"] == ct["sentiment"]).mean() >= 0.8


def test_quality_report(outputs):
    q = outputs["topic_quality"]
    assert len(q["stability"]["seeds"]) == 2
    assert -1 <= q["npmi_coherence"] <= 1
    assert 0 < q["topic_diversity"] <= 1


def test_same_seed_same_comment_topics_on_any_engine(outputs, synthetic, test_params, tmp_path):
    """A second run with the same seed, its row-wise work (embeddings, sentiment,
    questions) split over 2 local worker processes, gives the first run's outputs exactly."""
    comments, _ = synthetic
    on_processes = ExecutionParams(engine="processes", n_workers=2, min_partition_rows=50)
    again = run_topics(comments, test_params, tmp_path, execution=on_processes)
    pd.testing.assert_frame_equal(outputs["comment_topics"], again["comment_topics"])
    first = np.vstack(outputs["comment_embeddings"]["embedding"])
    np.testing.assert_array_equal(first, np.vstack(again["comment_embeddings"]["embedding"]))


def test_explorer_draws_bertopics_five_views_on_the_reloaded_model(outputs):
    """The model as saved and reloaded (safetensors, our embedding backend) supports every
    view: c-TF-IDF, topic embeddings, labels, topics over time with our analyser."""
    summary = outputs["topic_explorer_summary"]
    assert [(v["key"], v["shown"]) for v in summary["views"]] == [
        ("topics_map", True),
        ("barchart", True),
        ("hierarchy", True),
        ("over_time", True),
        ("documents", True),
    ], summary
    page = outputs["topic_explorer_html"]
    assert page.count("* plotly.js v") == 1 and page.count("Plotly.newPlot(") == 5
    assert "<script src=" not in page
    labels = set(outputs["comment_topics"]["topic_label"])
    # our French labels (as written, or JSON-escaped inside plotly's data), not BERTopic's ids
    assert any(label in page or json.dumps(label)[1:-1] in page for label in labels)


def test_300_comments_with_the_default_clustering_settings(tmp_path):
    """conf/base as shipped (clustering settings left to sizing.py, not conf/test's small
    values) on a 300-comment corpus: the stage returns topics, not a min_cluster_size error."""
    import os

    import yaml

    from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams

    from .conftest import ROOT
    from .synthetic import make_comments_clean

    with open(
        os.path.join(ROOT, "conf", "base", "parameters_topics.yml"), encoding="utf-8"
    ) as handle:
        params = TopicsParams(**yaml.safe_load(handle)["topics"])
    comments, truth = make_comments_clean(n=300, seed=11)
    out = run_topics(comments, params, tmp_path)
    ct = out["comment_topics"].merge(truth, on="comment_id")
    assert len(ct) == int(comments["in_model"].sum())
    assert ct.loc[ct["topic_id"] >= 0, "topic_id"].nunique() >= 3
    assert (ct["topic_id"] == -1).mean() <= 0.15
    assert normalized_mutual_info_score(ct["theme"], ct["topic_id"]) >= 0.6
    clustering = out["topic_quality"]["clustering"]
    # about 300 in-model comments / 150 = 2 -> the floor of 5 (min_samples a fifth: 1)
    assert clustering["source"]["min_cluster_size"] == "auto"
    assert (clustering["min_cluster_size"], clustering["min_samples"]) == (5, 1)
