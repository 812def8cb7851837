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
        "content_catalog": {
            "provided": True,
            "rows_in": 42,
            "rows_kept": 40,
            "rows_quarantined": 2,
        },
    }


def cleaning_report() -> dict[str, Any]:
    return {
        "rows_in": 1240,
        "rows_kept": 1225,
        "rows_quarantined": 15,
        "quarantine_reasons": {"texte vide": 15},
        "in_model": 1105,
        "excluded_from_model": 120,
        "exclusion_reasons": {"doublon": 80, "spam": 40},
        "languages": {"fr": 1180, "en": 45, "ar": 15},
        "pii": {
            "detector": "motifs+ner",
            "replaced_per_type": {"EMAIL": 12, "TEL": 9, "NIR": 1},
            "comments_with_pii": 20,
            "salt_fingerprint": "deadbeef",
        },
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
            "size": [90, 320, 210, 180, 120, 95, 60],
        }
    )


def topics_over_time() -> pd.DataFrame:
    periods = pd.date_range("2024-01-01", periods=12, freq="MS")
    rows = []
    for tid in range(6):
        for i, p in enumerate(periods):
            rows.append(
                {
                    "month": p,
                    "topic_id": tid,
                    "topic_label": LABELS[tid],
                    "count": 10 + (3 * i if tid == 1 else 0) + tid,
                }
            )
    return pd.DataFrame(rows)


def topic_trends() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "topic_id": [0, 1, 2, 3, 4, 5],
            "topic_label": LABELS,
            "growth": [0.05, 1.8, -0.2, 0.4, 0.0, 0.1],
            "p_value_adjusted": [0.6, 0.001, 0.3, 0.02, 0.9, 0.5],
            "significant": [False, True, False, True, False, False],
            "direction": ["stable", "hausse", "stable", "hausse", "stable", "stable"],
        }
    )


def topic_sentiment() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    shares = rng.dirichlet([2, 3, 2], size=6)
    overall = pd.DataFrame(
        {
            "topic_id": range(6),
            "month": pd.NaT,
            "share_negatif": shares[:, 0],
            "share_neutre": shares[:, 1],
            "share_positif": shares[:, 2],
        }
    )
    monthly = overall.assign(
        month=pd.Timestamp("2024-05-01"), share_negatif=1.0, share_neutre=0.0, share_positif=0.0
    )
    return pd.concat([overall, monthly], ignore_index=True)


def bad_buzz_alerts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "topic_id": [1],
            "topic_label": [LABELS[1]],
            "month": [pd.Timestamp("2024-11-01")],
            "n_comments": [64],
            "n_negative": [46],
            "baseline_negative": [13.5],
            "ratio": [3.4],
            "p_value": [0.0001],
            "statement": ["Bad buzz"],
        }
    )


def topic_quality() -> dict[str, Any]:
    return {
        "n_comments": 1105,
        "n_topics": 6,
        "outlier_share": 0.07,
        "npmi_coherence": 0.081,
        "topic_diversity": 0.87,
        "stability": {"ari_mean": 0.74, "ari_min": 0.61},
    }


def faq() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": [1, 2, 3],
            "label": [
                f"Est-ce remboursé ? {IMG}",
                "Combien de temps dure le traitement ?",
                "Peut-on manger du pamplemousse ?",
            ],
            "n_askers": [41, 30, 12],
            "n_questions": [50, 33, 12],
            "trend": ["en hausse", "stable", "stable"],
        }
    )


def information_gaps() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": [1, 2, 3],
            "status": ["classé", "classé", "données insuffisantes"],
            "label": [
                "Peut-on manger du pamplemousse pendant le traitement ?",
                f"Comment obtenir un rendez-vous rapide ? {SCRIPT}",
                "Question trop rare",
            ],
            "gap_score": [0.82, 0.64, 0.1],
            "n_askers": [12, 9, 1],
            "trend": ["en hausse", "stable", "stable"],
            "coverage_status": ["non couvert", "partiel", "inconnue"],
            "best_item_title": ["Bien manger pendant le traitement", "Nos centres", None],
            "best_item_similarity": [0.12, 0.31, np.nan],
            "example_questions": [
                f"Le pamplemousse c'est interdit ? | Écrivez-moi à {LEAKED_EMAIL} ou au {LEAKED_PHONE}",
                f"Mon numéro de sécu {LEAKED_NIR} est refusé | Trois mois d'attente…",
                "",
            ],
            "evidence": [
                "Demande : 12 personnes distinctes, 14 questions, tendance en hausse.",
                "Demande : 9 personnes distinctes.",
                "",
            ],
            "coverage_shortfall": [
                "Aucun contenu ne parle de pamplemousse.",
                "Le contenu ne donne pas les délais.",
                "",
            ],
            "content_brief": [
                "Fiche courte : interactions alimentaires, avec un pharmacien.",
                "Page : délais et recours.",
                None,
            ],
        }
    )


def coverage_calibration() -> dict[str, Any]:
    return {
        "status": "calibré",
        "threshold": 0.45,
        "method": "Seuil calibré sur 40 paires titre/résumé.",
        "auc": 0.91,
        "precision": 0.81,
        "recall": 0.77,
        "backend": "TfidfSvd",
    }


def persona_cards() -> dict[str, Any]:
    def card(pid, name, size, share, quotes):
        return {
            "persona_id": pid,
            "name": name,
            "description": "Répond souvent, partage des conseils pratiques.",
            "size": size,
            "share_of_all_authors": share,
            "dominant_role": "aidant",
            "dominant_motivation": "altruisme",
            "distinguishing_features": [
                {"feature": "answers_to_questions", "label": "réponses aux questions des autres"}
            ],
            "top_topics": [{"topic": "Fatigue au quotidien", "persona_share": 0.4}],
            "quotes": quotes,
            "recommended_approach": {"angle": "Montrer l'impact concret.", "canal": "Forum"},
            "stability_warning": None,
        }

    return {
        "stable": True,
        "personas": [
            card(0, "Aidante engagée", 120, 0.26, ["Courage à vous, ça va aller."]),
            card(1, "Patient expert", 45, 0.10, [f"Voir mon mail {LEAKED_EMAIL}"]),
            card(2, f"Nouveau venu {IMG}", 300, 0.65, []),
        ],
    }


def persona_quality() -> dict[str, Any]:
    return {"k": 3, "silhouette": 0.31, "bootstrap_ari_mean": 0.68, "message": "Personas stables."}


def ambassador_candidates() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rank": [1, 2, 3, 4, 5],
            "author_id": [*PSEUDONYMS[:4], HANDLE],
            "score": [0.92, 0.88, 0.81, 0.75, 0.7],
            "role": ["aidant", "patient", "patient", "aidant", "patient"],
            "persona_id": [1, 0, 1, 0, 1],
            "persona_name": [
                "Patient expert",
                "Aidante engagée",
                "Patient expert",
                "Aidante engagée",
                "Patient expert",
            ],
            "reasons": [
                "réponses utiles, ton positif",
                "très suivi",
                "sources citées",
                "régulier",
                f"actif ({HANDLE})",
            ],
        }
    )


def uplift_results() -> dict[str, Any]:
    effect = {
        "treatment": "message_ambassadeur",
        "reference": "controle",
        "vs_control": True,
        "n_treatment": 900,
        "n_reference": 880,
        "rate_treatment": 0.14,
        "rate_reference": 0.10,
        "difference": 0.04,
        "difference_low": 0.012,
        "difference_high": 0.068,
        "relative_uplift": 0.4,
        "relative_uplift_low": 0.1,
        "relative_uplift_high": 0.8,
        "p_value": 0.004,
        "p_value_holm": 0.008,
    }
    segments = [
        {
            "treatment": "message_ambassadeur",
            "segment": name,
            "n_treatment": 300,
            "n_reference": 290,
            "difference": d,
            "difference_low": d - 0.05,
            "difference_high": d + 0.05,
            "estimable": True,
            "harm": "non",
        }
        for name, d in [
            ("Aidante engagée", 0.07),
            ("Patient expert", 0.03),
            (f"Nouveau venu {SCRIPT}", -0.01),
        ]
    ]
    return {
        "provided": True,
        "reason": None,
        "parameters": {"alpha": 0.05},
        "preparation": {
            "focus_arm": "message_ambassadeur",
            "outcome_type": "binaire",
            "n_units": 1780,
        },
        "effects": [effect],
        "segments": {"source": "personas", "note": "", "effects": segments, "heterogeneity": []},
        "targeting": {
            "models": [
                {
                    "model": "message_ambassadeur_vs_controle",
                    "treatment": "message_ambassadeur",
                    "reference": "controle",
                    "qini_coefficient": 0.021,
                    "qini_low": 0.004,
                    "qini_high": 0.038,
                    "beats_random": True,
                }
            ],
            "metrics": [],
        },
        "power": [
            {
                "treatment": "message_ambassadeur",
                "n_treatment": 900,
                "n_control": 880,
                "baseline": 0.1,
                "mde_absolute": 0.041,
                "mde_relative": 0.41,
                "target_relative_uplift": 0.2,
                "n_per_arm_needed": 3800,
                "sample_sufficient": False,
            }
        ],
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
        {
            "model": "message_ambassadeur_vs_controle",
            "fraction_targeted": grid,
            "qini_model": 36 * np.sqrt(grid),
            "qini_random": 36 * grid,
        }
    )


def run_metadata() -> dict[str, Any]:
    return {
        "packages": {"kedro": "1.7.0", "pandas": "3.1.1"},
        "parameters": {
            "reporting": {"language": "fr"},
            "random_state": 42,
            "topics": {
                "embedding": {"backend": "tfidf_svd_spacy"},
                "sentiment": {"backend": "lexique"},
            },
        },
        "input_hashes": {"comments": "comments.csv — " + "ab12" * 16, "campaign": None},
        "dataset_versions": {
            "data/07_model_output/comment_topics.parquet": "2025-01-02T03.04.05.678Z"
        },
    }


def topic_explorer_summary() -> dict[str, Any]:
    """As ``OptionalStampedJSONDataset`` loads it: the views and the version stamp."""
    views = ["topics_map", "barchart", "hierarchy", "over_time", "documents"]
    return {
        "version": "2025-03-04T10.21.07.123Z",
        "n_topics": 4,
        "n_comments": 1200,
        "views": [{"key": k, "title": k, "shown": True, "note": None} for k in views],
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
        "topic_explorer_summary": topic_explorer_summary(),
    }
