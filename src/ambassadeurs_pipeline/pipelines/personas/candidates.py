"""Ranked shortlist of ambassador candidates, with the reasons for each rank.

Each component is the mean of percentile ranks (0 = lowest in the community, 1 = highest)
of a few features, so "0.9" always reads "better than 90 % of eligible members":

- credibility: answers to other people's questions, thanks received, mean likes on answers;
- engagement: comments, active days, regularity;
- reach: distinct repliers, PageRank, betweenness;
- tone: share of positive minus share of negative messages.

score = weighted mean of the components (weights in ``personas.candidates.weights``).
Health professionals whose reach percentile is at least ``ekol_min_reach_percentile`` are
flagged as possible e-KOL (influential online, perhaps unknown offline).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import PersonasParams, as_params

COMPONENTS = {
    "credibility": ["answers_to_questions", "thanks_received", "mean_likes_on_answers"],
    "engagement": ["n_comments", "active_days", "regularity"],
    "reach": ["in_degree", "pagerank", "betweenness"],
}


def component_scores(features: pd.DataFrame) -> pd.DataFrame:
    """Credibility, engagement, reach and tone in [0, 1] (percentile ranks)."""
    out = pd.DataFrame(index=features.index)
    for name, cols in COMPONENTS.items():
        out[name] = features[cols].rank(pct=True, method="average").mean(axis=1)
    tone = features["share_positive"] - features["share_negative"]
    out["tone"] = tone.rank(pct=True, method="average")
    return out.round(3)


def _pct(x: float) -> str:
    return f"{100 * (1 - x):.0f} %"


def reason_sentence(row: pd.Series) -> str:
    """French explanation of one candidate's rank, from their component values."""
    parts = [
        f"répond aux questions des autres ({int(row.answers_to_questions)} réponses, "
        f"{int(row.thanks_received)} remerciements reçus, {row.mean_likes_on_answers:.1f} j'aime "
        f"par réponse ; crédibilité dans le top {_pct(row.credibility)})",
        f"engagement : {int(row.n_comments)} messages sur {int(row.active_days)} jours actifs "
        f"(top {_pct(row.engagement)})",
        f"audience : {int(row.in_degree)} personnes différentes lui répondent (top {_pct(row.reach)})",
        f"ton : {100 * row.share_positive:.0f} % de messages positifs, "
        f"{100 * row.share_negative:.0f} % négatifs",
    ]
    text = "Rang " + str(int(row["rank"])) + " : " + " ; ".join(parts) + "."
    if row.possible_ekol:
        text += " Professionnel·le de santé très écouté·e en ligne : e-KOL possible."
    return text


def rank_ambassador_candidates(
    author_features: pd.DataFrame,
    author_personas: pd.DataFrame,
    params: PersonasParams | dict,
) -> pd.DataFrame:
    """Top ``candidates.top_n`` authors with score, components, persona and reasons.

    Only authors with at least ``candidates.min_comments`` comments are ranked; bots and spam
    accounts were already excluded from ``author_features``. Ids are pseudonyms.
    """
    cp = as_params(params).candidates
    feats = author_features.set_index("author_id")
    feats = feats[feats["n_comments"] >= cp.min_comments]
    columns = [
        "rank", "author_id", "score", "credibility", "engagement", "reach", "tone", "role",
        "motivation", "persona_id", "persona_name", "possible_ekol", "reasons",
    ]
    if feats.empty:
        return pd.DataFrame(columns=columns)
    comp = component_scores(feats)
    w = cp.weights.model_dump()
    total_w = sum(w.values()) or 1.0
    score = sum(comp[k] * v for k, v in w.items()) / total_w
    ranked = feats.join(comp).assign(score=score.round(4))
    ranked["possible_ekol"] = (ranked["role"] == "professionnel_de_sante") & (
        ranked["reach"] >= cp.ekol_min_reach_percentile
    )
    ranked = ranked.reset_index().sort_values(["score", "author_id"], ascending=[False, True], kind="stable")
    ranked = ranked.head(cp.top_n).reset_index(drop=True)
    ranked["rank"] = np.arange(1, len(ranked) + 1)
    personas = author_personas.set_index("author_id")[["persona_id", "persona_name"]]
    ranked = ranked.join(personas, on="author_id")
    ranked["reasons"] = ranked.apply(reason_sentence, axis=1)
    return ranked[columns]
