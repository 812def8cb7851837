"""Embedding backends: shape, dtype, unit norm, semantics, pickling, registry errors."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from ambassadeurs_pipeline.embeddings import available_backends, make_backend

CORPUS = [
    "mon insuline ne fait plus effet, glycémie à trois grammes",
    "la glycémie monte malgré l'insuline du soir",
    "capteur de glycémie et stylo à insuline",
    "la chimiothérapie me donne des nausées",
    "nausées et fatigue après la chimiothérapie",
    "perte des cheveux pendant la chimiothérapie",
] * 5


@pytest.mark.parametrize("name", ["tfidf_svd", "spacy_vectors", "tfidf_svd_spacy"])
def test_unit_float32_and_themes_separate(name):
    backend = make_backend(name, show_progress=False)
    x = backend.fit(CORPUS).transform(CORPUS[:6])
    assert x.dtype == np.float32 and x.shape[0] == 6
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    sims = x @ x.T
    within = np.mean([sims[0, 1], sims[0, 2], sims[3, 4], sims[3, 5]])
    across = np.mean(sims[:3, 3:])
    assert within > across + 0.05, (within, across)


@pytest.mark.parametrize("name", ["tfidf_svd", "spacy_vectors", "tfidf_svd_spacy"])
def test_pickle_is_small_and_equivalent(name):
    backend = make_backend(name, show_progress=False).fit(CORPUS)
    blob = pickle.dumps(backend)
    assert len(blob) < 2_000_000  # no spaCy pipeline inside (fr_core_news_md is ~45 MB)
    again = pickle.loads(blob)
    np.testing.assert_allclose(
        again.transform(CORPUS[:3]), backend.transform(CORPUS[:3]), atol=1e-5
    )


def test_batches_give_the_same_vectors():
    small = make_backend("tfidf_svd", batch_size=2, show_progress=False).fit(CORPUS)
    big = make_backend("tfidf_svd", batch_size=1000, show_progress=False).fit(CORPUS)
    np.testing.assert_allclose(small.transform(CORPUS), big.transform(CORPUS), atol=1e-5)


def test_placeholders_carry_no_meaning():
    backend = make_backend("tfidf_svd", show_progress=False).fit(
        CORPUS + ["voir <URL> merci <PERSONNE>"] * 3
    )
    a, b = backend.transform(
        ["la chimiothérapie me donne des nausées <URL>", "la chimiothérapie me donne des nausées"]
    )
    np.testing.assert_allclose(a, b, atol=1e-6)


def test_unfitted_and_unknown_backends_fail_clearly():
    with pytest.raises(RuntimeError, match="not fitted"):
        make_backend("tfidf_svd").transform(["x"])
    with pytest.raises(ValueError, match="choose one of"):
        make_backend("bert_from_the_hub")
    assert {
        "tfidf_svd",
        "spacy_vectors",
        "tfidf_svd_spacy",
        "sentence_transformers",
        "use_multilingual",
    } <= set(available_backends())


def test_sentence_transformers_never_downloads(tmp_path):
    backend = make_backend(
        "sentence_transformers", model_path="sentence-transformers/all-MiniLM-L6-v2"
    )
    with pytest.raises(
        (ImportError, ValueError),
        match=r"ambassadeurs_pipeline\[sentence-transformers\]|local model directory",
    ):
        backend.fit(["bonjour"])


def test_sif_weights_ignore_stop_words():
    backend = make_backend("spacy_vectors", show_progress=False).fit(CORPUS)
    assert backend.word_weight_["la"] == 0.0
    assert backend.word_weight_["chimiothérapie"] > 0.0


def test_the_product_registers_no_experiment():
    """The MiniLM experiments live in benchmarks/experiments/ and register themselves only when
    that package is imported (benchmarks, tests/experiments): the product never offers them."""
    import subprocess
    import sys

    code = (
        "from ambassadeurs_pipeline.embeddings import available_backends;"
        "print(','.join(available_backends()))"
    )
    names = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert not {
        "static_minilm",
        "minilm_numpy",
        "minilm_numpy_static",
        "tfidf_svd_static_minilm",
    } & set(names.split(",")), names
