"""Typed parameters of the reporting stage (``conf/base/parameters_reporting.yml``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ambassadeurs_pipeline.contracts.params import StrictModel


class ReportingParams(StrictModel):
    language: Literal["fr", "en"] = Field(
        "fr", description="Language of the report (not of the corpus)."
    )
    title: str | None = Field(
        None, description="Report title; default: the translated standard title."
    )
    organisation: str = Field("", description="Shown under the title.")
    contact: str = Field(
        "le responsable des données de votre organisation",
        description="Who to contact to contest a result or ask for erasure (a team or service "
        "name: e-mail addresses and phone numbers are masked like any personal data).",
    )
    top_topics: int = Field(10, ge=1, le=50, description="Topics shown in the charts.")
    max_table_rows: int = Field(15, ge=1, le=500, description="Rows shown per table.")
    max_ambassadors: int = Field(20, ge=0, le=500, description="Rows of the ambassador shortlist.")
    max_briefs: int = Field(
        5, ge=0, le=50, description="Information gaps given a full content brief card."
    )
    max_evidence: int = Field(3, ge=0, le=10, description="Example excerpts per information gap.")
    excerpt_chars: int = Field(
        220, ge=40, le=2000, description="Excerpts longer than this are cut."
    )
    topic_explorer_href: str = Field(
        "../../topic_explorer.html/{version}/topic_explorer.html",
        description="Link from the report's file to topic_explorer_html of the same run; {version} is its "
        "version stamp. Follows the two catalog paths (tests/test_project_conventions.py checks they agree).",
    )
