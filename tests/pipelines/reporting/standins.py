"""Hand-made stand-ins for every stage output the report reads, shaped like the contract.

They carry hostile content on purpose: markup in community text, personal data that slipped
through, a handle where only pseudonyms belong. Tests assert none of it survives rendering.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src=x onerror="alert(1)">'
LEAKED_EMAIL = "marie.dupont@example.fr"
LEAKED_PHONE = "06 12 34 56 78"
LEAKED_NIR = "2 84 05 75 123 456 78"
HANDLE = "MarieDu75_forum"
PSEUDONYMS = [f"au_{i:016x}" for i in range(1, 7)]


def ingestion_report() -> dict[str, Any]:
    return {
        "comments": {
            "path": "data/01_raw/comments.csv",
            "rows_in": 1250,
            "rows_kept": 1240,
            "rows_quarantined": 10,
            "quarantine_reasons": {"created_at: date illisible": 7, "id: identifiant manquant": 3},
            "period": {"start": "2024-01-03 08:00:00", "end": "2024-12-28 22:10:00"},
            "sources": {"forum": 800, "facebook": 340, "instagram": 100},
        },
        "content_catalog": {"provided": True, "rows_in": 42, "rows_kept": 40, "rows_quarantined": 2},
    }


def cleaning_report() -> dict[str, Any]:
    return {
        "rows_in": 1240,
        "rows_kept": 1105,
        "rows_flagged": 135,
        "reasons": {"doublon": 80, "spam": 40, "texte vide": 15},
        "languages": {"fr": 1180, "en": 45, "ar": 15},
        "pii": {"emails_masked": 12, "phones_masked": 9, "nir_masked": 1, "precision": 0.97, "recall": 0.93},
    }


LABELS = [
    "Effets secondaires du traitement",
    f"Remboursement {SCRIPT}",
    "Rendez-vous et délais",
    "Alimentation et régime",
    "Fatigue au quotidien",
    "Témoignages d'aidants",
]


def topic_info() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "topic_id": [-1, 0, 1, 2, 3, 4, 5],
            "topic_label": ["Hors sujet", *LABELS],
            "count": [90, 320, 210, 180, 120, 95, 60],
        }
    )


def topics_over_time() -> pd.DataFrame:
    periods = pd.date_range("2024-01-01", periods=12, freq="MS")
    rows = []
    for tid in range(6):
        for i, p in enumerate(periods):
            rows.append({"topic_id": tid, "period": p, "count": 10 + (3 * i if tid == 1 else 0) + tid})
    return pd.DataFrame(rows)


def topic_trends() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "topic_id": [0, 1, 2, 3, 4, 5],
            "relative_change": [0.05, 1.8, -0.2, 0.4, 0.0, 0.1],
            "q_value": [0.6, 0.001, 0.3, 0.02, 0.9, 0.5],
            "is_significant": [False, True, False, True, False, False],
            "is_rising": [True, True, False, True, False, True],
        }
    )


def topic_sentiment() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    shares = rng.dirichlet([2, 3, 2], size=6)
    return pd.DataFrame(
        {"topic_id": range(6), "share_negatif": shares[:, 0], "share_neutre": shares[:, 1], "share_positif": shares[:, 2]}
    )


def bad_buzz_alerts() -> pd.DataFrame:
    return pd.DataFrame(
        {"topic_id": [1], "period": [pd.Timestamp("2024-11-01")], "negative_share": [0.72], "n_comments": [64], "severity": [3.4]}
    )


def topic_quality() -> dict[str, Any]:
    return {"embedding_backend": "tfidf-svd (384 dim)", "coherence_npmi": 0.081, "diversity": 0.87,
            "stability_ari": 0.74, "outlier_share": 0.07}


def faq() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": [1, 2, 3],
            "question": [f"Est-ce remboursé ? {IMG}", "Combien de temps dure le traitement ?", "Peut-on manger du pamplemousse ?"],
            "n_asked": [41, 30, 12],
        }
    )


def information_gaps() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": [1, 2],
            "question": ["Peut-on manger du pamplemousse pendant le traitement ?", f"Comment obtenir un rendez-vous rapide ? {SCRIPT}"],
            "n_asked": [12, 9],
            "coverage": [0.12, 0.31],
            "best_item_title": ["Bien manger pendant le traitement", "Nos centres"],
            "evidence": [
                ["Le pamplemousse c'est interdit ?", f"Écrivez-moi à {LEAKED_EMAIL} ou au {LEAKED_PHONE}"],
                [f"Mon numéro de sécu {LEAKED_NIR} est refusé", "Trois mois d'attente…"],
            ],
            "content_brief": ["Fiche courte : interactions alimentaires, avec un pharmacien.", "Page : délais et recours."],
        }
    )


def coverage_calibration() -> dict[str, Any]:
    return {"threshold": 0.45, "precision": 0.81, "recall": 0.77, "n_labelled": 60}


def persona_cards() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "persona_id": [0, 1, 2],
            "persona_name": ["Aidante engagée", "Patient expert", f"Nouveau venu {IMG}"],
            "n_authors": [120, 45, 300],
            "description": ["Répond souvent, partage des conseils pratiques.", "Cite des sources, très suivi.", "Pose des questions."],
            "traits": [["réponses", "empathie"], ["sources", "likes"], ["questions"]],
        }
    )


def persona_quality() -> dict[str, Any]:
    return {"silhouette": 0.31, "stability_ari": 0.68}


def ambassador_candidates() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "author_id": [*PSEUDONYMS[:4], HANDLE],
            "author": [HANDLE, "x", "y", "z", HANDLE],  # a stray handle column: must never be shown
            "persona_name": ["Patient expert", "Aidante engagée", "Patient expert", "Aidante engagée", "Patient expert"],
            "ambassador_score": [0.92, 0.88, 0.81, 0.75, 0.7],
            "reasons": ["réponses utiles, ton positif", "très suivi", "sources citées", "régulier", "actif"],
        }
    )


def uplift_results() -> dict[str, Any]:
    effect = {"treatment": "message_ambassadeur", "reference": "controle", "vs_control": True, "n_treatment": 900,
              "n_reference": 880, "rate_treatment": 0.14, "rate_reference": 0.10, "difference": 0.04,
              "difference_low": 0.012, "difference_high": 0.068, "relative_uplift": 0.4,
              "relative_uplift_low": 0.1, "relative_uplift_high": 0.8, "p_value": 0.004, "p_value_holm": 0.008}
    segments = [
        {"treatment": "message_ambassadeur", "segment": name, "n_treatment": 300, "n_reference": 290,
         "difference": d, "difference_low": d - 0.05, "difference_high": d + 0.05, "estimable": True, "harm": "non"}
        for name, d in [("Aidante engagée", 0.07), ("Patient expert", 0.03), (f"Nouveau venu {SCRIPT}", -0.01)]
    ]
    return {
        "provided": True,
        "reason": None,
        "parameters": {"alpha": 0.05},
        "preparation": {"focus_arm": "message_ambassadeur", "outcome_type": "binaire", "n_units": 1780},
        "effects": [effect],
        "segments": {"source": "personas", "note": "", "effects": segments, "heterogeneity": []},
        "targeting": {"models": [{"model": "message_ambassadeur_vs_controle", "treatment": "message_ambassadeur",
                                  "reference": "controle", "qini_coefficient": 0.021, "qini_low": 0.004,
                                  "qini_high": 0.038, "beats_random": True}], "metrics": []},
        "power": [{"treatment": "message_ambassadeur", "n_treatment": 900, "n_control": 880, "baseline": 0.1,
                   "mde_absolute": 0.041, "mde_relative": 0.41, "target_relative_uplift": 0.2,
                   "n_per_arm_needed": 3800, "sample_sufficient": False}],
    }


def uplift_verdict() -> str:
    return (
        "# Verdict de la campagne\n\n"
        "- « message_ambassadeur » augmente la conversion de 4,0 points par rapport à « controle ».\n"
        f"- **Attention** : effet négatif possible chez {SCRIPT}.\n"
    )


def uplift_qini_curves() -> pd.DataFrame:
    grid = np.linspace(0, 1, 21)
    return pd.DataFrame(
        {"model": "message_ambassadeur_vs_controle", "fraction_targeted": grid,
         "qini_model": 36 * np.sqrt(grid), "qini_random": 36 * grid}
    )


def run_metadata() -> dict[str, Any]:
    return {
        "packages": {"kedro": "1.7.0", "pandas": "3.1.1"},
        "parameters": {"reporting": {"language": "fr"}, "random_state": 42},
        "input_hashes": {"comments": "comments.csv — " + "ab12" * 16, "campaign": None},
        "dataset_versions": {"data/07_model_output/comment_topics.parquet": "2025-01-02T03.04.05.678Z"},
    }


def all_inputs() -> dict[str, Any]:
    """Every stage output, by its catalog name (``build_report``'s keyword arguments)."""
    return {
        "ingestion_report": ingestion_report(),
        "cleaning_report": cleaning_report(),
        "topic_info": topic_info(),
        "topic_trends": topic_trends(),
        "topics_over_time": topics_over_time(),
        "topic_sentiment": topic_sentiment(),
        "bad_buzz_alerts": bad_buzz_alerts(),
        "topic_quality": topic_quality(),
        "faq": faq(),
        "information_gaps": information_gaps(),
        "coverage_calibration": coverage_calibration(),
        "persona_cards": persona_cards(),
        "ambassador_candidates": ambassador_candidates(),
        "persona_quality": persona_quality(),
        "uplift_results": uplift_results(),
        "uplift_verdict": uplift_verdict(),
        "uplift_qini_curves": uplift_qini_curves(),
    }
