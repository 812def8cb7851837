"""Gaps pipeline: questions → FAQ → answer supply + catalog coverage → ranked information gaps."""

from kedro.pipeline import Node, Pipeline

from .answers import measure_question_answers, summarise_answer_supply
from .briefs import write_gap_evidence
from .coverage import calibrate_coverage, embed_content_catalog, match_coverage
from .faq import build_faq, group_questions
from .scoring import score_information_gaps
from .status import summarise_gaps_status


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(
                func=group_questions,
                inputs=["comments_clean", "comment_topics", "comment_embeddings", "params:gaps"],
                outputs="question_groups",
                name="group_questions",
            ),
            Node(
                func=build_faq,
                inputs=[
                    "question_groups",
                    "comments_clean",
                    "params:gaps",
                    "params:privacy",
                ],
                outputs="faq",
                name="build_faq",
            ),
            Node(
                func=measure_question_answers,
                inputs=["question_groups", "comments_clean", "comment_topics", "params:gaps"],
                outputs="question_answers",
                name="measure_question_answers",
            ),
            Node(
                func=summarise_answer_supply,
                inputs=["question_answers", "params:gaps"],
                outputs="group_answer_supply",
                name="summarise_answer_supply",
            ),
            Node(
                func=embed_content_catalog,
                inputs=["content_catalog", "embedding_model"],
                outputs="content_catalog_embeddings",
                name="embed_content_catalog",
            ),
            Node(
                func=calibrate_coverage,
                inputs=["content_catalog", "embedding_model", "ingestion_report", "params:gaps"],
                outputs="coverage_calibration",
                name="calibrate_coverage",
            ),
            Node(
                func=match_coverage,
                inputs=[
                    "question_groups",
                    "comment_embeddings",
                    "content_catalog",
                    "content_catalog_embeddings",
                    "coverage_calibration",
                    "params:gaps",
                ],
                outputs="group_coverage",
                name="match_coverage",
            ),
            Node(
                func=score_information_gaps,
                inputs=[
                    "faq",
                    "group_answer_supply",
                    "group_coverage",
                    "question_groups",
                    "params:gaps",
                ],
                outputs="gap_scores",
                name="score_information_gaps",
            ),
            Node(
                func=write_gap_evidence,
                inputs=[
                    "gap_scores",
                    "question_groups",
                    "content_catalog",
                    "coverage_calibration",
                    "params:gaps",
                ],
                outputs=["information_gaps", "gaps_report"],
                name="write_gap_evidence",
            ),
            Node(
                func=summarise_gaps_status,
                inputs=["gaps_report", "question_groups", "content_catalog", "ingestion_report"],
                outputs="gaps_status",
                name="summarise_gaps_status",
            ),
        ],
        tags="gaps",
    )
