"""The run-metadata section: versions, parameters, input hashes, dataset versions."""

from __future__ import annotations

import json
from typing import Any

from ..frames import is_empty
from ..i18n import Translator
from ..params import ReportingParams
from .blocks import Heading, Paragraph, Preformatted, SectionContent, Table
from .common import unavailable_section


def section_run(
    run_metadata: dict[str, Any] | None, t: Translator, params: ReportingParams
) -> SectionContent:
    """Package versions, parameters, input file hashes, dataset versions."""
    if is_empty(run_metadata):
        return unavailable_section("run", t, t("chart_no_data"))
    section = SectionContent(key="run", title=t("sec_run"))
    blocks = section.blocks
    blocks.append(Paragraph(t("run_intro")))
    packages = run_metadata.get("packages") or {}
    blocks.append(
        Table(
            [t("col_package"), t("col_version")],
            [[k, v or t("absent")] for k, v in packages.items()],
            caption=t("run_packages"),
        )
    )
    inputs = run_metadata.get("input_hashes") or {}
    if inputs:
        blocks.append(
            Table(
                [t("col_file"), t("col_hash")],
                [[k, v or t("absent")] for k, v in inputs.items()],
                caption=t("run_inputs"),
            )
        )
    versions = run_metadata.get("dataset_versions") or {}
    if versions:
        blocks.append(
            Table(
                [t("col_dataset"), t("col_version")],
                [[k, v] for k, v in versions.items()],
                caption=t("run_datasets"),
            )
        )
    parameters = run_metadata.get("parameters")
    if parameters:
        blocks.append(Heading(t("run_parameters")))
        blocks.append(
            Preformatted(
                json.dumps(parameters, indent=2, ensure_ascii=False, default=str, sort_keys=True)
            )
        )
    return section
