"""Question wording: what a question asks, as terms, and how far two questions are apart.

Apart from ``faq.py`` because the same wording rules serve grouping (``faq.group_questions``),
coverage matching (``coverage.py``) and the FAQ key terms: one place says which words of a
question carry its need.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from ambassadeurs_pipeline.text.questions import is_question_sentence, split_sentences

from .similarity_scale import SimilarityScale
from .vocabulary import STOP_WORDS_FR

#: Pseudonymisation placeholders (``<PERSONNE>``, ``<URL>``, ``@user_ab12``) are not topic words.
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_'’-]{2,}\b"
_PLACEHOLDER = re.compile(r"<[A-Z_]{2,}>|\[[A-Z_]{2,}\]|@\w+")


def clean_for_terms(text: str) -> str:
    """Lower-cased text with pseudonymisation placeholders blanked, as the term models read it."""
    return _PLACEHOLDER.sub(" ", str(text).lower())


def question_focus(text: str) -> str:
    """The sentences of a comment that ask something; the whole text when none does.

    A question comment is mostly context ("je prends X depuis 2 ans, j'ai souvent Y") around
    one asking sentence; what is asked lives in that sentence, so grouping on it keeps two
    people asking the same thing together even when their situations differ.
    """
    asking = [s for s in split_sentences(clean_for_terms(text)) if is_question_sentence(s)]
    return " ".join(asking) if asking else clean_for_terms(text)


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
        token_pattern=TOKEN_PATTERN,
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
    return distances_from(terms, vectors, term_weight, scale)


def distances_from(
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
