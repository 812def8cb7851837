"""Follow-up questions: replies that ask again, and the clusters they show to be one need.

Apart from ``faq.py`` because this is the thread structure of a corpus (which question opened
a thread, which reply restates it) and the merge rule built on it; grouping only calls it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .similarity_scale import SimilarityScale


def is_reply(questions: pd.DataFrame) -> pd.Series:
    """True for comments posted in reply (non-empty ``parent_id``); all False in flat exports."""
    if "parent_id" not in questions:
        return pd.Series(False, index=questions.index)
    parent = questions["parent_id"].astype("string")
    return (parent.notna() & parent.str.strip().ne("")).fillna(False).astype(bool)


def thread_opener_question(questions: pd.DataFrame) -> pd.Series:
    """For each question asked in reply, the id of the question that opened its thread (else NA)."""
    result = pd.Series(pd.NA, index=questions.index, dtype="string")
    if "thread_id" not in questions or "parent_id" not in questions:
        return result
    parent = questions["parent_id"]
    is_opener = parent.isna() | parent.astype("string").str.strip().eq("")
    thread = questions["thread_id"].astype("string")
    openers = (
        questions[is_opener & thread.notna()]
        .drop_duplicates("thread_id")
        .set_index("thread_id")["comment_id"]
    )
    reply = ~is_opener & thread.notna()
    result[reply] = thread[reply].map(openers).astype("string")
    return result


def follower_links(
    opener_terms: np.ndarray | None,
    opener_vectors: np.ndarray,
    labels: np.ndarray,
    follower_terms: np.ndarray | None,
    follower_vectors: np.ndarray,
    follower_cluster: np.ndarray,
    term_weight: float,
    min_similarity: float,
    scale: SimilarityScale | None = None,
) -> dict[tuple[int, int], int]:
    """How often a follow-up question, in its own words, lands in another cluster than its opener.

    A question asked in reply to a question ("pareil pour moi : l'employeur peut refuser le
    temps partiel ?") is the same need as the thread's opener, asked in different words. Each
    follower is placed, by its own asking sentences, in the cluster of openers with the highest
    average similarity (the clustering's own similarity and linkage), if that similarity
    reaches ``min_similarity`` (the clustering's merge level). When that cluster is not its
    opener's, the two clusters hold one need phrased two ways: one link between them.

    Returns:
        ``{(a, b): n}`` with ``a < b``: number of followers linking clusters ``a`` and ``b``.
    """
    if len(follower_vectors) == 0:
        return {}
    cosine = follower_vectors @ opener_vectors.T
    similarity = (1.0 - term_weight) * (scale.apply(cosine) if scale else cosine)
    if term_weight > 0 and opener_terms is not None and follower_terms is not None:
        similarity = similarity + term_weight * (follower_terms @ opener_terms.T)
    clusters, index = np.unique(labels, return_inverse=True)
    members = np.zeros((len(labels), len(clusters)), dtype=np.float64)
    members[np.arange(len(labels)), index] = 1.0
    average = (similarity @ members) / members.sum(axis=0)
    best = np.argmax(average, axis=1)  # ties: the smallest cluster label, deterministic
    reached = average[np.arange(len(best)), best] >= min_similarity
    links: dict[tuple[int, int], int] = {}
    for own, near, ok in zip(follower_cluster, clusters[best], reached):
        if ok and own != near:
            key = (int(min(own, near)), int(max(own, near)))
            links[key] = links.get(key, 0) + 1
    return links


def cluster_topics(labels: np.ndarray, topic_ids: np.ndarray) -> dict[int, object]:
    """Majority topic of each cluster (ties: the smallest topic id; missing/-1: None)."""
    frame = pd.DataFrame(
        {"cluster": labels, "topic": pd.to_numeric(pd.Series(topic_ids), errors="coerce")}
    )
    frame = frame[frame["topic"].notna() & frame["topic"].ne(-1)]
    result: dict[int, object] = {int(c): None for c in np.unique(labels)}
    counts = frame.groupby(["cluster", "topic"]).size().reset_index(name="n")
    counts = counts.sort_values(["cluster", "n", "topic"], ascending=[True, False, True])
    for cluster, topic in counts.drop_duplicates("cluster")[["cluster", "topic"]].itertuples(
        index=False
    ):
        result[int(cluster)] = topic
    return result


def merge_linked_clusters(
    labels: np.ndarray,
    links: dict[tuple[int, int], int],
    topics: dict[int, object],
    min_links: int,
    within_topic: bool,
    n_followers: dict[int, int] | None = None,
    min_link_share: float = 0.0,
) -> np.ndarray:
    """Union the clusters joined by at least ``min_links`` follower links (transitively).

    With ``n_followers`` (follow-up questions asked under each cluster's questions), the links
    must also be at least ``min_link_share`` of the smaller of the two follower counts: a
    fixed count does not scale with the corpus (more follow-ups, more chance links, and
    transitive unions chain them), a share does. A cluster with fewer follow-ups than
    ``min_links`` is judged on the count alone.

    With ``within_topic``, two clusters merge only when they share a majority topic (not
    missing): a one-off follow-up that changes the subject ("et sinon, le X fait grossir ?")
    links clusters across themes, a need asked two ways stays within its theme. Each merged
    cluster takes the smallest label of its parts, so the result is deterministic.
    """
    parent = {int(c): int(c) for c in np.unique(labels)}

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for (a, b), n in sorted(links.items()):
        if n < min_links or a not in parent or b not in parent:
            continue
        if n_followers is not None and min_link_share > 0:
            smaller = min(n_followers.get(a, 0), n_followers.get(b, 0))
            if n < min_link_share * max(smaller, min_links):
                continue
        if within_topic and (topics.get(a) is None or topics.get(a) != topics.get(b)):
            continue
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([root(int(c)) for c in labels], dtype=np.asarray(labels).dtype)
