"""Small parts behind the gaps ranking: asking sentences, stems, hybrid similarity, shrinkage,
non-answers. Values are worked out by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ambassadeurs_pipeline.pipelines.gaps.coverage import hybrid_similarity, light_stems
from ambassadeurs_pipeline.pipelines.gaps.faq import question_distances, question_focus
from ambassadeurs_pipeline.pipelines.gaps.params import GapsParams
from ambassadeurs_pipeline.pipelines.gaps.scoring import shrunk_rate


def test_question_focus_keeps_the_asking_sentence_only():
    text = "Je prends de la metformine depuis 2 ans. Comment gérer le décalage horaire en voyage ? Merci."
    assert question_focus(text) == "comment gérer le décalage horaire en voyage ?"
    assert question_focus("Je raconte mon parcours.") == "je raconte mon parcours."


def test_light_stems_merge_inflections_and_drop_stop_words():
    assert light_stems("Allaitement, allaiter et allaitant", 6) == ["allait", "allait", "allait"]
    assert light_stems("Les voyages", 6) == ["voyage"]  # "les" is a stop word, plural dropped


def test_hybrid_similarity_is_the_weighted_mean_of_its_parts():
    vectors = np.eye(2, dtype=np.float32)  # orthogonal embeddings: cosine 0 across, 1 with self
    texts = ["voyage avion", "voyage avion"]
    sim = hybrid_similarity(texts, texts, vectors, vectors, lexical_weight=0.5, stem_length=6)
    # identical words → lexical cosine 1 everywhere; embeddings 1 on the diagonal only.
    np.testing.assert_allclose(sim, [[1.0, 0.5], [0.5, 1.0]], atol=1e-6)
    only_embeddings = hybrid_similarity(
        texts, texts, vectors, vectors, lexical_weight=0.0, stem_length=6
    )
    np.testing.assert_allclose(only_embeddings, np.eye(2), atol=1e-6)


def test_question_distances_group_same_words_despite_different_contexts():
    texts = pd.Series(
        [
            "J'ai 3 enfants. Comment gérer le décalage horaire en voyage ?",
            "Je suis sous insuline. Comment gérer le décalage horaire en voyage ?",
            "Je suis sous insuline. Peut-on faire du sport le soir ?",
        ]
    )
    vectors = np.eye(3, dtype=np.float32)
    d = question_distances(texts, vectors, term_weight=1.0, term_min_df=1)
    assert d[0, 1] == pytest.approx(0.0, abs=1e-6)  # same asking sentence
    assert d[0, 2] == pytest.approx(1.0, abs=1e-6)  # no shared content word


def test_shrunk_rate_pulls_small_groups_towards_the_pooled_rate():
    rate = pd.Series([0.0, 0.5, np.nan])
    n = pd.Series([3, 20, 0])
    # pooled rate = (0·3 + 0.5·20) / 23 = 10/23; group 0: (0 + 10/23·5) / 8
    out = shrunk_rate(rate, n, prior_questions=5)
    assert out[0] == pytest.approx((10 / 23) * 5 / 8)
    assert out[1] == pytest.approx((10 + (10 / 23) * 5) / 25)
    assert np.isnan(out[2])
    pd.testing.assert_series_equal(shrunk_rate(rate, n, 0), rate.astype(float))


@pytest.mark.parametrize(
    ("reply", "is_non_answer"),
    [
        ("Aucune idée, demandez à votre médecin.", True),
        ("Je ne sais pas du tout, désolée.", True),
        ("Je suis aussi intéressée par la réponse.", True),
        ("Le temps partiel thérapeutique se demande au médecin traitant.", False),
    ],
)
def test_non_answer_pattern(reply, is_non_answer):
    import re

    pattern = GapsParams().answers.non_answer_pattern
    assert bool(re.search(pattern, reply, flags=re.IGNORECASE)) is is_non_answer
