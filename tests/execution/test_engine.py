"""``execution.engine``: partitioning and the local/Dask equivalence of ``map_chunks``."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ambassadeurs_pipeline.execution import (
    ExecutionParams,
    map_chunks,
    map_frame,
    resolve_engine,
    split_positions,
)
from ambassadeurs_pipeline.execution import engine as engine_module


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
    local = ExecutionParams(engine="local")
    assert [len(p) for p in map_chunks(_square_plus, list(range(10)), local, 1)] == [10]


def test_auto_is_the_default_and_stays_local_below_its_threshold():
    assert ExecutionParams().engine == "auto"
    assert [len(p) for p in map_chunks(_square_plus, list(range(10)), ExecutionParams(), 1)] == [10]


@pytest.mark.parametrize(
    ("cores", "n_workers", "rows", "expected"),
    [
        (4, 2, 50_000, ("processes", 2)),  # a large step on a multi-core machine
        (2, 8, 80_000, ("processes", 2)),  # never more workers than cores
        (4, 2, 49_999, ("local", 2)),  # below auto_min_rows
        (1, 2, 1_000_000, ("local", 2)),  # one core: nothing to gain
        (None, 2, 1_000_000, ("local", 2)),  # cores unknown: counted as one
        (4, 1, 1_000_000, ("local", 1)),  # one worker asked for
    ],
)
def test_auto_resolves_on_rows_and_cores(monkeypatch, cores, n_workers, rows, expected):
    monkeypatch.setattr(engine_module.os, "cpu_count", lambda: cores)
    resolved = resolve_engine(ExecutionParams(n_workers=n_workers), rows)
    assert (resolved.engine, resolved.n_workers) == expected


def test_explicit_engines_are_never_changed(monkeypatch):
    monkeypatch.setattr(engine_module.os, "cpu_count", lambda: 8)
    for params in (ExecutionParams(engine="local"), ExecutionParams(engine="processes")):
        assert resolve_engine(params, 10**6) == params


@pytest.mark.slow
def test_auto_on_local_processes_gives_the_local_result(monkeypatch):
    monkeypatch.setattr(engine_module.os, "cpu_count", lambda: 2)
    items = list(range(400))
    auto = ExecutionParams(auto_min_rows=100, min_partition_rows=50)
    pieces = map_chunks(_square_plus, items, auto, 3)
    assert len(pieces) > 1  # it did run in partitions on worker processes
    local = map_chunks(_square_plus, items, ExecutionParams(engine="local"), 3)
    assert np.concatenate(pieces).tolist() == np.concatenate(local).tolist()


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
