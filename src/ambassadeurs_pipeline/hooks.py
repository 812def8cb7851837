"""Project hooks."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from kedro.framework.hooks import hook_impl

from ambassadeurs_pipeline.datasets.salt import PseudonymisationSaltDataset
from ambassadeurs_pipeline.privacy.pseudonyms import DEMO_SALT

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


class PseudonymisationSaltHook:
    """Registers ``pseudonymisation_salt`` from ``credentials.yml`` (key ``pseudonymisation.salt``).

    On the bundled demo export only, and only when no salt is configured, the documented
    public demo salt is used with a warning. Anywhere else a missing salt is a clear error the
    first time a node needs it.
    """

    def __init__(self) -> None:
        self._project_path: Path | None = None

    @hook_impl
    def after_context_created(self, context: Any) -> None:
        self._project_path = Path(context.project_path)

    @hook_impl
    def after_catalog_created(
        self, catalog: Any, conf_creds: dict[str, Any], parameters: dict[str, Any], **_: Any
    ) -> None:
        salt = (conf_creds or {}).get("pseudonymisation", {}).get("salt")
        # Kedro passes the feed dict: {"parameters": {...}, "params:<name>": value, ...}.
        parameters = parameters or {}
        comments_path = parameters.get("params:comments_path") or parameters.get(
            "parameters", {}
        ).get("comments_path")
        if salt:
            catalog["pseudonymisation_salt"] = PseudonymisationSaltDataset(salt=salt)
        elif is_demo_input(comments_path, self._project_path):
            logger.warning(
                "No pseudonymisation salt in conf/local/credentials.yml: using the PUBLIC demo "
                "salt because the input is the bundled demo corpus. Never do this with real data."
            )
            catalog["pseudonymisation_salt"] = PseudonymisationSaltDataset(salt=DEMO_SALT)
        else:
            catalog["pseudonymisation_salt"] = PseudonymisationSaltDataset(
                salt=None,
                reason=f"Input {comments_path!r} is not the bundled demo, so a secret salt is required. ",
            )


class ProgressHook:
    """Applies the ``progress`` parameter (auto/on/off) to the project's progress bars
    (``ambassadeurs_pipeline.progress``) before any node runs. A wrong value stops the run
    before any work, naming the parameter."""

    @hook_impl
    def after_catalog_created(self, parameters: dict[str, Any], **_: Any) -> None:
        from ambassadeurs_pipeline import progress

        parameters = parameters or {}
        mode = parameters.get(
            "params:progress", parameters.get("parameters", {}).get("progress", "auto")
        )
        progress.configure("auto" if mode is None else str(mode))
