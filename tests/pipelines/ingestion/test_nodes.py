"""Ingestion nodes: column mapping, file-level errors, row-level quarantine, invariants."""

from __future__ import annotations

import pandas as pd
import pytest

from ambassadeurs_pipeline.pipelines.ingestion.nodes import (
    InputContractError,
    ingest_comments,
    ingest_content_catalog,
    parse_dates,
    parse_likes,
)
from ambassadeurs_pipeline.pipelines.ingestion.params import IngestionParams


def _export(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns).astype("string")


def test_maps_other_column_names():
    export = _export(post_id=["a", "b"], message=["bonjour", "salut"], pseudo=["x", "y"])
    params = IngestionParams.model_validate(
        {"columns": {"id": "post_id", "text": "message", "author": "pseudo"}}
    )
    kept, quarantine, summary = ingest_comments(export, params, "export.csv")
    assert kept["comment_id"].tolist() == ["a", "b"]
    assert kept["text"].tolist() == ["bonjour", "salut"]
    assert kept["author"].tolist() == ["x", "y"]
    # Absent optional fields are left empty, never invented.
    assert kept["created_at"].isna().all() and kept["likes"].isna().all()
    assert summary["rows_in"] == 2 and summary["rows_kept"] == 2 and quarantine.empty
    assert set(summary["fields_absent"]) >= {"created_at", "thread_id", "parent_id", "likes"}


def test_missing_text_column_names_file_column_and_fix():
    export = _export(id=["1"], message=["x"])
    with pytest.raises(InputContractError) as err:
        ingest_comments(export, IngestionParams(), "/data/export.csv")
    message = str(err.value)
    assert "/data/export.csv" in message and "'text'" in message
    assert "ingestion.columns.text" in message and "message" in message


def test_duplicate_ids_fail_the_file():
    export = _export(id=["1", "2", "1"], text=["a", "b", "c"])
    with pytest.raises(InputContractError, match=r"must be unique.*\['1'\]"):
        ingest_comments(export, IngestionParams(), "dup.csv")


def test_id_derived_from_row_when_absent():
    export = _export(text=["a", "b"])
    params = IngestionParams.model_validate({"columns": {"id": None}})
    kept, _, summary = ingest_comments(export, params, "x.csv")
    assert kept["comment_id"].tolist() == ["row0000001", "row0000002"]
    assert summary["id_derived_from_row_number"] is True


def test_bad_rows_go_to_quarantine_with_reason_and_nothing_is_lost():
    n_good = 40
    export = _export(
        id=[str(i) for i in range(n_good + 2)],
        text=["ok"] * (n_good + 2),
        created_at=["2025-01-02T10:00:00"] * n_good + ["le 32 du mois", "2025-01-03"],
        likes=["3"] * n_good + ["1", "beaucoup"],
    )
    kept, quarantine, summary = ingest_comments(export, IngestionParams(), "x.csv")
    assert len(kept) + len(quarantine) == len(export) == summary["rows_in"]
    assert quarantine["record_id"].tolist() == [str(n_good), str(n_good + 1)]
    assert quarantine["reason"].tolist() == [
        "created_at: date illisible",
        "likes: nombre de likes illisible",
    ]
    assert quarantine["value"].tolist() == ["le 32 du mois", "beaucoup"]
    assert quarantine["source_row"].tolist() == [n_good + 1, n_good + 2]


def test_too_many_bad_dates_fail_the_file():
    export = _export(id=["1", "2", "3"], text=["a", "b", "c"], created_at=["x", "y", "2025-01-01"])
    with pytest.raises(InputContractError, match=r"2 unreadable dates out of 3"):
        ingest_comments(export, IngestionParams(), "x.csv")


def test_empty_text_is_kept_for_cleaning_to_flag():
    export = _export(id=["1", "2"], text=["", None])
    kept, quarantine, _ = ingest_comments(export, IngestionParams(), "x.csv")
    assert kept["text"].tolist() == ["", ""] and quarantine.empty


def test_parse_dates_formats():
    raw = pd.Series(
        [
            "2025-03-04T12:00:00",
            "2025-03-04T13:00:00+02:00",
            "04/03/2025 12:00",
            "1741089600",
            "",
            None,
            "bof",
        ],
        dtype="string",
    )
    parsed = parse_dates(raw, dayfirst=True)
    expected = pd.Timestamp("2025-03-04 12:00:00")
    assert parsed.iloc[0] == expected
    assert parsed.iloc[1] == pd.Timestamp("2025-03-04 11:00:00")  # converted to UTC
    assert parsed.iloc[2] == expected  # French day-first
    assert parsed.iloc[3] == expected  # Unix epoch seconds
    assert parsed.iloc[4:].isna().all()


def test_parse_likes():
    raw = pd.Series(["12", "1,2k", "3.5K", "", "-4", "n/a"], dtype="string")
    assert parse_likes(raw).tolist() == [12, 1200, 3500, pd.NA, pd.NA, pd.NA]


def test_content_catalog_body_column_and_quarantine():
    export = _export(
        id=["g1", "g2", "g3"],
        title=["Guide diabète", "", "Podcast sommeil"],
        body=["Tout sur l'insuline", "", "Dormir mieux"],
        url=["https://a", None, "https://c"],
    )
    catalog, quarantine, summary = ingest_content_catalog(
        export, IngestionParams(), "/tmp/catalog.csv", "/tmp/comments.csv"
    )
    assert catalog["item_id"].tolist() == ["g1", "g3"]
    assert catalog["summary"].tolist() == ["Tout sur l'insuline", "Dormir mieux"]
    assert quarantine["record_id"].tolist() == ["g2"]
    assert summary["provided"] and summary["rows_in"] == 3


def test_no_catalog_gives_empty_table_marked_not_provided():
    catalog, quarantine, summary = ingest_content_catalog(None, IngestionParams(), "none", "x.csv")
    assert catalog.empty and list(catalog.columns) == [
        "item_id",
        "title",
        "summary",
        "url",
        "theme",
    ]
    assert summary["provided"] is False and quarantine.empty


def test_misspelt_parameter_is_rejected():
    with pytest.raises(ValueError, match="colums"):
        IngestionParams.model_validate({"colums": {}})
