"""The pseudonymisation salt as a read-only, in-memory dataset.

Kedro hands credentials to datasets, not to nodes. This dataset is registered by
:class:`ambassadeurs_pipeline.hooks.PseudonymisationSaltHook` from ``credentials.yml``, so
the salt reaches the nodes that need it (cleaning, uplift's campaign join) as a normal input
and is never saved anywhere.
"""

from __future__ import annotations

from typing import Any

from kedro.io import AbstractDataset, DatasetError

from ambassadeurs_pipeline.privacy.pseudonyms import SaltError, check_salt


class PseudonymisationSaltDataset(AbstractDataset[None, str]):
    """Load-only dataset returning the salt, or raising the reason it is unavailable.

    The error is raised at load time, not when the catalog is built, so pipelines that never
    pseudonymise (e.g. ``--pipelines=ingestion``) run without a salt.
    """

    def __init__(self, salt: str | None = None, reason: str | None = None) -> None:
        self._salt = salt
        self._reason = reason

    def load(self) -> str:
        try:
            return check_salt(self._salt)
        except SaltError as exc:
            raise SaltError(f"{self._reason or ''}{exc}") from None

    def save(self, data: None) -> None:
        raise DatasetError("The pseudonymisation salt is read-only and never saved.")

    def _describe(self) -> dict[str, Any]:
        # Never describe the salt itself: this dict ends up in logs and kedro-viz.
        return {"configured": self._salt is not None}
