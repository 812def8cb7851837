"""Uplift pipeline: campaign export → design checks, effects, segments, targeting, power,
``uplift_results``, ``uplift_verdict`` and figures."""

from kedro.pipeline import Node, Pipeline

from .nodes import (
    analyse_power,
    assemble_uplift_results,
    check_campaign_design,
    estimate_arm_effects,
    estimate_segment_effects,
    evaluate_targeting,
    plot_arm_effects,
    plot_qini_curves,
    plot_segment_effects,
    prepare_campaign_units,
    summarise_uplift_status,
    write_uplift_verdict,
)


def create_pipeline(**kwargs) -> Pipeline:
    units = ["campaign_units", "campaign_preparation", "params:uplift"]
    return Pipeline(
        [
            Node(
                prepare_campaign_units,
                [
                    "campaign_export",
                    "author_personas",
                    "pseudonymisation_salt",
                    "params:uplift",
                    "params:campaign_path",
                    "params:comments_path",
                ],
                ["campaign_units", "campaign_preparation"],
                name="prepare_campaign_units",
            ),
            Node(
                check_campaign_design,
                units,
                ["uplift_design_checks", "uplift_covariate_balance"],
                name="check_campaign_design",
            ),
            Node(estimate_arm_effects, units, "uplift_arm_effects", name="estimate_arm_effects"),
            Node(
                estimate_segment_effects,
                units,
                ["uplift_segment_effects", "uplift_heterogeneity"],
                name="estimate_segment_effects",
            ),
            Node(
                evaluate_targeting,
                [*units, "params:random_state"],
                ["uplift_targeting_metrics", "uplift_qini_curves", "uplift_targeting_summary"],
                name="evaluate_targeting",
            ),
            Node(analyse_power, units, "uplift_power", name="analyse_power"),
            Node(
                assemble_uplift_results,
                [
                    "campaign_preparation",
                    "uplift_design_checks",
                    "uplift_covariate_balance",
                    "uplift_arm_effects",
                    "uplift_segment_effects",
                    "uplift_heterogeneity",
                    "uplift_targeting_metrics",
                    "uplift_targeting_summary",
                    "uplift_power",
                    "params:uplift",
                ],
                "uplift_results",
                name="assemble_uplift_results",
            ),
            Node(
                write_uplift_verdict,
                "uplift_results",
                "uplift_verdict",
                name="write_uplift_verdict",
            ),
            Node(
                summarise_uplift_status,
                "uplift_results",
                "uplift_status",
                name="summarise_uplift_status",
            ),
            Node(
                plot_arm_effects,
                ["uplift_arm_effects", "campaign_preparation"],
                "uplift_effects_figure",
                name="plot_arm_effects",
            ),
            Node(
                plot_segment_effects,
                ["uplift_segment_effects", "campaign_preparation"],
                "uplift_segments_figure",
                name="plot_segment_effects",
            ),
            Node(
                plot_qini_curves,
                "uplift_qini_curves",
                "uplift_qini_figure",
                name="plot_qini_curves",
            ),
        ],
        tags="uplift",
    )
