"""Which pseudonymisation salt a run uses, and whether its input is the bundled demo.

One rule, used by the project hook (``hooks.PseudonymisationSaltHook``, for ``kedro run``)
and by the erasure tool (``privacy/erase.py``), so both pseudonymise a handle identically:

- the salt is ``credentials.yml: pseudonymisation.salt``;
- without one, the public demo salt is allowed only when the comments input is the bundled
  demo export, with a warning;
- otherwise there is no salt, and the reason says why.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .pseudonyms import DEMO_SALT

logger = logging.getLogger(__name__)

#: Where the bundled demo export lives; the public demo salt is allowed only for it.
DEMO_COMMENTS_PATH = Path("data/01_raw/comments.csv")


def is_demo_input(path: str | None, project_path: Path | None = None) -> bool:
    """True when ``path`` is the bundled demo export (relative or absolute)."""
    if not path:
        return False
    candidate = Path(path)
    if not candidate.is_absolute() and project_path is not None:
        candidate = project_path / candidate
    demo = (project_path or Path.cwd()) / DEMO_COMMENTS_PATH
    return candidate.resolve() == demo.resolve()


def resolve_salt(
    credentials: dict[str, Any] | None,
    comments_path: str | None,
    project_path: Path | None = None,
) -> tuple[str | None, str | None]:
    """``(salt, reason)``: the configured salt, else the demo salt for the demo input.

    Returns ``(None, reason)`` when no salt applies; the caller decides when that is an
    error (the hook: the first time a node needs the salt; erasure: at once).
    """
    salt = ((credentials or {}).get("pseudonymisation") or {}).get("salt")
    if salt:
        return salt, None
    if is_demo_input(comments_path, project_path):
        logger.warning(
            "No pseudonymisation salt in conf/local/credentials.yml: using the PUBLIC demo "
            "salt because the input is the bundled demo corpus. Never do this with real data."
        )
        return DEMO_SALT, None
    return None, (
        f"Input {comments_path!r} is not the bundled demo, so a secret salt is required. "
    )
