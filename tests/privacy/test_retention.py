"""Retention purges old comments from every version, with the erasure mechanism and log."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pandas as pd

from ambassadeurs_pipeline.privacy.retention import purge_expired

from .test_erase import _all_versions, project  # noqa: F401  (fixture)


def test_old_comments_are_purged_from_every_version(project):  # noqa: F811
    # _raw() dates run from 2025-01-01, one a day; keep the last 3 days before 2025-01-08.
    result = purge_expired(project, days=3, now=datetime(2025, 1, 8, tzinfo=UTC))
    assert result.status == "erased" and result.rows_removed > 0
    for path in _all_versions(project, "data/03_primary/comments_clean.parquet"):
        frame = pd.read_parquet(path)
        assert (frame["created_at"] >= pd.Timestamp("2025-01-05")).all()
        assert len(frame) >= 2
    log = [
        json.loads(x)
        for x in (project / "data/09_privacy/erasure_log.jsonl").read_text().splitlines()
    ]
    assert log[-1]["event"] == "retention" and log[-1]["retention_days"] == 3
    again = purge_expired(project, days=3, now=datetime(2025, 1, 8, tzinfo=UTC))
    assert again.status == "nothing_found"
