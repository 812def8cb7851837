"""Reporting pipeline: every stage's outputs → ``report_html`` (versioned, self-contained)."""

from kedro.pipeline import Node, Pipeline

from .nodes import build_report, collect_run_metadata, collect_run_status

#: Each stage's status record (ambassadeurs_pipeline.status), gathered into ``run_status``.
STATUS_INPUTS = ("topics_status", "gaps_status", "personas_status", "uplift_status")

#: Stage outputs the report reads (argument name of ``build_report`` → dataset name). A stage
#: whose catalog has not landed is left out here; its section then says it is unavailable.
STAGE_INPUTS: dict[str, str] = {
    name: name
    for name in (
        "ingestion_report",
        "cleaning_report",
        "topic_info",
        "topic_trends",
        "topics_over_time",
        "topic_sentiment",
        "bad_buzz_alerts",
        "topic_quality",
        "faq",
        "information_gaps",
        "coverage_calibration",
        "persona_cards",
        "ambassador_candidates",
        "persona_quality",
        "uplift_results",
        "uplift_verdict",
        "uplift_qini_curves",
        "topic_explorer_summary",
    )
}


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(
                func=collect_run_status,
                inputs={name: name for name in STATUS_INPUTS},
                outputs="run_status",
                name="collect_run_status",
            ),
            Node(
                func=collect_run_metadata,
                inputs=[
                    "parameters",
                    "report_input_fingerprints",
                    "report_dataset_versions",
                    "run_status",
                ],
                outputs="report_run_metadata",
                name="collect_run_metadata",
            ),
            Node(
                func=build_report,
                inputs={
                    "params": "params:reporting",
                    "run_metadata": "report_run_metadata",
                    "privacy": "params:privacy",
                    "quote_corpus": "report_quote_corpus",
                    "run_status": "run_status",
                    **STAGE_INPUTS,
                },
                outputs="report_html",
                name="build_report",
            ),
        ],
        tags="reporting",
    )
