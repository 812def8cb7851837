"""Score a redactor on the eleventh-round forum PII set (same scorer as ../pii_forum_fr/score.py).

    python benchmarks/data/pii_forum_fr_r11/score.py --part dev --show-misses 50   # tune on dev
    python benchmarks/data/pii_forum_fr_r11/score.py --part frozen --json out.json  # report only

Every option of ``../pii_forum_fr/score.py`` works here; only the default ``--data-dir`` differs
(this folder). Equivalent: ``python benchmarks/data/pii_forum_fr/score.py --data-dir
benchmarks/data/pii_forum_fr_r11 ...``. Frozen texts are never printed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location(
    "pii_forum_fr_score", HERE.parent / "pii_forum_fr" / "score.py"
)
assert _spec is not None and _spec.loader is not None
scorer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(scorer)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--data-dir" not in argv and not any(a.startswith("--data-dir=") for a in argv):
        argv = ["--data-dir", str(HERE), *argv]
    return scorer.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
