"""Comment embeddings in one Parquet file, written chunk by chunk.

On a million comments the embedding matrix is a few GB: the embedding node is a generator
that yields one ``(comment_id, embedding)`` frame per chunk, and Kedro saves each chunk as
it comes. This dataset appends every chunk of a run as a Parquet row group of **one** file,
so nothing ever holds more than a chunk before it is on disk, and the file stays an ordinary
Parquet file: ``pd.read_parquet`` reads it, and the erasure tool
(``privacy/erase.py``) rewrites it like any other per-row dataset.

The embedding column is stored as a fixed-size list of float32. Loading returns the
contract frame (``comment_id``, ``embedding``), where the embeddings are row views of one
contiguous float32 matrix (not a million small arrays).

Chunks of one run go to the same file: the first save of this dataset object opens the file
(for a versioned dataset, the run's save version), later saves append to it. The file is
finalised (Parquet footer written) when it is loaded, checked for existence, released, or
when the object is garbage-collected / the interpreter exits.
"""

from __future__ import annotations

import glob
import logging
import weakref
from pathlib import Path, PurePosixPath
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from kedro.io.core import AbstractVersionedDataset, DatasetError, Version

logger = logging.getLogger(__name__)


def _close(writer: pq.ParquetWriter | None) -> None:
    if writer is not None:
        writer.close()


def frame_to_table(frame: pd.DataFrame) -> pa.Table:
    """``comment_id`` (string) + ``embedding`` (fixed-size list<float32>) Arrow table.

    Raises:
        DatasetError: columns missing, or rows of different dimensions.
    """
    missing = {"comment_id", "embedding"} - set(frame.columns)
    if missing:
        raise DatasetError(f"comment embeddings need columns {sorted(missing)}")
    if len(frame) == 0:
        matrix = np.zeros((0, 0), dtype=np.float32)
    else:
        try:
            matrix = np.vstack(frame["embedding"].to_numpy()).astype(np.float32, copy=False)
        except ValueError as err:
            raise DatasetError(f"embeddings of different lengths in one chunk: {err}") from err
    # Arrow's fixed-size lists need a size >= 1: an empty chunk (no comment to model) is
    # written with size 1; it holds no value either way.
    dim = max(matrix.shape[1] if matrix.ndim == 2 else 0, 1) if len(frame) == 0 else matrix.shape[1]
    values = pa.array(np.ascontiguousarray(matrix).ravel(), type=pa.float32())
    embedding = pa.FixedSizeListArray.from_arrays(values, dim)
    ids = pa.array(frame["comment_id"].astype(str).to_numpy(), type=pa.string())
    return pa.Table.from_arrays([ids, embedding], names=["comment_id", "embedding"])


def table_to_frame(table: pa.Table) -> pd.DataFrame:
    """Inverse of :func:`frame_to_table`: embeddings become views of one float32 matrix."""
    column = table.column("embedding").combine_chunks()
    if isinstance(column.type, pa.FixedSizeListType):
        dim = column.type.list_size
        flat = column.flatten().to_numpy(zero_copy_only=False).astype(np.float32, copy=False)
        matrix = flat.reshape(len(column), dim) if dim else np.zeros((len(column), 0), np.float32)
    else:  # files written by pandas (variable-size lists), e.g. before this dataset existed
        matrix = (
            np.vstack(column.to_numpy(zero_copy_only=False)).astype(np.float32)
            if len(column)
            else np.zeros((0, 0), np.float32)
        )
    return pd.DataFrame(
        {
            "comment_id": table.column("comment_id").to_numpy(zero_copy_only=False).astype(object),
            "embedding": list(matrix),
        }
    )


class EmbeddingsParquetDataset(AbstractVersionedDataset[pd.DataFrame, pd.DataFrame]):
    """Local Parquet file of comment embeddings; each ``save`` in a run appends a row group.

    Args:
        filepath: local path of the ``.parquet`` file.
        version: Kedro version (set by the catalog when ``versioned: true``).
    """

    def __init__(
        self, filepath: str, version: Version | None = None, metadata: dict[str, Any] | None = None
    ) -> None:
        super().__init__(
            filepath=PurePosixPath(Path(filepath).expanduser().as_posix()),
            version=version,
            exists_function=lambda p: Path(p).exists(),
            glob_function=glob.glob,
        )
        self.metadata = metadata
        self._writer: pq.ParquetWriter | None = None
        self._writer_path: Path | None = None
        self._rows_written = 0
        self._finalizer: weakref.finalize | None = None

    def _describe(self) -> dict[str, Any]:
        return {"filepath": str(self._filepath), "version": self._version}

    def _save(self, data: pd.DataFrame) -> None:
        table = frame_to_table(data)
        if self._writer is None:
            path = Path(str(self._get_save_path()))
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(str(path), table.schema)
            self._writer_path = path
            self._rows_written = 0
            self._finalizer = weakref.finalize(self, _close, self._writer)
        elif table.schema != self._writer.schema:
            raise DatasetError(
                f"chunk schema {table.schema} differs from the first chunk's {self._writer.schema} "
                f"(different embedding dimension?) in {self._writer_path}"
            )
        self._writer.write_table(table)
        self._rows_written += table.num_rows

    def finalise(self) -> None:
        """Write the Parquet footer of the file being appended to (no-op when none is open)."""
        if self._writer is not None:
            self._finalizer.detach()  # type: ignore[union-attr]
            self._writer.close()
            logger.debug("%s: %d rows written to %s", self, self._rows_written, self._writer_path)
            self._writer = None
            self._finalizer = None

    def _load(self) -> pd.DataFrame:
        self.finalise()
        return table_to_frame(pq.read_table(str(self._get_load_path())))

    def _exists(self) -> bool:
        self.finalise()
        try:
            path = self._get_load_path()
        except DatasetError:
            return False
        return Path(str(path)).exists()

    def _release(self) -> None:
        self.finalise()
        super()._release()
