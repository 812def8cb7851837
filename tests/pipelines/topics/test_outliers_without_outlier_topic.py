"""Outliers of the assignment step when the fit sample had none (BERTopic then keeps no
outlier topic and refuses ``reduce_outliers``): each goes to its most similar topic."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ambassadeurs_pipeline.pipelines.topics.fit import _nearest_topic_for_outliers


def test_outliers_go_to_the_most_similar_topic_above_the_threshold():
    # Two topics along the axes; no outlier row in topic_embeddings_ (_outliers = 0).
    model = SimpleNamespace(_outliers=0, topic_embeddings_=np.array([[1.0, 0.0], [0.0, 1.0]]))
    topics = np.array([0, 1, -1, -1, -1])
    embeddings = np.array(
        [
            [1.0, 0.0],
            [0.0, 1.0],
            [0.9, 0.1],  # cosine 0.99 with topic 0
            [0.2, 0.8],  # cosine 0.97 with topic 1
            [-1.0, -1.0],  # cosine -0.71 with both: stays an outlier at threshold 0
        ]
    )
    out = _nearest_topic_for_outliers(model, topics, embeddings, threshold=0.0)
    assert out.tolist() == [0, 1, 0, 1, -1]
    assert topics.tolist() == [0, 1, -1, -1, -1]  # the input is not modified
