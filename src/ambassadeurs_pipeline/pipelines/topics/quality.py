"""Topic quality measured on the corpus itself (no ground truth is read here).

- NPMI coherence of each topic's top terms, from document co-occurrence in the corpus
  (Bouma 2009; pairs never seen together count -1);
- topic diversity: unique terms among all topics' top terms / all top terms
  (Dieng et al. 2020);
- outlier share before and after outlier reduction;
- stability: UMAP + HDBSCAN (the same parts as the fit) re-run with ``n_seeds`` seeds on a
  sample, pairwise adjusted Rand index of the assignments.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import adjusted_rand_score

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
from ambassadeurs_pipeline.datasets.bertopic_model import has_topic_model

from .fit import (
    MIN_COMMENTS_FOR_TOPICS,
    fitting_min_cluster_size,
    resolve_cluster_params,
    seeded_sample,
    select_model_comments,
    topic_documents,
)
from .params import TopicModelParams, TopicsParams
from .vocabulary import TOKEN_PATTERN

logger = logging.getLogger(__name__)


def npmi_coherence(topic_terms: list[list[str]], documents: list[str]) -> list[float]:
    """Mean pairwise NPMI of each topic's terms over ``documents`` (binary occurrence)."""
    vocab = sorted({t for terms in topic_terms for t in terms})
    if not vocab:
        return []
    max_n = max(len(t.split()) for t in vocab)
    vectorizer = CountVectorizer(
        vocabulary=vocab, ngram_range=(1, max_n), token_pattern=TOKEN_PATTERN, binary=True
    )
    occurrence = vectorizer.transform(documents).tocsc().astype(np.float64)
    n = occurrence.shape[0]
    df = np.asarray(occurrence.sum(axis=0)).ravel()
    co = (occurrence.T @ occurrence).toarray()
    index = {t: i for i, t in enumerate(vocab)}
    scores = []
    for terms in topic_terms:
        values = []
        for a, b in itertools.combinations([index[t] for t in terms], 2):
            p_ab = co[a, b] / n
            if p_ab == 0 or df[a] == 0 or df[b] == 0:
                values.append(-1.0)
                continue
            pmi = np.log(p_ab / ((df[a] / n) * (df[b] / n)))
            values.append(1.0 if p_ab == 1 else pmi / -np.log(p_ab))
        scores.append(float(np.mean(values)) if values else float("nan"))
    return scores


def _round(value: float) -> float | None:
    """JSON has no NaN: an undefined measure is ``None``."""
    return None if value is None or not np.isfinite(value) else round(float(value), 4)


def topic_diversity(topic_terms: list[list[str]]) -> float:
    terms = [t for ts in topic_terms for t in ts]
    return len(set(terms)) / len(terms) if terms else float("nan")


def cluster_with_seed(embeddings: np.ndarray, params: TopicModelParams, seed: int) -> np.ndarray:
    """UMAP + HDBSCAN exactly as configured for the fit, with ``seed``."""
    from hdbscan import HDBSCAN
    from umap import UMAP

    # The same small-corpus guard as the fit (fit.fitting_min_cluster_size).
    size, samples = fitting_min_cluster_size(
        len(embeddings), params.hdbscan.min_cluster_size, params.hdbscan.min_samples
    )
    reduced = UMAP(
        n_neighbors=min(params.umap.n_neighbors, len(embeddings) - 1),
        n_components=params.umap.n_components,
        min_dist=params.umap.min_dist,
        metric=params.umap.metric,
        random_state=seed,
        n_jobs=1,
        low_memory=True,
    ).fit_transform(embeddings)
    return HDBSCAN(
        min_cluster_size=size,
        min_samples=samples,
        cluster_selection_method=params.hdbscan.cluster_selection_method,
        core_dist_n_jobs=1,
    ).fit_predict(reduced)


def assess_topic_quality(
    comment_topics: pd.DataFrame,
    comments_clean: pd.DataFrame,
    comment_embeddings: pd.DataFrame,
    topic_model: Any,
    params: TopicsParams,
    random_state: int,
) -> dict[str, Any]:
    """``topic_quality`` (JSON): coherence, diversity, outliers, stability, sizes."""
    q = params.quality
    docs = select_model_comments(comments_clean)
    texts = topic_documents(docs["text_clean"])
    topic_ids = sorted(t for t in comment_topics["topic_id"].unique() if t >= 0)
    if not has_topic_model(topic_model):
        topic_ids = []
    topic_terms = [
        [w for w, _ in (topic_model.get_topic(int(t)) or [])][: q.top_n_words] for t in topic_ids
    ]
    try:
        coherence = npmi_coherence(topic_terms, texts)
    except ValueError as error:  # no document holds any top term: nothing to measure
        if "empty vocabulary" not in str(error):
            raise
        coherence = []

    sample = seeded_sample(len(docs), q.stability_sample_size, random_state)
    seeds = [random_state + i for i in range(q.n_seeds)]
    # The settings of the fit (same pure rule, same corpus size: sizing.py), recorded in the report.
    model_params, settings = resolve_cluster_params(params.model, len(docs))
    if topic_ids and len(sample) >= MIN_COMMENTS_FOR_TOPICS:
        embeddings = embeddings_matrix(
            comment_embeddings, docs["comment_id"].astype(str).iloc[sample]
        )
        runs = [cluster_with_seed(embeddings, model_params, s) for s in seeds]
        aris = [adjusted_rand_score(a, b) for a, b in itertools.combinations(runs, 2)]
    else:  # no topic found (topics_status says why): stability is not measured
        runs, aris = [], []

    sizes = comment_topics.loc[comment_topics["topic_id"] >= 0, "topic_id"].value_counts()
    report = {
        "n_comments": int(len(comment_topics)),
        "n_topics": len(topic_ids),
        "topic_size": {
            "min": int(sizes.min()),
            "median": float(sizes.median()),
            "max": int(sizes.max()),
        }
        if len(sizes)
        else {},
        "outlier_share": round(float((comment_topics["topic_id"] < 0).mean()), 4)
        if len(comment_topics)
        else None,
        "outlier_share_before_reduction": round(float(comment_topics["was_outlier"].mean()), 4)
        if len(comment_topics)
        else None,
        "npmi_coherence": _round(float(np.nanmean(coherence))) if coherence else None,
        "npmi_per_topic": {str(t): round(c, 4) for t, c in zip(topic_ids, coherence)},
        "topic_diversity": _round(topic_diversity([ts[: q.diversity_top_n] for ts in topic_terms])),
        "stability": {
            "seeds": seeds,
            "sample_size": int(len(sample)),
            "n_topics_per_seed": [int(len(set(r) - {-1})) for r in runs],
            "ari_pairs": [round(float(a), 4) for a in aris],
            "ari_mean": round(float(np.mean(aris)), 4) if aris else None,
            "ari_min": round(float(np.min(aris)), 4) if aris else None,
        },
        "clustering": settings.as_dict(),
        "labels": {
            str(k): v for k, v in comment_topics.groupby("topic_id")["topic_label"].first().items()
        },
    }
    nan = float("nan")
    logger.info(
        "topic quality: %d topics, NPMI %.3f, diversity %.2f, outliers %.1f%%, stability ARI %.2f",
        report["n_topics"],
        report["npmi_coherence"] or nan,
        report["topic_diversity"] or nan,
        100 * (report["outlier_share"] or 0.0),
        report["stability"]["ari_mean"] or nan,
    )
    return report
