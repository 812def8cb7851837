"""Clustering authors into personas, choosing the number of personas, measuring stability.

Features (each standardised, then each *group* scaled to weight / sqrt(group size), so a group
counts by its weight and not by its number of columns):

- motivation: the author's motivation profile as shares (what drives them, not how verbose
  they are);
- role: one-hot patient / aidant / professionnel de santé (unknown = all zeros);
- engagement: log comments, log active days, regularity, log answers to questions;
- influence: log distinct repliers, log replies received, betweenness percentile.

The number of personas is chosen over ``[k_min, k_max]`` by silhouette (or BIC for the
Gaussian mixture). Stability: the model is refitted on bootstrap resamples of the authors
and its labels on all authors compared with the reference by the adjusted Rand index (ARI).
Each author's ``confidence`` is the share of resamples that put them in the same persona
(after matching persona labels with the Hungarian algorithm).
"""

from __future__ import annotations

import logging
import warnings
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.cluster import KMeans
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.mixture import GaussianMixture
from threadpoolctl import threadpool_limits

from ambassadeurs_pipeline.progress import progress

from .motivations import UNKNOWN_MOTIVATION
from .naming import disambiguate, motivation_shares, persona_name, profile_of
from .params import ClusteringParams, PersonasParams
from .roles import ROLES

logger = logging.getLogger(__name__)

UNCLASSIFIED_ID = "non_classe"
UNCLASSIFIED_NAME = "non classé"
PERSONA_COLUMNS = ["author_id", "persona_id", "persona_name", "confidence", "reason"]
_SILHOUETTE_SAMPLE = 4000


def clustering_matrix(
    features: pd.DataFrame, weights: dict[str, float]
) -> tuple[np.ndarray, list[str]]:
    """Weighted, standardised feature matrix (rows = authors) and its column names."""
    groups: dict[str, pd.DataFrame] = {
        "motivation": motivation_shares(features),
        "role": pd.DataFrame(
            {f"role_{r}": (features["role"] == r).astype(float) for r in ROLES},
            index=features.index,
        ),
        "engagement": pd.DataFrame(
            {
                "log_comments": np.log1p(features["n_comments"]),
                "log_active_days": np.log1p(features["active_days"]),
                "regularity": features["regularity"],
                "log_answers": np.log1p(features["answers_to_questions"]),
            }
        ),
        "influence": pd.DataFrame(
            {
                "log_in_degree": np.log1p(features["in_degree"]),
                "log_replies_received": np.log1p(features["replies_received"]),
                "betweenness_pct": features["betweenness"].rank(pct=True),
            }
        ),
    }
    blocks, names = [], []
    for group, frame in groups.items():
        weight = weights.get(group, 0.0)
        if weight == 0:
            continue
        values = frame.to_numpy(dtype=float)
        std = values.std(axis=0)
        z = (values - values.mean(axis=0)) / np.where(std > 0, std, 1.0)
        blocks.append(z * weight / np.sqrt(values.shape[1]))
        names.extend(frame.columns)
    return np.hstack(blocks), names


def _fit(x: np.ndarray, k: int, method: str, seed: int, n_init: int = 10) -> Any:
    # One thread: on a shared machine OpenMP threads spin against other jobs and make
    # KMeans ~10x slower; the data (authors × ~14 features) is small anyway.
    with warnings.catch_warnings(), threadpool_limits(limits=1):
        # Too many k for few distinct points is a legitimate candidate; the criterion judges it.
        warnings.simplefilter("ignore", category=ConvergenceWarning)
        return _fit_model(x, k, method, seed, n_init)


def _fit_model(x: np.ndarray, k: int, method: str, seed: int, n_init: int) -> Any:
    if method == "gmm":
        return GaussianMixture(
            k, covariance_type="diag", n_init=max(1, n_init // 3), random_state=seed
        ).fit(x)
    return KMeans(k, n_init=n_init, random_state=seed).fit(x)


def choose_k(x: np.ndarray, cp: ClusteringParams, seed: int) -> tuple[int, dict[int, float]]:
    """Best number of personas by the criterion; returns (k, score per k)."""
    scores: dict[int, float] = {}
    k_max = min(cp.k_max, len(x) - 1)
    for k in progress(range(cp.k_min, k_max + 1), desc="personas: choix du nombre", unit="k"):
        model = _fit(x, k, cp.method, seed)
        labels = model.predict(x)
        if cp.criterion == "bic":
            gmm = model if cp.method == "gmm" else _fit(x, k, "gmm", seed)
            scores[k] = -float(gmm.bic(x))  # higher is better, like silhouette
        elif len(set(labels)) < 2:
            scores[k] = -1.0
        else:
            sample = min(_SILHOUETTE_SAMPLE, len(x))
            scores[k] = float(silhouette_score(x, labels, sample_size=sample, random_state=seed))
    top = max(scores.values())
    # Parsimony: fewer personas are easier to act on; BIC already penalises complexity.
    tolerance = cp.silhouette_tolerance if cp.criterion == "silhouette" else 0.0
    best = min(k for k, v in scores.items() if v >= top - tolerance)
    return best, scores


def _match(reference: np.ndarray, labels: np.ndarray, k: int) -> np.ndarray:
    """Relabel ``labels`` to agree best with ``reference`` (Hungarian on the contingency)."""
    table = np.zeros((k, k))
    np.add.at(table, (labels, reference), 1)
    rows, cols = linear_sum_assignment(-table)
    mapping = np.arange(k)
    mapping[rows] = cols
    return mapping[labels]


def bootstrap_stability(
    x: np.ndarray, reference: np.ndarray, k: int, cp: ClusteringParams, seed: int
) -> tuple[list[float], np.ndarray]:
    """ARI of each bootstrap refit against ``reference`` and per-author agreement share."""
    rng = np.random.default_rng(seed)
    aris, agree = [], np.zeros(len(x))
    for b in progress(range(cp.n_bootstrap), desc="personas: bootstrap", unit="tirage"):
        idx = rng.choice(len(x), size=len(x), replace=True)
        model = _fit(x[idx], k, cp.method, seed + b + 1, n_init=3)
        labels = model.predict(x)
        aris.append(float(adjusted_rand_score(reference, labels)))
        agree += _match(reference, labels, k) == reference
    return aris, agree / cp.n_bootstrap


def _order_by_size(labels: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Renumber clusters by decreasing size (ties: centroid order), for stable persona ids."""
    keys = []
    for c in np.unique(labels):
        members = x[labels == c]
        keys.append((-len(members), tuple(np.round(members.mean(axis=0), 6)), c))
    order = {c: rank for rank, (_, _, c) in enumerate(sorted(keys))}
    return np.array([order[c] for c in labels])


def cluster_personas(
    author_features: pd.DataFrame,
    excluded_authors: pd.DataFrame,
    params: PersonasParams,
    random_state: int,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Assign every author to a persona or to ``non classé`` with a reason.

    Returns:
        ``author_personas`` (``author_id, persona_id, persona_name, confidence, reason``;
        one row per author in ``author_features`` or ``excluded_authors``) and
        ``persona_quality`` (criterion per k, chosen k, bootstrap ARI, stability verdict,
        counts; ``authors_in = clustered + unclassified`` is checked).
    """
    cp = params.clustering
    feats = author_features.set_index("author_id")
    enough = feats["n_comments"] >= cp.min_comments
    silent = (
        enough & (feats["motivation"] == UNKNOWN_MOTIVATION)
        if cp.require_motivation
        else enough & False
    )
    eligible = feats[enough & ~silent]
    too_few = feats[~enough]
    rows = [
        pd.DataFrame(
            {
                "author_id": too_few.index,
                "persona_id": UNCLASSIFIED_ID,
                "persona_name": UNCLASSIFIED_NAME,
                "confidence": np.nan,
                "reason": f"moins de {cp.min_comments} commentaires exploitables",
            }
        ),
        pd.DataFrame(
            {
                "author_id": feats.index[silent],
                "persona_id": UNCLASSIFIED_ID,
                "persona_name": UNCLASSIFIED_NAME,
                "confidence": np.nan,
                "reason": "aucune motivation exprimée dans ses messages",
            }
        ),
        pd.DataFrame(
            {
                "author_id": excluded_authors["author_id"],
                "persona_id": UNCLASSIFIED_ID,
                "persona_name": UNCLASSIFIED_NAME,
                "confidence": np.nan,
                "reason": excluded_authors["reason"],
            }
        ),
    ]
    quality: dict[str, Any] = {
        "authors_in": int(len(feats) + len(excluded_authors)),
        "method": cp.method,
        "criterion": cp.criterion,
        "k_range": [cp.k_min, cp.k_max],
        "min_comments": cp.min_comments,
        "weights": cp.weights.model_dump(),
    }
    if len(eligible) < max(cp.k_min + 1, 5):
        reason = f"trop peu d'auteurs avec au moins {cp.min_comments} commentaires pour former des personas"
        rows.append(
            pd.DataFrame(
                {
                    "author_id": eligible.index,
                    "persona_id": UNCLASSIFIED_ID,
                    "persona_name": UNCLASSIFIED_NAME,
                    "confidence": np.nan,
                    "reason": reason,
                }
            )
        )
        quality.update(
            k=0, scores_by_k={}, bootstrap_ari_mean=None, stable=False, message=reason, personas=[]
        )
    else:
        x, columns = clustering_matrix(eligible, cp.weights.model_dump())
        k, scores = choose_k(x, cp, random_state)
        labels = _order_by_size(_fit(x, k, cp.method, random_state).predict(x), x)
        aris, agreement = bootstrap_stability(x, labels, k, cp, random_state)
        ari_mean = float(np.mean(aris))
        stable = ari_mean >= cp.stability_threshold
        profiles = [profile_of(eligible[labels == c], eligible) for c in range(k)]
        named = [persona_name(c, profiles[c]) for c in range(k)]
        names = disambiguate([n for n, _ in named], profiles)
        rows.append(
            pd.DataFrame(
                {
                    "author_id": eligible.index,
                    "persona_id": [f"P{c + 1}" for c in labels],
                    "persona_name": [names[c] for c in labels],
                    "confidence": agreement.round(3),
                    "reason": pd.NA,
                }
            )
        )
        message = (
            f"Personas stables : ARI bootstrap moyen {ari_mean:.2f} ≥ {cp.stability_threshold}."
            if stable
            else f"ATTENTION : personas instables (ARI bootstrap moyen {ari_mean:.2f} < "
            f"{cp.stability_threshold}). Les regroupements changent d'un échantillon à l'autre : "
            "à lire comme des tendances, pas comme des segments fiables."
        )
        quality.update(
            k=int(k),
            scores_by_k={str(kk): round(v, 4) for kk, v in scores.items()},
            clustering_features=columns,
            bootstrap_ari_mean=round(ari_mean, 4),
            bootstrap_ari_p05=round(float(np.quantile(aris, 0.05)), 4),
            n_bootstrap=cp.n_bootstrap,
            stability_threshold=cp.stability_threshold,
            stable=bool(stable),
            message=message,
            personas=[
                {
                    "persona_id": f"P{c + 1}",
                    "persona_name": names[c],
                    "description": named[c][1],
                    "size": int((labels == c).sum()),
                    "role": profiles[c].role,
                    "motivation": profiles[c].motivation,
                    "engagement": profiles[c].engagement,
                }
                for c in range(k)
            ],
        )
        logger.info(
            "personas: k=%d (%s), bootstrap ARI %.2f. %s", k, cp.criterion, ari_mean, message
        )
    # Every part may be empty (an export without authors): concat them all, so the table
    # keeps its columns.
    personas = pd.concat([r[PERSONA_COLUMNS] for r in rows], ignore_index=True)[PERSONA_COLUMNS]
    personas["reason"] = personas["reason"].astype("string")
    personas["confidence"] = personas["confidence"].astype(float)
    counts = personas["reason"].fillna("classé").value_counts().to_dict()
    quality.update(
        authors_clustered=int(personas["reason"].isna().sum()),
        authors_unclassified=int(personas["reason"].notna().sum()),
        unclassified_reasons={k: int(v) for k, v in counts.items() if k != "classé"},
    )
    if quality["authors_clustered"] + quality["authors_unclassified"] != quality["authors_in"]:
        raise AssertionError(f"personas lost authors: {quality}")  # pragma: no cover
    return personas.sort_values(["persona_id", "author_id"]).reset_index(drop=True), quality
