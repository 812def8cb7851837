"""Ingestion pipeline: exports → ``comments_raw``, ``content_catalog``, quarantine, report."""

from kedro.pipeline import Node, Pipeline

from .nodes import ingest_comments, ingest_content_catalog, summarise_ingestion


def create_pipeline(**kwargs) -> Pipeline:
    return Pipeline(
        [
            Node(
                func=ingest_comments,
                inputs=["comments_export", "params:ingestion", "params:comments_path"],
                outputs=[
                    "comments_raw",
                    "comments_rejected_at_ingestion",
                    "comments_ingestion_summary",
                ],
                name="ingest_comments",
            ),
            Node(
                func=ingest_content_catalog,
                inputs=[
                    "content_catalog_export",
                    "params:ingestion",
                    "params:content_catalog_path",
                    "params:comments_path",
                ],
                outputs=[
                    "content_catalog",
                    "catalog_rejected_at_ingestion",
                    "catalog_ingestion_summary",
                ],
                name="ingest_content_catalog",
            ),
            Node(
                func=summarise_ingestion,
                inputs=[
                    "comments_ingestion_summary",
                    "comments_rejected_at_ingestion",
                    "catalog_ingestion_summary",
                    "catalog_rejected_at_ingestion",
                ],
                outputs=["ingestion_quarantine", "ingestion_report"],
                name="summarise_ingestion",
            ),
        ],
        tags="ingestion",
    )
