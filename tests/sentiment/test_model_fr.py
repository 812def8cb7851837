"""The trained French model: artefact and metadata, the three-way rule, calibration,
language dispatch, a hand-labelled regression floor, and arbitrary text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import f1_score

from ambassadeurs_pipeline.sentiment import label_scores, make_backend
from ambassadeurs_pipeline.sentiment.model_fr import (
    CLASSES,
    FrenchModel,
    load_model,
    model_metadata,
    n_features,
    normalise,
)

LABELLED = Path(__file__).with_name("avis_fr_annotes.csv")


def tiny_config(temperature: float = 1.0) -> dict:
    return {
        "classes": list(CLASSES),
        "vectorizer": {
            "word_ngram_range": [1, 1],
            "word_n_features": 16,
            "word_token_pattern": r"(?u)\b\w+\b",
            "word_weight": 1.0,
            "char_ngram_range": [2, 2],
            "char_n_features": 16,
            "lexicon_weight": 0.0,
        },
        "calibration": {"temperature": temperature},
        "neutral_band": 0.3,
    }


def test_zero_coefficients_give_uniform_probabilities_and_a_neutral_label():
    model = FrenchModel(tiny_config(), np.zeros((3, 32), np.float16), np.zeros(3, np.float32))
    p = model.predict_proba(["n'importe quoi", ""])
    np.testing.assert_allclose(p, 1 / 3, atol=1e-6)
    assert list(label_scores(p[:, 2] - p[:, 0], 0.3)) == ["neutre", "neutre"]


def test_positive_weights_on_every_feature_make_any_text_positive():
    # All features are non-negative (alternate_sign=False), so +1 on the positive row and
    # -1 on the negative row can only push P(positif) up for a non-empty text.
    coef = np.zeros((3, 32), np.float16)
    coef[2], coef[0] = 1.0, -1.0
    model = FrenchModel(tiny_config(), coef, np.zeros(3, np.float32))
    p = model.predict_proba(["bonjour", "un texte plus long que le premier"])
    assert (p[:, 2] > p[:, 1]).all() and (p[:, 1] > p[:, 0]).all()


def test_shape_or_class_mismatch_is_refused():
    with pytest.raises(ValueError, match="do not match 32 features"):
        FrenchModel(tiny_config(), np.zeros((3, 31)), np.zeros(3))
    bad = tiny_config() | {"classes": ["positif", "neutre", "negatif"]}
    with pytest.raises(ValueError, match="classes"):
        FrenchModel(bad, np.zeros((3, 32)), np.zeros(3))


def test_higher_temperature_flattens_probabilities_without_changing_the_ranking():
    shipped = load_model()
    texts = [
        "Service impeccable, merci à toute l'équipe",
        "Personne ne répond au téléphone",
        "Le rendez-vous est mardi",
    ]
    hot = FrenchModel(
        shipped.config | {"calibration": {"temperature": shipped.temperature * 3}},
        shipped.coef_t.T,
        shipped.intercept,
    )
    p, q = shipped.predict_proba(texts), hot.predict_proba(texts)
    assert (q.max(axis=1) < p.max(axis=1)).all()
    assert (q.argmax(axis=1) == p.argmax(axis=1)).all()
    np.testing.assert_allclose(p.sum(axis=1), 1, atol=1e-6)


def test_shipped_artefact_and_its_metadata_agree():
    meta = model_metadata()
    model = load_model()
    assert model.coef_t.shape == (n_features(meta), 3)
    assert meta["classes"] == list(CLASSES)
    assert 0 < meta["neutral_band"] < 1 and meta["calibration"]["temperature"] > 0
    assert "train_sentiment_fr.py" in meta["training"]["command"]
    for corpus in meta["training"]["corpora"]:
        assert meta["sources"][corpus]["licence"] and meta["sources"][corpus]["repository"]
    tested = meta["test_metrics"]["corpora"]
    assert "hospitalidee" in tested and meta["test_metrics"]["neutral_band"] == meta["neutral_band"]
    for name, m in tested.items():
        polar = m["n_by_label"].get("negatif", 0) + m["n_by_label"].get("positif", 0)
        assert (m["accuracy_pos_neg"] is None) == (polar == 0), name
        assert 0 <= (m["accuracy_pos_neg"] or 0) <= 1 and 0 <= m["macro_f1"] <= 1
        assert sum(map(sum, m["confusion"]["matrix"])) == m["n"]
    size = Path(__file__).parents[2] / "src/ambassadeurs_pipeline/sentiment/modele_fr.npz"
    assert size.stat().st_size < 5e6


def test_complaints_without_a_lexicon_word_are_negative():
    backend = make_backend("modele_fr_seul")
    # Two of the three examples ("pas de transmissions" stays neutre: docs/topics.md).
    texts = ["on attend 3h aux urgences et personne ne vient", "aucune information"]
    scores = backend.score(texts)
    assert (label_scores(scores, backend.neutral_band) == "negatif").all(), dict(zip(texts, scores))
    assert (make_backend("lexique_fr").score(texts) == 0).all()  # what the issue was about


def test_language_dispatch_english_to_vader_french_to_the_model():
    texts = ["This drug is awful", "Ce médicament est génial"]
    both = make_backend("modele_fr").score(texts, ["en", "fr"])
    assert both[0] == pytest.approx(make_backend("vader_en").score(texts[:1])[0])
    assert both[1] == pytest.approx(make_backend("modele_fr_seul").score(texts[1:])[0])
    assert both[0] < 0 < both[1]
    with pytest.raises(ValueError, match="2 texts but 1 langs"):
        make_backend("modele_fr").score(texts, ["fr"])


def test_hand_labelled_french_set_floor():
    """Regression floor on the 70 hand-written sentences (optimistic: written in-house)."""
    data = pd.read_csv(LABELLED, comment="#")
    backend = make_backend("modele_fr_seul")
    predicted = label_scores(backend.score(data["texte"].tolist()), backend.neutral_band)
    assert f1_score(data["sentiment"], predicted, average="macro") >= MIN_HAND_LABELLED_MACRO_F1


# The shipped artefact scores 0.71 (0.74 before round 2, docs/topics.md); the old lexicon 0.89, but it was written
# with these sentences in view. A drop below the floor means a regression of the model.
MIN_HAND_LABELLED_MACRO_F1 = 0.70


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from("ab éç'!?\n\t"), max_size=40), min_size=1, max_size=6)
)
def test_char_block_equals_sklearns_char_wb_transform(texts):
    from ambassadeurs_pipeline.sentiment.model_fr import char_block, make_vectorizers

    _, char = make_vectorizers(
        tiny_config() | {"vectorizer": tiny_config()["vectorizer"] | {"char_ngram_range": [2, 5]}}
    )
    expected, got = char.transform(texts), char_block(texts, char)
    assert got.shape == expected.shape
    assert abs(expected - got).max() <= 1e-6


def test_normalise_removes_what_differs_between_corpora():
    assert normalise("Super !!! http://x.fr @Marie") == "super ! ! ! @user"
    assert normalise("L’équipe") == "l'équipe"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(max_size=300), min_size=1, max_size=5),
    st.sampled_from(["fr", "en", "es", "", "und"]),
)
def test_arbitrary_text_never_crashes_and_scores_stay_in_range(texts, lang):
    scores = make_backend("modele_fr").score(texts, [lang] * len(texts))
    assert scores.shape == (len(texts),) and np.isfinite(scores).all()
    assert (np.abs(scores) <= 1).all()
    p = load_model().predict_proba(texts)
    np.testing.assert_allclose(p.sum(axis=1), 1, atol=1e-5)
