"""What the stages agree on, owned in one place.

- :mod:`.schemas` — canonical field names and the pandera schemas of shared datasets;
- :mod:`.vocabulary` — the status words stages write and others filter on;
- :mod:`.paths` — how a path parameter says "this optional input is not provided";
- :mod:`.embeddings` — the one reader of ``comment_embeddings``;
- :mod:`.params` — the strict base of every typed parameter model.

Users script against these names (README, "Input contract"), and every stage reads the
previous stage's output through them, so they change only with a major version.
"""

from .schemas import (
    CAMPAIGN_FIELDS,
    CATALOG_FIELDS,
    COMMENT_FIELDS,
    COMMENTS_RAW_SCHEMA,
    CONTENT_CATALOG_SCHEMA,
    QUARANTINE_COLUMNS,
)

__all__ = [
    "CAMPAIGN_FIELDS",
    "CATALOG_FIELDS",
    "COMMENTS_RAW_SCHEMA",
    "COMMENT_FIELDS",
    "CONTENT_CATALOG_SCHEMA",
    "QUARANTINE_COLUMNS",
]
