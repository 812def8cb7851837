"""FAQ: group the questions patients ask, label each group in French, count and trend it.

Questions are the ``is_question`` comments of ``comment_topics``. They are grouped by
agglomerative clustering (average linkage, cosine distance) of their embeddings across
topics, so one group can gather questions the topic model put in two topics; the group's
majority topic is kept for context. Agglomerative clustering needs no number of groups and
is deterministic, so the ranking is the same for the same inputs.
"""

from __future__ import annotations

import logging
import warnings

import numpy as np
import pandas as pd
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import CountVectorizer

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
from ambassadeurs_pipeline.privacy.quotes import CorpusIndex
from ambassadeurs_pipeline.progress import phases
from ambassadeurs_pipeline.text.spelling import Spellings

from ..privacy.params import PrivacyParams

# Follow-up merging and question wording live in their own modules; their public names are
# re-exported so that ``from ...gaps.faq import question_focus`` (callers, tests) keeps working.
from .follow_ups import cluster_topics as cluster_topics
from .follow_ups import follower_links as follower_links
from .follow_ups import is_reply
from .follow_ups import merge_linked_clusters as merge_linked_clusters
from .follow_ups import thread_opener_question as thread_opener_question
from .params import GapsParams
from .question_terms import TOKEN_PATTERN, clean_for_terms, distances_from
from .question_terms import fit_question_terms as fit_question_terms
from .question_terms import question_distances as question_distances
from .question_terms import question_focus as question_focus
from .question_terms import question_term_vectors as question_term_vectors
from .similarity_scale import fit_scale
from .titles import question_title
from .vocabulary import STOP_WORDS_FR

logger = logging.getLogger(__name__)

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
    in_reply = is_reply(questions)
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
    distances = distances_from(terms, vectors, cfg.term_weight, scale)
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


def group_key_terms(questions: pd.DataFrame, n_terms: int) -> dict[int, list[str]]:
    """The words and bigrams most specific to each group (class-based TF-IDF, as BERTopic).

    A term's weight in a group is its frequency there times the log inverse of its average
    frequency over groups, so words every question uses ("traitement") do not label all.
    """
    grouped = questions[questions["group_id"] != GROUP_NOISE]
    if grouped.empty:
        return {}
    docs = grouped.groupby("group_id")["text_clean"].apply(
        lambda s: " ".join(map(clean_for_terms, s))
    )
    try:
        vectorizer = CountVectorizer(
            token_pattern=TOKEN_PATTERN, stop_words=STOP_WORDS_FR, ngram_range=(1, 2), min_df=1
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
