from __future__ import annotations

import pytest
import standins

from ambassadeurs_pipeline.pipelines.reporting.i18n import Translator
from ambassadeurs_pipeline.pipelines.reporting.nodes import build_report
from ambassadeurs_pipeline.pipelines.reporting.params import ReportingParams


@pytest.fixture
def t() -> Translator:
    return Translator("fr")


@pytest.fixture
def params() -> ReportingParams:
    return ReportingParams()


@pytest.fixture(scope="session")
def standin_report_html() -> str:
    """The full report rendered once from every stand-in (charts are the slow part)."""
    return build_report(ReportingParams(), standins.run_metadata(), **standins.all_inputs())
