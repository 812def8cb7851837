"""The gaps pipeline, sliced and run on a small in-memory corpus with a planted gap."""

from __future__ import annotations

import pandas as pd
import pytest
from gaps_corpus import CATALOG, embed, make_corpus
from kedro.io import DataCatalog, MemoryDataset
from kedro.runner import SequentialRunner

from ambassadeurs_pipeline.pipelines.gaps import create_pipeline
from ambassadeurs_pipeline.pipelines.gaps.params import GapsParams
from ambassadeurs_pipeline.pipelines.privacy.params import PrivacyParams


class KeptDataset(MemoryDataset):
    """Keeps its data after the run (the runner releases intermediate memory datasets)."""

    def _release(self) -> None:
        pass


def _run(flat: bool = False, catalog: pd.DataFrame | None = CATALOG) -> DataCatalog:
    comments, topics, truth = make_corpus(flat=flat)
    model, emb = embed(comments, catalog)
    params = {
        "grouping": {"distance_threshold": 0.85, "min_askers": 3},
        "scoring": {"min_questions_to_rank": 10, "min_groups_to_rank": 2},
    }
    data = DataCatalog(
        {
            "comments_clean": MemoryDataset(comments),
            "comment_topics": MemoryDataset(topics),
            "comment_embeddings": MemoryDataset(emb),
            "embedding_model": MemoryDataset(model, copy_mode="assign"),
            "content_catalog": MemoryDataset(catalog if catalog is not None else CATALOG.iloc[0:0]),
            "ingestion_report": MemoryDataset(
                {"content_catalog": {"provided": catalog is not None}}
            ),
            # Kedro validates params:gaps into GapsParams in a session; here we do it.
            "params:gaps": MemoryDataset(GapsParams.model_validate(params)),
            "params:privacy": MemoryDataset(PrivacyParams()),
            **{
                name: KeptDataset()
                for name in ("question_groups", "coverage_calibration", "gaps_report")
            },
        }
    )
    SequentialRunner().run(create_pipeline(), data)
    data.truth = truth  # type: ignore[attr-defined]
    return data


def _group_of(gaps: pd.DataFrame, questions: pd.DataFrame, truth: dict, name: str) -> pd.Series:
    ids = questions[questions["comment_id"].map(truth) == name]["group_id"].mode()
    return gaps[gaps["group_id"] == ids.iloc[0]].iloc[0]


@pytest.mark.slow
def test_planted_gap_ranks_first_and_answered_covered_group_last():
    data = _run()
    gaps = data.load("information_gaps")
    questions = data.load("question_groups")
    voyage = _group_of(gaps, questions, data.truth, "voyage")
    stylo = _group_of(gaps, questions, data.truth, "stylo")
    assert voyage["rank"] == 1
    assert stylo["rank"] == len(gaps)
    assert voyage["answer_rate"] == 0 and stylo["answer_rate"] == 1
    assert stylo["coverage_status"] == "couvert" and stylo["best_item_id"] == "c1"
    assert voyage["coverage_status"] != "couvert"
    assert (
        voyage["content_brief"].startswith(("Rédiger", "Compléter"))
        and "voyage" in voyage["content_brief"]
    )
    assert (
        "Alimentation" in voyage["coverage_shortfall"] or "voyage" in voyage["coverage_shortfall"]
    )
    report = data.load("gaps_report")
    assert report["ranked"] is True and report["top_gaps"][0]["label"] == voyage["label"]
    calibration = data.load("coverage_calibration")
    assert calibration["status"] == "calibré" and calibration["n_positive_pairs"] == len(CATALOG)
    # Same inputs, same ranking.
    again = _run().load("information_gaps")
    pd.testing.assert_frame_equal(gaps, again)


@pytest.mark.slow
def test_flat_export_without_catalog_still_ranks_on_what_it_can_measure():
    data = _run(flat=True, catalog=None)
    gaps = data.load("information_gaps")
    assert gaps["answer_rate"].isna().all() and gaps["coverage_status"].eq("inconnue").all()
    assert gaps["missing_components"].str.contains("unanswered").all()
    assert gaps["thread_structure"].str.contains("plat").all()
    assert gaps["rank"].notna().all()
    # Demand alone now: askers (weight 0.10), growth (0.05) and one theme (0.10), renormalised.
    expected = (
        0.10 * gaps["c_demand_askers"] + 0.05 * gaps["c_demand_growth"] + 0.10 * gaps["c_one_theme"]
    ) / 0.25
    pd.testing.assert_series_equal(gaps["gap_score"], expected, check_names=False)
    assert gaps["gap_score"].is_monotonic_decreasing
