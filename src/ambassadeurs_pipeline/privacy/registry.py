"""Declarative registry of what the catalog holds about people, for erasure and retention.

Every dataset of the catalog is classified here exactly once (``tests/privacy/test_erase.py``
checks it against ``conf/base/catalog*.yml``), so a new per-row dataset cannot be forgotten:
the test fails until someone says which column identifies its rows.

- :data:`ROW_DATASETS`: one row per comment, per author or per campaign unit. Erasure and
  retention delete the matching rows in every version, in place.
- :data:`DERIVED_DATASETS`: aggregates and fitted models that cannot be edited row-wise
  (a topic model, persona cards, a report). Erasure invalidates them: versions that mention
  the person are deleted, and a marker asks for a full ``kedro run``.
- :data:`INPUT_DATASETS`: the organisation's own exports. The pipeline never writes them;
  erasure reads them (to find the person's comment ids) and reports what is left at source.
- :data:`NOT_PERSONAL`: no data about people (the content catalog, run fingerprints,
  the processing register).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

#: How a column identifies a person's rows.
#: ``comment_id``: a comment id; ``author_id``: a pseudonym ``au_…``; ``author_raw``: a raw
#: handle (pseudonymised with the configured salt before matching); ``unit_id``: a campaign
#: unit, pseudonymised like authors.
IdKind = Literal["comment_id", "author_id", "author_raw", "unit_id"]


@dataclass(frozen=True)
class RowDataset:
    """A dataset with one row per comment, author or unit.

    Attributes:
        keys: column → kind; a row goes when ANY key column matches.
        links: columns that hold another comment's id (thread root, parent, duplicate group):
            when that comment is erased, the link is replaced by a tombstone, so other people's
            rows stay (their thread structure too) but no longer name the erased comment.
        created_at: the date column retention reads, if any.
    """

    keys: dict[str, IdKind]
    links: tuple[str, ...] = ()
    created_at: str | None = None
    notes: str = ""


_COMMENT_LINKS = ("thread_id", "parent_id")

ROW_DATASETS: dict[str, RowDataset] = {
    # ingestion (restricted raw layer: raw handles)
    "comments_raw": RowDataset(
        {"comment_id": "comment_id", "author": "author_raw"}, _COMMENT_LINKS, "created_at"
    ),
    "ingestion_quarantine": RowDataset(
        {"record_id": "comment_id", "value": "author_raw"},
        notes="value holds the offending cell, a raw handle when column == 'author'",
    ),
    "comments_rejected_at_ingestion": RowDataset(
        {"record_id": "comment_id", "value": "author_raw"}
    ),
    # cleaning
    "comments_pseudonymised": RowDataset(
        {"comment_id": "comment_id", "author_id": "author_id"}, _COMMENT_LINKS, "created_at"
    ),
    "comment_languages": RowDataset({"comment_id": "comment_id"}),
    "comment_duplicates": RowDataset({"comment_id": "comment_id"}, ("duplicate_group",)),
    "comment_spam": RowDataset({"comment_id": "comment_id"}),
    "comments_clean": RowDataset(
        {"comment_id": "comment_id", "author_id": "author_id"},
        (*_COMMENT_LINKS, "duplicate_group"),
        "created_at",
    ),
    # reporting reads the same files as comments_clean (to check quotes): same rows
    "report_quote_corpus": RowDataset(
        {"comment_id": "comment_id", "author_id": "author_id"},
        (*_COMMENT_LINKS, "duplicate_group"),
        "created_at",
    ),
    "comments_quarantine": RowDataset(
        {"comment_id": "comment_id", "author_id": "author_id"}, _COMMENT_LINKS, "created_at"
    ),
    # topics
    "comment_embeddings": RowDataset({"comment_id": "comment_id"}),
    "topic_assignments": RowDataset({"comment_id": "comment_id"}),
    "comment_annotations": RowDataset({"comment_id": "comment_id"}, created_at="created_at"),
    "comment_topics": RowDataset({"comment_id": "comment_id"}, created_at="created_at"),
    # topics_update (monthly): per-comment rows of each export, and the cumulative history
    # (the _previous entry reads the same versioned file)
    "new_comment_embeddings": RowDataset({"comment_id": "comment_id"}),
    "new_topic_assignments": RowDataset({"comment_id": "comment_id"}),
    "new_comment_annotations": RowDataset({"comment_id": "comment_id"}, created_at="created_at"),
    "emerging_topic_members": RowDataset({"comment_id": "comment_id"}),
    "monthly_comment_topics": RowDataset({"comment_id": "comment_id"}, created_at="created_at"),
    "comment_topics_history": RowDataset({"comment_id": "comment_id"}, created_at="created_at"),
    "comment_topics_history_previous": RowDataset(
        {"comment_id": "comment_id"}, created_at="created_at"
    ),
    # gaps: per-question evidence rows
    "question_groups": RowDataset(
        {"comment_id": "comment_id", "author_id": "author_id"}, _COMMENT_LINKS, "created_at"
    ),
    "question_answers": RowDataset({"comment_id": "comment_id"}),
    # personas
    "author_features": RowDataset({"author_id": "author_id"}),
    "excluded_authors": RowDataset({"author_id": "author_id"}),
    "author_personas": RowDataset({"author_id": "author_id"}),
    "ambassador_candidates": RowDataset({"author_id": "author_id"}),
    # uplift: campaign joins
    "campaign_units": RowDataset({"unit_id": "unit_id"}),
}

#: Aggregates and models: recomputed by the next full run, never edited row-wise.
DERIVED_DATASETS: frozenset[str] = frozenset(
    {
        # ingestion / cleaning summaries (counts only, but counts include the person)
        "comments_ingestion_summary",
        "catalog_ingestion_summary",
        "ingestion_report",
        "pii_summary",
        "cleaning_report",
        # topics: fitted models hold vocabulary and representative documents
        "embedding_model",
        "topic_model",
        "topic_info",
        "topic_keywords",
        "topics_over_time",
        "topic_trends",
        "topic_sentiment",
        "bad_buzz_alerts",
        "topic_quality",
        # the explorer page: topic words and a map of sampled comments (no text, but their
        # positions and topics are computed from everyone's comments)
        "topic_explorer_html",
        "topic_explorer_summary",
        # topics_update: emerging topics quote representative comments; the calibration
        # and the summary are statistics over everyone's comments
        "novelty_calibration",
        "emerging_topics",
        "topics_update_summary",
        # gaps: group-level tables quote example questions
        "group_answer_supply",
        "group_coverage",
        "gap_scores",
        "faq",
        "information_gaps",
        "coverage_calibration",
        "gaps_report",
        # personas
        "persona_quality",
        "persona_cards",
        "persona_cards_md",
        # uplift
        "campaign_preparation",
        "uplift_design_checks",
        "uplift_heterogeneity",
        "uplift_targeting_summary",
        "uplift_covariate_balance",
        "uplift_arm_effects",
        "uplift_segment_effects",
        "uplift_targeting_metrics",
        "uplift_qini_curves",
        "uplift_power",
        "uplift_results",
        "uplift_verdict",
        "uplift_effects_figure",
        "uplift_segments_figure",
        "uplift_qini_figure",
        # reporting
        "report_html",
        "report_run_metadata",
        # stage status records (ambassadeurs_pipeline.status): reasons and counts only
        "topics_fit_status",
        "topics_status",
        "gaps_status",
        "personas_status",
        "uplift_status",
        "run_status",
    }
)

#: Fitted models: binary, so they cannot be searched for the person; every version goes.
MODEL_DATASETS: frozenset[str] = frozenset({"embedding_model", "topic_model"})

#: The organisation's exports (read, never written by the pipeline).
INPUT_DATASETS: dict[str, dict[str, IdKind]] = {
    "comments_export": {"id": "comment_id", "author": "author_raw"},
    "campaign_export": {"author": "unit_id", "unit": "unit_id"},
    "content_catalog_export": {},
}

NOT_PERSONAL: frozenset[str] = frozenset(
    {
        "content_catalog",
        "catalog_rejected_at_ingestion",
        "content_catalog_embeddings",
        "report_input_fingerprints",
        "report_dataset_versions",
        "processing_register_fr",
        "processing_register_en",
        "comments_normalised",  # memory only, never written (catalog_cleaning.yml)
    }
)


@dataclass
class Classification:
    """Where each catalog entry falls; ``unclassified`` must be empty."""

    rows: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    not_personal: list[str] = field(default_factory=list)
    unclassified: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # registered but no longer in the catalog


def classify(catalog_names: set[str]) -> Classification:
    """Sort catalog entry names into the registry's classes."""
    out = Classification()
    for name in sorted(catalog_names):
        if name.startswith("_") or name.startswith("params:"):
            continue
        if name in ROW_DATASETS:
            out.rows.append(name)
        elif name in DERIVED_DATASETS:
            out.derived.append(name)
        elif name in INPUT_DATASETS:
            out.inputs.append(name)
        elif name in NOT_PERSONAL:
            out.not_personal.append(name)
        else:
            out.unclassified.append(name)
    known = set(ROW_DATASETS) | DERIVED_DATASETS | set(INPUT_DATASETS) | NOT_PERSONAL
    out.stale = sorted(known - set(catalog_names))
    return out
