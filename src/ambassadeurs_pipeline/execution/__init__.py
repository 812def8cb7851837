"""Where the embarrassingly parallel work runs: in the Kedro process (``local``, default) or
on a Dask distributed cluster (``dask``), chosen by ``params:execution``.

Kedro stays the orchestrator: it loads and saves every dataset on the driver and runs the
nodes in order; a node that holds row-wise work hands it to :func:`map_chunks`, which runs
it on the cluster partition by partition and returns the pieces in input order. Work that
needs the whole corpus (duplicates, bots, the topic fit) never goes through it.
"""

from .engine import ExecutionParams, map_chunks, map_frame, split_positions

__all__ = ["ExecutionParams", "map_chunks", "map_frame", "split_positions"]
