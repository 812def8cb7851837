"""Measured trends and bad-buzz alerts.

``detect_topic_trends``: for each topic, its share of comments over the last
``recent_months`` months against its share before. Under "no change", given the topic's
total count K, its recent count follows Binomial(K, recent comments / all comments) — the
exact conditional test comparing two Poisson rates with their exposures. P-values are
corrected for the number of topics (Holm by default), so "+18 % de conversations" is only
called significant when it survives that correction.

``detect_bad_buzz``: a topic × month cell alerts when its negative-comment count k is
improbable under a Poisson law with the topic's trailing mean as rate
(``P(X ≥ k) < alpha``), with a minimum count and a minimum ratio to the baseline. Each
alert names what drives it (``drivers``): the words and expressions most over-represented in
the burst's negative comments against the topic's comments of the other months (log-odds with an
informative Dirichlet prior, as ``topic_keywords``), drug and product names first; against
the rest of the corpus when the topic has fewer other comments than the burst.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from scipy.stats import binomtest, poisson
from statsmodels.stats.multitest import multipletests

from ambassadeurs_pipeline.embeddings.base import strip_placeholders
from ambassadeurs_pipeline.sizing import bad_buzz_min_negative, trend_min_count
from ambassadeurs_pipeline.text.months import MONTHS_LONG_FR
from ambassadeurs_pipeline.text.spelling import Spellings

from .labels import log_odds_z
from .params import TopicsParams
from .vocabulary import FrenchAnalyzer, stop_words


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
    return (
        p_min_negative
        if p_min_negative is not None
        else bad_buzz_min_negative(n_comments, n_months)
    )


TREND_COLUMNS = [
    "topic_id",
    "topic_label",
    "recent_start",
    "recent_end",
    "count_recent",
    "count_before",
    "share_recent",
    "share_before",
    "growth",
    "p_value",
    "p_value_adjusted",
    "significant",
    "direction",
    "statement",
]
ALERT_COLUMNS = [
    "topic_id",
    "topic_label",
    "month",
    "n_comments",
    "n_negative",
    "baseline_negative",
    "ratio",
    "p_value",
    "drivers",
    "statement",
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
                "topic_id": int(topic),
                "topic_label": label,
                "recent_start": pd.Timestamp(recent_months[0]),
                "recent_end": pd.Timestamp(recent_months[-1]),
                "count_recent": k_recent,
                "count_before": k_before,
                "share_recent": round(share_recent, 4),
                "share_before": round(share_before, 4),
                "growth": round(growth, 4) if np.isfinite(growth) else np.nan,
                "p_value": pvalue,
                "_enough": k >= min_count,
            }
        )
    out = pd.DataFrame(rows)
    out["p_value_adjusted"] = multipletests(out["p_value"], method=p.correction)[1]
    out["significant"] = (out["p_value_adjusted"] < p.alpha) & out["_enough"]
    out["direction"] = np.where(
        ~out["significant"], "stable", np.where(out["growth"] > 0, "hausse", "baisse")
    )
    out["statement"] = [
        f"{r.growth:+.0%} de conversations sur « {r.topic_label} » ({p.recent_months} derniers mois "
        f"vs avant, p ajusté = {r.p_value_adjusted:.2g}{'' if r.significant else ', non significatif'})"
        for r in out.itertuples()
    ]
    return out.sort_values(["significant", "growth"], ascending=[False, False])[
        TREND_COLUMNS
    ].reset_index(drop=True)


class CompoundAnalyzer(FrenchAnalyzer):
    """``FrenchAnalyzer`` that keeps hyphenated compounds whole ("sage-femme", not "sage",
    "femme"), so that a driver is never half a word."""

    _word = re.compile(r"(?u)\b[^\W\d_][^\W\d_'’]*(?:-[^\W\d_]+)*\b")
    _split = re.compile(r"[.!?;:,()\[\]\n«»\"…]+")

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for chunk in self._split.split(text.lower().replace("’", "'")):
            run: list[str] = []
            for word in [w.split("'")[-1] for w in self._word.findall(chunk)] + [""]:
                if word and word not in self.stop and len(word) > 2:
                    run.append(word)
                    continue
                for n in range(1, self.ngram_max + 1):
                    out.extend(" ".join(run[i : i + n]) for i in range(len(run) - n + 1))
                run = []
        return out


def burst_drivers(
    burst_texts: list[str],
    baseline_texts: list[str],
    stop: list[str],
    n_terms: int = 5,
    min_count: int = 3,
    spellings: Spellings | None = None,
) -> list[str]:
    """The terms (1–2-grams) most over-represented in ``burst_texts`` against
    ``baseline_texts``, drug and product names first, each in the corpus' spelling.

    Document counts; log-odds z with an informative Dirichlet prior (``labels.log_odds_z``);
    a term needs ``min_count`` burst comments and z > 1.96. A bigram is dropped when one of
    its words is already shown ("Velnorix" then not "velnorix formule").
    """
    from sklearn.feature_extraction.text import CountVectorizer

    if not burst_texts:
        return []
    spellings = spellings or Spellings.build(burst_texts + baseline_texts)
    vectorizer = CountVectorizer(analyzer=CompoundAnalyzer(stop, 2), binary=True)
    try:
        counts = vectorizer.fit_transform(burst_texts + baseline_texts)
    except ValueError:  # only stop words
        return []
    vocab = vectorizer.get_feature_names_out()
    burst = np.asarray(counts[: len(burst_texts)].sum(axis=0)).ravel()
    total = np.asarray(counts.sum(axis=0)).ravel()
    # The prior weighs at most a tenth of the data: 1,000 pseudo-counts (topic_keywords) would
    # swamp a burst of a few dozen comments.
    z = log_odds_z(burst, total, prior_total=min(1000.0, max(10.0, total.sum() / 10)))
    order = [i for i in np.lexsort((vocab, -z)) if burst[i] >= min_count and z[i] > 1.96][
        : 4 * n_terms
    ]
    terms = [str(vocab[i]) for i in order]
    drugs = [t for t in terms if len(t.split()) == 1 and spellings.is_drug(t)]
    ordered = drugs + [t for t in terms if t not in drugs]
    out: list[str] = []
    used: set[str] = set()
    for term in ordered:
        words = set(term.split())
        if words & used:
            continue
        out.append(spellings.display(term))
        used |= words
        if len(out) == n_terms:
            break
    return out


def detect_bad_buzz(
    comment_topics: pd.DataFrame, params: TopicsParams, comments_clean: pd.DataFrame | None = None
) -> pd.DataFrame:
    """``bad_buzz_alerts`` (see the module docstring); ``drivers`` needs ``comments_clean``
    (``text_clean`` by ``comment_id``) and is an empty list without it."""
    p = params.bad_buzz
    frame = comment_topics[(comment_topics["topic_id"] >= 0)].dropna(subset=["created_at"])
    if frame.empty:
        return pd.DataFrame(columns=ALERT_COLUMNS)
    frame = frame.assign(
        month=pd.to_datetime(frame["created_at"]).dt.to_period("M").dt.to_timestamp()
    )
    months = pd.date_range(frame["month"].min(), frame["month"].max(), freq="MS")
    labels = frame.groupby("topic_id")["topic_label"].first()
    dated = pd.to_datetime(comment_topics["created_at"]).dropna()
    min_negative = bad_buzz_minimum(p.min_negative, len(dated), month_span(dated))
    negative = frame[frame["sentiment_label"] == "negatif"].groupby(["topic_id", "month"]).size()
    volume = frame.groupby(["topic_id", "month"]).size()
    texts = None
    if comments_clean is not None and {"comment_id", "text_clean"} <= set(comments_clean.columns):
        texts = comments_clean.set_index("comment_id")["text_clean"]
        texts = texts[~texts.index.duplicated()]
        frame = frame.assign(
            _text=frame["comment_id"].map(texts).fillna("").astype(str).map(strip_placeholders)
        )
        spellings = Spellings.build(frame["_text"])
        stop = stop_words(params.model.vectorizer.extra_stop_words)
    rows = []
    for topic in labels.index:
        neg = negative.reindex(
            pd.MultiIndex.from_product([[topic], months]), fill_value=0
        ).to_numpy()
        vol = volume.reindex(pd.MultiIndex.from_product([[topic], months]), fill_value=0).to_numpy()
        for m in range(p.min_history_months, len(months)):
            history = neg[max(0, m - p.baseline_months) : m]
            baseline = max(float(history.mean()), 0.5)
            k = int(neg[m])
            pvalue = float(poisson.sf(k - 1, baseline))
            if k >= min_negative and k / baseline >= p.min_ratio and pvalue < p.alpha:
                drivers: list[str] = []
                if texts is not None:
                    in_topic = frame["topic_id"] == topic
                    in_burst = (
                        in_topic
                        & (frame["month"] == months[m])
                        & (frame["sentiment_label"] == "negatif")
                    )
                    # The topic's baseline: its comments of the other months.
                    background = frame.loc[in_topic & (frame["month"] != months[m]), "_text"]
                    # A topic that is mostly the burst itself (a new product complaint the
                    # model gave its own topic) has no baseline of its own to contrast with:
                    # the rest of the corpus is the background then.
                    if len(background) < in_burst.sum():
                        background = frame.loc[~in_topic | (frame["month"] != months[m]), "_text"]
                    drivers = burst_drivers(
                        frame.loc[in_burst, "_text"].tolist(),
                        background.tolist(),
                        stop,
                        n_terms=p.n_drivers,
                        spellings=spellings,
                    )
                what = drivers[0] if drivers else f"« {labels[topic]} »"
                month_name = f"{MONTHS_LONG_FR[months[m].month - 1]} {months[m].year}"
                ratio_text = f"{k / baseline:.1f}".replace(".", ",")
                rows.append(
                    {
                        "topic_id": int(topic),
                        "topic_label": labels[topic],
                        "month": months[m],
                        "n_comments": int(vol[m]),
                        "n_negative": k,
                        "baseline_negative": round(baseline, 2),
                        "ratio": round(k / baseline, 2),
                        "p_value": pvalue,
                        "drivers": drivers,
                        "statement": f"{what} : hausse des avis négatifs en {month_name} (×{ratio_text}) — "
                        f"thème « {labels[topic]} », {k} commentaires négatifs pour {baseline:.1f} attendus "
                        f"(p = {pvalue:.1e})",
                    }
                )
    return pd.DataFrame(rows, columns=ALERT_COLUMNS)
