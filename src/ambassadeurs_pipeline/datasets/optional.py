"""Datasets that load as ``None`` when nothing has been saved yet.

Some inputs are genuinely optional for a stage: uplift uses personas when the personas
pipeline has run and works without them; the report shows a section only when its stage has
produced something. Kedro has no optional node inputs, so the optionality lives in the
dataset: the node receives ``None`` and says so in its output instead of crashing.
"""

from __future__ import annotations

import logging
from typing import Any

from kedro.io.core import DatasetError
from kedro_datasets.json import JSONDataset
from kedro_datasets.pandas import CSVDataset, ParquetDataset
from kedro_datasets.text import TextDataset

logger = logging.getLogger(__name__)


class _OptionalLoadMixin:
    def load(self) -> Any:  # type: ignore[override]
        try:
            exists = self._exists()  # type: ignore[attr-defined]
        except DatasetError:
            exists = False
        if not exists:
            logger.info("%s has not been produced yet: loading None.", self)
            return None
        return super().load()  # type: ignore[misc]


class OptionalParquetDataset(_OptionalLoadMixin, ParquetDataset):
    """``pandas.ParquetDataset`` that loads ``None`` when no (version of the) file exists."""


class OptionalCSVDataset(_OptionalLoadMixin, CSVDataset):
    """``pandas.CSVDataset`` that loads ``None`` when no (version of the) file exists."""


class OptionalJSONDataset(_OptionalLoadMixin, JSONDataset):
    """``json.JSONDataset`` that loads ``None`` when no (version of the) file exists."""


class OptionalTextDataset(_OptionalLoadMixin, TextDataset):
    """``text.TextDataset`` that loads ``None`` when no (version of the) file exists."""


class OptionalStampedJSONDataset(OptionalJSONDataset):
    """``OptionalJSONDataset`` whose loaded mapping also holds ``"version"``: the version stamp
    it was read from.

    Kedro gives every versioned dataset of one run the same stamp, so a node that reads this
    can point at a sibling file written in the same run (the report links
    ``topic_explorer_html`` this way). ``"version"`` is ``None`` when not versioned.
    """

    def load(self) -> Any:  # type: ignore[override]
        data = super().load()
        if isinstance(data, dict):
            data = {
                **data,
                "version": self.resolve_load_version() if self._version is not None else None,
            }
        return data
