"""Exact and near-duplicate comments (MinHash + LSH), grouped around one canonical comment."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from ambassadeurs_pipeline.progress import progress

logger = logging.getLogger(__name__)

_NON_WORD = re.compile(r"[^\w<>]+")
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def duplicate_key(text: str) -> str:
    """Key under which two texts are exact duplicates: case, accents, punctuation and
    spacing ignored (cross-posts often differ only there)."""
    folded = text.casefold()
    if not folded.isascii():  # NFKD leaves ASCII as is, and combining marks are not ASCII
        folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
    return _NON_WORD.sub(" ", folded).strip()


def duplicate_keys(texts: Sequence[str]) -> list[str]:
    """:func:`duplicate_key` of each text, computed once per distinct text (cross-posts and
    stock replies repeat)."""
    keys = {text: duplicate_key(text) for text in dict.fromkeys(texts)}
    return [keys[text] for text in texts]


def _shingle_set(key: str, size: int) -> set[str]:
    """Character shingles as str (no encoding: the exact Jaccard check only compares them)."""
    if len(key) <= size:
        return {key}
    return {key[i : i + size] for i in range(len(key) - size + 1)}


def _shingles(key: str, size: int) -> list[bytes]:
    if len(key) <= size:
        return [key.encode("utf-8")]
    if key.isascii():
        # One character is one byte: slicing the encoded key gives the same shingles without
        # encoding each one (keys are folded to ASCII unless a script has no such form).
        data = key.encode("ascii")
        return list({data[i : i + size] for i in range(len(data) - size + 1)})
    return list({key[i : i + size].encode("utf-8") for i in range(len(key) - size + 1)})


# Windows of a text per signature chunk: bounds the (windows x num_perm) permutation matrix
# (32 MB of uint32 at 64 permutations) whatever the corpus size.
_CHUNK_WINDOWS = 1 << 17

_FMIX32 = (
    np.uint32(16),
    np.uint32(0x85EBCA6B),
    np.uint32(13),
    np.uint32(0xC2B2AE35),
    np.uint32(16),
)


@functools.lru_cache(maxsize=8)
def _crc32_tables(size: int) -> tuple[np.ndarray, int]:
    """Per-position tables such that crc32 of any ``size`` bytes is the XOR of one entry per
    byte and a constant.

    crc32 is affine over GF(2) for messages of one length (``crc(x ^ y) = crc(x) ^ crc(y) ^
    crc(0…0)``), so the crc32 of every window of a text comes from ``size`` table lookups in
    numpy instead of one Python call per shingle, with the same values as ``zlib.crc32``.
    """
    zero = zlib.crc32(bytes(size))
    tables = np.empty((size, 256), dtype=np.uint32)
    for pos in range(size):
        for byte in range(256):
            message = bytearray(size)
            message[pos] = byte
            tables[pos, byte] = zlib.crc32(bytes(message)) ^ zero
    return tables, zero


def _window_crc32(keys: list[str], size: int) -> tuple[np.ndarray, np.ndarray]:
    """crc32 of every ``size``-byte window of each ASCII key (``len >= size``), concatenated,
    and the number of windows per key. Windows repeat where shingles do: the minimum of a
    permuted hash does not care, so no set is built."""
    tables, zero = _crc32_tables(size)
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    counts = lengths - size + 1
    text_start = np.cumsum(lengths) - lengths
    window_start = np.cumsum(counts) - counts
    starts = np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(
        text_start - window_start, counts
    )
    data = np.frombuffer("".join(keys).encode("ascii"), dtype=np.uint8)
    crc = np.full(len(starts), zero, dtype=np.uint32)
    for pos in range(size):
        crc ^= tables[pos][data[starts + pos]]
    return crc, counts


def _minhash_signatures(
    keys: Sequence[str], num_perm: int, shingle_chars: int, seed: int
) -> np.ndarray:
    """The ``hashvalues`` datasketch's ``MinHash(num_perm, seed, hashfunc=zlib.crc32)`` gets
    from ``update_batch(_shingles(key, shingle_chars))``, one row per key, computed a chunk of
    texts at a time with one broadcast permutation instead of one MinHash object per text
    (whose copy, per-shingle hashing and small numpy calls were most of the cost).

    The permutations are those of a datasketch MinHash with the same ``num_perm`` and ``seed``
    and applied as its default scheme (``affine32``, datasketch 2.0) does in ``update_batch``:
    MurmurHash3's 32-bit finalizer, then ``a * h + b`` modulo 2^32. So the signatures (and
    the LSH buckets built on them) are the ones datasketch would give; a test compares them
    row by row. Any other scheme (an older or newer datasketch) takes datasketch's own,
    slower path rather than risk different groups.
    """
    reference = MinHash(num_perm=num_perm, seed=seed, hashfunc=zlib.crc32)
    if getattr(reference, "scheme", None) != "affine32":
        return np.array(
            [
                m.hashvalues
                for m in MinHash.bulk(
                    (_shingles(key, shingle_chars) for key in keys),
                    num_perm=num_perm,
                    seed=seed,
                    hashfunc=zlib.crc32,
                )
            ]
        ).reshape(len(keys), num_perm)
    a, b = reference.permutations
    signatures = np.empty((len(keys), num_perm), dtype=reference.hashvalues.dtype)
    chunks: list[tuple[int, int]] = []
    start = windows = 0
    for end, key in enumerate(keys):
        windows += max(1, len(key) - shingle_chars + 1)
        if windows >= _CHUNK_WINDOWS:
            chunks.append((start, end + 1))
            start, windows = end + 1, 0
    if start < len(keys):
        chunks.append((start, len(keys)))
    bar = progress(
        total=len(keys), desc="nettoyage: doublons (signatures)", unit="texte", min_total=5000
    )
    for lo, hi in chunks:
        chunk = keys[lo:hi]
        # Windows of ASCII keys go through the crc32 tables; other keys (an n-char shingle of
        # a non-ASCII key is not n bytes, a key shorter than a shingle is one shingle) keep
        # datasketch's per-shingle path. Their rows are put back in order below.
        fast = [
            k
            for k, key in enumerate(chunk)
            if shingle_chars >= 1 and len(key) >= shingle_chars and key.isascii()
        ]
        fast_set = set(fast)
        slow = [k for k in range(len(chunk)) if k not in fast_set]
        parts, counts = [], []
        if fast:
            crc, fast_counts = _window_crc32([chunk[k] for k in fast], shingle_chars)
            parts.append(crc)
            counts.append(fast_counts)
        for k in slow:
            hashed = list(map(zlib.crc32, _shingles(chunk[k], shingle_chars)))
            parts.append(np.array(hashed, dtype=np.uint32))
            counts.append(np.array([len(hashed)], dtype=np.int64))
        hv = np.concatenate(parts)
        offsets = np.cumsum(np.concatenate(counts)) - np.concatenate(counts)
        s1, m1, s2, m2, s3 = _FMIX32
        hv = hv ^ (hv >> s1)
        hv = hv * m1
        hv = hv ^ (hv >> s2)
        hv = hv * m2
        hv = hv ^ (hv >> s3)
        # uint32 products wrap around: that is the scheme's arithmetic modulo 2^32.
        phv = np.multiply.outer(a, hv)
        phv += b[:, None]
        # Permutations by rows, windows along a row: the per-text minimum then runs over
        # contiguous memory (reducing along the other axis was most of this function's time).
        rows = np.minimum.reduceat(phv, offsets, axis=1).T
        signatures[lo + np.array(fast + slow, dtype=np.int64)] = rows
        bar.update(hi - lo)
    bar.close()
    return signatures


def _band_buckets(signatures: np.ndarray, start: int, end: int) -> np.ndarray:
    """Bucket id of each row for the band ``[start, end)``: rows share a bucket exactly when
    their band slices are equal, as in datasketch's hash tables keyed by the slice bytes."""
    band = np.ascontiguousarray(signatures[:, start:end])
    as_bytes = band.view(np.dtype((np.void, band.dtype.itemsize * (end - start)))).ravel()
    return np.unique(as_bytes, return_inverse=True)[1].ravel()


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_duplicates(
    keys: Sequence[str],
    threshold: float = 0.8,
    num_perm: int = 64,
    shingle_chars: int = 5,
    min_chars: int = 25,
    seed: int = 1,
) -> tuple[np.ndarray, np.ndarray]:
    """Group texts (given as :func:`duplicate_key` keys) that are equal or near-equal.

    Returns, per text, the index of its group's first member (the group id) and whether it
    joined the group through a near match (else exact or alone). Candidate pairs from LSH
    are confirmed with the MinHash Jaccard estimate, so the threshold is what it says.
    """
    n = len(keys)
    uf = _UnionFind(n)
    first_of: dict[str, int] = {}
    unique_idx: list[int] = []
    for i, key in enumerate(keys):
        if not key:
            continue
        if key in first_of:
            uf.union(first_of[key], i)
        else:
            first_of[key] = i
            unique_idx.append(i)
    near = np.zeros(n, dtype=bool)
    # Short texts ("Courage !") are only ever exact duplicates: one changed word is a
    # different message.
    candidates = [i for i in unique_idx if len(keys[i]) >= min_chars]
    if len(candidates) > 1:
        # crc32 instead of datasketch's default sha1: same quality for shingles, ~3x faster.
        signatures = _minhash_signatures(
            [keys[i] for i in candidates], num_perm, shingle_chars, seed
        )
        # LSH proposes candidates below the threshold (so pairs just above it are not lost
        # to estimation noise); the exact Jaccard of the shingle sets, recomputed for the
        # few candidate pairs, decides. The index is only asked for its banding (b bands of
        # r rows for this threshold): the buckets are built here in one pass per band, and
        # text i is proposed exactly the earlier texts j < i sharing one of its buckets —
        # what querying datasketch's index before inserting i returned.
        lsh = MinHashLSH(threshold=max(0.3, threshold - 0.15), num_perm=num_perm)
        m = len(candidates)
        # Per band: rows ordered by bucket, then by row (a stable sort), where each row's
        # bucket starts in that order, and the row's own place in it. The rows proposed
        # for a row in that band are the slice between the two: its bucket's earlier rows.
        bands: list[tuple[np.ndarray, list[int], list[int]]] = []
        has_earlier = np.zeros(m, dtype=bool)
        for start, end in lsh.hashranges:
            bucket = _band_buckets(signatures, start, end)
            order = np.argsort(bucket, kind="stable")
            sorted_bucket = bucket[order]
            position = np.empty(m, dtype=np.int64)
            position[order] = np.arange(m)
            bucket_start = np.empty(m, dtype=np.int64)
            bucket_start[order] = np.searchsorted(sorted_bucket, sorted_bucket, side="left")
            has_earlier |= position > bucket_start
            bands.append((order, bucket_start.tolist(), position.tolist()))
            del bucket, sorted_bucket, position, bucket_start
        # LSH buckets of templated texts ("Merci pour vos réponses, …") grow with the corpus,
        # so recomputing shingle sets for every proposed pair made this step superlinear
        # (100k: 25 CPU s, 200k: 63 s). Two cheap filters come first: pairs already in one
        # group need no check, and the MinHash estimate (a vectorised comparison of the
        # signatures) drops pairs far below the threshold — 0.2 is 4 standard errors of the
        # estimate at 64 permutations, so no true pair is lost in practice.
        #
        # Rows are processed in increasing order, as the incremental index did. Within a
        # row the order of its proposed rows does not matter: when row i comes, its group
        # holds no earlier text (exact duplicates of i come after i, and near unions so far
        # only joined pairs of earlier texts), so a proposed j found in i's group was put
        # there by a union in this same loop — near[i] is already set and the union would
        # change nothing. Groups are named by their smallest index whatever the union order.
        prefilter = max(0.0, threshold - 0.2)
        rows_with_candidates = np.flatnonzero(has_earlier)
        for row in progress(
            rows_with_candidates.tolist(),
            desc="nettoyage: doublons (paires)",
            unit="texte",
            min_total=5000,
        ):
            i = candidates[row]
            proposed = np.unique(
                np.concatenate(
                    [
                        order[bucket_start[row] : position[row]]
                        for order, bucket_start, position in bands
                        if position[row] > bucket_start[row]
                    ]
                )
            )
            estimate = (signatures[proposed] == signatures[row]).mean(axis=1)
            a = None
            for other, est in zip(proposed.tolist(), estimate.tolist()):
                j = candidates[other]
                if est < prefilter or uf.find(j) == uf.find(i):
                    continue
                if a is None:
                    a = _shingle_set(keys[i], shingle_chars)
                b = _shingle_set(keys[j], shingle_chars)
                if len(a & b) >= threshold * len(a | b):
                    uf.union(i, j)
                    near[i] = True
    groups = np.array([uf.find(i) for i in range(n)], dtype=np.int64)
    return groups, near


def find_duplicate_groups(
    frame: pd.DataFrame,
    text_column: str = "text_clean",
    threshold: float = 0.8,
    num_perm: int = 64,
    shingle_chars: int = 5,
    min_chars: int = 25,
) -> pd.DataFrame:
    """Duplicate groups of ``frame`` (needs ``comment_id``, ``created_at``, ``author_id``).

    The canonical comment of a group is the earliest (then smallest ``comment_id``); the
    others are ``is_duplicate``. Returns ``comment_id, is_duplicate, duplicate_group
    (canonical comment_id, NA for singletons), duplicate_group_size, duplicate_authors,
    duplicate_kind (exact/near/NA)``.
    """
    keys = duplicate_keys(frame[text_column].fillna("").astype(str).tolist())
    authors = frame["author_id"].astype("string").fillna("").tolist()
    groups, near = group_duplicates(keys, threshold, num_perm, shingle_chars, min_chars)
    order = frame.assign(_g=groups, _pos=np.arange(len(frame)))
    order = order.sort_values(["_g", "created_at", "comment_id"], na_position="last", kind="stable")
    canonical_pos = order.groupby("_g")["_pos"].first()
    canonical_id = frame["comment_id"].to_numpy()[canonical_pos.reindex(groups).to_numpy()]
    sizes = pd.Series(groups).map(pd.Series(groups).value_counts()).to_numpy()
    n_authors = (
        pd.DataFrame({"g": groups, "a": authors})
        .groupby("g")["a"]
        .nunique()
        .reindex(groups)
        .to_numpy()
    )
    in_group = sizes > 1
    is_canonical = canonical_pos.reindex(groups).to_numpy() == np.arange(len(frame))
    # near: a group formed (at least partly) through LSH
    group_near = pd.Series(near).groupby(groups).any().reindex(groups).to_numpy()
    kind = np.where(in_group, np.where(group_near, "near", "exact"), None)
    return pd.DataFrame(
        {
            "comment_id": frame["comment_id"].to_numpy(),
            "is_duplicate": in_group & ~is_canonical,
            "duplicate_group": pd.array(np.where(in_group, canonical_id, None), dtype="string"),
            "duplicate_group_size": sizes.astype("int64"),
            "duplicate_authors": n_authors.astype("int64"),
            "duplicate_kind": pd.array(kind, dtype="string"),
        }
    )
