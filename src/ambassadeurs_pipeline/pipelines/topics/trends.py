"""Measured trends and bad-buzz alerts.

``detect_topic_trends``: for each topic, its share of comments over the last
``recent_months`` months against its share before. Under "no change", given the topic's
total count K, its recent count follows Binomial(K, recent comments / all comments) — the
exact conditional test comparing two Poisson rates with their exposures. P-values are
corrected for the number of topics (Holm by default), so "+18 % de conversations" is only
called significant when it survives that correction.

``detect_bad_buzz``: a topic × month cell alerts when its negative-comment count k is
improbable under a Poisson law with the topic's trailing mean as rate
(``P(X ≥ k) < alpha``), with a minimum count and a minimum ratio to the baseline.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.stats import binomtest, poisson
from statsmodels.stats.multitest import multipletests

from ambassadeurs_pipeline.sizing import bad_buzz_min_negative, trend_min_count

from .params import TopicsParams


def trend_minimum(p_min_count: int | None, comment_topics_count: int) -> int:
    """``trends.min_count`` as set, or derived from the number of modelled comments."""
    return p_min_count if p_min_count is not None else trend_min_count(comment_topics_count)


def month_span(dates: pd.Series) -> int:
    """Calendar months from the first date's month to the last's, both included."""
    if dates.empty:
        return 0
    first, last = dates.min().to_period("M"), dates.max().to_period("M")
    return (last.year - first.year) * 12 + last.month - first.month + 1


def bad_buzz_minimum(p_min_negative: int | None, n_comments: int, n_months: int) -> int:
    """``bad_buzz.min_negative`` as set, or derived from the monthly volume."""
    return p_min_negative if p_min_negative is not None else bad_buzz_min_negative(n_comments, n_months)

TREND_COLUMNS = [
    "topic_id", "topic_label", "recent_start", "recent_end", "count_recent", "count_before",
    "share_recent", "share_before", "growth", "p_value", "p_value_adjusted", "significant",
    "direction", "statement",
]
ALERT_COLUMNS = [
    "topic_id", "topic_label", "month", "n_comments", "n_negative", "baseline_negative",
    "ratio", "p_value", "statement",
]


def detect_topic_trends(topics_over_time: pd.DataFrame, params: TopicsParams) -> pd.DataFrame:
    p = params.trends
    frame = topics_over_time[topics_over_time["topic_id"] >= 0]
    months = np.sort(frame["month"].unique())
    if len(months) <= p.recent_months or frame.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    min_count = trend_minimum(p.min_count, int(topics_over_time["count"].sum()))
    recent_months = months[-p.recent_months :]
    recent = frame["month"].isin(recent_months)
    totals = topics_over_time.groupby(topics_over_time["month"].isin(recent_months))["count"].sum()
    n_recent, n_before = int(totals.get(True, 0)), int(totals.get(False, 0))
    rows = []
    for (topic, label), group in frame.groupby(["topic_id", "topic_label"]):
        k_recent = int(group.loc[recent.loc[group.index], "count"].sum())
        k_before = int(group["count"].sum()) - k_recent
        share_recent = k_recent / n_recent if n_recent else np.nan
        share_before = k_before / n_before if n_before else np.nan
        growth = share_recent / share_before - 1.0 if share_before else np.nan
        k = k_recent + k_before
        pvalue = binomtest(k_recent, k, n_recent / (n_recent + n_before)).pvalue if k else 1.0
        rows.append(
            {
                "topic_id": int(topic), "topic_label": label,
                "recent_start": pd.Timestamp(recent_months[0]), "recent_end": pd.Timestamp(recent_months[-1]),
                "count_recent": k_recent, "count_before": k_before,
                "share_recent": round(share_recent, 4), "share_before": round(share_before, 4),
                "growth": round(growth, 4) if np.isfinite(growth) else np.nan, "p_value": pvalue,
                "_enough": k >= min_count,
            }
        )
    out = pd.DataFrame(rows)
    out["p_value_adjusted"] = multipletests(out["p_value"], method=p.correction)[1]
    out["significant"] = (out["p_value_adjusted"] < p.alpha) & out["_enough"]
    out["direction"] = np.where(~out["significant"], "stable", np.where(out["growth"] > 0, "hausse", "baisse"))
    out["statement"] = [
        f"{r.growth:+.0%} de conversations sur « {r.topic_label} » ({p.recent_months} derniers mois "
        f"vs avant, p ajusté = {r.p_value_adjusted:.2g}{'' if r.significant else ', non significatif'})"
        for r in out.itertuples()
    ]
    return out.sort_values(["significant", "growth"], ascending=[False, False])[TREND_COLUMNS].reset_index(drop=True)


def detect_bad_buzz(comment_topics: pd.DataFrame, params: TopicsParams) -> pd.DataFrame:
    p = params.bad_buzz
    frame = comment_topics[(comment_topics["topic_id"] >= 0)].dropna(subset=["created_at"])
    if frame.empty:
        return pd.DataFrame(columns=ALERT_COLUMNS)
    frame = frame.assign(month=pd.to_datetime(frame["created_at"]).dt.to_period("M").dt.to_timestamp())
    months = pd.date_range(frame["month"].min(), frame["month"].max(), freq="MS")
    labels = frame.groupby("topic_id")["topic_label"].first()
    dated = pd.to_datetime(comment_topics["created_at"]).dropna()
    min_negative = bad_buzz_minimum(p.min_negative, len(dated), month_span(dated))
    negative = frame[frame["sentiment_label"] == "negatif"].groupby(["topic_id", "month"]).size()
    volume = frame.groupby(["topic_id", "month"]).size()
    rows = []
    for topic in labels.index:
        neg = negative.reindex(pd.MultiIndex.from_product([[topic], months]), fill_value=0).to_numpy()
        vol = volume.reindex(pd.MultiIndex.from_product([[topic], months]), fill_value=0).to_numpy()
        for m in range(p.min_history_months, len(months)):
            history = neg[max(0, m - p.baseline_months) : m]
            baseline = max(float(history.mean()), 0.5)
            k = int(neg[m])
            pvalue = float(poisson.sf(k - 1, baseline))
            if k >= min_negative and k / baseline >= p.min_ratio and pvalue < p.alpha:
                rows.append(
                    {
                        "topic_id": int(topic), "topic_label": labels[topic], "month": months[m],
                        "n_comments": int(vol[m]), "n_negative": k, "baseline_negative": round(baseline, 2),
                        "ratio": round(k / baseline, 2), "p_value": pvalue,
                        "statement": f"Bad buzz « {labels[topic]} » en {months[m]:%m/%Y} : {k} commentaires négatifs "
                        f"pour {baseline:.1f} attendus (×{k / baseline:.1f}, p = {pvalue:.1e})",
                    }
                )
    return pd.DataFrame(rows, columns=ALERT_COLUMNS)
