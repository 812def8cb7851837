"""Topics on corpora too small or too flat to cluster (issue 15): graceful, with a reason."""

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.datasets.bertopic_model import (
    BERTopicModelDataset,
    NoTopicModel,
    has_topic_model,
)
from ambassadeurs_pipeline.pipelines.topics.fit import (
    MIN_COMMENTS_FOR_TOPICS,
    fit_topic_model,
    fitting_min_cluster_size,
)
from ambassadeurs_pipeline.pipelines.topics.status import summarise_topics_status
from ambassadeurs_pipeline.pipelines.topics.summaries import (
    count_topics_over_time,
    extract_topic_keywords,
)
from ambassadeurs_pipeline.pipelines.topics.trends import detect_topic_trends


def test_min_cluster_size_guard():
    assert fitting_min_cluster_size(1000, 150, 20) == (150, 20)  # enough comments: as configured
    assert fitting_min_cluster_size(300, 150, 20) == (150, 20)
    assert fitting_min_cluster_size(40, 150, 20) == (8, 8)
    assert fitting_min_cluster_size(20, 15, None) == (5, None)


def test_too_few_comments_give_outliers_and_a_french_reason(test_params):
    clean = pd.DataFrame(
        {
            "comment_id": [f"c{i}" for i in range(5)],
            "text_clean": ["bonjour à tous"] * 5,
            "in_model": True,
            "created_at": pd.Timestamp("2025-01-01"),
            "thread_id": None,
            "parent_id": None,
        }
    )
    model, assignments, status = fit_topic_model(clean, pd.DataFrame(), None, test_params, 42)
    assert isinstance(model, NoTopicModel) and not has_topic_model(model)
    assert (assignments["topic_id"] == -1).all() and assignments["was_outlier"].all()
    assert status["status"] == "skipped"
    assert status["reason_fr"].startswith("Thèmes non calculés : 5 commentaire(s)")
    assert str(MIN_COMMENTS_FOR_TOPICS) in status["reason_fr"]


def test_no_model_marker_round_trips(tmp_path):
    dataset = BERTopicModelDataset(str(tmp_path / "topic_model"))
    dataset.save(NoTopicModel())
    assert isinstance(dataset.load(), NoTopicModel)


def test_tables_keep_their_columns_without_dates_or_words(test_params):
    topics = pd.DataFrame(
        {
            "comment_id": ["a", "b"],
            "topic_id": [0, 0],
            "topic_label": ["x", "x"],
            "created_at": [pd.NaT, pd.NaT],
            "sentiment_label": "neutre",
            "sentiment_score": 0.0,
            "is_question": False,
            "was_outlier": False,
            "topic_probability": 1.0,
        }
    )
    over_time = count_topics_over_time(topics)
    assert over_time.empty and "month_total" in over_time.columns
    assert detect_topic_trends(over_time, test_params).empty
    clean = pd.DataFrame(
        {
            "comment_id": ["a", "b"],
            "text_clean": ["le la les", "de du des"],
            "in_model": True,
            "created_at": pd.NaT,
        }
    )
    keywords = extract_topic_keywords(topics, clean, test_params)
    assert keywords.empty and list(keywords.columns) == [
        "topic_id",
        "topic_label",
        "keyword",
        "count",
        "log_odds_z",
    ]
    status = summarise_topics_status(
        {
            "stage": "topics",
            "status": "ok",
            "reason_fr": None,
            "reason_en": None,
            "counts": {},
            "derived": {},
            "notes": [],
        },
        topics,
        test_params,
    )
    assert (
        status["status"] == "partial"
        and "pas de date de publication" in status["notes"][0]["reason_fr"]
    )


def test_trend_and_bad_buzz_minimums_are_derived_when_unset_and_recorded(test_params):
    from ambassadeurs_pipeline.pipelines.topics.trends import month_span

    params = test_params.model_copy(
        update={
            "trends": test_params.trends.model_copy(update={"min_count": None}),
            "bad_buzz": test_params.bad_buzz.model_copy(update={"min_negative": None}),
        }
    )
    dates = pd.Series(pd.date_range("2025-01-15", periods=300, freq="D"))
    assert month_span(dates) == 11  # 15 January to 10 November
    topics = pd.DataFrame(
        {
            "comment_id": [str(i) for i in range(300)],
            "topic_id": np.arange(300) % 3,
            "topic_label": "x",
            "created_at": dates,
        }
    )
    ok = {
        "stage": "topics",
        "status": "ok",
        "reason_fr": None,
        "reason_en": None,
        "counts": {},
        "derived": {},
        "notes": [],
    }
    derived = summarise_topics_status(ok, topics, params)["derived"]
    assert derived == {"topics.trends.min_count": 3, "topics.bad_buzz.min_negative": 3}
    assert (
        summarise_topics_status(ok, topics, test_params)["derived"] == {}
    )  # set by the user: used as given


def test_no_cluster_on_a_flat_corpus_says_so_and_records_the_guard(test_params):
    rng = np.random.default_rng(0)
    n = 24
    clean = pd.DataFrame(
        {
            "comment_id": [f"c{i:02d}" for i in range(n)],
            "text_clean": [f"mot{i} autre{i} texte{i} unique{i}" for i in range(n)],
            "in_model": True,
            "created_at": pd.Timestamp("2025-01-01"),
            "thread_id": None,
            "parent_id": None,
        }
    )
    vectors = rng.normal(size=(n, 8)).astype(np.float32)  # no structure at all
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    embeddings = pd.DataFrame({"comment_id": clean["comment_id"], "embedding": list(vectors)})
    model, assignments, status = fit_topic_model(clean, embeddings, _Backend(), test_params, 42)
    if has_topic_model(
        model
    ):  # HDBSCAN may still cut noise in two: then it is a fit like any other
        assert status["status"] in {"ok", "partial"}
    else:
        assert status["reason_fr"].startswith("Aucune structure thématique trouvée")
        assert (assignments["topic_id"] == -1).all()
    assert status["derived"]["topics.model.hdbscan.min_cluster_size"] == 5  # 24 // 5 -> at least 5


class _Backend:
    """A stand-in embedding backend: BERTopic only needs .embed for new documents."""

    name = "stand-in"
    batch_size = 8

    def transform(self, texts):
        rng = np.random.default_rng(len(texts))
        return rng.normal(size=(len(texts), 8)).astype(np.float32)
