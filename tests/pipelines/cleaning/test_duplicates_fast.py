"""The vectorised MinHash + banding of :func:`group_duplicates` against datasketch.

The grouping was a loop over datasketch ``MinHash`` objects and an incremental
``MinHashLSH`` index; it now computes the same signatures and buckets in numpy. These
tests pin that the signatures are datasketch's, that the groups are those of the former
loop (kept below as ``_reference_group_duplicates``), and that every near group rests on
pairs whose exact Jaccard reaches the threshold.
"""

from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from ambassadeurs_pipeline.pipelines.cleaning.duplicates import (
    _minhash_signatures,
    _shingle_set,
    _shingles,
    _UnionFind,
    _window_crc32,
    duplicate_keys,
    group_duplicates,
)


def _reference_group_duplicates(
    keys, threshold=0.8, num_perm=64, shingle_chars=5, min_chars=25, seed=1
):
    """The former implementation (datasketch MinHash objects and an incremental LSH index,
    query before insert), without its progress bar."""
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
    candidates = [i for i in unique_idx if len(keys[i]) >= min_chars]
    if len(candidates) > 1:
        hashes = MinHash.bulk(
            (_shingles(keys[i], shingle_chars) for i in candidates),
            num_perm=num_perm,
            seed=seed,
            hashfunc=zlib.crc32,
        )
        lsh = MinHashLSH(threshold=max(0.3, threshold - 0.15), num_perm=num_perm)
        signatures = np.empty((len(candidates), num_perm), dtype=np.uint64)
        row_of: dict[int, int] = {}
        prefilter = max(0.0, threshold - 0.2)
        for row, (i, mh) in enumerate(zip(candidates, hashes)):
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


SIGNATURE_TEXTS = [
    "abc",  # fewer chars than a shingle: one shingle, the whole key
    "abcde",  # exactly one shingle
    "abcdef",
    "aaaaaaaaaaaaaaaaaaaaaaaa",  # one distinct shingle repeated
    "merci pour vos reponses et bonne journee a tous",
    "مرحبا بكم في المنتدى شكرا جزيلا",  # non-ASCII: shingles of 5 chars, not 5 bytes
    "xin chào các bạn cảm ơn rất nhiều",
    "é",
    "",
]


def _datasketch_signature(key, num_perm, shingle_chars, seed):
    mh = MinHash(num_perm=num_perm, seed=seed, hashfunc=zlib.crc32)
    mh.update_batch(_shingles(key, shingle_chars))
    return mh.hashvalues


def test_signatures_equal_datasketch_minhash():
    for num_perm, shingle_chars, seed in [(64, 5, 1), (32, 3, 7), (128, 1, 2)]:
        keys = [k for k in SIGNATURE_TEXTS if k]
        ours = _minhash_signatures(keys, num_perm, shingle_chars, seed)
        assert ours.shape == (len(keys), num_perm)
        for key, row in zip(keys, ours):
            expected = _datasketch_signature(key, num_perm, shingle_chars, seed)
            assert row.dtype == expected.dtype
            assert np.array_equal(row, expected), (key, num_perm, shingle_chars, seed)


def test_signatures_equal_datasketch_across_chunks(monkeypatch):
    # Chunks of a few texts, so rows from several chunks and mixed fast/slow paths are
    # written back in place.
    from ambassadeurs_pipeline.pipelines.cleaning import duplicates

    monkeypatch.setattr(duplicates, "_CHUNK_WINDOWS", 40)
    keys = [k for k in SIGNATURE_TEXTS if k] * 3
    ours = _minhash_signatures(keys, 64, 5, 1)
    for key, row in zip(keys, ours):
        assert np.array_equal(row, _datasketch_signature(key, 64, 5, 1))


def test_window_crc32_is_zlib_crc32_of_each_window():
    keys = ["abcde", "hello world, bonjour", "\x00\x7f~ zZ09"]
    crc, counts = _window_crc32(keys, 5)
    expected = [
        zlib.crc32(key[i : i + 5].encode("ascii")) for key in keys for i in range(len(key) - 4)
    ]
    assert counts.tolist() == [len(k) - 4 for k in keys]
    assert crc.tolist() == expected


BASE = "depuis le changement de formule je dors tres mal et j ai des palpitations"
CORPUS = [
    BASE,  # 0
    "courage",  # 1: short
    BASE,  # 2: exact duplicate of 0
    BASE + " merci",  # 3: near duplicate of 0
    "rien a voir je cherche un bon dermatologue a lyon pour mon eczema",  # 4: alone
    "courage",  # 5: exact duplicate of 1 (short texts group only when equal)
    "courage !",  # 6: its key is "courage" too
    "courage a vous",  # 7: short, not equal: alone
    "",  # 8: empty: alone
    "depuis le changement de formule je mange tres mal et j ai des vertiges",  # 9: below
    "",  # 10: empty keys never group
]


def test_small_corpus_groups():
    keys = duplicate_keys(CORPUS)
    groups, near = group_duplicates(keys, threshold=0.8, min_chars=25)
    assert groups.tolist() == [0, 1, 0, 0, 4, 1, 1, 7, 8, 9, 10]
    assert near.tolist() == [i == 3 for i in range(len(CORPUS))]
    a, b = _shingle_set(keys[0], 5), _shingle_set(keys[9], 5)
    assert len(a & b) < 0.8 * len(a | b)  # why 9 stays alone
    ref_groups, ref_near = _reference_group_duplicates(keys, threshold=0.8, min_chars=25)
    assert np.array_equal(groups, ref_groups) and np.array_equal(near, ref_near)


def test_templated_texts_match_reference():
    template = "merci pour vos reponses sur la question numero {} et bonne journee"
    keys = [template.format(k) for k in range(80)] + [template.format(k) for k in range(10)]
    keys += ["x" * 25, "x" * 24, "y" * 25, "x" * 25]
    for threshold in (0.5, 0.8, 0.95):
        groups, near = group_duplicates(keys, threshold=threshold)
        ref_groups, ref_near = _reference_group_duplicates(keys, threshold=threshold)
        assert np.array_equal(groups, ref_groups) and np.array_equal(near, ref_near)


WORDS = ["merci", "bonjour", "le", "produit", "livraison", "rapide", "ça", "marche", "ok", "é"]


@st.composite
def near_variant_lists(draw):
    bases = draw(
        st.lists(
            st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join),
            min_size=1,
            max_size=5,
        )
    )
    texts = []
    for _ in range(draw(st.integers(0, 25))):
        words = draw(st.sampled_from(bases)).split()
        edit = draw(st.sampled_from(["keep", "drop", "add", "swap"]))
        pos = draw(st.integers(0, len(words)))
        word = draw(st.sampled_from(WORDS))
        if edit == "drop" and len(words) > 1:
            del words[min(pos, len(words) - 1)]
        elif edit == "add":
            words.insert(pos, word)
        elif edit == "swap" and words:
            words[min(pos, len(words) - 1)] = word
        texts.append(" ".join(words))
    return texts


def _confirmed_components(keys, threshold, shingle_chars, min_chars):
    """Groups of the brute force: equal non-empty keys, and pairs of long-enough keys whose
    exact shingle Jaccard reaches the threshold, closed transitively."""
    n = len(keys)
    uf = _UnionFind(n)
    for i in range(n):
        for j in range(i):
            if not keys[i] or not keys[j]:
                continue
            if keys[i] == keys[j]:
                uf.union(i, j)
            elif len(keys[i]) >= min_chars and len(keys[j]) >= min_chars:
                a, b = _shingle_set(keys[i], shingle_chars), _shingle_set(keys[j], shingle_chars)
                if len(a & b) >= threshold * len(a | b):
                    uf.union(i, j)
    return np.array([uf.find(i) for i in range(n)])


@settings(max_examples=150, deadline=None)
@given(
    texts=near_variant_lists(),
    threshold=st.sampled_from([0.5, 0.7, 0.8, 0.9]),
    shingle_chars=st.integers(2, 6),
    min_chars=st.integers(1, 30),
    seed=st.integers(1, 5),
)
def test_grouping_equals_reference_and_rests_on_confirmed_pairs(
    texts, threshold, shingle_chars, min_chars, seed
):
    keys = duplicate_keys(texts)
    kwargs = dict(
        threshold=threshold,
        num_perm=32,
        shingle_chars=shingle_chars,
        min_chars=min_chars,
        seed=seed,
    )
    groups, near = group_duplicates(keys, **kwargs)
    ref_groups, ref_near = _reference_group_duplicates(keys, **kwargs)
    assert np.array_equal(groups, ref_groups)
    assert np.array_equal(near, ref_near)
    # LSH may miss a pair the brute force finds, never the reverse: every group found is
    # inside one component of confirmed pairs.
    components = _confirmed_components(keys, threshold, shingle_chars, min_chars)
    for i in range(len(keys)):
        assert components[i] == components[groups[i]]
    assert all(groups[i] <= i for i in range(len(keys)))


def test_other_minhash_scheme_falls_back_to_datasketch(monkeypatch):
    # A datasketch whose default is not affine32 must give its own signatures, not ours.
    from ambassadeurs_pipeline.pipelines.cleaning import duplicates

    class LegacyMinHash(MinHash):
        def __init__(self, *args, scheme="legacy", **kwargs):
            super().__init__(*args, scheme=scheme, **kwargs)

    monkeypatch.setattr(duplicates, "MinHash", LegacyMinHash)
    keys = [k for k in SIGNATURE_TEXTS if k]
    ours = _minhash_signatures(keys, 32, 5, 3)
    for key, row in zip(keys, ours):
        mh = MinHash(num_perm=32, seed=3, hashfunc=zlib.crc32, scheme="legacy")
        mh.update_batch(_shingles(key, 5))
        assert np.array_equal(row, mh.hashvalues)
