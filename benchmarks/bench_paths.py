"""Where benchmarks find what lives outside the repository, without one machine's paths.

* The stock-BERTopic baseline needs a separate Python with PyTorch, sentence-transformers and
  BERTopic (never part of the project's locks): pass ``--baseline-python`` or set
  ``AMBASSADEURS_BASELINE_PYTHON`` to that interpreter (e.g. ``~/venvs/torch/bin/python``).
* Generated corpora and throw-away project copies go to ``--workdir``, by default
  ``AMBASSADEURS_BENCH_WORKDIR`` or ``<system temp dir>/ambassadeurs-bench-scale`` (kept
  between runs: generating a 1M corpus is not what is measured).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

BASELINE_PYTHON_ENV = "AMBASSADEURS_BASELINE_PYTHON"
WORKDIR_ENV = "AMBASSADEURS_BENCH_WORKDIR"

MISSING_BASELINE_PYTHON = (
    "The stock BERTopic baseline needs a separate Python environment with torch, "
    "sentence-transformers and bertopic (never installed with the project): pass "
    f"--baseline-python /path/to/that/bin/python or set {BASELINE_PYTHON_ENV}."
)


def default_baseline_python() -> str | None:
    """``AMBASSADEURS_BASELINE_PYTHON`` if set, else ``None`` (no default interpreter)."""
    value = os.environ.get(BASELINE_PYTHON_ENV, "").strip()
    return value or None


def check_baseline_python(python: str | None) -> str:
    """The interpreter to run the baseline with; ``SystemExit`` with a clear message if it is
    not given or does not exist."""
    if not python:
        raise SystemExit(
            MISSING_BASELINE_PYTHON + " Or skip the baseline (run_all.py: --baseline-size 0)."
        )
    if not Path(python).expanduser().exists():
        raise SystemExit(f"--baseline-python {python}: no such file. " + MISSING_BASELINE_PYTHON)
    return str(Path(python).expanduser())


def default_workdir() -> Path:
    value = os.environ.get(WORKDIR_ENV, "").strip()
    return (
        Path(value).expanduser()
        if value
        else Path(tempfile.gettempdir()) / "ambassadeurs-bench-scale"
    )
