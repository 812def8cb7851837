"""Sliced personas pipeline on clearly separable fixture authors (SequentialRunner)."""

import pandas as pd
import pytest
from kedro.io import DataCatalog, MemoryDataset
from kedro.runner import SequentialRunner
from sklearn.metrics import adjusted_rand_score

from ambassadeurs_pipeline.execution import ExecutionParams
from ambassadeurs_pipeline.pipelines.personas import create_pipeline
from ambassadeurs_pipeline.pipelines.personas.params import PersonasParams
from ambassadeurs_pipeline.pipelines.privacy.params import PrivacyParams
from ambassadeurs_pipeline.privacy.quotes import longest_shared_span

from .fixtures import make_comments, truth


class KeptDataset(MemoryDataset):
    """MemoryDataset that the runner does not release, so the test can read every output."""

    def _release(self) -> None:
        pass


PARAMS = PersonasParams.model_validate(
    {
        "clustering": {"min_comments": 2, "k_min": 2, "k_max": 6, "n_bootstrap": 5},
        "candidates": {"top_n": 10, "min_comments": 2},
    }
)


def _run(seed: int = 42) -> dict:
    comments, topics, topic_info = make_comments()
    outputs = [
        "author_features",
        "excluded_authors",
        "author_personas",
        "persona_quality",
        "persona_cards",
        "persona_cards_md",
        "ambassador_candidates",
    ]
    catalog = DataCatalog(
        {
            "comments_clean": MemoryDataset(comments),
            "comment_topics": MemoryDataset(topics),
            "topic_info": MemoryDataset(topic_info),
            # Kedro validates params:personas into PersonasParams in a session; here we do it.
            "params:personas": MemoryDataset(PARAMS),
            "params:execution": MemoryDataset(ExecutionParams()),
            "params:random_state": MemoryDataset(seed),
            "params:privacy": MemoryDataset(PrivacyParams()),
            **{name: KeptDataset() for name in outputs},
        }
    )
    SequentialRunner().run(create_pipeline(), catalog)
    return {name: catalog.load(name) for name in outputs}


@pytest.fixture(scope="module")
def result():
    return _run()


@pytest.mark.slow
def test_personas_follow_the_planted_groups(result):
    personas = result["author_personas"]
    gt = truth().merge(personas, on="author_id")
    assert adjusted_rand_score(gt["motivation"], gt["persona_id"]) == 1.0
    quality = result["persona_quality"]
    assert quality["k"] == 4 and quality["stable"] is True
    by_motivation = {p["motivation"]: p for p in quality["personas"]}
    assert by_motivation["besoin_de_reconnaissance"]["role"] == "professionnel_de_sante"
    assert by_motivation["sentiment_d_appartenance"]["role"] == "aidant"
    assert by_motivation["altruisme"]["persona_name"].split(", ")[1].startswith("patient")


@pytest.mark.slow
def test_every_author_is_accounted_for(result):
    personas = result["author_personas"]
    comments, _, _ = make_comments()
    assert set(personas["author_id"]) == set(comments["author_id"])
    assert len(personas) == comments["author_id"].nunique()
    unclassified = personas.set_index("author_id").loc[["au_bot", "au_once"]]
    assert (unclassified["persona_name"] == "non classé").all()
    assert "robot" in unclassified.loc["au_bot", "reason"]
    assert "au_bot" not in set(result["author_features"]["author_id"])
    q = result["persona_quality"]
    assert q["authors_in"] == q["authors_clustered"] + q["authors_unclassified"] == 22


@pytest.mark.slow
def test_cards_and_candidates(result):
    cards = result["persona_cards"]["personas"]
    assert len(cards) == 4 and all(c["fictional"] for c in cards)
    prevention = next(
        c for c in cards if c["dominant_motivation"] == "experience_negative_en_prevention"
    )
    assert prevention["size"] == 5 and len(prevention["quotes"]) >= 1
    assert all(len(q) <= PARAMS.cards.quote_max_chars for c in cards for q in c["quotes"])
    # Published quotes are guarded: none keeps 8 consecutive words of any comment.
    comments, _, _ = make_comments()
    quotes = [q for c in cards for q in c["quotes"]]
    assert quotes and max(longest_shared_span(q, comments["text_clean"]) for q in quotes) < 8
    assert "dépistage" in prevention["recommended_approach"]["canal"]
    # Topics are named by the topics stage's labels (topic_info.topic_label), never "topic_0".
    shown = {t["topic"] for c in cards for t in c["top_topics"]}
    assert shown and shown <= {"bruit", "dépistage", "traitements"}
    assert "## P1" in result["persona_cards_md"]
    top5 = result["ambassador_candidates"].head(5)
    assert set(top5["author_id"]) == {f"au_helpers{i}" for i in range(5)}
    assert top5["reasons"].str.contains("répond aux questions").all()
    assert result["ambassador_candidates"]["author_id"].str.startswith("au_").all()


@pytest.mark.slow
def test_same_seed_same_outputs(result):
    again = _run()
    for name in ("author_features", "author_personas", "ambassador_candidates"):
        pd.testing.assert_frame_equal(result[name], again[name])
    assert result["persona_quality"] == again["persona_quality"]


@pytest.mark.slow
def test_author_features_on_local_processes_equal_the_single_process_ones():
    """Role and motivation matching split over 2 worker processes (engine 'processes')
    gives the single-process features exactly."""
    from ambassadeurs_pipeline.pipelines.personas.features import build_author_features

    comments, topics, topic_info = make_comments()
    local = build_author_features(comments, topics, topic_info, PARAMS, 42)
    split = build_author_features(
        comments,
        topics,
        topic_info,
        PARAMS,
        42,
        ExecutionParams(engine="processes", n_workers=2, min_partition_rows=20),
    )
    assert len(comments) > 80  # several partitions of 20 rows
    pd.testing.assert_frame_equal(split[0], local[0], check_exact=True)
    pd.testing.assert_frame_equal(split[1], local[1], check_exact=True)
