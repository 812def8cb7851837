"""Robustness matrix (issue 15): any export that passes ingestion runs end to end.

Each case writes a generated export (never real data), runs the whole default pipeline in a
``KedroSession`` with ``conf/test`` (fast settings), and checks that the report exists and
shows, in French, why each stage that could not produce its result was skipped.

Cases are chosen for pairwise coverage rather than the full product:

| case | size | language | columns missing | campaign | catalog |
|---|---|---|---|---|---|
| demo_30 | 30 | fr | – | demo, 3 arms, ids | demo |
| english_100 | 100 | en | author, date | none | empty (header only) |
| padded_5_arms_300 | 300 | fr | thread, likes | 5 arms, " Control", 56 % control, oui/non, no plan | fr |
| mixed_1000 | 1,000 | fr + en | – | no id column, 2 arms, Yes/No | fr |
| six_arms_100 | 100 | fr | date, likes | 6 arms, padded and mixed case, true/false | none |
| forum_242 | 242 | fr | – (renamed; cp1252, ``;``, 80 % near-duplicates) | none | none |
| hospital_reviews_440 | 440 | fr | author, thread, likes | Hillstrom-like, no id, post-treatment columns | none |
| english_as_french_120 | 120 | en, run as ``language=fr`` | – | none | none |

plus the monthly flow on a 30-comment month after ``padded_5_arms_300``.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from ambassadeurs_pipeline.demo import generate_demo, write_demo

from . import exports as ex
from .harness import latest, make_project, run_session

pytestmark = pytest.mark.slow


def _report_text(project: Path) -> str:
    report = latest(project, "data/08_reporting/report.html").read_text(encoding="utf-8")
    assert "<html" in report
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", report)))


def _status(project: Path) -> dict[str, Any]:
    return json.loads(
        latest(project, "data/08_reporting/run_status.json").read_text(encoding="utf-8")
    )


def _check(project: Path, expected: dict[str, str]) -> tuple[dict[str, Any], str]:
    """The report exists; each stage has the expected status; every reason is in the report."""
    status, text = _status(project), _report_text(project)
    stages = status["stages"]
    assert {k: v["status"] for k, v in stages.items() if k in expected} == expected
    assert "Ce qui n'a pas pu être calculé, et pourquoi" in text or all(
        v == "ok" for v in expected.values()
    )
    for name, record in stages.items():
        for reason in [record.get("reason_fr")] + [n["reason_fr"] for n in record.get("notes", [])]:
            if record["status"] != "ok" and reason:
                assert re.sub(r"\s+", " ", reason) in text, (name, reason)
    metadata = json.loads(
        latest(project, "data/08_reporting/report_run_metadata.json").read_text(encoding="utf-8")
    )
    assert metadata["stage_status"] == {k: v["status"] for k, v in stages.items()}
    return status, text


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return tmp_path_factory


def _project(base, name: str) -> tuple[Path, Path]:
    project = make_project(base.mktemp(name))
    return project, project / "data" / "01_raw"


def test_demo_30(base):
    project, raw = _project(base, "demo_30")
    demo = generate_demo(n_comments=500, seed=3)
    demo.comments = demo.comments.sample(30, random_state=1).sort_values("created_at")
    write_demo(demo, raw)
    run_session(project, {})
    status, text = _check(project, {"topics": "skipped", "personas": "skipped"})
    assert "commentaires" in status["stages"]["topics"]["reason_fr"]


def test_english_100_without_author_or_date_and_empty_catalog(base):
    project, raw = _project(base, "english_100")
    ex.write(ex.comments_export(100, "en", seed=1, author=False, date=False), raw / "comments.csv")
    ex.write(ex.catalog_export(empty=True), raw / "catalog.csv")
    run_session(
        project,
        {
            "comments_path": str(raw / "comments.csv"),
            "content_catalog_path": str(raw / "catalog.csv"),
            "campaign_path": "none",
            "language": "en",
        },
    )
    # 100 short posts: topics are found (clustering sizes follow the corpus, issue 14), but
    # without dates there are no trends or bad-buzz alerts, which the status says.
    status, text = _check(
        project, {"personas": "skipped", "uplift": "skipped", "topics": "partial"}
    )
    assert status["stages"]["topics"]["counts"].get("topics", 1) >= 1
    assert "l'export n'indique pas d'auteur" in text
    assert (
        "Couverture par vos contenus inconnue : le catalogue de contenus fourni est vide." in text
    )
    assert "Campagne non évaluée : aucune campagne fournie." in text


def test_padded_5_arms_300_then_monthly_30(base):
    project, raw = _project(base, "padded_300")
    comments = ex.comments_export(300, "fr", seed=2, thread=False, likes=False)
    ex.write(comments, raw / "comments.csv")
    ex.write(ex.catalog_export("fr"), raw / "catalog.csv")
    units = sorted(comments["author"].unique())
    campaign = ex.campaign_export(
        units * 3 if len(units) < 100 else units,
        [" Control", "A", "B", "C", "D"],
        seed=2,
        control_share=0.56,
        outcome="oui_non",
    )
    campaign["author"] = [f"{u}#{i}" for i, u in enumerate(campaign["author"])]  # unique units
    ex.write(campaign, raw / "campaign.csv")
    params = {
        "comments_path": str(raw / "comments.csv"),
        "content_catalog_path": str(raw / "catalog.csv"),
        "campaign_path": str(raw / "campaign.csv"),
        "uplift": {"control_arm": "Control"},
    }
    run_session(project, params)
    status, text = _check(project, {"uplift": "partial"})
    results = json.loads(
        latest(project, "data/08_reporting/uplift/uplift_results.json").read_text(encoding="utf-8")
    )
    assert results["preparation"]["control_arm"] == "Control"
    assert results["preparation"]["outcome_type"] == "binaire"
    verdict = latest(project, "data/08_reporting/uplift/uplift_verdict.md").read_text(
        encoding="utf-8"
    )
    assert "peuvent être biaisés" not in verdict
    assert "aucun plan fourni" in verdict and "Parts observées" in verdict

    # The monthly flow on a 30-comment month, with the models this run saved.
    month = ex.comments_export(30, "fr", seed=9, thread=False, likes=False)
    month["id"] = "m" + month["id"]
    month["created_at"] = pd.Timestamp("2026-05-01").isoformat()
    ex.write(month, raw / "month.csv")
    run_session(project, {**params, "comments_path": str(raw / "month.csv")}, pipeline="monthly")
    summary = json.loads(
        latest(project, "data/08_reporting/topics_update_summary.json").read_text(encoding="utf-8")
    )
    assert summary["new_comments"] <= 30 and summary["statements"]


def test_mixed_1000_campaign_without_ids(base):
    project, raw = _project(base, "mixed_1000")
    ex.write(ex.comments_export(1000, "mix", seed=4), raw / "comments.csv")
    ex.write(ex.catalog_export("fr"), raw / "catalog.csv")
    ex.write(
        ex.campaign_export(400, ["controle", "message"], seed=4, outcome="yes_no", with_unit=False),
        raw / "campaign.csv",
    )
    run_session(
        project,
        {
            "comments_path": str(raw / "comments.csv"),
            "content_catalog_path": str(raw / "catalog.csv"),
            "campaign_path": str(raw / "campaign.csv"),
            "uplift": {"columns": {"unit": None}},
        },
    )
    status, _ = _check(project, {"topics": "ok"})
    assert status["stages"]["uplift"]["status"] in {"ok", "partial"}
    results = json.loads(
        latest(project, "data/08_reporting/uplift/uplift_results.json").read_text(encoding="utf-8")
    )
    assert results["preparation"]["unit_id_derived_from_row_number"] is True


def test_six_arms_100_without_date(base):
    project, raw = _project(base, "six_arms_100")
    comments = ex.comments_export(100, "fr", seed=6, date=False, likes=False)
    ex.write(comments, raw / "comments.csv")
    arms = [" controle", "Bras A ", "bras b", "BRAS C", "Bras D", " bras e "]
    campaign = ex.campaign_export(300, arms, seed=6, outcome="true_false")
    campaign.loc[campaign.index[::7], "arm"] = "Controle"  # the same arm, other spelling
    ex.write(campaign, raw / "campaign.csv")
    run_session(
        project,
        {
            "comments_path": str(raw / "comments.csv"),
            "content_catalog_path": "none",
            "campaign_path": str(raw / "campaign.csv"),
        },
    )
    _, text = _check(project, {"topics": "partial"})
    assert (
        "Tendances et alertes de bad buzz non calculées : l'export n'a pas de date de publication."
        in text
    )
    results = json.loads(
        latest(project, "data/08_reporting/uplift/uplift_results.json").read_text(encoding="utf-8")
    )
    arms = results["preparation"]["arms"]
    # six arms, whatever the padding or case; each kept in its commonest spelling
    assert sorted(a.casefold() for a in arms) == [
        "bras a",
        "bras b",
        "bras c",
        "bras d",
        "bras e",
        "controle",
    ]
    assert (
        all(a == a.strip() for a in arms)
        and results["preparation"]["control_arm"].casefold() == "controle"
    )


def test_forum_242_cp1252_semicolon_renamed_near_duplicates(base):
    project, raw = _project(base, "forum_242")
    names = {"text": "message", "author": "pseudo", "created_at": "date_post", "thread_id": "sujet"}
    forum = ex.comments_export(242, "fr", seed=5, near_duplicates=0.8, names=names)
    ex.write(forum, raw / "forum.csv", sep=";", encoding="cp1252")
    run_session(
        project,
        {
            "comments_path": str(raw / "forum.csv"),
            "content_catalog_path": "none",
            "campaign_path": "none",
            "ingestion": {"columns": names},
        },
    )
    status, text = _check(project, {"uplift": "skipped"})
    clean = pd.read_parquet(latest(project, "data/03_primary/comments_clean.parquet"))
    assert len(clean) == 242 and clean["is_duplicate"].sum() > 100
    assert (
        "aucun catalogue de contenus n'a été fourni" in text
        or status["stages"]["gaps"]["status"] == "skipped"
    )


def test_hospital_reviews_440_with_hillstrom_like_campaign(base):
    project, raw = _project(base, "reviews_440")
    ex.write(ex.hospital_reviews(440, seed=7), raw / "avis.csv")
    ex.write(ex.hillstrom_like(3000, seed=7), raw / "hillstrom.csv")
    run_session(
        project,
        {
            "comments_path": str(raw / "avis.csv"),
            "content_catalog_path": "none",
            "campaign_path": str(raw / "hillstrom.csv"),
            "ingestion": {
                "columns": {
                    "text": "avis",
                    "created_at": "date_avis",
                    "author": None,
                    "thread_id": None,
                }
            },
            "uplift": {
                "columns": {"unit": None, "arm": "segment", "outcome": "visit", "segment": None},
                "control_arm": "no e-mail",
                "focus_arm": "Womens E-Mail",
                "comparison_arm": "Mens E-Mail",
            },
        },
    )
    _, text = _check(project, {"personas": "skipped", "uplift": "partial"})
    results = json.loads(
        latest(project, "data/08_reporting/uplift/uplift_results.json").read_text(encoding="utf-8")
    )
    prep = results["preparation"]
    assert {"conversion", "spend"} <= set(prep["refused_covariates"])
    assert not {"conversion", "spend"} & set(prep["covariates"]) and "recency" in prep["covariates"]
    assert "Colonnes écartées des covariables" in text


def test_english_as_french_120_leaves_nothing_to_model(base):
    """Every comment is excluded from modelling (another language): the run still ends with a report."""
    project, raw = _project(base, "english_as_french_120")
    ex.write(ex.comments_export(120, "en", seed=3), raw / "comments.csv")
    run_session(
        project,
        {
            "comments_path": str(raw / "comments.csv"),
            "content_catalog_path": "none",
            "campaign_path": "none",
        },
    )
    status, text = _check(project, {"topics": "skipped", "gaps": "skipped", "uplift": "skipped"})
    assert status["stages"]["topics"]["reason_fr"].startswith(
        "Thèmes non calculés : 0 commentaire(s) analysable(s) (écartés au nettoyage"
    )
    assert "aucune question n'a été détectée" in text
