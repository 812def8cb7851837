"""Issue 17, fourteenth round: structured shapes from the r13 frozen part (opened after its one
held-out score) and earlier opened parts: a keyless NIR far from its trigger, the same birth
date retyped in another shape, an ellipsis inside a birth-date sentence, an allowance number
whose first group is one digit, an insurer's code between a label and a grouped number, a
sports licence, an invoice made out to a person, an acronym heading an address block and a
lower-case address after "adresse".
Every example is invented for this test; expected values are reasoned from the rules.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from ambassadeurs_pipeline.privacy.detectors.address import address_spans
from ambassadeurs_pipeline.privacy.detectors.birth_date import birth_date_spans
from ambassadeurs_pipeline.privacy.detectors.card import card_spans
from ambassadeurs_pipeline.privacy.detectors.dossier import dossier_spans
from ambassadeurs_pipeline.privacy.detectors.nir import nir_spans
from ambassadeurs_pipeline.privacy.pii import make_detector, redact_texts


@lru_cache(maxsize=1)
def _detector():
    # Built once for the module (loading the name lexicon takes a second), without NER.
    return make_detector("default", use_ner=False)


def red(text: str) -> str:
    return redact_texts([text], _detector())[0][0]


def found(spans, text: str) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def births(text: str) -> list[str]:
    return found(birth_date_spans(text, text.lower()), text)


def addresses(text: str) -> list[str]:
    return found(address_spans(text, text.lower()), text)


def test_a_keyless_nir_after_a_trigger_further_back_in_the_comment() -> None:
    text = (
        "numéro de sécu de papa pour la mutuelle (la clé je la retrouve plus, "
        "désolée, je vous la donne demain) : 1520375113042"
    )
    assert found(nir_spans(text), text) == ["1520375113042"]
    # Without any trigger, a one-block 13-digit run stays (lot and order numbers).
    plain = "commande 1520375113042 livrée hier"
    assert found(nir_spans(plain), plain) == []
    # A trigger further back but not a NIR's structure (month 13): not a NIR. (Within 60
    # characters of the trigger any 13-digit run is taken, whatever its structure.)
    odd = "sécu : on m'a répondu par courrier au bout de trois semaines, référence 1521375113042"
    assert found(nir_spans(odd), odd) == []


def test_the_same_birth_date_retyped_in_another_shape() -> None:
    text = "DDN : née le 04/02/1987... non, 4 février 1987 sur le papier officiel"
    assert births(text) == ["04/02/1987", "4 février 1987"]
    # Elsewhere in the comment and with a two-digit year: the same day, month and year.
    form = "Date de naissance : 4/2/87. Relu : 04-02-1987 ok. RDV le 05/02/2026."
    assert births(form) == ["4/2/87", "04-02-1987"]
    # Another date is not a birth date because a birth date exists.
    other = "né le 12/03/1990, hospitalisé le 12/03/2024"
    assert births(other) == ["12/03/1990"]


def test_file_numbers_with_a_one_digit_first_group_an_issuer_code_or_a_licence() -> None:
    text = "n° allocataire 0 512 734 pour la CAF"
    assert found(dossier_spans(text), text) == ["0 512 734"]
    insurer = "Mutuelle : contrat MGEN 44 0812 559"
    assert found(dossier_spans(insurer), insurer) == ["44 0812 559"]
    licence = "ma licence FFF c'est 2267104 au club"
    assert found(dossier_spans(licence), licence) == ["2267104"]


def test_invoice_and_quote_numbers_are_file_numbers_job_offers_are_not() -> None:
    # A care provider's invoice or quote number leads to the patient's file there.
    named = "Facture n° FA-2026-00921 au nom de Mme Perrot, séance d'ostéo"
    assert found(dossier_spans(named), named) == ["FA-2026-00921"]
    quote = "votre devis n° DV-23-4410 pour les appareils"
    assert found(dossier_spans(quote), quote) == ["DV-23-4410"]
    offer = "offre n° 2026-04187 sur le site de l'hôpital"
    assert found(dossier_spans(offer), offer) == []


def test_file_numbers_far_from_their_label_or_with_few_digits() -> None:
    far = "Mon dossier sur le portail patient de la clinique des Lilas : CDL-P-0081234. Bug"
    assert found(dossier_spans(far), far) == ["CDL-P-0081234"]
    # A booking code with three digits, straight after a file label and "n°".
    booking = "dossier Accès Plus n° KR-8T3P5W"
    assert found(dossier_spans(booking), booking) == ["KR-8T3P5W"]
    # The same shape without a file label is a model or a reference: kept.
    model = "fauteuil modèle n° KR-8T3P5W"
    assert found(dossier_spans(model), model) == []
    mutual = "Mutuelle MAIF : 52 71 408 113"
    assert found(dossier_spans(mutual), mutual) == ["52 71 408 113"]


def test_a_house_name_a_lapse_before_a_birth_date() -> None:
    house = "Adresse : maison Etxegaraia, chemin d'Ibarron, 64310 Saint-Pée-sur-Nivelle"
    assert addresses(house) == ["maison Etxegaraia, chemin d'Ibarron, 64310 Saint-Pée-sur-Nivelle"]
    lapse = "mon fils Aurélien est né 3 ans après, le 12 mai 2019"
    assert births(lapse) == ["12 mai 2019"]


def test_an_acronym_heading_an_address_block_and_a_lower_case_address() -> None:
    text = "envoyer à : CMPP, bâtiment C, 2e étage, 4 rue des Acacias, 44000 Nantes"
    assert addresses(text) == ["CMPP, bâtiment C, 2e étage, 4 rue des Acacias, 44000 Nantes"]
    lower = "adresse la croix blanche, 24200 sarlat"
    assert addresses(lower) == ["la croix blanche, 24200 sarlat"]
    # Not a postcode-shaped amount after "adresse".
    amount = "changer d'adresse, ça coûte 15000 euros"
    assert addresses(amount) == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="0123456789 ./-abcéDNnaisc:…", max_size=60))
def test_birth_dates_found_are_always_date_substrings(text: str) -> None:
    # Any birth date found is a slice of the text that holds at least two digits.
    for value in births(text):
        assert value in text
        assert sum(c.isdigit() for c in value) >= 2


def test_names_opening_a_message_with_a_comma_in_a_sentence_that_speaks_to_someone() -> None:
    # A first name that is also a word, and a name no lexicon holds.
    assert red("Harmonie, les bas de contention c'est tous les jours, tenez bon") == (
        "<PERSONNE>, les bas de contention c'est tous les jours, tenez bon"
    )
    assert red("Chidera, merci pour ton message") == "<PERSONNE>, merci pour ton message"
    # "Comme X, je": another member of the thread.
    assert red("Comme Océane, je fais mes piqûres seule") == (
        "Comme <PERSONNE>, je fais mes piqûres seule"
    )
    # A virtue or an interjection opening a message is not a name.
    assert red("Patience, vous verrez que ça passe") == "Patience, vous verrez que ça passe"
    assert red("Bref, vous avez compris") == "Bref, vous avez compris"


def test_particle_surnames_and_elided_initials() -> None:
    # A noble "de La" even when a laboratory shares the surname.
    assert red("écrire à Hortense de La Roche pour le planning") == (
        "écrire à <PERSONNE> pour le planning"
    )
    # A frequent surname that is also a word, closing a lower-case signature.
    assert red("toujours mal au genou, normal ? nathalie le roux") == (
        "toujours mal au genou, normal ? <PERSONNE>"
    )
    # An elided initial after a title.
    assert (
        red("merci au Dr N'Guessan pour sa patience") == "merci au Dr <PERSONNE> pour sa patience"
    )


def test_name_fields_greetings_and_imperatives() -> None:
    # A "Nom" field holds a surname even when a laboratory shares it.
    assert red("Nom de naissance : SERVIER\nPrénom : Laure") == (
        "Nom de naissance : <PERSONNE>\nPrénom : <PERSONNE>"
    )
    assert (
        red("Bienvenue Océane ! Ici personne ne juge")
        == "Bienvenue <PERSONNE> ! Ici personne ne juge"
    )
    assert red("ma derma Keller me l'a proposé") == "ma derma <PERSONNE> me l'a proposé"
    # An imperative with its pronoun is no name.
    assert red("Personne ne le sait. Affichez-le !") == "Personne ne le sait. Affichez-le !"


def test_round14_part2_birth_dates_roman_months_typos_and_strong_cues() -> None:
    assert births("née à Ajaccio le 9/XI/1979, NIR") == ["9/XI/1979"]
    assert births("ma grand-mère (née le 14 III 1938 à Corte)") == ["14 III 1938"]
    assert births("je suis née le 8 otcobre 1985, 41 ans") == ["8 otcobre 1985"]
    # A word that is no month, and "ne" as the negation, give no birth date.
    assert births("je ne sais pas, le 12 mars 2024 on verra") == []
    assert births("il est ne le 12/03/1990") == ["12/03/1990"]
    # A strong cue reaches across a whole clause, and a corrected date follows it.
    text = "DDN de ma fille pour le dossier de la cantine scolaire : 31/02/2015 non 13/02/2015"
    assert births(text) == ["31/02/2015", "13/02/2015"]
    month_year = "DDN pour l'inscription au programme d'éducation thérapeutique : mars 1977"
    assert births(month_year) == ["mars 1977"]


def test_round14_part2_addresses_files_and_microchips() -> None:
    # A town after a numbered street, when no name list knows the word.
    assert addresses("devant le 7 allée des Mimosas, Ploufragan à 8h") == [
        "7 allée des Mimosas, Ploufragan"
    ]
    # A first name after the street is not swallowed as a town.
    assert addresses("au 7 allée des Mimosas, Martine viendra") == ["7 allée des Mimosas"]
    assert addresses("il habite La Croix-Hamon, 22400 Lamballe.") == [
        "La Croix-Hamon, 22400 Lamballe"
    ]
    assert addresses("Résidence Le Phare, entrée 3, 2e étage, 5 rue du Port, 29200 Brest") == [
        "Résidence Le Phare, entrée 3, 2e étage, 5 rue du Port, 29200 Brest"
    ]
    trial = "numéro patient dans l'essai GUS-BRCA-0912, pas de placebo"
    assert found(dossier_spans(trial), trial) == ["GUS-BRCA-0912"]
    agreement = "le numéro d'accord préalable 261102945 est sur le formulaire"
    assert found(dossier_spans(agreement), agreement) == ["261102945"]
    chip = "Puce n° 250268731234567 (celle du chat)"
    assert found(nir_spans(chip), chip) == []


def test_round14_part2_names_signatures_addresses_trades_and_ligatures() -> None:
    # A rarer first name signing after a question or a full stop (not after a comma).
    assert red("je la prends maintenant ou demain ? Thuy") == (
        "je la prends maintenant ou demain ? <PERSONNE>"
    )
    # "æ" folds to "e" ("Lætitia" is INSEE's "Letitia").
    assert red("elle est encore dispo Lætitia ?") == "elle est encore dispo <PERSONNE> ?"
    # A foreign particle between a first name and a capitalised surname.
    assert red("Samira el Amrani : je viens d'être diagnostiquée") == (
        "<PERSONNE> : je viens d'être diagnostiquée"
    )
    assert red("Pour Rose : tu peux demander un second avis") == (
        "Pour <PERSONNE> : tu peux demander un second avis"
    )
    assert red("Aurore, diagnostiquée à 38 ans") == "<PERSONNE>, diagnostiquée à 38 ans"
    assert red("Je suis à Pau. Maialen — 06 22 48 71 93") == "Je suis à Pau. <PERSONNE> — <TEL>"
    # A town after its postcode, before a dash and a phone, is the address's, not a name.
    assert red("Nolwenn Prigent - 6 rue de Siam, 29200 Brest - 02 98 44 17 32") == (
        "<PERSONNE> - <ADRESSE> - <TEL>"
    )
    # A business named after its owner.
    assert red("Orthopédie Lagarrigue, très bien") == "Orthopédie <PERSONNE>, très bien"
    assert red("chez Castagnier Tattoo à Montpellier") == "chez <PERSONNE> Tattoo à Montpellier"


def test_round14_part3_shapes_from_r15_dev() -> None:
    # A day "du" a month number, after a birth cue.
    assert births("ma fille est née le 21 du 6 et elle dort") == ["21 du 6"]
    assert births("(Odette Marty, née le 7 du 3 1934)") == ["7 du 3 1934"]
    # What a file says the birth date is.
    assert births("Ma date de naissance sur la carte est fausse, ils ont mis 30/02/1989 !") == [
        "30/02/1989"
    ]
    # A letter glued to the street number.
    assert addresses("Adresse : 5b rue des Tanneurs, 67000 Strasbourg") == [
        "5b rue des Tanneurs, 67000 Strasbourg"
    ]
    text = "réclamation (dossier RCL 2026 0715532) refusée"
    assert found(dossier_spans(text), text) == ["2026 0715532"]
    # A name in brackets after a phone; "Prénom(s)" fields; a name before an IBAN.
    assert red("Contact : 06 95 27 13 84 (Inês)") == "Contact : <TEL> (<PERSONNE>)"
    assert (
        red("Nom : ADEYEMI\nPrénom(s) : Tolu Grace") == "Nom : <PERSONNE>\nPrénom(s) : <PERSONNE>"
    )
    assert "Maréchal" not in red("RIB : Jeanine Maréchal FR76 3000 4000 0312 3456 7890 143")
    # Towns that are also first names, without a cue, and diplomas after a name.
    assert red("on a déménagé à Annecy puis Dinan") == "on a déménagé à Annecy puis Dinan"
    assert red("Julien Labat, MKDE") == "<PERSONNE>, MKDE"
    # Nicknames.
    assert red("merci kev pour le lien") == "merci <PERSONNE> pour le lien"


def test_round14_part4_shapes_from_the_opened_r15_frozen_part() -> None:

    assert addresses("Awa Diallo, 14 rés les tilleuls appt 12 93200 saint-denis : merci") == [
        "14 rés les tilleuls appt 12 93200 saint-denis"
    ]
    assert addresses("Cabinet d'orthoptie, 3 rue Nationale, 37000 Tours") == [
        "Cabinet d'orthoptie, 3 rue Nationale, 37000 Tours"
    ]
    statement = "numéro de décompte 2026051877412 sur Ameli"
    assert found(dossier_spans(statement), statement) == ["2026051877412"]
    student = "je suis Nora Haddad, INE 080233771KL, étudiante"
    assert found(dossier_spans(student), student) == ["080233771KL"]
    assert births("nom, date de naissance (mai 1971), n° de sécu") == ["mai 1971"]
    assert births("il est né le février 1948 à Oran") == ["février 1948"]
    # A card printed in fours, even when its digits could be a NIR's.
    card = "payé avec la carte (3755 1647 6516 457) hier"
    assert found(card_spans(card), card) == ["3755 1647 6516 457"]
    # An overseas NIR a sentence after its trigger.
    nir = "pour la carte vitale ils demandent quoi ? ma mere c'est 2 61 03 974 412 55 10 et"
    assert found(nir_spans(nir), nir) == ["2 61 03 974 412 55 10"]


def test_round14_part5_shapes_from_r16_dev() -> None:
    # A birth date wholly in words, in a text without a single digit.
    assert births("Date de naissance : douze mars deux mille dix-huit") == [
        "douze mars deux mille dix-huit"
    ]
    assert addresses("Adresse : 7 karrika Nagusia, 64250 Espelette") == [
        "7 karrika Nagusia, 64250 Espelette"
    ]
    invoice = "Facture n° FS 2025 11734, 85 € la nuit"
    assert found(dossier_spans(invoice), invoice) == ["2025 11734"]
    assert red("Kowalczyk, vous êtes là ? le RDV est décalé") == (
        "<PERSONNE>, vous êtes là ? le RDV est décalé"
    )
    assert (
        red("Opticien : Lefranc à Niort, très bien") == "Opticien : <PERSONNE> à Niort, très bien"
    )
    # A kinship word at a line's end names nobody on the next line.
    assert red("Dossier de notre fils\nNom : TRAORÉ") == "Dossier de notre fils\nNom : <PERSONNE>"


def test_round14_part6_shapes_from_the_opened_r16_frozen_part() -> None:
    far = "Votre numéro de patient sur le portail du centre de rhumatologie : RHU-0081234. Merci"
    assert found(dossier_spans(far), far) == ["RHU-0081234"]
    claim = "Déclaration d'AT n° 25 204 7719 envoyée"
    assert found(dossier_spans(claim), claim) == ["25 204 7719"]
    prescription = "Réf. prescription : PMT 2025 010 442"
    assert found(dossier_spans(prescription), prescription) == ["2025 010 442"]
    assert births("un vélo pour mes 70 ans (le 3 mai !) génial") == ["3 mai"]
    assert addresses("sous mon toit, 4 allée des Mûriers à Quiberon. La mairie") == [
        "4 allée des Mûriers à Quiberon"
    ]
    assert addresses("Cité des Oliviers, bât. C, appt 31, 13015 Marseille") == [
        "Cité des Oliviers, bât. C, appt 31, 13015 Marseille"
    ]


def test_round14_part7_shapes_from_r17_dev() -> None:
    # A stay's end date cut by the reading window is not a birth date.
    text = "DDN 05/09/2025, bronchiolite sévère à VRS, séjour USC du 12/01 au 16/01/2026. Merci"
    assert births(text) == ["05/09/2025"]
    assert births("ils demandent ma date de naissance en chiffres... je mets 07.11.68 et") == [
        "07.11.68"
    ]
    assert addresses("Parent : Nour B., Avenue Louise 231, 1050 Ixelles") == [
        "Avenue Louise 231, 1050 Ixelles"
    ]
    assert addresses("Préfecture, Place Félix Baret, CS 80001, 13282 Marseille Cedex 06") == [
        "Place Félix Baret, CS 80001, 13282 Marseille Cedex 06"
    ]
    assert addresses("5 rue des Lilas, Bât 2, 3e étage, porte gauche, 93100 Montreuil") == [
        "5 rue des Lilas, Bât 2, 3e étage, porte gauche, 93100 Montreuil"
    ]
