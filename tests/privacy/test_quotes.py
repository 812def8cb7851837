"""The re-identification guard: no 8-word verbatim run, quasi-identifiers, rare words, k."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ambassadeurs_pipeline.privacy.quotes import (
    CorpusIndex,
    describable,
    guard_quote,
    longest_shared_span,
    quasi_identifiers,
    untraceable_share,
)

CORPUS = [
    "Ça me parle tellement, j'ai vécu la même chose après les repas avec mon traitement de fond.",
    "Est-ce que quelqu'un sait si le méthotrexate donne vraiment des nausées le soir après la prise ?",
    "Je suis infirmière à Villeurbanne, j'ai 42 ans et une mucoviscidose depuis toujours.",
] + [f"message banal numéro {i} sur la fatigue et le sommeil des patients" for i in range(20)]
INDEX = CorpusIndex.build(CORPUS, [f"a{i % 7}" for i in range(len(CORPUS))])


def test_no_quote_keeps_an_eight_word_run():
    quotes = [guard_quote(t, INDEX) for t in CORPUS]
    shown = [q for q in quotes if q]
    assert shown and untraceable_share(shown, CORPUS) == 1.0
    assert all(longest_shared_span(q, CORPUS) < 8 for q in shown)


def test_rare_combination_is_dropped_and_single_identifiers_generalised():
    assert quasi_identifiers(CORPUS[2]) >= {"age", "place", "profession", "rare_disease"}
    assert guard_quote(CORPUS[2], INDEX) is None
    q = guard_quote("Depuis mes 42 ans je vais mieux, le sommeil revient enfin doucement.", INDEX)
    assert q and "42" not in q and "[âge]" in q


def test_guard_is_deterministic_and_keeps_word_order():
    a, b = guard_quote(CORPUS[1], INDEX), guard_quote(CORPUS[1], INDEX)
    assert a == b
    source = iter(CORPUS[1].replace("?", " ").split())
    kept = [w for w in a.replace("…", " ").replace("?", " ").split() if w in CORPUS[1]]
    assert all(w in source for w in kept)  # a subsequence of the source: order kept


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "le patient dort mal depuis des mois et cherche un conseil pour mieux vivre".split()
        ),
        min_size=8,
        max_size=40,
    )
)
@example(["le"] * 9)  # repeated words: dropping one still left 8 in a row (found by hypothesis)
def test_any_text_loses_its_long_runs(tokens):
    text = " ".join(tokens)
    q = guard_quote(text)
    assert q is None or longest_shared_span(q, [text]) < 8


def test_k_anonymity_rule():
    assert describable(5, 5) and not describable(4, 5) and not describable(None, 5)


def test_quotes_inside_prose_are_guarded_labels_kept():
    from ambassadeurs_pipeline.pipelines.reporting.guard import guard_inline_quotes
    from ambassadeurs_pipeline.privacy.quotes import QuoteGuardParams

    brief = (
        "Rédiger un contenu sur « Nausées, méthotrexate, soir » : répondre à des questions comme "
        f"« {CORPUS[1]} » et « {CORPUS[2]} »."
    )
    out = guard_inline_quotes(brief, INDEX, QuoteGuardParams())
    assert "« Nausées, méthotrexate, soir »" in out  # a 3-term label stays readable
    assert longest_shared_span(out, CORPUS) < 8  # the long question no longer matches verbatim
    assert "mucoviscidose" not in out and "« … »" in out  # the identifying one is dropped
    assert guard_inline_quotes(None, INDEX, QuoteGuardParams()) is None


def test_a_whole_short_sentence_is_preferred_to_a_cut_up_quote():
    from ambassadeurs_pipeline.privacy.quotes import whole_sentence

    text = (
        "Je ne veux pas que mes données de santé circulent partout sans mon accord explicite. "
        "Je veux garder le contrôle."
    )
    assert guard_quote(text) == "Je veux garder le contrôle."
    assert whole_sentence(text, cue="garder le contrôle") == "Je veux garder le contrôle."
    # No sentence short enough: words are cut out as before.
    long_only = (
        "Je ne veux pas que mes données de santé circulent partout sans mon accord explicite"
    )
    assert whole_sentence(long_only) is None and "…" in guard_quote(long_only)


def test_a_guarded_quote_passes_the_check_and_is_not_guarded_twice():
    from ambassadeurs_pipeline.pipelines.reporting.guard import checked_or_guarded
    from ambassadeurs_pipeline.privacy.quotes import QuoteGuardParams, passes_guard

    p = QuoteGuardParams()
    index = CorpusIndex.build(CORPUS, span_words=p.span_words)
    for text in CORPUS:
        once = guard_quote(text, index, p)
        if once is None:
            continue
        assert passes_guard(once, index, p)
        assert checked_or_guarded(once, index, p) == once  # the report shows it unchanged
    # A raw comment does not pass: it shares its own 8-word runs with the corpus.
    assert not passes_guard(max(CORPUS, key=len), index, p)


def test_a_question_is_quoted_by_a_question_and_never_by_a_cut_sentence():
    from ambassadeurs_pipeline.privacy.quotes import whole_sentence

    assert (
        whole_sentence("J'accompagne ma femme au quotidien. Comment gérer son insuline en voyage ?")
        == "Comment gérer son insuline en voyage ?"
    )
    # The question is too long to be whole: no other sentence stands for it.
    assert (
        whole_sentence(
            "J'accompagne ma femme au quotidien. Comment gérer son insuline et ses repas en voyage en avion ?"
        )
        is None
    )
    assert (
        whole_sentence("Je veux garder le contrôle. Quelqu'un peut me di…")
        == "Je veux garder le contrôle."
    )


def test_a_whole_sentence_drops_mention_placeholders():
    from ambassadeurs_pipeline.privacy.quotes import whole_sentence

    assert whole_sentence("<MENTION> merci, je vais essayer ça.") == "merci, je vais essayer ça."
