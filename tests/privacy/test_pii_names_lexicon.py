"""Issue 17: INSEE name lexicon, context rules, identifiers redacted on shape.

Expected values are reasoned from the rules (docs/privacy.md, "Names" and "Identifiers"),
not copied from the detector's output.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambassadeurs_pipeline.privacy.detectors.names import (
    NameLexiconDetector,
    fast_fold,
    name_lexicon,
)
from ambassadeurs_pipeline.privacy.pii import (
    PatternDetector,
    count_replacements,
    luhn_is_valid,
    make_detector,
    redact,
    redact_texts,
    resolve_overlaps,
)
from ambassadeurs_pipeline.text.normalise import normalise_text

DETECTOR = make_detector("default", use_ner=False)
LEXICON = NameLexiconDetector()


def clean(text: str) -> str:
    return redact_texts([normalise_text(text).text], DETECTOR)[0][0]


# --- the resource ----------------------------------------------------------------------------


def test_lexicon_holds_french_and_regional_names_with_word_flags():
    lex = name_lexicon()
    # 33.5k first names and 53.6k surnames were derived; overrides remove a few hundred.
    assert sum(1 for e in lex.values() if e.first) > 30_000
    assert sum(1 for e in lex.values() if e.surname) > 50_000
    for breton_basque_maghrebi_african in (
        "soazig",
        "maiwenn",
        "iker",
        "aicha",
        "fatoumata",
        "mamadou",
    ):
        entry = lex[breton_basque_maghrebi_african]
        assert entry.first and not entry.is_word, breton_basque_maghrebi_african
    assert lex["jean-baptiste"].first >= 15  # 49,187 births: bit length 16
    for word_name in ("rose", "pierre", "blanche"):
        assert lex[word_name].first and lex[word_name].is_word
    assert lex["petit"].surname >= 13 and not lex["petit"].first and lex["petit"].is_word
    assert lex["laure"].first and not lex["laure"].is_word  # override: "lauré" is the word
    # Allow-listed and stop words are never looked up as names.
    assert "doliprane" not in lex and "macron" not in lex and "bonjour" not in lex


def test_fast_fold_matches_accent_folding():
    assert fast_fold("Maëlle-Anaïs") == "maelle-anais"
    assert fast_fold("CÉLINE") == "celine"
    assert fast_fold("Chloé’s") == "chloe's"


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # The leaks.
        ("appelez Mathis Fontaine au 06 12 34 56 78", "appelez <PERSONNE> au <TEL>"),
        ("Jean-Baptiste Rousseau m'a beaucoup aidée.", "<PERSONNE> m'a beaucoup aidée."),
        ("j'ai croisé Soazig Marchand hier", "j'ai croisé <PERSONNE> hier"),
        ("ma fille Soazig a fait une crise", "ma fille <PERSONNE> a fait une crise"),
        # Kinship, titles, contact phrases, lower case after a cue.
        ("ma fille soazig a fait une crise", "ma fille <PERSONNE> a fait une crise"),
        ("mon mari pierre est hospitalisé", "mon mari <PERSONNE> est hospitalisé"),
        ("ma belle-mère Yvette perd la mémoire", "ma belle-mère <PERSONNE> perd la mémoire"),
        ("le docteur fontaine est très bien", "le docteur <PERSONNE> est très bien"),
        ("le dr ndiay a dit d'attendre", "le dr <PERSONNE> a dit d'attendre"),
        ("Mme Petit m'a rappelée", "Mme <PERSONNE> m'a rappelée"),
        ("demandez Nadia à l'accueil", "demandez <PERSONNE> à l'accueil"),
        (
            "je suis d'accord avec Duval sur ce point",
            "je suis d'accord avec <PERSONNE> sur ce point",
        ),
        ("la famille Ouédraogo nous a aidés", "la famille <PERSONNE> nous a aidés"),
        # Signatures.
        ("Merci à toutes.\nBisous, Nadia", "Merci à toutes.\nBisous, <PERSONNE>"),
        ("Tenez bon.\n— Karim", "Tenez bon.\n— <PERSONNE>"),
        ("courage à vous bisous nadia", "courage à vous bisous <PERSONNE>"),
        # Surname first, particles, initials.
        ("Nom : ROUSSEL Prénom : Audrey", "Nom : <PERSONNE> Prénom : <PERSONNE>"),
        ("c'est Maria Da Silva qui gère", "c'est <PERSONNE> qui gère"),
        ("j'ai vu Rose hier soir", "j'ai vu <PERSONNE> hier soir"),
    ],
)
def test_names_are_replaced(text, expected):
    assert clean(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "une rose, une pierre, de l'huile d'olive, une langue blanche",
        "Emmanuel Macron a parlé de l'hôpital.",
        "J'ai la maladie de Crohn, ma mère a Parkinson et mon père a Alzheimer.",
        "Je prends du Lyrica et du Levothyrox.",
        "Rendez-vous à Nancy en Avril.",
        "Octobre Rose commence demain.",
        "Je me pose la mme question pr Remicade.",
        "Elle a été soignée à Robert-Debré puis à Jeanne de Flandre.",
        "On a fait les courses chez Leclerc.",
        "My doctor says it's normal. Same here, great group!",
        "Meric beaucoup pour vos retours.",
    ],
)
def test_drugs_diseases_public_figures_places_and_words_survive(text):
    assert clean(text) == normalise_text(text).text


def test_gate_is_false_for_text_without_a_name_and_true_with_one():
    lex = name_lexicon()
    assert not LEXICON._may_hold_a_name("Ma TSH est à 4,5 et je prends 75 µg de Levothyrox.", lex)
    assert LEXICON._may_hold_a_name("ma fille soazig a de la fièvre", lex)
    assert LEXICON._may_hold_a_name("Bonjour, Mathis va mieux", lex)


# --- identifiers on shape ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, pii_type, valid",
    [
        # The IBAN: FR, 27 characters, wrong mod-97 key.
        ("IBAN FR76 9193 8592 1492 8452 0004 976 merci", "IBAN <IBAN> merci", "IBAN", False),
        ("IBAN FR76 3000 6000 0112 3456 7890 189 merci", "IBAN <IBAN> merci", "IBAN", True),
        ("le bon c'est fr76 3000 6000 0112 3456 7890 188", "le bon c'est <IBAN>", "IBAN", False),
        ("IBAN : FR 78 9765 8280 2582 2018 0515 438", "IBAN : <IBAN>", "IBAN", True),
        # NIR: structure of a NIR, key 36 instead of 91.
        ("mon numéro 1 85 05 78 006 084 36 svp", "mon numéro <NIR> svp", "NIR", False),
        ("mon numéro 1 85 05 78 006 084 91 svp", "mon numéro <NIR> svp", "NIR", True),
        # Card numbers: 4970 1012 3456 7890 fails Luhn, 4970 1012 3456 7893 passes.
        ("carte 4970 1012 3456 7890 exp 12/27", "carte <CARTE> exp 12/27", "CARTE", False),
        ("carte 4970-1012-3456-7893", "carte <CARTE>", "CARTE", True),
    ],
)
def test_identifiers_are_redacted_on_shape_and_checksum_recorded(text, expected, pii_type, valid):
    spans = [
        s for s in resolve_overlaps(PatternDetector().detect_one(text)) if s.pii_type == pii_type
    ]
    assert len(spans) == 1 and spans[0].checksum_valid is valid
    redacted, counts = redact_texts([text], PatternDetector())
    assert redacted == [expected]
    assert counts[0][pii_type] == 1
    assert counts[0][f"{pii_type}:checksum_invalid"] == (0 if valid else 1)
    assert count_replacements(counts[0]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Le lot 1234567890123 est rappelé",  # 13 bare digits, no card word, Luhn fails
        "HbA1c à 7,2 %, glycémie 1,26 g/l, 3 500 pas par jour.",
        "Rendez-vous le 12/03/2025 à 14h30, dossier déposé le 02/01/2024.",
        "J'ai payé 1 250,90 € pour 2 séances.",
    ],
)
def test_other_long_numbers_are_not_identifiers(text):
    assert redact_texts([text], PatternDetector())[0] == [text]


def test_luhn():
    assert luhn_is_valid("4970 1012 3456 7893")
    assert not luhn_is_valid("4970 1012 3456 7890")
    assert not luhn_is_valid("12345")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("06/41/25/87/93 avec les barres", "<TEL> avec les barres"),
        ("jsuis ne le 12 03 87, j'ai 37 ans", "jsuis ne le <DATE_NAISSANCE>, j'ai 37 ans"),
        ("numéro de dossier MDPH c'est DOS-2024-078451", "numéro de dossier MDPH c'est <DOSSIER>"),
        ("adresse Kerbriant, 29880 Plouguerneau", "adresse <ADRESSE>"),
    ],
)
def test_new_structured_shapes(text, expected):
    assert redact_texts([text], PatternDetector())[0] == [expected]


# --- text handling properties ------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abcdeéèàçôAÉZMmrsD ,.'’-:\n0123456789@<>") + ["Soazig", " Rose ", "Dr ", "ma fille "]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_lexicon_spans_are_in_bounds_and_name_shaped(text):
    spans = LEXICON.detect_one(text)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start].isalpha() and text[span.end - 1] not in " \n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_ALPHABET, max_size=40).map("".join),
    st.sampled_from(
        ["Soazig Marchand", "FR76 9193 8592 1492 8452 0004 976", "1 85 05 78 006 084 36", "soazig"]
    ),
    st.lists(_ALPHABET, max_size=40).map("".join),
)
def test_redaction_is_idempotent_and_keeps_the_rest_of_the_text(prefix, secret, suffix):
    text = f"{prefix} ma fille {secret} {suffix}"
    once, counts = redact_texts([text], DETECTOR)
    twice, counts_again = redact_texts(once, DETECTOR)
    assert twice == once and count_replacements(counts_again[0]) == 0
    # Outside the spans the text is unchanged, in order.
    spans = resolve_overlaps(DETECTOR.detect([text])[0])
    pieces, cursor = [], 0
    for span in spans:
        pieces.append(text[cursor : span.start])
        cursor = span.end
    pieces.append(text[cursor:])
    rebuilt = redact(text, spans)
    for piece in pieces:
        assert piece in rebuilt
    assert secret not in once[0]


def test_counts_per_text_are_counters():
    _, counts = redact_texts(["rien ici", "Dr Martin"], DETECTOR)
    assert counts[0] == Counter() and counts[1]["PERSONNE"] == 1
