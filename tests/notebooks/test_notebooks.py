"""Every notebook runs top to bottom on the demo outputs, so none can rot; none is committed
with outputs (they would hold community text)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

PLOTLY_MIME = "application/vnd.plotly.v1+json"
NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks_for_topics_gaps_personas_campaign():
    names = " ".join(p.stem for p in NOTEBOOKS)
    for subject in ("explore_topics", "topics", "gaps", "personas", "campaign"):
        assert subject in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    book = nbformat.read(path, as_version=4)
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name}: clear outputs before committing"
            )


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes_on_demo_outputs(path, demo_project):
    book = nbformat.read(demo_project / "notebooks" / path.name, as_version=4)
    NotebookClient(
        book,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(demo_project / "notebooks")}},
    ).execute()
    outputs = [o for c in book.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors, errors
    if path.name == "00_explore_topics.ipynb":
        # BERTopic's five interactive views, each drawn (the tiny demo has dates and >= 3 topics)
        plotly = [o for o in outputs if PLOTLY_MIME in o.get("data", {})]
        assert len(plotly) == 5, (
            f"{len(plotly)} plotly figures drawn: {[o.get('data', {}).keys() for o in outputs]}"
        )
        return
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images, f"{path.name} drew no chart"
