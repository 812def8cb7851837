"""Thread context: replies are blended with their opener, nothing else moves."""

import numpy as np
import pandas as pd
import pytest

from ambassadeurs_pipeline.pipelines.topics.context import with_thread_context


def _docs():
    # c1 opens a thread answered by c2; c3 replies to an opener that is not modelled (spam);
    # c4 has no thread at all.
    return pd.DataFrame(
        {
            "comment_id": ["c1", "c2", "c3", "c4"],
            "thread_id": pd.array(["c1", "c1", "c9", None], dtype="string"),
        }
    )


E = np.array([[1, 0], [0, 1], [0, 1], [0, 1]], dtype=np.float32)


def test_reply_moves_half_way_towards_its_opener():
    out = with_thread_context(_docs(), E, 0.5)
    np.testing.assert_allclose(
        out[1], [np.sqrt(0.5), np.sqrt(0.5)], atol=1e-6
    )  # (0.5, 0.5) normalised
    np.testing.assert_array_equal(out[[0, 2, 3]], E[[0, 2, 3]])  # opener, orphan reply, no thread
    np.testing.assert_array_equal(E[1], [0, 1])  # input untouched


def test_weight_zero_and_flat_exports_change_nothing():
    assert with_thread_context(_docs(), E, 0.0) is E
    flat = _docs().drop(columns="thread_id")
    assert with_thread_context(flat, E, 0.5) is E


def test_weight_one_gives_the_openers_vector():
    np.testing.assert_allclose(with_thread_context(_docs(), E, 1.0)[1], [1, 0], atol=1e-6)


def test_weight_out_of_range_fails():
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        with_thread_context(_docs(), E, 1.5)
