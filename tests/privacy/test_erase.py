"""Erasure on a small hand-made project: every version rewritten, others' rows untouched,
atomic writes, idempotence, unknown ids, and the registry checked against the catalog."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from kedro.config import OmegaConfigLoader

from ambassadeurs_pipeline.privacy import erase as erase_mod
from ambassadeurs_pipeline.privacy.erase import (
    UnknownAuthorError,
    author_hash,
    erase,
    load_project_config,
)
from ambassadeurs_pipeline.privacy.pseudonyms import pseudonymise
from ambassadeurs_pipeline.privacy.registry import ROW_DATASETS, classify

ROOT = Path(__file__).resolve().parents[2]
SALT = "unit-test-salt-not-a-secret-1234"
VERSIONS = ("2026-01-01T10.00.00.000Z", "2026-02-01T10.00.00.000Z")
TARGET = "marie_du_69"
OTHERS = ["paul.b", "lea_33", "dr_house", "momo"]


def _pid(handle: str) -> str:
    return pseudonymise(handle, SALT)


def _versioned(project: Path, filepath: str, version: str) -> Path:
    path = project / filepath / version / Path(filepath).name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _raw(version_index: int) -> pd.DataFrame:
    authors = [TARGET, "paul.b", TARGET, "lea_33", "dr_house", "momo", "Marie_du_69 "]
    n = len(authors) + version_index  # versions differ
    authors = (authors + ["momo"])[:n]
    ids = [f"c{i:03d}" for i in range(n)]
    return pd.DataFrame(
        {
            "comment_id": pd.array(ids, dtype="string"),
            "text": pd.array(
                [
                    f"texte numéro {i} de la personne avec assez de mots pour une citation"
                    for i in range(n)
                ],
                dtype="string",
            ),
            "author": pd.array(authors, dtype="string"),
            "created_at": pd.date_range("2025-01-01", periods=n, freq="D"),
            "thread_id": pd.array(["c000"] * n, dtype="string"),
            "parent_id": pd.array([None] + ["c000"] * (n - 1), dtype="string"),
            "likes": pd.array(range(n), dtype="Int64"),
        }
    )


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "conf", project / "conf", ignore=shutil.ignore_patterns("local"))
    (project / "conf" / "local").mkdir()
    (project / "conf" / "local" / "credentials.yml").write_text(
        f"pseudonymisation:\n  salt: {SALT}\n"
    )
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "src").symlink_to(ROOT / "src", target_is_directory=True)
    for k, version in enumerate(VERSIONS):
        raw = _raw(k)
        raw.to_parquet(_versioned(project, "data/01_raw/ingested/comments_raw.parquet", version))
        clean = raw.drop(columns=["text", "author"]).assign(
            author_id=raw["author"].map(_pid).astype("string"),
            text_clean=raw["text"],
            duplicate_group=pd.array(["c002"] + [None] * (len(raw) - 1), dtype="string"),
        )
        clean.to_parquet(_versioned(project, "data/03_primary/comments_clean.parquet", version))
        pd.DataFrame(
            {
                "comment_id": raw["comment_id"].astype(object),
                "embedding": [np.arange(3, dtype="float32") + i for i in range(len(raw))],
            }
        ).to_parquet(_versioned(project, "data/05_model_input/comment_embeddings.parquet", version))
        pd.DataFrame(
            {
                "input": ["comments"] * 3,
                "stage": ["ingestion"] * 3,
                "source_row": [2, 9, 3],
                "record_id": ["c002", "c099", "c001"],
                "column": ["created_at", "author", "likes"],
                "reason": ["date", "x", "likes: négatif"],
                "value": ["pas une date", TARGET, "-3"],
            }
        ).to_csv(
            _versioned(project, "data/01_raw/ingested/ingestion_quarantine.csv", version),
            index=False,
        )
        authors = pd.Series([TARGET, *OTHERS]).map(_pid)
        pd.DataFrame({"author_id": authors, "n_comments": range(5)}).to_parquet(
            _versioned(project, "data/04_feature/author_features.parquet", version)
        )
        pd.DataFrame(
            {
                "unit_id": authors.astype("string"),
                "arm": ["a", "b", "a", "b", "a"],
                "outcome": [1.0, 0, 1, 0, 1],
            }
        ).to_parquet(_versioned(project, "data/02_intermediate/campaign_units.parquet", version))
        html = (
            f"<html><p>« {raw['text'].iloc[0]} »</p></html>"
            if k == 0
            else "<html><p>rien</p></html>"
        )
        _versioned(project, "data/08_reporting/report.html", version).write_text(
            html, encoding="utf-8"
        )
        model = _versioned(project, "data/06_models/topic_model", version)
        model.mkdir()
        (model / "config.json").write_text("{}")
    # An unversioned per-row dataset.
    path = project / "data/05_model_input/topic_assignments.parquet"
    pd.DataFrame({"comment_id": _raw(1)["comment_id"].astype(object), "topic_id": 1}).to_parquet(
        path
    )
    return project


def _all_versions(project: Path, filepath: str) -> list[Path]:
    folder = project / filepath
    if folder.is_file():
        return [folder]
    return sorted(
        p / folder.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")
    )


def test_registry_classifies_every_catalog_entry():
    """A new dataset in conf/base/catalog*.yml must be classified (per-row, derived, input, none)."""
    loader = OmegaConfigLoader(
        conf_source=str(ROOT / "conf"), base_env="base", default_run_env="local", runtime_params={}
    )
    result = classify(set(loader["catalog"]))
    assert not result.unclassified, (
        f"catalog entries not in privacy/registry.py: {result.unclassified}. Say which column "
        "identifies a person's rows (ROW_DATASETS) or why it holds none."
    )
    # Every per-row dataset in the catalog is versioned or a plain file the eraser can read.
    for name in result.rows:
        entry = loader["catalog"][name]
        assert str(entry.get("filepath", "")).endswith((".parquet", ".csv")), name


def test_erasure_removes_every_version_and_keeps_others_exactly(project: Path):
    pid = _pid(TARGET)
    before = {
        p: pd.read_parquet(p)
        for p in _all_versions(project, "data/03_primary/comments_clean.parquet")
    }
    result = erase([TARGET], project)
    assert result.status == "erased"
    assert result.authors == [pid]
    # Both raw spellings ("marie_du_69" and "Marie_du_69 ") are the same person.
    assert {c.dataset for c in result.changes} >= {
        "comments_raw",
        "comments_clean",
        "comment_embeddings",
        "ingestion_quarantine",
        "author_features",
        "campaign_units",
        "topic_assignments",
    }
    erased_ids = {"c000", "c002", "c006"}
    for path, old in before.items():
        new = pd.read_parquet(path)
        assert pid not in set(new["author_id"])
        assert not erased_ids & set(new["comment_id"])
        kept = old[old["author_id"] != pid].reset_index(drop=True)
        # Other people's values are exactly the same, apart from links to erased comments.
        for column in kept.columns:
            if column in ("thread_id", "parent_id", "duplicate_group"):
                was_link = kept[column].isin(erased_ids).fillna(False).to_numpy(dtype=bool)
                assert list(new[column][~was_link]) == list(kept[column][~was_link])
                assert new[column][was_link].str.startswith("efface_").all()
                assert was_link.any() or column == "duplicate_group"
            else:
                pd.testing.assert_series_equal(new[column], kept[column], check_names=True)
        assert new.dtypes.equals(old.dtypes)
    # Every file of every dataset: no pseudonym, no raw handle, no erased comment id.
    for path in (project / "data").rglob("*"):
        if path.is_file() and "09_privacy" not in path.parts:
            text = (
                pd.read_parquet(path).astype(str).to_csv()
                if path.suffix == ".parquet"
                else path.read_text(errors="replace")
            )
            assert pid not in text and TARGET not in text, path
            assert not any(
                f"{c}," in text or f"{c}\n" in text or f'"{c}"' in text for c in erased_ids
            ), path
    # Quarantine CSV: the other row is byte-for-byte the same line.
    for path in _all_versions(project, "data/01_raw/ingested/ingestion_quarantine.csv"):
        assert path.read_text().splitlines() == [
            "input,stage,source_row,record_id,column,reason,value",
            "comments,ingestion,3,c001,likes,likes: négatif,-3",
        ]
    # The report version that quoted the person is flagged and deleted; models all go.
    assert result.reports_quoting == [f"report_html@{VERSIONS[0]}"]
    assert [p.parent.name for p in _all_versions(project, "data/08_reporting/report.html")] == [
        VERSIONS[1]
    ]
    assert _all_versions(project, "data/06_models/topic_model") == []
    log = [
        json.loads(line)
        for line in (project / "data/09_privacy/erasure_log.jsonl").read_text().splitlines()
    ]
    assert (
        log[-1]["author_hashes"] == [author_hash(pid)]
        and pid not in json.dumps(log)
        and log[-1]["rows_removed"] == result.rows_removed > 0
    )
    assert TARGET not in json.dumps(log)
    assert (project / "data/09_privacy/recompute_required.json").exists()


def test_erasure_by_pseudonym_and_twice_is_a_no_op(project: Path):
    pid = _pid(TARGET)
    first = erase([pid], project)
    assert first.rows_removed > 0
    snapshot = {
        p: p.read_bytes()
        for p in (project / "data").rglob("*")
        if p.is_file() and "09_privacy" not in p.parts
    }
    second = erase([TARGET], project)
    assert second.status == "nothing_found" and second.rows_removed == 0
    after = {
        p: p.read_bytes()
        for p in (project / "data").rglob("*")
        if p.is_file() and "09_privacy" not in p.parts
    }
    assert after == snapshot


def test_unknown_author_changes_nothing(project: Path):
    snapshot = {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()}
    with pytest.raises(UnknownAuthorError, match="nobody_here"):
        erase(["nobody_here", TARGET], project)
    assert {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()} == snapshot
    assert erase_mod.main(["--author", "nobody_here", "--project", str(project)]) == 2


def test_dry_run_changes_nothing(project: Path):
    snapshot = {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()}
    result = erase([TARGET], project, dry_run=True)
    assert result.rows_removed > 0
    assert {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()} == snapshot


def test_crash_half_way_leaves_each_file_fully_old_or_fully_new(project: Path, monkeypatch):
    """A crash while writing the third parquet file: files before it are new, the rest fully old."""
    files = [p for p in (project / "data").rglob("*") if p.is_file()]
    before = {p: p.read_bytes() for p in files}
    real = erase_mod.pq.write_table
    calls = {"n": 0}

    def flaky(table, where, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            Path(where).write_bytes(b"half-written")
            raise OSError("disk full")
        return real(table, where, *args, **kwargs)

    monkeypatch.setattr(erase_mod.pq, "write_table", flaky)
    with pytest.raises(OSError):
        erase([TARGET], project)
    changed = 0
    pid = _pid(TARGET)
    for path in files:
        data = path.read_bytes()
        assert data != b"half-written"
        if data != before[path]:  # fully new: loads, and the person is gone
            changed += 1
            frame = (
                pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, dtype=str)
            )
            assert pid not in frame.to_csv() and TARGET not in frame.to_csv()
    assert changed >= 2
    assert not [p for p in (project / "data").rglob("*.tmp")]
    monkeypatch.undo()
    assert erase([TARGET], project).status == "erased"  # the retry finishes the job


def test_salt_comes_from_credentials(project: Path):
    assert load_project_config(project).salt == SALT
    assert set(ROW_DATASETS) >= {"comments_raw", "comments_clean", "author_features"}
