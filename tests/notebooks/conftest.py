"""A tiny demo run of every pipeline, in a temporary copy of the project, shared by the tests
that need real outputs (notebooks, the generated report in a browser)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
N_COMMENTS = 1500
SEED = 7


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory) -> Path:
    """Project copy whose data/ holds one full ``kedro run`` (env ``test``) on a tiny demo."""
    from kedro.framework.session import KedroSession
    from kedro.framework.startup import bootstrap_project

    from ambassadeurs_pipeline.demo import generate_demo, write_demo

    os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
    project = tmp_path_factory.mktemp("demo_project")
    shutil.copytree(ROOT / "conf", project / "conf", ignore=shutil.ignore_patterns("local"))
    (project / "conf" / "local").mkdir()
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    # Kedro wants the source folder inside the project; a copy keeps the run on this checkout.
    shutil.copytree(
        ROOT / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    shutil.copytree(
        ROOT / "notebooks",
        project / "notebooks",
        ignore=shutil.ignore_patterns(".ipynb_checkpoints"),
    )
    write_demo(generate_demo(n_comments=N_COMMENTS, seed=SEED), project / "data" / "01_raw")
    bootstrap_project(project)
    cwd = Path.cwd()
    os.chdir(project)  # datasets with relative paths (data/...) resolve from the project root
    try:
        with KedroSession.create(project_path=project, env="test") as session:
            session.run()
    finally:
        os.chdir(cwd)
    return project
