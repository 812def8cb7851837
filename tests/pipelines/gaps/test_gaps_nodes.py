"""Gaps nodes on hand-made frames whose answers can be worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from gaps_corpus import CATALOG, embed, make_corpus, small_params

from ambassadeurs_pipeline.pipelines.gaps.answers import (
    STRUCTURE_FLAT,
    STRUCTURE_THREAD,
    measure_question_answers,
    summarise_answer_supply,
)
from ambassadeurs_pipeline.pipelines.gaps.coverage import (
    COVERAGE_UNKNOWN,
    _choose_threshold,
    calibrate_coverage,
    embed_content_catalog,
    match_coverage,
)
from ambassadeurs_pipeline.pipelines.gaps.faq import (
    build_faq,
    group_questions,
    growth_ratio,
    period_bounds,
)
from ambassadeurs_pipeline.pipelines.gaps.params import GapsParams
from ambassadeurs_pipeline.pipelines.gaps.scoring import (
    STATUS_TOO_LITTLE,
    score_information_gaps,
    weighted_gap_score,
)

T0 = pd.Timestamp("2025-03-01 10:00")


def _thread_table(with_parent: bool = True) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Three questions in group 0.

    q1: answered by b after 2 h (3 likes), then a thanks → answered, resolved, 2 h.
    q2: only the asker writes again → not answered.
    q3: answered by a bot, then by d after 10 h (negative) → answered 10 h, not resolved.
    """
    rows = [
        ("q1", "a", "t1", None, T0, 0, "neutre"),
        ("r1", "b", "t1", "q1", T0 + pd.Timedelta(hours=2), 3, "positif"),
        ("r2", "a", "t1", "r1", T0 + pd.Timedelta(hours=3), 0, "positif"),
        ("q2", "c", "t2", None, T0, 0, "neutre"),
        ("r3", "c", "t2", "q2", T0 + pd.Timedelta(hours=1), 0, "neutre"),
        ("q3", "e", "t3", None, T0, 0, "neutre"),
        ("r4", "bot", "t3", "q3", T0 + pd.Timedelta(hours=1), 9, "positif"),
        ("r5", "d", "t3", "q3", T0 + pd.Timedelta(hours=10), 0, "negatif"),
    ]
    texts = {"r2": "merci beaucoup !", "r3": "up, personne ?"}
    comments = pd.DataFrame(
        rows,
        columns=["comment_id", "author_id", "thread_id", "parent_id", "created_at", "likes", "s"],
    )
    comments["text_clean"] = [texts.get(c, "texte") for c in comments["comment_id"]]
    comments["source"] = "forum"
    comments["is_bot_author"] = comments["author_id"].eq("bot")
    comments["is_spam"] = False
    if not with_parent:
        comments["parent_id"] = None
    topics = pd.DataFrame(
        {
            "comment_id": comments["comment_id"],
            "sentiment_label": comments["s"],
            "sentiment_score": comments["s"].map({"negatif": -1.0, "neutre": 0.0, "positif": 1.0}),
        }
    )
    questions = (
        comments[comments["comment_id"].str.startswith("q")].drop(columns="s").assign(group_id=0)
    )
    return comments.drop(columns="s"), topics, questions


def test_answer_rate_time_and_resolution_on_a_reply_tree():
    comments, topics, questions = _thread_table()
    params = GapsParams()
    per_q = measure_question_answers(questions, comments, topics, params).set_index("comment_id")
    assert per_q["answered"].tolist() == [True, False, True]
    assert per_q.loc["q1", "hours_to_first_answer"] == pytest.approx(2.0)
    assert per_q.loc["q3", "hours_to_first_answer"] == pytest.approx(10.0)  # the bot does not count
    assert per_q["resolved"].tolist() == [True, False, False]
    group = summarise_answer_supply(per_q.reset_index(), params).iloc[0]
    assert group["answer_rate"] == pytest.approx(2 / 3)
    assert group["median_hours_to_first_answer"] == pytest.approx(6.0)
    assert group["resolution_rate"] == pytest.approx(1 / 3)
    assert group["slow_answer_share"] == pytest.approx(0.0)  # 2 h and 10 h < 24 h


def test_thread_id_only_uses_later_comments_of_the_thread():
    comments, topics, questions = _thread_table(with_parent=False)
    per_q = measure_question_answers(questions, comments, topics, GapsParams()).set_index(
        "comment_id"
    )
    assert (per_q["thread_structure"] == STRUCTURE_THREAD).all()
    assert per_q["answered"].tolist() == [True, False, True]
    assert per_q.loc["q1", "hours_to_first_answer"] == pytest.approx(2.0)


def test_flat_export_says_answers_are_not_measurable():
    comments, topics, questions = _thread_table()
    comments["thread_id"] = None
    comments["parent_id"] = None
    questions = questions.assign(thread_id=None, parent_id=None)
    per_q = measure_question_answers(questions, comments, topics, GapsParams())
    assert (per_q["thread_structure"] == STRUCTURE_FLAT).all()
    assert per_q["answered"].isna().all()  # not False: nothing was measured
    group = summarise_answer_supply(per_q, GapsParams()).iloc[0]
    assert np.isnan(group["answer_rate"]) and np.isnan(group["resolution_rate"])
    assert "plat" in group["answer_note"]


def test_growth_ratio_is_one_for_a_steady_rate_and_nan_without_dates():
    dates = pd.Series(pd.date_range("2025-01-01", periods=100, freq="D"))
    bounds = period_bounds(dates, 0.5)
    assert growth_ratio(dates, bounds) == pytest.approx(1.0, abs=0.05)
    assert growth_ratio(dates[dates >= "2025-02-20"], bounds) > 10
    assert np.isnan(growth_ratio(dates, period_bounds(pd.Series([pd.NaT] * 3), 0.5)))


def test_threshold_separates_separable_pairs():
    pos = np.array([0.8, 0.7, 0.75])
    neg = np.array([0.1, 0.2, 0.3, 0.5])
    t = _choose_threshold(pos, neg, "f1", 0.9)
    assert 0.5 < t < 0.7
    assert 0.5 < _choose_threshold(pos, neg, "precision", 0.9) < 0.7


def test_weights_renormalise_over_measured_components():
    components = pd.DataFrame(
        {
            "c_demand_askers": [1.0],
            "c_demand_growth": [np.nan],
            "c_unanswered": [1.0],
            "c_slow_answer": [np.nan],
            "c_unresolved": [np.nan],
            "c_negative_followup": [np.nan],
            "c_uncovered": [0.0],
        }
    )
    weights = {
        "demand_askers": 1,
        "demand_growth": 1,
        "unanswered": 1,
        "slow_answer": 1,
        "unresolved": 1,
        "negative_followup": 1,
        "uncovered": 2,
    }
    score, missing = weighted_gap_score(components, weights)
    assert score.iloc[0] == pytest.approx(2 / 4)  # (1 + 1 + 0·2) / (1 + 1 + 2)
    assert missing.iloc[0] == "demand_growth, slow_answer, unresolved, negative_followup"


def _run_nodes(comments, topics, emb, model, catalog, report, params):
    groups = group_questions(comments, topics, emb, params)
    faq = build_faq(groups, comments, params)
    supply = summarise_answer_supply(
        measure_question_answers(groups, comments, topics, params), params
    )
    cal = calibrate_coverage(catalog, model, report, params)
    coverage = match_coverage(
        groups, emb, catalog, embed_content_catalog(catalog, model), cal, params
    )
    return groups, faq, score_information_gaps(faq, supply, coverage, groups, params), cal


def test_groups_recover_the_planted_intents_and_faq_ranks_by_askers():
    comments, topics, truth = make_corpus()
    model, emb = embed(comments, CATALOG)
    groups = group_questions(comments, topics, emb, small_params())
    grouped = groups[groups["group_id"] >= 0]
    purity = grouped.groupby("group_id")["comment_id"].apply(lambda s: len({truth[c] for c in s}))
    assert (purity == 1).all() and len(purity) == 3
    faq = build_faq(groups, comments, small_params())
    assert faq["n_askers"].tolist() == sorted(faq["n_askers"], reverse=True)
    assert faq.loc[faq["n_askers"] == 6, "label"].str.contains("atigue").all()
    assert faq["example_questions"].str.count(r" \| ").eq(2).all()  # three examples


def test_no_catalog_gives_unknown_coverage_not_zero():
    comments, topics, _ = make_corpus()
    model, emb = embed(comments)
    empty = CATALOG.iloc[0:0]
    report = {"content_catalog": {"provided": False}}
    _, _, gaps, cal = _run_nodes(comments, topics, emb, model, empty, report, small_params())
    assert cal["status"] == COVERAGE_UNKNOWN and cal["threshold"] is None
    assert (gaps["coverage_status"] == COVERAGE_UNKNOWN).all()
    assert gaps["c_uncovered"].isna().all()
    assert gaps["missing_components"].str.contains("uncovered").all()
    assert gaps["gap_score"].notna().all()


def test_too_few_questions_are_not_ranked():
    comments, topics, _ = make_corpus(n_voyage=3, n_stylo=3, n_fatigue=0)
    model, emb = embed(comments, CATALOG)
    params = GapsParams.model_validate({"grouping": {"distance_threshold": 0.85}})  # needs 30
    _, _, gaps, _ = _run_nodes(comments, topics, emb, model, CATALOG, {}, params)
    assert len(gaps) >= 1
    assert (gaps["status"] == STATUS_TOO_LITTLE).all() and gaps["rank"].isna().all()


def test_wrong_parameter_fails_with_its_key():
    with pytest.raises(ValueError, match="distance_threshold"):
        GapsParams.model_validate({"grouping": {"distance_threshold": -1}})
    with pytest.raises(ValueError, match="colums|extra"):
        GapsParams.model_validate({"colums": {}})


def test_replies_join_the_opener_question_or_are_left_out_as_conversation():
    comments, topics, truth = make_corpus()
    # "moi aussi" questions replying to voyage openers: more askers for the voyage group.
    voyage = [c for c, g in truth.items() if g == "voyage"][:2]
    # A question-like reply in a non-question thread (a testimony): conversation.
    talk = comments[comments["author_id"] == "talk0"].iloc[0]
    extra = pd.DataFrame(
        {
            "comment_id": ["f1", "f2", "f3"],
            "author_id": ["x1", "x2", "x3"],
            "thread_id": [comments.set_index("comment_id").at[v, "thread_id"] for v in voyage]
            + [talk["thread_id"]],
            "parent_id": voyage + [talk["comment_id"]],
            "created_at": T0,
            "source": "forum",
            "likes": 0,
            "text_clean": ["pareil pour moi, une idée ?", "quelqu'un ?", "ah bon, vous aussi ?"],
            "lang": "fr",
            "is_duplicate": False,
            "is_spam": False,
            "is_bot_author": False,
            "in_model": True,
        }
    ).astype(
        {
            "comment_id": "string",
            "author_id": "string",
            "thread_id": "string",
            "parent_id": "string",
            "text_clean": "string",
        }
    )
    comments = pd.concat([comments, extra], ignore_index=True)
    topics = pd.concat(
        [
            topics,
            pd.DataFrame(
                {
                    "comment_id": ["f1", "f2", "f3"],
                    "topic_id": 0,
                    "topic_label": "diabete",
                    "topic_probability": 0.5,
                    "sentiment_label": "neutre",
                    "sentiment_score": 0.0,
                    "is_question": True,
                }
            ),
        ],
        ignore_index=True,
    )
    model, emb = embed(comments, CATALOG)
    groups = group_questions(comments, topics, emb, small_params()).set_index("comment_id")
    assert (
        groups.at["f1", "group_id"]
        == groups.at["f2", "group_id"]
        == groups.at[voyage[0], "group_id"]
    )
    assert "f3" not in groups.index or groups.at["f3", "group_id"] == -1
    faq = build_faq(groups.reset_index(), comments, small_params())
    assert faq.loc[faq["group_id"] == groups.at[voyage[0], "group_id"], "n_askers"].iloc[0] == 12


def test_a_question_in_reply_is_not_an_answer():
    comments, topics, questions = _thread_table()
    topics["is_question"] = topics["comment_id"].eq("r1")  # b replies "moi aussi ?" to q1
    per_q = measure_question_answers(questions, comments, topics, GapsParams()).set_index(
        "comment_id"
    )
    assert not per_q.loc["q1", "answered"]
    assert per_q.loc["q3", "answered"]
