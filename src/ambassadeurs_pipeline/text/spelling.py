"""How the community spells a word: accents, acronyms and product names, read from the corpus.

Keyword lists are lower-cased and often accent-less ("fievre", "sep", "velnorix") because
people type that way. :class:`Spellings` counts, for every word folded to lower case without
accents, the surface forms the corpus uses, so that a label can show the most frequent
accented spelling ("fièvre"), an acronym in upper case ("SEP") and a product name
capitalised ("Velnorix"). Pure Python, no model: it is built in one pass over the texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

#: Health acronyms a French board member expects in upper case, whatever the corpus does.
ACRONYMS = frozenset(
    """sep dmp mdph avc ivg rqth aah ald ansm cpam has irm pma fiv tdah tca bpco vih ist hpv ror
    dtp tsh ecg eeg ehpad samu smur ssr cmp cmpp cmu css cnil rgpd ame aeeh pch pps ehlers
    fiv sopk dmla hta ppc sas tens tcc emdr ime esat sessad""".split()
) - {"ehlers"}

_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*[^\W\d_]|[^\W\d_]", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…:;\n]\s*$")


def fold(text: str) -> str:
    """Lower case without accents ("Fièvre" -> "fievre"): the key spellings are grouped by."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


@cache
def drug_names() -> frozenset[str]:
    """French drug brands and active substances (folded), shipped with the package.

    ``drug_names_fr.txt`` is derived from the public French drug database (BDPM, Licence
    Ouverte) by ``benchmarks/build_drug_names.py``; ``drug_names_extra.txt`` adds names
    missing from that snapshot, by hand.
    """
    names: set[str] = set()
    for file in ("drug_names_fr.txt", "drug_names_extra.txt"):
        text = (
            resources.files("ambassadeurs_pipeline.text").joinpath(file).read_text(encoding="utf-8")
        )
        names.update(
            fold(line.strip())
            for line in text.splitlines()
            if line.strip() and not line.startswith("#")
        )
    return frozenset(names)


@dataclass
class Spellings:
    """Surface forms of each folded word in a corpus.

    ``lower[key]`` counts lower-cased spellings ("fièvre", "fievre"); ``upper[key]`` counts
    all-caps occurrences ("SEP"); ``capital[key]`` counts capitalised occurrences that do not
    open a sentence ("du Velnorix"), ``inner[key]`` all occurrences that do not open one.
    """

    lower: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    upper: Counter = field(default_factory=Counter)
    capital: Counter = field(default_factory=Counter)
    inner: Counter = field(default_factory=Counter)

    @classmethod
    def build(cls, texts: Iterable[str]) -> Spellings:
        out = cls()
        for text in texts:
            if not isinstance(text, str):
                continue
            for match in _WORD.finditer(text):
                word = match.group(0).replace("’", "'")
                key = fold(word)
                out.lower[key][word.lower()] += 1
                if len(word) >= 2 and word.isupper():
                    out.upper[key] += 1
                before = text[: match.start()]
                if before.strip() and not _SENTENCE_END.search(before):
                    out.inner[key] += 1
                    if word[0].isupper() and not word.isupper():
                        out.capital[key] += 1
        return out

    def count(self, word: str) -> int:
        return sum(self.lower.get(fold(word), Counter()).values())

    def restore(self, word: str) -> str:
        """The corpus' most frequent lower-case spelling of ``word`` (ties: the accented one).

        A word that already carries accents and is a corpus spelling is kept: "partagé" stays
        "partagé" even where the noun "partage" is more frequent."""
        forms = self.lower.get(fold(word))
        if not forms:
            return word.lower()
        if not word.isascii() and word.lower() in forms:
            return word.lower()
        return max(forms.items(), key=lambda kv: (kv[1], sum(ord(c) > 127 for c in kv[0]), kv[0]))[
            0
        ]

    def is_acronym(self, word: str) -> bool:
        key = fold(word)
        if key in ACRONYMS:
            return True
        total = self.count(word)
        return 2 <= len(key) <= 5 and total >= 3 and self.upper[key] >= 0.6 * total

    def is_proper(self, word: str) -> bool:
        """A name the corpus capitalises inside sentences (a product, a brand). A substance
        ("insuline", "metformine") is in the drug list but written in lower case: not a name."""
        key = fold(word)
        inner = self.inner[key]
        return inner >= 3 and self.capital[key] >= 0.7 * inner

    def is_drug(self, word: str) -> bool:
        """A known drug name, or a word the corpus treats as a product name (capitalised)."""
        return fold(word) in drug_names() or self.is_proper(word)

    def display(self, phrase: str) -> str:
        """``phrase`` with each word in its corpus spelling: accents restored, acronyms upper,
        product names capitalised ("vaccin contre la fievre" -> "vaccin contre la fièvre")."""
        out = []
        for token in re.split(r"(\s+|-)", phrase):
            if not token or token.isspace() or token == "-":
                out.append(token)
            elif self.is_acronym(token):
                out.append(fold(token).upper())
            elif self.is_proper(token) and fold(token) not in _COMMON_WORDS:
                restored = self.restore(token)
                out.append(restored[:1].upper() + restored[1:])
            else:
                out.append(self.restore(token))
        return "".join(out)


#: Words a proper-name test must never capitalise (they open many sentences and the corpus
#: may capitalise them after a line break).
_COMMON_WORDS = frozenset(
    "de du des la le les et en à a au aux un une pour par avec sans sur sous contre dans mon ma mes son sa ses".split()
)


def capitalise(text: str) -> str:
    """First letter upper case, the rest untouched ("sclérose en plaques" -> "Sclérose en plaques")."""
    return text[:1].upper() + text[1:]
