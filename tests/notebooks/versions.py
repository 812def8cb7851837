"""Where Kedro keeps a versioned dataset's newest version (imported by name by the tests of
this folder: a helper in conftest.py would be shadowed by another folder's ``conftest``)."""

from __future__ import annotations

from pathlib import Path


def latest_version(project: Path, relative: str) -> Path:
    """Newest version of a versioned dataset."""
    folder = project / relative
    versions = sorted(p for p in folder.iterdir() if p.is_dir())
    return versions[-1] / folder.name
