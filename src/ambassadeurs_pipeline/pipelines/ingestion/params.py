"""Typed parameters of the ingestion stage (validated by Kedro before any node runs)."""

from __future__ import annotations

from pydantic import Field

from ambassadeurs_pipeline.contracts.params import StrictModel


class CommentColumns(StrictModel):
    """Name, in the user's export, of each canonical comment field (``null`` = absent)."""

    id: str | None = "id"
    text: str = "text"
    author: str | None = "author"
    created_at: str | None = "created_at"
    thread_id: str | None = "thread_id"
    parent_id: str | None = "parent_id"
    source: str | None = "source"
    likes: str | None = "likes"


class CatalogColumns(StrictModel):
    """Name, in the content-catalog export, of each canonical field."""

    id: str | None = "id"
    title: str = "title"
    summary: str | None = "summary"
    body: str | None = "body"
    url: str | None = "url"
    theme: str | None = "theme"


class IngestionParams(StrictModel):
    columns: CommentColumns = Field(default_factory=CommentColumns)
    catalog_columns: CatalogColumns = Field(default_factory=CatalogColumns)
    max_bad_date_share: float = Field(
        0.05,
        ge=0.0,
        le=1.0,
        description="Above this share of unparseable dates the file is rejected as a whole "
        "(wrong column or format); below it, the rows go to quarantine.",
    )
    dayfirst: bool = Field(True, description="Read 03/04/2025 as 3 April (French convention).")
