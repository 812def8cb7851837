"""Privacy nodes: the processing register."""

from __future__ import annotations

from typing import Any

from ambassadeurs_pipeline.privacy.register import render_register

from .params import PrivacyParams


def write_processing_register(
    salt: str,
    params: PrivacyParams | None,
    ingestion_report: dict[str, Any] | None,
    cleaning_report: dict[str, Any] | None,
    comments_path: str | None,
) -> tuple[str, str]:
    """The register in French and English (Markdown); the salt only as its fingerprint.

    ``params`` ``None`` (no ``privacy`` parameters) renders the defaults.
    """
    params = params or PrivacyParams()
    parameters = {"comments_path": comments_path}
    return (
        render_register(
            "fr", salt, params.model_dump(), ingestion_report, cleaning_report, parameters
        ),
        render_register(
            "en", salt, params.model_dump(), ingestion_report, cleaning_report, parameters
        ),
    )
