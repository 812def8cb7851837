"""A topic model fitted on 12 months of the topics tests' synthetic corpus, and a 13th
month with the same themes plus a planted new one (vaccination)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from kedro.io import DataCatalog, MemoryDataset
from kedro.runner import SequentialRunner

from ambassadeurs_pipeline.datasets.bertopic_model import BERTopicModelDataset
from ambassadeurs_pipeline.datasets.embeddings_parquet import EmbeddingsParquetDataset
from ambassadeurs_pipeline.execution import ExecutionParams
from ambassadeurs_pipeline.pipelines.topics import create_pipeline as topics_pipeline
from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams
from ambassadeurs_pipeline.pipelines.topics_update.params import TopicsUpdateParams


def _synthetic_module():
    # The topics tests' corpus, loaded by path: tests/pipelines is not a package.
    path = Path(__file__).resolve().parents[1] / "topics" / "synthetic.py"
    spec = importlib.util.spec_from_file_location("topics_synthetic_corpus", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_comments_clean = _synthetic_module().make_comments_clean

os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SEED = 7
FIT_OUTPUTS = ["comment_embeddings", "embedding_model", "comment_topics"]

NEW_THEME_TERMS = [
    "vaccin",
    "rappel du vaccin",
    "pharmacien",
    "carnet de vaccination",
    "centre de vaccination",
    "dose de rappel",
    "piqûre au bras",
    "vaccin contre la grippe",
]
NEW_THEME_TEMPLATES = [
    "le {a} est prévu jeudi en pharmacie",
    "j'ai eu le {a} hier et le bras est lourd",
    "mon {a} est à jour depuis octobre",
    "faut-il un {a} chaque automne",
    "le {a} se fait sans ordonnance",
]


class KeptDataset(MemoryDataset):
    def _release(self) -> None:
        pass


def _load(name: str) -> dict:
    with open(os.path.join(ROOT, "conf", "test", name), encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="session")
def topics_params() -> TopicsParams:
    return TopicsParams(**_load("parameters_topics.yml")["topics"])


@pytest.fixture(scope="session")
def update_params() -> TopicsUpdateParams:
    return TopicsUpdateParams(**_load("parameters_topics_update.yml")["topics_update"])


def new_month(
    n: int, seed: int, month: str, prefix: str, n_new_theme: int
) -> tuple[pd.DataFrame, pd.Series]:
    """``comments_clean`` of one month: ``n`` comments on the known themes (ids ``prefix…``),
    plus ``n_new_theme`` on vaccination by distinct authors. Returns (frame, planted ids)."""
    frame, _ = make_comments_clean(n=n, seed=seed, months=1)
    frame = frame.iloc[2:].reset_index(drop=True)  # the synthetic corpus flags its first two rows
    rng = np.random.default_rng(seed)
    planted = frame.iloc[:n_new_theme].copy()
    planted["text_clean"] = [
        ". ".join(
            NEW_THEME_TEMPLATES[rng.integers(len(NEW_THEME_TEMPLATES))].format(
                a=NEW_THEME_TERMS[rng.integers(len(NEW_THEME_TERMS))]
            )
            for _ in range(2)
        )
        for _ in range(n_new_theme)
    ]
    planted["author_id"] = [f"v{i:04d}" for i in range(n_new_theme)]
    planted["comment_id"] = [f"v{i:05d}" for i in range(n_new_theme)]
    out = pd.concat([frame, planted], ignore_index=True)
    out["comment_id"] = prefix + out["comment_id"]
    out["created_at"] = pd.Timestamp(f"{month}-01") + pd.to_timedelta(
        np.arange(len(out)) % 28, unit="D"
    )
    return out, prefix + planted["comment_id"].astype(str)


@pytest.fixture(scope="session")
def fitted(topics_params, tmp_path_factory):
    """Outputs of the topics pipeline (up to ``comment_topics``) on 12 months."""
    comments, truth = make_comments_clean(n=1500, seed=3)
    model_path = str(tmp_path_factory.mktemp("fit") / "topic_model")
    catalog = DataCatalog(
        {
            "comments_clean": MemoryDataset(comments),
            "params:topics": MemoryDataset(topics_params),
            "params:execution": MemoryDataset(ExecutionParams()),
            "params:random_state": MemoryDataset(SEED),
            "topic_model": BERTopicModelDataset(filepath=model_path),
            **{name: KeptDataset() for name in FIT_OUTPUTS},
            # Embeddings are saved chunk by chunk (a generator node): a memory dataset would
            # keep only the last chunk, so use the project's appending dataset.
            "comment_embeddings": EmbeddingsParquetDataset(
                filepath=str(tmp_path_factory.mktemp("fit") / "comment_embeddings.parquet")
            ),
        }
    )
    pipe = topics_pipeline().to_outputs(*FIT_OUTPUTS)
    SequentialRunner().run(pipe, catalog)
    return {name: catalog.load(name) for name in FIT_OUTPUTS} | {
        "model_path": model_path,
        "truth": truth,
    }
