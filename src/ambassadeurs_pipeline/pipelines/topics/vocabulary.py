"""French topic vocabulary: stop words (language, forum/SMS noise, placeholders) and labels."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

#: Forum and SMS fillers, greetings and politeness that every topic shares.
FORUM_NOISE = """
bonjour bonsoir salut slt coucou cc bjr bsr merci mercii mrc svp stp sil plait plaît
mdr lol ptdr xd ok okay oki ouais ouai oui non nan bah ben euh heu hein bref voila voilà
perso jsp jpp chui jsuis jai jss tkt pk pq pcq psk car qd qq qqn qqch tt tte ttes tjs toujours
vs bcp vrmt vraiment trop juste genre truc trucs chose choses fois ans mois jours semaines semaine
an jour heure heures moment temps gens monde personne personnes quelqu quelque
fait faire faut dit dire sais savoir vois voir pense penser crois croire
ça ca cela ceci c'est cest c’est j'ai j’ai n'est d'un d'une qu'il qu'on l'on
là ici déjà deja encore aussi alors donc puis comme ainsi tout tous toute toutes
bonne journée soirée courage bises bisous cordialement amicalement edit up
""".split()

#: Cleaning-stage placeholders, lower-cased as the vectoriser sees them.
PLACEHOLDER_WORDS = [
    "personne",
    "url",
    "email",
    "mail",
    "telephone",
    "téléphone",
    "adresse",
    "nir",
    "date",
    "iban",
    "lieu",
]

TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W\d_'’-]+\b"


@cache
def french_stop_words() -> tuple[str, ...]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    words = set(STOP_WORDS) | set(FORUM_NOISE) | set(PLACEHOLDER_WORDS) | set(ENGLISH_STOP_WORDS)
    # Elided forms are split off by the token pattern ("j'ai" -> "ai"); keep their stems out.
    words |= {w.split("'")[-1] for w in list(words) if "'" in w}
    words |= {"ai", "as", "avez", "avons", "suis", "est", "sont", "était", "etait", "ont", "été"}
    return tuple(sorted(words))


_SPLIT = re.compile(r"[.!?;:,()\[\]\n«»\"…]+")
_WORD = re.compile(TOKEN_PATTERN)


class FrenchAnalyzer:
    """Lower-cased words and n-grams that never span a stop word or a punctuation mark.

    scikit-learn removes stop words before building n-grams, so "je dors. Je suis
    soulagée" would give the bigram "dors soulagée"; here n-grams are built inside runs of
    content words only. Picklable (module-level class); BERTopic's safetensors save drops
    callable analyzers, which only matters for re-fitting, never for reading topics.
    """

    def __init__(self, stop: Iterable[str], ngram_max: int = 2) -> None:
        self.stop = frozenset(stop)
        self.ngram_max = ngram_max

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for chunk in _SPLIT.split(text.lower().replace("’", "'")):
            run: list[str] = []
            for word in _WORD.findall(chunk) + [""]:
                if word and word not in self.stop and len(word) > 2:
                    run.append(word)
                    continue
                for n in range(1, self.ngram_max + 1):
                    out.extend(" ".join(run[i : i + n]) for i in range(len(run) - n + 1))
                run = []
        return out


def stop_words(extra: Iterable[str] = ()) -> list[str]:
    return sorted(set(french_stop_words()) | {w.lower() for w in extra})


def make_label(
    terms: Sequence[str], n_words: int, stop: set[str], taken: set[str] = frozenset()
) -> str:
    """A 3–``n_words``-word French label from a topic's ranked terms.

    Skips stop words, terms already covered by a chosen term (``insuline`` after ``dose
    insuline``) and, where possible, labels already given to other topics.
    """
    chosen: list[str] = []
    words_used: set[str] = set()
    for term in terms:
        words = [w for w in re.split(r"\s+", term.strip().lower()) if w]
        if not words or any(w in stop for w in words) or any(len(w) < 3 for w in words):
            continue
        if set(words) <= words_used:
            continue
        if sum(len(t.split()) for t in chosen) + len(words) > n_words:
            continue
        chosen.append(" ".join(words))
        words_used |= set(words)
        if sum(len(t.split()) for t in chosen) >= n_words:
            break
    label = ", ".join(chosen) if chosen else "thème sans mot-clé"
    label = label[:1].upper() + label[1:]
    return label if label not in taken else f"{label} ({len(taken)})"
