"""EmbeddingsParquetDataset: chunks appended to one Parquet file, read back exactly."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest
from kedro.io.core import DatasetError, Version

from ambassadeurs_pipeline.datasets.embeddings_parquet import EmbeddingsParquetDataset


def _chunk(start: int, n: int, dim: int = 3) -> pd.DataFrame:
    # Row i holds [i, i + 0.5, i + 0.25, ...]: every value says which row it belongs to.
    return pd.DataFrame(
        {
            "comment_id": [f"c{i:03d}" for i in range(start, start + n)],
            "embedding": [
                np.float32(i) + np.arange(dim, dtype=np.float32) / 4
                for i in range(start, start + n)
            ],
        }
    )


def test_chunks_of_one_run_round_trip_as_row_groups(tmp_path):
    path = tmp_path / "emb.parquet"
    ds = EmbeddingsParquetDataset(str(path))
    for start, n in [(0, 4), (4, 4), (8, 2)]:
        ds.save(_chunk(start, n))
    loaded = ds.load()
    assert loaded["comment_id"].tolist() == [f"c{i:03d}" for i in range(10)]
    np.testing.assert_array_equal(
        np.vstack(loaded["embedding"]), np.vstack(_chunk(0, 10)["embedding"])
    )
    assert pq.ParquetFile(path).metadata.num_row_groups == 3
    # An ordinary Parquet file: pandas (and so the erasure tool) reads it as it is.
    assert len(pd.read_parquet(path)) == 10
    assert np.vstack(loaded["embedding"]).dtype == np.float32


def test_a_new_dataset_object_overwrites_instead_of_appending(tmp_path):
    path = str(tmp_path / "emb.parquet")
    first = EmbeddingsParquetDataset(path)
    first.save(_chunk(0, 5))
    first.load()
    second = EmbeddingsParquetDataset(path)
    second.save(_chunk(100, 2))
    assert second.load()["comment_id"].tolist() == ["c100", "c101"]


def test_versioned_chunks_go_to_one_version(tmp_path):
    path = str(tmp_path / "emb.parquet")
    ds = EmbeddingsParquetDataset(path, version=Version(None, "2026-01-01T00.00.00.000Z"))
    ds.save(_chunk(0, 3))
    ds.save(_chunk(3, 3))
    assert ds.exists()
    assert len(ds.load()) == 6
    assert (tmp_path / "emb.parquet" / "2026-01-01T00.00.00.000Z" / "emb.parquet").is_file()


def test_chunk_with_another_dimension_is_refused(tmp_path):
    ds = EmbeddingsParquetDataset(str(tmp_path / "emb.parquet"))
    ds.save(_chunk(0, 2, dim=3))
    with pytest.raises(DatasetError, match="differs"):
        ds.save(_chunk(2, 2, dim=4))


def test_reads_files_written_by_pandas(tmp_path):
    path = tmp_path / "old.parquet"
    _chunk(0, 3).to_parquet(path)
    loaded = EmbeddingsParquetDataset(str(path)).load()
    np.testing.assert_array_equal(
        np.vstack(loaded["embedding"]), np.vstack(_chunk(0, 3)["embedding"])
    )
