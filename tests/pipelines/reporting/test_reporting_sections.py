"""Each section alone: unavailable when its input is None, values shown when present."""

from __future__ import annotations

from html import unescape

import pytest
import standins

from ambassadeurs_pipeline.pipelines.reporting import sections as s
from ambassadeurs_pipeline.pipelines.reporting.i18n import STRINGS, Translator
from ambassadeurs_pipeline.pipelines.reporting.render import render_report


def html_of(section: s.SectionContent, t: Translator) -> str:
    return render_report([section], t, "Test")


NONE_CALLS = {
    "data": lambda t, p: s.section_data(None, None, t, p),
    "topics": lambda t, p: s.section_topics(None, None, None, None, None, t, p),
    "gaps": lambda t, p: s.section_gaps(None, None, t, p),
    "personas": lambda t, p: s.section_personas(None, t, p),
    "ambassadors": lambda t, p: s.section_ambassadors(None, t, p),
    "campaign": lambda t, p: s.section_campaign(None, None, None, t, p),
    "run": lambda t, p: s.section_run(None, t, p),
}


@pytest.mark.parametrize("key", sorted(NONE_CALLS))
def test_section_without_input_says_it_is_unavailable(key, t, params):
    section = NONE_CALLS[key](t, params)
    assert not section.available
    html = html_of(section, t)
    assert "Cette section est indisponible :" in html
    assert 'data-available="false"' in html


def test_campaign_not_provided_gives_upstream_reason(t, params):
    section = s.section_campaign(
        {"provided": False, "reason": "aucun fichier de campagne"}, None, None, t, params
    )
    assert "aucun fichier de campagne" in section.unavailable_reason


def test_methodology_is_always_available_with_limits_and_contest(t, params):
    section = s.section_methodology(None, None, None, None, t, params)
    html = html_of(section, t)
    assert section.available
    assert STRINGS["method_contest"]["fr"] in html and params.contact in html


def test_data_section_shows_counts_reasons_languages_and_period(t, params):
    html = html_of(
        s.section_data(standins.ingestion_report(), standins.cleaning_report(), t, params), t
    )
    for text in [
        "1\u202f250",
        "1\u202f105",
        "135",
        "doublon",
        "Langues",
        "03/01/2024",
        "28/12/2024",
        "facebook",
    ]:
        assert text in html, text


def test_topics_section_calls_out_significant_risers_and_alerts(t, params):
    section = s.section_topics(
        standins.topic_info(),
        standins.topic_trends(),
        standins.topics_over_time(),
        standins.topic_sentiment(),
        standins.bad_buzz_alerts(),
        t,
        params,
    )
    html = html_of(section, t)
    assert "Sujets en hausse significative" in html
    assert "Alimentation et régime" in html  # riser (q = 0.02)
    assert "Remboursement" in html  # the alert's topic
    assert "72\u202f%" in html  # alert's negative share
    assert html.count("data:image/png;base64,") == 3
    assert section.key_numbers[0].value == "6"  # outlier topic -1 not counted
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_topics_without_risers_says_so(t, params):
    trends = standins.topic_trends().assign(is_significant=False)
    section = s.section_topics(
        standins.topic_info(), trends, None, None, standins.bad_buzz_alerts().iloc[0:0], t, params
    )
    html = html_of(section, t)
    assert "Aucun sujet n'est en hausse significative" in unescape(html)
    assert "Aucune alerte de bad buzz" in html


def test_gaps_section_ranks_gaps_with_evidence_and_briefs(t, params):
    section = s.section_gaps(standins.faq(), standins.information_gaps(), t, params)
    html = html_of(section, t)
    assert html.index("pamplemousse pendant") < html.index("rendez-vous rapide")
    assert "Fiche courte : interactions alimentaires" in html
    assert "Le pamplemousse c&#39;est interdit ?" in html
    assert "non couvert — Bien manger pendant le traitement (0,12)" in html  # coverage
    assert "Question trop rare" not in html  # too little evidence to be ranked
    assert "Fiche courte" in html and "Demande : 12 personnes distinctes" in html  # brief card
    assert section.decisions and "pamplemousse" in section.decisions[0]
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html


def test_gaps_empty_table_says_content_covers_questions(t, params):
    html = html_of(s.section_gaps(None, standins.information_gaps().iloc[0:0], t, params), t)
    assert "Aucun manque d'information détecté" in unescape(html)


def test_personas_section_has_one_card_per_persona(t, params):
    html = html_of(s.section_personas(standins.persona_cards(), t, params), t)
    assert html.count('<article class="card">') == 3
    assert "Patient expert" in html and "120 auteurs (26\u202f%)" in html
    assert "Montrer l&#39;impact concret." in html and "Courage à vous" in html
    assert "<img src=x" not in html


def test_ambassadors_show_only_pseudonyms(t, params):
    section = s.section_ambassadors(standins.ambassador_candidates(), t, params)
    html = html_of(section, t)
    assert standins.PSEUDONYMS[0] in html
    assert standins.HANDLE not in html  # the row whose id is a handle is left out whole
    assert section.key_numbers[0].value == "4"


def test_campaign_section_shows_effect_ci_verdict_power_and_charts(t, params):
    section = s.section_campaign(
        standins.uplift_results(),
        standins.uplift_verdict(),
        standins.uplift_qini_curves(),
        t,
        params,
    )
    html = html_of(section, t)
    for text in [
        "+4,0 pts",
        "[+1,2 ; +6,8]",
        "Verdict",
        "augmente la conversion",
        "3\u202f800",
        "0,021",
    ]:
        assert text in html, text
    assert html.count("data:image/png;base64,") == 2  # forest + Qini
    assert "**" not in html and "<script>" not in html
    assert section.key_numbers[0].value == "+4,0 pts"
    assert section.decisions[0].startswith("Étendre la campagne")


def test_summary_takes_five_numbers_and_three_decisions(t, params):
    body = [
        s.section_data(standins.ingestion_report(), standins.cleaning_report(), t, params),
        s.section_topics(
            standins.topic_info(),
            standins.topic_trends(),
            None,
            None,
            standins.bad_buzz_alerts(),
            t,
            params,
        ),
        s.section_gaps(None, standins.information_gaps(), t, params),
        s.section_ambassadors(standins.ambassador_candidates(), t, params),
        s.section_campaign(standins.uplift_results(), standins.uplift_verdict(), None, t, params),
    ]
    summary = s.section_summary(body, t)
    numbers = next(b for b in summary.blocks if isinstance(b, s.KeyNumbers)).items
    decisions = next(b for b in summary.blocks if isinstance(b, s.Bullets)).items
    assert [n.label for n in numbers] == [
        "commentaires analysés",
        "sujets identifiés",
        "manques d'information",
        "ambassadeurs pressentis",
        "effet de la campagne",
    ]
    assert len(decisions) == 3
    assert decisions[0].startswith("Produire un contenu")
    assert decisions[2].startswith("Étendre la campagne")


def test_summary_without_any_stage_says_no_decision(t, params):
    summary = s.section_summary([s.section_data(None, None, t, params)], t)
    assert "Aucune décision ne peut être proposée" in unescape(html_of(summary, t))


def test_every_string_is_translated():
    for key, texts in STRINGS.items():
        assert set(texts) == {"fr", "en"}, key
        assert all(texts.values()), key


def test_french_and_english_number_formats():
    fr, en = Translator("fr"), Translator("en")
    assert fr.integer(1234567) == "1\u202f234\u202f567" and en.integer(1234567) == "1,234,567"
    assert fr.percent(0.125, 1) == "12,5\u202f%" and en.percent(0.125, 1) == "12.5%"
    assert fr.signed(-0.04 * 100) == "−4,0"
    with pytest.raises(ValueError, match="reporting.language"):
        Translator("de")


def test_methodology_shows_the_trained_sentiment_models_held_out_figures(t, params):
    from ambassadeurs_pipeline.sentiment.model_fr import model_metadata

    hospital = model_metadata()["test_metrics"]["corpora"]["hospitalidee"]
    run = {"topics": {"sentiment": {"backend": "modele_fr"}}}
    html = unescape(html_of(s.section_methodology(None, None, None, None, t, params, run), t))
    assert STRINGS["method_sentiment_quality"]["fr"] in html and "hospitalidee" in html
    assert (
        t.percent(hospital["accuracy_pos_neg"], 1) in html
    )  # from the artefact's metadata, not hard-coded
    lexicon = unescape(
        html_of(
            s.section_methodology(
                None, None, None, None, t, params, {"topics": {"sentiment": {"backend": "lexique"}}}
            ),
            t,
        )
    )
    assert STRINGS["method_sentiment_quality"]["fr"] not in lexicon


# --- the link to the topic explorer (topic_explorer_html), BERTopic's interactive views --------
EXPLORER_SUMMARY = {
    "version": "2026-03-04T10.21.07.123Z",
    "n_topics": 2,
    "views": [
        {
            "key": "topics_map",
            "title": "Carte des thèmes",
            "shown": False,
            "note": "Vue omise : 2 thème(s) trouvé(s), il en faut au moins 3.",
        },
        {"key": "barchart", "title": "Mots des thèmes", "shown": True, "note": None},
    ],
}


def test_explorer_link_points_at_the_same_version_next_to_the_report(t, params):
    section = s.SectionContent(
        key="topics", title="Sujets", blocks=s.explorer_blocks(EXPLORER_SUMMARY, t, params)
    )
    html = html_of(section, t)
    assert (
        '<a href="../../topic_explorer.html/2026-03-04T10.21.07.123Z/topic_explorer.html">' in html
    )
    assert "joignez-le si vous envoyez ce rapport" in unescape(html)
    assert (
        "Vues omises : Carte des thèmes (Vue omise : 2 thème(s) trouvé(s), il en faut au moins 3.)."
        in unescape(html)
    )


@pytest.mark.parametrize(
    "summary",
    [
        None,
        {"views": []},
        {"version": None},
        {"version": "../../../etc/passwd"},
        {"version": "javascript:alert(1)"},
    ],
)
def test_no_link_without_a_kedro_version_stamp(summary, t, params):
    blocks = s.explorer_blocks(summary, t, params)
    html = html_of(s.SectionContent(key="topics", title="Sujets", blocks=blocks), t)
    assert '<a href="../' not in html and "javascript:" not in html
    assert "L'explorateur interactif n'a pas été produit" in unescape(html)


def test_explorer_link_in_english():
    en = Translator("en")
    from ambassadeurs_pipeline.pipelines.reporting.params import ReportingParams

    blocks = s.explorer_blocks(EXPLORER_SUMMARY, en, ReportingParams(language="en"))
    assert blocks[1].text.startswith("Open the interactive topic explorer")


def test_bad_buzz_decision_names_the_driver():
    import pandas as pd

    from ambassadeurs_pipeline.pipelines.reporting.i18n import Translator
    from ambassadeurs_pipeline.pipelines.reporting.params import ReportingParams
    from ambassadeurs_pipeline.pipelines.reporting.sections import section_topics

    alerts = pd.DataFrame(
        {
            "topic_id": [3, 4],
            "topic_label": ["Effets secondaires : vertiges", "Sommeil"],
            "month": pd.to_datetime(["2026-03-01", "2026-01-01"]),
            "n_comments": [200, 50],
            "n_negative": [166, 20],
            "baseline_negative": [12.3, 8.0],
            "ratio": [13.5, 2.5],
            "p_value": [1e-30, 1e-4],
            "drivers": [["Velnorix", "vertiges"], []],
            "statement": ["", ""],
        }
    )
    info = pd.DataFrame(
        {
            "topic_id": [3, 4],
            "topic_label": ["Effets secondaires : vertiges", "Sommeil"],
            "size": [900, 400],
            "share": [0.6, 0.4],
        }
    )
    section = section_topics(info, None, None, None, alerts, Translator("fr"), ReportingParams())
    assert section.decisions[0].startswith(
        "Velnorix : hausse des avis négatifs en mars 2026 (×13,5)"
    )
