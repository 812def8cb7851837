"""Run metadata keeps parameters as mappings, even when Kedro passed typed (pydantic) ones."""

from datetime import date

from ambassadeurs_pipeline.pipelines.privacy.params import PrivacyParams
from ambassadeurs_pipeline.pipelines.reporting.nodes import build_sections, collect_run_metadata
from ambassadeurs_pipeline.pipelines.reporting.params import ReportingParams


def test_typed_parameters_are_saved_as_mappings():
    meta = collect_run_metadata(
        {
            "privacy": PrivacyParams(min_group_authors=7),
            "since": date(2026, 1, 2),
            "random_state": 42,
        },
        None,
        None,
    )
    assert meta["parameters"]["privacy"]["min_group_authors"] == 7
    assert meta["parameters"]["privacy"]["quotes"]["span_words"] == 8
    assert meta["parameters"]["since"] == "2026-01-02"
    assert meta["parameters"]["random_state"] == 42


def test_methodology_states_the_configured_k():
    meta = collect_run_metadata({"privacy": PrivacyParams(min_group_authors=7)}, None, None)
    sections = build_sections(ReportingParams(), meta)
    methodology = next(s for s in sections if s.key == "methodology")
    text = " ".join(str(getattr(b, "text", "")) for b in methodology.blocks)
    assert "moins de 7 auteurs" in text
