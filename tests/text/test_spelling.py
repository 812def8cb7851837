from hypothesis import given
from hypothesis import strategies as st

from ambassadeurs_pipeline.text.spelling import Spellings, drug_names, fold

CORPUS = [
    "J'ai de la fièvre depuis le vaccin. La fièvre est tombée.",
    "Encore de la fievre ce matin, et une fièvre plus forte le soir.",
    "Ma SEP a été diagnostiquée en 2019. La SEP me fatigue.",
    "on parle de la sep au travail, la SEP c'est dur",
    "Depuis le Velnorix j'ai des vertiges. Le Velnorix est retiré ?",
    "Mon médecin a changé le Velnorix pour autre chose.",
]


def test_accents_restored_from_the_most_frequent_spelling():
    s = Spellings.build(CORPUS)
    # "fièvre" 3 times, "fievre" once: the accented spelling wins.
    assert s.restore("fievre") == "fièvre"
    assert s.display("vaccin contre la fievre") == "vaccin contre la fièvre"


def test_an_accented_word_is_kept_even_when_a_plainer_homograph_is_more_frequent():
    s = Spellings.build(["le partage", "le partage", "le partage", "dossier partagé"])
    assert s.restore("partage") == "partage"
    assert s.restore("partagé") == "partagé"


def test_acronyms_upper_case_from_the_corpus_and_from_the_list():
    s = Spellings.build(CORPUS)
    assert s.display("sep") == "SEP"  # 3 of 4 occurrences in capitals, and in ACRONYMS
    assert Spellings.build(["la mdph a refusé"]).display("mdph") == "MDPH"  # list only
    assert s.display("fatigue") == "fatigue"


def test_product_names_capitalised_when_the_corpus_capitalises_them_inside_sentences():
    s = Spellings.build(CORPUS)
    assert s.is_proper("velnorix") and s.display("velnorix") == "Velnorix"
    # A sentence-initial capital does not count: "Encore", "Depuis" stay lower case.
    assert s.display("encore") == "encore"


def test_shipped_drug_list_holds_real_drugs_and_no_common_words():
    names = drug_names()
    assert {"doliprane", "androcur", "levothyrox", "metformine"} <= names
    assert not {"contre", "petit", "fatigue", "vaccin", "travail"} & names


@given(st.text(max_size=40))
def test_display_keeps_the_folded_words(text):
    s = Spellings.build(CORPUS + [text])
    assert fold(s.display(text)).split() == fold(text).split()
