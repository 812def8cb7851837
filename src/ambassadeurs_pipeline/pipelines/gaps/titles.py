"""Short, guarded titles for question groups, rewritten from their most representative question.

A keyword list ("Dmp, accès, médical") tells a board member little; the question itself
("Bonjour, est-ce que quelqu'un sait si je peux gérer mon diabète en voyage ?") cannot be
published verbatim (it can be searched back to its author). The title is a rule-based
rewrite of the group's most central question:

1. the question sentence sharing most key terms is kept, greetings dropped;
2. its personal frame is stripped ("est-ce que quelqu'un sait si je peux …", "comment vous
   faites pour …", "des conseils pour …") so that an infinitive or noun phrase remains;
   a reflexive "me" becomes "se", "mon/ma/mes" become "son/sa/ses";
3. it is cut to ``max_run_words`` words (the quote guard's longest verbatim run), never
   ending on a function word;
4. the group's top key terms not already in it are added after a colon, in the corpus'
   spelling ("Gérer son diabète en voyage : repas et horaires").

The title must pass the quote guard as it is (``privacy.quotes.passes_guard``: no rare word,
no quasi-identifier, no run of more than ``max_run_words`` words of the question, no
``span_words``-word run of any comment); otherwise, or when no frame rule leaves an
impersonal phrase, the title is built from the key terms alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ambassadeurs_pipeline.privacy.quotes import CorpusIndex, QuoteGuardParams, passes_guard, words
from ambassadeurs_pipeline.text.questions import is_question_sentence, split_sentences
from ambassadeurs_pipeline.text.spelling import Spellings, capitalise, fold

_WH = r"(si|comment|pourquoi|quand|où|ou|combien|quel|quelle|quels|quelles)"
_GREETING = re.compile(
    r"^\s*(?:(?:bonjour|bonsoir|salut|hello|coucou|hey|re|merci d'avance|svp)\b"
    r"(?:\s+(?:à|a)\s+(?:tous|toutes|tou(?:te)?s)(?:\s+et\s+toutes)?|\s+tout le monde|\s+les amis|\s+les filles)?[\s,!.:]*)+",
    re.I,
)
#: Personal frames, tried in order at the start of the sentence until none applies.
#: A captured interrogative other than "si" is kept ("quelqu'un sait comment …" -> "comment …").
_FRAMES = [
    re.compile(r"^(?:et|donc|alors|du coup|mais|pour)\s+", re.I),
    re.compile(
        r"^(?:est-ce qu['’]|est-ce que\s+)?(?:quelqu['’]un|qqn|qq1|vous|certains? d['’]entre vous)\s+"
        r"(?:sait|saurait|savez|sauriez|connait|connaît|conna[iî]trait|a|aurait|avez|auriez)(?:[- ](?:il|vous))?\s+"
        r"(?:déjà\s+)?(?:une idée|des infos|des informations|des conseils|un conseil)?\s*(?:sur\s+)?"
        + _WH
        + r"?\s*",
        re.I,
    ),
    re.compile(r"^(?:savez|sauriez|connaissez)[- ]vous\s+" + _WH + r"?\s*", re.I),
    re.compile(
        r"^(?:est-ce qu['’]|est-ce que\s+)?(?:quelqu['’]un|qqn|vous)\s+(?:peut|pourrait|pouvez|pourriez|sait|saurait)(?:[- ](?:il|vous))?\s+"
        r"(?:me|m['’]|nous)\s*(?:dire|expliquer|renseigner|éclairer|aider)(?:\s+(?:sur|à))?\s+"
        + _WH
        + r"?\s*",
        re.I,
    ),
    re.compile(
        r"^(?:pouvez|pourriez)[- ]vous\s+(?:me|m['’]|nous)\s*(?:dire|expliquer|renseigner|éclairer)\s+"
        + _WH
        + r"?\s*",
        re.I,
    ),
    re.compile(
        r"^(?:je me demandais|je me demande|j['’]aimerais savoir|je voudrais savoir|je voulais savoir|"
        r"je cherche à savoir|je souhaiterais savoir|pouvez-vous me dire|pourriez-vous me dire|"
        r"vous pouvez me dire)\s+" + _WH + r"?\s*",
        re.I,
    ),
    re.compile(
        r"^je (?:cherche|voudrais|souhaite|veux|aimerais|souhaiterais)(?: à)?(?: savoir)?\s+"
        + _WH
        + r"?\s*",
        re.I,
    ),
    re.compile(r"^(?:comment\s+)?faire pour\s+", re.I),
    re.compile(r"^(?:s['’]il|si il|il)\s+(?:faut|fallait)\s+", re.I),
    re.compile(r"^(?:on|je)\s+(?:est|suis)\s+oblig[ée]e?s?\s+(?:de|d['’])\s*", re.I),
    re.compile(
        r"^(?:quelle est\s+)?la meilleure (?:façon|manière|solution|chose)\s+(?:de|d['’]|pour)\s*",
        re.I,
    ),
    re.compile(
        r"^(?:des|un|une|vos|quelques)\s+(?:conseils?|idées?|astuces?|retours?|avis|infos?|informations?)\s+(?:pour|sur)\s+",
        re.I,
    ),
    re.compile(
        r"^comment\s+(?:vous faites|faites[- ]vous|tu fais|fais[- ]tu|on fait|fait[- ]on|vous avez fait|avez[- ]vous fait)\s+(?:pour\s+)?",
        re.I,
    ),
    re.compile(
        r"^(?:est-ce qu['’]|est-ce que\s+)?(?:on|je|j['’]|il)\s*(?:peux|peut|pourrais|pourrait|dois|doit|devrais|devrait|"
        r"ai le droit de|a le droit de|faut)\s+",
        re.I,
    ),
    re.compile(
        r"^comment\s+(?:est-ce qu['’]|est-ce que\s+)?(?:on|je|j['’])\s*(?:peux|peut|pourrais|pourrait|dois|doit|devrais|"
        r"fais|fait)\s+(?:pour\s+)?",
        re.I,
    ),
    re.compile(
        r"^(?:puis-je|peut-on|dois-je|doit-on|faut-il|peut-il|pourrait-on|devrait-on|est-il possible de|"
        r"est-ce possible de|c['’]est possible de|il est possible de)\s+",
        re.I,
    ),
    re.compile(
        r"^comment\s+(?=(?:se\s+|s['’])?\S+(?:er|ir|re)\b)", re.I
    ),  # "comment gérer …" -> "gérer …"
    re.compile(r"^(?:est-ce qu['’]|est-ce que\s+)", re.I),
]
_REFLEXIVE = [(re.compile(r"^m['’]", re.I), "s'"), (re.compile(r"^me\s+", re.I), "se ")]
_POSSESSIVE = [
    (re.compile(r"\bmon\b", re.I), "son"),
    (re.compile(r"\bma\b", re.I), "sa"),
    (re.compile(r"\bmes\b", re.I), "ses"),
    (re.compile(r"\bm['’](?=[aeéèêiouyh])", re.I), "s'"),
    (re.compile(r"\bme\b", re.I), "se"),
]
#: Still personal after the rules: the sentence is about the asker, not a topic.
_PERSONAL = re.compile(
    r"\b(?:je|j['’]|moi|nous|vous|tu|t['’]|toi|mon|ma|mes|notre|nos|votre|vos|ton|ta|tes)\b", re.I
)
_FUNCTION_END = frozenset(
    fold(w)
    for w in """de d du des la le les l un une à au aux en et ou pour par avec sans sur sous contre dans
    son sa ses se s que qu qui quand si est pendant après avant chez mais plus très comme quoi a ont sont
    tout toute tous toutes ce cet cette ces leur leurs y il elle on""".split()
)


def _family(word: str) -> str:
    """Crude French word family: folded, first 6 letters ("allaitement", "allaiter" -> "allait")."""
    return fold(word)[:6]


def _best_sentence(question: str, key_terms: Sequence[str]) -> str:
    sentences = [s for s in split_sentences(question) if s.strip()] or [question]
    keys = {fold(w) for term in key_terms for w in term.split()}

    def overlap(s: str) -> int:
        return len(keys & {fold(w) for w in re.findall(r"\w+", s)})

    asked = [s for s in sentences if is_question_sentence(s)] or sentences
    return max(asked, key=lambda s: (overlap(s), -asked.index(s)))


def strip_frame(sentence: str) -> str:
    """The sentence without greeting and personal frame (rules in the module docstring)."""
    text = _GREETING.sub("", sentence.strip())
    for _ in range(6):
        before = text
        for rule in _FRAMES:
            match = rule.match(text)
            if match:
                wh = next((g for g in match.groups() if g), None) if match.groups() else None
                rest = text[match.end() :]
                text = (f"{wh} {rest}" if wh and fold(wh) != "si" else rest).strip()
        if text == before:
            break
    for rule, repl in _REFLEXIVE:
        text = rule.sub(repl, text, count=1)
    for rule, repl in _POSSESSIVE:
        text = rule.sub(repl, text)
    text = re.sub(r"^comment\s+(?=\S+(?:er|ir|re)\b)", "", text, flags=re.I)
    return text.strip(" ,;:.!?…")


def cut_words(text: str, max_words: int) -> str:
    """``text`` cut to at most ``max_words`` words (as the guard counts them), at a word
    boundary, without a trailing function word or punctuation."""
    units = text.split()
    kept: list[str] = []
    n = 0
    for unit in units:
        k = len(words(unit))
        if n + k > max_words:
            break
        kept.append(unit)
        n += k
        if re.search(r"[,;:.!?]$", unit):
            break
    while kept and (not words(kept[-1]) or fold(words(kept[-1])[-1]) in _FUNCTION_END):
        kept.pop()
    return " ".join(kept).strip(" ,;:.!?…")


def terms_title(key_terms: Sequence[str], spellings: Spellings | None, n: int = 3) -> str:
    """ "Diabète : voyage et repas" from key terms alone (the fallback title)."""
    shown = [spellings.display(t) if spellings else t for t in key_terms[:n]]
    if not shown:
        return ""
    if len(shown) == 1:
        return capitalise(shown[0])
    tail = shown[1] if len(shown) == 2 else ", ".join(shown[1:-1]) + " et " + shown[-1]
    return f"{capitalise(shown[0])} : {tail}"


def question_title(
    question: str,
    key_terms: Sequence[str],
    index: CorpusIndex | None = None,
    params: QuoteGuardParams | None = None,
    spellings: Spellings | None = None,
    n_terms: int = 2,
) -> str:
    """A short guarded title for a question group (see the module docstring).

    Returns the rewritten question with up to ``n_terms`` key terms after a colon; the
    key-term title when the rewrite is still personal, too short, or not a fixed point of
    the quote guard; "" when there is neither.
    """
    p = params or QuoteGuardParams()
    stem = ""
    # The best question sentence first, then each of its clauses: "Je me permets de relancer,
    # c'est possible d'obtenir la RQTH …" is personal as a whole, not in its second clause.
    best = _best_sentence(str(question), key_terms)
    for candidate in [best, *re.split(r"\s*[,;:]\s*", best)]:
        stem = cut_words(strip_frame(candidate), p.max_run_words)
        if len(words(stem)) >= 2 and not _PERSONAL.search(stem):
            break
        stem = ""
    if not stem:
        return terms_title(key_terms, spellings)
    if spellings is not None:  # "la rqth" -> "la RQTH"
        stem = " ".join(
            w.upper()
            if w.isalpha() and spellings.is_acronym(w)
            else spellings.restore(w)
            if w.isalpha() and w.isascii() and w.islower()
            else w
            for w in stem.split()
        )
    # Key terms not already said, one per word family ("allaitement" then not "allaiter").
    present = {_family(w) for w in words(stem)}
    extra = []
    for term in key_terms:
        family = {_family(w) for w in words(term)}
        if family & present:
            continue
        extra.append(term)
        present |= family
        if len(extra) == n_terms:
            break
    shown = [spellings.display(t) if spellings else t for t in extra]
    title = capitalise(stem)
    if shown:
        title += " : " + (
            shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " et " + shown[-1]
        )
    # Guarded: no run of more than max_run_words words of the question, no rare word, no
    # quasi-identifier, no span_words-word run of any comment (privacy.quotes.passes_guard).
    if passes_guard(title, index, p, sources=[str(question)]):
        return title
    return terms_title(key_terms, spellings)
