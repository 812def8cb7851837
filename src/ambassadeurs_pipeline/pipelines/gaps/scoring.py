"""Gap score: demand × unmet need × low coverage, every component visible, weights as parameters.

Each component is a number in [0, 1] where 1 means "more of a gap":

- ``c_demand_askers``: distinct askers, log-scaled against the largest group;
- ``c_demand_growth``: 0.5 when steady, 1 when the recent rate of questions doubled;
- ``c_unanswered``: 1 − answer rate; ``c_slow_answer``: share of answered questions whose first
  answer came after ``answers.slow_answer_hours`` (1 when none was answered);
- ``c_unresolved``: 1 − resolution rate; ``c_negative_followup``: share of negative follow-ups;
- ``c_one_theme``: share of the group's questions in its majority topic. A group the topic
  model spreads over many themes is a question *form* asked about everything ("est-ce que X
  fait grossir ?", "faut-il retourner voir le X ?"), not one need one content could answer;
  measured on demo seeds 1–4, such groups are as poorly answered as planted gaps (the
  generator's own truth agrees), and this is what tells them apart (gaps ≥ 0.75, the forms
  near the top: 0.19–0.57). A real need that spans themes pays for it too
  (docs/gaps.md, limits);
- ``c_uncovered``: 0 when covered, else 1 − share of questions matched by a catalog item.
  Not a continuous "distance to the catalog": measured on the demo corpora, template
  questions that span every theme ("ça vaut le coup d'essayer X ?") are the farthest from
  any item, farther than true gaps, whose theme the catalog does treat; rewarding distance
  ranked them first.

Answer and resolution rates are shrunk towards the rate over all groups with
``scoring.prior_questions`` pseudo-questions (empirical Bayes): "0 of 3 answered" is weak
evidence, and without shrinkage every 3-question group has the most extreme rates and tops
the ranking.

``gap_score`` is the weighted mean of the components that could be measured: a component
that cannot (no dates, flat export, no catalog) is listed in ``missing_components`` and its
weight spread over the others; it is never counted as 0 or 1.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.contracts.vocabulary import GAP_RANKED, GAP_TOO_LITTLE_DATA

from .coverage import COVERED
from .faq import GROUP_NOISE
from .params import GapsParams

logger = logging.getLogger(__name__)

COMPONENTS = {
    "c_demand_askers": "demand_askers",
    "c_demand_growth": "demand_growth",
    "c_unanswered": "unanswered",
    "c_slow_answer": "slow_answer",
    "c_unresolved": "unresolved",
    "c_negative_followup": "negative_followup",
    "c_uncovered": "uncovered",
    "c_one_theme": "one_theme",
}
#: ``information_gaps.status`` values (the contract other stages filter on).
STATUS_RANKED = GAP_RANKED
STATUS_TOO_LITTLE = GAP_TOO_LITTLE_DATA


def shrunk_rate(rate: pd.Series, n: pd.Series, prior_questions: float) -> pd.Series:
    """``(rate·n + prior·m) / (n + m)`` with ``prior`` the pooled rate over all groups.

    NaN stays NaN (not measurable); ``m = 0`` returns the raw rate.
    """
    rate = rate.astype(float)
    n = n.astype(float).where(rate.notna(), 0.0).fillna(0.0)
    total = n.sum()
    if prior_questions <= 0 or total <= 0:
        return rate
    prior = float((rate.fillna(0.0) * n).sum() / total)
    return (rate * n + prior * prior_questions) / (n + prior_questions)


def gap_components(table: pd.DataFrame, prior_questions: float = 0.0) -> pd.DataFrame:
    """The component columns (see the module docstring) from the merged group table."""
    out = pd.DataFrame(index=table.index)
    askers = table["n_askers"].astype(float)
    out["c_demand_askers"] = np.log1p(askers) / np.log1p(max(askers.max(), 1.0))
    ratio = table["growth_ratio"].astype(float)
    out["c_demand_growth"] = (0.5 + np.log2(ratio.where(ratio > 0)) / 2).clip(0, 1)
    n_measurable = table["n_measurable"] if "n_measurable" in table else table["n_questions"]
    answer_rate = shrunk_rate(table["answer_rate"], n_measurable, prior_questions)
    out["c_unanswered"] = 1 - answer_rate
    slow = table["slow_answer_share"].astype(float)
    out["c_slow_answer"] = slow.mask(table["answer_rate"].astype(float).eq(0), 1.0)
    out["c_unresolved"] = 1 - shrunk_rate(table["resolution_rate"], n_measurable, prior_questions)
    out["c_negative_followup"] = table["negative_followup_share"].astype(float)
    uncovered = 1 - table["covered_share"].astype(float)
    out["c_uncovered"] = uncovered.mask(table["coverage_status"].eq(COVERED), 0.0)
    if "topic_share" in table:
        out["c_one_theme"] = table["topic_share"].astype(float).clip(0, 1)
    else:
        out["c_one_theme"] = np.nan
    return out


def weighted_gap_score(
    components: pd.DataFrame, weights: dict[str, float]
) -> tuple[pd.Series, pd.Series]:
    """(score, names of missing components) with weights renormalised over measured ones."""
    w = pd.Series({col: float(weights.get(name, 0.0)) for col, name in COMPONENTS.items()})
    values = components.reindex(columns=list(COMPONENTS))  # an absent component is not measured
    present = values.notna()
    total = present.mul(w).sum(axis=1)
    score = values.fillna(0).mul(w).sum(axis=1) / total.where(total > 0)
    missing = present.apply(
        lambda row: ", ".join(COMPONENTS[c] for c in row.index if not row[c] and w[c] > 0), axis=1
    )
    return score, missing


def score_information_gaps(
    faq: pd.DataFrame,
    group_answer_supply: pd.DataFrame,
    group_coverage: pd.DataFrame,
    question_groups: pd.DataFrame,
    params: GapsParams,
) -> pd.DataFrame:
    """Merge demand, answer supply and coverage per group; score and rank the gaps.

    Ranking needs at least ``scoring.min_questions_to_rank`` questions and
    ``scoring.min_groups_to_rank`` groups; below that every row has ``status`` "données
    insuffisantes" and no rank, because a ranking of noise would be read as a finding.

    Returns:
        One row per FAQ group, best gap first: ``rank`` (nullable), ``status``, the FAQ,
        answer-supply and coverage columns, the ``c_*`` components, ``gap_score`` and
        ``missing_components``.
    """
    cfg = params.scoring
    table = (
        faq.drop(columns="rank")
        .merge(group_answer_supply.drop(columns="n_questions"), on="group_id", how="left")
        .merge(group_coverage, on="group_id", how="left")
    )
    components = gap_components(table, cfg.prior_questions)
    table = pd.concat([table, components], axis=1)
    table["gap_score"], table["missing_components"] = weighted_gap_score(
        components, cfg.weights.model_dump()
    )
    n_questions = len(question_groups)
    enough = n_questions >= cfg.min_questions_to_rank and len(table) >= cfg.min_groups_to_rank
    table = table.sort_values(
        ["gap_score", "n_askers", "group_id"], ascending=[False, False, True]
    ).reset_index(drop=True)
    if enough:
        table.insert(0, "rank", pd.array(np.arange(1, len(table) + 1), dtype="Int64"))
        table.insert(1, "status", STATUS_RANKED)
    else:
        logger.warning(
            "Only %d questions in %d groups (< %d questions or < %d groups): gaps are not ranked.",
            n_questions,
            len(table),
            cfg.min_questions_to_rank,
            cfg.min_groups_to_rank,
        )
        table.insert(0, "rank", pd.array([pd.NA] * len(table), dtype="Int64"))
        table.insert(1, "status", STATUS_TOO_LITTLE)
    table["n_questions_total"] = n_questions
    table["n_questions_ungrouped"] = int((question_groups["group_id"] == GROUP_NOISE).sum())
    return table
