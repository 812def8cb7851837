"""BERTopic's interactive views (explorer.py): which view is drawn for how many topics and
dates, a failing view never stops the run, and the page is self-contained.

The degradation rules are tested on a stand-in model that records the calls (a real fit
with 0, 1 or 2 topics is what we want to be robust to, not something HDBSCAN gives on
demand); the real model is exercised in test_pipeline.py and, in a browser, on the demo run.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from ambassadeurs_pipeline.pipelines.topics import explorer
from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams

N_DOCS = 60

# UMAP (documents map) compiles with numba on first use: tens of seconds.
pytestmark = pytest.mark.slow


class StandInModel:
    """What explorer.py reads from a fitted BERTopic, with ``k`` topics (0..k-1)."""

    def __init__(self, k: int, fail: str | None = None) -> None:
        self.k, self.fail, self.calls = k, fail, []
        self.vectorizer_model = None
        self.custom_labels_ = [f"Thème {t}" for t in range(k)] or None
        self._outliers = 0
        self.topics_ = [t % max(k, 1) for t in range(N_DOCS)]

    def get_topic_freq(self) -> pd.DataFrame:
        return pd.DataFrame({"Topic": list(range(self.k)), "Count": [10] * self.k})

    def get_topic_info(self) -> pd.DataFrame:
        return pd.DataFrame(
            {"Topic": list(range(self.k)), "Name": [f"{t}_mot" for t in range(self.k)]}
        )

    def _figure(self, name: str, **kwargs) -> go.Figure:
        self.calls.append((name, kwargs))
        if name == self.fail:
            raise ValueError("boom")
        return go.Figure(
            go.Scattergl(x=[1, 2], y=[3, 4])
            if name == "visualize_documents"
            else go.Bar(x=[1], y=[2])
        )

    def visualize_topics(self, **kwargs):
        return self._figure("visualize_topics", **kwargs)

    def visualize_barchart(self, **kwargs):
        return self._figure("visualize_barchart", **kwargs)

    def visualize_hierarchy(self, **kwargs):
        return self._figure("visualize_hierarchy", **kwargs)

    def topics_over_time(self, docs, timestamps, topics=None, **kwargs):
        self.calls.append(("topics_over_time", {"n": len(docs)}))
        frame = pd.DataFrame(
            {"Topic": topics, "Timestamp": timestamps, "Words": "mot", "Frequency": 1}
        )
        return frame.groupby(["Topic", "Timestamp"], as_index=False).agg(
            Words=("Words", "first"), Frequency=("Frequency", "sum")
        )

    def visualize_topics_over_time(self, frame, **kwargs):
        self.calls.append(("frame", frame))
        return self._figure("visualize_topics_over_time", **kwargs)

    def visualize_documents(self, docs, **kwargs):
        self.calls.append(("documents", {"docs": list(docs), "topics": list(self.topics_)}))
        return self._figure("visualize_documents", **kwargs)


def inputs(k: int, dated: bool = True, months: int = 3):
    ids = [f"c{i:03d}" for i in range(N_DOCS)]
    created = (
        pd.date_range("2026-01-15", periods=months, freq="MS").repeat(-(-N_DOCS // months))[:N_DOCS]
        if dated
        else [None] * N_DOCS
    )
    comments_clean = pd.DataFrame(
        {
            "comment_id": ids,
            "text_clean": [f"texte numéro {i} sur le sujet {i % max(k, 1)}" for i in range(N_DOCS)],
            "in_model": True,
            "created_at": created,
        }
    )
    comment_topics = pd.DataFrame(
        {
            "comment_id": ids,
            "topic_id": [i % max(k, 1) for i in range(N_DOCS)],
            "created_at": created,
        }
    )
    rng = np.random.default_rng(0)
    embeddings = pd.DataFrame(
        {"comment_id": ids, "embedding": list(rng.normal(size=(N_DOCS, 8)).astype(np.float32))}
    )
    return comment_topics, comments_clean, embeddings


def views_for(model, k, **kw):
    ct, cc, emb = inputs(k, **kw)
    return {v.key: v for v in explorer.explorer_views(model, ct, cc, emb, TopicsParams(), 42)}


@pytest.mark.parametrize(
    ("k", "shown"),
    [
        (0, set()),
        (1, {"barchart", "over_time", "documents"}),
        (2, {"barchart", "hierarchy", "over_time", "documents"}),
        (3, {"topics_map", "barchart", "hierarchy", "over_time", "documents"}),
    ],
)
def test_views_drawn_for_the_number_of_topics(k, shown):
    views = views_for(StandInModel(k), k)
    assert list(views) == ["topics_map", "barchart", "hierarchy", "over_time", "documents"]
    assert {key for key, v in views.items() if v.shown} == shown
    for key, view in views.items():
        if key not in shown:
            assert view.note and view.note.startswith("Vue omise"), (key, view.note)
    if k < 3:
        assert f"{k} thème(s) trouvé(s)" in views["topics_map"].note


def test_no_dates_or_one_month_skip_the_time_view_with_a_french_note():
    assert (
        views_for(StandInModel(3), 3, dated=False)["over_time"].note
        == "Vue omise : les commentaires n'ont pas de date lisible."
    )
    assert (
        views_for(StandInModel(3), 3, months=1)["over_time"].note
        == "Vue omise : tous les commentaires datés sont du même mois."
    )


def test_a_failing_view_is_reported_never_raised():
    views = views_for(StandInModel(3, fail="visualize_hierarchy"), 3)
    assert not views["hierarchy"].shown
    assert views["hierarchy"].note == "Vue indisponible : erreur lors du tracé (ValueError)."
    assert all(views[k].shown for k in ("topics_map", "barchart", "over_time", "documents"))


def test_monthly_counts_are_exact_even_when_words_come_from_a_sample():
    model = StandInModel(3)
    ct, cc, emb = inputs(3)
    params = TopicsParams.model_validate({"explorer": {"over_time_sample": 100}})
    explorer.explorer_views(model, ct, cc, emb, params, 42)
    frame = next(v for name, v in model.calls if name == "frame")
    months = explorer.monthly_timestamps(ct["created_at"])
    expected = pd.DataFrame({"Topic": ct["topic_id"], "Timestamp": months}).value_counts()
    got = frame.set_index(["Topic", "Timestamp"])["Frequency"]
    assert got.sort_index().to_dict() == expected.sort_index().to_dict()


def test_documents_map_hides_texts_unless_asked_and_restores_the_model():
    model = StandInModel(3)
    before = list(model.topics_)
    ct, cc, emb = inputs(3)
    explorer.explorer_views(model, ct, cc, emb, TopicsParams(), 42)
    docs = next(v for name, v in model.calls if name == "documents")
    assert set(docs["docs"]) <= {"Thème 0", "Thème 1", "Thème 2"}  # the topic, never the comment
    assert model.topics_ == before  # the model's own assignments are put back
    model.calls.clear()
    explorer.explorer_views(model, ct, cc, emb, TopicsParams(), 42, show_texts=True)
    docs = next(v for name, v in model.calls if name == "documents")
    assert all(d.startswith("texte numéro") for d in docs["docs"])


def test_page_inlines_plotly_once_and_fetches_nothing():
    views = list(views_for(StandInModel(3), 3).values())
    page = explorer.render_explorer_html(views, "Explorateur <des> thèmes", "3 thèmes")
    assert page.count("* plotly.js v") == 1  # the bundle, inlined once for five figures
    assert page.count("Plotly.newPlot(") == 5
    assert "<script src=" not in page
    assert "Explorateur &lt;des&gt; thèmes" in page
    assert "default-src 'none'" in page and "connect-src 'none'" in page


def test_webgl_traces_become_svg():
    figure = go.Figure(
        [go.Scattergl(x=[1, 2], y=[3, 4], hovertext=["a", "b"], name="t"), go.Bar(x=[1], y=[1])]
    )
    converted = explorer._svg_traces(figure)
    assert [t.type for t in converted.data] == ["scatter", "bar"]
    assert list(converted.data[0].hovertext) == ["a", "b"] and converted.data[0].name == "t"


def test_skipped_views_show_their_note_and_no_plotly_is_needed():
    views = list(views_for(StandInModel(0), 0).values())
    page = explorer.render_explorer_html(views, "Explorateur", "0 thème")
    assert page.count('<p class="note">') == 5
    assert "plotly" not in page.lower()


def test_summary_lists_views_for_the_report():
    ct, cc, emb = inputs(2)
    page, summary = explorer.build_topic_explorer(StandInModel(2), ct, cc, emb, TopicsParams(), 42)
    assert summary["n_topics"] == 2 and summary["n_comments"] == N_DOCS
    assert [v["shown"] for v in summary["views"]] == [False, True, True, True, True]
    assert page.startswith("<!DOCTYPE html>")
