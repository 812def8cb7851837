"""The monthly topics update, run sliced with SequentialRunner: fit on months 1–12, add month
13 (with a planted new theme) then month 14, through real versioned history datasets."""

from __future__ import annotations

import pytest
from kedro.io import DataCatalog, MemoryDataset, Version
from kedro.runner import SequentialRunner
from kedro_datasets.pandas import ParquetDataset
from pandas.testing import assert_frame_equal

from ambassadeurs_pipeline.datasets.bertopic_model import BERTopicModelDataset
from ambassadeurs_pipeline.datasets.optional import OptionalParquetDataset
from ambassadeurs_pipeline.execution import ExecutionParams
from ambassadeurs_pipeline.pipelines.topics_update import create_pipeline
from ambassadeurs_pipeline.pipelines.topics_update.history import (
    FIT_LOT,
    HISTORY_COLUMNS,
    MONTHLY_COLUMNS,
)

from .conftest import SEED, KeptDataset, make_comments_clean, new_month

pytestmark = pytest.mark.slow

OUTPUTS = [
    "new_comment_embeddings",
    "monthly_comment_topics",
    "emerging_topics",
    "emerging_topic_members",
    "topics_update_summary",
    "novelty_calibration",
    "new_topic_assignments",
]


def run_update(
    comments_clean, fitted, topics_params, update_params, history_path, save_version, execution=None
) -> dict:
    catalog = DataCatalog(
        {
            "comments_clean": MemoryDataset(comments_clean),
            "embedding_model": MemoryDataset(fitted["embedding_model"], copy_mode="assign"),
            "comment_embeddings": MemoryDataset(fitted["comment_embeddings"]),
            "comment_topics": MemoryDataset(fitted["comment_topics"]),
            "topic_model": BERTopicModelDataset(filepath=fitted["model_path"]),
            "params:topics": MemoryDataset(topics_params),
            "params:topics_update": MemoryDataset(update_params),
            "params:random_state": MemoryDataset(SEED),
            "params:execution": MemoryDataset(execution or ExecutionParams()),
            # The same versioned file read (latest) and written (new version), as in the catalog.
            "comment_topics_history_previous": OptionalParquetDataset(
                filepath=history_path, version=Version(None, None)
            ),
            "comment_topics_history": ParquetDataset(
                filepath=history_path, version=Version(None, save_version)
            ),
            **{name: KeptDataset() for name in OUTPUTS},
        }
    )
    SequentialRunner().run(create_pipeline(), catalog)
    out = {name: catalog.load(name) for name in OUTPUTS}
    out["comment_topics_history"] = ParquetDataset(
        filepath=history_path, version=Version(save_version, None)
    ).load()
    return out


@pytest.fixture(scope="module")
def month13(fitted, topics_params, update_params, tmp_path_factory):
    comments, planted = new_month(300, seed=13, month="2026-01", prefix="m13_", n_new_theme=60)
    history_path = str(tmp_path_factory.mktemp("history") / "comment_topics_history.parquet")
    out = run_update(
        comments, fitted, topics_params, update_params, history_path, "2026-02-01T00.00.00.000Z"
    )
    return {"comments": comments, "planted": set(planted), "history_path": history_path, **out}


def test_planted_theme_is_an_emerging_topic(month13):
    emerging, members = month13["emerging_topics"], month13["emerging_topic_members"]
    planted = month13["planted"]
    assert len(emerging) >= 1
    # Recall: most planted comments are in an emerging topic (HDBSCAN may split the theme into
    # sub-topics, e.g. appointments vs sore arm); precision: each emerging topic is planted
    # comments, never a group of comments on the known themes.
    assert members["comment_id"].isin(planted).sum() >= 0.8 * len(planted)
    for _, group in members.groupby("emerging_topic_id"):
        assert group["comment_id"].isin(planted).mean() >= 0.8
    for label in emerging["emerging_topic_label"]:
        assert any(
            w in label.lower()
            for w in ("vaccin", "rappel", "pharmac", "bras", "grippe", "ordonnance")
        ), label
    monthly = month13["monthly_comment_topics"]
    known = monthly[~monthly["comment_id"].isin(planted)]
    assert known["was_outlier"].mean() <= 0.02
    assert any("Sujet émergent" in s for s in month13["topics_update_summary"]["statements"])


def test_known_themes_keep_their_topics(month13, fitted):
    """New comments on known themes go to a topic whose fitted comments are mostly that theme
    (the fit splits some themes into several topics)."""
    fit = fitted["comment_topics"].merge(fitted["truth"], on="comment_id")
    topic_theme = fit.groupby("topic_id")["theme"].agg(lambda s: s.mode().iat[0])
    monthly = month13["monthly_comment_topics"]
    known = monthly[~monthly["comment_id"].isin(month13["planted"])]
    _, truth13 = make_comments_clean(n=300, seed=13, months=1)
    truth13["comment_id"] = "m13_" + truth13["comment_id"]
    merged = known.merge(truth13, on="comment_id")
    agreement = (
        topic_theme.loc[merged["topic_id"]].to_numpy() == merged["theme"].to_numpy()
    ).mean()
    assert agreement >= 0.9, agreement
    assert merged["emerging_topic_id"].isna().mean() >= 0.95


def test_history_keeps_old_assignments_and_adds_months(
    month13, fitted, topics_params, update_params
):
    history = month13["comment_topics_history"]
    assert list(history.columns) == HISTORY_COLUMNS
    old = history[history["lot"] == FIT_LOT][fitted["comment_topics"].columns].reset_index(
        drop=True
    )
    assert_frame_equal(old, fitted["comment_topics"].reset_index(drop=True), check_dtype=False)
    assert set(history.loc[history["lot"] == "2026-01", "comment_id"]) == set(
        month13["monthly_comment_topics"]["comment_id"]
    )
    assert list(month13["monthly_comment_topics"].columns) == MONTHLY_COLUMNS

    # Month 14 (no new theme): month 13's rows are copied unchanged, a new version is written.
    comments14, _ = new_month(200, seed=14, month="2026-02", prefix="m14_", n_new_theme=0)
    out14 = run_update(
        comments14,
        fitted,
        topics_params,
        update_params,
        month13["history_path"],
        "2026-03-01T00.00.00.000Z",
    )
    history14 = out14["comment_topics_history"]
    assert_frame_equal(
        history14.iloc[: len(history)].reset_index(drop=True), history.reset_index(drop=True)
    )
    assert set(history14["lot"]) == {FIT_LOT, "2026-01", "2026-02"}
    assert out14["emerging_topics"].empty
    # The previous version is still there to read.
    previous = ParquetDataset(
        filepath=month13["history_path"], version=Version("2026-02-01T00.00.00.000Z", None)
    ).load()
    assert len(previous) == len(history)

    # The same export added twice is refused with a message saying so.
    with pytest.raises(Exception, match="already"):
        run_update(
            comments14,
            fitted,
            topics_params,
            update_params,
            month13["history_path"],
            "2026-04-01T00.00.00.000Z",
        )
