"""``execution.engine``: partitioning and the local/Dask equivalence of ``map_chunks``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ambassadeurs_pipeline.execution import ExecutionParams, map_chunks, map_frame, split_positions


@given(st.integers(0, 5000), st.integers(1, 64), st.integers(1, 500), st.integers(1, 300))
def test_split_positions_covers_every_row_once_in_order(n, parts, min_rows, multiple_of):
    ranges = split_positions(n, parts, min_rows, multiple_of)
    assert [i for a, b in ranges for i in range(a, b)] == list(range(n))
    assert len(ranges) <= max(parts, 1)
    assert all(a % multiple_of == 0 for a, _ in ranges)
    assert len(ranges) <= max(1, n // min_rows)


def test_params_fail_fast_with_the_key_named():
    with pytest.raises(ValueError, match="execution.scheduler_address"):
        ExecutionParams(engine="dask")
    with pytest.raises(ValueError, match="engine"):
        ExecutionParams(engine="spark")
    with pytest.raises(ValueError, match="sheduler_address"):
        ExecutionParams(engine="local", sheduler_address="tcp://x:1")


def _square_plus(values, offset):
    return np.asarray(values) ** 2 + offset


def _tag_rows(frame, tag):
    return frame.assign(tag=tag + frame["x"].astype(str))


def test_local_engine_is_one_call_on_everything():
    assert [len(p) for p in map_chunks(_square_plus, list(range(10)), ExecutionParams(), 1)] == [10]


@pytest.mark.slow
def test_dask_engine_matches_local_and_keeps_order(dask_address):
    on_dask = ExecutionParams(engine="dask", scheduler_address=dask_address, min_partition_rows=10)
    values = list(range(1000))
    pieces = map_chunks(_square_plus, values, on_dask, 3)
    assert len(pieces) > 1
    assert np.concatenate(pieces).tolist() == [v * v + 3 for v in values]
    frame = pd.DataFrame({"x": range(500)}, index=range(1000, 1500))
    assert map_frame(_tag_rows, frame, on_dask, "r").equals(
        map_frame(_tag_rows, frame.reset_index(drop=True), ExecutionParams(), "r")
    )
