"""Privacy pipeline: writes the processing register (French and English) on every run."""

from kedro.pipeline import Node, Pipeline

from .nodes import write_processing_register


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(
                func=write_processing_register,
                inputs=[
                    "pseudonymisation_salt",
                    "params:privacy",
                    "ingestion_report",
                    "cleaning_report",
                    "params:comments_path",
                ],
                outputs=["processing_register_fr", "processing_register_en"],
                name="write_processing_register",
            )
        ],
        tags="privacy",
    )
