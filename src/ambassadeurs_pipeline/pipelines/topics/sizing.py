"""UMAP and HDBSCAN settings that follow the corpus size (pure functions, no I/O).

The settings used to be fixed for the 20k demo (HDBSCAN ``min_cluster_size`` 150): a
242-comment export then had no room for two clusters, and a 1,000-comment corpus of 80
conditions could never show more than a handful of topics. Every setting left at ``null``
(or ``auto``) in ``topics.model.umap`` / ``topics.model.hdbscan`` is derived here from the
number of comments BERTopic is fitted on (``n_fit`` = in-model comments, capped by
``topics.model.fit_sample_size``, so 1,000,000 comments size like 30,000) and, when the
user gives one, ``topics.model.expected_topics``. A value the user writes wins.

The rule (constants tuned on the tuning halves of the real corpora in
``benchmarks/bench_topics_real.py``, see docs/topics.md):

- ``min_cluster_size`` = ``n_fit / TOPICS_SCALE``: a topic holds at least 1/150 of the
  comments, so a corpus never shows more than about 150 topics, whatever its size (150 on
  the 20k demo, as before; 7 on 1,000 comments); with ``expected_topics`` = k it is
  ``n_fit / (EXPECTED_SPREAD × k)`` instead (a topic may be ``EXPECTED_SPREAD`` times smaller
  than the average one). Clamped to [``MIN_CLUSTER_FLOOR``, ``n_fit // MIN_CLUSTERS_ROOM``]
  so that at least ``MIN_CLUSTERS_ROOM`` clusters always fit. On the real tuning halves
  (346 to 1,186 comments) NMI only grew as clusters got smaller, down to the floor of 5
  (docs/topics.md); the divisor keeps the demo's tested 150 at 20k comments.
- ``min_samples`` = ``MIN_SAMPLES_RATIO × min_cluster_size`` (≥ 1): fewer points called noise
  than HDBSCAN's default (= min_cluster_size); outliers are reassigned afterwards anyway.
- UMAP ``n_neighbors`` = 15 (UMAP's and BERTopic's default), fewer below 150 comments
  (n_fit / 10, at least 5): on 100 comments 15 neighbours is a seventh of the corpus.
- UMAP ``n_components`` = 5 (BERTopic's default), at most n_fit − 2 (spectral init).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

AUTO = "auto"

TOPICS_SCALE = 150
EXPECTED_SPREAD = 3.0
MIN_CLUSTER_FLOOR = 5
MIN_CLUSTERS_ROOM = 4
MIN_SAMPLES_RATIO = 0.2
DEFAULT_NEIGHBORS = 15
DEFAULT_COMPONENTS = 5


@dataclass(frozen=True)
class ClusterSettings:
    """Concrete UMAP/HDBSCAN settings and where each one came from (``auto`` or ``user``)."""

    n_fit: int
    expected_topics: int | None
    n_neighbors: int
    n_components: int
    min_cluster_size: int
    min_samples: int | None
    source: dict[str, str]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def is_auto(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.lower() == AUTO)


def auto_min_cluster_size(n_fit: int, expected_topics: int | None = None) -> int:
    """HDBSCAN ``min_cluster_size`` for ``n_fit`` comments (see the module docstring)."""
    if n_fit < 1:
        raise ValueError(f"n_fit={n_fit}: no comment to cluster")
    if expected_topics:
        raw = n_fit / (EXPECTED_SPREAD * expected_topics)
    else:
        raw = n_fit / TOPICS_SCALE
    ceiling = max(2, n_fit // MIN_CLUSTERS_ROOM)
    return int(min(max(round(raw), MIN_CLUSTER_FLOOR), ceiling))


def auto_min_samples(min_cluster_size: int) -> int:
    return max(1, round(MIN_SAMPLES_RATIO * min_cluster_size))


def auto_n_neighbors(n_fit: int) -> int:
    return int(min(DEFAULT_NEIGHBORS, max(5, n_fit // 10), max(2, n_fit - 1)))


def auto_n_components(n_fit: int) -> int:
    return int(max(2, min(DEFAULT_COMPONENTS, n_fit - 2)))


def derive_cluster_settings(
    n_fit: int,
    *,
    n_neighbors: Any = None,
    n_components: Any = None,
    min_cluster_size: Any = None,
    min_samples: Any = AUTO,
    expected_topics: int | None = None,
) -> ClusterSettings:
    """Settings for ``n_fit`` comments; ``None``/``"auto"`` arguments are derived, others kept.

    ``min_samples`` is the exception: ``None`` keeps HDBSCAN's meaning (= min_cluster_size),
    only ``"auto"`` derives it.
    """
    source: dict[str, str] = {}

    def pick(name: str, value: Any, derive) -> Any:
        if is_auto(value) and not (name == "min_samples" and value is None):
            source[name] = AUTO
            return derive()
        source[name] = "user"
        return value

    mcs = pick(
        "min_cluster_size", min_cluster_size, lambda: auto_min_cluster_size(n_fit, expected_topics)
    )
    return ClusterSettings(
        n_fit=int(n_fit),
        expected_topics=expected_topics,
        n_neighbors=pick("n_neighbors", n_neighbors, lambda: auto_n_neighbors(n_fit)),
        n_components=pick("n_components", n_components, lambda: auto_n_components(n_fit)),
        min_cluster_size=mcs,
        min_samples=pick("min_samples", min_samples, lambda: auto_min_samples(mcs)),
        source=source,
    )
