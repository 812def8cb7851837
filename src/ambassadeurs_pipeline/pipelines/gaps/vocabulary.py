"""The words of the gaps stage: what a question's wording is made of, not what it is about.

Shared by the FAQ labels (``faq.py``) and the lexical part of coverage (``coverage.py``).
"""

from __future__ import annotations

from spacy.lang.fr.stop_words import STOP_WORDS

#: Words that say "this is a question" rather than what it is about; never a label.
QUESTION_WORDS = {
    "bonjour",
    "salut",
    "merci",
    "svp",
    "stp",
    "quelqu",
    "quelqu'un",
    "sait",
    "savez",
    "comment",
    "pourquoi",
    "quand",
    "faut",
    "peut",
    "peux",
    "dois",
    "doit",
    "est-ce",
    "avez",
    "vous",
    "conseils",
    "conseil",
    "question",
    "aide",
    "idée",
    "idee",
    "normal",
    "bien",
    "faire",
    "fait",
    "ça",
    "ca",
    "oui",
    "non",
    "quoi",
    "quel",
    "quelle",
    "quels",
    "quelles",
    "cas",
    "gens",
    "personne",
    "personnes",
    "déjà",
    "vraiment",
    "autres",
}
#: French stop words and question words, lower-cased and sorted (scikit-learn's ``stop_words``).
STOP_WORDS_FR = sorted({w.lower() for w in STOP_WORDS} | QUESTION_WORDS)
