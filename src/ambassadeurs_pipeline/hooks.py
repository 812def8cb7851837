"""Project hooks."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from kedro.framework.hooks import hook_impl

from ambassadeurs_pipeline.datasets.salt import PseudonymisationSaltDataset
from ambassadeurs_pipeline.privacy.salt import resolve_salt

logger = logging.getLogger(__name__)


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
        # Kedro passes the feed dict: {"parameters": {...}, "params:<name>": value, ...}.
        parameters = parameters or {}
        comments_path = parameters.get("params:comments_path") or parameters.get(
            "parameters", {}
        ).get("comments_path")
        salt, reason = resolve_salt(conf_creds, comments_path, self._project_path)
        catalog["pseudonymisation_salt"] = PseudonymisationSaltDataset(salt=salt, reason=reason)


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
