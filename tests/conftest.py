"""Fixtures shared across test folders."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def dask_address():
    """Address of a local 2-worker Dask cluster, started once per session when a test asks.

    processes=True: tasks and their arguments really are pickled to other interpreters, so
    anything that only works in-process fails here, not on the user's cluster.
    """
    distributed = pytest.importorskip(
        "distributed", reason="the dask extra is in requirements/lock-test.txt"
    )
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        memory_limit="3GiB",
    ) as cluster:
        yield cluster.scheduler_address
