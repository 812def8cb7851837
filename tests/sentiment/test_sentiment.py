"""French lexicon rules, English VADER routing, and accuracy on a hand-labelled French set."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import f1_score

from ambassadeurs_pipeline.sentiment import label_scores, make_backend
from ambassadeurs_pipeline.sentiment.lexicon import score_french

LABELLED = Path(__file__).with_name("avis_fr_annotes.csv")


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Ce traitement est efficace", 1),
        ("Ce traitement n'est pas efficace", -1),
        ("pas bien du tout", -1),
        ("pas mal ce traitement", 1),
        ("je ne suis plus soulagée", -1),
        ("Le rendez-vous est à 10h", 0),
        ("merci 🙏", 1),
        ("encore une nuit blanche 😭", -1),
        ("le médecin était gentil mais l'attente horrible", -1),
    ],
)
def test_rules(text, sign):
    assert np.sign(round(score_french(text), 3)) == sign


def test_intensifier_and_exclamation_raise_the_score():
    assert score_french("vraiment efficace") > score_french("efficace")
    assert score_french("horrible !!!") < score_french("horrible")
    assert score_french("un peu déçue") > score_french("déçue")


def test_labels_and_english_routing():
    assert list(label_scores(np.array([-0.5, 0.0, 0.5]), 0.2)) == ["negatif", "neutre", "positif"]
    scores = make_backend("lexique").score(
        ["This drug is awful", "Ce médicament est génial"], ["en", "fr"]
    )
    assert scores[0] < -0.2 and scores[1] > 0.2


def test_hand_labelled_french_set():
    """A set written and labelled by hand for this project (not by the demo generator)."""
    data = pd.read_csv(LABELLED, comment="#")
    predicted = label_scores(make_backend("lexique_fr").score(data["texte"].tolist()), 0.2)
    macro_f1 = f1_score(data["sentiment"], predicted, average="macro")
    assert macro_f1 >= 0.7, macro_f1
