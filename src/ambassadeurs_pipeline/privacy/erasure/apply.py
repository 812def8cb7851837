"""The erasure itself: find, rewrite, invalidate, log (see the package docstring)."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..pseudonyms import pseudonymise, pseudonymise_series
from ..quotes import shingles
from ..registry import DERIVED_DATASETS, MODEL_DATASETS, ROW_DATASETS
from .common import LOG_NAME, MARKER_NAME, PRIVACY_DIR, PSEUDONYM, SPAN_WORDS, UnknownAuthorError
from .config import ProjectConfig, dataset_files, load_project_config
from .files import append_jsonl, atomic_replace, read_frame, remove_version
from .find import Targets, as_str, export_rows, find_comments
from .invalidate import file_text, mentions
from .rewrite import FileChange, rewrite_rows

logger = logging.getLogger(__name__)


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
                text = file_text(file.path)
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
    exports, export_ids = export_rows(cfg, targets)
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
                values = as_str(frame[column])
                if kind == "author_raw":
                    values = pseudonymise_series(values, cfg.salt)
                present |= set(values.dropna()) & targets.pseudonyms
    return present
