"""Meta-tests on the catalog, in the spirit of everycure's matrix: what people read is
versioned, no node output is silently left in memory, names follow the conventions.

tests/test_project_conventions.py already checks, by data folder and by kedro-viz layer, that
the layers people read (03, 07, 08) are versioned, that the outputs of ``__default__`` and
``monthly`` are declared and that every entry's layer matches its folder. This file adds what
those checks miss: datasets people open outside those layers (notebooks, figures, pages), the
outputs of every registered pipeline, memory datasets kept on purpose, and the names.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

import pytest
import yaml
from kedro.framework.project import pipelines
from kedro.framework.startup import bootstrap_project

ROOT = Path(__file__).resolve().parents[1]
CATALOG_FILE = re.compile(r"catalog_([a-z_]+)\.yml")

#: Entries kept in memory on purpose, each with its reason (read in conf/base).
MEMORY_DATASETS = {
    "comments_normalised": "still holds raw text and handles: never written anywhere",
}

#: Dataset types a person opens as a page, a document or a picture.
OPENED_BY_PEOPLE = re.compile(r"(Html|HTML|TextDataset|MatplotlibDataset)")

#: Outputs whose name and file differ because a second entry reads another entry's file.
SECOND_READERS = {
    "report_quote_corpus": "comments_clean",
    "comment_topics_history_previous": "comment_topics_history",
}


@pytest.fixture(scope="module")
def registry():
    bootstrap_project(ROOT)
    return pipelines


@pytest.fixture(scope="module")
def catalog_by_file() -> dict[str, dict[str, dict]]:
    """``{stage: {name: entry}}`` from ``conf/base/catalog_<stage>.yml``, as written."""
    result = {}
    for path in sorted((ROOT / "conf" / "base").glob("catalog_*.yml")):
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        stage = CATALOG_FILE.fullmatch(path.name).group(1)
        result[stage] = {k: v for k, v in entries.items() if isinstance(v, dict) and "type" in v}
    return result


@pytest.fixture(scope="module")
def catalog(catalog_by_file) -> dict[str, dict]:
    return {name: entry for entries in catalog_by_file.values() for name, entry in entries.items()}


def _notebook_datasets() -> dict[str, set[str]]:
    loads = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        source = "\n".join("".join(cell["source"]) for cell in cells)
        loads[path.name] = set(re.findall(r"catalog\.load\(\s*[\"']([a-z_]+)[\"']", source))
    return loads


def test_every_dataset_a_notebook_reads_is_versioned(catalog):
    """Analysts' notebooks read these: each result they show traces to the run that wrote it."""
    loads = _notebook_datasets()
    assert loads and any(loads.values()), "the notebooks should load datasets from the catalog"
    problems = sorted(
        f"{notebook}: {name}"
        for notebook, names in loads.items()
        for name in names - {"params"}
        if name not in catalog or not catalog[name].get("versioned", False)
    )
    assert not problems, f"read by a notebook but undeclared or not versioned: {problems}"


def test_every_page_document_or_figure_is_versioned(catalog):
    """The report, the topic explorer, persona cards, the verdict, registers and figures are
    opened by people wherever their file sits: each is versioned."""
    opened = {n: e for n, e in catalog.items() if OPENED_BY_PEOPLE.search(str(e["type"]))}
    assert {"report_html", "topic_explorer_html", "persona_cards_md", "uplift_verdict"} <= set(
        opened
    )
    unversioned = sorted(n for n, e in opened.items() if not e.get("versioned", False))
    assert not unversioned, f"opened by people but not versioned: {unversioned}"


def test_the_shortlist_and_the_gaps_people_act_on_are_versioned(catalog):
    for name in ("ambassador_candidates", "information_gaps", "faq", "run_status"):
        assert catalog[name].get("versioned", False), name


def test_every_output_of_every_registered_pipeline_is_declared(registry, catalog):
    """Each registered pipeline, not only the default one, since any can be run alone."""
    missing = sorted(
        f"{pipeline}: {output}"
        for pipeline in registry
        for node in registry[pipeline].nodes
        for output in node.outputs
        if output not in catalog and not output.startswith("params:")
    )
    assert not missing, f"node outputs not in conf/base/catalog_*.yml: {missing}"


def test_memory_datasets_are_the_documented_ones(catalog):
    in_memory = {n for n, e in catalog.items() if str(e["type"]).endswith("MemoryDataset")}
    assert in_memory == set(MEMORY_DATASETS), (
        "a node output kept in memory must be listed, with its reason, in MEMORY_DATASETS: "
        f"{sorted(in_memory ^ set(MEMORY_DATASETS))}"
    )


def test_each_stage_catalog_file_declares_that_stage_s_outputs(registry, catalog_by_file):
    """``catalog_<stage>.yml`` holds what the ``<stage>`` pipeline writes (and its external
    inputs): a reader finds a dataset next to the stage that makes it."""
    misplaced = []
    for stage, entries in catalog_by_file.items():
        if stage not in registry:
            continue
        written_here = set(registry[stage].all_outputs())
        for name in entries:
            writers = [
                p for p in registry if p != "__default__" and name in registry[p].all_outputs()
            ]
            if writers and name not in written_here:
                misplaced.append(f"{name} in catalog_{stage}.yml, written by {writers}")
    assert not misplaced, misplaced


def _stem(entry: dict) -> tuple[str | None, str]:
    path = PurePosixPath(str(entry["filepath"]))
    parts = path.parts
    subfolder = parts[2] if len(parts) > 3 and parts[0] == "data" else None
    return subfolder, path.name.split(".")[0]


def test_file_names_follow_dataset_names(catalog):
    """``data/<layer>/[<stage>/]<file>``: the dataset is named after its file, prefixed by the
    stage folder when it has one (``uplift/arm_effects.csv`` is ``uplift_arm_effects``);
    pages, documents and figures add their kind (``report_html``, ``persona_cards_md``,
    ``uplift_qini_figure``)."""
    offenders = []
    for name, entry in catalog.items():
        filepath = str(entry.get("filepath", ""))
        if not filepath.startswith("data/"):
            continue  # user inputs (runtime parameters) and computed fingerprints
        assert re.fullmatch(r"data/0[1-8]_[a-z_]+/.+", filepath), (name, filepath)
        if name in SECOND_READERS:
            assert filepath == catalog[SECOND_READERS[name]]["filepath"], name
            continue
        subfolder, stem = _stem(entry)
        core = re.sub(r"_(html|md|figure)$", "", name)
        if subfolder and core.startswith(f"{subfolder}_"):
            core = core[len(subfolder) + 1 :]
        figure = name.endswith("_figure") and filepath.endswith(".png")
        if not (core == stem or name.endswith(stem) or (figure and core in stem)):
            if not (figure and subfolder and name.startswith(f"{subfolder}_")):
                offenders.append(f"{name}: {filepath}")
    assert not offenders, offenders
