"""Topics pipeline: ``comments_clean`` → embeddings, BERTopic, ``comment_topics`` and the
tables built on them (topic info, keywords, monthly counts, trends, sentiment, bad buzz,
quality)."""

from kedro.pipeline import Node, Pipeline

from .annotate import annotate_comments, build_comment_topics
from .explorer import build_topic_explorer
from .fit import embed_comments, fit_embedding_model, fit_topic_model
from .quality import assess_topic_quality
from .status import summarise_topics_status
from .summaries import (
    count_topics_over_time,
    describe_topics,
    extract_topic_keywords,
    summarise_topic_sentiment,
)
from .trends import detect_bad_buzz, detect_topic_trends


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(
                fit_embedding_model,
                ["comments_clean", "params:topics", "params:random_state"],
                "embedding_model",
                name="fit_embedding_model",
            ),
            # A generator node: each chunk of embeddings is saved as soon as it is computed.
            Node(
                embed_comments,
                ["comments_clean", "embedding_model", "params:topics", "params:execution"],
                "comment_embeddings",
                name="embed_comments",
            ),
            Node(
                fit_topic_model,
                [
                    "comments_clean",
                    "comment_embeddings",
                    "embedding_model",
                    "params:topics",
                    "params:random_state",
                ],
                ["topic_model", "topic_assignments", "topics_fit_status"],
                name="fit_topic_model",
            ),
            Node(
                annotate_comments,
                ["comments_clean", "params:topics", "params:execution"],
                "comment_annotations",
                name="annotate_comments",
            ),
            Node(
                summarise_topics_status,
                ["topics_fit_status", "comment_topics", "params:topics"],
                "topics_status",
                name="summarise_topics_status",
            ),
            Node(
                build_comment_topics,
                ["topic_assignments", "comment_annotations"],
                "comment_topics",
                name="build_comment_topics",
            ),
            Node(
                describe_topics,
                [
                    "comment_topics",
                    "comments_clean",
                    "comment_embeddings",
                    "topic_model",
                    "params:topics",
                ],
                "topic_info",
                name="describe_topics",
            ),
            Node(
                extract_topic_keywords,
                ["comment_topics", "comments_clean", "params:topics"],
                "topic_keywords",
                name="extract_topic_keywords",
            ),
            Node(
                count_topics_over_time,
                "comment_topics",
                "topics_over_time",
                name="count_topics_over_time",
            ),
            Node(
                detect_topic_trends,
                ["topics_over_time", "params:topics"],
                "topic_trends",
                name="detect_topic_trends",
            ),
            Node(
                summarise_topic_sentiment,
                "comment_topics",
                "topic_sentiment",
                name="summarise_topic_sentiment",
            ),
            Node(
                detect_bad_buzz,
                ["comment_topics", "params:topics", "comments_clean"],
                "bad_buzz_alerts",
                name="detect_bad_buzz",
            ),
            Node(
                assess_topic_quality,
                [
                    "comment_topics",
                    "comments_clean",
                    "comment_embeddings",
                    "topic_model",
                    "params:topics",
                    "params:random_state",
                ],
                "topic_quality",
                name="assess_topic_quality",
            ),
            Node(
                build_topic_explorer,
                [
                    "topic_model",
                    "comment_topics",
                    "comments_clean",
                    "comment_embeddings",
                    "params:topics",
                    "params:random_state",
                ],
                ["topic_explorer_html", "topic_explorer_summary"],
                name="build_topic_explorer",
            ),
        ],
        tags="topics",
    )
