"""Run the whole default pipeline in a ``KedroSession`` on a generated export, in a temporary
copy of the project (same set-up as tests/test_end_to_end.py)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from kedro.framework.session import KedroSession
from kedro.framework.startup import bootstrap_project

ROOT = Path(__file__).resolve().parents[2]


def make_project(base: Path) -> Path:
    """A throw-away project: the repository's conf (without local), pyproject, a src link."""
    project = base
    shutil.copytree(ROOT / "conf", project / "conf", ignore=shutil.ignore_patterns("local"))
    (project / "conf" / "local").mkdir()
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "src").mkdir()
    (project / "src" / "ambassadeurs_pipeline").symlink_to(
        ROOT / "src" / "ambassadeurs_pipeline", target_is_directory=True
    )
    (project / "data" / "01_raw").mkdir(parents=True)
    return project


def run_session(
    project: Path, params: dict[str, Any], pipeline: str | None = None, env: str = "test"
) -> None:
    """``kedro run [--pipelines=pipeline] --params ...`` with ``env`` (``conf/test`` by default)."""
    bootstrap_project(project)
    with KedroSession.create(project_path=project, env=env, runtime_params=params) as session:
        session.run(pipeline_names=[pipeline] if pipeline else None)


def latest(project: Path, relative: str) -> Path:
    """Path of the newest version of a versioned dataset (or the file itself)."""
    folder = project / relative
    if folder.is_file():
        return folder
    versions = sorted(p for p in folder.iterdir() if p.is_dir())
    return versions[-1] / folder.name
