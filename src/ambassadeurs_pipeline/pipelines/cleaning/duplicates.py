"""Exact and near-duplicate comments (MinHash + LSH), grouped around one canonical comment."""

from __future__ import annotations

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
        # A generator, so the shingles of 100k texts are never all held in memory.
        hashes = MinHash.bulk(
            (_shingles(keys[i], shingle_chars) for i in candidates),
            num_perm=num_perm,
            seed=seed,
            hashfunc=zlib.crc32,
        )
        # LSH proposes candidates below the threshold (so pairs just above it are not lost
        # to estimation noise); the exact Jaccard of the shingle sets, recomputed for the
        # few candidate pairs, decides.
        lsh = MinHashLSH(threshold=max(0.3, threshold - 0.15), num_perm=num_perm)
        signatures = np.empty((len(candidates), num_perm), dtype=np.uint64)
        row_of: dict[int, int] = {}
        # LSH buckets of templated texts ("Merci pour vos réponses, …") grow with the corpus,
        # so recomputing shingle sets for every proposed pair made this step superlinear
        # (100k: 25 CPU s, 200k: 63 s). Two cheap filters come first: pairs already in one
        # group need no check, and the MinHash estimate (a vectorised comparison of the
        # signatures) drops pairs far below the threshold — 0.2 is 4 standard errors of the
        # estimate at 64 permutations, so no true pair is lost in practice.
        prefilter = max(0.0, threshold - 0.2)
        proposed = progress(
            zip(candidates, hashes),
            total=len(candidates),
            desc="nettoyage: doublons",
            unit="texte",
            min_total=5000,
        )
        for row, (i, mh) in enumerate(proposed):
            signatures[row] = mh.hashvalues
            row_of[i] = row
            found = lsh.query(mh)
            if found:
                root_i = uf.find(i)
                others = [j for j in found if uf.find(j) != root_i]
                if others:
                    rows = np.fromiter(
                        (row_of[j] for j in others), dtype=np.int64, count=len(others)
                    )
                    estimate = (signatures[rows] == signatures[row]).mean(axis=1)
                    a = None
                    for j, est in zip(others, estimate):
                        if est < prefilter or uf.find(j) == uf.find(i):
                            continue
                        if a is None:
                            a = _shingle_set(keys[i], shingle_chars)
                        b = _shingle_set(keys[j], shingle_chars)
                        if len(a & b) >= threshold * len(a | b):
                            uf.union(i, j)
                            near[i] = True
            lsh.insert(i, mh)
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
