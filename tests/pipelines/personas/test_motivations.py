import pandas as pd
import pytest

from ambassadeurs_pipeline.pipelines.personas.motivations import (
    MOTIVATIONS,
    aggregate_motivations,
    load_lexicon,
    parse_lexicon,
    score_comments,
    score_text,
)


def test_shipped_lexicon_defines_the_four_labels():
    assert set(load_lexicon().patterns) == set(MOTIVATIONS)


@pytest.mark.parametrize(
    "text, motivation",
    [
        ("Si ça peut aider les autres, je suis là pour répondre.", "altruisme"),
        ("J'aimerais que notre expertise soit enfin reconnue.", "besoin_de_reconnaissance"),
        (
            "Ici je me sens moins seule, on est tous dans le même bateau.",
            "sentiment_d_appartenance",
        ),
        (
            "Si j'avais su… n'attendez pas, faites votre mammographie.",
            "experience_negative_en_prevention",
        ),
    ],
)
def test_score_text_finds_the_motivation(text, motivation):
    scores = score_text(text)
    assert max(scores, key=lambda m: scores[m][0]) == motivation
    assert scores[motivation][0] == 1.0  # capped at 1
    assert scores[motivation][1]  # evidence kept


def test_weak_cue_counts_half_and_negation_cancels():
    assert (
        score_text("Le dépistage, c'est important.")["experience_negative_en_prevention"][0] == 0.5
    )
    assert (
        score_text("Ce n'est pas la prévention qui compte.")["experience_negative_en_prevention"][0]
        == 0.0
    )
    assert score_text("Rien à voir.")["altruisme"] == (0.0, None, None)


def test_author_score_is_mean_of_comment_scores():
    comments = pd.DataFrame(
        {
            "comment_id": ["1", "2", "3", "4"],
            "author_id": ["a", "a", "a", "b"],
            "text_clean": ["N'attendez pas pour consulter.", "Bonjour.", "Bonsoir.", "Rien."],
        }
    )
    out = aggregate_motivations(score_comments(comments), pd.Index(["a", "b"]))
    assert out.loc["a", "motivation_experience_negative_en_prevention"] == pytest.approx(
        1 / 3, abs=1e-4
    )
    assert out.loc["a", "motivation"] == "experience_negative_en_prevention"
    assert out.loc["a", "motivation_confidence"] == 1.0
    assert out.loc["b", "motivation"] == "indeterminee"


def test_bad_lexicon_is_refused():
    with pytest.raises(ValueError, match="exactly"):
        parse_lexicon({"motivations": {"altruisme": {"patterns": []}}})
