"""The ingestion pipeline, sliced and run on a tiny in-memory catalog."""

from __future__ import annotations

import pandas as pd
from kedro.io import DataCatalog, MemoryDataset
from kedro.runner import SequentialRunner

from ambassadeurs_pipeline.pipelines.ingestion import create_pipeline
from ambassadeurs_pipeline.pipelines.ingestion.params import IngestionParams


def test_ingestion_pipeline_end_to_end_in_memory():
    export = pd.DataFrame(
        {
            "msg_id": ["m1", "m2", "m3"],
            "contenu": ["Bonjour", "Quelqu'un sait ?", "Merci"],
            "date": ["2025-01-01 10:00", "2025-01-02 11:00", "2025-01-02 12:00"],
            "parent": [None, None, "m2"],
        }
    ).astype("string")
    params = {
        "columns": {"id": "msg_id", "text": "contenu", "created_at": "date", "parent_id": "parent"},
        "max_bad_date_share": 0.05,
    }
    catalog = DataCatalog(
        {
            "comments_export": MemoryDataset(export),
            "content_catalog_export": MemoryDataset(None),
            # Kedro validates typed parameters when it builds the context; a bare catalog must
            # hold the validated model, as the session would.
            "params:ingestion": MemoryDataset(IngestionParams.model_validate(params)),
            "params:comments_path": MemoryDataset("/exports/forum.csv"),
            "params:content_catalog_path": MemoryDataset("none"),
        }
    )
    SequentialRunner().run(create_pipeline(), catalog)
    raw = catalog.load("comments_raw")
    report = catalog.load("ingestion_report")
    assert raw["comment_id"].tolist() == ["m1", "m2", "m3"]
    assert raw["parent_id"].tolist()[2] == "m2"
    assert raw["created_at"].iloc[2] == pd.Timestamp("2025-01-02 12:00")
    assert report["comments"]["rows_in"] == 3 == report["comments"]["rows_kept"]
    assert report["comments"]["has_thread_structure"] is True
    assert report["content_catalog"]["provided"] is False
    assert catalog.load("ingestion_quarantine").empty
