"""`kedro viz build` produces the static pipeline map (slow: it imports and maps every stage)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
# The command run below: this interpreter's own kedro script (not whichever is on PATH, so an
# un-activated venv neither skips nor runs another install's kedro).
KEDRO = Path(sys.executable).with_name("kedro")


@pytest.mark.slow
@pytest.mark.skipif(not KEDRO.exists(), reason=f"no kedro script beside {sys.executable}")
@pytest.mark.skipif(
    importlib.util.find_spec("kedro_viz") is None, reason="kedro-viz is not installed (extra viz)"
)
def test_kedro_viz_build_writes_static_map(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "conf", project / "conf", ignore=shutil.ignore_patterns("local"))
    (project / "conf" / "local").mkdir()
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    shutil.copytree(
        ROOT / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    env = {**os.environ, "KEDRO_DISABLE_TELEMETRY": "1"}
    done = subprocess.run(
        [str(KEDRO), "viz", "build"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (project / "build" / "index.html").exists()
    assert (project / "build" / "api" / "main").exists()
    # The layer view is on: kedro-viz found acyclic layers in the catalog's metadata, in the
    # data-folder order (it returns [] and hides them all on a cycle).
    import json

    layers = json.loads((project / "build" / "api" / "main").read_text())["layers"]
    assert layers == [
        "raw",
        "intermediate",
        "primary",
        "model_input",
        "models",
        "model_output",
        "reporting",
    ], layers
