"""Which phase of BERTopic's fit is running, for the progress bar (``progress.phases``).

BERTopic's ``fit_transform`` is one call; its phases are methods of the instance
(``_reduce_dimensionality`` = UMAP, ``_cluster_embeddings`` = HDBSCAN, ``_extract_topics`` =
c-TF-IDF and representations). :func:`announce_fit_phases` wraps those three on the one
instance for the duration of the fit, calling the originals with the same arguments (so the
fit is unchanged), and removes the wrappers afterwards (so nothing unpicklable stays on the
saved model).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

#: BERTopic method → phase name shown on the bar.
FIT_PHASES = {
    "_reduce_dimensionality": "UMAP",
    "_cluster_embeddings": "HDBSCAN",
    "_extract_topics": "représentations",
}


@contextmanager
def announce_fit_phases(model: Any, steps: Any) -> Iterator[None]:
    """While inside, each BERTopic phase calls ``steps.start(name)`` then ``steps.done(name)``."""
    patched: list[str] = []

    def wrap(method: Callable[..., Any], name: str) -> Callable[..., Any]:
        @wraps(method)
        def announced(*args: Any, **kwargs: Any) -> Any:
            steps.start(name)
            out = method(*args, **kwargs)
            steps.done(name)
            return out

        return announced

    for attribute, name in FIT_PHASES.items():
        method = getattr(model, attribute, None)
        if callable(method):
            setattr(model, attribute, wrap(method, name))
            patched.append(attribute)
    try:
        yield
    finally:
        for attribute in patched:
            model.__dict__.pop(attribute, None)
