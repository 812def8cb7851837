import pandas as pd
import pytest

from evaluation.persona_metrics import (
    motivation_macro_f1,
    persona_ari,
    recall_at_k,
    role_accuracy,
)


def test_role_accuracy_counts_unknown_as_wrong():
    assert role_accuracy(pd.Series(["patient", "inconnu"]), pd.Series(["patient", "aidant"])) == 0.5


def test_motivation_macro_f1_perfect_and_partial():
    truth = pd.Series(
        [
            "altruisme",
            "besoin_de_reconnaissance",
            "sentiment_d_appartenance",
            "experience_negative_en_prevention",
        ]
    )
    assert motivation_macro_f1(truth, truth) == 1.0
    predicted = truth.copy()
    predicted[0] = "indeterminee"
    assert motivation_macro_f1(predicted, truth) == pytest.approx(0.75)


def test_persona_ari_ignores_label_names():
    assert persona_ari(pd.Series(["P1", "P1", "P2"]), pd.Series(["a", "a", "b"])) == 1.0


def test_recall_at_k():
    assert recall_at_k(["a", "b", "c", "d"], {"a", "d"}, 2) == 0.5
