"""The registry behind parameter-chosen backends (embeddings, sentiment)."""

import pytest

from ambassadeurs_pipeline.backend_registry import BackendRegistry


def test_register_make_and_list():
    registry: BackendRegistry[object] = BackendRegistry("demo backend")

    @registry.register("b")
    class B:
        def __init__(self, k: int = 1) -> None:
            self.k = k

    @registry.register("a")
    class A:
        pass

    assert registry.available() == ["a", "b"]
    made = registry.make("b", k=3)
    assert isinstance(made, B) and made.k == 3 and B.name == "b"
    with pytest.raises(ValueError, match=r"unknown demo backend 'c'; choose one of \['a', 'b'\]"):
        registry.make("c")


def test_constructor_errors_are_not_masked():
    registry: BackendRegistry[object] = BackendRegistry("demo backend")

    @registry.register("broken")
    class Broken:
        def __init__(self) -> None:
            raise KeyError("missing option")

    with pytest.raises(KeyError, match="missing option"):
        registry.make("broken")


def test_project_backends_are_registered():
    from ambassadeurs_pipeline.embeddings import available_backends as embeddings
    from ambassadeurs_pipeline.sentiment import available_backends as sentiments

    assert {"tfidf_svd", "spacy_vectors", "tfidf_svd_spacy"} <= set(embeddings())
    assert "lexique" in sentiments()
