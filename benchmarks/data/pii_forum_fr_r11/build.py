"""Build dev.jsonl and frozen.jsonl of the eleventh-round forum PII set from source/*.txt.

Stdlib only and deterministic: ``python benchmarks/data/pii_forum_fr_r11/build.py``.
Same markup, checks and split rule (SPLIT_SEED = 17, blocks of 5, 2 in dev and 3 in frozen,
per source file) as the first set, plus the two markup checks of the third-round set: this
file only points ``../pii_forum_fr_r3/build.py`` (which wraps ``../pii_forum_fr/build.py``)
at this folder, so the sets can never drift apart in how they are parsed or split.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "pii_forum_fr_r3_build", HERE.parent / "pii_forum_fr_r3" / "build.py"
)
assert _spec is not None and _spec.loader is not None
r3_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(r3_build)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--dir" not in argv:
        argv = ["--dir", str(HERE), *argv]
    return r3_build.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
