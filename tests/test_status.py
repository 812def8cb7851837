"""The "skipped, because…" convention (ambassadeurs_pipeline.status)."""

import pytest

from ambassadeurs_pipeline.status import OK, PARTIAL, SKIPPED, merge, note, reasons, stage_status


def test_a_skipped_or_partial_stage_must_say_why():
    with pytest.raises(ValueError, match="reason_fr"):
        stage_status("topics", SKIPPED)
    with pytest.raises(ValueError, match="status must be"):
        stage_status("topics", "broken", "x")
    assert stage_status("topics")["status"] == OK and reasons(stage_status("topics")) == []


def test_notes_make_an_ok_stage_partial_and_are_all_shown():
    record = stage_status("topics", counts={"in_model_comments": 50})
    note(record, "topic_trends", "Tendances non calculées : pas de date.", "No dates.")
    assert record["status"] == PARTIAL and reasons(record) == [
        "Tendances non calculées : pas de date."
    ]
    assert reasons(record, "en") == ["No dates."]


def test_merge_keeps_the_worst_status_and_every_note():
    a = note(stage_status("gaps"), "coverage", "Couverture inconnue.")
    b = stage_status("gaps", SKIPPED, "Aucune question.", derived={"gaps.min_askers": 2})
    merged = merge(a, None, b)
    assert merged["status"] == SKIPPED and merged["reason_fr"] == "Aucune question."
    assert merged["derived"] == {"gaps.min_askers": 2} and len(merged["notes"]) == 1
    assert merge(None) is None


def test_derived_minimum_counts_keep_the_demo_values_and_fit_small_corpora():
    from ambassadeurs_pipeline.sizing import bad_buzz_min_negative, trend_min_count

    assert (
        trend_min_count(20_000) == 10 and bad_buzz_min_negative(20_000, 17) == 10
    )  # the demo: as tuned
    assert trend_min_count(300) == 3 and trend_min_count(550) == 6
    assert bad_buzz_min_negative(300, 14) == 3 and bad_buzz_min_negative(3_000, 6) == 10
