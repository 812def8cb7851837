"""Build dev.jsonl and frozen.jsonl of the fifth-round forum PII set from source/*.txt.

Stdlib only and deterministic: ``python benchmarks/data/pii_forum_fr_r5/build.py``.
Same markup, checks and split rule (SPLIT_SEED = 17, blocks of 5, 2 in dev and 3 in frozen,
per source file) as the first set: this file only points ``../pii_forum_fr/build.py`` at this
folder, so the two sets can never drift apart in how they are parsed or split. Two extra
checks are added on top (see ``parse_line``).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "pii_forum_fr_build", HERE.parent / "pii_forum_fr" / "build.py"
)
assert _spec is not None and _spec.loader is not None
builder = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(builder)


_parse_line = builder.parse_line


def parse_line(raw: str, where: str) -> tuple[str, list[dict]]:
    """The first set's parser plus two checks the third set's first draft needed (kept here): a flag written
    after the text (``[[P:name,typo]]`` instead of ``[[P,typo:name]]``) and a MENTION span
    without its ``@`` in front both stop the build."""
    clean, spans = _parse_line(raw, where)
    for s in spans:
        if re.search(r",(typo|name=)", s["text"]):
            raise builder.BuildError(f"{where}: flag inside the span text: {s['text']!r}")
        if s["type"] == "MENTION" and clean[s["start"] - 1 : s["start"]] != "@":
            raise builder.BuildError(f"{where}: MENTION without '@' before it: {s['text']!r}")
    return clean, spans


builder.parse_line = parse_line


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--dir" not in argv:
        argv = ["--dir", str(HERE), *argv]
    return builder.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
