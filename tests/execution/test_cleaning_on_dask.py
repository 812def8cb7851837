"""The cleaning pipeline on a 2-worker Dask cluster gives exactly the local run's outputs."""

from __future__ import annotations

import pytest
from kedro.io import DataCatalog, MemoryDataset
from kedro.runner import SequentialRunner
from pandas.testing import assert_frame_equal

from ambassadeurs_pipeline.datasets import TabularFileDataset
from ambassadeurs_pipeline.demo.generator import generate_demo, write_demo
from ambassadeurs_pipeline.execution import ExecutionParams
from ambassadeurs_pipeline.pipelines.cleaning import create_pipeline as cleaning
from ambassadeurs_pipeline.pipelines.cleaning.params import CleaningParams
from ambassadeurs_pipeline.pipelines.ingestion import create_pipeline as ingestion
from ambassadeurs_pipeline.pipelines.ingestion.params import IngestionParams

pytestmark = pytest.mark.slow

OUTPUTS = [
    "comments_clean",
    "comments_quarantine",
    "cleaning_report",
    "pii_summary",
    "comment_languages",
]
SALT = "test-salt-for-the-dask-equivalence-test"


class KeptDataset(MemoryDataset):
    def _release(self) -> None:
        pass


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory):
    out = write_demo(generate_demo(600, seed=11), tmp_path_factory.mktemp("demo"))
    return str(out / "comments.csv")


def run_cleaning(export_path: str, execution: ExecutionParams) -> dict:
    catalog = DataCatalog(
        {
            "comments_export": TabularFileDataset(filepath=export_path, label="comments"),
            "params:ingestion": MemoryDataset(IngestionParams()),
            "params:comments_path": MemoryDataset(export_path),
            "params:cleaning": MemoryDataset(CleaningParams()),
            "params:language": MemoryDataset("fr"),
            "params:execution": MemoryDataset(execution),
            "pseudonymisation_salt": MemoryDataset(SALT),
            **{name: KeptDataset() for name in OUTPUTS},
        }
    )
    pipe = ingestion().only_nodes("ingest_comments") + cleaning()
    SequentialRunner().run(pipe, catalog)
    return {name: catalog.load(name) for name in OUTPUTS}


def test_cleaning_on_dask_equals_local_run(demo_export, dask_address, tmp_path):
    local = run_cleaning(demo_export, ExecutionParams())
    on_dask = run_cleaning(
        demo_export,
        ExecutionParams(engine="dask", scheduler_address=dask_address, min_partition_rows=50),
    )
    assert len(local["comments_clean"]) > 500
    for name in ("comments_clean", "comments_quarantine", "comment_languages"):
        assert_frame_equal(on_dask[name], local[name], check_exact=True, obj=name)
        # Byte-identical once written the same way.
        local[name].to_parquet(tmp_path / f"{name}_local.parquet")
        on_dask[name].to_parquet(tmp_path / f"{name}_dask.parquet")
        assert (tmp_path / f"{name}_local.parquet").read_bytes() == (
            tmp_path / f"{name}_dask.parquet"
        ).read_bytes(), name
    assert on_dask["cleaning_report"] == local["cleaning_report"]
    assert on_dask["pii_summary"] == local["pii_summary"]
    # The PII redaction really was spread over partitions (not one task doing everything).
    assert local["pii_summary"]["distinct_texts"] > 2 * 50


def test_dask_engine_needs_an_address():
    with pytest.raises(ValueError, match="execution.scheduler_address"):
        ExecutionParams(engine="dask")
    with pytest.raises(ValueError, match="extra"):
        ExecutionParams(engine="local", extra_key=1)


def test_cleaning_on_local_processes_equals_local_run(demo_export):
    """engine 'processes' (2 loky workers on this machine) cuts the same partitions as Dask
    and must give the single-process outputs exactly."""
    local = run_cleaning(demo_export, ExecutionParams())
    on_processes = run_cleaning(
        demo_export, ExecutionParams(engine="processes", n_workers=2, min_partition_rows=50)
    )
    for name in ("comments_clean", "comments_quarantine", "comment_languages"):
        assert_frame_equal(on_processes[name], local[name], check_exact=True, obj=name)
    assert on_processes["cleaning_report"] == local["cleaning_report"]
    assert on_processes["pii_summary"] == local["pii_summary"]
