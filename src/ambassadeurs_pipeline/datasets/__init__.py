"""Custom Kedro datasets: user exports of any common format, optional stage outputs, the
pseudonymisation salt."""

from .optional import (
    OptionalCSVDataset,
    OptionalJSONDataset,
    OptionalParquetDataset,
    OptionalStampedJSONDataset,
    OptionalTextDataset,
)
from .salt import PseudonymisationSaltDataset
from .tabular_file import TabularFileDataset

__all__ = [
    "OptionalCSVDataset",
    "OptionalJSONDataset",
    "OptionalParquetDataset",
    "OptionalStampedJSONDataset",
    "OptionalTextDataset",
    "PseudonymisationSaltDataset",
    "TabularFileDataset",
]
