"""Ranked shortlist of ambassador candidates, with the reasons for each rank.

Each component is the mean of a few features put on a 0–1 scale: counts (and PageRank,
betweenness, likes) on a log scale relative to the community maximum, ``log(1+x) /
log(1+max)``, so that a member ten times more active than the next stays visibly ahead (a
percentile rank would squash the top 5 % together); regularity is already a 0–1 share:

- credibility: answers to other people's questions (count, and share of one's messages that
  are such answers: a helper rather than a talker), thanks received, mean likes on answers;
- engagement: comments, active days, regularity;
- reach: distinct repliers, PageRank, betweenness;
- tone: (1 + share of positive − share of negative messages) / 2.

score = weighted mean of the components (weights in ``personas.candidates.weights``).
Health professionals whose reach percentile (among ranked members) is at least ``ekol_min_reach_percentile`` are
flagged as possible e-KOL (influential online, perhaps unknown offline).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .params import PersonasParams

COMPONENTS = {
    "credibility": [
        "answers_to_questions",
        "answer_share",
        "thanks_received",
        "mean_likes_on_answers",
    ],
    "engagement": ["n_comments", "active_days", "regularity"],
    "reach": ["in_degree", "pagerank", "betweenness"],
}


SHARES = {"regularity", "answer_share"}


def log_scaled(values: pd.Series) -> pd.Series:
    """``log(1+x) / log(1+max)`` in [0, 1]; 0 everywhere when the maximum is 0."""
    x = values.astype(float).clip(lower=0)
    if x.name in ("pagerank", "betweenness"):
        x = x * len(x)  # 1 = the average member, so the log scale is meaningful
    top = np.log1p(x.max())
    return np.log1p(x) / top if top > 0 else x * 0.0


def component_scores(features: pd.DataFrame) -> pd.DataFrame:
    """Credibility, engagement, reach and tone in [0, 1] (see the module docstring)."""
    out = pd.DataFrame(index=features.index)
    for name, cols in COMPONENTS.items():
        scaled = [
            features[c].astype(float) if c in SHARES else log_scaled(features[c]) for c in cols
        ]
        out[name] = pd.concat(scaled, axis=1).mean(axis=1)
    out["tone"] = (1 + features["share_positive"] - features["share_negative"]) / 2
    return out.round(3)


def _pct(x: float) -> str:
    return f"{100 * x:.0f}/100"


def reason_sentence(row: pd.Series) -> str:
    """French explanation of one candidate's rank, from their component values."""
    parts = [
        f"répond aux questions des autres ({int(row.answers_to_questions)} réponses, "
        f"{100 * row.answer_share:.0f} % de ses messages, "
        f"{int(row.thanks_received)} remerciements reçus, {row.mean_likes_on_answers:.1f} j'aime "
        f"par réponse ; crédibilité {_pct(row.credibility)})",
        f"engagement : {int(row.n_comments)} messages sur {int(row.active_days)} jours actifs "
        f"(engagement {_pct(row.engagement)})",
        f"audience : {int(row.in_degree)} personnes différentes lui répondent (audience {_pct(row.reach)})",
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
    params: PersonasParams,
) -> pd.DataFrame:
    """Top ``candidates.top_n`` authors with score, components, persona and reasons.

    Only authors with at least ``candidates.min_comments`` comments are ranked; bots and spam
    accounts were already excluded from ``author_features``. Ids are pseudonyms.
    """
    cp = params.candidates
    feats = author_features.set_index("author_id")
    feats = feats[feats["n_comments"] >= cp.min_comments]
    columns = [
        "rank",
        "author_id",
        "score",
        "credibility",
        "engagement",
        "reach",
        "tone",
        "role",
        "motivation",
        "persona_id",
        "persona_name",
        "possible_ekol",
        "reasons",
    ]
    if feats.empty:
        return pd.DataFrame(columns=columns)
    comp = component_scores(feats)
    w = cp.weights.model_dump()
    total_w = sum(w.values()) or 1.0
    score = sum(comp[k] * v for k, v in w.items()) / total_w
    ranked = feats.join(comp).assign(score=score.round(4))
    reach_percentile = ranked["reach"].rank(pct=True)
    ranked["possible_ekol"] = (ranked["role"] == "professionnel_de_sante") & (
        reach_percentile >= cp.ekol_min_reach_percentile
    )
    ranked = ranked.reset_index().sort_values(
        ["score", "author_id"], ascending=[False, True], kind="stable"
    )
    ranked = ranked.head(cp.top_n).reset_index(drop=True)
    ranked["rank"] = np.arange(1, len(ranked) + 1)
    personas = author_personas.set_index("author_id")[["persona_id", "persona_name"]]
    ranked = ranked.join(personas, on="author_id")
    ranked["reasons"] = ranked.apply(reason_sentence, axis=1)
    return ranked[columns]
