"""The cleaning pipeline, sliced and run with SequentialRunner on in-memory catalogs."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from kedro.io import DataCatalog, MemoryDataset
from kedro.runner import SequentialRunner

from ambassadeurs_pipeline.execution import ExecutionParams
from ambassadeurs_pipeline.pipelines.cleaning import create_pipeline
from ambassadeurs_pipeline.pipelines.cleaning.params import CleaningParams
from ambassadeurs_pipeline.pipelines.cleaning.schema import COMMENTS_CLEAN_COLUMNS
from ambassadeurs_pipeline.privacy.pseudonyms import pseudonymise

from .conftest import SALT, make_raw

TEXTS = [
    # c000: names (rule + NER), phone, e-mail; French
    "Bonjour, ma fille Rose a vu le Dr Martin hier. Appelez-moi au 06.12.34.56.78 ou rose.b@gmail.com",
    # c001: cross-post of c000, later → duplicate
    "Bonjour, ma fille Rose a vu le Dr Martin hier. Appelez-moi au 06.12.34.56.78 ou rose.b@gmail.com",
    # c002: advert with links → spam
    "PROMO -50% sur notre cure minceur, cliquez ici https://a.shop https://b.shop https://c.shop",
    # c003: English → kept, tagged, out of the French model
    "I have been on Levothyrox for two years and I still feel exhausted every afternoon.",
    # c004: only emoji → quarantine
    "😀😀😀",
    # c005: NIR and public figure / drug that must stay
    "Lady Gaga en parle aussi. Mon numéro de sécu 2 69 05 49 588 157 80, je prends du Doliprane.",
    # c006: plain French
    "Depuis le passage au générique j'ai des vertiges le matin, c'est normal ?",
]
AUTHORS = ["Marie_D", "Marie_D", "promo_bot", "john", "x", "claire", "paul"]


def _catalog(raw: pd.DataFrame, params: CleaningParams, language: str = "fr") -> DataCatalog:
    return DataCatalog(
        {
            "comments_raw": MemoryDataset(raw),
            "pseudonymisation_salt": MemoryDataset(SALT),
            "params:cleaning": MemoryDataset(params),
            "params:execution": MemoryDataset(ExecutionParams()),
            "params:language": MemoryDataset(language),
        }
    )


@pytest.mark.slow
def test_cleaning_pipeline_end_to_end_in_memory():
    raw = make_raw(TEXTS, AUTHORS)
    catalog = _catalog(raw, CleaningParams())
    SequentialRunner().run(create_pipeline(), catalog)
    clean = catalog.load("comments_clean").set_index("comment_id")
    quarantine = catalog.load("comments_quarantine")
    report = catalog.load("cleaning_report")

    assert (
        list(catalog.load("comments_clean").columns[: len(COMMENTS_CLEAN_COLUMNS)])
        == COMMENTS_CLEAN_COLUMNS
    )
    assert clean.loc["c000", "text_clean"] == (
        "Bonjour, ma fille <PERSONNE> a vu le Dr <PERSONNE> hier. Appelez-moi au <TEL> ou <EMAIL>"
    )
    assert clean.loc["c000", "author_id"] == pseudonymise("marie_d", SALT)
    assert clean.loc["c000", "in_model"]
    assert clean.loc["c001", "is_duplicate"] and clean.loc["c001", "duplicate_group"] == "c000"
    assert clean.loc["c001", "exclusion_reason"] == "doublon"
    assert clean.loc["c002", "is_spam"] and "publicite" in clean.loc["c002", "spam_reason"]
    assert clean.loc["c003", "lang"] == "en" and not clean.loc["c003", "in_model"]
    assert clean.loc["c005", "text_clean"] == (
        "Lady Gaga en parle aussi. Mon numéro de sécu <NIR>, je prends du Doliprane."
    )
    assert quarantine["comment_id"].tolist() == ["c004"]
    assert quarantine["reason"].tolist() == ["emojis_seulement"]
    assert quarantine["emoji_count"].tolist() == [3]

    assert report["rows_in"] == 7 and report["rows_kept"] == 6 and report["rows_quarantined"] == 1
    assert report["in_model"] == 3  # c000, c005, c006
    assert report["pii"]["replaced_per_type"]["PERSONNE"] == 4
    assert report["pii"]["replaced_per_type"]["NIR"] == 1

    # Nothing personal leaves the stage: no raw text, handle or PII in any output.
    dumped = clean.to_csv() + quarantine.to_csv() + json.dumps(report, ensure_ascii=False)
    for secret in [
        "Marie_D",
        "marie_d",
        "06.12.34.56.78",
        "rose.b@gmail.com",
        "2 69 05 49 588 157 80",
        "Martin",
    ]:
        assert secret not in dumped, secret
    assert "text" not in clean.columns and "author" not in clean.columns


def test_cleaning_pipeline_handles_an_empty_export():
    raw = make_raw([])
    catalog = _catalog(raw, CleaningParams(pii={"use_ner": False}))
    SequentialRunner().run(create_pipeline(), catalog)
    assert catalog.load("comments_clean").empty
    assert catalog.load("cleaning_report")["rows_in"] == 0


_RAW_PII = {
    "EMAIL": re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
    "TEL": re.compile(r"(?<!\d)(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)"),
    "NIR": re.compile(
        r"(?<!\d)[12]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}\s?\d{2}(?!\d)"
    ),
}


@pytest.mark.slow
def test_no_raw_pii_from_a_generated_demo_corpus_in_the_outputs():
    from ambassadeurs_pipeline.demo.generator import generate_demo
    from ambassadeurs_pipeline.pipelines.ingestion.nodes import ingest_comments
    from ambassadeurs_pipeline.pipelines.ingestion.params import IngestionParams

    demo = generate_demo(n_comments=800, seed=11)
    export = demo.comments.astype("string").fillna("")
    raw, _, _ = ingest_comments(export, IngestionParams(), "demo.csv")
    catalog = _catalog(raw, CleaningParams())
    SequentialRunner().run(create_pipeline(), catalog)
    clean = catalog.load("comments_clean")
    quarantine = catalog.load("comments_quarantine")
    dumped = "\n".join(
        [
            clean.to_csv(index=False),
            quarantine.to_csv(index=False),
            json.dumps(catalog.load("cleaning_report")),
        ]
    )
    truth = demo.gt_pii
    assert not truth.empty
    leaked = [
        v
        for t, v in zip(truth["pii_type"], truth["value"])
        if t in ("EMAIL", "TEL", "NIR", "IBAN") and str(v) in dumped
    ]
    assert leaked == []
    for name, pattern in _RAW_PII.items():
        assert not pattern.search(dumped), name
    handles = set(raw["author"].dropna())
    assert not handles & set(clean["author_id"].dropna())
    assert len(clean) + len(quarantine) == len(raw)
