"""Run a row-wise function locally or on a Dask distributed cluster, with the same result.

Contract for the functions passed here: ``func(chunk, *args)`` must give, for each row of
``chunk``, the same output whatever other rows are in the chunk (no corpus statistics, no
state carried between rows that changes results). Then splitting the input into partitions
cannot change the concatenated output, which is what ``tests/distributed`` checks against
the local run on the same input.

The driver keeps the secrets: node functions decide what they send (e.g. the
pseudonymisation salt stays on the driver; only texts travel to workers).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from typing import Any, Literal, TypeVar

import numpy as np
import pandas as pd
from pydantic import Field, model_validator

from ambassadeurs_pipeline.contracts.params import StrictModel

logger = logging.getLogger(__name__)

T = TypeVar("T")


class ExecutionParams(StrictModel):
    """``params:execution`` (``conf/base/parameters.yml``)."""

    engine: Literal["auto", "local", "processes", "dask"] = Field(
        "auto",
        description=(
            "'auto': 'processes' for a step with at least auto_min_rows rows on a machine with "
            "2+ cores, 'local' otherwise. 'local': everything in the Kedro process. "
            "'processes': row-wise work on n_workers local processes (all cores of one "
            "machine). 'dask': row-wise work on a Dask cluster. Same outputs whichever engine."
        ),
    )
    n_workers: int = Field(
        2,
        ge=1,
        description="Worker processes for 'processes' and 'auto' (at most the machine's cores in 'auto').",
    )
    auto_min_rows: int = Field(
        50_000,
        ge=1,
        description=(
            "'auto' runs a step on local processes from this many rows: below it, starting "
            "workers that load their own models costs more than it saves."
        ),
    )
    scheduler_address: str | None = Field(
        None,
        description="Dask scheduler, e.g. tcp://10.0.0.5:8786 (tls://… on a shared network). Required for 'dask'.",
    )
    partitions_per_worker: int = Field(
        2,
        ge=1,
        description="Partitions per worker thread: more evens out slow partitions, fewer cuts overhead.",
    )
    min_partition_rows: int = Field(
        200,
        ge=1,
        description="Never cut partitions smaller than this (task overhead dominates below).",
    )
    timeout_s: float = Field(
        60.0, gt=0, description="Seconds to wait for the scheduler before failing."
    )

    @model_validator(mode="after")
    def _address_for_dask(self) -> ExecutionParams:
        if self.engine == "dask" and not self.scheduler_address:
            raise ValueError(
                "execution.scheduler_address is required when execution.engine is 'dask' "
                "(e.g. --params execution.scheduler_address=tcp://scheduler:8786); see docs/distributed.md"
            )
        return self


LOCAL = ExecutionParams(engine="local")


def resolve_engine(params: ExecutionParams, n_rows: int) -> ExecutionParams:
    """The engine a step of ``n_rows`` rows runs on: ``auto`` becomes ``processes`` (with at
    most as many workers as the machine has cores) for large steps on a multi-core machine,
    ``local`` otherwise; other engines are returned as they are. Outputs do not depend on
    the choice (see the module docstring), only time and memory do: each worker process
    loads its own models (spaCy, lingua), about 0.5 GB more per worker."""
    if params.engine != "auto":
        return params
    cores = os.cpu_count() or 1
    workers = min(params.n_workers, cores)
    if n_rows >= params.auto_min_rows and workers >= 2:
        return params.model_copy(update={"engine": "processes", "n_workers": workers})
    return params.model_copy(update={"engine": "local"})


def split_positions(
    n: int, n_parts: int, min_rows: int = 1, multiple_of: int = 1
) -> list[tuple[int, int]]:
    """Contiguous ``[start, stop)`` ranges covering ``0..n`` in order, at most ``n_parts``
    of them, none shorter than ``min_rows`` (except when ``n < min_rows``), every boundary
    a multiple of ``multiple_of`` (so a function that works in fixed batches of that size
    sees exactly the batches the single-process run sees)."""
    if n <= 0:
        return []
    step = max(multiple_of, 1)
    blocks = -(-n // step)
    parts = max(1, min(n_parts, n // max(min_rows, 1), blocks))
    bounds = sorted({min(n, int(b) * step) for b in np.linspace(0, blocks, parts + 1).round()})
    return [(a, b) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]


@contextmanager
def _client(params: ExecutionParams):
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - depends on the install
        raise ImportError(
            "execution.engine is 'dask' but Dask distributed is not installed: "
            "pip install 'ambassadeurs_pipeline[dask]' (see docs/distributed.md)"
        ) from None
    # set_as_default=False: the node never leaks a global client into the Kedro process.
    client = Client(params.scheduler_address, timeout=params.timeout_s, set_as_default=False)
    try:
        yield client
    finally:
        client.close()


def map_chunks(
    func: Callable[..., T],
    items: Sequence[Any],
    params: ExecutionParams = LOCAL,
    *args: Any,
    label: str = "",
    multiple_of: int = 1,
) -> list[T]:
    """``[func(items[a:b], *args) for each partition]`` in input order.

    Locally there is one partition: ``[func(items, *args)]``, exactly the single-process
    code path. On Dask, ``args`` are broadcast once to every worker (a fitted model is
    deserialised once per worker, not once per partition) and each partition is a task.
    ``multiple_of``: ``func`` processes fixed batches of this many rows (BLAS results can
    depend on a batch's shape), so partitions start on batch boundaries.

    Raises:
        ImportError: engine 'dask' without the ``dask`` extra installed.
        OSError: the scheduler cannot be reached within ``timeout_s``.
    """
    params = resolve_engine(params, len(items))
    if params.engine == "local" or len(items) == 0:
        return [func(items, *args)]
    if params.engine == "processes":
        return _map_on_processes(func, items, params, args, label, multiple_of)
    with _client(params) as client:
        threads = sum(client.nthreads().values()) or 1
        ranges = split_positions(
            len(items),
            threads * params.partitions_per_worker,
            params.min_partition_rows,
            multiple_of,
        )
        shared = [client.scatter(a, broadcast=True, hash=False) for a in args] if args else []
        futures = [client.submit(func, items[a:b], *shared, pure=False) for a, b in ranges]
        logger.info(
            "%s: %d rows in %d partitions on %d Dask worker threads (%s)",
            label or func.__name__,
            len(items),
            len(ranges),
            threads,
            params.scheduler_address,
        )
        return client.gather(futures)


def _map_on_processes(
    func: Callable[..., T],
    items: Sequence[Any],
    params: ExecutionParams,
    args: tuple,
    label: str,
    multiple_of: int,
) -> list[T]:
    """Partitions on a pool of local processes (joblib's loky executor, already installed
    with scikit-learn). The pool is reused between calls, so each worker loads spaCy or
    lingua once per run, not once per node; the same partition rule as on Dask keeps the
    outputs equal to the single-process run."""
    from joblib import Parallel, delayed

    ranges = split_positions(
        len(items),
        params.n_workers * params.partitions_per_worker,
        params.min_partition_rows,
        multiple_of,
    )
    logger.info(
        "%s: %d rows in %d partitions on %d local worker processes",
        label or getattr(func, "__name__", "task"),
        len(items),
        len(ranges),
        params.n_workers,
    )
    if len(ranges) <= 1:
        return [func(items, *args)]
    # One BLAS thread per worker, as on Dask: results must not depend on thread counts.
    with Parallel(n_jobs=params.n_workers, backend="loky", inner_max_num_threads=1) as parallel:
        return parallel(delayed(func)(items[a:b], *args) for a, b in ranges)


def map_frame(
    func: Callable[..., pd.DataFrame],
    frame: pd.DataFrame,
    params: ExecutionParams = LOCAL,
    *args: Any,
    label: str = "",
) -> pd.DataFrame:
    """:func:`map_chunks` over the rows of ``frame``; the pieces are concatenated in order
    with a fresh ``RangeIndex``."""
    params = resolve_engine(params, len(frame))
    if params.engine == "local":
        return func(frame, *args)
    pieces = map_chunks(func, frame.reset_index(drop=True), params, *args, label=label)
    return (
        pd.concat(pieces, ignore_index=True)
        if len(pieces) > 1
        else pieces[0].reset_index(drop=True)
    )
