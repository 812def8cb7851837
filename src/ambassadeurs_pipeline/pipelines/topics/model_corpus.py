"""Which comments the topic model sees, and the seeded sample it is fitted on.

Shared by the embedding nodes, the BERTopic fit, the quality checks, the explorer and the
topic update: every one of them must read the same rows in the same order, so the choice
lives in one place.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.embeddings.base import strip_placeholders


def select_model_comments(comments_clean: pd.DataFrame, allow_empty: bool = True) -> pd.DataFrame:
    """In-model comments with some text, sorted by ``comment_id`` (row order never matters).

    An export can pass ingestion and leave no comment to model (all in another language,
    all duplicates…): the frame is then empty and the topics stage says so
    (``topics_status``) instead of stopping the run; ``allow_empty=False`` raises.

    Raises:
        ValueError: a required column is missing, or (``allow_empty=False``) no comment is left.
    """
    missing = {"comment_id", "text_clean", "in_model", "created_at"} - set(comments_clean.columns)
    if missing:
        raise ValueError(
            f"comments_clean lacks columns {sorted(missing)} (see docs/ARCHITECTURE.md)"
        )
    keep = comments_clean["in_model"].fillna(False).astype(bool) & comments_clean[
        "text_clean"
    ].fillna("").str.strip().ne("")
    out = comments_clean.loc[keep].sort_values("comment_id", kind="stable").reset_index(drop=True)
    if out.empty and not allow_empty:
        raise ValueError("comments_clean has no comment with in_model == True and some text_clean")
    return out


def seeded_sample(n: int, size: int, random_state: int) -> np.ndarray:
    """Sorted indices of a seeded sample of ``min(n, size)`` rows."""
    if n <= size:
        return np.arange(n)
    return np.sort(np.random.default_rng(random_state).choice(n, size=size, replace=False))


def topic_documents(texts: pd.Series) -> list[str]:
    return [strip_placeholders(t) for t in texts.astype(str)]
