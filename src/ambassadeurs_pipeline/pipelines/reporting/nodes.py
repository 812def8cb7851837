"""Reporting nodes: gather run metadata, then build the stakeholder report from every stage.

Every stage output is an optional argument: a stage that has not been run gives ``None``
and its section says so, so the report is always produced.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from importlib import metadata
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.status import OK, PARTIAL, SKIPPED, reasons

from ..privacy.params import PrivacyParams
from .guard import guard_stage_outputs
from .i18n import Translator
from .params import ReportingParams
from .render import render_report
from .sections import (
    Heading,
    Paragraph,
    SectionContent,
    explorer_blocks,
    section_ambassadors,
    section_campaign,
    section_data,
    section_gaps,
    section_methodology,
    section_personas,
    section_run,
    section_summary,
    section_topics,
    show_stage_status,
    status_blocks,
)

logger = logging.getLogger(__name__)

#: Packages whose versions a reader needs to reproduce the results.
TRACKED_PACKAGES = (
    "ambassadeurs_pipeline",
    "kedro",
    "kedro-datasets",
    "pandas",
    "numpy",
    "scikit-learn",
    "scipy",
    "bertopic",
    "umap-learn",
    "hdbscan",
    "spacy",
    "statsmodels",
    "matplotlib",
    "jinja2",
)


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _jsonable(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return str(value)


def collect_run_metadata(
    parameters: dict[str, Any],
    input_fingerprints: dict[str, Any] | None,
    dataset_versions: dict[str, str] | None,
    run_status: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything needed to reproduce the report: versions, parameters, input hashes, and
    the settings the stages derived from the data size (``run_status``).

    Args:
        parameters: all the run's parameters (Kedro's ``parameters``).
        input_fingerprints: ``{label: {"file", "sha256", "bytes"} | None}``.
        dataset_versions: ``{dataset path: version stamp}`` of the data read.
        run_status: from :func:`collect_run_status`.
    """
    hashes = {
        label: (f"{fp['file']} — {fp['sha256']}" if fp else None)
        for label, fp in (input_fingerprints or {}).items()
    }
    return {
        "packages": {p: _version(p) for p in TRACKED_PACKAGES},
        # Round-trip through JSON so that dates or paths in parameters save as text. Kedro
        # hands typed node parameters around as pydantic models: dump those as mappings, not
        # as their repr, so the report (and a reader) can look values up.
        "parameters": json.loads(json.dumps(parameters, default=_jsonable)),
        "input_hashes": hashes,
        "input_fingerprints": input_fingerprints or {},
        "dataset_versions": dataset_versions or {},
        "derived_parameters": (run_status or {}).get("derived_parameters") or {},
        "stage_status": {
            k: v.get("status") for k, v in ((run_status or {}).get("stages") or {}).items()
        },
    }


def build_sections(
    params: ReportingParams,
    run_metadata: dict[str, Any] | None = None,
    *,
    ingestion_report: dict[str, Any] | None = None,
    cleaning_report: dict[str, Any] | None = None,
    topic_info: pd.DataFrame | None = None,
    topic_trends: pd.DataFrame | None = None,
    topics_over_time: pd.DataFrame | None = None,
    topic_sentiment: pd.DataFrame | None = None,
    bad_buzz_alerts: pd.DataFrame | None = None,
    topic_quality: dict[str, Any] | None = None,
    faq: pd.DataFrame | None = None,
    information_gaps: pd.DataFrame | None = None,
    coverage_calibration: dict[str, Any] | None = None,
    persona_cards: dict[str, Any] | None = None,
    ambassador_candidates: pd.DataFrame | None = None,
    persona_quality: dict[str, Any] | None = None,
    uplift_results: dict[str, Any] | None = None,
    uplift_verdict: str | None = None,
    uplift_qini_curves: pd.DataFrame | None = None,
    topic_explorer_summary: dict[str, Any] | None = None,
    run_status: dict[str, Any] | None = None,
) -> list[SectionContent]:
    """All sections in reading order, the executive summary first.

    ``run_status`` (:func:`collect_run_status`): each skipped or partial stage's reasons are
    shown at the top of the summary and in the stage's own section(s)."""
    t = Translator(params.language)
    body = [
        section_data(ingestion_report, cleaning_report, t, params),
        section_topics(
            topic_info, topic_trends, topics_over_time, topic_sentiment, bad_buzz_alerts, t, params
        ),
        section_gaps(faq, information_gaps, t, params),
        section_personas(persona_cards, t, params),
        section_ambassadors(ambassador_candidates, t, params),
        section_campaign(uplift_results, uplift_verdict, uplift_qini_curves, t, params),
        section_methodology(
            topic_quality,
            cleaning_report,
            coverage_calibration,
            persona_quality,
            t,
            params,
            (run_metadata or {}).get("parameters"),
        ),
        section_run(run_metadata, t, params),
    ]
    topics = next(s for s in body if s.key == "topics")
    if topics.available:
        topics.blocks.extend(explorer_blocks(topic_explorer_summary, t, params))
    methodology = next(s for s in body if s.key == "methodology")
    methodology.blocks.append(Heading(t("method_register")))
    privacy_params = ((run_metadata or {}).get("parameters") or {}).get("privacy")
    k = int(privacy_params.get("min_group_authors", 5)) if isinstance(privacy_params, dict) else 5
    methodology.blocks.append(Paragraph(t("method_register_text", k=k)))
    show_stage_status(body, run_status, t)
    summary = section_summary(body, t)
    summary.blocks[:0] = status_blocks(run_status, t)
    return [summary, *body]


def build_report(
    params: ReportingParams,
    run_metadata: dict[str, Any] | None = None,
    privacy: PrivacyParams | None = None,
    quote_corpus: pd.DataFrame | None = None,
    run_status: dict[str, Any] | None = None,
    **stage_outputs: Any,
) -> str:
    """The stakeholder report, one self-contained HTML page.

    Args:
        params: ``reporting`` parameters (language, sizes, contact).
        run_metadata: from :func:`collect_run_metadata`.
        privacy: ``privacy`` parameters (``min_group_authors``, ``quotes``).
        quote_corpus: the cleaned comments; quotes are checked against them so that none
            shares 8 consecutive words with a comment.
        **stage_outputs: the other stages' datasets by name (see :func:`build_sections`);
            any may be ``None``. Quotes and groups go through the re-identification guard
            (``guard.guard_stage_outputs``) before any section reads them.
    """
    stage_outputs = guard_stage_outputs(stage_outputs, privacy, quote_corpus)
    sections = build_sections(params, run_metadata, run_status=run_status, **stage_outputs)
    missing = [s.key for s in sections if not s.available]
    if missing:
        logger.warning(
            "Report sections without data (stage not run, or skipped on this data): %s",
            ", ".join(missing),
        )
    t = Translator(params.language)
    return render_report(
        sections, t, params.title or t("report_title"), params.organisation, datetime.now()
    )


def collect_run_status(
    topics_status: dict[str, Any] | None = None,
    gaps_status: dict[str, Any] | None = None,
    personas_status: dict[str, Any] | None = None,
    uplift_status: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """``run_status``: every stage's status record (``ambassadeurs_pipeline.status``), in
    flow order, plus the settings derived from the data size (also in the run metadata).

    A stage that has not run gives ``None`` and is left out (its section says so)."""
    stages = {
        name: record
        for name, record in (
            ("topics", topics_status),
            ("gaps", gaps_status),
            ("personas", personas_status),
            ("uplift", uplift_status),
        )
        if record
    }
    derived = {k: v for record in stages.values() for k, v in (record.get("derived") or {}).items()}
    for name, record in stages.items():
        if record.get("status") != OK:
            logger.warning("%s: %s", name, "; ".join(reasons(record)))
    return {
        "version": 1,
        "stages": stages,
        "skipped": [n for n, r in stages.items() if r.get("status") == SKIPPED],
        "partial": [n for n, r in stages.items() if r.get("status") == PARTIAL],
        "derived_parameters": derived,
    }
