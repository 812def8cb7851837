"""``monthly`` = ``ingestion`` + ``cleaning`` + ``topics_update`` (nothing is refitted)."""

from kedro.pipeline import Pipeline

from ..cleaning import create_pipeline as cleaning
from ..ingestion import create_pipeline as ingestion
from ..topics_update import create_pipeline as topics_update


def create_pipeline(**kwargs) -> Pipeline:
    return ingestion() + cleaning() + topics_update()
