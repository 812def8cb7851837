"""Properties of the seeded demo corpus: each planted structure is present and consistent."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ambassadeurs_pipeline.demo import generate_demo, write_demo
from ambassadeurs_pipeline.demo.gaps import GAPS
from ambassadeurs_pipeline.demo.pii import iban_valid

N = 3000


@pytest.fixture(scope="module")
def ds():
    return generate_demo(N, 7)


@pytest.fixture(scope="module")
def merged(ds):
    return ds.comments.merge(ds.gt_comments, left_on="id", right_on="comment_id", validate="1:1")


def test_deterministic_and_seed_sensitive(ds):
    again = generate_demo(N, 7)
    for name in ("comments", "campaign", "gt_comments", "gt_authors", "gt_pii", "gt_gaps"):
        pd.testing.assert_frame_equal(getattr(ds, name), getattr(again, name))
    other = generate_demo(N, 8)
    assert not ds.comments["text"].equals(other.comments["text"])


def test_comment_columns_and_formats(ds):
    c = ds.comments
    assert list(c.columns) == [
        "id",
        "text",
        "author",
        "created_at",
        "thread_id",
        "parent_id",
        "source",
        "likes",
    ]
    assert len(c) == N and c["id"].is_unique
    assert c["id"].str.fullmatch(r"c\d{7,}").all()
    assert c["created_at"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d").all()
    assert c["created_at"].min() >= "2024-11-01" and c["created_at"].max() <= "2026-10-31T23:59:59"
    assert set(c["source"]) == {"forum", "facebook", "instagram", "x", "enquete"}
    assert (c["likes"] >= 0).all()
    # heavy tail: the top 1% of comments get far more likes than the median one
    assert c["likes"].quantile(0.99) >= 5 * max(1, c["likes"].median())


def test_threads_are_consistent(ds):
    c = ds.comments.set_index("id")
    starters = c[c["parent_id"] == ""]
    assert (starters.index == starters["thread_id"]).all()
    replies = c[c["parent_id"] != ""]
    assert len(replies) > 0.4 * len(c)
    par = c.loc[replies["parent_id"]]
    assert (par["thread_id"].to_numpy() == replies["thread_id"].to_numpy()).all()
    assert (par["created_at"].to_numpy() < replies["created_at"].to_numpy()).all()
    assert (replies.index > replies["parent_id"]).all()  # chronological ids


def test_themes(merged):
    themes = set(merged["theme"]) - {"hors_sujet"}
    assert len(themes) >= 15
    shares = merged["theme"].value_counts(normalize=True)
    assert shares.drop("hors_sujet").min() > 0.02


def test_duplicates_recorded(merged):
    by_id = merged.set_index("id")
    dups = merged[merged["duplicate_kind"] == "cross_post"]
    near = merged[merged["is_near_duplicate"] == 1]
    assert len(dups) > 10 and len(near) > 10
    orig = by_id.loc[dups["duplicate_of"]]
    assert (orig["text"].to_numpy() == dups["text"].to_numpy()).all()
    assert (orig["author"].to_numpy() == dups["author"].to_numpy()).all()
    assert (orig["source"].to_numpy() != dups["source"].to_numpy()).all()
    onear = by_id.loc[near["duplicate_of"]]
    assert (onear["text"].to_numpy() != near["text"].to_numpy()).all()
    assert (onear["author"].to_numpy() == near["author"].to_numpy()).all()
    # every exact repeat of an earlier non-empty text is recorded
    nonempty = merged[merged["text"].str.strip() != ""].sort_values("id")
    repeated = nonempty["text"].duplicated()
    assert (nonempty.loc[repeated, "duplicate_of"] != "").all()


def test_spam_and_bots(ds, merged):
    spam = merged[merged["is_spam"] == 1]
    assert 0.02 < len(spam) / N < 0.05
    assert spam["text"].str.contains("http|www", regex=True).mean() > 0.9
    bots = ds.gt_authors[ds.gt_authors["is_bot"] == 1]
    assert len(bots) >= 2
    for handle in bots["author"]:
        posts = merged[merged["author"] == handle].sort_values("created_at")
        assert len(posts) >= 5 and (posts["is_bot"] == 1).all()
        t = pd.to_datetime(posts["created_at"]).diff().dt.total_seconds().dropna()
        assert (t.round(-2) % 600 == 0).mean() > 0.5  # clockwork intervals within bursts


def test_languages_empty_and_long(merged):
    share = (merged["lang"] != "fr").mean()
    assert 0.02 < share < 0.07
    assert set(merged["lang"]) >= {"fr", "en"}
    assert (merged["text"].str.strip() == "").sum() >= 5
    assert merged["text"].str.len().max() > 3000


def test_noise_present(merged):
    t = merged["text"]
    assert t.str.contains("&eacute;|<br>|<b>", regex=True).sum() > 10
    assert t.str.contains("Ã©|Ã¨|Ã", regex=True).sum() > 5
    assert t.str.contains(r"\b(?:slt|bjr|bcp|pr|jsp|tkt|mdr|svp|stp)\b", regex=True).sum() > 30
    assert t.str.contains("https?://", regex=True).sum() > 30
    assert t.str.startswith("@").sum() > 10


def test_pii_recorded_and_valid(ds, merged):
    pii = ds.gt_pii
    assert set(pii["pii_type"]) == {
        "PERSONNE",
        "EMAIL",
        "TEL",
        "NIR",
        "IBAN",
        "ADRESSE",
        "DATE_NAISSANCE",
    }
    share = pii["comment_id"].nunique() / N
    assert 0.04 < share < 0.11
    text = merged.set_index("id")["text"]
    assert all(v in text[cid] for cid, v in zip(pii["comment_id"], pii["value"]))
    for nir in pii.loc[pii["pii_type"] == "NIR", "value"]:
        d = nir.replace(" ", "")
        assert len(d) == 15 and 97 - int(d[:13]) % 97 == int(d[13:])
    for iban in pii.loc[pii["pii_type"] == "IBAN", "value"]:
        assert iban.startswith("FR76") and iban_valid(iban)
    for tel in pii.loc[pii["pii_type"] == "TEL", "value"]:
        assert re.fullmatch(r"(?:\+33 ?\d|0\d)(?:[ .\-]?\d\d){4}", tel), tel
    assert (
        pii.loc[pii["pii_type"] == "EMAIL", "value"].str.fullmatch(r"[\w.\-]+@[\w.\-]+\.\w+").all()
    )
    # names that are also ordinary words are used
    names = " ".join(pii.loc[pii["pii_type"] == "PERSONNE", "value"])
    assert any(w in names for w in ("Rose", "Pierre", "Blanche", "Olive", "Martin", "Petit"))


def test_gaps_planted_and_uncovered(ds, merged):
    g = ds.gt_gaps
    assert len(g) >= 5
    by_id = merged.set_index("id")
    cat_text = (ds.content_catalog["title"] + " " + ds.content_catalog["summary"]).str.lower()
    for row in g.itertuples():
        ids = row.comment_ids.split(";")
        assert len(ids) >= 8
        assert by_id.loc[ids, "author"].nunique() == len(ids)  # distinct askers
        assert (by_id.loc[ids, "is_question"] == 1).all()
        assert (by_id.loc[ids, "theme"] == row.theme).all()
        terms = [t.lower() for t in row.key_terms.split(";")]
        hits = by_id.loc[ids, "text"].str.lower().apply(lambda s: sum(t in s for t in terms))
        assert (hits >= 1).mean() > 0.85
        # no catalog item covers the gap: at most one key term per item
        assert cat_text.apply(lambda s: sum(t in s for t in terms)).max() <= 1
        # few helpful answers compared to questions
        assert row.n_helpful_answers <= 0.25 * row.n_questions


def test_gap_phrasings_share_key_terms():
    for g in GAPS:
        for ph in g.inf + g.sub:
            assert sum(k.lower() in ph.lower() for k in g.key_terms) >= 2, ph


def test_intents_answered_and_covered(ds, merged):
    q = merged[merged["intent"] != ""]
    starters = q[q["parent_id"] == ""]
    assert starters["is_answered"].mean() > 0.75
    gapq = merged[merged["is_gap_question"] != ""]
    assert gapq["is_answered"].mean() < 0.2
    assert ds.content_catalog["url"].str.startswith("https://").all()
    assert 60 <= len(ds.content_catalog) <= 150
    # answers, thanks, unanswered questions all exist
    assert merged["is_answer"].sum() > 0.1 * N and merged["is_thanks"].sum() > 0.02 * N
    assert ((merged["is_question"] == 1) & (merged["is_answered"] == 0)).sum() > 0.05 * N


def test_growing_theme_and_bad_buzz(merged):
    month = merged["created_at"].str[:7]
    tele = merged[merged["theme"] == "teleconsultation"].groupby(month).size()
    last6 = tele[tele.index >= "2026-05"].mean()
    before = tele[tele.index < "2026-05"].mean()
    assert 1.8 < last6 / before < 4.0
    ei = merged[merged["theme"] == "effets_indesirables"]
    per_month = ei.groupby(month).size()
    peak = per_month[["2026-03", "2026-04"]].sum() / 2
    assert peak > 3 * per_month.drop(["2026-03", "2026-04"]).median()
    bb = merged[merged["is_bad_buzz"] == 1]
    assert (bb["sentiment"] == "negatif").all() and bb["created_at"].between(
        "2026-03", "2026-05-31"
    ).mean() > 0.9


def test_authors(ds, merged):
    a = ds.gt_authors
    assert set(a["author"]) == set(ds.comments["author"])
    reg = a[(a["is_bot"] == 0) & (a["is_spammer"] == 0)]
    share = reg["role"].value_counts(normalize=True)
    assert (
        0.55 < share["patient"] < 0.75
        and 0.15 < share["aidant"] < 0.3
        and 0.07 < share["professionnel_de_sante"] < 0.2
    )
    mot = reg["motivation"].value_counts(normalize=True)
    assert len(mot) == 4 and mot.min() > 0.18
    assert 0.15 < reg["discloses_role"].mean() < 0.7
    assert a["is_superuser"].sum() >= 8
    # professionals answer more often and more helpfully than patients
    roles = merged.merge(a[["author", "role"]], on="author")
    ans_rate = roles.groupby("role")["is_answer"].mean()
    assert ans_rate["professionnel_de_sante"] > 2 * ans_rate["patient"]
    # super-users are much more active and liked
    act = merged.groupby("author").size()
    su = a.loc[a["is_superuser"] == 1, "author"]
    assert act[su].median() > 4 * act.median()


def test_motivation_visible_in_text(ds, merged):
    """A trivial lexicon on the planted phrases recovers most active authors' motivation."""
    lex = {
        "altruisme": [
            "n'hésitez pas",
            "je veux aider",
            "si ça peut aider",
            "s'entraider",
            "rendre service",
            "serve",
        ],
        "besoin_de_reconnaissance": [
            "on me demande souvent",
            "article",
            "interviewé",
            "expert",
            "conférence",
            "mon blog",
            "abonnés",
            "reconnu",
            "mes vidéos",
            "j'en connais un rayon",
            "réponds aux questions",
        ],
        "sentiment_d_appartenance": [
            "ce groupe",
            "même bateau",
            "moins seul",
            "vous êtes là",
            "famille",
            "on se comprend",
            "communauté",
            "la team",
            "entouré",
        ],
        "experience_negative_en_prevention": [
            "si j'avais su",
            "dépist",
            "ne faites pas comme moi",
            "trop tardé",
            "mon erreur",
            "écoutez votre corps",
            "préviens",
            "traîner",
            "regrette",
            "même erreur",
        ],
    }
    txt = merged.assign(t=merged["text"].str.lower()).groupby("author")["t"].apply(" ".join)
    a = ds.gt_authors.set_index("author")
    active = a[
        (a["n_comments"] >= 3) & (a["is_bot"] == 0) & (a["is_spammer"] == 0) & (a["lang"] == "fr")
    ].index
    pred = {au: max(lex, key=lambda m: sum(txt[au].count(w) for w in lex[m])) for au in active}
    acc = np.mean([pred[au] == a.loc[au, "motivation"] for au in active])
    assert acc > 0.7


def test_campaign(ds):
    c = ds.campaign
    assert list(c.columns[:3]) == ["author", "arm", "converted"]
    assert c["author"].is_unique and set(c["author"]) <= set(ds.comments["author"])
    counts = c["arm"].value_counts()
    assert counts.max() - counts.min() <= 1
    a = ds.gt_authors.set_index("author").loc[c["author"]]
    assert (a["is_bot"] == 0).all() and (a["n_comments"] >= 2).all()
    eff = ds.gt_campaign_effects.set_index(["arm", "motivation"])["true_rate"]
    assert eff["message_persona", "all"] / eff["message_generique", "all"] == pytest.approx(
        1.28, abs=0.06
    )
    assert eff["controle", "all"] < eff["message_generique", "all"]
    seg = "besoin_de_reconnaissance"
    assert eff["message_persona", seg] <= eff["controle", seg] + 0.005
    assert eff["message_persona", seg] < eff["message_generique", seg]
    assert 0.04 < eff["controle", "all"] < 0.08


def test_cli_writes_all_files(tmp_path: Path):
    src = Path(__file__).resolve().parents[2] / "src"
    out = tmp_path / "raw"
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "ambassadeurs_pipeline.demo",
            "--n-comments",
            "1000",
            "--seed",
            "3",
            "--out",
            str(out),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
    )
    assert res.returncode == 0, res.stderr
    for f in (
        "comments.csv",
        "content_catalog.csv",
        "campaign.csv",
        "ground_truth/comments.csv",
        "ground_truth/authors.csv",
        "ground_truth/gaps.csv",
        "ground_truth/campaign_effects.csv",
        "ground_truth/pii.csv",
    ):
        assert (out / f).stat().st_size > 0, f
    c = pd.read_csv(out / "comments.csv", keep_default_na=False)
    assert len(c) == 1000
    # byte-identical rewrite
    write_demo(generate_demo(1000, 3), tmp_path / "again")
    assert (out / "comments.csv").read_bytes() == (tmp_path / "again" / "comments.csv").read_bytes()


def test_no_unfilled_slots(merged):
    fr = merged[(merged["lang"] == "fr") & (merged["is_spam"] == 0)]
    assert not fr["text"].str.contains(r"\{\w*\}", regex=True).any()
