"""Right to erasure (GDPR art. 17) across every version of every dataset.

Usage (from the project root)::

    python -m ambassadeurs_pipeline.privacy.erase --author "marie_du_69" --author au_1234abcd5678ef90 \
        [--env local] [--dry-run] [--keep-derived]

An identifier is a raw handle (pseudonymised with the configured salt, read through Kedro's
config loader with the same rule as ``kedro run``: :mod:`ambassadeurs_pipeline.privacy.salt`) or a
pseudonym ``au_…``.

What happens, driven by :mod:`ambassadeurs_pipeline.privacy.registry`:

1. *Find* (read-only): the person's comment ids, from every version of every per-row dataset
   that holds both a comment id and an author, and from the comments export.
2. *Rewrite rows*: in every version of every per-row dataset, the person's rows are removed
   and links from other people's rows to the erased comments (thread root, parent, duplicate
   group) are replaced by a tombstone. Each file is rewritten atomically (temp file in the
   same folder, fsync, ``os.replace``), so a crash leaves it fully old or fully new and
   Kedro's versioned loading keeps working.
3. *Invalidate aggregates*: fitted models lose every version; reports, cards and other
   aggregates lose the versions that mention the person (pseudonym, comment id, or an
   8-word span of their text). ``data/09_privacy/recompute_required.json`` asks for a full
   ``kedro run``. Reports that quoted the person are listed in the log.
4. *Log*: one JSON line in ``data/09_privacy/erasure_log.jsonl`` (pseudonyms and counts only).

The user's own exports (``comments_export``, ``campaign_export``) are never written: the log
says how many of the person's rows they still hold, to be erased at source.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .pseudonyms import PSEUDONYM_PREFIX, pseudonymise, pseudonymise_series
from .quotes import shingles
from .registry import DERIVED_DATASETS, MODEL_DATASETS, ROW_DATASETS, RowDataset
from .salt import resolve_salt

logger = logging.getLogger(__name__)

PRIVACY_DIR = Path("data/09_privacy")
LOG_NAME = "erasure_log.jsonl"
MARKER_NAME = "recompute_required.json"
PSEUDONYM = re.compile(rf"^{PSEUDONYM_PREFIX}[0-9a-f]{{16}}$")
TOMBSTONE_PREFIX = "efface_"
#: Text columns whose content identifies the person's quotes in aggregates.
TEXT_COLUMNS = ("text", "text_clean")
#: Free-text columns of other people's rows where a mention of the erased person is replaced.
MENTION_COLUMNS = ("text", "text_norm", "text_clean", "title")
MENTION = "<MENTION>"
#: Aggregate files searched as text (the others, e.g. PNG figures, cannot quote anyone).
TEXT_SUFFIXES = {".json", ".md", ".html", ".csv", ".txt", ".parquet"}
SPAN_WORDS = 8


class UnknownAuthorError(LookupError):
    """Raised when an identifier matches nothing and was never erased: nothing is changed."""


# ---------------------------------------------------------------------------------------------
# Project configuration (catalog, parameters, salt) through Kedro's config loader
# ---------------------------------------------------------------------------------------------


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
    salt, _ = resolve_salt(credentials, parameters.get("comments_path"), project)
    return ProjectConfig(project, catalog, parameters, check_salt(salt))


# ---------------------------------------------------------------------------------------------
# Files of a dataset
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Atomic writes
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Matching rows
# ---------------------------------------------------------------------------------------------


@dataclass
class Targets:
    """What to erase: pseudonyms, comment ids, and a tombstone per erased comment id."""

    pseudonyms: set[str]
    comment_ids: set[str] = field(default_factory=set)
    tombstones: dict[str, str] = field(default_factory=dict)
    #: The targets' raw handles: other people's texts that mention them are rewritten.
    handles: set[str] = field(default_factory=set)
    _mention_re: re.Pattern[str] | None = field(default=None, repr=False)

    def mention_pattern(self) -> re.Pattern[str] | None:
        """``@handle`` for every handle, and the bare handle when it cannot be an ordinary
        word (it holds a digit, ``_``, ``.`` or ``-``: "marie_du_69", not "marie")."""
        if self._mention_re is None and self.handles:
            handles = sorted({h for h in self.handles if h}, key=len, reverse=True)
            at = "|".join(re.escape(h) for h in handles)
            bare = "|".join(re.escape(h) for h in handles if re.search(r"[\d_.\-]", h))
            pattern = rf"@\s?(?:{at})(?![\w\-])"
            if bare:
                pattern += rf"|(?<![\w@/.\-])(?:{bare})(?![\w\-])"
            self._mention_re = re.compile(pattern, re.IGNORECASE)
        return self._mention_re

    def scrub_mentions(self, text: Any) -> tuple[Any, int]:
        """``text`` with the targets' handles replaced by ``<MENTION>``, and how many."""
        pattern = self.mention_pattern()
        if pattern is None or not isinstance(text, str) or not text:
            return text, 0
        return pattern.subn(MENTION, text)

    def tombstone(self, comment_id: str) -> str:
        # Random, not a hash of the id: the tombstone must not lead back to the comment.
        if comment_id not in self.tombstones:
            self.tombstones[comment_id] = TOMBSTONE_PREFIX + secrets.token_hex(6)
        return self.tombstones[comment_id]


def _as_str(values: pd.Series) -> pd.Series:
    return values.astype("string")


def row_mask(frame: pd.DataFrame, spec: RowDataset, targets: Targets, salt: str) -> pd.Series:
    """True for the rows that belong to the targets (any key column matches)."""
    mask = pd.Series(False, index=frame.index)
    for column, kind in spec.keys.items():
        if column not in frame.columns:
            continue
        values = _as_str(frame[column])
        if kind == "comment_id":
            hit = values.isin(targets.comment_ids)
        elif kind == "author_raw":
            hit = pseudonymise_series(values, salt).isin(targets.pseudonyms)
        else:
            hit = values.isin(targets.pseudonyms)
        mask |= hit.fillna(False).astype(bool)
    return mask


def read_frame(path: Path) -> pd.DataFrame:
    """A per-row dataset file as stored (Parquet, or CSV with every cell as its exact text)."""
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    # Every cell as the exact text in the file, so untouched rows are written back unchanged.
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)


@dataclass
class FileChange:
    dataset: str
    version: str | None
    rows_removed: int
    links_tombstoned: int
    mentions_replaced: int = 0


def rewrite_rows(
    file: DatasetFile, spec: RowDataset, targets: Targets, salt: str, dry_run: bool
) -> FileChange | None:
    """Remove the targets' rows from one file and tombstone links to their comments.

    Returns ``None`` when nothing in the file matches (the file is not touched).
    """
    frame = read_frame(file.path)
    mask = row_mask(frame, spec, targets, salt)
    link_hits = {}
    for column in spec.links:
        if column in frame.columns:
            hits = (
                _as_str(frame[column]).isin(targets.comment_ids).fillna(False).astype(bool) & ~mask
            )
            if hits.any():
                link_hits[column] = hits
    n_links = int(sum(h.sum() for h in link_hits.values()))
    # Other people's texts that mention the person (@handle): rewritten, not removed.
    scrubbed: dict[str, list[Any]] = {}
    n_mentions = 0
    if targets.mention_pattern() is not None:
        for column in MENTION_COLUMNS:
            if column not in frame.columns:
                continue
            values = frame[column].tolist()
            new, count = [], 0
            for value, erased in zip(values, mask.to_numpy()):
                text, k = (value, 0) if erased else targets.scrub_mentions(value)
                new.append(text)
                count += k
            if count:
                scrubbed[column] = new
                n_mentions += count
    if not mask.any() and not n_links and not n_mentions:
        return None
    change = FileChange(file.dataset, file.version, int(mask.sum()), n_links, n_mentions)
    if dry_run:
        return change
    if file.path.suffix == ".parquet":
        _rewrite_parquet(file.path, mask, link_hits, targets, scrubbed)
    else:
        for column, hits in link_hits.items():
            frame.loc[hits, column] = frame.loc[hits, column].map(targets.tombstone)
        for column, values in scrubbed.items():
            frame[column] = values
        kept = frame[~mask]
        atomic_replace(file.path, lambda tmp: kept.to_csv(tmp, index=False, encoding="utf-8"))
    return change


def _rewrite_parquet(
    path: Path,
    mask: pd.Series,
    link_hits: dict[str, pd.Series],
    targets: Targets,
    scrubbed: dict[str, list[Any]] | None = None,
) -> None:
    # pyarrow end to end: other rows keep their exact values, types and the schema metadata.
    table = pq.read_table(path)
    for column, values in (scrubbed or {}).items():
        i = table.column_names.index(column)
        original = table.column(column)
        new = pa.array([v if isinstance(v, str) else None for v in values], pa.string())
        table = table.set_column(i, table.schema.field(i), pc.cast(new, original.type))
    for column, hits in link_hits.items():
        i = table.column_names.index(column)
        original = table.column(column)
        as_text = pc.cast(original, pa.string())
        replaced = [
            targets.tombstone(v) if h else None
            for v, h in zip(as_text.to_pylist(), hits.to_numpy())
        ]
        new = pc.if_else(pa.array(hits.to_numpy()), pa.array(replaced, pa.string()), as_text)
        table = table.set_column(i, table.schema.field(i), pc.cast(new, original.type))
    table = table.filter(pa.array(~mask.to_numpy()))
    atomic_replace(path, lambda tmp: pq.write_table(table, tmp))


# ---------------------------------------------------------------------------------------------
# Finding the person's comments
# ---------------------------------------------------------------------------------------------


def _author_keys(spec: RowDataset) -> bool:
    return (
        any(kind in ("author_id", "author_raw") for kind in spec.keys.values())
        and "comment_id" in spec.keys.values()
    )


def find_comments(cfg: ProjectConfig, targets: Targets) -> tuple[set[str], list[str]]:
    """The targets' comment ids and texts, from every version of datasets with id + author."""
    texts: list[str] = []
    ids: set[str] = set()
    for name, spec in ROW_DATASETS.items():
        if not _author_keys(spec) or name not in cfg.catalog:
            continue
        author_cols = {c: k for c, k in spec.keys.items() if k in ("author_id", "author_raw")}
        id_col = next(c for c, k in spec.keys.items() if k == "comment_id")
        for file in dataset_files(name, cfg.catalog[name], cfg.path):
            frame = read_frame(file.path)
            if id_col not in frame.columns:
                continue
            mine = row_mask(frame, RowDataset(author_cols), targets, cfg.salt)
            ids.update(_as_str(frame.loc[mine, id_col]).dropna())
            for column, kind in author_cols.items():
                if kind == "author_raw" and column in frame.columns:
                    # The handle as written: others mention it ("@marie_du_69") in their text.
                    targets.handles.update(_as_str(frame.loc[mine, column]).dropna().str.strip())
            for column in TEXT_COLUMNS:
                if column in frame.columns:
                    texts.extend(frame.loc[mine, column].dropna().astype(str))
    return ids, sorted(set(texts))


def _export_rows(cfg: ProjectConfig, targets: Targets) -> tuple[dict[str, int], set[str]]:
    """How many of the targets' rows the exports still hold (never written), and their comment ids.

    The ids matter for rows rejected at ingestion (an unreadable date): they never reached
    ``comments_raw``, but the ingestion quarantine names them by their export id.
    """
    from kedro.io import AbstractDataset

    columns = (cfg.parameters.get("ingestion") or {}).get("columns") or {}
    uplift_columns = (cfg.parameters.get("uplift") or {}).get("columns") or {}
    author_columns = {
        "comments_export": columns.get("author", "author"),
        "campaign_export": uplift_columns.get("unit", "author"),
    }
    out: dict[str, int] = {}
    ids: set[str] = set()
    for name, column in author_columns.items():
        entry = cfg.catalog.get(name)
        if not entry or not column:
            continue
        entry = dict(entry)
        if entry.get("filepath") and not Path(entry["filepath"]).is_absolute():
            entry["filepath"] = str(cfg.path / entry["filepath"])
        try:
            frame = AbstractDataset.from_config(name, entry).load()
        except Exception as exc:  # a missing optional export is not an erasure failure
            logger.debug("%s not readable: %s", name, exc)
            continue
        if frame is None or column not in frame.columns:
            continue
        mine = (
            pseudonymise_series(frame[column].astype("string"), cfg.salt)
            .isin(targets.pseudonyms)
            .fillna(False)
        )
        if mine.any():
            out[name] = int(mine.sum())
            targets.handles.update(
                frame.loc[mine.astype(bool), column].dropna().astype(str).str.strip()
            )
            id_column = columns.get("id", "id") if name == "comments_export" else None
            if id_column and id_column in frame.columns:
                ids.update(frame.loc[mine.astype(bool), id_column].dropna().astype(str))
    return out, ids


# ---------------------------------------------------------------------------------------------
# Derived aggregates
# ---------------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[\w-]+")


def _file_text(path: Path) -> str | None:
    if path.is_dir():
        parts = [_file_text(p) for p in sorted(path.rglob("*")) if p.is_file()]
        return "\n".join(p for p in parts if p)
    if path.suffix not in TEXT_SUFFIXES:
        return None
    if path.suffix == ".parquet":
        return pd.read_parquet(path).astype(str).to_csv(index=False)
    import html

    return html.unescape(path.read_text(encoding="utf-8", errors="replace"))


def mentions(text: str, targets: Targets, person_spans: set[int]) -> bool:
    """True when ``text`` names a target pseudonym or comment id, or quotes 8 of their words."""
    tokens = set(_TOKEN.findall(text))
    if tokens & targets.pseudonyms or tokens & targets.comment_ids:
        return True
    return bool(person_spans and shingles(text, SPAN_WORDS) & person_spans)


# ---------------------------------------------------------------------------------------------
# The erasure
# ---------------------------------------------------------------------------------------------


@dataclass
class ErasureResult:
    authors: list[str]
    status: str  # erased | nothing_found | dry_run
    n_comments: int = 0
    rows_removed: int = 0
    changes: list[FileChange] = field(default_factory=list)
    derived_deleted: list[str] = field(default_factory=list)
    reports_quoting: list[str] = field(default_factory=list)
    exports_still_holding: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def log_record(self, event: str = "erasure") -> dict[str, Any]:
        by_dataset: dict[str, list[dict[str, Any]]] = {}
        for c in self.changes:
            by_dataset.setdefault(c.dataset, []).append(
                {
                    "version": c.version,
                    "rows_removed": c.rows_removed,
                    "links_tombstoned": c.links_tombstoned,
                    "mentions_replaced": c.mentions_replaced,
                }
            )
        return {
            "event": event,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            # Hashes, not pseudonyms: after an erasure no file may hold the person's pseudonym;
            # the hash still tells a repeated request from a new one (previously_erased).
            "author_hashes": [author_hash(a) for a in self.authors],
            "status": self.status,
            "comments_erased": self.n_comments,
            "rows_removed": self.rows_removed,
            "mentions_replaced": sum(c.mentions_replaced for c in self.changes),
            "datasets": by_dataset,
            "derived_versions_deleted": self.derived_deleted,
            "reports_quoting_person": self.reports_quoting,
            "exports_still_holding_rows": self.exports_still_holding,
            "seconds": round(self.seconds, 2),
        }


def resolve_identifiers(identifiers: Iterable[str], salt: str) -> dict[str, str]:
    """``identifier → pseudonym``: pseudonyms pass through, handles are pseudonymised."""
    out = {}
    for ident in identifiers:
        ident = str(ident).strip()
        if not ident:
            continue
        out[ident] = ident if PSEUDONYM.match(ident) else pseudonymise(ident, salt)
    return out


def author_hash(pseudonym: str) -> str:
    """What the erasure log keeps of a pseudonym: SHA-256, hex, 32 characters."""
    return hashlib.sha256(pseudonym.encode("utf-8")).hexdigest()[:32]


def previously_erased(project: Path) -> dict[str, str]:
    """``author_hash(pseudonym) → date`` of earlier erasures, from the log."""
    log = project / PRIVACY_DIR / LOG_NAME
    out: dict[str, str] = {}
    if not log.exists():
        return out
    for line in log.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue
        if record.get("event") == "erasure" and record.get("status") == "erased":
            # "authors" (pseudonyms) in logs written before the hashes.
            for author in record.get("authors", []):
                out.setdefault(author_hash(author), record.get("at", ""))
            for hashed in record.get("author_hashes", []):
                out.setdefault(hashed, record.get("at", ""))
    return out


def apply_erasure(
    cfg: ProjectConfig,
    targets: Targets,
    *,
    dry_run: bool = False,
    keep_derived: bool = False,
    person_texts: Iterable[str] = (),
) -> ErasureResult:
    """Remove ``targets`` from every version of every registered dataset (shared by retention)."""
    t0 = time.perf_counter()
    result = ErasureResult(
        sorted(targets.pseudonyms), "dry_run" if dry_run else "erased", len(targets.comment_ids)
    )
    for name, spec in ROW_DATASETS.items():
        if name not in cfg.catalog:
            continue
        for file in dataset_files(name, cfg.catalog[name], cfg.path):
            change = rewrite_rows(file, spec, targets, cfg.salt, dry_run)
            if change:
                result.changes.append(change)
    result.rows_removed = sum(c.rows_removed for c in result.changes)

    spans = set().union(*(shingles(t, SPAN_WORDS) for t in person_texts)) if person_texts else set()
    anything = bool(result.changes)
    for name in sorted(DERIVED_DATASETS):
        if name not in cfg.catalog:
            continue
        for file in dataset_files(name, cfg.catalog[name], cfg.path):
            if name in MODEL_DATASETS:
                hit = anything  # trained on the person's comments; cannot be searched
            else:
                text = _file_text(file.path)
                hit = text is not None and mentions(text, targets, spans)
            if not hit:
                continue
            label = f"{name}@{file.version}" if file.version else name
            if name == "report_html":
                result.reports_quoting.append(label)
            if not keep_derived:
                result.derived_deleted.append(label)
                if not dry_run:
                    remove_version(file)
    if anything and not dry_run:
        marker = cfg.path / PRIVACY_DIR / MARKER_NAME
        marker.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
            "reason": "personal data removed from per-row datasets; aggregates, models and reports "
            "are stale until the next full `kedro run`",
            "datasets": sorted(n for n in DERIVED_DATASETS if n in cfg.catalog),
        }
        atomic_replace(
            marker,
            lambda tmp: tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False), "utf-8"),
        )
    result.seconds = time.perf_counter() - t0
    return result


def erase(
    identifiers: Iterable[str],
    project_path: Path | str = ".",
    env: str | None = None,
    *,
    dry_run: bool = False,
    keep_derived: bool = False,
    runtime_params: dict[str, Any] | None = None,
) -> ErasureResult:
    """Erase the authors named by ``identifiers`` (handles or pseudonyms) from the project.

    Raises:
        UnknownAuthorError: an identifier matches no row and was never erased (nothing changed).
        SaltError: no salt configured (see the README).
    """
    cfg = load_project_config(project_path, env, runtime_params)
    resolved = resolve_identifiers(identifiers, cfg.salt)
    if not resolved:
        raise UnknownAuthorError("No author identifier given: pass --author <handle or au_…>.")
    targets = Targets(set(resolved.values()))
    targets.handles = {i for i in resolved if not PSEUDONYM.match(i)}
    ids, texts = find_comments(cfg, targets)
    exports, export_ids = _export_rows(cfg, targets)
    targets.comment_ids = ids | export_ids
    found = _authors_present(cfg, targets)
    erased_before = previously_erased(cfg.path)
    unknown = [
        i for i, p in resolved.items() if p not in found and author_hash(p) not in erased_before
    ]
    if unknown:
        raise UnknownAuthorError(
            "Unknown author(s), nothing was changed: "
            + ", ".join(f"{i!r} (pseudonym {resolved[i]})" for i in unknown)
            + ". Check the spelling of the handle, the salt (--env) and that the data was ingested."
        )
    live = {p for p in targets.pseudonyms if p in found}
    if not live:
        result = ErasureResult(sorted(targets.pseudonyms), "nothing_found")
        logger.info(
            "Already erased (%s): nothing left to remove.",
            ", ".join(
                f"{p} on {erased_before.get(author_hash(p), '?')}" for p in targets.pseudonyms
            ),
        )
        if not dry_run:
            append_jsonl(cfg.path / PRIVACY_DIR / LOG_NAME, result.log_record())
        return result
    result = apply_erasure(
        cfg, targets, dry_run=dry_run, keep_derived=keep_derived, person_texts=texts
    )
    result.exports_still_holding = exports
    if not dry_run:
        append_jsonl(cfg.path / PRIVACY_DIR / LOG_NAME, result.log_record())
    return result


def _authors_present(cfg: ProjectConfig, targets: Targets) -> set[str]:
    """Which target pseudonyms occur in some version of some per-row dataset."""
    present: set[str] = set()
    for name, spec in ROW_DATASETS.items():
        if name not in cfg.catalog or present >= targets.pseudonyms:
            continue
        author_cols = {c: k for c, k in spec.keys.items() if k != "comment_id"}
        if not author_cols:
            continue
        for file in dataset_files(name, cfg.catalog[name], cfg.path):
            frame = read_frame(file.path)
            for column, kind in author_cols.items():
                if column not in frame.columns:
                    continue
                values = _as_str(frame[column])
                if kind == "author_raw":
                    values = pseudonymise_series(values, cfg.salt)
                present |= set(values.dropna()) & targets.pseudonyms
    return present


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


def _summary(result: ErasureResult) -> str:
    lines = [
        f"status: {result.status}",
        f"authors: {', '.join(result.authors)}",
        f"comments erased: {result.n_comments}; rows removed: {result.rows_removed} "
        f"in {len(result.changes)} file version(s); {result.seconds:.2f} s",
        f"mentions of the person in others' texts replaced: {sum(c.mentions_replaced for c in result.changes)}",
    ]
    per: dict[str, int] = {}
    for c in result.changes:
        per[c.dataset] = per.get(c.dataset, 0) + c.rows_removed
    lines += [f"  {name}: {n} row(s)" for name, n in sorted(per.items())]
    if result.derived_deleted:
        lines.append(
            f"derived versions deleted (recomputed by the next `kedro run`): {len(result.derived_deleted)}"
        )
    if result.reports_quoting:
        lines.append(
            "reports that quoted or named the person: " + ", ".join(result.reports_quoting)
        )
    for name, n in result.exports_still_holding.items():
        lines.append(
            f"WARNING: your export {name} still holds {n} row(s) of this person: erase them at source."
        )
    return "\n".join(lines)


def parse_params(items: list[str]) -> dict[str, Any]:
    out = {}
    for item in items or []:
        for pair in item.split(","):
            key, _, value = pair.partition("=")
            if key:
                out[key.strip()] = value.strip()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ambassadeurs_pipeline.privacy.erase", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--author", action="append", required=True, help="raw handle or pseudonym au_…; repeatable"
    )
    parser.add_argument(
        "--env",
        default=None,
        help="Kedro environment whose credentials hold the salt (default: local)",
    )
    parser.add_argument("--project", default=".", help="project root (default: current directory)")
    parser.add_argument(
        "--params",
        action="append",
        default=[],
        help="runtime params, e.g. comments_path=/data/x.csv",
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="report what would be removed, change nothing"
    )
    parser.add_argument(
        "--keep-derived",
        action="store_true",
        help="flag aggregates that mention the person instead of deleting them",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
    try:
        result = erase(
            args.author,
            args.project,
            args.env,
            dry_run=args.dry_run,
            keep_derived=args.keep_derived,
            runtime_params=parse_params(args.params),
        )
    except UnknownAuthorError as exc:
        print(f"erase: {exc}", file=sys.stderr)
        return 2
    print(_summary(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
