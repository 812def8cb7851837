"""Monthly update: embed and assign new comments with the saved models, find emerging topics.

Nothing is refitted. The new comments are embedded with the saved ``embedding_model`` and
assigned to the nearest topic of the saved ``topic_model`` by cosine similarity to its topic
embeddings, which is what ``BERTopic.transform`` does for a model loaded from safetensors
(no UMAP/HDBSCAN inside). Because the fitted comments' rows are copied unchanged into the
history, an update can never move an old comment to another topic.

A new comment is *far from every topic* when it is unlike the comments the model was fitted
on: the mean cosine similarity to its ``k`` nearest fitted comments (a seeded reference
sample) is below a low quantile of the same measure among the fitted comments themselves.
Distance to the topic centroids is a much weaker signal (topics are broad: on the test
corpus a planted new theme had centroid similarity 0.37 against 0.56 for known themes, but
5-nearest-neighbour similarity 0.41 against 0.73). Far comments are clustered (PCA then HDBSCAN, both deterministic); a
cluster with enough comments and authors is reported as an emerging topic ("sujet
émergent"), labelled like the fitted topics. The far comments keep their nearest existing
topic too, so every table built on ``topic_id`` keeps working.
"""

from __future__ import annotations

# The nodes live in modules named for what they do; these names stay importable from here.
from .assign import assign_new_comments, embed_new_comments, embed_texts, saved_topics
from .emerging import EMERGING_COLUMNS, detect_emerging_topics
from .history import (
    FIT_LOT,
    HISTORY_COLUMNS,
    MONTHLY_COLUMNS,
    append_comment_topics_history,
    build_monthly_comment_topics,
    summarise_topics_update,
)
from .novelty import (
    BLOCK_ROWS,
    calibrate_novelty,
    knn_similarity,
    nearest_topics,
    reference_sample,
)

__all__ = [
    "BLOCK_ROWS",
    "EMERGING_COLUMNS",
    "FIT_LOT",
    "HISTORY_COLUMNS",
    "MONTHLY_COLUMNS",
    "append_comment_topics_history",
    "assign_new_comments",
    "build_monthly_comment_topics",
    "calibrate_novelty",
    "detect_emerging_topics",
    "embed_new_comments",
    "embed_texts",
    "knn_similarity",
    "nearest_topics",
    "reference_sample",
    "saved_topics",
    "summarise_topics_update",
]
