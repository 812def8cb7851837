"""Tables a reader opens: topic info, keywords, monthly counts, sentiment per topic."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
from ambassadeurs_pipeline.datasets.bertopic_model import has_topic_model

from .fit import select_model_comments, topic_centroids
from .params import TopicsParams

TOPIC_INFO_COLUMNS = [
    "topic_id",
    "topic_label",
    "size",
    "share",
    "top_terms",
    "representative_comments",
]
KEYWORD_COLUMNS = ["topic_id", "topic_label", "keyword", "count", "log_odds_z"]
OVER_TIME_COLUMNS = ["month", "topic_id", "topic_label", "count", "month_total", "share"]


def describe_topics(
    comment_topics: pd.DataFrame,
    comments_clean: pd.DataFrame,
    comment_embeddings: pd.DataFrame,
    topic_model: Any,
    params: TopicsParams,
) -> pd.DataFrame:
    """``topic_info``: ``topic_id, topic_label, size, share, top_terms`` and the
    ``representative_comments`` (the distinct comments closest to the topic centroid, from
    the pseudonymised ``text_clean``), largest topic first, outliers last."""
    if comment_topics.empty:
        return pd.DataFrame(columns=TOPIC_INFO_COLUMNS)
    docs = select_model_comments(comments_clean).set_index("comment_id")
    ct = comment_topics.set_index("comment_id")
    ids = ct.index.to_series()
    embeddings = embeddings_matrix(comment_embeddings, ids)
    topics = ct["topic_id"].to_numpy()
    topic_ids, centroids = topic_centroids(embeddings, topics)
    rows = []
    for t, label in ct.groupby("topic_id")["topic_label"].first().items():
        members = np.flatnonzero(topics == t)
        examples: list[str] = []
        if t >= 0:
            centroid = centroids[list(topic_ids).index(t)]
            order = members[np.argsort(-(embeddings[members] @ centroid), kind="stable")]
            for i in order:
                text = str(docs.at[ids.iloc[i], "text_clean"])
                if text not in examples:
                    examples.append(text)
                if len(examples) == params.representative_comments:
                    break
        terms = (
            [w for w, _ in (topic_model.get_topic(int(t)) or [])]
            if t >= 0 and has_topic_model(topic_model)
            else []
        )
        rows.append(
            {
                "topic_id": int(t),
                "topic_label": label,
                "size": len(members),
                "share": round(len(members) / len(topics), 4),
                "top_terms": ", ".join(terms[:10]),
                "representative_comments": examples,
            }
        )
    info = pd.DataFrame(rows)
    info["_outlier"] = info["topic_id"] < 0
    return (
        info.sort_values(["_outlier", "size", "topic_id"], ascending=[True, False, True])
        .drop(columns="_outlier")
        .reset_index(drop=True)
    )


def extract_topic_keywords(
    comment_topics: pd.DataFrame, comments_clean: pd.DataFrame, params: TopicsParams
) -> pd.DataFrame:
    """``topic_keywords``: the words and expressions (1–3-grams) patients use per topic,
    ranked by the log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008)
    against all other topics: ``topic_id, topic_label, keyword, count, log_odds_z``."""
    from sklearn.feature_extraction.text import CountVectorizer

    from .fit import topic_documents
    from .vocabulary import FrenchAnalyzer, stop_words

    docs = select_model_comments(comments_clean).set_index("comment_id")
    ct = comment_topics[comment_topics["topic_id"] >= 0]
    texts = topic_documents(docs.loc[ct["comment_id"], "text_clean"])
    vectorizer = CountVectorizer(
        analyzer=FrenchAnalyzer(stop_words(params.model.vectorizer.extra_stop_words), 3),
        min_df=min(params.model.vectorizer.keyword_min_df, max(1, len(texts) // 50)),
        max_features=params.model.vectorizer.max_features,
    )
    if not texts:
        return pd.DataFrame(columns=KEYWORD_COLUMNS)
    try:
        counts = vectorizer.fit_transform(texts)
    except ValueError as error:
        # Short comments made only of stop words: scikit-learn's "empty vocabulary". The
        # table stays empty (topics_status notes the topics stage's state).
        if "empty vocabulary" not in str(error) and "no terms remain" not in str(error):
            raise
        return pd.DataFrame(columns=KEYWORD_COLUMNS)
    vocab = vectorizer.get_feature_names_out()
    topics = ct["topic_id"].to_numpy()
    labels = ct.groupby("topic_id")["topic_label"].first()
    total = np.asarray(counts.sum(axis=0)).ravel().astype(float)
    prior = total / total.sum() * 1000.0  # Dirichlet prior scaled to 1000 pseudo-counts
    a0 = prior.sum()
    rows = []
    for t in np.unique(topics):
        y_i = np.asarray(counts[topics == t].sum(axis=0)).ravel().astype(float)
        y_j = total - y_i
        n_i, n_j = y_i.sum(), y_j.sum()
        delta = np.log((y_i + prior) / (n_i + a0 - y_i - prior)) - np.log(
            (y_j + prior) / (n_j + a0 - y_j - prior)
        )
        z = delta / np.sqrt(1.0 / (y_i + prior) + 1.0 / (y_j + prior))
        for k in np.argsort(-z)[: params.keywords_per_topic]:
            if y_i[k] > 0:
                rows.append(
                    {
                        "topic_id": int(t),
                        "topic_label": labels[t],
                        "keyword": vocab[k],
                        "count": int(y_i[k]),
                        "log_odds_z": round(float(z[k]), 3),
                    }
                )
    return pd.DataFrame(rows, columns=KEYWORD_COLUMNS)


def _month(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.to_period("M").dt.to_timestamp()


def count_topics_over_time(comment_topics: pd.DataFrame) -> pd.DataFrame:
    """``topics_over_time``: ``month, topic_id, topic_label, count, month_total, share``,
    every topic × month cell present (zeros included) so that trends see empty months."""
    frame = comment_topics.dropna(subset=["created_at"]).assign(
        month=lambda d: _month(d["created_at"])
    )
    if frame.empty:  # an export without dates (or no comment): no monthly count to make
        return pd.DataFrame(columns=OVER_TIME_COLUMNS)
    labels = frame.groupby("topic_id")["topic_label"].first()
    counts = frame.groupby(["month", "topic_id"]).size()
    months = pd.date_range(frame["month"].min(), frame["month"].max(), freq="MS")
    full = counts.reindex(
        pd.MultiIndex.from_product([months, labels.index], names=["month", "topic_id"]),
        fill_value=0,
    )
    out = full.rename("count").reset_index()
    out["topic_label"] = out["topic_id"].map(labels)
    out["month_total"] = out.groupby("month")["count"].transform("sum")
    out["share"] = (
        (out["count"] / out["month_total"].where(out["month_total"] > 0)).fillna(0.0).round(4)
    )
    return out[OVER_TIME_COLUMNS]


def summarise_topic_sentiment(comment_topics: pd.DataFrame) -> pd.DataFrame:
    """``topic_sentiment``: per topic and month (and ``month = NaT`` for all months),
    counts and shares of negatif/neutre/positif, mean score and question count."""
    frame = comment_topics.assign(month=_month(comment_topics["created_at"]))

    def summarise(group_cols: list[str], data: pd.DataFrame) -> pd.DataFrame:
        counts = pd.crosstab([data[c] for c in group_cols], data["sentiment_label"]).reindex(
            columns=["negatif", "neutre", "positif"], fill_value=0
        )
        total = counts.sum(axis=1)
        out = counts.add_prefix("n_")
        for label in ["negatif", "neutre", "positif"]:
            out[f"share_{label}"] = (counts[label] / total).round(4)
        grouped = data.groupby(group_cols)
        out["n_comments"] = total
        out["mean_score"] = grouped["sentiment_score"].mean().round(4)
        out["n_questions"] = grouped["is_question"].sum().astype(int)
        return out.reset_index()

    overall = summarise(["topic_id"], frame).assign(month=pd.NaT)
    monthly = summarise(["topic_id", "month"], frame.dropna(subset=["month"]))
    out = pd.concat([overall, monthly], ignore_index=True)
    out["topic_label"] = out["topic_id"].map(
        comment_topics.groupby("topic_id")["topic_label"].first()
    )
    first = ["topic_id", "topic_label", "month", "n_comments"]
    return out[first + [c for c in out.columns if c not in first]]
