"""The monthly update with its row-wise work (embedding, novelty calibration, assignment) on a
2-worker Dask cluster gives exactly the local run's outputs."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest
from pandas.testing import assert_frame_equal

from ambassadeurs_pipeline.execution import ExecutionParams

from .conftest import new_month
from .test_pipeline import run_update

pytestmark = pytest.mark.slow


def test_topics_update_on_dask_equals_local_run(
    fitted, topics_params, update_params, dask_address, tmp_path
):
    comments, _ = new_month(300, seed=13, month="2026-01", prefix="m13_", n_new_theme=60)
    # Small embedding batches, so that 358 comments make several batches and partitions
    # (partitions start on batch boundaries: the embedding is batch-wise, not row-wise).
    backend = copy.deepcopy(fitted["embedding_model"])
    backend.batch_size = 64
    fitted = {**fitted, "embedding_model": backend}
    on_dask = ExecutionParams(engine="dask", scheduler_address=dask_address, min_partition_rows=40)
    local = run_update(
        comments,
        fitted,
        topics_params,
        update_params,
        str(tmp_path / "a" / "h.parquet"),
        "2026-02-01T00.00.00.000Z",
    )
    dask = run_update(
        comments,
        fitted,
        topics_params,
        update_params,
        str(tmp_path / "b" / "h.parquet"),
        "2026-02-01T00.00.00.000Z",
        on_dask,
    )

    embeddings_local = np.vstack(local["new_comment_embeddings"]["embedding"].to_numpy())
    embeddings_dask = np.vstack(dask["new_comment_embeddings"]["embedding"].to_numpy())
    assert embeddings_local.tobytes() == embeddings_dask.tobytes()
    assert json.dumps(local["novelty_calibration"]) == json.dumps(dask["novelty_calibration"])
    for name in (
        "new_topic_assignments",
        "monthly_comment_topics",
        "emerging_topics",
        "emerging_topic_members",
        "comment_topics_history",
    ):
        assert_frame_equal(dask[name], local[name], check_exact=True, obj=name)
    assert dask["topics_update_summary"] == local["topics_update_summary"]
    assert len(local["emerging_topics"]) >= 1  # the comparison covers a non-trivial result
