"""Personas pipeline: ``comments_clean`` + ``comment_topics`` → features, personas, cards, shortlist."""

from kedro.pipeline import Node, Pipeline

from .candidates import rank_ambassador_candidates
from .cards import describe_personas
from .clustering import cluster_personas
from .features import build_author_features
from .status import summarise_personas_status


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(
                func=build_author_features,
                inputs=[
                    "comments_clean",
                    "comment_topics",
                    "topic_info",
                    "params:personas",
                    "params:random_state",
                    "params:execution",
                ],
                outputs=["author_features", "excluded_authors"],
                name="build_author_features",
            ),
            Node(
                func=cluster_personas,
                inputs=[
                    "author_features",
                    "excluded_authors",
                    "params:personas",
                    "params:random_state",
                ],
                outputs=["author_personas", "persona_quality"],
                name="cluster_personas",
            ),
            Node(
                func=describe_personas,
                inputs=[
                    "author_features",
                    "author_personas",
                    "persona_quality",
                    "comments_clean",
                    "topic_info",
                    "params:personas",
                    "params:privacy",
                ],
                outputs=["persona_cards", "persona_cards_md"],
                name="describe_personas",
            ),
            Node(
                func=rank_ambassador_candidates,
                inputs=["author_features", "author_personas", "params:personas"],
                outputs="ambassador_candidates",
                name="rank_ambassador_candidates",
            ),
            Node(
                func=summarise_personas_status,
                inputs=["comments_clean", "persona_quality"],
                outputs="personas_status",
                name="summarise_personas_status",
            ),
        ],
        tags="personas",
    )
