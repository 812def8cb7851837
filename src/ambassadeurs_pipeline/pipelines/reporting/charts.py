"""The report's charts: matplotlib figures, labelled in the report's language.

Each ``plot_*`` function takes the upstream dataset as the catalog loads it (so notebooks
call them directly on ``catalog.load(...)``) and returns a ``matplotlib.figure.Figure``
built without pyplot (no global state, safe in a runner). The style, the forest and Qini
drawings and ``figure_to_data_uri`` (the base64 PNG the self-contained HTML embeds) are
shared with the uplift figures in ``ambassadeurs_pipeline.charts``.
"""

from __future__ import annotations

import matplotlib
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.figure import Figure  # figures without pyplot: no backend, no global state
from matplotlib.ticker import FuncFormatter

from ambassadeurs_pipeline.charts import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    RED,
    SKY,
    STYLE,
    draw_forest,
    draw_qini,
    height_for,
    wrap,
)

from . import frames
from .i18n import Translator

SENTIMENT_COLOURS = {"negatif": RED, "neutre": "#BBBBBB", "positif": GREEN}


def _empty(fig: Figure, ax, t: Translator, title: str) -> Figure:
    ax.set_title(title)
    ax.axis("off")
    ax.text(
        0.5, 0.5, t("chart_no_data"), ha="center", va="center", color=GREY, transform=ax.transAxes
    )
    return fig


def _barh(
    values: pd.Series, labels: list[str], t: Translator, title: str, xlabel: str, colour: str
) -> Figure:
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(8, height_for(len(values))), layout="constrained")
        ax = fig.add_subplot()
        y = np.arange(len(values))[::-1]
        bars = ax.barh(y, values, color=colour, height=0.65)
        ax.set_yticks(y, [wrap(label) for label in labels])
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        ax.grid(axis="y", visible=False)
        ax.bar_label(bars, labels=[t.integer(v) for v in values], padding=3, fontsize=9)
        ax.margins(x=0.12)
    return fig


def plot_top_topics(topic_info: pd.DataFrame | None, lang: str = "fr", n: int = 10) -> Figure:
    """Horizontal bars: the ``n`` largest topics by number of comments (outliers excluded)."""
    t = Translator(lang)
    counts = frames.topic_counts(topic_info, n)
    if counts.empty:
        with matplotlib.rc_context(STYLE):
            fig = Figure(figsize=(8, 2.5))
            return _empty(fig, fig.add_subplot(), t, t("chart_top_topics"))
    return _barh(
        counts["count"],
        counts["label"].tolist(),
        t,
        t("chart_top_topics"),
        t("chart_top_topics_x"),
        BLUE,
    )


def plot_topic_trends(
    topics_over_time: pd.DataFrame | None,
    topic_info: pd.DataFrame | None,
    topic_ids: list[int],
    lang: str = "fr",
) -> Figure:
    """Lines: comments per period for the given topics (the significant risers)."""
    t = Translator(lang)
    wide = frames.topic_time_series(topics_over_time, topic_ids)
    labels = frames.topic_labels(topic_info)
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(8, 4), layout="constrained")
        ax = fig.add_subplot()
        if wide.empty:
            return _empty(fig, ax, t, t("chart_trends"))
        palette = [RED, ORANGE, BLUE, GREEN, SKY, "#CC79A7"]
        for i, topic_id in enumerate(wide.columns):
            ax.plot(
                wide.index,
                wide[topic_id],
                marker="o",
                markersize=3,
                linewidth=2,
                color=palette[i % len(palette)],
                label=wrap(labels.get(topic_id, str(topic_id)), 45, 1),
            )
        ax.set_ylabel(t("chart_trends_y"))
        ax.set_title(t("chart_trends"))
        ax.set_ylim(bottom=0)
        ax.legend(frameon=False, fontsize=9, loc="upper left")
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: t.month(mdates.num2date(v))))
    return fig


def plot_topic_sentiment(
    topic_sentiment: pd.DataFrame | None,
    topic_info: pd.DataFrame | None,
    lang: str = "fr",
    n: int = 10,
) -> Figure:
    """Stacked horizontal bars: negative / neutral / positive share per topic, most negative first."""
    t = Translator(lang)
    shares = frames.topic_sentiment_shares(topic_sentiment, topic_info)
    order = frames.topic_counts(topic_info, n)["topic_id"].tolist()
    if order:
        shares = shares[shares["topic_id"].isin(order)]
    shares = shares.sort_values("negatif", ascending=False, kind="stable").head(n)
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(8, height_for(len(shares)) + 0.4), layout="constrained")
        ax = fig.add_subplot()
        if shares.empty:
            return _empty(fig, ax, t, t("chart_sentiment"))
        y = np.arange(len(shares))[::-1]
        left = np.zeros(len(shares))
        for level in ["negatif", "neutre", "positif"]:
            values = shares[level].to_numpy()
            ax.barh(
                y,
                values,
                left=left,
                color=SENTIMENT_COLOURS[level],
                height=0.65,
                label=t(f"sent_{level}"),
            )
            for yi, li, vi in zip(y, left, values):
                if vi >= 0.08:
                    ax.text(
                        li + vi / 2,
                        yi,
                        t.percent(vi),
                        ha="center",
                        va="center",
                        fontsize=8,
                        color="white" if level != "neutre" else "#333333",
                    )
            left += values
        ax.set_yticks(y, [wrap(label) for label in shares["label"]])
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: t.percent(v)))
        ax.set_xlabel(t("chart_sentiment_x"))
        ax.set_title(t("chart_sentiment"))
        ax.grid(axis="y", visible=False)
        ax.legend(
            ncols=3, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=9
        )
    return fig


def plot_gap_scores(information_gaps: pd.DataFrame | None, lang: str = "fr", n: int = 10) -> Figure:
    """Horizontal bars: gap score of the ``n`` highest-ranked information gaps."""
    t = Translator(lang)
    scores = frames.gap_scores(information_gaps, n)
    if scores.empty:
        with matplotlib.rc_context(STYLE):
            fig = Figure(figsize=(8, 2.5))
            return _empty(fig, fig.add_subplot(), t, t("chart_gaps"))
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(8, height_for(len(scores))), layout="constrained")
        ax = fig.add_subplot()
        y = np.arange(len(scores))[::-1]
        bars = ax.barh(y, scores["score"], color=RED, height=0.65)
        ax.set_yticks(
            y, [wrap(f"{r}. {label}", 45) for r, label in zip(scores["rank"], scores["label"])]
        )
        ax.bar_label(bars, labels=[t.number(v, 2) for v in scores["score"]], padding=3, fontsize=9)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: t.number(v, 1)))
        ax.set_xlabel(t("chart_gaps_x"))
        ax.set_title(t("chart_gaps"))
        ax.grid(axis="y", visible=False)
        ax.margins(x=0.12)
    return fig


def plot_persona_sizes(persona_cards: pd.DataFrame | None, lang: str = "fr") -> Figure:
    """Horizontal bars: number of authors per persona."""
    t = Translator(lang)
    sizes = frames.persona_sizes(persona_cards)
    if sizes.empty:
        with matplotlib.rc_context(STYLE):
            fig = Figure(figsize=(8, 2.5))
            return _empty(fig, fig.add_subplot(), t, t("chart_personas"))
    return _barh(
        sizes["count"],
        sizes["label"].tolist(),
        t,
        t("chart_personas"),
        t("chart_personas_x"),
        ORANGE,
    )


def plot_uplift_forest(
    uplift_results: dict | None, lang: str = "fr", arm: str | None = None, scale: float = 100.0
) -> Figure:
    """Forest plot: effect and 95 % CI of one arm, overall (highlighted) then per segment/persona.

    ``scale`` converts rate differences to percentage points (100) for reading.
    """
    t = Translator(lang)
    arm = arm or frames.focus_arm(uplift_results)
    effects = frames.effect_table(uplift_results, arm)
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(8, height_for(len(effects)) + 0.3), layout="constrained")
        ax = fig.add_subplot()
        if effects.empty:
            return _empty(fig, ax, t, t("chart_forest"))
        is_overall = (effects["segment"] == frames.OVERALL).to_numpy()
        est, lo, hi = (
            effects[c].to_numpy(dtype=float) * scale for c in ("estimate", "ci_low", "ci_high")
        )
        labels = [t("overall") if o else s for s, o in zip(effects["segment"], is_overall)]
        y = draw_forest(
            ax,
            [wrap(label, 30) for label in labels],
            est,
            lo,
            hi,
            colours=[BLUE if o else "#333333" for o in is_overall],
            emphasis=is_overall,
        )
        for yi, e, a, b in zip(y, est, lo, hi):
            ax.annotate(
                f"{t.signed(e)} [{t.signed(a)} ; {t.signed(b)}]",
                (max(a, b, e), yi),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=8.5,
            )
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: t.number(v, 0)))
        ax.set_xlabel(t("chart_forest_x"))
        ax.set_title(t("chart_forest_arm", arm=arm))
        ax.grid(axis="y", visible=False)
        low, high = min(np.nanmin(lo), 0.0), max(np.nanmax(hi), 0.0)
        span = (high - low) or 1.0
        ax.set_xlim(low - 0.05 * span, high + 0.45 * span)
    return fig


def plot_qini(
    qini_curves: pd.DataFrame | None, lang: str = "fr", model: str | None = None
) -> Figure:
    """Qini curve of one targeting model against random targeting (the baseline)."""
    t = Translator(lang)
    curve = frames.qini_curve(qini_curves, model)
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(7, 4.2), layout="constrained")
        ax = fig.add_subplot()
        if curve.empty:
            return _empty(fig, ax, t, t("chart_qini"))
        draw_qini(
            ax,
            curve["share"],
            curve["model"],
            curve["random"],
            t("qini_model"),
            t("qini_random"),
        )
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: t.percent(v)))
        ax.set_xlim(0, 1)
        ax.set_xlabel(t("chart_qini_x"))
        ax.set_ylabel(t("chart_qini_y"))
        ax.set_title(t("chart_qini") + (f" — {model}" if model else ""))
        ax.legend(frameon=True, framealpha=0.9, edgecolor="none", loc="best")
    return fig
