"""The one reader of ``comment_embeddings`` (and ``new_comment_embeddings``).

The contract frame is ``comment_id, embedding`` (one float32 vector per in-model comment,
``datasets.embeddings_parquet``). Hand-made frames may also hold the vector in a ``vector``
or ``embeddings`` column, or one numeric column per dimension.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

#: Columns that may hold one list-like vector per comment, in order of preference.
VECTOR_COLUMNS = ("embedding", "vector", "embeddings")


class MissingEmbeddingsError(ValueError):
    """Raised when some requested comments have no vector in the embeddings frame."""


def embeddings_matrix(
    comment_embeddings: pd.DataFrame,
    comment_ids: pd.Series | Sequence[str],
    *,
    normalise: bool = False,
) -> np.ndarray:
    """The float32 matrix of ``comment_ids``' vectors, one row per id, in their order.

    Args:
        comment_embeddings: ``comment_id`` and the vectors (see the module docstring).
        comment_ids: the comments wanted (duplicates allowed).
        normalise: divide each row by its L2 norm (zero rows stay zero).

    Raises:
        MissingEmbeddingsError: some ids have no vector (comments left out of the topic model,
            ``in_model=False``, or embeddings older than the comments).
    """
    ids = comment_ids if isinstance(comment_ids, pd.Series) else pd.Series(list(comment_ids))
    frame = comment_embeddings.set_index("comment_id")
    missing = ~ids.isin(frame.index)
    if missing.any():
        raise MissingEmbeddingsError(
            f"comment_embeddings has no vector for {int(missing.sum())} comment(s), e.g. "
            f"{ids[missing].head(3).tolist()}: were they left out of the topic model "
            "(in_model=False), or are the embeddings stale? Rerun the topics pipeline "
            "(node embed_comments)."
        )
    list_cols = [c for c in VECTOR_COLUMNS if c in frame.columns]
    if list_cols:
        vectors = frame[list_cols[0]].loc[ids.to_numpy()].to_numpy()
        matrix = (
            np.vstack(vectors).astype(np.float32) if len(vectors) else np.empty((0, 0), np.float32)
        )
    else:
        matrix = frame.loc[ids.to_numpy()].select_dtypes("number").to_numpy(dtype=np.float32)
    if matrix.ndim != 2 or matrix.shape[0] != len(ids):
        matrix = matrix.reshape(len(ids), -1)
    if not normalise:
        return matrix
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)
