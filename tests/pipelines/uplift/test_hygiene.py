"""Label hygiene, outcome parsing and safe covariates (issue 15), on small hand-made exports."""

import numpy as np
import pandas as pd
import pytest

from ambassadeurs_pipeline.pipelines.ingestion.nodes import InputContractError
from ambassadeurs_pipeline.pipelines.uplift.hygiene import (
    clean_labels,
    find_label,
    match_allocation,
    outcome_association,
    outcome_family,
    screen_covariates,
)
from ambassadeurs_pipeline.pipelines.uplift.nodes import prepare_campaign_units
from ambassadeurs_pipeline.pipelines.uplift.params import UpliftParams
from ambassadeurs_pipeline.pipelines.uplift.verdict import write_verdict

from .test_pipeline import run_uplift


def _prepare(export, **overrides):
    params = UpliftParams.model_validate({"n_bootstrap": 20, "n_folds": 2, **overrides})
    return prepare_campaign_units(
        export.astype(str).astype("string"),
        None,
        "salt-salt-salt-salt",
        params,
        "/data/campagne.csv",
        "/data/commentaires.csv",
    )


def test_labels_are_stripped_and_case_variants_merged_into_the_commonest_spelling():
    labels = clean_labels(
        pd.Series([" Control", "Control", "control ", "Bras A", " bras a", "Bras A"])
    )
    assert labels.tolist() == ["Control", "Control", "Control", "Bras A", "Bras A", "Bras A"]
    assert find_label("control", ["Bras A", "Control"]) == "Control"
    assert find_label("CONTRÔLE", ["controle", "x"]) == "controle"
    assert find_label("absent", ["controle"]) is None
    assert match_allocation({"control": 0.56, "bras a": 0.44}, ["Bras A", "Control"]) == {
        "Control": 0.56,
        "Bras A": 0.44,
    }


@pytest.mark.parametrize(
    ("column", "outcome", "refused"),
    [
        ("conversion", "visit", True),
        ("spend", "visit", True),
        ("montant_achat", "converti", True),
        ("converted_later", "converted", True),
        ("visites_avant", "converti", False),
        ("history", "visit", False),
        ("recency", "visit", False),
        ("nb_commentaires_avant", "converted", False),
        ("anciennete_jours", "converted", False),
    ],
)
def test_outcome_family_by_name(column, outcome, refused):
    assert outcome_family(column, outcome) is refused


def test_association_inside_the_control_arm():
    rng = np.random.default_rng(0)
    y = pd.Series((rng.random(200) < 0.3).astype(float))
    control = pd.Series(np.r_[np.ones(100, bool), np.zeros(100, bool)])
    spend = pd.Series(y * rng.gamma(2.0, 30.0, 200))  # non-zero only for converters
    noise = pd.Series(rng.normal(size=200))
    copy = pd.Series(y + rng.normal(0, 0.1, 200))
    assert "seulement quand l'issue est positive" in outcome_association(spend, y, control)
    assert "corrélation" in outcome_association(copy, y, control)
    assert outcome_association(noise, y, control) is None
    kept, refused = screen_covariates(
        pd.DataFrame({"montant": spend, "age": noise}),
        y,
        pd.Series(np.where(control, "c", "t")),
        "c",
        "y",
    )
    assert kept == ["age"] and list(refused) == ["montant"]


def test_padded_arm_labels_match_the_control_arm_typed_without_padding():
    export = pd.DataFrame(
        {
            "author": [f"u{i}" for i in range(40)],
            "arm": [" Control", "Message"] * 20,
            "converted": ["oui", "non", "Oui", "NON"] * 10,
        }
    )
    units, prep = _prepare(export, control_arm="control", focus_arm="message")
    assert prep["control_arm"] == "Control" and prep["focus_arm"] == "Message"
    assert sorted(prep["arms"]) == ["Control", "Message"] and prep["outcome_type"] == "binaire"
    assert units["outcome"].tolist()[:4] == [1.0, 0.0, 1.0, 0.0]


@pytest.mark.parametrize("pos,neg", [("yes", "no"), ("true", "false"), ("1", "0"), ("oui", "non")])
def test_binary_outcome_words(pos, neg):
    export = pd.DataFrame(
        {
            "author": [f"u{i}" for i in range(8)],
            "arm": ["controle", "a"] * 4,
            "converted": [pos, neg] * 4,
        }
    )
    _, prep = _prepare(export)
    assert prep["outcome_type"] == "binaire"


def test_missing_control_names_the_arms_and_missing_unit_says_how_to_declare_none():
    export = pd.DataFrame({"author": ["a", "b"], "arm": ["x", "y"], "converted": ["1", "0"]})
    with pytest.raises(
        InputContractError, match=r"control arm 'controle' not found.*arms found: \['x', 'y'\]"
    ):
        _prepare(export)
    with pytest.raises(InputContractError, match=r"'author'.*uplift\.columns\.unit=null"):
        _prepare(export.drop(columns="author"))


def test_single_arm_is_skipped_with_a_french_reason():
    export = pd.DataFrame(
        {"author": ["a", "b", "c"], "arm": ["controle"] * 3, "converted": ["1", "0", "0"]}
    )
    catalog = run_uplift(export.astype("string"))
    status = catalog["uplift_status"].load()
    assert status["status"] == "skipped"
    assert "une seule modalité de bras" in status["reason_fr"]
    assert "une seule modalité de bras" in catalog["uplift_verdict"].load()
    assert list(catalog["uplift_arm_effects"].load().columns)[:2] == ["treatment", "reference"]


def test_post_treatment_columns_are_never_covariates_and_the_verdict_says_so():
    rng = np.random.default_rng(3)
    n = 600
    arm = rng.choice(["No E-Mail", "Womens E-Mail"], n)
    visit = (rng.random(n) < np.where(arm == "Womens E-Mail", 0.2, 0.1)).astype(int)
    conversion = visit * (rng.random(n) < 0.3)
    export = pd.DataFrame(
        {
            "segment": arm,
            "visit": visit,
            "recency": rng.integers(1, 12, n),
            "conversion": conversion.astype(int),
            "spend": np.round(conversion * rng.gamma(2, 50, n), 2),
        }
    )
    catalog = run_uplift(
        export.astype(str).astype("string"),
        columns={"unit": None, "arm": "segment", "outcome": "visit"},
        control_arm="no e-mail",
    )
    results = catalog["uplift_results"].load()
    assert set(results["preparation"]["refused_covariates"]) == {"conversion", "spend"}
    assert results["preparation"]["covariates"] == ["recency"]
    assert "Colonnes écartées des covariables" in catalog["uplift_verdict"].load()
    assert catalog["uplift_status"].load()["status"] == "partial"


def test_unequal_arms_without_a_plan_are_reported_not_called_broken():
    rng = np.random.default_rng(5)
    n = 4000
    arm = np.where(rng.random(n) < 0.56, "Control", rng.choice(["a", "b", "c", "d"], n))
    export = pd.DataFrame(
        {
            "author": [f"u{i}" for i in range(n)],
            "arm": np.char.add(" ", arm.astype(str)),
            "converted": (rng.random(n) < 0.1).astype(int),
        }
    )
    catalog = run_uplift(export.astype(str).astype("string"), control_arm="Control")
    verdict = catalog["uplift_verdict"].load()
    srm = catalog["uplift_results"].load()["design"]["sample_ratio_mismatch"]
    assert srm["assumed_equal"] and srm["differs_from_assumed"] and not srm["mismatch"]
    assert "peuvent être biaisés" not in verdict and "aucun plan fourni" in verdict
    assert (
        f"« Control » {100 * (arm == 'Control').mean():.0f} %" in verdict
    )  # the observed share is shown
    # With the plan declared, the same arms are fine, and a wrong plan is called out.
    planned = run_uplift(
        export.astype(str).astype("string"),
        control_arm="Control",
        planned_allocation={"control": 0.56, "a": 0.11, "b": 0.11, "c": 0.11, "d": 0.11},
    )
    assert not planned["uplift_results"].load()["design"]["sample_ratio_mismatch"]["mismatch"]
    wrong = run_uplift(
        export.astype(str).astype("string"),
        control_arm="Control",
        planned_allocation={"control": 0.2, "a": 0.2, "b": 0.2, "c": 0.2, "d": 0.2},
    )
    assert "peuvent être biaisés" in wrong["uplift_verdict"].load()


def test_verdict_for_no_campaign_keeps_its_sentence():
    assert "Aucune campagne fournie" in write_verdict(
        {"provided": False, "reason": "aucune campagne fournie"}
    )
