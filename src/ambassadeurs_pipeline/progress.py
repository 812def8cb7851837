"""Progress bars for the long steps: shown in a terminal, silent in batch jobs.

Every step that takes more than a few seconds on 100k comments wraps its loop in
:func:`progress` (or announces its phases with :func:`phases`), so a person watching
``kedro run`` sees where it is; a batch or cluster job (stderr not a terminal) writes no bar
at all, so its log stays readable. Bars never change a result: they only count.

When bars are drawn, in this order of precedence:

1. the environment variable ``AMBASSADEURS_PROGRESS``: ``on``/``1``/``true`` forces them,
   ``off``/``0``/``false`` silences them (``auto`` or unset: next rule);
2. the parameter ``progress`` (``conf/base/parameters.yml``: ``auto``, ``on``, ``off``;
   ``kedro run --params progress=off``), applied by :class:`ambassadeurs_pipeline.hooks.ProgressHook`;
3. ``auto``: on when stderr is a terminal, and only in the main process: worker processes
   (``execution.engine=processes`` or Dask) stay silent, the driver shows the partitions.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable, Sequence, Sized
from typing import Any, Literal, TypeVar

from tqdm.auto import tqdm

ENV_VAR = "AMBASSADEURS_PROGRESS"
Mode = Literal["auto", "on", "off"]
_ON = {"on", "1", "true", "yes"}
_OFF = {"off", "0", "false", "no"}
_mode: Mode = "auto"

T = TypeVar("T")


def configure(mode: str) -> None:
    """Set the project-wide mode (the ``progress`` parameter). Raises ``ValueError`` for an
    unknown value, naming the parameter."""
    global _mode
    value = str(mode).strip().lower()
    if value in _ON:
        _mode = "on"
    elif value in _OFF:
        _mode = "off"
    elif value == "auto":
        _mode = "auto"
    else:
        raise ValueError(f"parameter 'progress': {mode!r} is not one of auto, on, off")


def _in_worker_process() -> bool:
    return multiprocessing.current_process().name != "MainProcess"


def enabled(stream: Any = None) -> bool:
    """Whether bars are drawn now (see the module docstring for the rules)."""
    env = os.environ.get(ENV_VAR, "").strip().lower()
    if env in _ON:
        return True
    if env in _OFF:
        return False
    if _mode != "auto":
        return _mode == "on"
    if _in_worker_process():
        return False
    stream = sys.stderr if stream is None else stream
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


def progress(
    iterable: Iterable[T] | None = None,
    *,
    desc: str,
    total: int | None = None,
    unit: str = "it",
    min_total: int = 0,
    show: bool = True,
    **kwargs: Any,
) -> tqdm:
    """A tqdm bar, disabled unless :func:`enabled` (and when ``total < min_total``: a bar for
    a handful of items is noise; or when the caller says ``show=False``). Use as
    ``for x in progress(items, desc=...)`` or as a context manager with ``bar.update(n)``."""
    if total is None and isinstance(iterable, Sized):
        total = len(iterable)  # type: ignore[arg-type]
    disable = not show or not enabled() or (total is not None and total < min_total)
    return tqdm(
        iterable,
        desc=desc,
        total=total,
        unit=unit,
        disable=disable,
        leave=False,
        dynamic_ncols=True,
        **kwargs,
    )


class Phases:
    """A bar over the named phases of one long call (e.g. BERTopic's UMAP, HDBSCAN,
    representations), for steps whose inner loop is not ours to wrap. ``done`` counts a
    phase and shows the next one; ``start`` names the one running. Close it (or use it as a
    context manager) when the step ends."""

    def __init__(self, desc: str, names: Sequence[str]) -> None:
        self._names, self._desc, self._done = list(names), desc, 0
        self._bar = progress(total=len(self._names), desc=desc, unit="étape")
        if self._names:
            self.start(self._names[0])

    def start(self, name: str) -> None:
        self._bar.set_description_str(f"{self._desc}: {name}")

    def done(self, name: str | None = None) -> None:
        if self._done < len(self._names):
            self._done += 1
            self._bar.update(1)
        if name:
            self._bar.set_postfix_str(f"{name} ✓")
        if self._done < len(self._names):
            self.start(self._names[self._done])

    def close(self) -> None:
        self._bar.close()

    def __enter__(self) -> Phases:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


phases = Phases
