"""Load a user's export whatever its format: CSV (any common delimiter and encoding), JSON
Lines, JSON or Parquet, chosen by file extension.

Users bring exports from forum back-offices, social-listening tools and survey software.
Those differ in delimiter (``;`` is the French Excel default), encoding (UTF-8, UTF-8 with a
BOM, Windows cp1252) and sometimes mix encodings in one file after copy-pastes. Every value is
loaded as text: typing and validation belong to the ingestion nodes, where a bad value becomes
a quarantine row with a reason instead of a parse crash.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd
from kedro.io import AbstractDataset, DatasetError

from ambassadeurs_pipeline.contracts.paths import is_absent

logger = logging.getLogger(__name__)

_CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
_DELIMITERS = ",;\t|"
_SNIFF_BYTES = 256 * 1024


class InputFileError(DatasetError):
    """A user's input file cannot be read; the message names the file and the rule."""


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode an export to text and say which encoding was used.

    Tries UTF-8 (with or without BOM) for the whole file; if that fails, decodes line by line
    (UTF-8 first, cp1252 as fallback), which also repairs files whose lines were pasted from
    different tools. cp1252 is a superset of latin-1 for printable characters, so it covers
    both. Bytes cp1252 leaves undefined are replaced rather than failing the load: the
    cleaning stage flags such rows.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = raw.split(b"\n")
    decoded: list[str] = []
    fallback = 0
    utf8_non_ascii = 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8_non_ascii += not line.isascii()
        except UnicodeDecodeError:
            fallback += 1
            decoded.append(line.decode("cp1252", errors="replace"))
    encoding = "cp1252" if utf8_non_ascii == 0 else f"mixed (utf-8 + cp1252 on {fallback} lines)"
    return "\n".join(decoded), encoding


def sniff_delimiter(sample: str) -> str:
    """Most likely delimiter among ``, ; TAB |``; comma when the sample is ambiguous."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        counts = {d: header.count(d) for d in _DELIMITERS}
        best = max(counts, key=counts.get)
        return best if counts[best] > 0 else ","


class TabularFileDataset(AbstractDataset[pd.DataFrame, pd.DataFrame]):
    """Read-only dataset for user exports; every column is returned as ``string`` dtype.

    Args:
        filepath: path of the export. With ``optional=True``, one of ``"", "none", "null"``
            means "not provided" and :meth:`load` returns ``None``.
        optional: whether the input may be absent.
        label: name of the input used in error messages (``comments``, ``campaign``...).
    """

    def __init__(
        self,
        filepath: str | None,
        optional: bool = False,
        label: str = "input",
        metadata: dict[str, Any] | None = None,
    ) -> None:
        self._raw_path = "" if filepath is None else str(filepath)
        self.metadata = metadata  # kedro-viz layer
        self._optional = optional
        self._label = label

    @property
    def absent(self) -> bool:
        return is_absent(self._raw_path)

    def load(self) -> pd.DataFrame | None:
        if self.absent:
            if self._optional:
                logger.info("No %s file given: the stages that need it will say so.", self._label)
                return None
            raise InputFileError(f"The {self._label} file is required but no path was given.")
        path = Path(self._raw_path)
        if not path.exists() and self._optional:
            # An optional input that is not there must not stop the analysis, but it must be
            # visible: the stages that need it report "unknown" rather than "zero".
            logger.warning("%s file not found at %s: continuing without it.", self._label, path)
            return None
        if not path.exists():
            raise InputFileError(
                f"{self._label} file not found: {path}. Check the path given to "
                f'`{self._label}_path` (e.g. kedro run --params "{self._label}_path=/data/export.csv").'
            )
        if path.stat().st_size == 0:
            raise InputFileError(f"{self._label} file {path} is empty (0 bytes).")
        suffix = path.suffix.lower()
        try:
            if suffix in _CSV_SUFFIXES:
                frame = self._read_csv(path)
            elif suffix in {".jsonl", ".ndjson"}:
                frame = pd.read_json(path, lines=True, dtype=False)
            elif suffix == ".json":
                frame = self._read_json(path)
            elif suffix in {".parquet", ".pq"}:
                frame = pd.read_parquet(path)
            else:
                raise InputFileError(
                    f"{self._label} file {path}: unsupported extension {suffix!r}; use .csv, "
                    ".tsv, .jsonl, .json or .parquet."
                )
        except InputFileError:
            raise
        except Exception as exc:  # a parser error is the user's file, not our bug: say which
            raise InputFileError(f"{self._label} file {path} could not be parsed: {exc}") from exc
        if frame.empty and not (self._optional and len(frame.columns)):
            raise InputFileError(f"{self._label} file {path} has a header but no rows.")
        if frame.empty:
            # An optional input with a header and no row (an empty content catalog): the
            # stage that reads it says it is empty instead of stopping the run.
            logger.warning(
                "%s file %s has a header but no rows: treated as empty.", self._label, path
            )
        frame.columns = [str(c).strip() for c in frame.columns]
        frame.attrs["source_path"] = str(path)
        return _as_text(frame)

    def _read_csv(self, path: Path) -> pd.DataFrame:
        text, encoding = decode_bytes(path.read_bytes())
        delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text[:_SNIFF_BYTES])
        logger.info("Reading %s (%s, delimiter %r)", path, encoding, delimiter)
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,  # "NA" or "null" may be words in a comment
            na_values=[""],
            engine="python" if len(delimiter) != 1 else "c",
            on_bad_lines="error",
        )
        frame.attrs["encoding"] = encoding
        frame.attrs["delimiter"] = delimiter
        return frame

    @staticmethod
    def _read_json(path: Path) -> pd.DataFrame:
        text, _ = decode_bytes(path.read_bytes())
        payload = json.loads(text)
        if isinstance(payload, dict):
            # Many APIs wrap rows: {"data": [...]} or {"comments": [...]}.
            lists = [v for v in payload.values() if isinstance(v, list)]
            if len(lists) != 1:
                raise InputFileError(
                    f"JSON file {path}: expected a list of records or one object holding a list."
                )
            payload = lists[0]
        return pd.json_normalize(payload)

    def save(self, data: pd.DataFrame) -> None:
        raise DatasetError(f"{self._label} exports are read-only inputs.")

    def _exists(self) -> bool:
        return self.absent or Path(self._raw_path).exists()

    def _describe(self) -> dict[str, Any]:
        return {
            "filepath": PurePosixPath(self._raw_path).as_posix(),
            "optional": self._optional,
            "label": self._label,
        }


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every column as pandas ``string`` (missing stays missing), whatever the format gave."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        out[column] = series.astype("string").where(series.notna(), pd.NA)
    return out
