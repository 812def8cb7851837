"""The uplift pipeline run sliced with SequentialRunner on simulated campaigns."""

import json

import pandas as pd
import pytest
from kedro.io import DataCatalog, MemoryDataset
from kedro.runner import SequentialRunner

from ambassadeurs_pipeline.pipelines.ingestion.nodes import InputContractError
from ambassadeurs_pipeline.pipelines.uplift.params import UpliftParams
from ambassadeurs_pipeline.pipelines.uplift.pipeline import create_pipeline
from ambassadeurs_pipeline.privacy.pseudonyms import pseudonymise_series
from evaluation.uplift_simulation import simulate_campaign

SALT = "test-salt-for-uplift-pipeline-0123"


class KeptDataset(MemoryDataset):
    """MemoryDataset that the runner does not release, so the test can read every output."""

    def _release(self) -> None:
        pass


def run_uplift(export, personas=None, **overrides):
    # Kedro validates params:uplift into UpliftParams in a session; here we do it.
    params = UpliftParams.model_validate({"n_bootstrap": 60, "n_folds": 3, **overrides})
    catalog = DataCatalog(
        {
            "campaign_export": MemoryDataset(export),
            "author_personas": MemoryDataset(personas),
            "pseudonymisation_salt": MemoryDataset(SALT),
            "params:uplift": MemoryDataset(params),
            "params:campaign_path": MemoryDataset("/data/campagne.csv"),
            "params:comments_path": MemoryDataset("/data/commentaires.csv"),
            "params:random_state": MemoryDataset(42),
        }
    )
    pipeline = create_pipeline()
    for name in pipeline.all_outputs():
        catalog[name] = KeptDataset()
    SequentialRunner().run(pipeline, catalog)
    return catalog


def _as_export(frame):
    return frame.astype(str).astype("string")


@pytest.fixture(scope="module")
def simulated():
    return simulate_campaign(4000, heterogeneity=1.0, seed=11)


@pytest.fixture(scope="module")
def with_personas(simulated):
    # personas joined on the pseudonymised handle, as the personas stage writes them
    personas = pd.DataFrame(
        {
            "author_id": pseudonymise_series(simulated.frame["author"], SALT),
            "persona_id": simulated.frame["segment"].astype("category").cat.codes,
            "persona_name": simulated.frame["segment"],
            "confidence": 0.9,
        }
    )
    return run_uplift(_as_export(simulated.frame), personas, covariates="engagement;anciennete")


def test_true_effects_inside_cis_and_verdict(with_personas, simulated):
    results = with_personas["uplift_results"].load()
    effects = {(e["treatment"], e["reference"]): e for e in results["effects"]}
    for arm, truth in simulated.ate.items():
        e = effects[(arm, "controle")]
        assert e["difference_low"] <= truth <= e["difference_high"], (arm, truth, e)
    assert results["preparation"]["segment_source"] == "personas"
    assert results["preparation"]["persona_join_rate"] == 1.0
    persona = next(
        m for m in results["targeting"]["models"] if m["model"] == "message_persona vs controle"
    )
    assert persona["beats_random"]
    verdict = with_personas["uplift_verdict"].load()
    assert "« message_persona » augmente la conversion" in verdict
    assert "Curieux" in verdict  # the segment where the persona message harms
    # segment estimates have the right sign where the true effect is large
    seg = {(c["treatment"], c["segment"]): c for c in results["segments"]["effects"]}
    assert seg[("message_persona", "Aidant")]["difference"] > 0
    assert seg[("message_persona", "Curieux")]["difference"] < 0
    json.dumps(results)  # JSON-serialisable


def test_raw_unit_ids_never_leave_the_first_node(with_personas, simulated):
    units = with_personas["campaign_units"].load()
    assert units["unit_id"].str.startswith("au_").all()
    raw = set(simulated.frame["author"])
    assert not raw & set(units["unit_id"])
    dumped = (
        json.dumps(with_personas["uplift_results"].load()) + with_personas["uplift_verdict"].load()
    )
    assert "membre_000" not in dumped


def test_no_persona_no_segment_column(simulated):
    # a plain A/B export: no persona, no segment column → effects and targeting still run
    export = _as_export(simulated.frame.drop(columns=["segment"]))
    catalog = run_uplift(export, personas=None)
    results = catalog["uplift_results"].load()
    assert results["segments"]["source"] is None
    assert "non évalués" in catalog["uplift_verdict"].load()
    assert len(results["effects"]) == 3
    assert catalog["uplift_segments_figure"].load() is not None


def test_personas_that_do_not_join_fall_back_to_segment_column(simulated):
    strangers = pd.DataFrame(
        {
            "author_id": ["au_0000000000000000"],
            "persona_id": [0],
            "persona_name": ["X"],
            "confidence": [1.0],
        }
    )
    catalog = run_uplift(_as_export(simulated.frame), strangers, columns={"segment": "segment"})
    prep = catalog["uplift_results"].load()["preparation"]
    assert prep["persona_join_rate"] == 0.0 and prep["segment_source"] == "colonne segment"
    assert "0%" in prep["segment_note"]


def test_no_campaign():
    catalog = run_uplift(None)
    results = catalog["uplift_results"].load()
    assert results["provided"] is False
    assert "Aucune campagne fournie" in catalog["uplift_verdict"].load()
    assert catalog["uplift_qini_figure"].load() is not None


def test_outcome_errors_name_file_column_rule():
    export = pd.DataFrame(
        {"author": ["a", "b", "c"], "arm": ["controle", "x", "x"], "converted": ["1", pd.NA, "0"]},
        dtype="string",
    )
    with pytest.raises(InputContractError, match=r"campagne.csv.*'converted'.*missing"):
        run_uplift(export)
    export["converted"] = ["1", "peut-être", "0"]
    with pytest.raises(InputContractError, match="binary .0/1. or numeric"):
        run_uplift(export)
    with pytest.raises(InputContractError, match="control arm 'temoin'"):
        run_uplift(export, control_arm="temoin")


def test_ci_crossing_zero_says_not_demonstrated():
    effects = {"controle": {"A": 0.0}, "message_persona": {"A": 0.01}}
    sim = simulate_campaign(600, base_rates={"A": 0.1}, effects=effects, seed=5)
    catalog = run_uplift(_as_export(sim.frame))
    verdict = catalog["uplift_verdict"].load()
    row = catalog["uplift_results"].load()["effects"][0]
    assert row["difference_low"] < 0 < row["difference_high"]
    assert "n'est pas démontré" in verdict and "il faudrait environ" in verdict
