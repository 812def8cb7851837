"""The shared contracts: the embeddings reader, the absent-path words, the strict base."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pydantic import ValidationError

from ambassadeurs_pipeline.contracts.embeddings import MissingEmbeddingsError, embeddings_matrix
from ambassadeurs_pipeline.contracts.params import StrictModel
from ambassadeurs_pipeline.contracts.paths import is_absent

EMBEDDINGS = pd.DataFrame(
    {
        "comment_id": ["a", "b", "c"],
        "embedding": [np.array([3.0, 4.0]), np.array([0.0, 0.0]), np.array([1.0, 0.0])],
    }
)


def test_rows_follow_the_requested_order_as_float32():
    matrix = embeddings_matrix(EMBEDDINGS, pd.Series(["c", "a", "a"]))
    assert matrix.dtype == np.float32
    np.testing.assert_array_equal(matrix, [[1.0, 0.0], [3.0, 4.0], [3.0, 4.0]])


def test_normalise_gives_unit_rows_and_keeps_zero_rows():
    matrix = embeddings_matrix(EMBEDDINGS, ["a", "b"], normalise=True)
    np.testing.assert_allclose(matrix, [[0.6, 0.8], [0.0, 0.0]])


def test_one_numeric_column_per_dimension_is_read_too():
    wide = pd.DataFrame({"comment_id": ["a", "b"], "d0": [1.0, 0.0], "d1": [0.0, 2.0]})
    np.testing.assert_array_equal(embeddings_matrix(wide, ["b"]), [[0.0, 2.0]])


def test_missing_vectors_are_one_clear_error_naming_them():
    with pytest.raises(
        MissingEmbeddingsError, match=r"no vector for 1 comment.*'zz'.*embed_comments"
    ):
        embeddings_matrix(EMBEDDINGS, ["a", "zz"])
    assert issubclass(MissingEmbeddingsError, ValueError)


@pytest.mark.parametrize("value", [None, "", " none ", "NULL", "~", "-"])
def test_absent_words(value):
    assert is_absent(value)


@pytest.mark.parametrize("value", ["data/01_raw/comments.csv", "nonexistent.csv", "0"])
def test_paths_are_not_absent(value):
    assert not is_absent(value)


def test_strict_model_names_a_misspelt_key():
    class Example(StrictModel):
        threshold: float = 0.5

    with pytest.raises(ValidationError, match="treshold"):
        Example.model_validate({"treshold": 0.2})
