"""The reporting pipeline run sliced on a bare catalog, and its datasets."""

from __future__ import annotations

import hashlib
import logging

import pandas as pd
import pytest
import standins
from kedro.io import DataCatalog, MemoryDataset
from kedro.io.core import Version
from kedro.runner import SequentialRunner

from ambassadeurs_pipeline.pipelines.privacy.params import PrivacyParams
from ambassadeurs_pipeline.pipelines.reporting import create_pipeline
from ambassadeurs_pipeline.pipelines.reporting.datasets import (
    DatasetVersionsDataset,
    FileFingerprintsDataset,
    ReportHtmlDataset,
)
from ambassadeurs_pipeline.pipelines.reporting.params import ReportingParams
from ambassadeurs_pipeline.pipelines.reporting.pipeline import STAGE_INPUTS, STATUS_INPUTS
from ambassadeurs_pipeline.status import SKIPPED, stage_status


def test_pipeline_writes_versioned_report_and_logs_its_absolute_path(tmp_path, caplog):
    inputs = standins.all_inputs()
    report = ReportHtmlDataset(filepath=str(tmp_path / "report.html"), version=Version(None, None))
    catalog = DataCatalog(
        {
            **{name: MemoryDataset(inputs[name]) for name in STAGE_INPUTS.values()},
            "params:reporting": MemoryDataset(ReportingParams(language="fr")),
            "params:privacy": MemoryDataset(PrivacyParams(min_group_authors=5)),
            "report_quote_corpus": MemoryDataset(
                pd.DataFrame({"author_id": ["au_0"], "text_clean": ["x"]})
            ),
            "parameters": MemoryDataset({"reporting": {"language": "fr"}, "random_state": 42}),
            "report_input_fingerprints": MemoryDataset({"comments": None}),
            "report_dataset_versions": MemoryDataset(
                {"data/x.parquet": "2025-01-01T00.00.00.000Z"}
            ),
            "report_run_metadata": MemoryDataset(),
            "run_status": MemoryDataset(),
            "report_html": report,
            **{
                name: MemoryDataset(stage_status(name.removesuffix("_status")))
                for name in STATUS_INPUTS
            },
        }
    )
    catalog["uplift_status"] = MemoryDataset(
        stage_status(
            "uplift",
            SKIPPED,
            "Campagne non évaluée : une seule modalité de bras.",
            counts={"arms": 1},
        )
    )
    with caplog.at_level(logging.INFO, logger="ambassadeurs_pipeline.pipelines.reporting"):
        SequentialRunner().run(create_pipeline(), catalog)
    written = list(tmp_path.glob("report.html/*/report.html"))
    assert len(written) == 1
    html = written[0].read_text(encoding="utf-8")
    assert "Rapport d&#39;écoute de la communauté" in html and "data/x.parquet" in html
    assert any(str(written[0].resolve()) in r.getMessage() for r in caplog.records)
    assert "<td>kedro</td><td>1." in html  # run metadata reached the report
    # the skipped stage's reason is shown (summary and its own section)
    assert html.count("Campagne non évaluée : une seule modalité de bras.") >= 2


def test_file_fingerprints_hash_files_and_keep_only_the_name(tmp_path):
    (tmp_path / "marie").mkdir()
    export = tmp_path / "marie" / "export.csv"
    export.write_bytes(b"id,text\n1,test\n")
    loaded = FileFingerprintsDataset(
        {"comments": str(export), "catalog": "none", "campaign": str(tmp_path / "x.csv")}
    ).load()
    assert loaded["comments"]["file"] == "export.csv" and "marie" not in str(loaded)
    assert loaded["comments"]["sha256"] == hashlib.sha256(b"id,text\n1,test\n").hexdigest()
    assert loaded["catalog"] is None and loaded["campaign"] is None


def test_dataset_versions_lists_latest_version_of_each_versioned_dataset(tmp_path):
    root = tmp_path / "data"
    for stamp in ["2025-01-01T00.00.00.000Z", "2025-02-01T00.00.00.000Z"]:
        (root / "07_model_output" / "topics.parquet" / stamp).mkdir(parents=True)
    (root / "08_reporting" / "report.html" / "2025-02-01T00.00.00.000Z").mkdir(parents=True)
    (root / "08_reporting" / "not_versioned").mkdir(parents=True)
    loaded = DatasetVersionsDataset(
        str(root), exclude=[f"{root.name}/08_reporting/report.html"]
    ).load()
    assert loaded == {"data/07_model_output/topics.parquet": "2025-02-01T00.00.00.000Z"}


def test_fingerprint_datasets_are_read_only():
    with pytest.raises(Exception, match="read-only"):
        FileFingerprintsDataset({}).save({"a": 1})


def test_parameters_reject_unknown_keys_and_languages():
    with pytest.raises(ValueError, match="langauge"):
        ReportingParams.model_validate({"langauge": "en"})
    with pytest.raises(ValueError, match="language"):
        ReportingParams.model_validate({"language": "de"})
