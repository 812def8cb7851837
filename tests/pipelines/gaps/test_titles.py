import pytest

from ambassadeurs_pipeline.pipelines.gaps.titles import cut_words, question_title, strip_frame
from ambassadeurs_pipeline.privacy.quotes import (
    CorpusIndex,
    QuoteGuardParams,
    passes_guard,
    shingles,
    words,
)
from ambassadeurs_pipeline.text.spelling import Spellings


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Bonjour à tous, est-ce que quelqu'un sait si je peux me faire vacciner pendant l'allaitement ?",
            "se faire vacciner pendant l'allaitement",
        ),
        (
            "Comment vous faites pour gérer votre diabète en voyage ?",
            "gérer votre diabète en voyage",
        ),
        ("Comment gérer mon diabète en voyage ?", "gérer son diabète en voyage"),
        ("Peut-on annoncer sa SEP à son employeur ?", "annoncer sa SEP à son employeur"),
        ("Quelqu'un sait comment obtenir la RQTH ?", "obtenir la RQTH"),
        ("Des conseils pour dormir avec des douleurs ?", "dormir avec des douleurs"),
    ],
)
def test_personal_frame_is_stripped(question, expected):
    assert strip_frame(question) == expected


def test_cut_never_ends_on_a_function_word():
    assert (
        cut_words("obtenir la reconnaissance de la maladie par la MDPH", 6)
        == "obtenir la reconnaissance de la maladie"
    )
    assert (
        cut_words("la MDPH reconnaît la fibromyalgie comme un handicap", 6)
        == "la MDPH reconnaît la fibromyalgie"
    )


QUESTION = "Bonjour, est-ce que quelqu'un sait comment je peux gérer mon diabète en voyage avec les repas à heures fixes ?"


def test_gap_title_is_short_guarded_and_not_verbatim():
    p = QuoteGuardParams()
    # Five other authors use the title's words, so none of them is rare (rare words are masked).
    corpus = [QUESTION] + [
        f"{w} : gérer son diabète en voyage, les repas et les horaires"
        for w in ("Moi", "Lui", "Elle", "Nous", "Eux")
    ]
    index = CorpusIndex.build(corpus, [f"a{i}" for i in range(len(corpus))], p.span_words)
    title = question_title(
        QUESTION, ["voyage", "repas", "horaires"], index, p, Spellings.build(corpus)
    )
    # Frame stripped, "mon" -> "son", cut to 6 words, then the key terms not already in it.
    # "avec" is cut (a title never ends on a function word); "repas" is already there.
    assert title == "Gérer son diabète en voyage : repas et horaires"
    # Not verbatim: no run of more than max_run_words words of the question survives.
    assert not shingles(title, p.max_run_words + 1) & shingles(QUESTION, p.max_run_words + 1)
    assert passes_guard(title, index, p, sources=[QUESTION])
    assert title.lower() not in QUESTION.lower()


def test_a_personal_question_falls_back_to_its_key_terms():
    title = question_title(
        "Je suis épuisée, je n'en peux plus ?",
        ["fatigue", "sommeil", "sep"],
        spellings=Spellings.build(["ma SEP"]),
    )
    assert title == "Fatigue : sommeil et SEP"


def test_a_title_holding_a_rare_word_is_not_used():
    p = QuoteGuardParams(rare_word_min_authors=3)
    question = "Comment soigner une xylophonite du genou ?"
    index = CorpusIndex.build(
        [question, "le genou", "le genou", "le genou"], ["a", "b", "c", "d"], p.span_words
    )
    title = question_title(question, ["genou"], index, p)
    assert "xylophonite" not in title and title == "Genou"
    assert words(title) == ["genou"]
