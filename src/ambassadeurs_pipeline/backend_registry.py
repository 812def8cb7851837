"""Named, pluggable backends chosen by a parameter (embeddings, sentiment).

A stage's parameter names a backend (``topics.embedding.backend: tfidf_svd_spacy``); the
registry maps that name to a class, so a user can plug in their own with a decorator and
an unknown name fails with the list of the registered ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class BackendRegistry(Generic[T]):
    """``register`` (class decorator), ``available`` and ``make`` for one kind of backend.

    Args:
        kind: what the backends are, for error messages ("embedding backend").
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._classes: dict[str, type[T]] = {}

    def register(self, name: str) -> Callable[[type[T]], type[T]]:
        def decorate(cls: type[T]) -> type[T]:
            cls.name = name  # type: ignore[attr-defined]
            self._classes[name] = cls
            return cls

        return decorate

    def available(self) -> list[str]:
        return sorted(self._classes)

    def backend_class(self, name: str) -> type[T]:
        """The class registered as ``name`` (e.g. to read which options it accepts).

        Raises:
            ValueError: unknown name (the message lists the registered ones).
        """
        try:
            return self._classes[name]
        except KeyError:
            raise ValueError(
                f"unknown {self.kind} {name!r}; choose one of {self.available()}"
            ) from None

    def make(self, name: str, **options: Any) -> T:
        """Instantiate the backend registered as ``name`` with its options.

        Raises:
            ValueError: unknown name. Errors raised by the backend's own constructor are not
                masked.
        """
        return self.backend_class(name)(**options)
