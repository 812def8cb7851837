"""Per-comment annotations (sentiment, question) and the ``comment_topics`` table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.execution import ExecutionParams, map_frame
from ambassadeurs_pipeline.execution.engine import LOCAL
from ambassadeurs_pipeline.progress import progress
from ambassadeurs_pipeline.sentiment import label_scores, make_backend
from ambassadeurs_pipeline.text.questions import detect_questions

from .fit import select_model_comments
from .params import TopicsParams

#: ``comment_topics`` columns, in order (the contract in docs/ARCHITECTURE.md first).
COMMENT_TOPICS_COLUMNS = [
    "comment_id",
    "topic_id",
    "topic_label",
    "topic_probability",
    "sentiment_label",
    "sentiment_score",
    "is_question",
    "created_at",
    "was_outlier",
]


def annotate_comments(
    comments_clean: pd.DataFrame, params: TopicsParams, execution: ExecutionParams = LOCAL
) -> pd.DataFrame:
    """Sentiment (score in [-1, 1] and label) and ``is_question`` for each in-model comment.

    Row-wise, so it runs where ``params:execution`` says (same output on any engine)."""
    docs = select_model_comments(comments_clean).reset_index(drop=True)
    return map_frame(annotate_frame, docs, execution, params, label="annotate_comments")


#: Comments per step of the progress bar (annotations are per comment: blocks change nothing).
ANNOTATE_BLOCK = 10_000


def annotate_frame(docs: pd.DataFrame, params: TopicsParams) -> pd.DataFrame:
    """:func:`annotate_comments` on rows already selected for the model."""
    if len(docs) <= ANNOTATE_BLOCK:
        return _annotate_block(docs, params)
    with progress(total=len(docs), desc="thèmes: tonalité et questions", unit="comm.") as bar:
        parts = []
        for start in range(0, len(docs), ANNOTATE_BLOCK):
            parts.append(_annotate_block(docs.iloc[start : start + ANNOTATE_BLOCK], params))
            bar.update(len(parts[-1]))
    return pd.concat(parts, ignore_index=True)


def _annotate_block(docs: pd.DataFrame, params: TopicsParams) -> pd.DataFrame:
    langs = docs["lang"].astype(str).tolist() if "lang" in docs else None
    backend = make_backend(params.sentiment.backend)
    scores = backend.score(docs["text_clean"].astype(str).tolist(), langs)
    band = (
        params.sentiment.neutral_band
        if params.sentiment.neutral_band is not None
        else backend.neutral_band
    )
    return pd.DataFrame(
        {
            "comment_id": docs["comment_id"].astype(str).to_numpy(),
            "created_at": pd.to_datetime(docs["created_at"]).to_numpy(),
            "sentiment_label": label_scores(scores, band).astype(str),
            "sentiment_score": np.round(scores, 4),
            "is_question": detect_questions(docs["text_clean"].astype(str)),
        }
    )


def build_comment_topics(
    topic_assignments: pd.DataFrame, comment_annotations: pd.DataFrame
) -> pd.DataFrame:
    """One row per in-model comment: its topic, sentiment and question flag.

    Raises:
        ValueError: the two inputs do not cover the same comments (stale intermediate).
    """
    merged = topic_assignments.merge(
        comment_annotations, on="comment_id", how="outer", validate="one_to_one", indicator=True
    )
    if (merged["_merge"] != "both").any():
        raise ValueError(
            "topic_assignments and comment_annotations cover different comments: rerun the topics pipeline"
        )
    out = merged[COMMENT_TOPICS_COLUMNS].copy()
    out["topic_id"] = out["topic_id"].astype("int64")
    out["is_question"] = out["is_question"].astype(bool)
    return out.sort_values("comment_id", kind="stable").reset_index(drop=True)
