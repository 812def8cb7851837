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


class PromoCounter:
    """Counts advertising-term matches in lower-cased texts, as ``len(promo_regex(terms)
    .findall(text))`` does, but first tests whether one of the literal pieces every match
    must contain is in the text (a few ``in`` tests, C speed): most comments hold none, and
    scanning them with the 40-branch alternation cost ~45 µs each. A term whose mandatory
    literal cannot be read from its parsed form turns the pre-test off (same counts, only
    slower)."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.regex = promo_regex(terms)
        needles: set[str] = set()
        for term in terms:
            required = _required_literals(term.lower())
            if required is None:
                needles = set()
                self.needles: tuple[str, ...] | None = None
                break
            needles |= required
        else:
            self.needles = tuple(sorted(needles))

    def count(self, lowered: str) -> int:
        if self.needles is not None and not any(n in lowered for n in self.needles):
            return 0
        return len(self.regex.findall(lowered))


def _required_literals(pattern: str) -> set[str] | None:
    """Strings one of which every match of ``pattern`` contains, or None when unsure.

    Read from the parsed pattern: a sequence's longest run of literal characters outside any
    optional part, or, for an alternation, one such string per branch."""
    from re import _constants as c
    from re import _parser as sre_parse

    def of(items) -> set[str] | None:
        if len(items) == 1:
            op, av = items[0]
            if op is c.BRANCH:
                out: set[str] = set()
                for branch in av[1]:
                    got = of(branch)
                    if got is None:
                        return None
                    out |= got
                return out
            if op is c.SUBPATTERN:
                return of(av[-1])
        # The longest run; on a tie the later one ("%" rather than "-" in "-\s?\d{2}\s?%":
        # hyphens are everywhere, per cents are rare).
        runs, run = [], ""
        for op, av in items:
            if op is c.LITERAL:
                run += chr(av)
                continue
            runs.append(run)
            run = ""
        runs.append(run)
        best = max(reversed(runs), key=len)
        return {best} if best else None

    try:
        return of(list(sre_parse.parse(pattern)))
    except (re.error, AttributeError, TypeError):
        return None


def find_bot_authors(frame: pd.DataFrame, params: SpamParams) -> pd.Series:
    """Reason per bot-like author (index ``author_id``): ``rafale`` (burst of posts) or
    ``cadence_reguliere`` (machine-like gaps), plus ``textes_identiques`` when a prolific
    account also repeats its own text.

    Per author in order of first appearance, on numpy arrays: a pandas ``groupby`` loop cost
    ~1.3 ms per active author (3.5 s for 40k comments); the reasons are the same
    (``tests/pipelines/cleaning/test_spam_fast.py`` compares with the loop it replaced)."""
    data = frame.loc[frame["author_id"].notna(), ["author_id", "created_at", "text_clean"]]
    if data.empty:
        return pd.Series(dtype="string")
    codes, authors = pd.factorize(data["author_id"], sort=False)
    counts = np.bincount(codes, minlength=len(authors))
    active = counts >= params.bot_min_posts
    keep = active[codes]
    data, codes = data[keep], codes[keep]
    if data.empty:
        return pd.Series(dtype="string")
    # Keys only for the active authors' posts: the only ones compared below. Repeating
    # oneself: the same key twice or more for one author (an empty key never counts).
    keys = pd.Series(duplicate_keys(data["text_clean"].fillna("").tolist()), index=data.index)
    repeated = pd.DataFrame({"a": codes, "k": keys.to_numpy()}).duplicated(
        keep=False
    ).to_numpy() & (keys.to_numpy() != "")
    n_posts = np.bincount(codes, minlength=len(authors))
    repeated_share = np.bincount(codes, weights=repeated, minlength=len(authors))
    times_all = data["created_at"]
    if isinstance(times_all.dtype, pd.DatetimeTZDtype):
        times_all = times_all.dt.tz_convert("UTC").dt.tz_localize(None)
    times_all = times_all.to_numpy(dtype="datetime64[ns]")
    order = np.argsort(codes, kind="stable")
    bounds = np.concatenate([[0], np.cumsum(n_posts)])
    window = pd.Timedelta(minutes=params.burst_window_minutes).to_timedelta64()
    k = params.burst_min_posts - 1
    reasons: dict[str, list[str]] = {}
    for code in np.flatnonzero(n_posts):
        found: list[str] = []
        # Repeating oneself is also what human spammers and welcoming moderators do: it
        # marks a bot only for prolific accounts.
        if (
            n_posts[code] >= params.bot_identical_min_posts
            and repeated_share[code] / n_posts[code] >= params.bot_identical_share
        ):
            found.append("textes_identiques")
        times = times_all[order[bounds[code] : bounds[code + 1]]]
        times = np.sort(times[~np.isnat(times)])
        if len(times) >= params.burst_min_posts:
            if ((times[k:] - times[:-k]) <= window).any():
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
            reasons[str(authors[code])] = found
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
    promo = PromoCounter(params.promo_terms)
    promo_hits = np.array([promo.count(t.lower()) for t in text])
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
