"""French month names, written out: dates in French sentences without a locale (a server's
locale is rarely fr_FR, and ``strftime`` would follow it)."""

from __future__ import annotations

MONTHS_LONG_FR: tuple[str, ...] = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
