"""The faster spam scoring against the code it replaced.

Two pieces of ``flag_spam`` were rewritten for speed (identical outputs): bot detection
walks numpy arrays per author instead of a pandas ``groupby`` loop (the former loop is kept
below as ``_reference_find_bot_authors``), and the advertising terms are only scanned in
texts that hold one of the literal pieces every match must contain (:class:`PromoCounter`
against ``len(promo_regex(terms).findall(text))``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ambassadeurs_pipeline.pipelines.cleaning.duplicates import duplicate_keys
from ambassadeurs_pipeline.pipelines.cleaning.params import CleaningParams
from ambassadeurs_pipeline.pipelines.cleaning.spam import (
    PromoCounter,
    _required_literals,
    find_bot_authors,
    promo_regex,
)

SPAM = CleaningParams().spam


def _reference_find_bot_authors(frame: pd.DataFrame, params) -> pd.Series:
    """The former implementation: a pandas groupby loop per active author."""
    data = frame.loc[frame["author_id"].notna(), ["author_id", "created_at", "text_clean"]].copy()
    if data.empty:
        return pd.Series(dtype="string")
    counts = data.groupby("author_id").size()
    active = counts[counts >= params.bot_min_posts].index
    data = data[data["author_id"].isin(active)].copy()
    data["key"] = duplicate_keys(data["text_clean"].fillna("").tolist())
    reasons: dict[str, list[str]] = {}
    window = pd.Timedelta(minutes=params.burst_window_minutes)
    for author, posts in data.groupby("author_id", sort=False):
        found: list[str] = []
        repeated = posts["key"].duplicated(keep=False) & posts["key"].ne("")
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
            gaps = np.diff(times).astype("timedelta64[s]").astype(float)
            median = float(np.median(gaps))
            if median > 0:
                regular = np.abs(gaps - median) <= params.bot_regular_tolerance * median
                if regular.mean() >= params.bot_regular_share:
                    found.append("cadence_reguliere")
        if "rafale" in found or "cadence_reguliere" in found:
            reasons[str(author)] = found
    return pd.Series({a: ";".join(r) for a, r in reasons.items()}, dtype="string")


_TEXTS = [
    "Super produit, cliquez ici pour commander",
    "Bonjour à tous, ma fille a de la fièvre",
    "merci pour vos réponses",
    "",
    "Même texte répété par un robot",
]


@st.composite
def _posts(draw):
    n = draw(st.integers(0, 120))
    authors = draw(st.lists(st.sampled_from(["a", "b", "c", "d", None]), min_size=n, max_size=n))
    # Minutes from a fixed start: regular cadences, bursts and missing dates all occur.
    minutes = draw(st.lists(st.one_of(st.none(), st.integers(0, 600)), min_size=n, max_size=n))
    texts = draw(st.lists(st.sampled_from(_TEXTS), min_size=n, max_size=n))
    start = pd.Timestamp("2026-01-01")
    return pd.DataFrame(
        {
            "author_id": pd.array(authors, dtype="string"),
            "created_at": pd.to_datetime(
                [start + pd.Timedelta(minutes=m) if m is not None else pd.NaT for m in minutes]
            ),
            "text_clean": pd.array(texts, dtype="string"),
        }
    )


@settings(max_examples=150, deadline=None)
@given(_posts())
def test_bot_authors_equal_the_former_groupby_loop(frame: pd.DataFrame) -> None:
    expected = _reference_find_bot_authors(frame, SPAM)
    got = find_bot_authors(frame, SPAM)
    assert list(got.index) == list(expected.index)
    assert got.tolist() == expected.tolist()


def test_a_scheduled_bot_is_found_with_its_reasons() -> None:
    # 12 identical posts every 60 minutes by "bot" (10 make repeating count), 3 scattered
    # posts by a person.
    start = pd.Timestamp("2026-03-01 08:00")
    frame = pd.DataFrame(
        {
            "author_id": pd.array(["bot"] * 12 + ["human"] * 3, dtype="string"),
            "created_at": [start + pd.Timedelta(hours=h) for h in range(12)]
            + [start, start + pd.Timedelta(days=2), start + pd.Timedelta(days=9)],
            "text_clean": pd.array(
                ["Achetez maintenant, livraison offerte"] * 12
                + ["ma question", "merci", "bonne journée"],
                dtype="string",
            ),
        }
    )
    got = find_bot_authors(frame, SPAM)
    assert got.to_dict() == {"bot": "textes_identiques;cadence_reguliere"}


def test_required_literals_of_the_default_terms() -> None:
    assert _required_literals(r"\bpromo(?:tion)?s?\b") == {"promo"}
    assert _required_literals(r"-\s?\d{2}\s?%") == {"%"}
    assert _required_literals(r"viagra|cialis") == {"viagra", "cialis"}
    # Nothing mandatory to read: the pre-test is off (counts stay exact).
    assert _required_literals(r"\d+") is None
    assert PromoCounter([r"\d+ euros", r"\d+"]).needles is None


_ALPHABET = "abcdeéiklmnoprstuvz -%€0123456789"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=_ALPHABET, max_size=40),
            st.sampled_from(["code promo -20 %", "cliquez ici", "spécialiste", "perdez 5kg"]),
        ),
        max_size=4,
    ).map(" ".join)
)
def test_promo_counter_counts_as_the_full_scan(text: str) -> None:
    terms = SPAM.promo_terms
    assert PromoCounter(terms).count(text) == len(promo_regex(terms).findall(text))
