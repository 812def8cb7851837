"""The PII interface every detector shares: typed spans, the detector protocol and the
registry that maps the name used in the parameters file to a detector factory."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

#: Placeholder types, in the order used to resolve overlapping spans (validated first).
PII_TYPES: tuple[str, ...] = (
    "EMAIL",
    "IBAN",
    "NIR",
    "CARTE",
    "TEL",
    "DOSSIER",
    "DATE_NAISSANCE",
    "ADRESSE",
    "PERSONNE",
)
PRIORITY = {name: rank for rank, name in enumerate(PII_TYPES)}


@dataclass(frozen=True, order=True)
class PiiSpan:
    """A detected piece of personal data: ``text[start:end]`` is of type ``pii_type``."""

    start: int
    end: int
    pii_type: str
    source: str = ""
    #: For identifiers with a check digit (IBAN mod-97, NIR key, card Luhn): whether it holds.
    #: Recorded, never a condition of redaction: a mistyped number still identifies someone.
    checksum_valid: bool | None = field(default=None, compare=False)


@runtime_checkable
class PiiDetector(Protocol):
    """What the cleaning stage needs from a PII engine."""

    name: str

    def detect(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        """One list of spans per input text (order of ``texts``); never raises on a str."""
        ...


_REGISTRY: dict[str, Callable[..., PiiDetector]] = {}


def register_detector(
    name: str,
) -> Callable[[Callable[..., PiiDetector]], Callable[..., PiiDetector]]:
    """Class/factory decorator: make a detector available under ``name`` in the params."""

    def decorate(factory: Callable[..., PiiDetector]) -> Callable[..., PiiDetector]:
        _REGISTRY[name] = factory
        return factory

    return decorate


def available_detectors() -> list[str]:
    return sorted(_REGISTRY)


def make_detector(name: str, **options: Any) -> PiiDetector:
    """Build the detector registered as ``name``.

    Raises:
        KeyError: no detector has that name (the message lists the known ones).
    """
    if name not in _REGISTRY:
        raise KeyError(f"Unknown PII detector {name!r}; available: {available_detectors()}")
    return _REGISTRY[name](**options)
