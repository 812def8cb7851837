"""Meta-tests on the project itself: the catalog, the registry and the quickstart."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path, PurePosixPath

import pytest
import yaml
from kedro.config import OmegaConfigLoader
from kedro.framework.project import pipelines
from kedro.framework.startup import bootstrap_project

ROOT = Path(__file__).resolve().parents[1]
STAGES = ["ingestion", "cleaning", "topics", "gaps", "personas", "uplift", "reporting", "privacy"]
# Layers whose datasets users, analysts or stakeholders read: they must be versioned.
READ_BY_PEOPLE = ("03_primary", "07_model_output", "08_reporting")


@pytest.fixture(scope="module")
def registry():
    bootstrap_project(ROOT)
    return pipelines


@pytest.fixture(scope="module")
def catalog_conf():
    loader = OmegaConfigLoader(
        conf_source=str(ROOT / "conf"),
        base_env="base",
        default_run_env="local",
        runtime_params={},
    )
    return loader["catalog"]


# Update fitted models instead of refitting: registered, but not in __default__.
INCREMENTAL = ["topics_update", "monthly"]


def test_registered_stage_pipelines_are_known_names(registry):
    names = set(registry.keys()) - {"__default__"}
    assert names <= set(STAGES) | set(INCREMENTAL), names - set(STAGES) - set(INCREMENTAL)
    assert "ingestion" in names
    default_nodes = {n.name for n in registry["__default__"].nodes}
    for name in names - set(INCREMENTAL):
        assert {n.name for n in registry[name].nodes} <= default_nodes
    assert not {n.name for n in registry["topics_update"].nodes} & default_nodes
    assert {n.name for n in registry["monthly"].nodes} == (
        {
            n.name
            for n in registry["ingestion"].nodes
            + registry["cleaning"].nodes
            + registry["topics_update"].nodes
        }
    )


def test_every_node_output_is_in_the_catalog(registry, catalog_conf):
    """No node output is silently left in memory: each is declared, so it can be traced."""
    outputs = set().union(
        *(n.outputs for name in ("__default__", "monthly") for n in registry[name].nodes)
    )
    missing = sorted(o for o in outputs if o not in catalog_conf and not o.startswith("params:"))
    assert not missing, f"outputs not declared in conf/base/catalog*.yml: {missing}"


def test_datasets_people_read_are_versioned(catalog_conf):
    unversioned = [
        name
        for name, entry in catalog_conf.items()
        if isinstance(entry, dict)
        and any(layer in str(entry.get("filepath", "")) for layer in READ_BY_PEOPLE)
        and not entry.get("versioned", False)
    ]
    assert not unversioned, f"should be versioned: {unversioned}"


def test_dataset_names_say_what_they_hold(catalog_conf):
    for name in catalog_conf:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), name
        assert not re.search(r"(^|_)(step|stage)\d", name), name


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh|shell|console)?\n(.*?)```", readme, flags=re.S)
    return [
        line.strip().lstrip("$ ").strip()
        for block in blocks
        for line in block.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def test_readme_quickstart_and_ci_use_the_same_test_command():
    commands = _readme_commands()
    run = next(c for c in commands if "kedro run" in c)
    test = next(c for c in commands if "pytest" in c)
    assert "pip install" in run and "pip install" in test, "each command must set up"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines(), ".ci/run must run the README's test command verbatim"


def test_telemetry_is_off():
    assert yaml.safe_load((ROOT / ".telemetry").read_text()) == {"consent": False}


def test_one_seed_for_everything():
    globals_ = yaml.safe_load((ROOT / "conf/base/globals.yml").read_text())
    assert isinstance(globals_["random_state"], int)
    for path in (ROOT / "conf/base").glob("parameters*.yml"):
        text = path.read_text()
        for match in re.finditer(r"(random_state|seed)\s*:\s*(\S+)", text):
            assert match.group(2).startswith("${globals:random_state}") or match.group(
                2
            ).startswith("${"), f"{path.name}: {match.group(0)} must come from globals.yml"


def test_report_inputs_from_other_stages_load_none_when_absent(registry, catalog_conf):
    """`kedro run --pipelines=reporting` must work after any subset of stages: every input the
    report reads from another stage loads None when that stage never ran, and the section
    says so (instead of a DatasetError and no report at all)."""
    reporting = registry["reporting"]
    produced_elsewhere = set().union(
        *(n.outputs for n in registry["__default__"].nodes if n not in reporting.nodes)
    )
    strict = sorted(
        name
        for name in reporting.inputs()
        if name in produced_elsewhere
        and not str(catalog_conf[name]["type"]).startswith(
            "ambassadeurs_pipeline.datasets.Optional"
        )
    )
    assert not strict, f"report inputs that fail when their stage has not run: {strict}"


# kedro-viz layers, from the data folder convention (01_raw ... 08_reporting).
LAYER_OF_FOLDER = {
    "01_raw": "raw",
    "02_intermediate": "intermediate",
    "03_primary": "primary",
    "04_feature": "feature",
    "05_model_input": "model_input",
    "06_models": "models",
    "07_model_output": "model_output",
    "08_reporting": "reporting",
}
#: Layers whose datasets people open (users, analysts, stakeholders): versioned.
LAYERS_READ_BY_PEOPLE = {"primary", "model_output", "reporting"}


#: Entries whose kedro-viz layer is not their folder's. kedro-viz turns the whole layer view
#: off when layers depend on each other in a cycle, and the folder convention gives cycles here:
#: one stage's model output is the next stage's input (topics -> personas -> campaign).
LAYER_EXCEPTIONS = {
    "comments_ingestion_summary": (
        "raw",
        "written by ingestion next to ingestion_quarantine (01_raw)",
    ),
    "catalog_ingestion_summary": ("raw", "same"),
    "ingestion_report": ("raw", "read back by gaps' calibrate_coverage (the report reads it too)"),
    "embedding_model": ("model_input", "the fitted featuriser that makes comment_embeddings"),
    "new_topic_assignments": ("model_output", "assignments by the saved topic_model"),
    "author_features": ("model_output", "built from comment_topics and topic_info (model outputs)"),
    "excluded_authors": ("model_output", "same node as author_features"),
    "campaign_units": ("model_output", "joined with author_personas (a model output)"),
    "campaign_preparation": ("model_output", "same node as campaign_units"),
    "coverage_calibration": ("model_output", "read back by match_coverage and write_gap_evidence"),
}
LAYER_ORDER = list(LAYER_OF_FOLDER.values())


def _layer(entry: dict) -> str | None:
    return ((entry.get("metadata") or {}).get("kedro-viz") or {}).get("layer")


def _folder(entry: dict) -> str | None:
    match = re.search(r"data/(0\d_[a-z_]+)/", str(entry.get("filepath", "")) + "/")
    return match.group(1) if match else None


def test_every_catalog_entry_has_a_kedro_viz_layer_matching_its_folder(catalog_conf):
    entries = {n: e for n, e in catalog_conf.items() if isinstance(e, dict) and "type" in e}
    missing = sorted(n for n, e in entries.items() if _layer(e) is None)
    assert not missing, (
        "catalog entries without `metadata: kedro-viz: layer:` (one of "
        f"{', '.join(LAYER_OF_FOLDER.values())}, after their data/ folder): {missing}"
    )
    unknown = sorted(
        f"{n}: {_layer(e)}" for n, e in entries.items() if _layer(e) not in LAYER_OF_FOLDER.values()
    )
    assert not unknown, f"unknown kedro-viz layers: {unknown}"
    mismatched = sorted(
        f"{n}: layer {_layer(e)!r} but file in data/{_folder(e)}/ (layer {LAYER_OF_FOLDER[_folder(e)]!r})"
        for n, e in entries.items()
        if _folder(e)
        and LAYER_OF_FOLDER[_folder(e)] != _layer(e)
        and LAYER_EXCEPTIONS.get(n, (None,))[0] != _layer(e)
    )
    assert not mismatched, mismatched
    stale = sorted(set(LAYER_EXCEPTIONS) - set(entries))
    assert not stale, f"LAYER_EXCEPTIONS names entries no longer in the catalog: {stale}"


def test_kedro_viz_layers_are_acyclic(registry, catalog_conf):
    """kedro-viz disables the layer view when layers depend on each other in a cycle: every
    node must read from layers at or before the layers it writes (in data-folder order)."""

    def layer(name: str) -> str | None:
        entry = catalog_conf.get(name)
        return _layer(entry) if isinstance(entry, dict) else None

    backwards = []
    for node in {n.name: n for name in registry for n in registry[name].nodes}.values():
        ins = [(i, layer(i)) for i in node.inputs if layer(i)]
        outs = [(o, layer(o)) for o in node.outputs if layer(o)]
        for i, li in ins:
            for o, lo in outs:
                if LAYER_ORDER.index(li) > LAYER_ORDER.index(lo):
                    backwards.append(f"{node.name}: {i} ({li}) -> {o} ({lo})")
    assert not backwards, (
        "layers going backwards (kedro-viz would hide every layer):\n"
        + "\n".join(sorted(backwards))
    )


def test_datasets_in_layers_people_read_are_versioned(catalog_conf):
    unversioned = sorted(
        n
        for n, e in catalog_conf.items()
        if isinstance(e, dict)
        and _layer(e) in LAYERS_READ_BY_PEOPLE
        and e.get("filepath")
        and not e.get("versioned", False)
        and n not in LAYER_EXCEPTIONS
    )
    assert not unversioned, f"layer read by people but not versioned: {unversioned}"


def test_report_links_the_topic_explorer_of_its_own_run(catalog_conf):
    """The report's relative link, from its versioned file, lands on the explorer's versioned
    file of the same version stamp (the two catalog paths and the parameter agree)."""
    from ambassadeurs_pipeline.pipelines.reporting.params import ReportingParams

    version = "2026-01-02T03.04.05.678Z"
    report = PurePosixPath(catalog_conf["report_html"]["filepath"])
    explorer = PurePosixPath(catalog_conf["topic_explorer_html"]["filepath"])
    assert catalog_conf["topic_explorer_html"].get("versioned") and catalog_conf[
        "topic_explorer_summary"
    ].get("versioned")
    report_dir = report / version
    href = ReportingParams().topic_explorer_href.format(version=version)
    target = PurePosixPath(os.path.normpath(str(report_dir / href)))
    assert target == explorer / version / explorer.name, (href, target)


#: Absolute paths of one machine (a home, root's home, this workspace) never belong in code,
#: defaults or configuration. Docs may show them as examples.
MACHINE_PATH = re.compile(r"(?<![\w.~$])/(?:work|root|home)/[\w.-]+")
SCANNED = (
    "src",
    "evaluation",
    "conf",
    "benchmarks",
    "tests",
    "notebooks",
    "requirements",
    ".ci",
    "pyproject.toml",
)


def test_no_machine_specific_absolute_paths_in_committed_code():
    tracked = subprocess.run(
        ["git", "ls-files", *SCANNED], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    offenders = []
    for name in tracked:
        path = ROOT / name
        if (
            path.suffix in {".parquet", ".png", ".pkl", ".npz", ".safetensors"}
            or not path.is_file()
        ):
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        for number, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATH.search(line) and "machine-path: example" not in line:
                offenders.append(f"{name}:{number}: {line.strip()[:120]}")
    assert not offenders, (
        "machine-specific absolute paths (use an env var, a parameter or a temp dir):\n"
        + "\n".join(offenders)
    )
