"""Evidence and a French content brief for every gap, so a content team can act the same day."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .coverage import COVERAGE_UNKNOWN, COVERED, NOT_COVERED, PARTIAL
from .faq import group_key_terms
from .params import GapsParams
from .scoring import COMPONENTS, STATUS_RANKED, STATUS_TOO_LITTLE


def _missing(x: Any) -> bool:
    return x is None or bool(pd.isna(x))


def _pct(x: float) -> str:
    return "n.d." if _missing(x) else f"{x:.0%}".replace("%", " %")


def _num(x: float, digits: int = 2) -> str:
    return "n.d." if _missing(x) else f"{x:.{digits}f}".replace(".", ",")


def missing_terms(terms: list[str], text: str) -> list[str]:
    """Patients' terms with no word found in ``text`` (accent- and case-sensitive on words)."""
    words = set(re.findall(r"\w+", str(text).lower()))
    return [t for t in terms if not any(w in words for w in t.split())]


def evidence_text(row: pd.Series) -> str:
    """The numbers behind every component, in one French paragraph."""
    demand = (
        f"Demande : {row['n_askers']} personnes distinctes, {row['n_questions']} questions, "
        f"tendance {row['trend']} (rythme récent / antérieur = {_num(row['growth_ratio'])})."
    )
    if pd.isna(row.get("answer_rate")):
        answers = f"Réponses : {row.get('answer_note') or 'non mesurables'}"
    else:
        hours = row.get("median_hours_to_first_answer")
        answers = (
            f"Réponses : {_pct(row['answer_rate'])} des questions ont une réponse d'un autre membre, "
            f"première réponse en {_num(hours, 0)} h (médiane), {_pct(row['resolution_rate'])} résolues, "
            f"{_pct(row['negative_followup_share'])} de suites négatives."
        )
    return f"{demand} {answers} Couverture : {row['coverage_status']}."


def shortfall_text(row: pd.Series, terms: list[str], items: pd.DataFrame) -> str:
    """Why the nearest existing content does not (fully) answer the group."""
    status = row["coverage_status"]
    if status == COVERAGE_UNKNOWN or pd.isna(row.get("best_item_id")):
        return (
            "Catalogue de contenus non fourni : couverture inconnue (ni couverte ni non couverte)."
        )
    item = items.loc[row["best_item_id"]] if row["best_item_id"] in items.index else None
    absent = missing_terms(terms, f"{item['title']} {item['summary']}") if item is not None else []
    where = f"« {row['best_item_title']} »" + (
        f" ({row['best_item_url']})" if row.get("best_item_url") else ""
    )
    sim = f"similarité {_num(row['best_item_similarity'])} pour un seuil calibré de {_num(row['coverage_threshold'])}"
    absent_txt = (
        f" ; termes des patients absents de ce contenu : {', '.join(absent)}" if absent else ""
    )
    if status == COVERED:
        return f"Le contenu {where} répond déjà à ces questions ({sim}){absent_txt}."
    if status == PARTIAL:
        return (
            f"Le contenu le plus proche, {where}, ne répond qu'à {_pct(row['covered_share'])} des questions "
            f"({sim}){absent_txt}."
        )
    return f"Le contenu le plus proche, {where}, traite d'un sujet voisin mais reste sous le seuil ({sim}){absent_txt}."


def brief_text(row: pd.Series, terms: list[str], examples: list[str]) -> str:
    """A one-paragraph French content brief: what to write, for whom, with which words."""
    topic = row.get("topic_label")
    audience = "les patients et leurs proches" + (
        f" qui échangent sur « {topic} »" if isinstance(topic, str) and topic else ""
    )
    what = {
        COVERED: "Mettre en avant et compléter le contenu existant",
        PARTIAL: "Compléter le contenu existant par une section dédiée",
        NOT_COVERED: "Rédiger un nouveau contenu",
        COVERAGE_UNKNOWN: "Vérifier si un contenu existe, sinon en rédiger un",
    }.get(row["coverage_status"], "Rédiger un contenu")
    need = []
    if not _missing(row.get("c_unanswered")) and row["c_unanswered"] >= 0.5:
        need.append("la plupart des questions restent sans réponse dans la communauté")
    if not _missing(row.get("c_unresolved")) and row["c_unresolved"] >= 0.5:
        need.append("les réponses données résolvent rarement la question")
    if row.get("trend") == "en hausse":
        need.append("la demande augmente")
    reason = (" : " + ", ".join(need)) if need else ""
    ask = f" Répondre concrètement à des questions comme « {examples[0]} »" if examples else ""
    return (
        f"{what} sur « {row['label']} » pour {audience} ({row['n_askers']} personnes l'ont demandé{reason}).{ask}"
        f" Employer les mots des patients : {', '.join(terms) or row['key_terms']}."
        " Format court et pratique (étapes, exemples, quand consulter), relu par un professionnel de santé."
    )


def write_gap_evidence(
    gap_scores: pd.DataFrame,
    question_groups: pd.DataFrame,
    content_catalog: pd.DataFrame,
    coverage_calibration: dict[str, Any],
    params: GapsParams,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Add evidence, coverage shortfall and a content brief to the ``scoring.top_n`` gaps.

    Returns:
        ``information_gaps`` (the scored table with ``patient_terms``, ``evidence``,
        ``coverage_shortfall``, ``content_brief``; briefs only for ranked top gaps) and
        ``gaps_report`` (JSON: ranked or not and why, counts, weights, calibration summary).
    """
    top_n = params.scoring.top_n
    table = gap_scores.copy()
    terms = group_key_terms(question_groups, 8)
    items = (
        content_catalog.set_index("item_id")
        if content_catalog is not None and not content_catalog.empty
        else pd.DataFrame(columns=["title", "summary"])
    )
    table["patient_terms"] = [", ".join(terms.get(int(g), [])) for g in table["group_id"]]
    table["evidence"] = [evidence_text(r) for _, r in table.iterrows()]
    table["coverage_shortfall"] = [
        shortfall_text(r, terms.get(int(r["group_id"]), []), items) for _, r in table.iterrows()
    ]
    briefs = []
    for i, row in table.iterrows():
        if row["status"] == STATUS_RANKED and i < top_n:
            examples = [e for e in str(row["example_questions"]).split(" | ") if e]
            briefs.append(brief_text(row, terms.get(int(row["group_id"]), [])[:6], examples))
        else:
            briefs.append(None)
    table["content_brief"] = briefs
    ranked = bool((table["status"] == STATUS_RANKED).any())
    weights = params.scoring.weights.model_dump()
    report = {
        "ranked": ranked,
        "status": STATUS_RANKED if ranked else STATUS_TOO_LITTLE,
        "message": (
            f"{len(table)} groupes de questions classés par score de lacune."
            if ranked
            else (
                f"Trop peu de données pour classer les lacunes : {int(len(question_groups))} questions "
                f"et {len(table)} groupes (minimum {params.scoring.min_questions_to_rank} questions et "
                f"{params.scoring.min_groups_to_rank} groupes). Les groupes sont listés sans rang."
            )
        ),
        "n_questions": int(len(question_groups)),
        "n_groups": int(len(table)),
        "n_questions_ungrouped": int(table["n_questions_ungrouped"].iloc[0])
        if len(table)
        else int(len(question_groups)),
        "weights": {f"c_{k}": v for k, v in weights.items()},
        "components": list(COMPONENTS),
        "thread_structure": table["thread_structure"].value_counts().to_dict()
        if len(table)
        else {},
        "coverage": {
            k: coverage_calibration.get(k) for k in ("status", "threshold", "method", "backend")
        },
        "top_gaps": [
            {
                "rank": int(r["rank"]),
                "label": r["label"],
                "gap_score": round(float(r["gap_score"]), 4),
            }
            for _, r in table.head(min(top_n, 10)).iterrows()
            if ranked
        ],
    }
    return table.reset_index(drop=True), report
