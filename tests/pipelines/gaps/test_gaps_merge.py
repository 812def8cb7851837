"""Merging question clusters that follow-up questions show to be one need (faq.py)."""

from __future__ import annotations

import numpy as np

from ambassadeurs_pipeline.pipelines.gaps.faq import cluster_topics, follower_links, merge_linked_clusters

# Four openers in two clusters: 0 along x, 1 along y.
OPENERS = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
LABELS = np.array([0, 0, 1, 1])


def _links(followers: np.ndarray, own: list[int], min_similarity: float = 0.5) -> dict:
    return follower_links(None, OPENERS, LABELS, None, followers, np.array(own), 0.0, min_similarity)


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
        terms, OPENERS, LABELS, np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]]), np.array([0]), 0.7, 0.5
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
    assert merge_linked_clusters(labels, links, {0: None, 1: None, 2: None}, 2, True).tolist() == [0, 1, 2]


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

    from ambassadeurs_pipeline.pipelines.gaps.answers import STRUCTURE_FLAT, STRUCTURE_PARENT, structure_by_source

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
    assert structure_by_source(comments.drop(columns=["is_spam", "is_duplicate"]))["enquete"] == STRUCTURE_PARENT
