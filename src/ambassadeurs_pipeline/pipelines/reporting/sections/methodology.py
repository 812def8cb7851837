"""The methodology and model-card section."""

from __future__ import annotations

from typing import Any

from ..frames import as_text
from ..i18n import Translator
from ..params import ReportingParams
from .blocks import Bullets, Callout, Heading, Paragraph, SectionContent, Table
from .common import dig, first_of


def _scalar_rows(
    metrics: dict[str, Any] | None, t: Translator, skip: tuple[str, ...] = ()
) -> list[list[str]]:
    """``[name, value]`` for the numeric scalars of a metrics dict (nested parts are left out)."""
    rows = []
    for key, value in (metrics or {}).items():
        if key in skip or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        text = t.integer(value) if isinstance(value, int) else t.number(value, 3)
        rows.append([key.replace("_", " "), text])
    return rows


def _topic_quality_rows(quality: dict[str, Any], t: Translator) -> list[list[str]]:
    rows = []
    if quality.get("n_topics") is not None:
        rows.append([t("q_n_topics"), t.integer(quality["n_topics"])])
    coherence = first_of(quality, "npmi_coherence", "coherence")
    if coherence is not None:
        rows.append([t("q_coherence"), t.number(coherence, 3)])
    diversity = first_of(quality, "topic_diversity", "diversity")
    if diversity is not None:
        rows.append([t("q_diversity"), t.number(diversity, 2)])
    stability = first_of(quality, "stability.ari_mean", "stability_ari")
    if isinstance(stability, int | float):
        rows.append([t("q_stability"), t.number(stability, 2)])
    if quality.get("outlier_share") is not None:
        rows.append([t("q_outliers"), t.percent(quality["outlier_share"], 1)])
    clustering = quality.get("clustering")
    if isinstance(clustering, dict) and clustering.get("min_cluster_size") is not None:
        source = clustering.get("source") or {}
        rows.append(
            [
                t("q_clustering"),
                t(
                    "q_clustering_value",
                    mcs=t.integer(clustering["min_cluster_size"]),
                    mcs_source=t(
                        "q_user" if source.get("min_cluster_size") == "user" else "q_auto"
                    ),
                    nn=t.integer(clustering.get("n_neighbors") or 0),
                    nn_source=t("q_user" if source.get("n_neighbors") == "user" else "q_auto"),
                    n_fit=t.integer(clustering.get("n_fit") or 0),
                ),
            ]
        )
    return rows


def _pii_rows(pii: dict[str, Any], t: Translator) -> list[list[str]]:
    # The salt fingerprint stays out: it identifies the secret, which readers do not need.
    rows = []
    if pii.get("detector"):
        rows.append([t("pii_detector"), as_text(pii["detector"])])
    if pii.get("comments_with_pii") is not None:
        rows.append([t("pii_comments"), t.integer(pii["comments_with_pii"])])
    for kind, n in (pii.get("replaced_per_type") or {}).items():
        rows.append([t("pii_type", kind=as_text(kind)), t.integer(n)])
    return rows


def _sentiment_quality_blocks(backend: str, t: Translator) -> list[Any]:
    """Held-out figures of the trained French model, read from its shipped metadata.

    Only for the backends that use it; the figures were measured by
    ``benchmarks/train_sentiment_fr.py`` on test splits never used for training or tuning."""
    if not backend.startswith("modele_fr"):
        return []
    from ambassadeurs_pipeline.sentiment.model_fr import model_metadata

    meta = model_metadata()
    metrics = (meta.get("test_metrics") or {}).get("corpora") or {}
    weak = {
        name for name, source in (meta.get("sources") or {}).items() if source.get("weak_labels")
    }
    rows = [
        [
            as_text(name),
            t.integer(m.get("n")),
            t.percent(m.get("accuracy_pos_neg"), 1),
            t.number(m.get("macro_f1")),
            t.percent(m.get("negatives_labelled_neutre"), 1),
        ]
        for name, m in metrics.items()
        if name not in weak  # labels assumed, not annotated: not evidence
    ]
    if not rows:
        return []
    columns = [
        t("col_corpus"),
        t("col_n_texts"),
        t("col_accuracy_pos_neg"),
        t("col_macro_f1"),
        t("col_negatives_neutral"),
    ]
    return [
        Heading(t("method_sentiment_quality")),
        Table(columns, rows, note=t("method_sentiment_quality_note"), numeric=[1, 2, 3, 4]),
    ]


def section_methodology(
    topic_quality: dict[str, Any] | None,
    cleaning_report: dict[str, Any] | None,
    coverage_calibration: dict[str, Any] | None,
    persona_quality: dict[str, Any] | None,
    t: Translator,
    params: ReportingParams,
    run_parameters: dict[str, Any] | None = None,
) -> SectionContent:
    """Embedding backend, topic-quality and PII figures, calibration, limits, how to contest.

    Always available: the limits and the contest procedure do not depend on any stage.
    """
    section = SectionContent(key="methodology", title=t("sec_methodology"))
    blocks = section.blocks
    blocks.append(Paragraph(t("method_intro")))
    embedding = dig(run_parameters, "topics", "embedding", "backend")
    if embedding:
        blocks.append(Paragraph(t("method_embedding", backend=as_text(embedding))))
    sentiment = dig(run_parameters, "topics", "sentiment", "backend")
    if sentiment:
        blocks.append(Paragraph(t("method_sentiment", backend=as_text(sentiment))))
        blocks.extend(_sentiment_quality_blocks(str(sentiment), t))

    pii = dig(cleaning_report, "pii")
    calibration_rows = _scalar_rows(coverage_calibration, t)
    persona_rows = _scalar_rows(persona_quality, t)
    for title, rows, note in (
        (t("method_topic_quality"), _topic_quality_rows(topic_quality or {}, t), ""),
        (t("method_pii"), _pii_rows(pii, t) if isinstance(pii, dict) else [], ""),
        (
            t("method_gap_calibration"),
            calibration_rows,
            as_text(dig(coverage_calibration, "method")),
        ),
        (t("method_persona_quality"), persona_rows, as_text(dig(persona_quality, "message"))),
    ):
        blocks.append(Heading(title))
        if note:
            blocks.append(Paragraph(note))
        if rows:
            blocks.append(Table([t("col_metric"), t("col_value")], rows, numeric=[1]))
        elif not note:
            blocks.append(Callout(t("unavailable", reason=t("chart_no_data"))))
    blocks.append(Heading(t("method_limits")))
    blocks.append(Bullets([t(f"limit_{i}") for i in range(1, 5)]))
    blocks.append(Heading(t("method_contest")))
    blocks.append(Paragraph(t("contest_text", contact=params.contact)))
    return section
