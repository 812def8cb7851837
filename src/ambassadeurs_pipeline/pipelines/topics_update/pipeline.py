"""Topics update: a new export's ``comments_clean`` → assignments to the saved topics,
emerging topics and a cumulative ``comment_topics_history``, without refitting.

Registered alone as ``topics_update`` and, after ingestion and cleaning, as ``monthly``
(``kedro run --pipelines=monthly --params comments_path=...``; docs/incremental.md). Not
part of ``__default__``: a full run refits the models instead.
"""

from kedro.pipeline import Node, Pipeline

from ..topics.annotate import annotate_comments
from .assign import assign_new_comments, embed_new_comments
from .emerging import detect_emerging_topics
from .history import (
    append_comment_topics_history,
    build_monthly_comment_topics,
    summarise_topics_update,
)
from .novelty import calibrate_novelty


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(
                embed_new_comments,
                ["comments_clean", "embedding_model", "params:execution"],
                "new_comment_embeddings",
                name="embed_new_comments",
            ),
            Node(
                calibrate_novelty,
                [
                    "comment_embeddings",
                    "params:topics_update",
                    "params:random_state",
                    "params:execution",
                ],
                "novelty_calibration",
                name="calibrate_novelty",
            ),
            Node(
                assign_new_comments,
                [
                    "new_comment_embeddings",
                    "comment_embeddings",
                    "topic_model",
                    "novelty_calibration",
                    "params:topics",
                    "params:topics_update",
                    "params:random_state",
                    "params:execution",
                ],
                "new_topic_assignments",
                name="assign_new_comments",
            ),
            Node(
                annotate_comments,
                ["comments_clean", "params:topics", "params:execution"],
                "new_comment_annotations",
                name="annotate_new_comments",
            ),
            Node(
                detect_emerging_topics,
                [
                    "new_topic_assignments",
                    "new_comment_embeddings",
                    "comments_clean",
                    "topic_model",
                    "params:topics",
                    "params:topics_update",
                    "params:random_state",
                ],
                ["emerging_topics", "emerging_topic_members"],
                name="detect_emerging_topics",
            ),
            Node(
                build_monthly_comment_topics,
                [
                    "new_topic_assignments",
                    "new_comment_annotations",
                    "emerging_topic_members",
                    "emerging_topics",
                ],
                "monthly_comment_topics",
                name="build_monthly_comment_topics",
            ),
            Node(
                append_comment_topics_history,
                ["comment_topics_history_previous", "comment_topics", "monthly_comment_topics"],
                "comment_topics_history",
                name="append_comment_topics_history",
            ),
            Node(
                summarise_topics_update,
                [
                    "monthly_comment_topics",
                    "emerging_topics",
                    "comment_topics",
                    "novelty_calibration",
                ],
                "topics_update_summary",
                name="summarise_topics_update",
            ),
        ],
        tags="topics_update",
    )
