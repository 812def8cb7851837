"""Memory and CPU of a process and all its descendants (worker processes included), for the
benchmarks: with ``execution.engine`` ``processes`` or ``auto``, a process's own peak RSS is
not the run's cost. Uses psutil (in the test lock); benchmarks only."""

from __future__ import annotations

import os
import threading


def tree_usage(root_pid: int, cpu_seen: dict[int, float]) -> float:
    """RSS (MB) of ``root_pid`` and all its descendants now; updates ``cpu_seen`` with each
    process' CPU seconds (user + sys) so worker processes' CPU is counted too."""
    import psutil

    try:
        root = psutil.Process(root_pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    rss = 0.0
    for proc in procs:
        try:
            rss += proc.memory_info().rss
            times = proc.cpu_times()
            cpu_seen[proc.pid] = times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return rss / 2**20


class TreePeakSampler:
    """Peak of :func:`tree_usage` for this process, sampled in a thread every ``every_s``
    seconds between :meth:`start` and :meth:`stop` (a lower bound: a worker's last moments
    between two samples are missed)."""

    def __init__(self, every_s: float = 0.2) -> None:
        self.every_s = every_s
        self.peak_mb = 0.0
        self.cpu_seen: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        self.peak_mb = max(self.peak_mb, tree_usage(os.getpid(), self.cpu_seen))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every_s)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self._sample()
        return round(self.peak_mb, 1)
