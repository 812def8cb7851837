"""The sentiment-backend interface, its labels and its registry."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import numpy as np

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

    @abstractmethod
    def score(self, texts: Sequence[str], langs: Sequence[str] | None = None) -> np.ndarray: ...


_REGISTRY: dict[str, type[SentimentBackend]] = {}


def register(name: str) -> Callable[[type[SentimentBackend]], type[SentimentBackend]]:
    def decorate(cls: type[SentimentBackend]) -> type[SentimentBackend]:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return decorate


def available_backends() -> list[str]:
    return sorted(_REGISTRY)


def make_backend(name: str, **options: Any) -> SentimentBackend:
    """Raises ``ValueError`` for an unknown name, listing the registered ones."""
    try:
        return _REGISTRY[name](**options)
    except KeyError:
        raise ValueError(f"unknown sentiment backend {name!r}; choose one of {available_backends()}") from None
