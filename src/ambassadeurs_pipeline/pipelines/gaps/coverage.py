"""Coverage: does the organisation's own content already answer a question group?

Catalog items (title + summary/body) are embedded with the same fitted backend as the
comments (``embedding_model``), so question and item vectors live in one space.

Similarity is a hybrid: ``coverage.lexical_weight`` × cosine of TF-IDF over light stems
(accents stripped, plural dropped, first ``coverage.stem_length`` letters) + the rest × the
embedding cosine. Measured on the demo corpora, the embedding cosine alone does not tell a
catalogued question (median best similarity 0.26) from an uncovered one (0.27), while the
shared words do (0.24 vs 0.11): an item answers a question when it uses its words.

The similarity above which a question counts as covered is calibrated on held-out pairs
from the catalog itself: an item's title against its own summary is a positive pair (same
content, different words), against every other item's summary a negative one (other content,
often on the same theme: "nutrition" is not "nutrition en voyage"). The threshold that
maximises F1 (or reaches a target precision) is kept; a two-fold split by item gives its
out-of-sample precision and recall. Without a catalog coverage is "inconnue", never 0.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix

from .faq import GROUP_NOISE, question_focus
from .params import GapsParams
from .vocabulary import STOP_WORDS_FR

logger = logging.getLogger(__name__)

COVERAGE_UNKNOWN = "inconnue"
COVERED = "couvert"
PARTIAL = "partiel"
NOT_COVERED = "non couvert"


def catalog_is_usable(
    content_catalog: pd.DataFrame | None, ingestion_report: dict[str, Any] | None
) -> bool:
    """A catalog was provided and kept at least one item."""
    provided = ((ingestion_report or {}).get("content_catalog") or {}).get("provided", True)
    return bool(provided) and content_catalog is not None and len(content_catalog) > 0


def item_text(content_catalog: pd.DataFrame) -> pd.Series:
    title = content_catalog["title"].astype("string").fillna("")
    summary = content_catalog["summary"].astype("string").fillna("")
    return (title + ". " + summary).str.strip(". ")


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


_STOP_PLAIN = frozenset(_strip_accents(w) for w in STOP_WORDS_FR)
_WORD = re.compile(r"[^\W\d_]{3,}")


def light_stems(text: str, stem_length: int) -> list[str]:
    """Content words of ``text`` cut to ``stem_length`` letters (accents and plural dropped).

    Truncation is a crude French stemmer that needs no model: "allaitement", "allaiter" and
    "allaitant" share "allait"; "voyages" and "voyager" share "voyage".
    """
    stems = []
    for token in _WORD.findall(_strip_accents(str(text).lower())):
        if token in _STOP_PLAIN:
            continue
        if len(token) > 3 and token[-1] in "sx":
            token = token[:-1]
        stems.append(token[:stem_length])
    return stems


def hybrid_similarity(
    left_texts: list[str],
    right_texts: list[str],
    left_vectors: np.ndarray,
    right_vectors: np.ndarray,
    lexical_weight: float,
    stem_length: int,
) -> np.ndarray:
    """``lexical_weight`` × stem TF-IDF cosine + (1 − ``lexical_weight``) × embedding cosine.

    The TF-IDF vocabulary and weights are fitted on both sides together, so a word that
    every item and question uses ("traitement") weighs little. Vectors must be L2-normalised.
    """
    similarity = (1.0 - lexical_weight) * (left_vectors @ right_vectors.T)
    if lexical_weight > 0:
        vectorizer = TfidfVectorizer(
            analyzer=lambda t: light_stems(t, stem_length), sublinear_tf=True
        )
        try:
            vectorizer.fit(list(left_texts) + list(right_texts))
        except ValueError:  # no content word at all: the lexical part is 0
            return similarity
        lexical = (vectorizer.transform(left_texts) @ vectorizer.transform(right_texts).T).toarray()
        similarity = similarity + lexical_weight * lexical
    return similarity


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def embed_content_catalog(content_catalog: pd.DataFrame, embedding_model: Any) -> pd.DataFrame:
    """``item_id`` + ``embedding`` (float32 list) of every catalog item; empty without catalog."""
    if content_catalog is None or content_catalog.empty:
        return pd.DataFrame(
            {"item_id": pd.Series(dtype="string"), "embedding": pd.Series(dtype=object)}
        )
    vectors = _normalise(embedding_model.transform(item_text(content_catalog).tolist()))
    return pd.DataFrame(
        {
            "item_id": content_catalog["item_id"].astype("string").to_numpy(),
            "embedding": list(vectors),
        }
    )


def _choose_threshold(
    pos: np.ndarray, neg: np.ndarray, criterion: str, target_precision: float
) -> float:
    """Threshold on similarity (predict covered when ``sim >= t``) by the chosen criterion."""
    scores = np.concatenate([pos, neg])
    truth = np.concatenate([np.ones(len(pos)), np.zeros(len(neg))])
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], truth[order]
    tp = np.cumsum(y)
    fp = np.cumsum(1 - y)
    precision = tp / (tp + fp)
    recall = tp / max(len(pos), 1)
    f1 = np.where(
        precision + recall > 0, 2 * precision * recall / np.maximum(precision + recall, 1e-12), 0
    )
    # Only cut between distinct scores.
    last_of_tie = np.r_[s[1:] != s[:-1], True]
    if criterion == "precision":
        ok = np.flatnonzero(last_of_tie & (precision >= target_precision))
        if len(ok) == 0:
            return float(s[0]) + 1e-6
        i = ok[-1]
    else:
        candidates = np.flatnonzero(last_of_tie)
        i = candidates[np.argmax(f1[candidates])]
    # Midway to the next lower score so that the threshold does not sit on a training pair.
    nxt = s[i + 1] if i + 1 < len(s) else s[i] - 0.05
    return float((s[i] + nxt) / 2)


def _rates(pos: np.ndarray, neg: np.ndarray, t: float) -> dict[str, float]:
    tp = float((pos >= t).sum())
    fp = float((neg >= t).sum())
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / len(pos) if len(pos) else float("nan")
    f1 = (
        2 * precision * recall / (precision + recall)
        if precision and recall and precision + recall
        else 0.0
    )
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _auc(pos: np.ndarray, neg: np.ndarray) -> float:
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    ranks = pd.Series(np.concatenate([pos, neg])).rank().to_numpy()
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def calibrate_coverage(
    content_catalog: pd.DataFrame,
    embedding_model: Any,
    ingestion_report: dict[str, Any],
    params: GapsParams,
) -> dict[str, Any]:
    """Set the coverage threshold on held-out title/summary pairs of the catalog.

    Returns:
        ``coverage_calibration``: ``status`` (``calibré``, ``valeur par défaut`` or
        ``inconnue``), ``threshold``, ``method`` (French sentence), pair counts, AUC,
        in-sample and two-fold out-of-sample precision/recall/F1, similarity quantiles.
    """
    cfg = params.coverage
    backend = type(embedding_model).__name__ if embedding_model is not None else None
    if not catalog_is_usable(content_catalog, ingestion_report):
        return {
            "status": COVERAGE_UNKNOWN,
            "threshold": None,
            "method": "Aucun catalogue de contenus fourni : couverture inconnue (ni 0 ni 1).",
            "backend": backend,
        }
    both = content_catalog[
        content_catalog["title"].astype("string").str.strip().ne("")
        & content_catalog["summary"].astype("string").str.strip().ne("")
    ].reset_index(drop=True)
    if len(both) < max(cfg.min_positive_pairs, 2):
        return {
            "status": "valeur par défaut",
            "threshold": cfg.fallback_threshold,
            "method": (
                f"Seulement {len(both)} contenus avec titre et résumé (< {max(cfg.min_positive_pairs, 2)}) : "
                f"seuil par défaut gaps.coverage.fallback_threshold = {cfg.fallback_threshold}."
            ),
            "backend": backend,
            "n_positive_pairs": len(both),
        }
    title_texts = both["title"].astype(str).tolist()
    summary_texts = both["summary"].astype(str).tolist()
    titles = _normalise(embedding_model.transform(title_texts))
    summaries = _normalise(embedding_model.transform(summary_texts))
    sims = hybrid_similarity(
        title_texts, summary_texts, titles, summaries, cfg.lexical_weight, cfg.stem_length
    )
    n = len(both)
    eye = np.eye(n, dtype=bool)

    def pairs(items: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        sub = sims[np.ix_(items, items)]
        mask = np.eye(len(items), dtype=bool)
        return sub[mask], sub[~mask]

    # Two folds by item (alternating): threshold from one fold, measured on the other.
    folds = [np.arange(0, n, 2), np.arange(1, n, 2)]
    held_out = []
    for fit, test in (folds, folds[::-1]):
        if len(fit) >= 2 and len(test) >= 2:
            t = _choose_threshold(*pairs(fit), cfg.criterion, cfg.target_precision)
            if cfg.criterion == "precision" and not (pairs(fit)[0] >= t).any():
                t = _choose_threshold(*pairs(fit), "f1", cfg.target_precision)
            held_out.append({"threshold": round(t, 4), **_rates(*pairs(test), t)})
    pos, neg = sims[eye], sims[~eye]
    criterion = cfg.criterion
    threshold = _choose_threshold(pos, neg, criterion, cfg.target_precision)
    target = "F1 maximal" if criterion == "f1" else f"précision ≥ {cfg.target_precision:.0%}"
    if criterion == "precision" and not (pos >= threshold).any():
        # The target precision is out of reach: a threshold above every pair would call
        # nothing covered. Fall back to the F1 optimum and say so.
        criterion = "f1"
        threshold = _choose_threshold(pos, neg, "f1", cfg.target_precision)
        target = f"F1 maximal, car la précision cible {cfg.target_precision:.0%} est inatteignable"
    result = {
        "status": "calibré",
        "threshold": round(threshold, 4),
        "method": (
            f"Seuil de similarité hybride ({cfg.lexical_weight:.0%} mots communs, reste plongements) "
            f"choisi ({target}) sur {n} paires positives (titre d'un "
            f"contenu vs son propre résumé) et {n * (n - 1)} négatives (titre vs résumé d'un autre "
            "contenu) ; précision/rappel hors échantillon par validation croisée à 2 plis sur les contenus."
        ),
        "criterion": criterion,
        "backend": backend,
        "lexical_weight": cfg.lexical_weight,
        "stem_length": cfg.stem_length,
        "n_positive_pairs": int(n),
        "n_negative_pairs": int(n * (n - 1)),
        "auc": round(_auc(pos, neg), 4),
        "in_sample": _rates(pos, neg, threshold),
        "held_out_folds": held_out,
        "positive_similarity_quantiles": {
            q: round(float(np.quantile(pos, float(q))), 4) for q in ("0.1", "0.5", "0.9")
        },
        "negative_similarity_quantiles": {
            q: round(float(np.quantile(neg, float(q))), 4) for q in ("0.5", "0.9", "0.99")
        },
    }
    logger.info("coverage threshold %.3f (%s); held out: %s", threshold, cfg.criterion, held_out)
    return result


def match_coverage(
    question_groups: pd.DataFrame,
    comment_embeddings: pd.DataFrame,
    content_catalog: pd.DataFrame,
    catalog_embeddings: pd.DataFrame,
    coverage_calibration: dict[str, Any],
    params: GapsParams,
) -> pd.DataFrame:
    """Best catalog items of every question group and its coverage status.

    Similarities are ``hybrid_similarity`` of each question's asking sentences and the item's
    title + summary. A group's similarity to an item is the mean over its questions; the best item is the
    one with the highest mean. ``covered_share`` is the share of the group's questions whose
    best item reaches the calibrated threshold; status ``couvert`` when the best item's mean
    similarity reaches it, ``partiel`` when at least ``coverage.partial_share`` of questions
    do, ``non couvert`` otherwise, ``inconnue`` without catalog.
    """
    columns = [
        "group_id",
        "coverage_status",
        "covered_share",
        "best_item_id",
        "best_item_title",
        "best_item_url",
        "best_item_similarity",
        "coverage_threshold",
        "top_items",
    ]
    grouped = question_groups[question_groups["group_id"] != GROUP_NOISE]
    threshold = coverage_calibration.get("threshold")
    if grouped.empty:
        return pd.DataFrame(columns=columns)
    if threshold is None or catalog_embeddings is None or catalog_embeddings.empty:
        out = pd.DataFrame({"group_id": sorted(grouped["group_id"].unique())})
        out["coverage_status"] = COVERAGE_UNKNOWN
        for col in columns[2:]:
            out[col] = (
                np.nan
                if col in ("covered_share", "best_item_similarity", "coverage_threshold")
                else None
            )
        return out[columns]
    items = content_catalog.set_index("item_id").loc[catalog_embeddings["item_id"]].reset_index()
    item_vectors = _normalise(np.vstack(catalog_embeddings["embedding"].to_numpy()))
    cfg = params.coverage
    # What a question asks lives in its asking sentences, not in the situation around them.
    question_sims = hybrid_similarity(
        grouped["text_clean"].map(question_focus).tolist(),
        item_text(items).tolist(),
        embeddings_matrix(comment_embeddings, grouped["comment_id"], normalise=True),
        item_vectors,
        cfg.lexical_weight,
        cfg.stem_length,
    )
    rows = []
    for group_id, positions in grouped.reset_index(drop=True).groupby("group_id").indices.items():
        sims = question_sims[positions]
        mean = sims.mean(axis=0)
        order = np.lexsort((items["item_id"].to_numpy(), -mean))
        best = order[0]
        share = float((sims.max(axis=1) >= threshold).mean())
        if mean[best] >= threshold:
            status = COVERED
        elif share >= cfg.partial_share:
            status = PARTIAL
        else:
            status = NOT_COVERED
        rows.append(
            {
                "group_id": group_id,
                "coverage_status": status,
                "covered_share": share,
                "best_item_id": str(items.at[best, "item_id"]),
                "best_item_title": str(items.at[best, "title"]),
                "best_item_url": None
                if pd.isna(items.at[best, "url"])
                else str(items.at[best, "url"]),
                "best_item_similarity": float(mean[best]),
                "coverage_threshold": float(threshold),
                "top_items": " | ".join(
                    f"{items.at[j, 'title']} ({mean[j]:.2f})" for j in order[:3]
                ),
            }
        )
    return pd.DataFrame(rows, columns=columns)
