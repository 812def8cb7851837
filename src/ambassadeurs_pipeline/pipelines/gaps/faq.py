"""FAQ: group the questions patients ask, label each group in French, count and trend it.

Questions are the ``is_question`` comments of ``comment_topics``. They are grouped by
agglomerative clustering (average linkage, cosine distance) of their embeddings across
topics, so one group can gather questions the topic model put in two topics; the group's
majority topic is kept for context. Agglomerative clustering needs no number of groups and
is deterministic, so the ranking is the same for the same inputs.
"""

from __future__ import annotations

import logging
import re
import warnings

import numpy as np
import pandas as pd
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
from ambassadeurs_pipeline.privacy.quotes import CorpusIndex
from ambassadeurs_pipeline.progress import phases
from ambassadeurs_pipeline.text.questions import is_question_sentence, split_sentences
from ambassadeurs_pipeline.text.spelling import Spellings

from ..privacy.params import PrivacyParams
from .params import GapsParams
from .similarity_scale import SimilarityScale, fit_scale
from .titles import question_title
from .vocabulary import STOP_WORDS_FR

logger = logging.getLogger(__name__)

#: Pseudonymisation placeholders (``<PERSONNE>``, ``<URL>``, ``@user_ab12``) are not topic words.
_TOKEN = r"(?u)\b[^\W\d_][^\W\d_'’-]{2,}\b"
_PLACEHOLDER = re.compile(r"<[A-Z_]{2,}>|\[[A-Z_]{2,}\]|@\w+")

GROUP_NOISE = -1


def select_questions(comments_clean: pd.DataFrame, comment_topics: pd.DataFrame) -> pd.DataFrame:
    """The question comments with their thread context, topic and sentiment.

    Spam, duplicates and bot authors are left out: they are not patients asking.
    """
    topics = comment_topics[
        [
            "comment_id",
            "topic_id",
            "topic_label",
            "sentiment_label",
            "sentiment_score",
            "is_question",
        ]
    ]
    frame = comments_clean.merge(topics, on="comment_id", how="inner")
    keep = frame["is_question"].fillna(False).astype(bool)
    for flag in ("is_spam", "is_duplicate", "is_bot_author"):
        if flag in frame.columns:
            keep &= ~frame[flag].fillna(False).astype(bool)
    columns = [
        "comment_id",
        "author_id",
        "thread_id",
        "parent_id",
        "created_at",
        "source",
        "likes",
        "text_clean",
        "topic_id",
        "topic_label",
        "sentiment_label",
        "sentiment_score",
    ]
    questions = frame.loc[keep, [c for c in columns if c in frame.columns]].copy()
    return questions.sort_values("comment_id", kind="stable").reset_index(drop=True)


def group_questions(
    comments_clean: pd.DataFrame,
    comment_topics: pd.DataFrame,
    comment_embeddings: pd.DataFrame,
    params: GapsParams,
) -> pd.DataFrame:
    """Assign every question to a question group.

    Returns:
        One row per question: its columns from ``select_questions`` plus ``group_id``
        (``-1`` for questions in a group with fewer than ``grouping.min_askers`` distinct
        askers) and ``centrality`` (cosine similarity to its group's centroid).
    """
    questions = select_questions(comments_clean, comment_topics)
    cfg = params.grouping
    if len(questions) > cfg.max_questions:
        logger.warning(
            "%d questions: keeping the %d most recent for grouping (gaps.grouping.max_questions).",
            len(questions),
            cfg.max_questions,
        )
        questions = (
            questions.sort_values(["created_at", "comment_id"], na_position="first")
            .tail(cfg.max_questions)
            .sort_values("comment_id")
            .reset_index(drop=True)
        )
    questions["group_id"] = GROUP_NOISE
    questions["centrality"] = np.nan
    if len(questions) < 2:
        return questions
    # A question asked in reply inside a thread opened by a question ("pareil pour moi ?",
    # "quelqu'un ?") is one more asker of the opener's question, not a topic of its own:
    # it joins the opener's group instead of being clustered on its (generic) words.
    opener = thread_opener_question(questions)
    all_questions = questions
    # A question-like reply inside a thread that a non-question opened (support, testimony)
    # is conversation, not an information need: it is not clustered. Flat exports have no
    # replies, so there every question is clustered.
    in_reply = _is_reply(questions)
    questions = questions[opener.isna() & ~in_reply].reset_index(drop=True)
    n_conversational = int((opener.isna() & in_reply).sum())
    if len(questions) < 2:
        return all_questions
    vectors = embeddings_matrix(comment_embeddings, questions["comment_id"], normalise=True)
    followers = all_questions[opener.notna()].copy()
    # Followers restate the opener's need in their own words: the evidence used below to
    # merge clusters that are one need asked in different words.
    embedded = followers["comment_id"].isin(pd.Index(comment_embeddings["comment_id"]))
    restating = followers[embedded].reset_index(drop=True)
    use_terms = cfg.term_weight > 0
    steps = phases(
        f"lacunes: questions ({len(questions)})", ["mots", "distances", "regroupement", "fusions"]
    )
    terms, follower_terms = (
        fit_question_terms(questions["text_clean"], cfg.term_min_df, restating["text_clean"])
        if use_terms
        else (None, None)
    )
    steps.done("mots")
    # The embedding cosine is put on the scale the threshold was measured on
    # (similarity_scale.py): contextual encoders give unrelated questions a high cosine.
    scale = fit_scale(vectors, cfg.similarity_reference, cfg.chance_quantile)
    if scale.active:
        logger.info(
            "gaps grouping: embedding chance similarity %.3f (quantile %.2f of random question "
            "pairs) mapped to %.3f (gaps.grouping.similarity_reference).",
            scale.chance,
            cfg.chance_quantile,
            scale.reference,
        )
    distances = _distances_from(terms, vectors, cfg.term_weight, scale)
    steps.done("distances")
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage="average",
        distance_threshold=cfg.distance_threshold,
    ).fit_predict(distances)
    steps.done("regroupement")
    n_merged = 0
    if cfg.merge_min_links > 0 and len(restating):
        opener_of = opener[opener.notna()].loc[followers.index[embedded.to_numpy()]].to_numpy()
        own = (
            pd.Series(labels, index=questions["comment_id"].to_numpy())
            .reindex(opener_of)
            .to_numpy()
        )
        known = ~pd.isna(own)
        links = follower_links(
            terms,
            vectors,
            labels,
            None if follower_terms is None else follower_terms[known],
            embeddings_matrix(comment_embeddings, restating["comment_id"][known], normalise=True),
            own[known].astype(np.int64),
            cfg.term_weight,
            min_similarity=1.0 - cfg.distance_threshold,
            scale=scale,
        )
        topic = (
            questions["topic_id"]
            if "topic_id" in questions
            else pd.Series(np.nan, index=questions.index)
        )
        before = len(np.unique(labels))
        n_followers = pd.Series(own[known].astype(np.int64)).value_counts().to_dict()
        labels = merge_linked_clusters(
            labels,
            links,
            cluster_topics(labels, topic.to_numpy()),
            cfg.merge_min_links,
            cfg.merge_within_topic,
            n_followers=n_followers,
            min_link_share=cfg.merge_min_link_share,
        )
        n_merged = before - len(np.unique(labels))
    steps.done("fusions")
    steps.close()
    questions["_cluster"] = labels
    n_clustered = len(questions)
    centrality = pd.Series(np.nan, index=questions["comment_id"].to_numpy())
    for cluster in np.unique(labels):
        idx = np.flatnonzero(labels == cluster)
        centroid = vectors[idx].mean(axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        centrality.iloc[idx] = vectors[idx] @ centroid
    questions["centrality"] = centrality.to_numpy()
    followers["_cluster"] = opener[opener.notna()].map(
        questions.set_index("comment_id")["_cluster"]
    )
    followers = followers[followers["_cluster"].notna()]
    questions = pd.concat([questions, followers], ignore_index=True)
    questions["_cluster"] = questions["_cluster"].astype("int64")

    askers = questions.groupby("_cluster")["author_id"].nunique()
    sizes = questions.groupby("_cluster").size()
    kept = askers[askers >= cfg.min_askers].index
    # Stable ids: by askers and size, then by the smallest comment id, so reruns give the same ids.
    first_id = questions.groupby("_cluster")["comment_id"].min()
    order = (
        pd.DataFrame({"askers": askers, "size": sizes, "first": first_id})
        .loc[kept]
        .sort_values(["askers", "size", "first"], ascending=[False, False, True])
    )
    mapping = {cluster: i for i, cluster in enumerate(order.index)}
    questions["group_id"] = questions["_cluster"].map(mapping).fillna(GROUP_NOISE).astype("int64")
    questions = (
        questions.drop(columns="_cluster")
        .sort_values("comment_id", kind="stable")
        .reset_index(drop=True)
    )
    logger.info(
        "%d questions (%d opening threads clustered, %d in reply to one, %d conversational replies left out) "
        "→ %d groups with ≥%d askers (%d clusters merged on follow-up evidence); %d in smaller groups.",
        len(questions),
        n_clustered,
        len(followers),
        n_conversational,
        len(mapping),
        cfg.min_askers,
        n_merged,
        int((questions["group_id"] == GROUP_NOISE).sum()),
    )
    return questions


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


def question_focus(text: str) -> str:
    """The sentences of a comment that ask something; the whole text when none does.

    A question comment is mostly context ("je prends X depuis 2 ans, j'ai souvent Y") around
    one asking sentence; what is asked lives in that sentence, so grouping on it keeps two
    people asking the same thing together even when their situations differ.
    """
    asking = [s for s in split_sentences(_clean_for_terms(text)) if is_question_sentence(s)]
    return " ".join(asking) if asking else _clean_for_terms(text)


def question_term_vectors(texts: pd.Series, min_df: int) -> np.ndarray:
    """L2-normalised TF-IDF of the content words and bigrams of each question's asking sentences.

    Question frames ("comment faire pour", "quelqu'un sait si") are stop words or so common
    that their inverse document frequency is low; what remains are the specific words of
    the need ("décalage horaire", "temps partiel thérapeutique").
    """
    return fit_question_terms(texts, min_df)[0]


def fit_question_terms(
    texts: pd.Series, min_df: int, other_texts: pd.Series | None = None
) -> tuple[np.ndarray, np.ndarray | None]:
    """``question_term_vectors`` of ``texts``, and of ``other_texts`` in the same vocabulary.

    The vocabulary and weights are fitted on ``texts`` only, so adding ``other_texts`` never
    changes the vectors of ``texts``.
    """
    focus = texts.map(question_focus).to_numpy()
    vectorizer = TfidfVectorizer(
        token_pattern=_TOKEN,
        stop_words=STOP_WORDS_FR,
        ngram_range=(1, 1),
        min_df=min_df,
        sublinear_tf=True,
        strip_accents="unicode",
        dtype=np.float32,
    )
    try:
        with warnings.catch_warnings():  # spaCy's list has a few tokens our pattern never makes
            warnings.simplefilter("ignore", UserWarning)
            matrix = vectorizer.fit_transform(focus).toarray()
    except ValueError:  # only stop words, or no term reaches min_df
        zeros = np.zeros((len(focus), 1), dtype=np.float32)
        other = None if other_texts is None else np.zeros((len(other_texts), 1), dtype=np.float32)
        return zeros, other
    if other_texts is None:
        return matrix, None
    if len(other_texts) == 0:
        return matrix, np.zeros((0, matrix.shape[1]), dtype=np.float32)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        other = vectorizer.transform(other_texts.map(question_focus).to_numpy()).toarray()
    return matrix, other


def question_distances(
    texts: pd.Series,
    vectors: np.ndarray,
    term_weight: float,
    term_min_df: int,
    scale: SimilarityScale | None = None,
) -> np.ndarray:
    """Cosine distance mixing the asking sentences' terms and the comments' embeddings.

    ``1 − (w · cos(terms) + (1 − w) · cos(embeddings))`` with ``w = term_weight``: the
    embedding places a question in its theme, the terms say which need of the theme it is.
    """
    terms = question_term_vectors(texts, term_min_df) if term_weight > 0 else None
    return _distances_from(terms, vectors, term_weight, scale)


def _distances_from(
    terms: np.ndarray | None,
    vectors: np.ndarray,
    term_weight: float,
    scale: SimilarityScale | None = None,
) -> np.ndarray:
    cosine = vectors @ vectors.T
    similarity = (1.0 - term_weight) * (scale.apply(cosine) if scale else cosine)
    if terms is not None and term_weight > 0:
        similarity += term_weight * (terms @ terms.T)
    distances = np.clip(1.0 - similarity, 0.0, 2.0).astype(np.float64)
    np.fill_diagonal(distances, 0.0)
    return distances


def _is_reply(questions: pd.DataFrame) -> pd.Series:
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


def _clean_for_terms(text: str) -> str:
    return _PLACEHOLDER.sub(" ", str(text).lower())


def group_key_terms(questions: pd.DataFrame, n_terms: int) -> dict[int, list[str]]:
    """The words and bigrams most specific to each group (class-based TF-IDF, as BERTopic).

    A term's weight in a group is its frequency there times the log inverse of its average
    frequency over groups, so words every question uses ("traitement") do not label all.
    """
    grouped = questions[questions["group_id"] != GROUP_NOISE]
    if grouped.empty:
        return {}
    docs = grouped.groupby("group_id")["text_clean"].apply(
        lambda s: " ".join(map(_clean_for_terms, s))
    )
    try:
        vectorizer = CountVectorizer(
            token_pattern=_TOKEN, stop_words=STOP_WORDS_FR, ngram_range=(1, 2), min_df=1
        )
        with warnings.catch_warnings():  # spaCy's list has a few tokens our pattern never makes
            warnings.simplefilter("ignore", UserWarning)
            counts = vectorizer.fit_transform(docs.to_numpy()).toarray().astype(float)
    except ValueError:  # only stop words
        return {int(g): [] for g in docs.index}
    terms = vectorizer.get_feature_names_out()
    tf = counts / np.maximum(counts.sum(axis=1, keepdims=True), 1.0)
    avg = counts.sum(axis=0) / len(docs)
    ctfidf = tf * np.log1p(1.0 + counts.sum() / len(docs) / np.maximum(avg, 1e-9))
    # A bigram whose words are both already chosen adds nothing; prefer distinct words.
    result: dict[int, list[str]] = {}
    for row, group_id in enumerate(docs.index):
        chosen: list[str] = []
        for j in np.lexsort((terms, -ctfidf[row])):
            if counts[row, j] < 2 and len(chosen) >= 1:
                break
            term = terms[j]
            words = set(term.split())
            if any(words <= set(c.split()) or set(c.split()) <= words for c in chosen):
                continue
            chosen.append(term)
            if len(chosen) == n_terms:
                break
        result[int(group_id)] = chosen
    return result


def period_bounds(
    created_at: pd.Series, recent_share: float
) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp] | None:
    """(start, start of the recent window, end) of the corpus period; None without dates."""
    dates = pd.to_datetime(created_at, errors="coerce").dropna()
    if dates.empty or dates.max() == dates.min():
        return None
    start, end = dates.min(), dates.max()
    return start, end - (end - start) * recent_share, end


def growth_ratio(
    dates: pd.Series, bounds: tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp] | None
) -> float:
    """Rate of questions in the recent window over the rate before it (add-one smoothed).

    1 means steady; 2 means twice as many questions per day recently. NaN without dates.
    """
    if bounds is None:
        return float("nan")
    start, cut, end = bounds
    dates = pd.to_datetime(dates, errors="coerce").dropna()
    if dates.empty:
        return float("nan")
    recent = int((dates >= cut).sum())
    earlier = int((dates < cut).sum())
    recent_days = max((end - cut).total_seconds(), 1.0)
    earlier_days = max((cut - start).total_seconds(), 1.0)
    return float(((recent + 1) / recent_days) / ((earlier + 1) / earlier_days))


def trend_label(ratio: float, rising: float) -> str:
    if not np.isfinite(ratio):
        return "inconnue"
    if ratio >= rising:
        return "en hausse"
    if ratio <= 1.0 / rising:
        return "en baisse"
    return "stable"


def build_faq(
    question_groups: pd.DataFrame,
    comments_clean: pd.DataFrame,
    params: GapsParams,
    privacy: PrivacyParams | None = None,
) -> pd.DataFrame:
    """The FAQ: one row per question group, ranked by distinct askers.

    ``label`` is a short title rewritten from the group's most central question
    (``titles.question_title``: personal frame stripped, key terms added, a fixed point of the
    quote guard ``privacy.quotes``, defaults when ``privacy`` is ``None``, checked against ``comments_clean``); ``key_terms`` are
    shown beside it.

    Returns:
        ``rank, group_id, label, key_terms, n_askers, n_questions, trend, growth_ratio,
        topic_id, topic_label, topic_share, example_questions`` (the three most central
        questions from distinct askers, pseudonymised text, joined by `` | ``).
    """
    columns = [
        "rank",
        "group_id",
        "label",
        "key_terms",
        "n_askers",
        "n_questions",
        "trend",
        "growth_ratio",
        "topic_id",
        "topic_label",
        "topic_share",
        "example_questions",
    ]
    grouped = question_groups[question_groups["group_id"] != GROUP_NOISE]
    if grouped.empty:
        return pd.DataFrame(columns=columns)
    cfg = params.grouping
    terms = group_key_terms(question_groups, cfg.n_label_terms)
    guard_params = (privacy or PrivacyParams()).quotes
    corpus = (
        comments_clean["text_clean"]
        if "text_clean" in comments_clean.columns
        else pd.Series(dtype=str)
    )
    authors = (
        comments_clean["author_id"].astype(str) if "author_id" in comments_clean.columns else None
    )
    index = CorpusIndex.build(corpus, authors, guard_params.span_words)
    spellings = Spellings.build(corpus)
    bounds = period_bounds(
        comments_clean.get("created_at", pd.Series(dtype="datetime64[ns]")),
        params.trend.recent_share,
    )
    rows = []
    for group_id, qs in grouped.groupby("group_id"):
        qs = qs.sort_values(["centrality", "comment_id"], ascending=[False, True])
        examples = qs.drop_duplicates("author_id")["text_clean"].head(cfg.n_examples).tolist()
        topic_counts = qs["topic_label"].value_counts()
        topic_ids = qs.groupby("topic_label")["topic_id"].first()
        ratio = growth_ratio(qs["created_at"], bounds) if "created_at" in qs else float("nan")
        key = terms.get(int(group_id), [])
        label = question_title(examples[0], key, index, guard_params, spellings) if examples else ""
        rows.append(
            {
                "group_id": int(group_id),
                "label": label or "…",
                "key_terms": ", ".join(spellings.display(k) for k in key),
                "n_askers": int(qs["author_id"].nunique()),
                "n_questions": len(qs),
                "trend": trend_label(ratio, params.trend.rising_ratio),
                "growth_ratio": ratio,
                "topic_id": topic_ids.loc[topic_counts.index[0]],
                "topic_label": str(topic_counts.index[0]),
                "topic_share": float(topic_counts.iloc[0] / len(qs)),
                "example_questions": " | ".join(_short(e, 240) for e in examples),
            }
        )
    faq = pd.DataFrame(rows).sort_values(
        ["n_askers", "n_questions", "group_id"], ascending=[False, False, True]
    )
    faq.insert(0, "rank", np.arange(1, len(faq) + 1))
    return faq[columns].reset_index(drop=True)


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
