"""One end-to-end ``KedroSession`` run of every pipeline on a tiny generated demo corpus,
with the ``conf/test`` environment, in a temporary copy of the project."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from kedro.framework.session import KedroSession
from kedro.framework.startup import bootstrap_project

from ambassadeurs_pipeline.demo import generate_demo, write_demo
from ambassadeurs_pipeline.privacy.quotes import CorpusIndex

ROOT = Path(__file__).resolve().parents[1]
N_COMMENTS = 2500
SEED = 11

# Patterns of raw personal data that must not survive cleaning anywhere downstream.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "conf", project / "conf", ignore=shutil.ignore_patterns("local"))
    (project / "conf" / "local").mkdir()
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    # Kedro checks that the source directory exists inside the project (after resolving
    # links); the package itself is imported from the installed (editable) distribution, so a
    # real src/ holding a link to the package is enough.
    (project / "src").mkdir()
    (project / "src" / "ambassadeurs_pipeline").symlink_to(
        ROOT / "src" / "ambassadeurs_pipeline", target_is_directory=True
    )
    write_demo(generate_demo(n_comments=N_COMMENTS, seed=SEED), project / "data" / "01_raw")
    bootstrap_project(project)
    with KedroSession.create(project_path=project, env="test") as session:
        session.run()
    return project


def _latest(project: Path, relative: str) -> Path:
    """Path of the newest version of a versioned dataset."""
    folder = project / relative
    if folder.is_file():
        return folder
    versions = sorted(p for p in folder.iterdir() if p.is_dir())
    return versions[-1] / folder.name


@pytest.mark.slow
def test_every_row_is_accounted_for(demo_run):
    raw = pd.read_parquet(_latest(demo_run, "data/01_raw/ingested/comments_raw.parquet"))
    clean = pd.read_parquet(_latest(demo_run, "data/03_primary/comments_clean.parquet"))
    quarantine = pd.read_parquet(_latest(demo_run, "data/03_primary/comments_quarantine.parquet"))
    assert len(raw) == N_COMMENTS
    assert len(clean) + len(quarantine) == len(raw)
    assert set(clean["comment_id"]).isdisjoint(quarantine["comment_id"])


@pytest.mark.slow
def test_no_raw_pii_downstream_of_cleaning(demo_run):
    pii = pd.read_csv(demo_run / "data/01_raw/ground_truth/pii.csv", dtype=str)
    secrets = pii.loc[pii["pii_type"].isin(["EMAIL", "TEL", "NIR", "IBAN"]), "value"].tolist()
    handles = pd.read_csv(demo_run / "data/01_raw/comments.csv", dtype=str)["author"].dropna()
    # Distinctive handles only: short ones like "lea" also occur as ordinary words.
    handles = [h for h in handles.unique() if len(h) >= 8 and re.search(r"[_.\d]", h)]
    assert secrets and handles
    scanned = 0
    for path in (demo_run / "data").rglob("*"):
        if not path.is_file() or "01_raw" in path.parts:
            continue  # the raw layer is the restricted copy of the export itself
        if path.suffix == ".parquet":
            text = pd.read_parquet(path).astype(str).to_csv(index=False)
        elif path.suffix in {".csv", ".json", ".html", ".md", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
        else:
            continue
        scanned += 1
        leaked = [s for s in secrets if s in text]
        assert not leaked, f"{path.relative_to(demo_run)} holds raw PII: {leaked[:3]}"
        leaked_handles = [h for h in handles if h in text]
        assert not leaked_handles, (
            f"{path.relative_to(demo_run)} holds handles: {leaked_handles[:3]}"
        )
    assert scanned >= 10


@pytest.mark.slow
def test_report_is_written(demo_run):
    report = _latest(demo_run, "data/08_reporting/report.html")
    page = html.unescape(report.read_text(encoding="utf-8"))
    assert "<html" in page and len(page) > 10_000
    assert "Rapport d'écoute de la communauté" in page
    for title in ("Synthèse", "Sujets de conversation", "FAQ et manques d'information"):
        assert re.search(rf"<h2[^>]*>[^<]*{re.escape(title)}", page), title


@pytest.mark.slow
def test_no_quote_in_the_report_can_be_searched_back(demo_run):
    """Every quotation the report shows, in lists or inline in prose (« … »), keeps no run of
    8 consecutive words of any comment: pasting it in a search engine finds no post."""
    report = _latest(demo_run, "data/08_reporting/report.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", report))
    quotes = [q for q in re.findall(r"«\s*([^«»]+?)\s*»", text) if len(q.split()) > 6]
    corpus = pd.read_parquet(_latest(demo_run, "data/03_primary/comments_clean.parquet"))[
        "text_clean"
    ]
    assert quotes, "the demo report should show some quotes"
    index = CorpusIndex.build(corpus.dropna(), span_words=8)  # every 8-word run of every comment
    traceable = [q for q in quotes if index.shares_span(q)]
    assert not traceable, traceable[:3]


@pytest.mark.slow
def test_bad_buzz_decision_names_the_drug_of_the_planted_burst(demo_run):
    """The demo plants a burst of complaints about one (fictional) drug: the report's decision
    names the drug, not only the topic's keywords (« Velnorix : hausse des avis négatifs … »)."""
    from ambassadeurs_pipeline.demo.lexicon import BAD_BUZZ_DRUG

    alerts = pd.read_parquet(_latest(demo_run, "data/07_model_output/bad_buzz_alerts.parquet"))
    assert len(alerts), "the planted burst should raise an alert"
    strongest = alerts.sort_values("ratio", ascending=False).iloc[0]
    assert list(strongest["drivers"])[0] == BAD_BUZZ_DRUG, strongest["drivers"]
    report = html.unescape(
        _latest(demo_run, "data/08_reporting/report.html").read_text(encoding="utf-8")
    )
    assert f"{BAD_BUZZ_DRUG} : hausse des avis négatifs en" in report
