"""Where the embarrassingly parallel work runs: in the Kedro process (``local``), on local
worker processes (``processes``), on a Dask distributed cluster (``dask``), or, by default,
``auto`` (local processes for large steps on a multi-core machine, the Kedro process
otherwise), chosen by ``params:execution``.

Kedro stays the orchestrator: it loads and saves every dataset on the driver and runs the
nodes in order; a node that holds row-wise work hands it to :func:`map_chunks`, which runs
it on the cluster partition by partition and returns the pieces in input order. Work that
needs the whole corpus (duplicates, bots, the topic fit) never goes through it.
"""

from .engine import ExecutionParams, map_chunks, map_frame, resolve_engine, split_positions

__all__ = ["ExecutionParams", "map_chunks", "map_frame", "resolve_engine", "split_positions"]
