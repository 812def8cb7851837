"""Right to erasure (GDPR art. 17) across every version of every dataset.

The steps live in modules of their own: ``config`` (catalog, salt), ``files`` (atomic
writes), ``find``, ``rewrite``, ``invalidate``, ``apply`` (the whole erasure) and ``cli``.

Usage (from the project root)::

    python -m ambassadeurs_pipeline.privacy.erase --author "marie_du_69" --author au_1234abcd5678ef90 \
        [--env local] [--dry-run] [--keep-derived]

An identifier is a raw handle (pseudonymised with the configured salt, read through Kedro's
config loader with the same rule as ``kedro run``: :mod:`ambassadeurs_pipeline.privacy.salt`) or a pseudonym ``au_…``.

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

from .apply import (
    ErasureResult,
    apply_erasure,
    author_hash,
    erase,
    previously_erased,
    resolve_identifiers,
)
from .cli import main, parse_params
from .common import (
    LOG_NAME,
    MARKER_NAME,
    MENTION,
    MENTION_COLUMNS,
    PRIVACY_DIR,
    PSEUDONYM,
    SPAN_WORDS,
    TEXT_COLUMNS,
    TEXT_SUFFIXES,
    TOMBSTONE_PREFIX,
    UnknownAuthorError,
)
from .config import DatasetFile, ProjectConfig, dataset_files, load_project_config
from .files import append_jsonl, atomic_replace, read_frame, remove_version
from .find import Targets, find_comments, row_mask
from .invalidate import mentions
from .rewrite import FileChange, rewrite_rows

__all__ = [
    "LOG_NAME",
    "MARKER_NAME",
    "MENTION",
    "MENTION_COLUMNS",
    "PRIVACY_DIR",
    "PSEUDONYM",
    "SPAN_WORDS",
    "TEXT_COLUMNS",
    "TEXT_SUFFIXES",
    "TOMBSTONE_PREFIX",
    "DatasetFile",
    "ErasureResult",
    "FileChange",
    "ProjectConfig",
    "Targets",
    "UnknownAuthorError",
    "append_jsonl",
    "apply_erasure",
    "atomic_replace",
    "author_hash",
    "dataset_files",
    "erase",
    "find_comments",
    "load_project_config",
    "main",
    "mentions",
    "parse_params",
    "previously_erased",
    "read_frame",
    "remove_version",
    "resolve_identifiers",
    "rewrite_rows",
    "row_mask",
]
