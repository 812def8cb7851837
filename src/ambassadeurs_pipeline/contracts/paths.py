"""How a path parameter says "this optional input is not provided".

``--params "content_catalog_path=none"`` (or ``null``, ``~``, ``-``, empty) arrives as a
string; every reader of an optional path or optional column name uses the same words.
"""

from __future__ import annotations

from typing import Any

#: Values (case-insensitive, stripped) meaning "absent".
ABSENT_PATHS = frozenset({"", "none", "null", "~", "-"})


def is_absent(value: Any) -> bool:
    """True for ``None`` and for the strings of :data:`ABSENT_PATHS`."""
    return value is None or (isinstance(value, str) and value.strip().lower() in ABSENT_PATHS)
