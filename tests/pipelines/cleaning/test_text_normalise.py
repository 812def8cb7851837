"""Text repair and normalisation (``ambassadeurs_pipeline.text.normalise``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ambassadeurs_pipeline.text.normalise import (
    has_words,
    junk_share,
    normalise_text,
    remove_emoji,
    replace_mentions,
    replace_urls,
    truncate,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("CafÃ© et thÃ©", "Café et thé"),  # mojibake (UTF-8 read as cp1252)
        ("<p>Bonjour&nbsp;à <b>tous</b></p>", "Bonjour à tous"),
        ("&amp;eacute;t&amp;eacute;", "été"),  # escaped twice
        ("a\x00b\u202ec", "abc"),  # NUL and bidi override removed
        ("  trop   d'espaces \t ici  ", "trop d'espaces ici"),
        ("ligne 1\r\n\r\n\r\nligne 2", "ligne 1\nligne 2"),
        ("Voir https://exemple.fr/page?x=1.", "Voir <URL>."),
        ("cf www.promo.com et bit.ly/abc", "cf <URL> et <URL>"),
        ("@marie_du_69 merci !", "<MENTION> merci !"),
        (
            "marie@gmail.com reste pour le détecteur PII",
            "marie@gmail.com reste pour le détecteur PII",
        ),
        ("Super 👍🏽 merci ❤️ 🇫🇷", "Super merci"),
        ("", ""),
    ],
)
def test_normalise_text_examples(raw, expected):
    assert normalise_text(raw).text == expected


def test_features_are_counted():
    result = normalise_text("Top 👍 👨‍👩‍👧 https://a.fr @bob @alice")
    assert (result.emoji_count, result.url_count, result.mention_count) == (2, 1, 2)


def test_placeholders_survive_html_stripping():
    assert normalise_text("voir <URL> et <b>gras</b>").text == "voir <URL> et gras"


def test_right_to_left_text_is_kept():
    assert normalise_text("مرحبا بكم في المنتدى").text == "مرحبا بكم في المنتدى"


def test_long_text_is_cut_at_a_word_boundary():
    result = normalise_text("mot " * 300_000, max_chars=1_000)
    assert len(result.text) <= 1_000 and result.text.endswith("mot")
    assert truncate("abc def", 5) == "abc"


def test_helpers():
    assert replace_urls("http://a.fr, http://b.fr") == ("<URL>, <URL>", 2)
    assert replace_mentions("salut @bob.") == ("salut <MENTION>.", 1)
    assert remove_emoji("ok 😀")[1] == 1
    assert has_words("<URL> a") and not has_words("<URL> <MENTION> !!")
    assert junk_share("\x01\x02\x03ab") == pytest.approx(0.6)
    assert junk_share("") == 0.0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_normalise_never_raises_and_is_idempotent(text):
    once = normalise_text(text).text
    assert normalise_text(once).text == once


_PIECES = list("<>&;#/ab pé@.:0Ã©\u00a0\n") + [
    "&amp;",
    "<b>",
    "</p>",
    "https://x.fr",
    "😀",
    "<URL>",
    "&lt;",
]
_HTMLISH = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_HTMLISH)
def test_normalise_is_idempotent_on_html_like_text(text):
    once = normalise_text(text).text
    assert normalise_text(once).text == once
