"""Cleaning nodes: repair → pseudonymise → language, duplicates, spam → clean comments.

Personal data leaves the data at the second node: ``normalise_comments`` still carries the
raw text and the handle (its output is a MemoryDataset, never written); every later dataset
holds pseudonymised text and ``author_id`` only. Nothing is dropped silently: a comment ends
either in ``comments_clean`` (possibly flagged and out of modelling) or in
``comments_quarantine`` with a reason, and ``assemble_clean_comments`` raises if
``in != kept + quarantined``.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.execution import ExecutionParams, map_chunks, map_frame
from ambassadeurs_pipeline.execution.engine import LOCAL
from ambassadeurs_pipeline.privacy.pii import (
    PII_TYPES,
    PiiDetector,
    count_replacements,
    make_detector,
    redact_texts,
)
from ambassadeurs_pipeline.privacy.pseudonyms import pseudonymise_series, salt_fingerprint
from ambassadeurs_pipeline.progress import progress
from ambassadeurs_pipeline.text.normalise import has_words, junk_share, normalise_text

from .duplicates import find_duplicate_groups
from .language import detect_languages_of
from .params import CleaningParams, PiiParams
from .schema import (
    COMMENTS_CLEAN_COLUMNS,
    COMMENTS_CLEAN_EXTRA,
    COMMENTS_CLEAN_SCHEMA,
    COMMENTS_QUARANTINE_SCHEMA,
)
from .spam import score_spam

logger = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("fr", "en")
#: Quarantine reasons (rows with no usable text).
QUARANTINE_REASONS = (
    "texte_vide",
    "contenu_binaire",
    "emojis_seulement",
    "liens_seulement",
    "mentions_seulement",
    "sans_texte_utilisable",
)
_QUARANTINE_TEXT_CHARS = 500


class RowAccountingError(AssertionError):
    """Rows were lost or duplicated between the input and the outputs."""


def _quarantine_reason(
    raw: str, junk: float, emoji: int, urls: int, mentions: int, text: str, max_junk: float
) -> str | None:
    if not raw.strip():
        return "texte_vide"
    if junk > max_junk:
        return "contenu_binaire"
    if has_words(text):
        return None
    if urls:
        return "liens_seulement"
    if emoji:
        return "emojis_seulement"
    if mentions:
        return "mentions_seulement"
    return "texte_vide" if not text else "sans_texte_utilisable"


def normalise_comments(
    comments_raw: pd.DataFrame, params: CleaningParams, execution: ExecutionParams = LOCAL
) -> pd.DataFrame:
    """Repair and normalise each comment's text and decide whether it has usable text.

    Args:
        comments_raw: ``contracts.COMMENTS_RAW_SCHEMA`` (raw text and handles).
        params: ``cleaning`` parameters (``max_chars``, ``max_junk_share``).
        execution: where the row-wise work runs (``ambassadeurs_pipeline.execution``); same result either way.

    Returns:
        The raw columns (restricted: ``text`` and ``author`` are still there, for the
        pseudonymisation node only) plus ``text_norm, emoji_count, url_count,
        mention_count, text_truncated, quarantine_reason``.
    """
    frame = map_frame(normalise_frame, comments_raw, execution, params, label="normalise_comments")
    logger.info(
        "normalise_comments: %d comments, %d without usable text",
        len(frame),
        frame["quarantine_reason"].notna().sum(),
    )
    return frame


def normalise_frame(comments_raw: pd.DataFrame, params: CleaningParams) -> pd.DataFrame:
    """The row-wise body of :func:`normalise_comments` (one partition at a time on Dask)."""
    frame = comments_raw.drop(columns=["source_row"], errors="ignore").reset_index(drop=True).copy()
    raws = frame["text"].fillna("").astype(str).tolist()
    texts, emoji, urls, mentions, truncated, reasons = [], [], [], [], [], []
    for raw in progress(raws, desc="nettoyage: normalisation", unit="comm.", min_total=5000):
        junk = junk_share(raw)
        result = normalise_text(raw, max_chars=params.max_chars)
        full_length = (
            len(normalise_text(raw).text) if len(raw) > params.max_chars else len(result.text)
        )
        texts.append(result.text)
        emoji.append(result.emoji_count)
        urls.append(result.url_count)
        mentions.append(result.mention_count)
        truncated.append(full_length > len(result.text))
        reasons.append(
            _quarantine_reason(
                raw,
                junk,
                result.emoji_count,
                result.url_count,
                result.mention_count,
                result.text,
                params.max_junk_share,
            )
        )
    frame["text_norm"] = pd.array(texts, dtype="string")
    frame["emoji_count"] = np.array(emoji, dtype="int64")
    frame["url_count"] = np.array(urls, dtype="int64")
    frame["mention_count"] = np.array(mentions, dtype="int64")
    frame["text_truncated"] = np.array(truncated, dtype=bool)
    frame["quarantine_reason"] = pd.array(reasons, dtype="string")
    return frame


#: Texts per call of the PII detector (a progress-bar step; results are per text).
PII_BLOCK = 5_000


@lru_cache(maxsize=4)
def _detector(name: str, use_ner: bool, model: str, batch_size: int, options: tuple) -> PiiDetector:
    # Cached per process: loading the spaCy model costs seconds.
    if name == "default":
        return make_detector(name, use_ner=use_ner, model=model, batch_size=batch_size)
    return make_detector(name, **dict(options))


def get_detector(params: PiiParams) -> PiiDetector:
    return _detector(
        params.detector,
        params.use_ner,
        params.model,
        params.batch_size,
        tuple(sorted(params.options.items())),
    )


def redact_distinct_texts(
    texts: Sequence[str], params: PiiParams
) -> tuple[list[str], list[Counter[str]], int]:
    """Placeholders for each text, PII counts per text and how many texts spaCy NER read.

    Row-wise (the detector keeps no state that changes results), so it can run on Dask
    workers partition by partition; each worker loads the spaCy model once.
    """
    detector = get_detector(params)
    # The detector is cached per process: count this call's NER work as a difference.
    ner = [d for d in getattr(detector, "detectors", [detector]) if hasattr(d, "texts_run_")]
    ner_before = sum(d.texts_run_ for d in ner)
    texts = list(texts)
    redacted: list[str] = []
    counts: list[Counter[str]] = []
    # Blocks only feed the progress bar: redaction is per text, so blocks change nothing.
    with progress(
        total=len(texts), desc="nettoyage: données personnelles", unit="texte", min_total=PII_BLOCK
    ) as bar:
        for start in range(0, len(texts), PII_BLOCK):
            block_redacted, block_counts = redact_texts(texts[start : start + PII_BLOCK], detector)
            redacted += block_redacted
            counts += block_counts
            bar.update(len(block_redacted))
    return redacted, counts, int(sum(d.texts_run_ for d in ner) - ner_before)


def pseudonymise_comments(
    comments_normalised: pd.DataFrame,
    pseudonymisation_salt: str,
    params: CleaningParams,
    execution: ExecutionParams = LOCAL,
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Replace personal data in the text by typed placeholders and handles by pseudonyms.

    With ``execution.engine == "dask"`` the PII redaction of the distinct texts runs on the
    cluster; the author pseudonyms are always computed here, so the salt never leaves the
    Kedro process.

    Returns:
        The comments without ``text`` and ``author``: ``text_clean`` (placeholders),
        ``author_id`` (``privacy.pseudonyms.pseudonymise_series``), ``pii_replaced``; and a
        summary (replacements per type, NER workload, salt fingerprint).

    Raises:
        SaltError: the salt is missing or too short.
    """
    frame = comments_normalised
    # Cross-posted texts are common: detect once per distinct text. De-duplicating here,
    # before partitioning, also keeps the NER workload count equal to the local run's.
    texts = frame["text_norm"].fillna("").astype(str)
    uniques = pd.unique(texts)
    redacted, counts, ner_texts_run = [], [], 0
    for part_redacted, part_counts, part_ner in map_chunks(
        redact_distinct_texts, list(uniques), execution, params.pii, label="pseudonymise_comments"
    ):
        redacted += part_redacted
        counts += part_counts
        ner_texts_run += part_ner
    position = pd.Series(np.arange(len(uniques)), index=uniques)
    where = position.reindex(texts.to_numpy()).to_numpy()
    text_clean = [redacted[i] for i in where]
    per_row = [counts[i] for i in where]
    total: Counter[str] = Counter()
    for c in per_row:
        total.update(c)

    out = frame.drop(columns=["text", "author", "text_norm"])
    out.insert(1, "author_id", pseudonymise_series(frame["author"], pseudonymisation_salt))
    out["text_clean"] = pd.array(text_clean, dtype="string")
    out["pii_replaced"] = np.array([count_replacements(c) for c in per_row], dtype="int64")
    summary = {
        "detector": params.pii.detector,
        "replaced_per_type": {t: int(total.get(t, 0)) for t in PII_TYPES},
        # Identifiers redacted on their shape although their check digit fails (a mistyped
        # IBAN or NIR still identifies someone): recorded here for the audit.
        "checksum_invalid_per_type": {
            t: int(total.get(f"{t}:checksum_invalid", 0)) for t in ("IBAN", "NIR", "CARTE")
        },
        "comments_with_pii": int((out["pii_replaced"] > 0).sum()),
        "distinct_texts": len(uniques),
        "ner_texts_run": ner_texts_run,
        "salt_fingerprint": salt_fingerprint(pseudonymisation_salt),
    }
    logger.info("pseudonymise_comments: replaced %s", summary["replaced_per_type"])
    return out, summary


def detect_languages(
    comments_pseudonymised: pd.DataFrame,
    params: CleaningParams,
    language: str,
    execution: ExecutionParams = LOCAL,
) -> pd.DataFrame:
    """``comment_id, lang, lang_confidence`` (``und`` for quarantined or too-short texts).

    Raises:
        ValueError: ``language`` is not a supported target language.
    """
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(
            f"params 'language': {language!r} is not supported; use one of {SUPPORTED_LANGUAGES}."
        )
    frame = comments_pseudonymised
    usable = frame["quarantine_reason"].isna().to_numpy()
    texts = frame["text_clean"].fillna("").astype(str).where(usable, "").tolist()
    candidates = sorted(set(params.language.candidates) | {language})
    langs, confidences = [], []
    for part_langs, part_conf in map_chunks(
        _detect_chunk, texts, execution, candidates, params.language, label="detect_languages"
    ):
        langs += part_langs
        confidences += part_conf
    return pd.DataFrame(
        {
            "comment_id": frame["comment_id"].to_numpy(),
            "lang": pd.array(langs, dtype="string"),
            "lang_confidence": np.array(confidences, dtype="float64"),
        }
    )


def _detect_chunk(
    texts: Sequence[str], candidates: list[str], p: Any
) -> tuple[list[str], list[float]]:
    return detect_languages_of(
        texts, candidates, p.min_confidence, p.min_letters, p.max_chars, p.low_accuracy_from_chars
    )


def find_duplicates(comments_pseudonymised: pd.DataFrame, params: CleaningParams) -> pd.DataFrame:
    """Exact and near-duplicate groups among comments with usable text (see ``duplicates``)."""
    frame = comments_pseudonymised[comments_pseudonymised["quarantine_reason"].isna()]
    p = params.duplicates
    return find_duplicate_groups(
        frame, "text_clean", p.threshold, p.num_perm, p.shingle_chars, p.min_chars
    )


def flag_spam(
    comments_pseudonymised: pd.DataFrame, comment_duplicates: pd.DataFrame, params: CleaningParams
) -> pd.DataFrame:
    """Spam score, reasons and bot-like authors among comments with usable text."""
    frame = comments_pseudonymised[comments_pseudonymised["quarantine_reason"].isna()]
    return score_spam(frame, comment_duplicates, params.spam)


def _exclusion_reasons(frame: pd.DataFrame, params: CleaningParams, language: str) -> pd.Series:
    parts = []
    if params.language.exclude_other_languages:
        parts.append(
            np.where(frame["lang"].ne(language), "langue:" + frame["lang"].astype(str), "")
        )
    if params.duplicates.exclude_duplicates:
        parts.append(np.where(frame["is_duplicate"], "doublon", ""))
    if params.spam.exclude_spam:
        parts.append(np.where(frame["is_spam"], "spam", ""))
    if params.spam.exclude_bot_authors:
        parts.append(np.where(frame["is_bot_author"], "auteur_robot", ""))
    if not parts:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    joined = [";".join(p for p in row if p) for row in zip(*parts)]
    return pd.Series(joined, index=frame.index, dtype="string").replace("", pd.NA)


def assemble_clean_comments(
    comments_pseudonymised: pd.DataFrame,
    comment_languages: pd.DataFrame,
    comment_duplicates: pd.DataFrame,
    comment_spam: pd.DataFrame,
    pii_summary: dict[str, Any],
    params: CleaningParams,
    language: str,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """Join the flags, decide ``in_model`` and account for every row.

    Returns:
        ``comments_clean`` (``COMMENTS_CLEAN_SCHEMA``), ``comments_quarantine``
        (``COMMENTS_QUARANTINE_SCHEMA``) and ``cleaning_report``.

    Raises:
        RowAccountingError: ``rows in != kept + quarantined`` or a comment id is repeated.
    """
    base = comments_pseudonymised
    n_in = len(base)
    quarantined = base["quarantine_reason"].notna()
    kept = base[~quarantined]
    merged = (
        kept.merge(comment_languages, on="comment_id", how="left", validate="one_to_one")
        .merge(comment_duplicates, on="comment_id", how="left", validate="one_to_one")
        .merge(comment_spam, on="comment_id", how="left", validate="one_to_one")
    )
    defaults = {
        "lang": "und",
        "lang_confidence": 0.0,
        "is_duplicate": False,
        "duplicate_group_size": 1,
        "duplicate_authors": 1,
        "is_spam": False,
        "spam_score": 0.0,
        "is_bot_author": False,
    }
    merged = merged.fillna(value=defaults)
    merged = merged.astype(
        {
            "is_duplicate": bool,
            "is_spam": bool,
            "is_bot_author": bool,
            "duplicate_group_size": "int64",
            "duplicate_authors": "int64",
            "lang": "string",
            "spam_score": "float64",
            "lang_confidence": "float64",
        }
    )
    merged["exclusion_reason"] = _exclusion_reasons(merged, params, language).to_numpy()
    merged["in_model"] = merged["exclusion_reason"].isna().to_numpy()
    clean = merged[COMMENTS_CLEAN_COLUMNS + COMMENTS_CLEAN_EXTRA].reset_index(drop=True)
    for column in (
        "comment_id",
        "author_id",
        "thread_id",
        "parent_id",
        "source",
        "text_clean",
        "duplicate_group",
        "spam_reason",
        "exclusion_reason",
    ):
        clean[column] = clean[column].astype("string")
    clean = COMMENTS_CLEAN_SCHEMA.validate(clean)

    quarantine = base[quarantined].rename(columns={"quarantine_reason": "reason"})
    quarantine = quarantine.assign(
        text_clean=quarantine["text_clean"].fillna("").str.slice(0, _QUARANTINE_TEXT_CHARS)
    )
    quarantine = quarantine[list(COMMENTS_QUARANTINE_SCHEMA.columns)].reset_index(drop=True)
    for column in (
        "comment_id",
        "author_id",
        "thread_id",
        "parent_id",
        "source",
        "reason",
        "text_clean",
    ):
        quarantine[column] = quarantine[column].astype("string")
    quarantine = COMMENTS_QUARANTINE_SCHEMA.validate(quarantine)

    check_row_accounting(base["comment_id"], clean["comment_id"], quarantine["comment_id"])
    report = build_cleaning_report(n_in, clean, quarantine, pii_summary, params, language)
    logger.info(
        "cleaning: rows in = %d = %d kept + %d quarantined; %d in model",
        n_in,
        len(clean),
        len(quarantine),
        int(clean["in_model"].sum()),
    )
    return clean, quarantine, report


def check_row_accounting(
    ids_in: pd.Series, ids_kept: pd.Series, ids_quarantined: pd.Series
) -> None:
    """Raise :class:`RowAccountingError` unless every input id is in exactly one output."""
    n_in, n_kept, n_q = len(ids_in), len(ids_kept), len(ids_quarantined)
    if n_in != n_kept + n_q:
        raise RowAccountingError(
            f"cleaning lost rows: {n_in} in != {n_kept} kept + {n_q} quarantined"
        )
    out = pd.concat([ids_kept, ids_quarantined], ignore_index=True)
    if out.duplicated().any() or set(out) != set(ids_in):
        raise RowAccountingError("cleaning outputs do not hold each input comment exactly once")


def _counts(series: pd.Series) -> dict[str, int]:
    return {str(k): int(v) for k, v in series.value_counts().items()}


def build_cleaning_report(
    n_in: int,
    clean: pd.DataFrame,
    quarantine: pd.DataFrame,
    pii_summary: dict[str, Any],
    params: CleaningParams,
    language: str,
) -> dict[str, Any]:
    """Counts only (no text, no id): rows in/kept/quarantined, flags per reason, PII."""
    spam_reasons = clean["spam_reason"].dropna().str.split(";").explode()
    exclusion = clean["exclusion_reason"].dropna().str.split(";").explode()
    groups = clean.loc[clean["duplicate_group"].notna(), "duplicate_group"]
    return {
        "rows_in": n_in,
        "rows_kept": len(clean),
        "rows_quarantined": len(quarantine),
        "invariant_in_equals_kept_plus_quarantined": n_in == len(clean) + len(quarantine),
        "quarantine_reasons": _counts(quarantine["reason"]),
        "in_model": int(clean["in_model"].sum()),
        "excluded_from_model": int((~clean["in_model"]).sum()),
        "exclusion_reasons": _counts(
            exclusion.str.replace(r"^langue:.*", "langue_non_cible", regex=True)
        ),
        "target_language": language,
        "languages": _counts(clean["lang"]),
        "duplicates": {
            "comments_marked_duplicate": int(clean["is_duplicate"].sum()),
            "groups": int(groups.nunique()),
            "comments_in_groups": int(len(groups)),
            "threshold": params.duplicates.threshold,
        },
        "spam": {
            "comments_flagged": int(clean["is_spam"].sum()),
            "reasons": _counts(spam_reasons),
            "threshold": params.spam.threshold,
        },
        "bot_authors": {
            "authors": int(clean.loc[clean["is_bot_author"], "author_id"].nunique()),
            "comments": int(clean["is_bot_author"].sum()),
        },
        "text_repair": {
            "truncated": int(clean["text_truncated"].sum()),
            "urls_replaced": int(clean["url_count"].sum() + quarantine["url_count"].sum()),
            "mentions_replaced": int(clean["mention_count"].sum()),
            "emoji_removed": int(clean["emoji_count"].sum() + quarantine["emoji_count"].sum()),
        },
        "pii": pii_summary,
    }
