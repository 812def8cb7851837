"""Put every embedding backend's question similarity on one scale before grouping.

Why: the grouping threshold (``gaps.grouping.distance_threshold``) was measured on the
old ``tfidf_svd_spacy`` vectors, where two unrelated questions have a cosine of about
0.05. A contextual sentence encoder such as ``use_multilingual`` (issue 14's default) gives
unrelated questions of one health forum a cosine of 0.2 to 0.4: every pair looks "somewhat
similar", the fixed threshold merges distinct needs, and planted gaps fell out of the top
of the ranking on the 20k demo (precision@5 1.0 → 0.6, docs/gaps.md).

The fix measures the backend's chance level on the corpus itself: the ``chance_quantile``
quantile of the cosine between random pairs of the questions being grouped. The embedding
cosine is then mapped linearly so that this chance level lands on ``reference`` and 1 stays
1::

    s' = reference + (s − chance) · (1 − reference) / (1 − chance)

A backend whose chance level already equals the reference is unchanged, and so is the
threshold's meaning ("this much above chance"). The chance level also follows the corpus:
an export about a single disease has more similar questions at random than a general
forum, and the bar rises with it. ``reference = None`` turns the map off.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Pairs sampled to estimate the chance level: the quantile's standard error is below 0.005
#: with 20,000 pairs, and the estimate costs a few milliseconds on any corpus size.
N_PAIRS = 20_000


@dataclass(frozen=True)
class SimilarityScale:
    """``apply`` maps embedding cosines so that ``chance`` becomes ``reference``."""

    chance: float
    reference: float | None

    @property
    def active(self) -> bool:
        return self.reference is not None and self.chance < 1.0

    def apply(self, similarity: np.ndarray) -> np.ndarray:
        if not self.active:
            return similarity
        slope = (1.0 - self.reference) / (1.0 - self.chance)
        return self.reference + (similarity - self.chance) * slope

    def describe(self) -> dict[str, float | None]:
        return {
            "embedding_chance_similarity": round(float(self.chance), 4),
            "similarity_reference": self.reference,
        }


def chance_similarity(vectors: np.ndarray, quantile: float, seed: int = 0) -> float:
    """The ``quantile`` of the cosine between random distinct pairs of (L2-normalised) rows.

    Deterministic for a given ``seed``; with fewer than 2 rows there is no pair and the
    chance level is 0 (the map is then a no-op for ``reference`` 0).
    """
    n = len(vectors)
    if n < 2:
        return 0.0
    rng = np.random.default_rng(seed)
    if n * (n - 1) // 2 <= N_PAIRS:
        left, right = np.triu_indices(n, k=1)
    else:
        left = rng.integers(0, n, N_PAIRS)
        right = rng.integers(0, n - 1, N_PAIRS)
        right = right + (right >= left)  # a row is never paired with itself
    cosines = np.einsum("ij,ij->i", vectors[left], vectors[right])
    return float(np.quantile(cosines, quantile))


def fit_scale(
    vectors: np.ndarray, reference: float | None, quantile: float, seed: int = 0
) -> SimilarityScale:
    """The scale for these question vectors (chance measured on them)."""
    if reference is None:
        return SimilarityScale(chance=0.0, reference=None)
    return SimilarityScale(chance=chance_similarity(vectors, quantile, seed), reference=reference)
