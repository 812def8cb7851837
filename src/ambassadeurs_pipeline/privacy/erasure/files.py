"""File operations: atomic writes, JSON-lines log, version removal, reading a frame."""

from __future__ import annotations

import json
import os
import secrets
import shutil
from pathlib import Path
from typing import Any

import pandas as pd

from .config import DatasetFile


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_replace(target: Path, write: Any) -> None:
    """Call ``write(tmp_path)``, fsync the temp file, then ``os.replace`` it onto ``target``.

    The temp file sits in the same folder (same file system, so the rename is atomic) under a
    name Kedro never loads. On any error the temp file is removed and ``target`` is untouched.
    """
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    finally:
        if tmp.exists():
            tmp.unlink()


def append_jsonl(path: Path, record: dict[str, Any]) -> None:
    """Append one JSON line and fsync (an append-only log: lines are never rewritten)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def remove_version(file: DatasetFile) -> None:
    """Delete one version (its whole folder), renaming it first so the deletion is atomic."""
    target = file.version_dir or file.path
    doomed = target.with_name(f".{target.name}.deleting-{secrets.token_hex(4)}")
    os.replace(target, doomed)
    _fsync_dir(target.parent)
    if doomed.is_dir():
        shutil.rmtree(doomed)
    else:
        doomed.unlink()


def read_frame(path: Path) -> pd.DataFrame:
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    # Every cell as the exact text in the file, so untouched rows are written back unchanged.
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
