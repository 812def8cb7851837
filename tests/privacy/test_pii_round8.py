"""Issue 17, eighth round: shapes from the seventh set's frozen part (opened after its one
held-out score) and invented probes: birth dates in lifespans and stillbirth notices, a maiden
name that is not a birth cue, event dates after a birth date, streets named "X et Y", towns
after a street, quote and invoice numbers, a particle surname typed in lower case, capitalised
first names after a possessive, trades named by their ending, pet forms of compound names.
Every example is invented for this test; expected values are reasoned from the rules.
"""

from __future__ import annotations

import pytest

from ambassadeurs_pipeline.privacy.detectors.address import address_spans
from ambassadeurs_pipeline.privacy.detectors.birth_date import birth_date_spans
from ambassadeurs_pipeline.privacy.detectors.dossier import dossier_spans
from ambassadeurs_pipeline.privacy.pii import make_detector, redact_texts

DETECTOR = make_detector("default", use_ner=False)


def red(text: str) -> str:
    return redact_texts([text], DETECTOR)[0][0]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("notre fils Malo, né sans vie à 28 SA le 3 mars 2026.", ["3 mars 2026"]),
        ("dons en mémoire de papa (Yves Morel, 1941-05-02 – 2026) : merci", ["1941-05-02"]),
        # A maiden name, then a death date: not a birth date.
        ("Mme Anne Le Bras, née Guivarch, s'est éteinte le 4 mars 2026.", []),
        # A birth date, then an appointment with a qualifier: only the first.
        ("Tom (né le 2 mai 2020) vu en consultation génétique le 9 juin 2026.", ["2 mai 2020"]),
        # A stay from one date to another is not a lifespan.
        ("séjour du 12/03/2025 - 15/03/2025 au CHU", []),
        ("né le 3 mars 1950", ["3 mars 1950"]),
    ],
)
def test_round8_birth_dates(text: str, dates: list[str]) -> None:
    assert [text[s.start : s.end] for s in birth_date_spans(text, text.lower())] == dates


def test_round8_addresses() -> None:
    text = "Clinique du Parc, 4 avenue Sambre et Meuse, 59000 Lille, chambre 2"
    assert [text[s.start : s.end] for s in address_spans(text, text.lower())] == [
        "4 avenue Sambre et Meuse, 59000 Lille"
    ]
    text = "Kowal Anna, 3 rue des Lilas, Lens... merci"
    assert [text[s.start : s.end] for s in address_spans(text, text.lower())] == [
        "3 rue des Lilas, Lens"
    ]


def test_round8_article_numbers_are_not_files_quotes_and_invoices_are() -> None:
    # Since round 14 a care provider's quote or invoice number is redacted: it leads to the
    # patient's file at that provider.
    for text, number in (
        ("DEVIS N° 2026-0418 pour la couronne", "2026-0418"),
        ("facture n° F-2026-7781 réglée", "F-2026-7781"),
    ):
        assert [text[s.start : s.end] for s in dossier_spans(text)] == [number], text
    assert dossier_spans("mon dossier médical, article L1111-7 du code") == []
    assert dossier_spans("n° de dossier MDPH : DOS-2024-078451") != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon ostéo c'est yves le goff sur Lannion", "Mon ostéo c'est <PERSONNE> sur Lannion"),
        (
            "On tient. Notre Jade est partie à 5 ans.",
            "On tient. Notre <PERSONNE> est partie à 5 ans.",
        ),
        ("mon Doliprane et ma Ventoline", "mon Doliprane et ma Ventoline"),
        (
            "C'est le généticien Lacombe qui a trouvé",
            "C'est le généticien <PERSONNE> qui a trouvé",
        ),
        ("Yaonn dit que si", "<PERSONNE> dit que si"),
        ("le neurologue dr nkoulou à Lyon", "le neurologue dr <PERSONNE> à Lyon"),
        (
            "Cession de patientèle. Marie-Jo 06 12 34 56 78",
            "Cession de patientèle. <PERSONNE> <TEL>",
        ),
        ("c'est kerjean qui m'a piquée ce matin", "c'est <PERSONNE> qui m'a piquée ce matin"),
        (
            "le dr Brossard (ou Broussard, je sais plus)",
            "le dr <PERSONNE> (ou <PERSONNE>, je sais plus)",
        ),
        ("Nom de l'assuré : RIBEIRO DA SILVA Manuel", "Nom de l'assuré : <PERSONNE>"),
        ("Madame TRAN Thi Mai, votre rendez-vous", "Madame <PERSONNE>, votre rendez-vous"),
        ("j'ai vu ton post, mon mari a eu le même", "j'ai vu ton post, mon mari a eu le même"),
        ("Lol, évite de poster ça", "Lol, évite de poster ça"),
        ("Je suis de Pau et je cherche un podologue", "Je suis de Pau et je cherche un podologue"),
        (
            'le livre "Anorexie, les comprendre" de Philippe Jeammet nous a aidés',
            'le livre "Anorexie, les comprendre" de Philippe Jeammet nous a aidés',
        ),
    ],
)
def test_round8_names(text: str, expected: str) -> None:
    assert red(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demandez à Ketterer, la pharmacienne", "demandez à <PERSONNE>, la pharmacienne"),
        ("faites par Lasserre le podo, top", "faites par <PERSONNE> le podo, top"),
        ("Le Gall m'a emmenée en radiothérapie", "<PERSONNE> m'a emmenée en radiothérapie"),
        ("La Poste m'a perdu le colis", "La Poste m'a perdu le colis"),
        ("Transport : taxi conventionné Pereira", "Transport : taxi conventionné <PERSONNE>"),
        ("> Roussel a écrit : ça va mieux", "> <PERSONNE> a écrit : ça va mieux"),
        (
            "débité deux fois, Marchand à l'accueil m'a dit",
            "débité deux fois, <PERSONNE> à l'accueil m'a dit",
        ),
        (
            "inscrit au programme Sophia de l'assurance maladie",
            "inscrit au programme Sophia de l'assurance maladie",
        ),
        ("la cagnotte pour l'opération de Enzo", "la cagnotte pour l'opération de <PERSONNE>"),
    ],
)
def test_round8_names_from_the_eighth_set_dev(text: str, expected: str) -> None:
    assert red(text) == expected


def test_round8_business_zone_and_hall_addresses_and_student_numbers() -> None:
    text = "son adresse pro c'est ZA de Kerlouan, 29500 Ergué-Gabéric si tu veux"
    assert [text[s.start : s.end] for s in address_spans(text, text.lower())] == [
        "ZA de Kerlouan, 29500 Ergué-Gabéric"
    ]
    text = "Loto : salle polyvalente, 2 route de Brest, 29260 Lesneven, dimanche"
    assert [text[s.start : s.end] for s in address_spans(text, text.lower())] == [
        "salle polyvalente, 2 route de Brest, 29260 Lesneven"
    ]
    for text, number in (
        ("N° étudiant : 21904471", "21904471"),
        ("INE : 081234567AB", "081234567AB"),
    ):
        assert [text[s.start : s.end] for s in dossier_spans(text)] == [number]
