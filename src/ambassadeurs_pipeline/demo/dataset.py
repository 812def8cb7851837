"""The demo dataset as one object, and how it is written to disk.

Apart from ``generator.py`` because the file layout (``FILES``) is what the pipeline's
catalog and the evaluation scripts read; the generator only fills the frames.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

log = logging.getLogger(__name__)


@dataclass
class DemoDataset:
    """The demo inputs (first three) and their ground truth (``gt_*``)."""

    comments: pd.DataFrame
    content_catalog: pd.DataFrame
    campaign: pd.DataFrame
    gt_comments: pd.DataFrame
    gt_authors: pd.DataFrame
    gt_gaps: pd.DataFrame
    gt_campaign_effects: pd.DataFrame
    gt_pii: pd.DataFrame


FILES = {
    "comments": "comments.csv",
    "content_catalog": "content_catalog.csv",
    "campaign": "campaign.csv",
    "gt_comments": "ground_truth/comments.csv",
    "gt_authors": "ground_truth/authors.csv",
    "gt_gaps": "ground_truth/gaps.csv",
    "gt_campaign_effects": "ground_truth/campaign_effects.csv",
    "gt_pii": "ground_truth/pii.csv",
}


def write_demo(dataset: DemoDataset, out_dir: str | Path) -> Path:
    """Write every frame as UTF-8 CSV (comma, header, '\\n' line ends) under ``out_dir``."""
    out = Path(out_dir)
    (out / "ground_truth").mkdir(parents=True, exist_ok=True)
    for f in fields(dataset):
        path = out / FILES[f.name]
        getattr(dataset, f.name).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        log.info("wrote %s", path)
    return out
