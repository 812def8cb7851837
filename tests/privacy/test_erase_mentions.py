"""Erasure reaches other people's mentions of the erased author (issue 17).

A small demo corpus where the target author writes comments and other people mention them
("@handle", the bare handle) goes through ``ingestion`` and ``cleaning`` in a KedroSession
twice (two versions of every versioned dataset, the restricted raw layer included). After
``erase``, no file under ``data/`` holds the handle, the pseudonym or one of the person's
comment ids, except the user's own inputs written before the first run (the exports in
``data/01_raw`` and, for the demo, its ground truth): the command never writes them and
reports the rows still there (docs/privacy.md).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ambassadeurs_pipeline.demo import generate_demo, write_demo

ROOT = Path(__file__).resolve().parents[2]
TARGET = "lea.martin_75"
N_COMMENTS = 500


def _mention_target(raw: Path) -> tuple[set[str], set[str]]:
    """Give a busy author's comments to TARGET; make 12 other people mention TARGET."""
    comments = pd.read_csv(raw / "comments.csv", dtype=str, keep_default_na=False)
    busiest = comments["author"].value_counts().index[0]
    comments.loc[comments["author"] == busiest, "author"] = TARGET
    mine = set(comments.loc[comments["author"] == TARGET, "id"])
    others = comments.index[comments["author"] != TARGET][:12]
    phrasing = [
        "@{h} merci pour ton conseil, ",
        "Comme disait @{h} hier : ",
        "je suis d'accord avec {h} ! ",
        "@{H} tu avais raison. ",
    ]
    mentioning = set()
    for k, i in enumerate(others):
        text = phrasing[k % len(phrasing)].format(h=TARGET, H=TARGET.upper())
        comments.loc[i, "text"] = text + comments.loc[i, "text"]
        mentioning.add(comments.loc[i, "id"])
    comments.to_csv(raw / "comments.csv", index=False, encoding="utf-8", lineterminator="\n")
    return mine, mentioning


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, set[str], set[str], set[Path]]:
    from kedro.framework.session import KedroSession
    from kedro.framework.startup import bootstrap_project

    os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
    project = tmp_path_factory.mktemp("erase_mentions") / "project"
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "conf", project / "conf", ignore=shutil.ignore_patterns("local"))
    (project / "conf" / "local").mkdir()
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    (project / "src").mkdir()
    (project / "src" / "ambassadeurs_pipeline").symlink_to(
        ROOT / "src" / "ambassadeurs_pipeline", target_is_directory=True
    )
    write_demo(generate_demo(n_comments=N_COMMENTS, seed=11), project / "data" / "01_raw")
    mine, mentioning = _mention_target(project / "data" / "01_raw")
    inputs = {p for p in (project / "data").rglob("*") if p.is_file()}
    bootstrap_project(project)
    for _ in range(2):
        with KedroSession.create(project_path=project, env="test") as session:
            session.run(pipeline_names=["ingestion", "cleaning"])
    return project, mine, mentioning, inputs


def file_text(path: Path) -> str:
    if path.suffix == ".parquet":
        return pd.read_parquet(path).astype(str).to_csv(index=False)
    return path.read_text(encoding="utf-8", errors="replace")


def _holders(data: Path, needles: list[str], inputs: set[Path]) -> dict[str, list[str]]:
    """File (relative to data/) -> the needles it holds, as whole tokens, case-insensitive."""
    pattern = re.compile(
        r"(?<![\w.\-])(?:" + "|".join(re.escape(n) for n in needles) + r")(?![\w\-])", re.IGNORECASE
    )
    found: dict[str, list[str]] = {}
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        if path in inputs:
            continue
        hits = sorted(set(m.group(0) for m in pattern.finditer(file_text(path))))
        if hits:
            found[str(path.relative_to(data))] = hits
    return found


@pytest.mark.slow
def test_erasure_removes_handle_pseudonym_ids_and_mentions(project):
    from ambassadeurs_pipeline.privacy.erase import erase, load_project_config
    from ambassadeurs_pipeline.privacy.pseudonyms import pseudonymise

    root, mine, mentioning, inputs = project
    assert {p.name for p in inputs} >= {"comments.csv", "campaign.csv"}
    data = root / "data"
    cfg = load_project_config(root, "test")
    pid = pseudonymise(TARGET, cfg.salt)
    needles = [TARGET, pid, *mine]
    before = _holders(data, needles, inputs)
    # The corpus is what the test claims: the raw layer holds the handle in others' texts.
    raw_versions = [k for k in before if k.startswith("01_raw/ingested/comments_raw.parquet/")]
    assert len(raw_versions) == 2, before
    raw = pd.read_parquet(data / raw_versions[0])
    assert (
        raw.loc[raw["comment_id"].isin(mentioning), "text"].str.contains(TARGET, case=False).all()
    )

    result = erase([TARGET], root, "test")
    assert result.status == "erased" and result.rows_removed > 0
    # 12 mentions per version of comments_raw (the cleaned text already had <MENTION> or
    # the bare handle, which normalisation leaves: those count too).
    raw_changes = [c for c in result.changes if c.dataset == "comments_raw"]
    assert len(raw_changes) == 2 and all(c.mentions_replaced == 12 for c in raw_changes), (
        raw_changes
    )

    after = _holders(data, needles, inputs)
    assert after == {}, after
    # Other people's comments are kept, their mention replaced, the rest of the text intact.
    for version in raw_versions:
        frame = pd.read_parquet(data / version)
        theirs = frame[frame["comment_id"].isin(mentioning)]
        assert len(theirs) == len(mentioning)
        assert theirs["text"].str.contains("<MENTION>", regex=False).all()
        assert not frame["comment_id"].isin(mine).any()
    # The log keeps a hash, never the pseudonym; erasing again is a logged no-op.
    log = (data / "09_privacy" / "erasure_log.jsonl").read_text(encoding="utf-8")
    assert pid not in log and TARGET not in log
    again = erase([TARGET], root, "test")
    assert again.status == "nothing_found"
    assert (
        json.loads((data / "09_privacy" / "erasure_log.jsonl").read_text().splitlines()[-1])[
            "status"
        ]
        == "nothing_found"
    )
