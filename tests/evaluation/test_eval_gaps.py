"""The evaluation's scoring rules on a hand-made ranking."""

from __future__ import annotations

import pandas as pd

from evaluation.gaps import score_ranking


def test_precision_recall_and_covered_intents():
    # Groups 0 and 1 are mostly gap A and gap B; group 2 is mostly a covered intent; group 3
    # is half gap A (not "mostly": not a recovery).
    groups = pd.DataFrame(
        {
            "comment_id": ["a1", "a2", "a3", "b1", "b2", "x", "i1", "i2", "i3", "a4", "y"],
            "group_id": [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3],
        }
    )
    gaps = pd.DataFrame({"gap_id": ["A", "B", "C"], "comment_ids": ["a1;a2;a3;a4", "b1;b2", "c1"]})
    comments = pd.DataFrame(
        {"comment_id": ["i1", "i2", "i3"], "kind": ["question_intent"] * 3, "intent": ["stylo"] * 3}
    )
    ranking = pd.DataFrame(
        {
            "rank": [1, 2, 3, 4],
            "group_id": [0, 2, 1, 3],
            "label": list("abcd"),
            "gap_score": [0.9, 0.8, 0.7, 0.6],
        }
    )
    result = score_ranking(ranking, groups, gaps, comments)
    assert result["precision@5"] == 0.5  # 2 of the 4 ranked groups recover a gap
    assert result["recall@10"] == round(2 / 3, 3)
    assert result["covered_intents_in_top10"] == ["stylo"]
    assert result["best_rank_of_each_gap"] == {"A": 1, "B": 3, "C": None}


def test_gaps_truth_from_the_per_comment_column():
    from evaluation.gaps import gaps_truth_from_comments

    comments = pd.DataFrame(
        {
            "comment_id": ["c1", "c2", "c3", "c4"],
            "is_gap_question": ["gap_b", None, "gap_a", "gap_b"],
        }
    )
    truth = gaps_truth_from_comments(comments)
    assert truth.to_dict("records") == [
        {"gap_id": "gap_a", "comment_ids": "c3"},
        {"gap_id": "gap_b", "comment_ids": "c1;c4"},
    ]
