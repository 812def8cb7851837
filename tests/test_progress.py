"""Progress bars: drawn in a terminal, silent in batch jobs, forced by the env var or the
``progress`` parameter, and never a change in what a step computes."""

from __future__ import annotations

import io
import multiprocessing

import pytest

from ambassadeurs_pipeline import progress as p


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _reset(monkeypatch):
    monkeypatch.delenv(p.ENV_VAR, raising=False)
    p.configure("auto")
    yield
    p.configure("auto")


def _drawn(monkeypatch, stderr) -> str:
    """What a bar over 50 items writes to ``stderr``."""
    monkeypatch.setattr("sys.stderr", stderr)
    items = list(p.progress(range(50), desc="nettoyage", file=stderr, mininterval=0))
    assert items == list(range(50))  # the iterable passes through unchanged
    return stderr.getvalue()


def test_silent_when_stderr_is_not_a_terminal(monkeypatch):
    assert _drawn(monkeypatch, io.StringIO()) == ""
    assert not p.enabled(io.StringIO())


def test_drawn_in_a_terminal(monkeypatch):
    out = _drawn(monkeypatch, FakeTTY())
    assert "nettoyage" in out and "50/50" in out


@pytest.mark.parametrize("value", ["off", "0", "false", "OFF"])
def test_env_var_silences_a_terminal(monkeypatch, value):
    monkeypatch.setenv(p.ENV_VAR, value)
    assert _drawn(monkeypatch, FakeTTY()) == ""


@pytest.mark.parametrize("value", ["on", "1", "true"])
def test_env_var_forces_bars_in_batch(monkeypatch, value):
    monkeypatch.setenv(p.ENV_VAR, value)
    assert "50/50" in _drawn(monkeypatch, io.StringIO())


def test_parameter_switch_and_env_precedence(monkeypatch):
    p.configure("on")
    assert "50/50" in _drawn(monkeypatch, io.StringIO())
    p.configure("off")
    assert not p.enabled(FakeTTY())
    monkeypatch.setenv(p.ENV_VAR, "on")  # the environment wins over the parameter
    assert p.enabled(io.StringIO())


def test_unknown_mode_names_the_parameter():
    with pytest.raises(ValueError, match="parameter 'progress'"):
        p.configure("sometimes")


def test_worker_processes_stay_silent(monkeypatch):
    class Worker:
        name = "LokyProcess-1"

    monkeypatch.setattr(multiprocessing, "current_process", lambda: Worker())
    assert not p.enabled(FakeTTY())


def test_min_total_hides_bars_for_a_handful_of_items(monkeypatch):
    stderr = FakeTTY()
    monkeypatch.setattr("sys.stderr", stderr)
    list(p.progress(range(3), desc="petit", min_total=10, file=stderr))
    assert stderr.getvalue() == ""


def test_phases_count_and_name_the_running_phase(monkeypatch):
    stderr = FakeTTY()
    monkeypatch.setattr("sys.stderr", stderr)
    with p.phases("BERTopic", ["UMAP", "HDBSCAN", "représentations"]) as steps:
        steps._bar.fp = stderr  # noqa: SLF001 (write where the test reads)
        steps.done("UMAP")
        steps.done("HDBSCAN")
        steps._bar.refresh()  # noqa: SLF001
        assert steps._bar.n == 2  # noqa: SLF001
        assert "représentations" in steps._bar.desc  # noqa: SLF001
        steps.done()
        steps.done()  # extra calls never count past the number of phases
        assert steps._bar.n == 3  # noqa: SLF001


def test_bertopic_phase_wrappers_are_removed_after_the_fit():
    from ambassadeurs_pipeline.pipelines.topics.fit_phases import announce_fit_phases

    seen = []

    class Model:
        def _reduce_dimensionality(self, x):
            return x * 2

        def _cluster_embeddings(self, x):
            return x + 1

    class Steps:
        def start(self, name):
            seen.append(("start", name))

        def done(self, name=None):
            seen.append(("done", name))

    model = Model()
    with announce_fit_phases(model, Steps()):
        assert model._cluster_embeddings(model._reduce_dimensionality(3)) == 7  # same results
    assert seen == [("start", "UMAP"), ("done", "UMAP"), ("start", "HDBSCAN"), ("done", "HDBSCAN")]
    assert "_reduce_dimensionality" not in vars(model) and "_cluster_embeddings" not in vars(model)


# --- the blocks that feed the bars change no result ------------------------------------------

TEXTS = [
    "Bonjour, je suis Marie Dupont, écrivez-moi à marie.dupont@example.fr ou au 06 12 34 56 78.",
    "Mon endocrinologue a changé ma dose de Levothyrox, je me sens mieux depuis trois semaines.",
    "I had terrible nausea with this medication and stopped after two days.",
    "Est-ce que quelqu'un sait si la sécurité sociale rembourse les séances de psychologue ?",
    "Merci beaucoup pour vos réponses, ça m'aide énormément.",
    "Le Dr Martin à Lyon est super, il prend le temps d'expliquer.",
    "Quelqu'un a essayé l'insuline lente le soir plutôt que le matin ?",
] * 3


def test_pii_blocks_give_the_single_call_result(monkeypatch):
    from ambassadeurs_pipeline.pipelines.cleaning import nodes
    from ambassadeurs_pipeline.pipelines.cleaning.params import CleaningParams

    params = CleaningParams().pii
    whole = nodes.redact_distinct_texts(TEXTS, params)
    monkeypatch.setattr(nodes, "PII_BLOCK", 4)
    assert nodes.redact_distinct_texts(TEXTS, params) == whole


def test_language_blocks_give_the_single_call_result(monkeypatch):
    from ambassadeurs_pipeline.pipelines.cleaning import language

    args = (TEXTS, ["fr", "en"], 0.5, 10, 400, 120)
    whole = language.detect_languages_of(*args)
    monkeypatch.setattr(language, "LANGUAGE_BLOCK", 3)
    assert language.detect_languages_of(*args) == whole


def test_annotation_blocks_give_the_single_call_result(monkeypatch):
    import pandas as pd

    from ambassadeurs_pipeline.pipelines.topics import annotate
    from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams

    docs = pd.DataFrame(
        {
            "comment_id": [f"c{i}" for i in range(len(TEXTS))],
            "text_clean": TEXTS,
            "created_at": pd.date_range("2026-01-01", periods=len(TEXTS), freq="D"),
            "lang": ["fr", "fr", "en", "fr", "fr", "fr", "fr"] * 3,
        }
    )
    whole = annotate.annotate_frame(docs, TopicsParams())
    monkeypatch.setattr(annotate, "ANNOTATE_BLOCK", 5)
    pd.testing.assert_frame_equal(annotate.annotate_frame(docs, TopicsParams()), whole)


@pytest.mark.parametrize(
    ("value", "mode"),
    [("off", "off"), (False, "off"), (True, "on"), ("auto", "auto"), (None, "auto")],
)
def test_the_progress_parameter_reaches_the_helper(value, mode):
    """``--params progress=off`` (YAML may hand it over as a boolean) sets the mode before nodes run."""
    from ambassadeurs_pipeline.hooks import ProgressHook

    ProgressHook().after_catalog_created(parameters={"params:progress": value})
    assert p._mode == mode  # noqa: SLF001
