"""Answer supply: does anyone answer each question, how fast, is it resolved, how does it go on.

The follow-ups of a question are read from the thread structure, per source, in the best
form the export offers:

- ``parent_id`` present in the source: the question's descendants in the reply tree, plus,
  when the question opens its thread, every later comment of the thread (many forums attach
  every reply to the thread's first post);
- only ``thread_id``: the later comments of the same thread;
- neither (flat export): nothing can be measured. The answer columns are left empty and
  ``thread_structure`` says so; no answer is ever inferred from text alone.

An *answer* is a follow-up by another author, not flagged as a bot, that is not itself a
question ("moi aussi, quelqu'un sait ?" is more demand, not supply) and does not say it has
no answer (``answers.non_answer_pattern``: "aucune idée", "je ne sais pas", "je suis le
sujet"): such a reply keeps the thread alive but leaves the asker without information.
"""

from __future__ import annotations

import logging
import re

import numpy as np
import pandas as pd

from .faq import thread_opener_question
from .params import GapsParams

logger = logging.getLogger(__name__)

STRUCTURE_PARENT = "arborescence (parent_id)"
STRUCTURE_THREAD = "fils (thread_id seul)"
STRUCTURE_FLAT = "export plat : réponses non mesurables"


def _present(series: pd.Series | None) -> pd.Series:
    if series is None:
        return pd.Series(dtype=bool)
    return series.notna() & series.astype("string").str.strip().ne("")


def structure_by_source(comments: pd.DataFrame) -> dict[str, str]:
    """The thread structure each source offers (see the module docstring).

    Spam, duplicates and bot comments do not make a conversation: a survey whose only
    "replies" are spam posted under its rows is still a flat source, where no answer can be
    measured (its questions were never open to replies).
    """
    keep = pd.Series(True, index=comments.index)
    for flag in ("is_spam", "is_duplicate", "is_bot_author"):
        if flag in comments:
            keep &= ~comments[flag].fillna(False).astype(bool)
    all_sources = (
        comments.get("source", pd.Series(pd.NA, index=comments.index))
        .astype("string")
        .fillna("inconnue")
    )
    comments = comments[keep]
    source = (
        comments.get("source", pd.Series(pd.NA, index=comments.index))
        .astype("string")
        .fillna("inconnue")
    )
    parent = _present(comments.get("parent_id", pd.Series(pd.NA, index=comments.index)))
    thread = comments.get("thread_id", pd.Series(pd.NA, index=comments.index)).astype("string")
    result = {}
    for name in source.unique():
        mask = source == name
        if parent[mask].any():
            result[name] = STRUCTURE_PARENT
        elif thread[mask].notna().any() and thread[mask].dropna().duplicated().any():
            result[name] = STRUCTURE_THREAD
        else:
            result[name] = STRUCTURE_FLAT
    for name in all_sources.unique():  # a source with only spam, duplicates or bots
        result.setdefault(name, STRUCTURE_FLAT)
    return result


def _followup_pairs(
    questions: pd.DataFrame, comments: pd.DataFrame, structure: pd.Series
) -> pd.DataFrame:
    """(question_id, followup_id) for every follow-up of every measurable question."""
    pairs = []
    qmode = questions.set_index("comment_id")
    parent_q = qmode.index[structure.reindex(qmode.index).eq(STRUCTURE_PARENT).to_numpy()]
    edges = comments.loc[_present(comments["parent_id"]), ["comment_id", "parent_id"]]
    # Reply tree: walk down level by level from each question (cycles stop at max depth).
    frontier = pd.DataFrame({"question_id": parent_q, "node": parent_q})
    for _ in range(50):
        children = frontier.merge(edges, left_on="node", right_on="parent_id")
        if children.empty:
            break
        children = children[["question_id", "comment_id"]].rename(
            columns={"comment_id": "followup_id"}
        )
        pairs.append(children)
        frontier = children.rename(columns={"followup_id": "node"})
    # Thread: later comments of the same thread, for thread-only sources and thread openers.
    opens_thread = ~_present(qmode["parent_id"]) & structure.reindex(qmode.index).eq(
        STRUCTURE_PARENT
    )
    by_thread = structure.reindex(qmode.index).eq(STRUCTURE_THREAD) | opens_thread
    tq = qmode.loc[
        by_thread & _present(qmode["thread_id"]), ["thread_id", "created_at"]
    ].reset_index()
    if not tq.empty:
        same = tq.merge(
            comments[["comment_id", "thread_id", "created_at"]].rename(
                columns={"comment_id": "followup_id", "created_at": "f_at"}
            ),
            on="thread_id",
        )
        later = same["f_at"] > same["created_at"]
        undated = same["f_at"].isna() | same["created_at"].isna()
        same = same[(later | undated) & (same["followup_id"] != same["comment_id"])]
        pairs.append(
            same[["comment_id", "followup_id"]].rename(columns={"comment_id": "question_id"})
        )
    if not pairs:
        return pd.DataFrame(
            {"question_id": pd.Series(dtype="string"), "followup_id": pd.Series(dtype="string")}
        )
    return pd.concat(pairs, ignore_index=True).drop_duplicates()


def measure_question_answers(
    question_groups: pd.DataFrame,
    comments_clean: pd.DataFrame,
    comment_topics: pd.DataFrame,
    params: GapsParams,
) -> pd.DataFrame:
    """Per question: answered, hours to first answer, resolved, follow-up sentiment.

    Returns:
        ``comment_id, group_id, thread_structure, measurable, answered, n_answers,
        hours_to_first_answer, resolved, n_followups, followup_negative_share,
        followup_sentiment_mean``. Answer columns are NA where not ``measurable``.
    """
    cfg = params.answers
    comments = comments_clean.copy()
    if "is_spam" in comments:
        comments = comments[~comments["is_spam"].fillna(False).astype(bool)]
    for col in ("thread_id", "parent_id", "source"):
        if col not in comments:
            comments[col] = pd.NA
    comments["created_at"] = pd.to_datetime(comments.get("created_at"), errors="coerce")
    comments["likes"] = pd.to_numeric(comments.get("likes"), errors="coerce")
    comments["is_bot_author"] = comments.get("is_bot_author", False)
    topic_cols = [
        c for c in ("sentiment_label", "sentiment_score", "is_question") if c in comment_topics
    ]
    comments = comments.merge(
        comment_topics[["comment_id", *topic_cols]], on="comment_id", how="left"
    )
    if "is_question" not in comments:
        comments["is_question"] = False
    by_source = structure_by_source(comments_clean)
    questions = question_groups.copy()
    for col in ("thread_id", "parent_id", "source"):
        if col not in questions:
            questions[col] = pd.NA
    questions["created_at"] = pd.to_datetime(questions.get("created_at"), errors="coerce")
    structure = (
        questions["source"]
        .astype("string")
        .fillna("inconnue")
        .map(by_source)
        .fillna(STRUCTURE_FLAT)
    )
    structure.index = questions["comment_id"]

    pairs = _followup_pairs(questions, comments, structure)
    info = comments.set_index("comment_id")[
        [
            "author_id",
            "created_at",
            "likes",
            "text_clean",
            "is_bot_author",
            "sentiment_label",
            "sentiment_score",
            "is_question",
        ]
    ]
    f = pairs.join(info, on="followup_id").join(
        questions.set_index("comment_id")[["author_id", "created_at"]].rename(
            columns={"author_id": "asker", "created_at": "asked_at"}
        ),
        on="question_id",
    )
    # "Moi aussi, quelqu'un sait ?" from another member is more demand, not an answer.
    non_answer = re.compile(cfg.non_answer_pattern, flags=re.IGNORECASE)
    f["is_answer"] = (
        (f["author_id"] != f["asker"])
        & ~f["is_bot_author"].fillna(False).astype(bool)
        & ~f["is_question"].astype("boolean").fillna(False).astype(bool)
        & ~f["text_clean"]
        .astype("string")
        .fillna("")
        .map(lambda t: bool(non_answer.search(t)))
        .astype(bool)
    )
    thanks = re.compile(cfg.thanks_pattern, flags=re.IGNORECASE)
    f["is_thanks"] = (f["author_id"] == f["asker"]) & f["text_clean"].astype("string").fillna(
        ""
    ).map(lambda t: bool(thanks.search(t))).astype(bool)
    f["liked_answer"] = f["is_answer"] & (f["likes"].fillna(0) >= cfg.liked_answer_min_likes)
    answers = f[f["is_answer"]]
    first_answer = answers.groupby("question_id")["created_at"].min()
    # Thanks count only after the first answer (a "merci d'avance" in the question is not one).
    f = f.join(first_answer.rename("first_answer_at"), on="question_id")
    f["thanks_after"] = f["is_thanks"] & (
        f["first_answer_at"].isna()
        | f["created_at"].isna()
        | (f["created_at"] > f["first_answer_at"])
    )
    per_q = pd.DataFrame(
        {
            "n_answers": answers.groupby("question_id").size(),
            "first_answer_at": first_answer,
            "thanked": f.groupby("question_id")["thanks_after"].any(),
            "liked": f.groupby("question_id")["liked_answer"].any(),
            "n_followups": f.groupby("question_id").size(),
            "followup_negative_share": f.groupby("question_id")["sentiment_label"].apply(
                lambda s: float((s.dropna() == "negatif").mean()) if s.notna().any() else np.nan
            ),
            "followup_sentiment_mean": f.groupby("question_id")["sentiment_score"].mean(),
        }
    )
    out = questions[["comment_id", "group_id", "created_at"]].join(per_q, on="comment_id")
    out["thread_structure"] = structure.to_numpy()
    out["measurable"] = out["thread_structure"] != STRUCTURE_FLAT
    # A question asked in reply to a question of the same thread ("moi aussi, quelqu'un
    # sait ?") is one more asker of the opener's need, not another chance to be answered:
    # the answers of the thread go to the opener, below which the follower sits. Measured
    # on its own replies it would count as unanswered in every well-answered thread.
    opener = thread_opener_question(questions)
    out["follows_question"] = opener.reindex(out.index).astype("string")
    out["n_answers"] = out["n_answers"].fillna(0).astype("int64")
    out["n_followups"] = out["n_followups"].fillna(0).astype("int64")
    out["answered"] = out["n_answers"] > 0
    out["hours_to_first_answer"] = (
        out["first_answer_at"] - out["created_at"]
    ).dt.total_seconds() / 3600.0
    out["resolved"] = out["answered"] & (
        out["thanked"].astype("boolean").fillna(False)
        | out["liked"].astype("boolean").fillna(False)
    ).astype(bool)
    for col in ("answered", "resolved"):
        out[col] = out[col].astype("boolean").mask(~out["measurable"])
    for col in ("n_answers", "n_followups"):
        out[col] = out[col].astype("Int64").mask(~out["measurable"])
    return out[
        [
            "comment_id",
            "group_id",
            "thread_structure",
            "measurable",
            "follows_question",
            "answered",
            "n_answers",
            "hours_to_first_answer",
            "resolved",
            "n_followups",
            "followup_negative_share",
            "followup_sentiment_mean",
        ]
    ].reset_index(drop=True)


def summarise_answer_supply(question_answers: pd.DataFrame, params: GapsParams) -> pd.DataFrame:
    """Per question group: answer rate, time to first answer, resolution, follow-up tone.

    Returns:
        ``group_id, n_questions, n_measurable, thread_structure, answer_rate,
        median_hours_to_first_answer, slow_answer_share, resolution_rate,
        negative_followup_share, followup_sentiment_mean, answer_note`` (French). Rates
        are NaN when no question of the group is measurable (flat export).
    """
    slow = params.answers.slow_answer_hours
    rows = []
    for group_id, qs in question_answers.groupby("group_id"):
        follows = (
            qs["follows_question"].notna()
            if "follows_question" in qs
            else pd.Series(False, index=qs.index)
        )
        # Rates are per thread-opening question; follow-up askers count as demand only.
        m = qs[qs["measurable"] & ~follows]
        hours = m["hours_to_first_answer"].dropna()
        answered = m[m["answered"].fillna(False).astype(bool)]
        structures = qs["thread_structure"].value_counts()
        rate = float(m["answered"].astype(float).mean()) if len(m) else np.nan
        res = float(m["resolved"].astype(float).mean()) if len(m) else np.nan
        neg = m["followup_negative_share"].dropna()
        if len(m) == 0:
            note = "Export plat (ni parent_id ni thread_id) : taux de réponse non mesurable."
        else:
            note = (
                f"{len(answered)}/{len(m)} questions ont reçu une réponse d'un autre membre"
                + (f", première réponse en {hours.median():.0f} h (médiane)" if len(hours) else "")
                + f" ; {int(m['resolved'].fillna(False).astype(bool).sum())} résolues (remerciement ou réponse aimée)."
            )
            n_follow = int((qs["measurable"] & follows).sum())
            if n_follow:
                note += f" {n_follow} relance(s) dans le fil d'une question du groupe, comptée(s) comme demande."
            n_flat = int((~qs["measurable"]).sum())
            if n_flat:
                note += f" {n_flat} question(s) d'un export plat non mesurée(s)."
        rows.append(
            {
                "group_id": group_id,
                "n_questions": len(qs),
                "n_measurable": len(m),
                "thread_structure": structures.index[0]
                if len(structures) == 1
                else "mixte : " + ", ".join(structures.index),
                "answer_rate": rate,
                "median_hours_to_first_answer": float(hours.median()) if len(hours) else np.nan,
                "slow_answer_share": float((hours > slow).mean()) if len(hours) else np.nan,
                "resolution_rate": res,
                "negative_followup_share": float(neg.mean()) if len(neg) else np.nan,
                "followup_sentiment_mean": float(m["followup_sentiment_mean"].mean())
                if m["followup_sentiment_mean"].notna().any()
                else np.nan,
                "answer_note": note,
            }
        )
    columns = [
        "group_id",
        "n_questions",
        "n_measurable",
        "thread_structure",
        "answer_rate",
        "median_hours_to_first_answer",
        "slow_answer_share",
        "resolution_rate",
        "negative_followup_share",
        "followup_sentiment_mean",
        "answer_note",
    ]
    return pd.DataFrame(rows, columns=columns)
