"""How the demo's word banks are written: one ``|``-separated string per bank."""

from __future__ import annotations


def split_bank(text: str) -> list[str]:
    """Split a ``|``-separated bank (keeps the banks compact and easy to extend)."""
    return [t.strip() for t in text.split("|") if t.strip()]
