"""Read the other stages' outputs into the small tidy tables the report shows.

The report depends on the data contract (docs/ARCHITECTURE.md) only through this module:
column names are looked up here, once, with the tolerated aliases, so a renamed upstream
column breaks one function and its test, not every chart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.contracts.vocabulary import GAP_RANKED

OUTLIER_TOPIC = -1  # BERTopic's "no topic" cluster.


def col(frame: pd.DataFrame | None, *candidates: str) -> str | None:
    """First of ``candidates`` that is a column of ``frame``, else ``None``."""
    if frame is None:
        return None
    for name in candidates:
        if name in frame.columns:
            return name
    return None


def is_empty(data: Any) -> bool:
    """True for ``None``, an empty frame or an empty mapping: the stage produced nothing."""
    if data is None:
        return True
    if isinstance(data, pd.DataFrame):
        return data.empty
    if isinstance(data, dict):
        return not data
    return False


def as_text(value: Any, max_chars: int | None = None) -> str:
    """A cell as display text; lists become "a ; b"; long text is cut with an ellipsis."""
    if value is None:
        return ""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    if isinstance(value, list | tuple):
        text = " ; ".join(as_text(v) for v in value)
    elif isinstance(value, float) and np.isnan(value):
        return ""
    elif value is pd.NA or value is pd.NaT:
        return ""
    else:
        text = str(value)
    text = " ".join(text.split())
    if max_chars and len(text) > max_chars:
        text = text[: max_chars - 1].rstrip() + "…"
    return text


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, list | tuple):
        return list(value)
    if isinstance(value, float) and np.isnan(value):
        return []
    return [value]


def topic_labels(topic_info: pd.DataFrame | None) -> dict[int, str]:
    """``topic_id → label`` from ``topic_info`` (empty when absent)."""
    if topic_info is None:
        return {}
    label = col(topic_info, "topic_label", "label", "name", "Name")
    tid = col(topic_info, "topic_id", "Topic", "topic")
    if label is None or tid is None:
        return {}
    return dict(zip(topic_info[tid].astype(int), topic_info[label].map(as_text)))


def topic_counts(topic_info: pd.DataFrame | None, n: int | None = None) -> pd.DataFrame:
    """``label, count`` of the largest real topics (outliers left out), largest first."""
    if topic_info is None or topic_info.empty:
        return pd.DataFrame({"topic_id": [], "label": [], "count": []})
    tid = col(topic_info, "topic_id", "Topic", "topic")
    count = col(topic_info, "count", "n_comments", "size", "Count")
    labels = topic_labels(topic_info)
    out = pd.DataFrame(
        {
            "topic_id": topic_info[tid].astype(int),
            "count": pd.to_numeric(topic_info[count], errors="coerce").fillna(0).astype(int),
        }
    )
    out = out[out["topic_id"] != OUTLIER_TOPIC]
    out["label"] = out["topic_id"].map(labels).fillna(out["topic_id"].astype(str))
    out = out.sort_values("count", ascending=False, kind="stable")
    return (out.head(n) if n else out).reset_index(drop=True)


def topic_sentiment_shares(
    topic_sentiment: pd.DataFrame | None, topic_info: pd.DataFrame | None
) -> pd.DataFrame:
    """``label, negatif, neutre, positif`` shares (rows sum to 1), wide or long input."""
    levels = ["negatif", "neutre", "positif"]
    if topic_sentiment is None or topic_sentiment.empty:
        return pd.DataFrame(columns=["topic_id", "label", *levels])
    frame = topic_sentiment.copy()
    month = col(frame, "month", "period")
    if month is not None:  # per-month rows plus one all-months row (month = NaT) per topic
        overall = frame[frame[month].isna()]
        frame = overall if not overall.empty else frame
    tid = col(frame, "topic_id", "topic")
    sent = col(frame, "sentiment_label", "sentiment")
    if sent is not None:  # long format: one row per topic × sentiment
        value = col(frame, "share", "count", "n", "n_comments")
        wide = frame.pivot_table(index=tid, columns=sent, values=value, aggfunc="sum", fill_value=0)
    else:
        mapping = {}
        for level in levels:
            name = col(frame, f"share_{level}", level, f"{level}_share", f"n_{level}")
            if name:
                mapping[name] = level
        wide = frame.groupby(tid)[list(mapping)].sum().rename(columns=mapping)
    wide = wide.reindex(columns=levels, fill_value=0).astype(float)
    totals = wide.sum(axis=1).replace(0, np.nan)
    wide = wide.div(totals, axis=0).fillna(0)
    wide.index = wide.index.astype(int)
    wide = wide[wide.index != OUTLIER_TOPIC]
    out = wide.reset_index().rename(columns={tid: "topic_id"})
    labels = topic_labels(topic_info)
    out["label"] = out["topic_id"].map(labels).fillna(out["topic_id"].astype(str))
    return out[["topic_id", "label", *levels]]


def topic_trend_table(
    topic_trends: pd.DataFrame | None, topic_info: pd.DataFrame | None
) -> pd.DataFrame:
    """``topic_id, label, change, p_value, significant, rising`` per topic."""
    cols = ["topic_id", "label", "change", "p_value", "significant", "rising"]
    if topic_trends is None or topic_trends.empty:
        return pd.DataFrame(columns=cols)
    t = topic_trends
    tid = col(t, "topic_id", "topic")
    change = col(t, "relative_change", "change", "growth", "slope", "trend")
    p = col(t, "q_value", "p_value_adjusted", "p_adj", "p_value", "pvalue")
    sig = col(t, "is_significant", "significant")
    rising = col(t, "is_rising", "rising")
    direction = col(t, "direction", "trend_direction")
    out = pd.DataFrame({"topic_id": t[tid].astype(int)})
    out["change"] = pd.to_numeric(t[change], errors="coerce") if change else np.nan
    out["p_value"] = pd.to_numeric(t[p], errors="coerce") if p else np.nan
    if sig:
        out["significant"] = t[sig].fillna(False).astype(bool)
    else:
        out["significant"] = out["p_value"].lt(0.05)
    if rising:
        out["rising"] = t[rising].fillna(False).astype(bool)
    elif direction:
        out["rising"] = (
            t[direction].astype(str).str.lower().isin(["up", "rising", "hausse", "increase"])
        )
    else:
        out["rising"] = out["change"].gt(0)
    labels = topic_labels(topic_info)
    label = col(t, "topic_label", "label")
    out["label"] = t[label].map(as_text) if label else out["topic_id"].map(labels)
    out["label"] = out["label"].fillna(out["topic_id"].astype(str))
    return out[out["topic_id"] != OUTLIER_TOPIC][cols].reset_index(drop=True)


def significant_risers(
    topic_trends: pd.DataFrame | None, topic_info: pd.DataFrame | None
) -> pd.DataFrame:
    trends = topic_trend_table(topic_trends, topic_info)
    risers = trends[trends["significant"] & trends["rising"]]
    return risers.sort_values("change", ascending=False, kind="stable").reset_index(drop=True)


def topic_time_series(
    topics_over_time: pd.DataFrame | None, topic_ids: Iterable[int]
) -> pd.DataFrame:
    """Wide ``period × topic_id`` counts for the given topics."""
    if topics_over_time is None or topics_over_time.empty:
        return pd.DataFrame()
    f = topics_over_time
    tid = col(f, "topic_id", "Topic", "topic")
    when = col(f, "period", "timestamp", "Timestamp", "date", "week", "month")
    value = col(f, "count", "frequency", "Frequency", "n_comments", "n")
    wanted = [int(i) for i in topic_ids]
    sub = f[f[tid].astype(int).isin(wanted)]
    wide = sub.pivot_table(index=when, columns=tid, values=value, aggfunc="sum", fill_value=0)
    wide.index = pd.to_datetime(wide.index, errors="coerce")
    wide.columns = wide.columns.astype(int)
    return wide.sort_index()


def gap_scores(information_gaps: pd.DataFrame | None, n: int | None = None) -> pd.DataFrame:
    """``rank, label, score`` of the ranked information gaps (status "classé"), best first."""
    if information_gaps is None or information_gaps.empty:
        return pd.DataFrame({"rank": [], "label": [], "score": []})
    gaps = information_gaps
    status = col(gaps, "status")
    if status:
        gaps = gaps[gaps[status] == GAP_RANKED]
    rank = col(gaps, "rank")
    out = pd.DataFrame(
        {
            "rank": gaps[rank].astype(int) if rank else range(1, len(gaps) + 1),
            "label": gaps[col(gaps, "label", "question")].map(as_text),
            "score": pd.to_numeric(gaps[col(gaps, "gap_score", "score")], errors="coerce"),
        }
    ).sort_values("rank", kind="stable")
    return (out.head(n) if n else out).reset_index(drop=True)


def persona_table(persona_cards: dict[str, Any] | pd.DataFrame | None) -> pd.DataFrame:
    """One row per persona from ``persona_cards`` (the personas stage's JSON, or a frame)."""
    if persona_cards is None:
        return pd.DataFrame()
    if isinstance(persona_cards, dict):
        return pd.DataFrame(persona_cards.get("personas") or [])
    return persona_cards


def persona_sizes(persona_cards: dict[str, Any] | pd.DataFrame | None) -> pd.DataFrame:
    """``label, count`` per persona, largest first."""
    cards = persona_table(persona_cards)
    if cards.empty:
        return pd.DataFrame({"label": [], "count": []})
    name = col(cards, "name", "persona_name", "label")
    size = col(cards, "size", "n_authors", "count", "n")
    out = pd.DataFrame(
        {
            "label": cards[name].map(as_text),
            "count": pd.to_numeric(cards[size], errors="coerce").fillna(0).astype(int),
        }
    )
    return out.sort_values("count", ascending=False, kind="stable").reset_index(drop=True)


OVERALL = "__overall__"


def focus_arm(uplift_results: dict[str, Any] | None) -> str | None:
    """The arm the campaign is judged on (``preparation.focus_arm``), else the first treated arm."""
    if not uplift_results:
        return None
    focus = (uplift_results.get("preparation") or {}).get("focus_arm")
    if focus:
        return focus
    effects = uplift_results.get("effects") or []
    return effects[0]["treatment"] if effects else None


def arm_effects(uplift_results: dict[str, Any] | None) -> pd.DataFrame:
    """``uplift_results["effects"]``: one row per treatment × reference comparison."""
    return pd.DataFrame((uplift_results or {}).get("effects") or [])


def effect_table(uplift_results: dict[str, Any] | None, arm: str | None = None) -> pd.DataFrame:
    """Forest-plot rows for one arm: its overall effect vs control, then one row per segment.

    Columns ``segment, estimate, ci_low, ci_high, n`` (``segment == OVERALL`` for the first);
    segments whose effect is not estimable are left out.
    """
    cols = ["segment", "estimate", "ci_low", "ci_high", "n"]
    arm = arm or focus_arm(uplift_results)
    if not uplift_results or arm is None:
        return pd.DataFrame(columns=cols)
    rows = []
    for e in uplift_results.get("effects") or []:
        if e.get("treatment") == arm and e.get("vs_control"):
            rows.append(
                [
                    OVERALL,
                    e["difference"],
                    e["difference_low"],
                    e["difference_high"],
                    e.get("n_treatment", 0) + e.get("n_reference", 0),
                ]
            )
    for e in (uplift_results.get("segments") or {}).get("effects") or []:
        if e.get("treatment") == arm and e.get("estimable", True):
            rows.append(
                [
                    as_text(e["segment"]),
                    e["difference"],
                    e["difference_low"],
                    e["difference_high"],
                    e.get("n_treatment", 0) + e.get("n_reference", 0),
                ]
            )
    out = pd.DataFrame(rows, columns=cols)
    for c in cols[1:]:
        out[c] = pd.to_numeric(out[c], errors="coerce")
    return out


def qini_curve(qini_curves: pd.DataFrame | None, model: str | None = None) -> pd.DataFrame:
    """``share, model, random`` points of one model's Qini curve (the first model by default)."""
    if qini_curves is None or qini_curves.empty:
        return pd.DataFrame(columns=["share", "model", "random"])
    curves = qini_curves
    name = col(curves, "model")
    if name is not None:
        model = model if model is not None else curves[name].iloc[0]
        curves = curves[curves[name] == model]
    out = pd.DataFrame(
        {
            "share": pd.to_numeric(
                curves[col(curves, "fraction_targeted", "share_targeted", "share")]
            ),
            "model": pd.to_numeric(curves[col(curves, "qini_model", "qini")]),
            "random": pd.to_numeric(curves[col(curves, "qini_random", "random")]),
        }
    )
    return out.sort_values("share").reset_index(drop=True)
