"""Ingestion nodes: map the user's columns to the contract, validate, quarantine bad rows.

File-level problems (missing required column, duplicate ids, too many unreadable dates,
empty file) stop the run before any work with one message naming the file, the column and
the rule. Row-level problems send the row to quarantine with a reason; nothing is dropped
silently: ``rows in = rows kept + rows quarantined`` is checked here and logged.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from ambassadeurs_pipeline.contracts import (
    CATALOG_FIELDS,
    COMMENT_FIELDS,
    COMMENTS_RAW_SCHEMA,
    CONTENT_CATALOG_SCHEMA,
    QUARANTINE_COLUMNS,
)
from ambassadeurs_pipeline.contracts.paths import is_absent
from ambassadeurs_pipeline.privacy.salt import is_demo_input

from .params import CatalogColumns, IngestionParams

logger = logging.getLogger(__name__)


class InputContractError(ValueError):
    """The input file breaks the contract as a whole; the message says how to fix it."""


# ---------------------------------------------------------------------------------------------
# Column mapping
# ---------------------------------------------------------------------------------------------


def map_columns(
    export: pd.DataFrame,
    mapping: dict[str, str | None],
    required: dict[str, bool],
    label: str,
    path: str,
    param_prefix: str,
) -> pd.DataFrame:
    """Rename the export's columns to canonical names; absent optional fields become empty.

    Raises:
        InputContractError: a required field's column is not in the file.
    """
    out = pd.DataFrame(index=export.index)
    present = list(export.columns)
    for field, is_required in required.items():
        column = mapping.get(field)
        if column and column in export.columns:
            out[field] = export[column]
        elif is_required:
            raise InputContractError(
                f"{label} file {path}: required column {column!r} (field '{field}') not found. "
                f"Columns in the file: {present}. Map it with "
                f'--params "{param_prefix}.{field}=<column name>".'
            )
        else:
            if column:
                logger.info(
                    "%s: optional column %r absent; field %r left empty.", label, column, field
                )
            out[field] = pd.Series(pd.NA, index=export.index, dtype="string")
    return out


# ---------------------------------------------------------------------------------------------
# Value parsers (vectorised; unreadable values become missing and are reported by the caller)
# ---------------------------------------------------------------------------------------------

_EPOCH = re.compile(r"^\d{9,13}$")


def parse_dates(raw: pd.Series, dayfirst: bool = True) -> pd.Series:
    """Parse dates written in the usual export formats into naive UTC timestamps.

    ISO 8601 first (with or without time zone; zoned values are converted to UTC), then
    French day-first dates (``03/04/2025 14:32``), then Unix epochs (seconds or ms).
    Unreadable values give ``NaT``.
    """
    text = raw.astype("string").str.strip()
    text = text.where(text.ne(""), pd.NA)
    result = pd.to_datetime(text, errors="coerce", format="ISO8601", utc=True)
    todo = result.isna() & text.notna()
    if todo.any():
        epoch = todo & text.str.fullmatch(_EPOCH.pattern).fillna(False)
        if epoch.any():
            values = text[epoch].astype("int64")
            unit_ms = values > 10**11
            parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns, UTC]")
            parsed[~unit_ms] = pd.to_datetime(values[~unit_ms], unit="s", utc=True)
            parsed[unit_ms] = pd.to_datetime(values[unit_ms], unit="ms", utc=True)
            result[epoch] = parsed
        rest = result.isna() & text.notna() & ~epoch
        if rest.any():
            result[rest] = pd.to_datetime(
                text[rest], errors="coerce", dayfirst=dayfirst, format="mixed", utc=True
            )
    return result.dt.tz_convert(None).astype("datetime64[ns]")


_LIKES = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([kKmM]?)\s*$")


def parse_likes(raw: pd.Series) -> pd.Series:
    """Parse like counts (``12``, ``1,2k``, ``3.4M``) into non-negative integers; else NA."""
    parts = raw.astype("string").str.extract(_LIKES)
    number = pd.to_numeric(parts[0].str.replace(",", ".", regex=False), errors="coerce")
    factor = parts[1].str.lower().map({"k": 1_000, "m": 1_000_000}).fillna(1)
    value = (number * factor).round()
    return value.astype("Int64")


# ---------------------------------------------------------------------------------------------
# Comments
# ---------------------------------------------------------------------------------------------

#: Row-level rules, each a pandera check on the parsed frame. The failing rows go to
#: quarantine with the check's name as the reason.
_ROW_RULES = pa.DataFrameSchema(
    checks=[
        pa.Check(
            lambda df: df["comment_id"].notna() & df["comment_id"].str.strip().ne(""),
            name="id: identifiant manquant",
        ),
        pa.Check(
            lambda df: ~(df["_created_at_raw"].notna() & df["created_at"].isna()),
            name="created_at: date illisible",
        ),
        pa.Check(
            lambda df: ~(df["_likes_raw"].notna() & df["likes"].isna()),
            name="likes: nombre de likes illisible",
        ),
    ]
)


def _failing_rows(frame: pd.DataFrame, rules: pa.DataFrameSchema) -> pd.DataFrame:
    """(index, reason) of every row failing a rule; one row may fail several rules."""
    try:
        rules.validate(frame, lazy=True)
    except SchemaErrors as err:
        cases = err.failure_cases
        cases = cases[cases["index"].notna()]
        return pd.DataFrame(
            {"index": cases["index"].astype("int64"), "reason": cases["check"].astype(str)}
        ).drop_duplicates()
    return pd.DataFrame({"index": pd.Series(dtype="int64"), "reason": pd.Series(dtype=str)})


def _quarantine_frame(
    rows: pd.DataFrame, failures: pd.DataFrame, label: str, id_column: str
) -> pd.DataFrame:
    reasons = failures.groupby("index")["reason"].agg("; ".join)
    bad = rows.loc[reasons.index]
    column = reasons.str.split(":").str[0]
    value_of = {
        "created_at": "_created_at_raw",
        "likes": "_likes_raw",
        "id": id_column,
    }
    values = [
        str(bad.at[i, value_of.get(c, id_column)])
        if pd.notna(bad.at[i, value_of.get(c, id_column)])
        else ""
        for i, c in zip(bad.index, column)
    ]
    return pd.DataFrame(
        {
            "input": label,
            "stage": "ingestion",
            "source_row": bad["source_row"].astype("int64").to_numpy(),
            "record_id": bad[id_column].astype("string").to_numpy(),
            "column": column.to_numpy(),
            "reason": reasons.to_numpy(),
            "value": values,
        },
        columns=QUARANTINE_COLUMNS,
    )


def ingest_comments(
    comments_export: pd.DataFrame, params: IngestionParams, comments_path: str
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """Map, validate and type the comments export.

    Args:
        comments_export: the export as loaded by ``TabularFileDataset`` (all text).
        params: ``ingestion`` parameters (column mapping, date tolerance).
        comments_path: path of the export, for error messages.

    Returns:
        ``comments_raw`` (contract ``COMMENTS_RAW_SCHEMA``), the quarantined rows with their
        reasons, and a summary dict (rows in/kept/quarantined, structure found).

    Raises:
        InputContractError: missing text column, duplicate ids, or more unreadable dates
            than ``params.max_bad_date_share``.
    """
    n_in = len(comments_export)
    mapping = params.columns.model_dump()
    frame = map_columns(
        comments_export, mapping, COMMENT_FIELDS, "comments", comments_path, "ingestion.columns"
    )
    frame["source_row"] = np.arange(1, n_in + 1, dtype="int64")
    id_derived = mapping["id"] is None or mapping["id"] not in comments_export.columns
    if id_derived:
        # No id column: derive a stable one from the row position (documented in the README).
        frame["id"] = ("row" + frame["source_row"].astype(str).str.zfill(7)).astype("string")

    ids = frame["id"].astype("string").str.strip()
    dup = ids[ids.notna() & ids.duplicated(keep=False)]
    if not dup.empty:
        examples = list(dict.fromkeys(dup.tolist()))[:5]
        raise InputContractError(
            f"comments file {comments_path}: column {mapping['id']!r} (field 'id') must be "
            f"unique, but {dup.nunique()} values appear more than once, e.g. {examples}. "
            'Fix the export or map another column with --params "ingestion.columns.id=<name>".'
        )

    parsed = pd.DataFrame(
        {
            "comment_id": ids,
            "text": frame["text"].astype("string").fillna(""),
            "author": frame["author"].astype("string").str.strip().replace("", pd.NA),
            "created_at": parse_dates(frame["created_at"], dayfirst=params.dayfirst),
            "thread_id": frame["thread_id"].astype("string").str.strip().replace("", pd.NA),
            "parent_id": frame["parent_id"].astype("string").str.strip().replace("", pd.NA),
            "source": frame["source"].astype("string").str.strip().str.lower().replace("", pd.NA),
            "likes": parse_likes(frame["likes"]),
            "source_row": frame["source_row"],
            "_created_at_raw": frame["created_at"].astype("string").str.strip().replace("", pd.NA),
            "_likes_raw": frame["likes"].astype("string").str.strip().replace("", pd.NA),
        }
    ).reset_index(drop=True)

    n_dates = int(parsed["_created_at_raw"].notna().sum())
    n_bad_dates = int((parsed["_created_at_raw"].notna() & parsed["created_at"].isna()).sum())
    if n_dates and n_bad_dates / n_dates > params.max_bad_date_share:
        examples = parsed.loc[
            parsed["created_at"].isna() & parsed["_created_at_raw"].notna(), "_created_at_raw"
        ]
        raise InputContractError(
            f"comments file {comments_path}: column {mapping['created_at']!r} (field "
            f"'created_at') has {n_bad_dates} unreadable dates out of {n_dates} "
            f"({n_bad_dates / n_dates:.1%}, tolerance {params.max_bad_date_share:.0%}), e.g. "
            f"{examples.head(3).tolist()}. Is it the right column? Accepted: ISO 8601, "
            "DD/MM/YYYY [HH:MM], Unix epoch."
        )

    failures = _failing_rows(parsed, _ROW_RULES)
    quarantine = _quarantine_frame(parsed, failures, "comments", "comment_id")
    kept = parsed.drop(index=failures["index"].unique()).drop(
        columns=["_created_at_raw", "_likes_raw"]
    )
    kept = COMMENTS_RAW_SCHEMA.validate(kept.reset_index(drop=True))

    if len(kept) + len(quarantine) != n_in:  # pragma: no cover - guards the invariant
        raise AssertionError(
            f"ingestion lost rows: {n_in} in, {len(kept)} kept, {len(quarantine)} quarantined"
        )

    has_threads = bool(kept["parent_id"].notna().any())
    orphan = kept["parent_id"].notna() & ~kept["parent_id"].isin(kept["comment_id"])
    summary = {
        "path": comments_path,
        "encoding": comments_export.attrs.get("encoding"),
        "rows_in": n_in,
        "rows_kept": len(kept),
        "rows_quarantined": len(quarantine),
        "quarantine_reasons": quarantine["reason"].value_counts().to_dict(),
        "id_derived_from_row_number": id_derived,
        "fields_absent": [
            f for f, c in mapping.items() if not c or c not in comments_export.columns
        ],
        "has_thread_structure": has_threads,
        "orphan_replies": int(orphan.sum()),
        "period": {
            "start": None if kept["created_at"].isna().all() else str(kept["created_at"].min()),
            "end": None if kept["created_at"].isna().all() else str(kept["created_at"].max()),
        },
        "sources": kept["source"].fillna("inconnue").value_counts().to_dict(),
    }
    logger.info(
        "comments: rows in = %d = %d kept + %d quarantined", n_in, len(kept), len(quarantine)
    )
    return kept, quarantine, summary


# ---------------------------------------------------------------------------------------------
# Content catalog
# ---------------------------------------------------------------------------------------------

_EMPTY_CATALOG = pd.DataFrame(
    {c: pd.Series(dtype="string") for c in CONTENT_CATALOG_SCHEMA.columns}
)


def companion_is_usable(
    companion_path: str, comments_path: str, project_root: Path | None = None
) -> bool:
    """Whether an optional companion input (catalog, campaign) should be read.

    The demo catalog and campaign are defaults; pairing them with a user's own comments would
    silently mix demo content into a real analysis, so they are only used with the demo.
    """
    if is_absent(str(companion_path)):
        return False
    companion_is_demo = Path(companion_path).parent.resolve() == (
        (project_root or Path.cwd()) / "data/01_raw"
    ).resolve() and Path(companion_path).name in {"content_catalog.csv", "campaign.csv"}
    if companion_is_demo and not is_demo_input(comments_path, project_root):
        logger.warning(
            "Your comments come from %s but %s is the bundled demo file: it is ignored. "
            'Pass your own with --params "content_catalog_path=..." / "campaign_path=...".',
            comments_path,
            companion_path,
        )
        return False
    return True


def ingest_content_catalog(
    catalog_export: pd.DataFrame | None,
    params: IngestionParams,
    content_catalog_path: str,
    comments_path: str,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """Map and validate the content catalog; absent catalog gives an empty, flagged table.

    Rows without a title and without any summary/body cannot be matched to questions: they
    go to quarantine. Duplicate ids are a file-level error.
    """
    if catalog_export is None or not companion_is_usable(content_catalog_path, comments_path):
        summary = {
            "provided": False,
            "path": None,
            "rows_in": 0,
            "rows_kept": 0,
            "rows_quarantined": 0,
        }
        return _EMPTY_CATALOG.copy(), pd.DataFrame(columns=QUARANTINE_COLUMNS), summary

    cols: CatalogColumns = params.catalog_columns
    mapping = cols.model_dump()
    frame = map_columns(
        catalog_export,
        mapping,
        CATALOG_FIELDS,
        "content_catalog",
        content_catalog_path,
        "ingestion.catalog_columns",
    )
    if (mapping["summary"] not in catalog_export.columns) and mapping[
        "body"
    ] in catalog_export.columns:
        frame["summary"] = catalog_export[mapping["body"]]
    n_in = len(frame)
    frame["source_row"] = np.arange(1, n_in + 1, dtype="int64")
    if mapping["id"] not in catalog_export.columns:
        frame["id"] = ("item" + frame["source_row"].astype(str).str.zfill(4)).astype("string")
    ids = frame["id"].astype("string").str.strip()
    if ids.duplicated().any():
        raise InputContractError(
            f"content_catalog file {content_catalog_path}: column {mapping['id']!r} (field "
            f"'id') must be unique; duplicated: {ids[ids.duplicated()].head(5).tolist()}."
        )
    parsed = pd.DataFrame(
        {
            "item_id": ids,
            "title": frame["title"].astype("string").str.strip().fillna(""),
            "summary": frame["summary"].astype("string").str.strip().fillna(""),
            "url": frame["url"].astype("string").str.strip().replace("", pd.NA),
            "theme": frame["theme"].astype("string").str.strip().replace("", pd.NA),
            "source_row": frame["source_row"],
        }
    )
    rules = pa.DataFrameSchema(
        checks=[
            pa.Check(
                lambda df: df["item_id"].notna() & df["item_id"].ne(""),
                name="id: identifiant manquant",
            ),
            pa.Check(
                lambda df: df["title"].ne("") | df["summary"].ne(""),
                name="title: ni titre ni résumé, impossible à comparer aux questions",
            ),
        ]
    )
    failures = _failing_rows(parsed, rules)
    parsed["_created_at_raw"] = pd.NA
    parsed["_likes_raw"] = pd.NA
    quarantine = _quarantine_frame(parsed, failures, "content_catalog", "item_id")
    kept = parsed.drop(index=failures["index"].unique())[list(CONTENT_CATALOG_SCHEMA.columns)]
    kept = CONTENT_CATALOG_SCHEMA.validate(kept.reset_index(drop=True))
    logger.info(
        "content_catalog: rows in = %d = %d kept + %d quarantined", n_in, len(kept), len(quarantine)
    )
    summary = {
        "provided": True,
        "path": content_catalog_path,
        "rows_in": n_in,
        "rows_kept": len(kept),
        "rows_quarantined": len(quarantine),
        "themes": kept["theme"].fillna("sans thème").value_counts().to_dict(),
    }
    return kept, quarantine, summary


def summarise_ingestion(
    comments_summary: dict[str, Any],
    comments_quarantine: pd.DataFrame,
    catalog_summary: dict[str, Any],
    catalog_quarantine: pd.DataFrame,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """One quarantine table and one report for the whole ingestion stage."""
    quarantine = pd.concat([comments_quarantine, catalog_quarantine], ignore_index=True)
    quarantine = quarantine.reindex(columns=QUARANTINE_COLUMNS).astype(
        {"source_row": "int64", "input": "string", "stage": "string", "reason": "string"}
    )
    report = {"comments": comments_summary, "content_catalog": catalog_summary}
    return quarantine, report
