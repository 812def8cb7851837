"""Speed mode of the topics stage: UMAP on principal axes past ``umap.pca_above`` comments."""

from __future__ import annotations

import numpy as np
from sklearn.pipeline import Pipeline
from umap import UMAP

from ambassadeurs_pipeline.embeddings import make_backend
from ambassadeurs_pipeline.pipelines.topics.fit import build_topic_model
from ambassadeurs_pipeline.pipelines.topics.params import TopicModelParams


def _params(**umap) -> TopicModelParams:
    return TopicModelParams(
        umap={"n_neighbors": 5, "n_components": 2, **umap},
        hdbscan={"min_cluster_size": 5, "min_samples": 2},
    )


def test_pca_before_umap_only_past_the_threshold():
    backend = make_backend("tfidf_svd", n_components=8)
    params = _params(pca_above=1000, pca_components=4)
    small = build_topic_model(backend, params, random_state=0, n_docs=300, n_corpus=1000)
    assert isinstance(small.umap_model, UMAP)  # 1000 is not past 1000
    large = build_topic_model(backend, params, random_state=0, n_docs=300, n_corpus=1001)
    assert isinstance(large.umap_model, Pipeline)
    pca, umap = (step for _, step in large.umap_model.steps)
    assert pca.n_components == 4 and pca.random_state == 0 and isinstance(umap, UMAP)
    never = build_topic_model(
        backend, _params(pca_above=None), random_state=0, n_docs=300, n_corpus=10**6
    )
    assert isinstance(never.umap_model, UMAP)


def test_speed_mode_reducer_fits_and_assigns_new_rows():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(3, 32))
    x = np.vstack([c + 0.05 * rng.normal(size=(40, 32)) for c in centres]).astype(np.float32)
    model = build_topic_model(
        make_backend("tfidf_svd", n_components=8),
        _params(pca_above=0, pca_components=4),
        random_state=0,
        n_docs=len(x),
    )
    reduced = model.umap_model.fit(x).transform(x[:5])
    assert reduced.shape == (5, 2) and np.isfinite(reduced).all()
