"""The organisation's existing content catalog (guides, articles, FAQ, podcasts, videos).

It covers most themes and their frequent questions (the intents of ``themes.py``) but,
by design, none of the planted gaps of ``gaps.py``: that is what a gap finder must show.
"""

from __future__ import annotations

import pandas as pd

from .themes import THEMES

BASE_URL = "https://www.exemple-sante.fr"

# Which catalog item (by slug) answers each frequent question.
INTENT_CATALOG = {
    "diabete_hypo_nuit": "hypoglycemie-resucrage",
    "diabete_capteur": "faq-capteur-glucose",
    "sein_cheveux_chimio": "chimio-cheveux-perruque",
    "sein_reconstruction": "guide-reconstruction-mammaire",
    "sep_fatigue": "sep-fatigue-conseils",
    "sep_traitement_fond": "sep-traitements-de-fond",
    "crohn_alimentation_poussee": "crohn-alimentation-poussee",
    "crohn_biotherapie": "faq-biotherapies-mici",
    "psy_trouver": "mon-soutien-psy",
    "psy_crise_angoisse": "crise-angoisse-gestes",
    "vaccin_effets_normaux": "vaccins-effets-secondaires",
    "vaccin_calendrier_bebe": "calendrier-vaccinal",
    "sommeil_insomnie_sans_somnifere": "insomnie-sans-somniferes",
    "sommeil_ppc": "apnee-sommeil-ppc",
    "nutrition_perte_poids": "perdre-poids-durablement",
    "nutrition_proteines_vege": "alimentation-vegetarienne",
    "grossesse_nausees": "grossesse-nausees",
    "grossesse_medicaments": "medicaments-grossesse",
    "fibro_traitements": "activite-physique-douleur",
    "fibro_crises": "crise-douleur-outils",
    "asthme_inhalateur": "asthme-inhalateurs",
    "asthme_sport": "asthme-sport",
    "hta_automesure": "automesure-tensionnelle",
    "hta_sel": "manger-moins-sale",
    "teleconsult_deroulement": "teleconsultation-mode-emploi",
    "teleconsult_ordonnance": "ordonnance-numerique",
    "donnees_rgpd_acces": "droits-donnees-sante-rgpd",
    "donnees_phishing": "phishing-assurance-maladie",
    "ei_declarer": "declarer-effet-indesirable",
    "ei_interactions": "interactions-medicamenteuses",
}


def _section(title: str) -> str:
    head = title.split(" ", 1)[0].lower().strip(":")
    return {
        "guide": "guides",
        "faq": "faq",
        "podcast": "podcasts",
        "vidéo": "videos",
        "quiz": "quiz",
        "témoignage": "temoignages",
        "recettes": "recettes",
    }.get(head, "articles")


_SLUG_SECTION = {slug: _section(title) for t in THEMES for title, _, slug in t.catalog}


def catalog_url(slug: str) -> str:
    return f"{BASE_URL}/{_SLUG_SECTION[slug]}/{slug}"


def build_catalog() -> pd.DataFrame:
    rows = []
    for t in THEMES:
        for title, summary, slug in t.catalog:
            rows.append(
                {"title": title, "summary": summary, "url": catalog_url(slug), "theme": t.key}
            )
    df = pd.DataFrame(rows)
    df.insert(0, "id", [f"cat{i + 1:03d}" for i in range(len(df))])
    return df
