"""Constants shared by the erasure steps, and the error for an unknown person."""

from __future__ import annotations

import re
from pathlib import Path

from ..pseudonyms import PSEUDONYM_PREFIX

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
