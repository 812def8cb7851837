"""Merging question clusters that follow-up questions show to be one need (faq.py)."""

from __future__ import annotations

import numpy as np

from ambassadeurs_pipeline.pipelines.gaps.faq import (
    cluster_topics,
    follower_links,
    merge_linked_clusters,
)

# Four openers in two clusters: 0 along x, 1 along y.
OPENERS = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
LABELS = np.array([0, 0, 1, 1])


def _links(followers: np.ndarray, own: list[int], min_similarity: float = 0.5) -> dict:
    return follower_links(
        None, OPENERS, LABELS, None, followers, np.array(own), 0.0, min_similarity
    )


def test_a_follower_closer_to_the_other_cluster_links_the_two():
    # Asked in reply to a cluster-0 question, worded like cluster 1: one link 0–1.
    assert _links(np.array([[0.0, 1.0]]), [0]) == {(0, 1): 1}
    # Worded like its own opener: no link.
    assert _links(np.array([[1.0, 0.0]]), [0]) == {}


def test_links_are_undirected_and_counted():
    followers = np.array([[0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    assert _links(followers, [0, 1, 0]) == {(0, 1): 3}


def test_a_follower_far_from_every_cluster_links_nothing():
    # Average similarity 0.6 to cluster 0 and 0.8 to cluster 1: below 0.9, no link.
    assert _links(np.array([[0.6, 0.8]]), [0], min_similarity=0.9) == {}
    assert _links(np.array([[0.6, 0.8]]), [0], min_similarity=0.7) == {(0, 1): 1}


def test_terms_count_with_their_weight():
    # Embeddings say cluster 0, the words say cluster 1; with term weight 0.7 the words win.
    terms = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    links = follower_links(
        terms,
        OPENERS,
        LABELS,
        np.array([[0.0, 1.0]]),
        np.array([[1.0, 0.0]]),
        np.array([0]),
        0.7,
        0.5,
    )
    assert links == {(0, 1): 1}


def test_merge_needs_min_links_and_is_transitive():
    labels = np.array([0, 0, 1, 2, 3])
    links = {(0, 1): 2, (1, 2): 2, (2, 3): 1}
    same = {0: 5, 1: 5, 2: 5, 3: 5}
    assert merge_linked_clusters(labels, links, same, 2, True).tolist() == [0, 0, 0, 0, 3]
    assert merge_linked_clusters(labels, links, same, 3, True).tolist() == labels.tolist()


def test_merge_within_topic_only():
    labels = np.array([0, 1, 2])
    links = {(0, 1): 2, (1, 2): 5}
    topics = {0: 5, 1: 5, 2: 6}
    assert merge_linked_clusters(labels, links, topics, 2, True).tolist() == [0, 0, 2]
    assert merge_linked_clusters(labels, links, topics, 2, False).tolist() == [0, 0, 0]
    # No topic: never merged within topic.
    assert merge_linked_clusters(labels, links, {0: None, 1: None, 2: None}, 2, True).tolist() == [
        0,
        1,
        2,
    ]


def test_merge_is_independent_of_link_order():
    labels = np.array([3, 1, 2, 0])
    links_a = {(0, 3): 2, (1, 2): 2}
    links_b = {(1, 2): 2, (0, 3): 2}
    topics = {c: 1 for c in range(4)}
    assert merge_linked_clusters(labels, links_a, topics, 2, True).tolist() == [0, 1, 1, 0]
    assert merge_linked_clusters(labels, links_b, topics, 2, True).tolist() == [0, 1, 1, 0]


def test_cluster_topics_majority_ties_and_outliers():
    assert cluster_topics(np.array([0, 0, 0, 1]), np.array([3, 3, 4, -1])) == {0: 3, 1: None}
    assert cluster_topics(np.array([0, 0]), np.array([5, 4])) == {0: 4}


def test_spam_replies_do_not_make_a_survey_a_conversation():
    import pandas as pd

    from ambassadeurs_pipeline.pipelines.gaps.answers import (
        STRUCTURE_FLAT,
        STRUCTURE_PARENT,
        structure_by_source,
    )

    comments = pd.DataFrame(
        {
            "comment_id": ["s1", "s2", "s3", "f1", "f2"],
            "source": ["enquete", "enquete", "enquete", "forum", "forum"],
            "thread_id": ["s1", "s1", "s3", "f1", "f1"],
            "parent_id": [None, "s1", None, None, "f1"],
            "is_spam": [False, True, False, False, False],
            "is_duplicate": [False, True, False, False, False],
        }
    )
    assert structure_by_source(comments) == {"enquete": STRUCTURE_FLAT, "forum": STRUCTURE_PARENT}
    # Without the flags, the spam reply would make the survey look threaded.
    assert (
        structure_by_source(comments.drop(columns=["is_spam", "is_duplicate"]))["enquete"]
        == STRUCTURE_PARENT
    )


def test_one_theme_component_is_the_topic_share_and_absent_without_it():
    import pandas as pd
    import pytest

    from ambassadeurs_pipeline.pipelines.gaps.scoring import gap_components, weighted_gap_score

    table = pd.DataFrame(
        {
            "n_askers": [10, 10],
            "growth_ratio": [1.0, 1.0],
            "n_questions": [10, 10],
            "answer_rate": [0.0, 0.0],
            "slow_answer_share": [np.nan, np.nan],
            "resolution_rate": [0.0, 0.0],
            "negative_followup_share": [np.nan, np.nan],
            "covered_share": [0.0, 0.0],
            "coverage_status": ["non couvert", "non couvert"],
            "topic_share": [1.0, 0.25],
        }
    )
    comps = gap_components(table)
    assert comps["c_one_theme"].tolist() == [1.0, 0.25]
    weights = {"unanswered": 0.5, "one_theme": 0.5}
    score, _ = weighted_gap_score(comps, weights)
    # Both never answered (1.0); the question form spread over 4 themes loses (1 − 0.25)/2.
    assert score.tolist() == pytest.approx([1.0, 0.625])
    score, missing = weighted_gap_score(comps.drop(columns="c_one_theme"), weights)
    assert score.tolist() == pytest.approx([1.0, 1.0]) and missing.eq("one_theme").all()


def test_follow_up_askers_count_as_demand_not_as_unanswered_questions():
    import pandas as pd

    from ambassadeurs_pipeline.pipelines.gaps.answers import (
        measure_question_answers,
        summarise_answer_supply,
    )
    from ambassadeurs_pipeline.pipelines.gaps.params import GapsParams

    t = pd.Timestamp("2026-01-01")
    comments = pd.DataFrame(
        {
            "comment_id": ["q1", "a1", "q2"],
            "author_id": ["u1", "u2", "u3"],
            "thread_id": ["q1", "q1", "q1"],
            "parent_id": [None, "q1", "q1"],
            "created_at": [t, t + pd.Timedelta(hours=1), t + pd.Timedelta(hours=2)],
            "source": ["forum"] * 3,
            "likes": [0, 0, 0],
            "text_clean": [
                "comment faire ?",
                "il faut demander au médecin du travail",
                "moi aussi, comment faire ?",
            ],
            "is_bot_author": [False] * 3,
        }
    )
    topics = pd.DataFrame(
        {
            "comment_id": ["q1", "a1", "q2"],
            "is_question": [True, False, True],
            "sentiment_label": ["neutre"] * 3,
            "sentiment_score": [0.0] * 3,
        }
    )
    groups = comments.loc[[0, 2]].assign(group_id=0)
    params = GapsParams()
    qa = measure_question_answers(groups, comments, topics, params).set_index("comment_id")
    assert qa.loc["q2", "follows_question"] == "q1" and pd.isna(qa.loc["q1", "follows_question"])
    supply = summarise_answer_supply(qa.reset_index(), params).iloc[0]
    # q2 got no reply of its own, but the thread's answer went to q1: 1/1 answered, not 1/2.
    assert supply["answer_rate"] == 1.0 and supply["n_measurable"] == 1
    assert "1 relance(s)" in supply["answer_note"]


def test_merge_needs_a_share_of_the_smaller_sides_follow_ups():
    labels = np.array([0, 1, 2, 3])
    topics = {c: 1 for c in range(4)}
    # 2 links between clusters with 10 and 8 follow-ups: 2 < 0.3 × 8 = 2.4, chance; 3 links
    # between clusters with 4 and 9: 3 ≥ 0.3 × 4, one need.
    links = {(0, 1): 2, (2, 3): 3}
    followers = {0: 10, 1: 8, 2: 4, 3: 9}
    merged = merge_linked_clusters(
        labels, links, topics, 2, True, n_followers=followers, min_link_share=0.3
    )
    assert merged.tolist() == [0, 1, 2, 2]
    # A cluster with no follow-up of its own is judged on the count: 2 ≥ 0.3 × max(0, 2).
    merged = merge_linked_clusters(
        labels, {(0, 1): 2}, topics, 2, True, n_followers={0: 10}, min_link_share=0.3
    )
    assert merged.tolist() == [0, 0, 2, 3]
