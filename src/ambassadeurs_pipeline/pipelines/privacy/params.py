"""Typed ``privacy`` parameters (``conf/base/parameters_privacy.yml``)."""

from __future__ import annotations

import warnings

from pydantic import Field

from ambassadeurs_pipeline.contracts.params import StrictModel
from ambassadeurs_pipeline.privacy.quotes import QuoteGuardParams


class RegisterParams(StrictModel):
    controller: str = ""
    contact: str = ""
    purposes: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)


# ``register`` (the processing register, as users write it in parameters_privacy.yml) shadows
# ABCMeta.register, which pydantic reports for any base class but BaseModel itself.
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", 'Field name "register"', UserWarning)

    class PrivacyParams(StrictModel):
        retention_days: int = Field(
            730, ge=1, description="Raw and primary data older than this are purged."
        )
        min_group_authors: int = Field(
            5, ge=2, description="k: groups with fewer distinct authors are never described."
        )
        quotes: QuoteGuardParams = Field(default_factory=QuoteGuardParams)
        register: RegisterParams = Field(default_factory=RegisterParams)
