"""Quotes that cannot be traced back to their author (re-identification guard).

A verbatim quote pasted into a search engine between quotes finds the forum post, and the
post names its author. Every quote that reaches a report, a notebook or a persona card goes
through :func:`guard_quote`, which applies deterministic rules (same input, same output):

1. quasi-identifiers are generalised: an age (``42 ans`` → ``[âge]``), a place (``à Lyon``,
   a postcode, ``(69)`` → ``[lieu]``), a stated profession (``je suis infirmière`` →
   ``[profession]``), a rare disease (``[maladie rare]``); a quote holding three kinds or
   more at once (the rare disease + town + age + job pattern) is dropped;
2. rare words (used by fewer than ``rare_word_min_authors`` distinct authors in the corpus,
   or holding digits) become ``…``;
3. the quote is cut to ``max_words`` words;
4. verbatim runs are broken: no more than ``max_run_words`` consecutive words of the source
   survive together (a filler word is dropped, else a word becomes ``…``), word order kept;
5. with a corpus index, the result is checked: if it still shares a run of ``span_words``
   words with any comment, it is broken harder, then dropped.

:func:`describable` is the k-anonymity rule for groups: a group of fewer than ``k`` distinct
authors is never described. :func:`untraceable_share` measures the guard.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import Field

from ambassadeurs_pipeline.contracts.params import StrictModel

_WORD = re.compile(r"\w+")


class QuoteGuardParams(StrictModel):
    """``privacy.quotes`` in ``conf/base/parameters_privacy.yml``."""

    span_words: int = Field(8, ge=3, description="A shared run this long counts as verbatim.")
    max_run_words: int = Field(6, ge=2, description="Longest run of source words kept together.")
    max_words: int = Field(30, ge=5, description="Quotes are cut to this many words.")
    rare_word_min_authors: int = Field(
        5, ge=1, description="Words used by fewer authors are generalised."
    )
    drop_when_categories: int = Field(
        3, ge=1, description="Drop a quote holding this many kinds of quasi-identifier."
    )


def words(text: str) -> list[str]:
    """Search-engine view of a text: case-folded, accents removed, punctuation ignored."""
    folded = unicodedata.normalize("NFKD", str(text).casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _WORD.findall(folded)


def _hash(tokens: list[str]) -> int:
    return zlib.crc32(" ".join(tokens).encode())


def shingles(text: str, n: int = 8) -> set[int]:
    """Hashes of every run of ``n`` consecutive words of ``text`` (see :func:`words`)."""
    tokens = words(text)
    return {_hash(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


@dataclass
class CorpusIndex:
    """What the guard knows of the corpus: its word runs and how many authors use each word."""

    span_words: int = 8
    spans: set[int] = field(default_factory=set)
    word_authors: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(
        cls, texts: Iterable[str], authors: Iterable[str] | None = None, span_words: int = 8
    ) -> CorpusIndex:
        spans: set[int] = set()
        word_authors: Counter[str] = Counter()
        texts = list(texts)
        authors = (
            [str(a) for a in authors]
            if authors is not None
            else [str(i) for i in range(len(texts))]
        )
        # Author by author (texts sorted by author), so only a count per word is kept: a set
        # of authors per word held ~50M references at 1M comments.
        order = sorted(range(len(texts)), key=authors.__getitem__)
        current, vocabulary = None, set()
        for i in order:
            if authors[i] != current:
                word_authors.update(vocabulary)
                current, vocabulary = authors[i], set()
            text = texts[i]
            if not isinstance(text, str):
                continue
            tokens = words(text)
            spans.update(
                _hash(tokens[j : j + span_words]) for j in range(len(tokens) - span_words + 1)
            )
            vocabulary.update(tokens)
        word_authors.update(vocabulary)
        return cls(span_words, spans, dict(word_authors))

    def shares_span(self, text: str) -> bool:
        return bool(shingles(text, self.span_words) & self.spans)


# --- quasi-identifiers -----------------------------------------------------------------------

AGE = re.compile(r"\b\d{1,3}\s?(?:ans|an|yo)\b", re.I)
PLACE = re.compile(
    r"(?:\b(?:à|a|au|sur|près de|vers|de|d'|dans le|en)\s?)(?-i:[A-ZÉÈÂ][\w'-]*[a-zé](?:[- ](?:sur|en|les|le|la|de)?[- ]?[A-Z][\w'-]+)*)"
    r"|\b\d{5}\b|\((?:\d{2}|2[AB])\)"
)
_JOBS = (
    r"infirmi[eè]re?|aide[- ]soignante?|m[ée]decin|docteure?|pharmacien(?:ne)?|kin[ée]|sage[- ]femme|enseignante?|"
    r"professeure?|prof|institutrice|instit|avocate?|ing[ée]nieure?|caissi[eè]re|boulang[eè]re?|polici[eè]re?|"
    r"gendarme|pompi[eè]re?|militaire|secr[ée]taire|comptable|coiffeu(?:r|se)|chauffeur|agricult(?:eur|rice)|"
    r"vendeu(?:r|se)|ambulanci[eè]re?|auxiliaire de vie|assistante? maternelle|nounou|[ée]ducat(?:eur|rice)"
)
PROFESSION = re.compile(
    rf"\b(?:je suis|j'[ée]tais|je travaille comme|en tant que|moi[- ]m[êe]me|de m[ée]tier|ancienne?)\s+(?:\w+\s)?(?:{_JOBS})\b",
    re.I,
)
RARE_DISEASE = re.compile(
    r"\b(?:mucoviscidose|dr[ée]panocytose|myasth[ée]nie|scl[ée]rodermie|ehlers[- ]danlos|SED|charcot|SLA|huntington|"
    r"h[ée]mophilie|amylose|porphyrie|syringomy[ée]lie|acrom[ée]galie|sarco[iï]dose|beh[cç]et|maladie de wilson|"
    r"gaucher|fabry|pompe|neurofibromatose|marfan|ataxie|narcolepsie|cadasil|mastocytose|x fragile)\b",
    re.I,
)
QUASI_IDENTIFIERS = (
    ("age", AGE, "[âge]"),
    ("place", PLACE, "[lieu]"),
    ("profession", PROFESSION, "[profession]"),
    ("rare_disease", RARE_DISEASE, "[maladie rare]"),
)
_PLACEHOLDER = re.compile(r"<[A-Z_]+>|\[(?:âge|lieu|profession|maladie rare)\]")
#: Words dropped first when a verbatim run must be broken (meaning is barely touched).
FILLERS = frozenset(
    "vraiment tres trop tellement bien juste aussi encore deja donc alors enfin bref meme quand vous "
    "un une le la les des du de et mais ou car puis toujours souvent parfois franchement grave carrement "
    "completement totalement peu beaucoup plus moins".split()
)


def quasi_identifiers(text: str) -> set[str]:
    """Kinds of quasi-identifier in ``text`` (``age``, ``place``, ``profession``, ``rare_disease``)."""
    return {kind for kind, pattern, _ in QUASI_IDENTIFIERS if pattern.search(text)}


def generalise(text: str) -> str:
    for _, pattern, placeholder in QUASI_IDENTIFIERS:
        text = pattern.sub(placeholder if placeholder != "[lieu]" else " [lieu]", text)
    return " ".join(text.split())


# --- the guard -------------------------------------------------------------------------------


def _is_rare(word: str, index: CorpusIndex | None, min_authors: int) -> bool:
    if _PLACEHOLDER.fullmatch(word):
        return False
    tokens = words(word)
    if any(any(ch.isdigit() for ch in t) for t in tokens):
        return True
    if index is None or not index.word_authors:
        return False
    return any(len(t) >= 4 and index.word_authors.get(t, 0) < min_authors for t in tokens)


def _break_runs(units: list[str], max_run: int) -> list[str]:
    """Drop words so that no more than ``max_run`` consecutive source tokens stay together."""
    out: list[str] = []
    run_start = 0  # index in ``out`` where the current unbroken run starts
    run = 0
    for unit in units:
        n = len(words(unit)) if not _PLACEHOLDER.fullmatch(unit) and unit != "…" else 0
        if n == 0:  # a placeholder or ellipsis is itself a break
            out.append(unit)
            run, run_start = 0, len(out)
            continue
        if run + n > max_run:
            # Prefer dropping a filler inside the current run, the latest one, silently.
            fillers = [
                i
                for i in range(len(out) - 1, run_start, -1)
                if words(out[i]) and words(out[i])[0] in FILLERS
            ]
            if fillers:
                i = fillers[0]
                del out[i]
                run = sum(len(words(u)) for u in out[i:])
                run_start = i
            else:
                out.append("…")
                run, run_start = 0, len(out)
                continue  # this word is the one dropped
        out.append(unit)
        run += n
    text_units: list[str] = []
    for unit in out:  # no doubled ellipses
        if unit == "…" and text_units and text_units[-1] == "…":
            continue
        text_units.append(unit)
    return text_units


def guard_quote(
    text: str,
    index: CorpusIndex | None = None,
    params: QuoteGuardParams | None = None,
    cue: str | None = None,
) -> str | None:
    """The quote made untraceable, or ``None`` when it must not be shown at all.

    A whole sentence of the text that passes the guard as it is (:func:`whole_sentence`) is
    preferred to the text with words cut out; otherwise rules 1–5 of the module docstring.

    Args:
        text: a pseudonymised comment excerpt (``text_clean``).
        index: the corpus the quote comes from (rare words, final verbatim check); without it,
            rare words are only those holding digits and the check is skipped.
        params: see :class:`QuoteGuardParams`.
        cue: an expression the quote should keep (a persona's motivation cue), if any.
    """
    p = params or QuoteGuardParams()
    if not isinstance(text, str) or not text.strip():
        return None
    whole = whole_sentence(text, index, p, cue)
    if whole is not None:
        return whole
    # The quote must not be findable from its own source either, even without a corpus
    # index: dropping words can leave a verbatim run when words repeat ("le le le …").
    source_spans = shingles(text, p.span_words)
    text = re.sub(r"<(?:MENTION|URL|HASHTAG)>", " ", text)
    if len(quasi_identifiers(text)) >= p.drop_when_categories:
        return None
    text = generalise(text)
    units = ["…" if _is_rare(u, index, p.rare_word_min_authors) else u for u in text.split()]
    if len([u for u in units if words(u)]) > p.max_words:
        kept, n = [], 0
        for u in units:
            n += bool(words(u))
            if n > p.max_words:
                break
            kept.append(u)
        units = [*kept, "…"]
    for max_run in (p.max_run_words, max(2, p.max_run_words // 2)):
        quote = _tidy(" ".join(_break_runs(units, max_run)))
        if len(words(_PLACEHOLDER.sub(" ", quote))) < 3:
            return None
        if shingles(quote, p.span_words) & source_spans:
            continue
        if index is None or not index.shares_span(quote):
            return quote
    return None


_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")


def whole_sentence(
    text: str,
    index: CorpusIndex | None = None,
    params: QuoteGuardParams | None = None,
    cue: str | None = None,
) -> str | None:
    """The longest sentence of ``text`` (at least 4 words) that passes the guard unchanged
    (:func:`passes_guard`, against ``text`` itself), the one holding ``cue`` first; only its
    question sentences when it asks something; None if there is none. A short whole sentence reads better than a long one with words cut out."""
    p = params or QuoteGuardParams()
    source = text
    text = " ".join(re.sub(r"<(?:MENTION|URL|HASHTAG)>", " ", text).split(" "))  # as guard_quote
    # A sentence cut by an earlier shortening ("Quelqu'un peut me di…") is not whole.
    sentences = [
        re.sub(r"\s+", " ", s).strip()
        for s in _SENTENCE.split(text)
        if s and s.strip() and not s.strip().endswith("…")
    ]
    # A question stays a question: when the text asks something, only its question
    # sentences may stand for it ("J'accompagne ma femme." is not what was asked).
    questions = [s for s in sentences if s.endswith("?")]
    if questions:
        sentences = questions
    ok = [
        s for s in sentences if len(words(s)) >= 4 and passes_guard(s, index, p, sources=[source])
    ]
    if not ok:
        return None
    folded_cue = " ".join(words(cue)) if cue else ""
    return max(
        ok,
        key=lambda s: (
            bool(folded_cue) and folded_cue in " ".join(words(s)),
            len(words(s)),
            -ok.index(s),
        ),
    )


def passes_guard(
    text: str,
    index: CorpusIndex | None = None,
    params: QuoteGuardParams | None = None,
    sources: Iterable[str] = (),
) -> bool:
    """True when ``text`` may be published as it is: what :func:`guard_quote` ensures, checked
    without rewriting anything.

    No quasi-identifier left ungeneralised, no rare word (see :func:`guard_quote`), no run of
    more than ``max_run_words`` consecutive words shared with one of ``sources`` (the texts it
    was written from), and, with a corpus index, no run of ``span_words`` words shared with
    any comment. A quote made by :func:`guard_quote`, a title rewritten from a question, or a
    whole short sentence passes; so the report can check such texts instead of guarding them
    a second time (which would cut words again).
    """
    p = params or QuoteGuardParams()
    if not isinstance(text, str) or len(words(_PLACEHOLDER.sub(" ", text))) < 2:
        return False
    if quasi_identifiers(_PLACEHOLDER.sub(" ", text)):
        return False
    if any(
        u != "…" and _is_rare(u, index, p.rare_word_min_authors) for u in text.split() if words(u)
    ):
        return False
    run = p.max_run_words + 1
    if any(
        shingles(text, run) & shingles(source, run) for source in sources if isinstance(source, str)
    ):
        return False
    return index is None or not index.shares_span(text)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"(…\s*){2,}", "… ", text)
    text = re.sub(r"^[,.;:!?…\s]+", "", text)
    return text.strip()


def guard_quotes(
    quotes: Iterable[str],
    index: CorpusIndex | None = None,
    params: QuoteGuardParams | None = None,
    limit: int | None = None,
) -> list[str]:
    """Guarded quotes in order, dropped ones left out, duplicates removed, at most ``limit``."""
    out: list[str] = []
    for q in quotes:
        g = guard_quote(q, index, params)
        if g and g not in out:
            out.append(g)
        if limit is not None and len(out) >= limit:
            break
    return out


def describable(n_authors: int | float | None, k: int = 5) -> bool:
    """k-anonymity for groups: describe a group only when it has at least ``k`` distinct authors.

    An unknown size is not describable.
    """
    try:
        return n_authors is not None and int(n_authors) >= k
    except (TypeError, ValueError):
        return False


# --- measurement -----------------------------------------------------------------------------


def longest_shared_span(quote: str, corpus: Iterable[str]) -> int:
    """Length in words of the longest run of ``quote`` found verbatim in one of ``corpus``."""
    q = words(quote)
    best = 0
    for text in corpus:
        t = words(text)
        if not t:
            continue
        prev = [0] * (len(t) + 1)
        for a in q:
            cur = [0] * (len(t) + 1)
            for j, b in enumerate(t, start=1):
                if a == b:
                    cur[j] = prev[j - 1] + 1
                    if cur[j] > best:
                        best = cur[j]
            prev = cur
    return best


def untraceable_share(quotes: list[str], corpus_texts: Iterable[str], span_words: int = 8) -> float:
    """Share of ``quotes`` that share no run of ``span_words`` words with any corpus text.

    1.0 means an exact-phrase search of any 8 consecutive words of any quote finds nothing.
    Returns 1.0 for no quotes.
    """
    if not quotes:
        return 1.0
    index = CorpusIndex.build(corpus_texts, span_words=span_words)
    return sum(not index.shares_span(q) for q in quotes) / len(quotes)
