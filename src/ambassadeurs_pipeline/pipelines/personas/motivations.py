"""Motivation scores from the shipped French lexicon ``motivations_fr.json``.

Four motivations (labels are the contract): ``altruisme``, ``besoin_de_reconnaissance``,
``sentiment_d_appartenance``, ``experience_negative_en_prevention``.

Scoring, chosen so that any number can be explained to a stakeholder:

- comment score for motivation *m* = sum of the weights of the *m* patterns found in the
  comment (1 = clear cue, 0.5 = weak cue), capped at 1; a pattern preceded by a negation
  does not count;
- author score for *m* = mean of their comment scores, i.e. "the share of their messages that
  express *m*" (weak cues count half);
- dominant motivation = highest author score; ``indeterminee`` when every score is 0.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from .textmatch import fold, negated, snippet

MOTIVATIONS = (
    "altruisme",
    "besoin_de_reconnaissance",
    "sentiment_d_appartenance",
    "experience_negative_en_prevention",
)
UNKNOWN_MOTIVATION = "indeterminee"
LEXICON_FILE = "motivations_fr.json"


@dataclass(frozen=True)
class Lexicon:
    patterns: dict[str, list[tuple[re.Pattern[str], float]]]
    labels: dict[str, str]
    descriptions: dict[str, str]


def parse_lexicon(raw: dict) -> Lexicon:
    """Compile a lexicon dict (the JSON file's shape).

    Raises:
        ValueError: a motivation label is missing or unknown, or a pattern does not compile.
    """
    entries = raw.get("motivations", {})
    if set(entries) != set(MOTIVATIONS):
        raise ValueError(
            f"motivation lexicon must define exactly {MOTIVATIONS}, got {sorted(entries)}"
        )
    macros = raw.get("macros", {})

    def expand(pattern: str) -> str:
        for key, value in macros.items():
            pattern = pattern.replace(key, value)
        return pattern

    compiled = {}
    for name, entry in entries.items():
        try:
            compiled[name] = [(re.compile(expand(p)), float(w)) for p, w in entry["patterns"]]
        except re.error as exc:
            raise ValueError(f"motivation lexicon, {name}: bad pattern ({exc})") from exc
    return Lexicon(
        patterns=compiled,
        labels={k: v.get("label", k) for k, v in entries.items()},
        descriptions={k: v.get("description", "") for k, v in entries.items()},
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with the package."""
    text = resources.files(__package__).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    return parse_lexicon(json.loads(text))


def score_text(
    text: str, lexicon: Lexicon | None = None
) -> dict[str, tuple[float, str | None, str | None]]:
    """Per motivation: (score in [0, 1], evidence snippet, matched expression) for one text."""
    lexicon = lexicon or load_lexicon()
    folded = fold(text)
    out = {}
    for name, patterns in lexicon.patterns.items():
        total, best, best_w = 0.0, None, 0.0
        for pattern, weight in patterns:
            for m in pattern.finditer(folded):
                if negated(folded, m.start()):
                    continue
                total += weight
                if weight > best_w:
                    best, best_w = m, weight
                break  # one hit per pattern: repetition is not stronger motivation
        if best is None:
            out[name] = (0.0, None, None)
        else:
            out[name] = (
                min(total, 1.0),
                snippet(text, best.start(), best.end()),
                text[best.start() : best.end()].lower(),
            )
    return out


def score_comments(comments: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """Motivation scores of every comment.

    Returns ``comment_id, author_id`` then, per motivation *m*, ``mot_<m>`` (score),
    ``ev_<m>`` (evidence snippet) and ``expr_<m>`` (the matched expression, folded).
    """
    lexicon = lexicon or load_lexicon()
    records = []
    for text in comments["text_clean"]:
        scores = score_text(text if isinstance(text, str) else "", lexicon)
        row = []
        for m in MOTIVATIONS:
            row.extend(scores[m])
        records.append(row)
    columns = [f"{p}_{m}" for m in MOTIVATIONS for p in ("mot", "ev", "expr")]
    frame = pd.DataFrame(records, columns=columns, index=comments.index)
    frame.insert(0, "author_id", comments["author_id"].to_numpy())
    frame.insert(0, "comment_id", comments["comment_id"].to_numpy())
    return frame


def aggregate_motivations(scored: pd.DataFrame, authors: pd.Index) -> pd.DataFrame:
    """Author motivation profile from comment scores.

    Returns, indexed by ``authors``: ``motivation_<m>`` (mean comment score), ``evidence_<m>``
    (the author's strongest passage for *m*), ``motivation`` (dominant, or ``indeterminee``)
    and ``motivation_confidence`` (dominant score / sum of scores).
    """
    score_cols = [f"mot_{m}" for m in MOTIVATIONS]
    # astype(float): with no comment at all (an export without authors) the empty frame's
    # columns are object, which round() refuses.
    means = (
        scored.groupby("author_id")[score_cols].mean().reindex(authors).fillna(0.0).astype(float)
    )
    out = pd.DataFrame(index=authors)
    for m in MOTIVATIONS:
        out[f"motivation_{m}"] = means[f"mot_{m}"].round(4)
        hits = scored[scored[f"mot_{m}"] > 0].sort_values(
            f"mot_{m}", ascending=False, kind="stable"
        )
        ev = hits.drop_duplicates("author_id").set_index("author_id")[f"ev_{m}"]
        out[f"evidence_{m}"] = ev.reindex(authors).astype("string")
    values = means[score_cols].to_numpy()
    total = values.sum(axis=1)
    top = values.argmax(axis=1) if len(values) else np.array([], dtype=int)
    out["motivation"] = np.where(
        total > 0, np.array(MOTIVATIONS, dtype=object)[top], UNKNOWN_MOTIVATION
    )
    out["motivation_confidence"] = np.where(
        total > 0, values.max(axis=1, initial=0) / np.where(total > 0, total, 1), 0.0
    ).round(3)
    return out
