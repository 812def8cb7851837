"""Project configuration (catalog, parameters, salt) through Kedro's config loader, and
the files of each dataset."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..salt import resolve_salt

logger = logging.getLogger(__name__)


@dataclass
class ProjectConfig:
    path: Path
    catalog: dict[str, Any]
    parameters: dict[str, Any]
    salt: str


def load_project_config(
    project_path: Path | str = ".",
    env: str | None = None,
    runtime_params: dict[str, Any] | None = None,
) -> ProjectConfig:
    """Catalog, parameters and pseudonymisation salt of a Kedro project.

    The salt is ``credentials: pseudonymisation.salt``; the public demo salt is used only when
    none is configured and the comments input is the bundled demo (as the hook does).

    Raises:
        SaltError: no salt configured and the input is not the bundled demo.
    """
    from ambassadeurs_pipeline import settings
    from ambassadeurs_pipeline.privacy.pseudonyms import check_salt

    # The project's own loader class and arguments (settings.py), without bootstrapping a
    # session: erasure must work even when a pipeline cannot be imported.
    project = Path(project_path).resolve()
    loader = settings.CONFIG_LOADER_CLASS(
        conf_source=str(project / "conf"),
        env=env,
        runtime_params=runtime_params or {},
        **settings.CONFIG_LOADER_ARGS,
    )
    catalog = dict(loader["catalog"])
    parameters = dict(loader["parameters"])
    try:
        credentials = loader["credentials"] or {}
    except Exception:  # no credentials file at all
        credentials = {}
    # One rule for the hook and erasure (privacy/salt.py).
    salt, _ = resolve_salt(credentials, parameters.get("comments_path"), project)
    return ProjectConfig(project, catalog, parameters, check_salt(salt))


@dataclass(frozen=True)
class DatasetFile:
    dataset: str
    version: str | None  # None: unversioned dataset
    path: Path  # the data file (or folder, for folder datasets such as the topic model)
    version_dir: Path | None


def dataset_files(name: str, entry: dict[str, Any], project: Path) -> list[DatasetFile]:
    """Every stored version of a catalog entry: ``<filepath>/<version>/<basename>``."""
    filepath = entry.get("filepath") if isinstance(entry, dict) else None
    if not filepath or "://" in str(filepath):
        return []
    path = Path(filepath)
    path = path if path.is_absolute() else project / path
    if not entry.get("versioned"):
        return [DatasetFile(name, None, path, None)] if path.exists() else []
    if not path.is_dir():
        return []
    out = []
    for version_dir in sorted(p for p in path.iterdir() if p.is_dir()):
        data = version_dir / path.name
        if data.exists():
            out.append(DatasetFile(name, version_dir.name, data, version_dir))
    return out
