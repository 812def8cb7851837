"""Issue 17, twelfth round: shapes from the r11 frozen part (opened after its one held-out
score) and the r12 dev part: short file codes after a reference label, calendar checks on
date-shaped file numbers, practices, prisons, courtyards and hostels before a street, a plot
number inside an estate address, a birth date after "née" + the newborn's name, a patient
sheet's "SURNAME Firstname date", a month and year after a birth label, account holders
without a colon, military and fire-service ranks, royalty, eponyms in the plural, letters
beyond Latin-1 in names, names that never run over a line break, Corsican NIRs grouped
oddly and signatures qualified by a trade or a town.
Every example is invented for this test; expected values are reasoned from the rules.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ambassadeurs_pipeline.privacy.detectors.dossier import dossier_spans
from ambassadeurs_pipeline.privacy.detectors.name_words import fast_fold, gate_bytes
from ambassadeurs_pipeline.privacy.pii import make_detector, redact_texts

DETECTOR = make_detector("default", use_ner=False)


def red(text: str) -> str:
    return redact_texts([text], DETECTOR)[0][0]


def files(text: str) -> list[str]:
    return [text[s.start : s.end] for s in dossier_spans(text)]


def test_short_codes_are_files_only_straight_after_a_reference_label() -> None:
    assert files("référence locataire B-4471 pour le bailleur") == ["B-4471"]
    assert files("réf. expertise EXP-7731") == ["EXP-7731"]
    # A year is no file code, and neither is a norm without a label.
    assert files("réf. dossier COVID-2021") == []
    assert files("certifié ISO-9001 depuis longtemps") == []
    # A quote's reference is a file number since round 14 (it leads to the patient's file).
    assert files("devis réf. D-4410") == ["D-4410"]


def test_a_file_number_with_an_impossible_month_is_no_date() -> None:
    assert files("courrier de la caisse, réf ACA/2024/88-1207") == ["ACA/2024/88-1207"]
    # A real calendar date after a weak label stays a date.
    assert files("réf 12/03/2024") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "écrire à Centre pénitentiaire, 2 route de la Prison, 35000 Rennes",
            "écrire à <ADRESSE>",
        ),
        (
            "Dr Yilmaz, Cabinet médical des Tilleuls, 4 rue Haute, 67000 Strasbourg",
            "Dr <PERSONNE>, <ADRESSE>",
        ),
        (
            "Logement : Cour Dumas, maison 5, 12 rue des Tanneurs, 59000 Lille",
            "Logement : <ADRESSE>",
        ),
        ("Adresse : Lotissement Les Pins, lot 3, 20290 Borgo", "Adresse : <ADRESSE>"),
        (
            "Convocation\nMadame Sow Aminata\nFoyer Les Marronniers, chambre 12, 3 rue Victor "
            "Hugo, 93200 Saint-Denis",
            "Convocation\nMadame <PERSONNE>\n<ADRESSE>",
        ),
    ],
)
def test_buildings_before_a_street_belong_to_the_address(text: str, expected: str) -> None:
    assert red(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "BP 45, 97300 Cayenne",
        "Boîte postale 12, 29200 Brest",
        "CS 70021, 35000 Rennes",
        "Le Bourg, 22340 Maël-Carhaix",
        "12 chemin des Vignes, Saint-Émilion",
        "2 rue Haute, Bourg-la-Reine",
        "3, rue du Général de Gaulle - 57000 Metz",
    ],
)
def test_invented_address_shapes_are_whole(text: str) -> None:
    assert red(text) == "<ADRESSE>"


def test_a_name_after_a_street_is_not_a_town() -> None:
    assert red("3 rue des Lilas, Marie m'a dit") == "<ADRESSE>, <PERSONNE> m'a dit"


def test_a_year_closing_a_date_does_not_open_an_address() -> None:
    out = red(
        "Fiche\nDURAND Paul 04.05.1950\nRésidence Les Lilas, appt 3, 5 rue Neuve, 44000 Nantes"
    )
    assert out == "Fiche\n<PERSONNE> <DATE_NAISSANCE>\n<ADRESSE>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ma grand-mère (née Louise Carré le 03.04.1941) vit seule",
            "ma grand-mère (née <PERSONNE> le <DATE_NAISSANCE>) vit seule",
        ),
        (
            "Date de naissance du patient : avril 1958",
            "Date de naissance du patient : <DATE_NAISSANCE>",
        ),
        # A maiden name and a death date: no birth date.
        (
            "Odette, née Cozic, s'est éteinte le 2 novembre 2020",
            # (the first name and the maiden name are one person, round 9).
            "<PERSONNE>, s'est éteinte le 2 novembre 2020",
        ),
    ],
)
def test_birth_dates_round12(text: str, expected: str) -> None:
    assert red(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "RIB de la cotisation, titulaire Iban Etxeberria",
            "RIB de la cotisation, titulaire <PERSONNE>",
        ),
        (
            "titulaire Association Drépano Solidarité 76",
            "titulaire Association Drépano Solidarité 76",
        ),
        (
            "hommage au caporal Benhamou, tombé en mission",
            "hommage au caporal <PERSONNE>, tombé en mission",
        ),
        (
            "Adjudant-chef Le Goff, brigade de Quimper",
            "Adjudant-chef <PERSONNE>, brigade de Quimper",
        ),
        ("[06:10] Ltn Morvan: retour caserne", "[06:10] Ltn <PERSONNE>: retour caserne"),
        ("je relis Tintin avec le Capitaine Haddock", "je relis Tintin avec le Capitaine Haddock"),
        ("le prince Harry parle de sa dépression", "le prince Harry parle de sa dépression"),
        ("ma princesse Léa dort enfin", "ma princesse <PERSONNE> dort enfin"),
        ("évacué par la Marine nationale", "évacué par la Marine nationale"),
        ("névralgie d'Arnold ou migraine ?", "névralgie d'Arnold ou migraine ?"),
        (
            "les syndromes de Stevens-Johnson sont rares",
            "les syndromes de Stevens-Johnson sont rares",
        ),
        ("deux tendons d'Achille touchés", "deux tendons d'Achille touchés"),
        ("Ayşe Yılmaz, assistante familiale", "<PERSONNE>, assistante familiale"),
        ("merci Łukasz pour le trajet", "merci <PERSONNE> pour le trajet"),
        ("chambre 12, si Jordan veut passer", "chambre 12, si <PERSONNE> veut passer"),
        (
            "Merci de votre patience. Océane, préparatrice",
            "Merci de votre patience. <PERSONNE>, préparatrice",
        ),
        (
            "tout arrive par bateau. Jean-Hugues Payet, Saint-Pierre",
            "tout arrive par bateau. <PERSONNE>, Saint-Pierre",
        ),
        (
            "RIB au nom de Armement Le Dréau, c'est bon ?",
            "RIB au nom de Armement <PERSONNE>, c'est bon ?",
        ),
        ("devis de la Menuiserie Kerbrat reçu", "devis de la Menuiserie <PERSONNE> reçu"),
        # Places and words after a comma at the end are no signature.
        ("Bonne journée. Paris, France", "Bonne journée. Paris, France"),
        ("on en reparle. Rose, rouge et blanc", "on en reparle. Rose, rouge et blanc"),
    ],
)
def test_names_round12(text: str, expected: str) -> None:
    assert red(text) == expected


def test_corsican_nir_with_its_department_inside_a_group() -> None:
    assert red("NIR : 1801 12A 155 069 92") == "NIR : <NIR>"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=60))
def test_gate_bytes_is_plain_latin1_for_latin1_text(text: str) -> None:
    assert gate_bytes(text) == text.encode("latin-1")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Ayşe", "Yılmaz", "Łukasz", "Đorđe", "Søren", "Ştefan", "Ewa", "Zoé", "🙂"]
        ),
        min_size=1,
        max_size=6,
    )
)
def test_gate_bytes_keeps_every_letter_of_a_name_beyond_latin1(words: list[str]) -> None:
    """The gate sees each name as its folded form, never with a "?" in place of a letter."""
    text = " ".join(words)
    gated = gate_bytes(text).decode("latin-1")
    for word in words:
        if word != "🙂":
            assert fast_fold(word) in fast_fold(gated).split()


# --- round 12, part 2: shapes of the r12 frozen part, opened after its one held-out score
# (invented variants of them).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "assurée Inès Carrère, ° le 14/02/63, n° 123",
            "assurée <PERSONNE>, ° le <DATE_NAISSANCE>, n° 123",
        ),
        ("il fait 38° le 12/05/2024", "il fait 38° le 12/05/2024"),
        (
            "née le deux mai mille neuf cent quatre-vingt-un, sécu",
            "née le <DATE_NAISSANCE>, sécu",
        ),
        ("DDN 04/O7/2015 (faute de frappe)", "DDN <DATE_NAISSANCE> (faute de frappe)"),
    ],
)
def test_birth_dates_round12_part2(text: str, expected: str) -> None:
    assert red(text) == expected


def test_file_numbers_round12_part2() -> None:
    assert files("n° de marin : 19790311, je") == ["19790311"]
    assert files("mon num de marin c 20090122") == ["20090122"]
    assert files('la greffière parle du "TPE 24/0871"') == ["24/0871"]
    assert files("N° allocataire 5521 904. Normal ?") == ["5521 904"]
    # Seven grouped digits far from their label stay an amount.
    assert files("numéro allocataire donné hier au guichet, on m'a versé 1250 300 en tout") == []


@pytest.mark.parametrize(
    "text",
    [
        "GAEC du Pré Vert, La Haie, 53170 Meslay-du-Maine",
        "ferme Arrieta, chemin de Bidart, 64210 Arbonne",
        "lotissement Les Pins, 8 chemin de la Garrigue, 83170 Brignoles",
        "27 rue Gambetta, 3e gauche, 42000 Saint-Étienne",
        "BP 412, 75802 Paris Cedex 08",
        "Domaine de la Source, route de Mane, 04300 Forcalquier",
    ],
)
def test_address_shapes_round12_part2(text: str) -> None:
    assert red(text) == "<ADRESSE>"


def test_file_numbers_round13_dev_shapes() -> None:
    """Round 13, tuned on the r13 dev part (invented variants)."""
    assert files("c'était le dossier CNAV-ASIR-2025-44120") == ["CNAV-ASIR-2025-44120"]
    assert files("déclaré sous le n° ARS-BRE-TAT-29-0112, vérifiez") == ["ARS-BRE-TAT-29-0112"]
    assert files("NUMEN : 21F0533019ABC") == ["21F0533019ABC"]
    assert files("Mon n° d'accident du travail : AT 2025 118 40 311.") == ["2025 118 40 311"]
    assert files("Réf CPAM MP 25 114 907 231") == ["25 114 907 231"]
    # A model number without a label stays.
    assert files("le modèle ABC-12345 est bien") == []


def test_an_estate_then_a_house_number_is_one_address() -> None:
    text = "Adresse : Lotissement Les Genêts, 14, 56100 Lorient — Permis"
    assert red(text) == "Adresse : <ADRESSE> — Permis"
