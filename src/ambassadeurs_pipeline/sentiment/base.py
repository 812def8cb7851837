"""The sentiment-backend interface, its labels and its registry."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

import numpy as np

from ambassadeurs_pipeline.backend_registry import BackendRegistry

#: Labels written to ``comment_topics.sentiment_label`` (French, no accents: a contract).
LABELS = ("negatif", "neutre", "positif")


def label_scores(scores: np.ndarray, neutral_band: float) -> np.ndarray:
    """``negatif`` below ``-neutral_band``, ``positif`` above ``+neutral_band``, else ``neutre``."""
    scores = np.asarray(scores, dtype=float)
    out = np.full(scores.shape, "neutre", dtype=object)
    out[scores <= -neutral_band] = "negatif"
    out[scores >= neutral_band] = "positif"
    return out


class SentimentBackend(ABC):
    """Scores texts in [-1, 1] (negative to positive). Stateless once built; offline."""

    name: ClassVar[str]
    #: Default ``|score|`` below which a text is ``neutre`` (``topics.sentiment.neutral_band``
    #: overrides it). The trained model ships its own, tuned on held-out data.
    neutral_band: float = 0.2

    @abstractmethod
    def score(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray: ...


_REGISTRY: BackendRegistry[SentimentBackend] = BackendRegistry("sentiment backend")
register = _REGISTRY.register
available_backends = _REGISTRY.available
make_backend = _REGISTRY.make
