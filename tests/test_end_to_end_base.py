"""The default pipeline with the production parameters (``conf/base``, not ``conf/test``) on a
generated demo corpus large enough for those settings to apply (size-adaptive clustering,
HDBSCAN sizes, the personas' bootstrap), in a ``KedroSession`` in a temporary copy of the
project: what a user gets from ``kedro run`` on the demo, scored against its planted truth
with the evaluation harness (``evaluation/``)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from ambassadeurs_pipeline.demo import generate_demo, write_demo
from evaluation.gaps import score_ranking
from evaluation.personas import evaluate as evaluate_personas
from evaluation.topics import evaluate as evaluate_topics
from tests.robustness.harness import latest, make_project, run_session

N_COMMENTS = 3000
SEED = 11

pytestmark = pytest.mark.slow

# Bounds with margin below what this corpus gave when the test was written (seed 11, 3,000
# comments, conf/base, 21 min under a load of 6 on 2 cores): topics NMI 0.958 (18 topics, 0 %
# outliers; the 20k demo gives 0.967); personas role accuracy 0.900, motivation macro-F1 0.902,
# ARI vs motivation 0.776, super-users in the top 50 8/8; gaps precision@5 0.6, recall@10 0.667
# (the 6,000-comment demos give 1.0 / 0.83-1.0).
NMI_BOUND = 0.85
ROLE_BOUND = 0.75
MOTIVATION_BOUND = 0.7


@pytest.fixture(scope="module")
def base_run(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("base_project"))
    write_demo(generate_demo(n_comments=N_COMMENTS, seed=SEED), project / "data" / "01_raw")
    # env "local" (empty in the copy): exactly conf/base, as `kedro run` on a fresh clone.
    run_session(project, {}, env="local")
    return project


def _json(project: Path, relative: str) -> dict:
    return json.loads(latest(project, relative).read_text(encoding="utf-8"))


def _truth(project: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(
        project / "data/01_raw/ground_truth" / name, dtype={"comment_id": str}, keep_default_na=True
    )


def test_every_stage_ran_on_the_data(base_run):
    stages = _json(base_run, "data/08_reporting/run_status.json")["stages"]
    statuses = {stage: record["status"] for stage, record in stages.items()}
    assert statuses == {"topics": "ok", "gaps": "ok", "personas": "ok", "uplift": "ok"}, stages


def test_topics_recover_the_planted_themes(base_run):
    comment_topics = pd.read_parquet(
        latest(base_run, "data/07_model_output/comment_topics.parquet")
    )
    report = evaluate_topics(comment_topics, _truth(base_run, "comments.csv"))
    assert report["nmi_theme"] >= NMI_BOUND, report["nmi_theme"]
    assert report["outlier_share"] <= 0.05, report["outlier_share"]
    quality = _json(base_run, "data/08_reporting/topic_quality.json")
    assert 5 <= quality["n_topics"] <= 40, quality["n_topics"]


def test_planted_gaps_rank_first(base_run):
    # Failed before the similarity scale (gaps/similarity_scale.py): precision@5 0.6 and two
    # planted gaps unranked on this run; with it, every planted gap is in the top 10.
    scores = score_ranking(
        pd.read_parquet(latest(base_run, "data/07_model_output/information_gaps.parquet")),
        pd.read_parquet(latest(base_run, "data/07_model_output/gaps/question_groups.parquet")),
        _truth(base_run, "gaps.csv"),
        _truth(base_run, "comments.csv"),
    )
    assert scores["precision@5"] >= 0.8, scores["top10"]
    assert all(rank is not None and rank <= 10 for rank in scores["best_rank_of_each_gap"].values())


def test_personas_match_the_planted_authors(base_run):
    result = evaluate_personas(base_run / "data/01_raw", base_run / "data")
    assert result["role_accuracy"] >= ROLE_BOUND, result["role_accuracy"]
    assert result["motivation_macro_f1"] >= MOTIVATION_BOUND, result["motivation_macro_f1"]
    assert result["persona_motivation_ari"] >= 0.5, result["persona_motivation_ari"]
    assert result["superuser_recall_top50"] >= 0.6, result["superuser_recall_top50"]
    assert result["bots_in_candidates"] == 0
    quality = _json(base_run, "data/08_reporting/persona_quality.json")
    assert quality["stable"] is True, quality


def test_campaign_effects_cover_the_planted_truth(base_run):
    """Each arm's estimated difference with the control has a CI holding the planted one."""
    arm_effects = pd.read_csv(latest(base_run, "data/08_reporting/uplift/arm_effects.csv"))
    truth = _truth(base_run, "campaign_effects.csv")
    rate = truth[truth["motivation"] == "all"].set_index("arm")["true_rate"]
    versus_control = arm_effects[arm_effects["vs_control"].astype(bool)]
    assert set(versus_control["treatment"]) == set(rate.index) - {"controle"}
    for _, row in versus_control.iterrows():
        planted = rate[row["treatment"]] - rate["controle"]
        assert row["difference_low"] <= planted <= row["difference_high"], (row.to_dict(), planted)


def test_report_has_its_french_sections(base_run):
    report = html.unescape(
        latest(base_run, "data/08_reporting/report.html").read_text(encoding="utf-8")
    )
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h2[^>]*>(.*?)</h2>", report)]
    for title in (
        "Synthèse",
        "Sujets de conversation",
        "FAQ et manques d'information",
        "Personas",
        "Ambassadeurs pressentis",
        "La campagne",
        "Méthodologie et fiche modèle",
    ):
        assert any(title in h for h in headings), (title, headings)
    # every stage ran: the report does not open with the list of what could not be computed
    assert "Ce qui n'a pas pu être calculé, et pourquoi" not in report
