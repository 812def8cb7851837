"""Output contract of the cleaning stage (``comments_clean``, ``comments_quarantine``)."""

from __future__ import annotations

import pandera.pandas as pa

#: Columns every downstream stage may rely on, in this order (docs/ARCHITECTURE.md).
COMMENTS_CLEAN_COLUMNS = [
    "comment_id",
    "author_id",
    "thread_id",
    "parent_id",
    "created_at",
    "source",
    "likes",
    "text_clean",
    "lang",
    "emoji_count",
    "is_duplicate",
    "duplicate_group",
    "is_spam",
    "spam_score",
    "spam_reason",
    "is_bot_author",
    "in_model",
    "exclusion_reason",
]
#: Extra columns (allowed by the contract: "you may add a few more").
COMMENTS_CLEAN_EXTRA = [
    "lang_confidence",
    "url_count",
    "mention_count",
    "pii_replaced",
    "duplicate_group_size",
    "duplicate_authors",
    "text_truncated",
]

COMMENTS_CLEAN_SCHEMA = pa.DataFrameSchema(
    {
        "comment_id": pa.Column("string", nullable=False, unique=True),
        "author_id": pa.Column("string", pa.Check.str_matches(r"^au_[0-9a-f]{16}$"), nullable=True),
        "thread_id": pa.Column("string", nullable=True),
        "parent_id": pa.Column("string", nullable=True),
        "created_at": pa.Column("datetime64[ns]", nullable=True),
        "source": pa.Column("string", nullable=True),
        "likes": pa.Column("Int64", pa.Check.ge(0), nullable=True),
        "text_clean": pa.Column("string", pa.Check.str_length(min_value=1), nullable=False),
        "lang": pa.Column("string", pa.Check.str_matches(r"^(?:[a-z]{2}|und)$"), nullable=False),
        "emoji_count": pa.Column("int64", pa.Check.ge(0)),
        "is_duplicate": pa.Column("bool"),
        "duplicate_group": pa.Column("string", nullable=True),
        "is_spam": pa.Column("bool"),
        "spam_score": pa.Column("float64", pa.Check.in_range(0.0, 1.0)),
        "spam_reason": pa.Column("string", nullable=True),
        "is_bot_author": pa.Column("bool"),
        "in_model": pa.Column("bool"),
        "exclusion_reason": pa.Column("string", nullable=True),
        "lang_confidence": pa.Column("float64", pa.Check.in_range(0.0, 1.0)),
        "url_count": pa.Column("int64", pa.Check.ge(0)),
        "mention_count": pa.Column("int64", pa.Check.ge(0)),
        "pii_replaced": pa.Column("int64", pa.Check.ge(0)),
        "duplicate_group_size": pa.Column("int64", pa.Check.ge(1)),
        "duplicate_authors": pa.Column("int64", pa.Check.ge(0)),
        "text_truncated": pa.Column("bool"),
    },
    checks=[
        pa.Check(
            lambda df: ~(df["in_model"] & df["exclusion_reason"].notna()),
            name="in_model xor reason",
        ),
        pa.Check(lambda df: ~(df["is_spam"] & df["spam_reason"].isna()), name="spam has a reason"),
    ],
    strict=True,
    ordered=True,
    name="comments_clean",
)

COMMENTS_QUARANTINE_SCHEMA = pa.DataFrameSchema(
    {
        "comment_id": pa.Column("string", nullable=False, unique=True),
        "author_id": pa.Column("string", nullable=True),
        "thread_id": pa.Column("string", nullable=True),
        "parent_id": pa.Column("string", nullable=True),
        "created_at": pa.Column("datetime64[ns]", nullable=True),
        "source": pa.Column("string", nullable=True),
        "likes": pa.Column("Int64", nullable=True),
        "reason": pa.Column("string", nullable=False),
        "text_clean": pa.Column("string", nullable=False),
        "emoji_count": pa.Column("int64"),
        "url_count": pa.Column("int64"),
        "pii_replaced": pa.Column("int64"),
    },
    strict=True,
    ordered=True,
    name="comments_quarantine",
)
