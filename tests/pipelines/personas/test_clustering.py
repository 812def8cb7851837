import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from ambassadeurs_pipeline.pipelines.personas.candidates import component_scores
from ambassadeurs_pipeline.pipelines.personas.clustering import _match, choose_k, clustering_matrix
from ambassadeurs_pipeline.pipelines.personas.params import ClusteringParams, PersonasParams


def _features(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    return pd.DataFrame(
        {
            "motivation_altruisme": rng.random(n),
            "motivation_besoin_de_reconnaissance": rng.random(n),
            "motivation_sentiment_d_appartenance": rng.random(n),
            "motivation_experience_negative_en_prevention": rng.random(n),
            "role": rng.choice(["patient", "aidant", "inconnu"], n),
            "n_comments": rng.integers(1, 50, n),
            "active_days": rng.integers(1, 20, n),
            "regularity": rng.random(n),
            "answers_to_questions": rng.integers(0, 5, n),
            "in_degree": rng.integers(0, 5, n),
            "replies_received": rng.integers(0, 9, n),
            "betweenness": rng.random(n),
        }
    )


def test_each_group_counts_by_its_weight_not_its_size():
    x, names = clustering_matrix(
        _features(200), {"motivation": 3.0, "role": 1.0, "engagement": 0.0, "influence": 0.5}
    )
    assert "log_comments" not in names  # weight 0 drops the group
    block = {n: x[:, i] for i, n in enumerate(names)}
    motivation_var = sum(block[n].var() for n in names if n.startswith("share_"))
    influence_var = sum(
        block[n].var() for n in ("log_in_degree", "log_replies_received", "betweenness_pct")
    )
    assert motivation_var == pytest.approx(9.0, rel=1e-6)  # weight² whatever the group size
    assert influence_var == pytest.approx(0.25, rel=1e-6)


def test_choose_k_finds_three_separated_blobs():
    rng = np.random.default_rng(1)
    x = np.vstack([rng.normal(c, 0.1, size=(30, 2)) for c in ([0, 0], [5, 0], [0, 5])])
    k, scores = choose_k(x, ClusteringParams(k_min=2, k_max=6, n_bootstrap=2), seed=0)
    assert k == 3 and scores[3] > 0.9


def test_match_relabels_permuted_clusters():
    ref = np.array([0, 0, 1, 1, 2, 2])
    assert _match(ref, np.array([2, 2, 0, 0, 1, 1]), 3).tolist() == ref.tolist()


def test_params_fail_on_bad_keys_and_ranges():
    with pytest.raises(ValidationError, match="min_coments"):
        PersonasParams.model_validate({"clustering": {"min_coments": 3}})
    with pytest.raises(ValidationError, match="k_max"):
        PersonasParams.model_validate({"clustering": {"k_min": 5, "k_max": 3}})


def test_components_are_log_scaled_and_explainable():
    f = pd.DataFrame(
        {
            "answers_to_questions": [0, 5, 10],
            "answer_share": [0.0, 0.5, 1.0],
            "thanks_received": [0, 1, 2],
            "mean_likes_on_answers": [0, 1, 2],
            "n_comments": [1, 2, 3],
            "active_days": [1, 2, 3],
            "regularity": [0.1, 0.2, 0.3],
            "in_degree": [0, 1, 2],
            "pagerank": [0.1, 0.2, 0.7],
            "betweenness": [0, 0.1, 0.2],
            "share_positive": [0.0, 0.5, 1.0],
            "share_negative": [1.0, 0.5, 0.0],
        }
    )
    comp = component_scores(f)
    # the top member on every count; regularity (a share) stays as is: (1 + 1 + 0.3) / 3
    assert comp.iloc[2].tolist() == pytest.approx([1.0, 2.3 / 3, 1.0, 1.0], abs=1e-3)
    # tone = (1 + positive - negative) / 2; counts on a log scale relative to the maximum
    assert comp["tone"].tolist() == pytest.approx([0.0, 0.5, 1.0])
    assert comp.loc[1, "credibility"] == pytest.approx(
        (np.log1p(5) / np.log1p(10) + 0.5 + np.log1p(1) / np.log1p(2) + np.log1p(1) / np.log1p(2))
        / 4,
        abs=1e-3,
    )


def test_structureless_authors_are_reported_unstable():
    from ambassadeurs_pipeline.pipelines.personas.clustering import cluster_personas

    feats = _features(150).assign(
        author_id=[f"au_{i:03d}" for i in range(150)], motivation="altruisme"
    )
    feats["n_comments"] = feats["n_comments"].clip(lower=3)
    params = PersonasParams.model_validate(
        {"clustering": {"k_min": 3, "k_max": 4, "n_bootstrap": 4, "stability_threshold": 0.99}}
    )
    excluded = pd.DataFrame({"author_id": ["au_bot"], "reason": ["exclu : robot"]})
    personas, quality = cluster_personas(feats, excluded, params, random_state=0)
    assert quality["stable"] is False and "instables" in quality["message"]
    assert (
        len(personas) == 151
        and quality["authors_clustered"] + quality["authors_unclassified"] == 151
    )


def test_possible_ekol_only_for_professionals_with_top_reach():
    from ambassadeurs_pipeline.pipelines.personas.candidates import rank_ambassador_candidates

    n = 20
    f = pd.DataFrame(
        {
            "author_id": [f"au_{i:02d}" for i in range(n)],
            "n_comments": 10,
            "active_days": 5,
            "regularity": 0.5,
            "answers_to_questions": 2,
            "answer_share": 0.2,
            "thanks_received": 1,
            "mean_likes_on_answers": 1.0,
            "in_degree": range(n),
            "pagerank": np.linspace(0.01, 0.1, n),
            "betweenness": 0.0,
            "share_positive": 0.5,
            "share_negative": 0.1,
            "motivation": "altruisme",
            "role": ["professionnel_de_sante" if i in (0, n - 1) else "patient" for i in range(n)],
        }
    )
    personas = pd.DataFrame({"author_id": f["author_id"], "persona_id": "P1", "persona_name": "x"})
    ranked = rank_ambassador_candidates(f, personas, PersonasParams())
    flagged = set(ranked.loc[ranked["possible_ekol"], "author_id"])
    assert flagged == {f"au_{n - 1:02d}"}  # the low-reach professional is not flagged
    assert ranked.iloc[0]["author_id"] == f"au_{n - 1:02d}" and "e-KOL" in ranked.iloc[0]["reasons"]
