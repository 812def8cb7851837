"""Canonical column names and the pandera schemas of datasets shared between stages."""

from __future__ import annotations

import pandera.pandas as pa

#: Canonical comment fields and whether an export must provide them.
COMMENT_FIELDS: dict[str, bool] = {
    "id": False,
    "text": True,
    "author": False,
    "created_at": False,
    "thread_id": False,
    "parent_id": False,
    "source": False,
    "likes": False,
}
#: Canonical content-catalog fields (``summary`` may come from a ``body`` column).
CATALOG_FIELDS: dict[str, bool] = {
    "id": False,
    "title": True,
    "summary": False,
    "url": False,
    "theme": False,
}
#: Canonical campaign fields (``segment`` optional; other columns are covariates).
CAMPAIGN_FIELDS: dict[str, bool] = {"unit": True, "arm": True, "outcome": True, "segment": False}

#: ``comments_raw``: one row per accepted export row, raw text (restricted raw layer).
COMMENTS_RAW_SCHEMA = pa.DataFrameSchema(
    {
        "comment_id": pa.Column("string", nullable=False, unique=True),
        "text": pa.Column("string", nullable=False),
        "author": pa.Column("string", nullable=True),
        "created_at": pa.Column("datetime64[ns]", nullable=True),
        "thread_id": pa.Column("string", nullable=True),
        "parent_id": pa.Column("string", nullable=True),
        "source": pa.Column("string", nullable=True),
        "likes": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "source_row": pa.Column("int64", pa.Check.ge(1), unique=True),
    },
    strict=True,
    ordered=True,
    name="comments_raw",
)

#: ``content_catalog``: the organisation's existing content, cleaned and typed.
CONTENT_CATALOG_SCHEMA = pa.DataFrameSchema(
    {
        "item_id": pa.Column("string", nullable=False, unique=True),
        "title": pa.Column("string", nullable=False),
        "summary": pa.Column("string", nullable=False),
        "url": pa.Column("string", nullable=True),
        "theme": pa.Column("string", nullable=True),
    },
    strict=True,
    ordered=True,
    name="content_catalog",
)

#: Rows set aside by any stage, with the reason, so ``rows in = kept + quarantined`` holds.
QUARANTINE_COLUMNS = ["input", "stage", "source_row", "record_id", "column", "reason", "value"]
