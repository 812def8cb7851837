"""Monthly update of the topics: new comments assigned to the saved model's topics, far
comments clustered into emerging topics, a cumulative history. No refit.

The new comments are embedded with the saved ``embedding_model`` and
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

The nodes, by what they do: ``assign.py`` (embed and assign the new comments),
``novelty.py`` (nearest topic, distance to the fitted comments and its threshold),
``emerging.py`` (emerging topics), ``history.py`` (monthly table, history, summary).
"""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
