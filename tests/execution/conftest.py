"""A local 2-worker Dask cluster (separate processes, like a real one) for the equivalence
tests, and a small demo export run through ingestion."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

distributed = pytest.importorskip("distributed", reason="the dask extra is in requirements/lock-test.txt")


@pytest.fixture(scope="session")
def dask_address():
    # processes=True: tasks and their arguments really are pickled to other interpreters,
    # so anything that only works in-process fails here, not on the user's cluster.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, memory_limit="3GiB"
    ) as cluster:
        yield cluster.scheduler_address
