"""Datasets of the reporting stage: the report file, and two read-only run fingerprints.

They keep file access in the catalog, where Kedro wants it: the report node stays a pure
function of what these load.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path, PurePosixPath
from typing import Any

from kedro.io.core import AbstractDataset, DatasetError, get_filepath_str
from kedro_datasets.text import TextDataset

from ambassadeurs_pipeline.contracts.paths import is_absent

logger = logging.getLogger(__name__)

#: Kedro's default version stamp, e.g. ``2025-03-04T10.21.07.123Z``.
VERSION_STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}\.\d{2}\.\d{2}\.\d{3}Z$")


class ReportHtmlDataset(TextDataset):
    """``text.TextDataset`` that logs, at INFO, the absolute path of each report it writes.

    Stakeholders are sent a file, so the run's last useful line is where that file is.
    """

    def save(self, data: str) -> None:
        save_path = get_filepath_str(self._get_save_path(), self._protocol)
        with self._fs.open(save_path, **self._fs_open_args_save) as handle:
            handle.write(data)
        self._invalidate_cache()
        where = Path(save_path).resolve() if self._protocol in ("file", None) else save_path
        logger.info("Report written (%s kB): %s", round(len(data.encode("utf-8")) / 1024), where)


class _ReadOnly(AbstractDataset[None, dict[str, Any]]):
    def save(self, data: None) -> None:
        raise DatasetError(f"{type(self).__name__} is read-only.")

    def _describe(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if k != "metadata"}


class FileFingerprintsDataset(_ReadOnly):
    """Loads ``{label: {"file": name, "sha256": hex, "bytes": n}}`` for the run's input files.

    An input given as ``none`` (or absent on disk) loads as ``None`` under its label. Only
    the file name is kept: a full path may name a person (a home folder bears its user's name).
    """

    def __init__(
        self, filepaths: dict[str, str | None], metadata: dict[str, Any] | None = None
    ) -> None:
        self._filepaths = dict(filepaths)
        self.metadata = metadata  # kedro-viz layer (conf/base/catalog_reporting.yml)

    def load(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for label, filepath in self._filepaths.items():
            path = Path(str(filepath)) if filepath is not None else None
            if path is None or is_absent(str(filepath)) or not path.is_file():
                out[label] = None
                continue
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
            out[label] = {
                "file": path.name,
                "sha256": digest.hexdigest(),
                "bytes": path.stat().st_size,
            }
        return out


class DatasetVersionsDataset(_ReadOnly):
    """Loads ``{dataset path: latest version stamp}`` for every versioned dataset under ``root``.

    These are the versions a run loads by default (the latest), so the report says which
    data it was built from. ``exclude`` leaves out paths (the report's own earlier versions).
    """

    def __init__(
        self,
        root: str = "data",
        exclude: list[str] | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self._root = root
        self._exclude = [PurePosixPath(p) for p in exclude or []]
        self.metadata = metadata

    def load(self) -> dict[str, str]:
        root = Path(self._root)
        latest: dict[str, str] = {}
        if not root.is_dir():
            return latest
        for version_dir in root.rglob("*"):
            if not (version_dir.is_dir() and VERSION_STAMP.match(version_dir.name)):
                continue
            dataset = PurePosixPath(version_dir.parent.relative_to(root.parent).as_posix())
            if any(dataset == e or e in dataset.parents for e in self._exclude):
                continue
            key = str(dataset)
            latest[key] = max(latest.get(key, ""), version_dir.name)
        return dict(sorted(latest.items()))
