"""Cleaning pipeline: ``comments_raw`` → ``comments_clean``, ``comments_quarantine``,
``cleaning_report``.

``params:execution`` decides where the row-wise nodes (normalise, pseudonymise, detect
languages) run; duplicates, spam and bot authors need the whole corpus and always run in
the Kedro process (docs/distributed.md)."""

from kedro.pipeline import Node, Pipeline

from .nodes import (
    assemble_clean_comments,
    detect_languages,
    find_duplicates,
    flag_spam,
    normalise_comments,
    pseudonymise_comments,
)


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(
                func=normalise_comments,
                inputs=["comments_raw", "params:cleaning", "params:execution"],
                outputs="comments_normalised",
                name="normalise_comments",
            ),
            Node(
                func=pseudonymise_comments,
                inputs=[
                    "comments_normalised",
                    "pseudonymisation_salt",
                    "params:cleaning",
                    "params:execution",
                ],
                outputs=["comments_pseudonymised", "pii_summary"],
                name="pseudonymise_comments",
            ),
            Node(
                func=detect_languages,
                inputs=[
                    "comments_pseudonymised",
                    "params:cleaning",
                    "params:language",
                    "params:execution",
                ],
                outputs="comment_languages",
                name="detect_languages",
            ),
            Node(
                func=find_duplicates,
                inputs=["comments_pseudonymised", "params:cleaning"],
                outputs="comment_duplicates",
                name="find_duplicates",
            ),
            Node(
                func=flag_spam,
                inputs=["comments_pseudonymised", "comment_duplicates", "params:cleaning"],
                outputs="comment_spam",
                name="flag_spam",
            ),
            Node(
                func=assemble_clean_comments,
                inputs=[
                    "comments_pseudonymised",
                    "comment_languages",
                    "comment_duplicates",
                    "comment_spam",
                    "pii_summary",
                    "params:cleaning",
                    "params:language",
                ],
                outputs=["comments_clean", "comments_quarantine", "cleaning_report"],
                name="assemble_clean_comments",
            ),
        ],
        tags="cleaning",
    )
