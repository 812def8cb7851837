"""Author features: activity, helpfulness, reach, sentiment, topic mix, role, motivations.

Built only from pseudonymised data (``comments_clean.author_id`` and ``text_clean``).
Authors that cleaning flags as bots, or whose comments are mostly spam, are excluded and
listed with their reason in ``excluded_authors`` (never silently dropped). Spam and
duplicate comments do not count towards anybody's features.
"""

from __future__ import annotations

import logging
import re

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.execution import ExecutionParams, map_frame
from ambassadeurs_pipeline.execution.engine import LOCAL
from ambassadeurs_pipeline.progress import phases

from .graph import graph_metrics, reply_edges
from .motivations import aggregate_motivations, score_comments
from .params import PersonasParams
from .roles import aggregate_roles, detect_comment_roles
from .textmatch import fold

logger = logging.getLogger(__name__)

REQUIRED_COMMENT_COLUMNS = (
    "comment_id",
    "author_id",
    "thread_id",
    "parent_id",
    "created_at",
    "likes",
    "text_clean",
    "is_spam",
    "is_bot_author",
    "is_duplicate",
)
REQUIRED_TOPIC_COLUMNS = (
    "comment_id",
    "topic_id",
    "sentiment_label",
    "sentiment_score",
    "is_question",
)
EXCLUDED_COLUMNS = ["author_id", "reason", "n_comments", "spam_share"]
_THANKS = re.compile(r"\bmerci\b|\bthanks?\b|\bgrace a (toi|vous)\b|\btu m'as (beaucoup )?aide")


def _check_columns(frame: pd.DataFrame, required: tuple[str, ...], name: str) -> None:
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{name} lacks columns {missing} (contract: docs/ARCHITECTURE.md); has {list(frame.columns)}"
        )


def _flag(series: pd.Series) -> pd.Series:
    return series.astype("boolean").fillna(False).astype(bool)


def exclude_flagged_authors(
    comments: pd.DataFrame, spam_share_max: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split authors into kept and excluded (bot, or spam share above ``spam_share_max``)."""
    per_author = comments.groupby("author_id").agg(
        n_comments=("comment_id", "size"),
        spam_share=("is_spam", "mean"),
        is_bot=("is_bot_author", "max"),
    )
    reason = pd.Series(pd.NA, index=per_author.index, dtype="string")
    spam = per_author["spam_share"] > spam_share_max
    reason[spam] = "exclu : compte de spam (part de spam > seuil)"
    reason[per_author["is_bot"].astype(bool)] = (
        "exclu : compte automatisé (robot) signalé par le nettoyage"
    )
    excluded = per_author[reason.notna()].assign(reason=reason[reason.notna()]).reset_index()
    excluded["spam_share"] = excluded["spam_share"].astype(float).round(3)
    return per_author.index[reason.isna()], excluded[EXCLUDED_COLUMNS]


def activity_features(comments: pd.DataFrame) -> pd.DataFrame:
    """Counts, active days, tenure and regularity (share of weeks active within tenure)."""
    created = pd.to_datetime(comments["created_at"])
    frame = comments.assign(
        _day=created.dt.floor("D"),
        _week=created.dt.to_period("W").astype("string"),
        # Vectorised counts: a per-author lambda cost 10 CPU s at 100k comments.
        _reply=comments["parent_id"].notna().astype(int),
    )
    g = frame.groupby("author_id")
    n_replies = g["_reply"].sum()
    out = pd.DataFrame(
        {
            "n_comments": g.size(),
            "n_threads_started": g.size() - n_replies,
            "n_replies": n_replies,
            "active_days": g["_day"].nunique(),
        }
    )
    first, last = g["_day"].min(), g["_day"].max()
    out["tenure_days"] = ((last - first).dt.days + 1).fillna(1).astype(int)
    weeks = np.ceil(out["tenure_days"] / 7).clip(lower=1)
    out["regularity"] = (g["_week"].nunique() / weeks).clip(upper=1).fillna(0).round(3)
    return out


def helpfulness_features(comments: pd.DataFrame) -> pd.DataFrame:
    """Answers to other people's questions, thanks received, likes on one's answers."""
    parent = comments[["comment_id", "author_id", "is_question"]].rename(
        columns={
            "comment_id": "parent_id",
            "author_id": "parent_author",
            "is_question": "parent_is_question",
        }
    )
    replies = comments[comments["parent_id"].notna()].merge(parent, on="parent_id", how="left")
    to_others = replies[
        replies["parent_author"].notna() & (replies["parent_author"] != replies["author_id"])
    ]
    answers = to_others[_flag(to_others["parent_is_question"])]
    # astype(bool): on an export without replies the mask is empty, and an empty object
    # mask would select columns, not rows.
    thanked = to_others[
        to_others["text_clean"].fillna("").map(lambda t: bool(_THANKS.search(fold(t)))).astype(bool)
    ]
    likes = pd.to_numeric(to_others["likes"], errors="coerce").fillna(0)
    out = pd.DataFrame(
        {
            "answers_to_questions": answers.groupby("author_id").size(),
            "thanks_received": thanked.groupby("parent_author").size(),
            "likes_on_answers": likes.groupby(to_others["author_id"]).sum(),
        }
    )
    out["mean_likes_on_answers"] = out["likes_on_answers"] / to_others.groupby(
        "author_id"
    ).size().reindex(out.index)
    return out


def sentiment_and_topics(comments: pd.DataFrame, topic_labels: dict[int, str]) -> pd.DataFrame:
    """Sentiment shares and, per topic, the share of the author's comments on it."""
    g = comments.groupby("author_id")
    label = comments["sentiment_label"].astype("string")
    out = pd.DataFrame(
        {
            "share_positive": (label == "positif")
            .fillna(False)
            .groupby(comments["author_id"])
            .mean(),
            "share_negative": (label == "negatif")
            .fillna(False)
            .groupby(comments["author_id"])
            .mean(),
            "mean_sentiment": pd.to_numeric(comments["sentiment_score"], errors="coerce")
            .groupby(comments["author_id"])
            .mean(),
        }
    )
    topics = pd.to_numeric(comments["topic_id"], errors="coerce")
    known = topics.notna() & (topics >= 0)
    if known.any():
        mix = pd.crosstab(comments.loc[known, "author_id"], topics[known].astype(int))
        mix = mix.div(g.size().reindex(mix.index), axis=0)
        mix.columns = [f"topic_{int(c)}" for c in mix.columns]
        out = out.join(mix, how="left")
        top = mix.idxmax(axis=1).str.removeprefix("topic_").astype(int)
        out["top_topic"] = top.map(lambda t: topic_labels.get(t, f"sujet {t}"))
    return out


def build_author_features(
    comments_clean: pd.DataFrame,
    comment_topics: pd.DataFrame,
    topic_info: pd.DataFrame | None,
    params: PersonasParams,
    random_state: int,
    execution: ExecutionParams = LOCAL,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per kept author with every feature the personas and the shortlist use.

    Args:
        comments_clean: cleaning output (contract columns, see ``REQUIRED_COMMENT_COLUMNS``).
        comment_topics: topics output (topic, sentiment, ``is_question`` per comment).
        topic_info: topic labels (``topic_id``, ``label``), may be ``None``.
        params: ``personas`` parameters.
        random_state: seed for sampled betweenness and Louvain.
        execution: where the row-wise text matching (roles, motivations) runs.

    Returns:
        ``author_features`` (one row per kept author, ``author_id`` first) and
        ``excluded_authors`` (``author_id, reason, n_comments, spam_share``).

    Raises:
        ValueError: an input lacks a contract column.
    """
    p = params
    _check_columns(comments_clean, REQUIRED_COMMENT_COLUMNS, "comments_clean")
    _check_columns(comment_topics, REQUIRED_TOPIC_COLUMNS, "comment_topics")
    comments = comments_clean[comments_clean["author_id"].notna()].copy()
    n_anonymous = len(comments_clean) - len(comments)
    if n_anonymous:
        logger.info("%d comments without author cannot be attributed to anyone.", n_anonymous)
    for col in ("is_spam", "is_bot_author", "is_duplicate"):
        comments[col] = _flag(comments[col])
    kept_authors, excluded = exclude_flagged_authors(comments, p.spam_share_max)
    kept_authors = pd.Index(sorted(kept_authors), name="author_id")

    usable = comments[
        comments["author_id"].isin(kept_authors) & ~comments["is_spam"] & ~comments["is_duplicate"]
    ]
    topic_cols = ["comment_id", "topic_id", "sentiment_label", "sentiment_score", "is_question"]
    usable = usable.drop(columns=[c for c in topic_cols[1:] if c in usable.columns]).merge(
        comment_topics[topic_cols].drop_duplicates("comment_id"), on="comment_id", how="left"
    )
    # Authors whose every comment is spam/duplicate keep a row with zero activity.
    labels = {}
    # The topics stage names the column ``topic_label`` (older outputs: ``label``).
    label_col = next(
        (c for c in ("topic_label", "label") if topic_info is not None and c in topic_info.columns),
        None,
    )
    if label_col is not None and "topic_id" in topic_info.columns:
        labels = dict(
            zip(
                pd.to_numeric(topic_info["topic_id"]).astype(int), topic_info[label_col].astype(str)
            )
        )

    # The reply graph uses every non-spam comment of kept authors: a reply is a link even
    # when it is a duplicate text.
    graph_comments = comments[comments["author_id"].isin(kept_authors) & ~comments["is_spam"]]
    steps = phases(
        "personas: variables",
        [
            "activité",
            "entraide",
            "graphe des réponses",
            "tonalité et thèmes",
            "rôles",
            "motivations",
        ],
    )
    features = pd.DataFrame(index=kept_authors)
    features = features.join(activity_features(usable))
    steps.done("activité")
    features = features.join(helpfulness_features(usable))
    steps.done("entraide")
    features = features.join(
        graph_metrics(reply_edges(graph_comments), kept_authors, p.graph, random_state)
    )
    steps.done("graphe des réponses")
    features = features.join(sentiment_and_topics(usable, labels))
    steps.done("tonalité et thèmes")
    # Role and motivation matching is per comment (regexes): it goes where
    # ``params:execution`` says, the aggregation per author stays here.
    texts = usable[["comment_id", "author_id", "text_clean"]].reset_index(drop=True)
    roles = map_frame(detect_comment_roles, texts, execution, label="detect_comment_roles")
    features = features.join(aggregate_roles(roles, kept_authors))
    steps.done("rôles")
    motivations = map_frame(score_comments, texts, execution, label="score_comments")
    features = features.join(aggregate_motivations(motivations, kept_authors))
    steps.done("motivations")
    steps.close()

    count_cols = [
        "n_comments",
        "n_threads_started",
        "n_replies",
        "active_days",
        "tenure_days",
        "answers_to_questions",
        "thanks_received",
        "likes_on_answers",
        "in_degree",
        "replies_received",
    ]
    for col in count_cols:
        features[col] = features[col].fillna(0).astype("int64")
    share_cols = [c for c in features.columns if c.startswith("topic_") and c != "top_topic"]
    fill_zero = [
        "regularity",
        "mean_likes_on_answers",
        "share_positive",
        "share_negative",
        *share_cols,
    ]
    features[fill_zero] = features[fill_zero].astype(float).fillna(0.0)
    features["mean_sentiment"] = features["mean_sentiment"].astype(float)
    # Share of one's messages that answer someone else's question: helper rather than talker.
    features["answer_share"] = (
        (
            features["answers_to_questions"]
            / features["n_comments"].where(features["n_comments"] > 0)
        )
        .fillna(0.0)
        .round(4)
    )
    logger.info(
        "author_features: %d authors kept, %d excluded (bots/spam).", len(features), len(excluded)
    )
    return features.reset_index(), excluded.reset_index(drop=True)
