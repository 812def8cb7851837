"""Spam (adverts, link farms, repeated promotional text) and bot-like authors.

Rules, not a trained model: there is no labelled spam in a new client's export, and each
rule gives a reason a moderator can check. Each rule adds to ``spam_score`` (capped at 1);
the reasons are listed in ``spam_reason``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.progress import phases

from .duplicates import duplicate_keys
from .params import SpamParams

#: Reason codes (French, as shown in the report) and the weight each adds to the score.
REASONS: dict[str, float] = {
    "publicite": 0.45,
    "ferme_de_liens": 0.5,
    "lien": 0.15,
    "texte_promotionnel_repete": 0.35,
    "majuscules": 0.1,
    "contact_prive": 0.2,
    "auteur_robot": 0.35,
}


def promo_regex(terms: Sequence[str]) -> re.Pattern[str]:
    """One pattern for all advertising terms, to run on lower-cased text (faster than
    IGNORECASE on a long alternation)."""
    return re.compile("|".join(f"(?:{t.lower()})" for t in terms))


def find_bot_authors(frame: pd.DataFrame, params: SpamParams) -> pd.Series:
    """Reason per bot-like author (index ``author_id``): ``rafale`` (burst of posts) or
    ``cadence_reguliere`` (machine-like gaps), plus ``textes_identiques`` when a prolific
    account also repeats its own text."""
    data = frame.loc[frame["author_id"].notna(), ["author_id", "created_at", "text_clean"]].copy()
    if data.empty:
        return pd.Series(dtype="string")
    counts = data.groupby("author_id").size()
    active = counts[counts >= params.bot_min_posts].index
    data = data[data["author_id"].isin(active)].copy()
    # Keys only for the active authors' posts: the only ones compared below.
    data["key"] = duplicate_keys(data["text_clean"].fillna("").tolist())
    reasons: dict[str, list[str]] = {}
    window = pd.Timedelta(minutes=params.burst_window_minutes)
    for author, posts in data.groupby("author_id", sort=False):
        found: list[str] = []
        repeated = posts["key"].duplicated(keep=False) & posts["key"].ne("")
        # Repeating oneself is also what human spammers and welcoming moderators do: it
        # marks a bot only for prolific accounts.
        if (
            len(posts) >= params.bot_identical_min_posts
            and repeated.mean() >= params.bot_identical_share
        ):
            found.append("textes_identiques")
        times = posts["created_at"].dropna().sort_values().to_numpy()
        if len(times) >= params.burst_min_posts:
            k = params.burst_min_posts - 1
            spans = times[k:] - times[:-k]
            if (spans <= window.to_timedelta64()).any():
                found.append("rafale")
        if len(times) >= 5:
            # Scheduled posting: most gaps equal the median gap (session breaks aside).
            gaps = np.diff(times).astype("timedelta64[s]").astype(float)
            median = float(np.median(gaps))
            if median > 0:
                regular = np.abs(gaps - median) <= params.bot_regular_tolerance * median
                if regular.mean() >= params.bot_regular_share:
                    found.append("cadence_reguliere")
        # Timing is what separates a bot from a human spammer or a moderator who pastes the
        # same welcome message: repeated texts only add to the reason of a timing signal.
        if "rafale" in found or "cadence_reguliere" in found:
            reasons[str(author)] = found
    return pd.Series({a: ";".join(r) for a, r in reasons.items()}, dtype="string")


def _shouting(text: str) -> bool:
    """More than 60 % of at least 20 letters in upper case."""
    upper = sum(map(str.isupper, text))
    if upper <= 12:
        return False  # 12 / 20 is not above 0.6, and more letters only lower the share
    letters = sum(map(str.isalpha, text))
    return upper / letters > 0.6 if letters >= 20 else False


def score_spam(frame: pd.DataFrame, duplicates: pd.DataFrame, params: SpamParams) -> pd.DataFrame:
    """Spam flags per comment.

    Args:
        frame: ``comment_id, author_id, created_at, text_clean, url_count``.
        duplicates: output of ``find_duplicate_groups`` (same rows).
        params: ``cleaning.spam``.

    Returns:
        ``comment_id, is_spam, spam_score, spam_reason, is_bot_author, bot_reason``.
    """
    text = frame["text_clean"].fillna("").astype(str)
    steps = phases("nettoyage: spam", ["publicité", "majuscules", "auteurs robots", "score"])
    promo = promo_regex(params.promo_terms)
    promo_hits = np.array([len(promo.findall(t.lower())) for t in text])
    steps.done("publicité")
    urls = frame["url_count"].fillna(0).to_numpy()
    shouting = np.array([_shouting(t) for t in text], dtype=bool)
    steps.done("majuscules")
    private_contact = text.str.contains(r"<TEL>|<EMAIL>|<MENTION>", regex=True).to_numpy()
    dup = duplicates.set_index("comment_id").reindex(frame["comment_id"])
    repeated = (dup["duplicate_authors"].fillna(1).to_numpy() >= params.repeated_min_authors) & (
        (promo_hits > 0) | (urls > 0)
    )
    bots = find_bot_authors(frame, params)
    is_bot = frame["author_id"].isin(bots.index).to_numpy()
    steps.done("auteurs robots")

    flags = {
        "publicite": promo_hits > 0,
        "ferme_de_liens": urls >= params.link_farm_urls,
        "lien": (urls > 0) & (urls < params.link_farm_urls),
        "texte_promotionnel_repete": repeated,
        "majuscules": shouting,
        "contact_prive": private_contact & ((promo_hits > 0) | (urls > 0)),
        "auteur_robot": is_bot,
    }
    score = np.zeros(len(frame))
    for name, flag in flags.items():
        score += REASONS[name] * flag
    # Several advertising words weigh more than one ("promo" alone can be innocent).
    score += 0.15 * np.clip(promo_hits - 1, 0, 2)
    score = np.clip(score, 0.0, 1.0).round(3)
    is_spam = score >= params.threshold
    reason = [
        ";".join(name for name, flag in flags.items() if flag[i]) if is_spam[i] else None
        for i in range(len(frame))
    ]
    steps.done("score")
    steps.close()
    return pd.DataFrame(
        {
            "comment_id": frame["comment_id"].to_numpy(),
            "is_spam": is_spam,
            "spam_score": score.astype("float64"),
            "spam_reason": pd.array(reason, dtype="string"),
            "is_bot_author": is_bot,
            "bot_reason": pd.array(frame["author_id"].map(bots).to_numpy(), dtype="string"),
        }
    )
