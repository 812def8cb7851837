"""``python -m ambassadeurs_pipeline.privacy.erase``: the right-to-erasure command.

The code is in :mod:`ambassadeurs_pipeline.privacy.erasure` (find / rewrite / invalidate /
CLI); this module keeps the documented command and the old import path working.
"""

from __future__ import annotations

import pyarrow.parquet as pq  # noqa: F401  (tests patch pq.write_table through this module)

from .erasure import *  # noqa: F403
from .erasure import __all__ as _erasure_all
from .erasure import main
from .erasure.files import read_frame as _read_frame

__all__ = [*_erasure_all, "_read_frame"]

if __name__ == "__main__":
    raise SystemExit(main())
