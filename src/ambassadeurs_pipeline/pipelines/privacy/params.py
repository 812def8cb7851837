"""Typed ``privacy`` parameters (``conf/base/parameters_privacy.yml``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ambassadeurs_pipeline.privacy.quotes import QuoteGuardParams


class RegisterParams(BaseModel):
    model_config = ConfigDict(extra="forbid")

    controller: str = ""
    contact: str = ""
    purposes: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)


class PrivacyParams(BaseModel):
    # A misspelt key must fail before the run, naming the key.
    model_config = ConfigDict(extra="forbid")

    retention_days: int = Field(
        730, ge=1, description="Raw and primary data older than this are purged."
    )
    min_group_authors: int = Field(
        5, ge=2, description="k: groups with fewer distinct authors are never described."
    )
    quotes: QuoteGuardParams = Field(default_factory=QuoteGuardParams)
    register: RegisterParams = Field(default_factory=RegisterParams)
