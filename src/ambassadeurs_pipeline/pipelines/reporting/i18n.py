"""Every string a stakeholder reads, in French (default) and English, and number formats.

One table keyed by a short name; a missing translation is a test failure, not a blank in a
report. User text (topic labels, questions, quotes) is never translated: it is shown as
written by the community, after cleaning.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

LANGUAGES = ("fr", "en")

STRINGS: dict[str, dict[str, str]] = {
    # Report frame
    "report_title": {"fr": "Rapport d'écoute de la communauté", "en": "Community listening report"},
    "generated_on": {"fr": "Généré le {date}", "en": "Generated on {date}"},
    "contents": {"fr": "Sommaire", "en": "Contents"},
    "unavailable": {
        "fr": "Cette section est indisponible : {reason}",
        "en": "This section is unavailable: {reason}",
    },
    "not_run": {
        "fr": "l'étape « {stage} » n'a pas encore été exécutée (kedro run --pipelines={stage}).",
        "en": "the “{stage}” stage has not been run yet (kedro run --pipelines={stage}).",
    },
    "rows_shown": {
        "fr": "{shown} lignes affichées sur {total}.",
        "en": "{shown} rows shown out of {total}.",
    },
    "footer": {
        "fr": "Fichier autonome : aucune connexion réseau n'est nécessaire pour l'ouvrir. "
        "Les auteurs sont désignés par des pseudonymes.",
        "en": "Self-contained file: no network connection is needed to open it. "
        "Authors are referred to by pseudonyms.",
    },
    "yes": {"fr": "oui", "en": "yes"},
    "no": {"fr": "non", "en": "no"},
    "none_found": {"fr": "Aucun élément à signaler.", "en": "Nothing to report."},
    # Section titles
    "sec_summary": {"fr": "Synthèse", "en": "Executive summary"},
    "status_heading": {
        "fr": "Ce qui n'a pas pu être calculé, et pourquoi",
        "en": "What could not be computed, and why",
    },
    "status_intro": {
        "fr": "Certaines analyses ont été laissées vides sur ces données ; le reste du rapport reste valable.",
        "en": "Some analyses were left empty on this data; the rest of the report stands.",
    },
    "status_skipped": {"fr": "non réalisée", "en": "skipped"},
    "status_partial": {"fr": "partielle", "en": "partial"},
    "stage_topics": {"fr": "Sujets", "en": "Topics"},
    "stage_gaps": {"fr": "Lacunes d'information", "en": "Information gaps"},
    "stage_personas": {"fr": "Personas", "en": "Personas"},
    "stage_uplift": {"fr": "Campagne", "en": "Campaign"},
    "stage_topics_update": {"fr": "Mise à jour mensuelle", "en": "Monthly update"},
    "run_derived": {
        "fr": "Réglages déduits de la taille des données",
        "en": "Settings derived from the data size",
    },
    "sec_data": {"fr": "Les données", "en": "The data"},
    "sec_topics": {"fr": "Sujets de conversation", "en": "Conversation topics"},
    "sec_gaps": {"fr": "FAQ et manques d'information", "en": "FAQ and information gaps"},
    "sec_personas": {"fr": "Personas", "en": "Personas"},
    "sec_ambassadors": {"fr": "Ambassadeurs pressentis", "en": "Ambassador shortlist"},
    "sec_campaign": {"fr": "La campagne", "en": "The campaign"},
    "sec_methodology": {"fr": "Méthodologie et fiche modèle", "en": "Methodology and model card"},
    "sec_run": {"fr": "Traçabilité de l'exécution", "en": "Run metadata"},
    # Executive summary
    "summary_numbers": {"fr": "Les chiffres clés", "en": "Key numbers"},
    "summary_decisions": {"fr": "Les décisions à prendre", "en": "Decisions to take"},
    "summary_no_decision": {
        "fr": "Aucune décision ne peut être proposée : les étapes d'analyse n'ont pas encore été exécutées.",
        "en": "No decision can be proposed: the analysis stages have not been run yet.",
    },
    "kn_comments": {"fr": "commentaires analysés", "en": "comments analysed"},
    "kn_topics": {"fr": "sujets identifiés", "en": "topics found"},
    "kn_gaps": {"fr": "manques d'information", "en": "information gaps"},
    "kn_ambassadors": {"fr": "ambassadeurs pressentis", "en": "shortlisted ambassadors"},
    "kn_uplift": {"fr": "effet de la campagne", "en": "campaign effect"},
    "kn_alerts": {"fr": "alertes de bad buzz", "en": "bad-buzz alerts"},
    "dec_gap": {
        "fr": "Produire un contenu répondant à « {label} » (manque d'information n° 1).",
        "en": "Produce content answering “{label}” (information gap no. 1).",
    },
    "dec_alert": {
        "fr": "Surveiller et répondre sur le sujet « {label} » (alerte de bad buzz).",
        "en": "Monitor and respond on the topic “{label}” (bad-buzz alert).",
    },
    "dec_alert_driver": {
        "fr": "{driver} : hausse des avis négatifs en {month} (×{ratio}) — surveiller et répondre (sujet « {label} »).",
        "en": "{driver}: negative reviews up in {month} (×{ratio}) — monitor and respond (topic “{label}”).",
    },
    "col_drivers": {"fr": "Ce qui la porte", "en": "What drives it"},
    "col_key_terms": {"fr": "Mots des patients", "en": "Patients' words"},
    "dec_riser": {
        "fr": "Anticiper la montée du sujet « {label} » (hausse significative).",
        "en": "Get ahead of the rising topic “{label}” (significant increase).",
    },
    "dec_ambassadors": {
        "fr": "Contacter les {n} ambassadeurs pressentis, en priorité le persona « {persona} ».",
        "en": "Reach out to the {n} shortlisted ambassadors, persona “{persona}” first.",
    },
    "dec_campaign_positive": {
        "fr": "Étendre la campagne : son effet est positif et démontré ({verdict}).",
        "en": "Scale the campaign up: its effect is positive and demonstrated ({verdict}).",
    },
    "dec_campaign_other": {
        "fr": "Ne pas étendre la campagne en l'état : son effet n'est pas démontré ({verdict}).",
        "en": "Do not scale the campaign up as it stands: its effect is not demonstrated ({verdict}).",
    },
    "campaign_effect_summary": {
        "fr": "« {arm} » : {effect}, IC 95 % [{low} ; {high}]",
        "en": "“{arm}”: {effect}, 95% CI [{low}; {high}]",
    },
    # Data
    "data_intro": {
        "fr": "D'où viennent les commentaires, sur quelle période, et ce qui a été écarté (et pourquoi).",
        "en": "Where the comments come from, over which period, and what was set aside (and why).",
    },
    "data_sources": {"fr": "Sources", "en": "Sources"},
    "data_period": {
        "fr": "Période couverte : du {start} au {end}.",
        "en": "Period covered: {start} to {end}.",
    },
    "data_period_unknown": {
        "fr": "Période couverte : inconnue (pas de dates).",
        "en": "Period covered: unknown (no dates).",
    },
    "data_rows_in": {"fr": "lignes reçues", "en": "rows received"},
    "data_rows_kept": {
        "fr": "commentaires retenus pour l'analyse",
        "en": "comments kept for analysis",
    },
    "data_rows_flagged": {"fr": "lignes écartées ou signalées", "en": "rows set aside or flagged"},
    "data_rows_quarantined": {
        "fr": "lignes mises en quarantaine à l'import",
        "en": "rows quarantined at import",
    },
    "data_reasons": {"fr": "Motifs d'exclusion", "en": "Reasons for exclusion"},
    "data_languages": {"fr": "Langues", "en": "Languages"},
    "data_catalog": {
        "fr": "Catalogue de contenus fourni : {n} contenus.",
        "en": "Content catalogue provided: {n} items.",
    },
    "data_no_catalog": {
        "fr": "Aucun catalogue de contenus fourni : les manques d'information ne sont pas comparés aux contenus existants.",
        "en": "No content catalogue provided: information gaps are not compared with existing content.",
    },
    "col_source": {"fr": "Source", "en": "Source"},
    "col_reason": {"fr": "Motif", "en": "Reason"},
    "col_rows": {"fr": "Lignes", "en": "Rows"},
    "col_language": {"fr": "Langue", "en": "Language"},
    "col_comments": {"fr": "Commentaires", "en": "Comments"},
    "col_share": {"fr": "Part", "en": "Share"},
    "reason_import": {"fr": "import", "en": "import"},
    "reason_cleaning": {"fr": "nettoyage", "en": "cleaning"},
    "reason_model": {"fr": "hors analyse", "en": "left out of analysis"},
    # Topics
    "topics_intro": {
        "fr": "Les sujets dont la communauté parle le plus, leur évolution et leur tonalité.",
        "en": "What the community talks about most, how it evolves and its tone.",
    },
    "chart_top_topics": {"fr": "Sujets les plus discutés", "en": "Most discussed topics"},
    "chart_top_topics_x": {"fr": "Nombre de commentaires", "en": "Number of comments"},
    "chart_trends": {"fr": "Évolution des sujets en hausse", "en": "Trend of the rising topics"},
    "chart_trends_y": {"fr": "Commentaires par période", "en": "Comments per period"},
    "chart_sentiment": {"fr": "Tonalité par sujet", "en": "Sentiment by topic"},
    "chart_sentiment_x": {"fr": "Part des commentaires", "en": "Share of comments"},
    "sent_negatif": {"fr": "négatif", "en": "negative"},
    "sent_neutre": {"fr": "neutre", "en": "neutral"},
    "sent_positif": {"fr": "positif", "en": "positive"},
    "topics_risers": {"fr": "Sujets en hausse significative", "en": "Significantly rising topics"},
    "topics_no_risers": {
        "fr": "Aucun sujet n'est en hausse significative sur la période.",
        "en": "No topic rises significantly over the period.",
    },
    "riser_item": {
        "fr": "« {label} » : {change} (p = {p}).",
        "en": "“{label}”: {change} (p = {p}).",
    },
    "topics_explorer": {"fr": "Explorer les thèmes", "en": "Explore the topics"},
    "explorer_link": {
        "fr": "Ouvrir l'explorateur interactif des thèmes (carte, mots, hiérarchie, évolution, carte des commentaires)",
        "en": "Open the interactive topic explorer (map, words, hierarchy, over time, comments map)",
    },
    "explorer_note": {
        "fr": "Fichier à part, à côté de ce rapport (dossier topic_explorer.html, version {version}) : "
        "joignez-le si vous envoyez ce rapport. Il s'ouvre sans réseau et ne contient aucun texte de commentaire.",
        "en": "A separate file next to this report (folder topic_explorer.html, version {version}): attach it "
        "if you send this report. It opens without a network and holds no comment text.",
    },
    "explorer_skipped": {"fr": "Vues omises : {views}.", "en": "Views left out: {views}."},
    "explorer_missing": {
        "fr": "L'explorateur interactif n'a pas été produit (kedro run --pipelines=topics).",
        "en": "The interactive explorer has not been produced (kedro run --pipelines=topics).",
    },
    "topics_alerts": {"fr": "Alertes de bad buzz", "en": "Bad-buzz alerts"},
    "topics_no_alerts": {"fr": "Aucune alerte de bad buzz.", "en": "No bad-buzz alert."},
    "col_topic": {"fr": "Sujet", "en": "Topic"},
    "col_period": {"fr": "Période", "en": "Period"},
    "col_negative_share": {"fr": "Part négative", "en": "Negative share"},
    "col_volume": {"fr": "Volume", "en": "Volume"},
    "col_ratio": {"fr": "Négatifs / niveau habituel", "en": "Negatives / usual level"},
    "col_keywords": {"fr": "Mots-clés", "en": "Keywords"},
    "chart_no_data": {"fr": "Pas de données à représenter.", "en": "No data to plot."},
    # Gaps
    "gaps_intro": {
        "fr": "Les questions que la communauté pose souvent et auxquelles vos contenus ne répondent pas (ou mal), "
        "classées par priorité, avec des exemples et une proposition de contenu.",
        "en": "Questions the community asks often and that your content does not answer (or answers poorly), "
        "ranked by priority, with examples and a content brief.",
    },
    "chart_gaps": {
        "fr": "Manques d'information les plus prioritaires",
        "en": "Highest-priority information gaps",
    },
    "chart_gaps_x": {"fr": "Score de manque (0 à 1)", "en": "Gap score (0 to 1)"},
    "gaps_table": {"fr": "Manques d'information classés", "en": "Ranked information gaps"},
    "faq_table": {"fr": "Questions fréquentes", "en": "Frequently asked questions"},
    "col_rank": {"fr": "Rang", "en": "Rank"},
    "col_askers": {"fr": "Personnes", "en": "People"},
    "col_trend": {"fr": "Tendance", "en": "Trend"},
    "col_evidence_numbers": {"fr": "Les preuves", "en": "Evidence"},
    "gaps_briefs": {"fr": "Propositions de contenu", "en": "Content briefs"},
    "col_question": {"fr": "Question", "en": "Question"},
    "col_asked": {"fr": "Posée", "en": "Asked"},
    "col_coverage": {"fr": "Couverture", "en": "Coverage"},
    "col_best_content": {"fr": "Meilleur contenu existant", "en": "Best existing content"},
    "col_evidence": {"fr": "Exemples (extraits)", "en": "Evidence (excerpts)"},
    "col_brief": {"fr": "Proposition de contenu", "en": "Content brief"},
    "col_score": {"fr": "Score", "en": "Score"},
    "gaps_none": {
        "fr": "Aucun manque d'information détecté : vos contenus couvrent les questions fréquentes.",
        "en": "No information gap detected: your content covers the frequent questions.",
    },
    # Personas
    "personas_intro": {
        "fr": "Des profils types d'auteurs, construits à partir de leur manière de participer.",
        "en": "Typical author profiles, built from how they take part.",
    },
    "persona_size": {"fr": "{n} auteurs ({share})", "en": "{n} authors ({share})"},
    "personas_unstable": {
        "fr": "Attention : ces personas ne sont pas stables d'un échantillon à l'autre ; à confirmer.",
        "en": "Caution: these personas are not stable across samples; to be confirmed.",
    },
    "persona_role": {"fr": "Rôle dominant", "en": "Dominant role"},
    "persona_motivation": {"fr": "Motivation dominante", "en": "Dominant motivation"},
    # Role and motivation ids of the personas stage, as a reader says them.
    "value_patient": {"fr": "patient", "en": "patient"},
    "value_aidant": {"fr": "aidant", "en": "caregiver"},
    "value_professionnel_de_sante": {"fr": "professionnel de santé", "en": "health professional"},
    "value_altruisme": {"fr": "altruisme", "en": "altruism"},
    "value_besoin_de_reconnaissance": {
        "fr": "besoin de reconnaissance",
        "en": "need for recognition",
    },
    "value_sentiment_d_appartenance": {
        "fr": "sentiment d'appartenance",
        "en": "sense of belonging",
    },
    "value_experience_negative_en_prevention": {
        "fr": "transformer une expérience négative en prévention",
        "en": "turning a bad experience into prevention",
    },
    "persona_topics": {"fr": "Sujets de prédilection", "en": "Favourite topics"},
    "persona_angle": {"fr": "Angle d'approche", "en": "Approach"},
    "persona_canal": {"fr": "Canal", "en": "Channel"},
    "persona_reconnaissance": {"fr": "Reconnaissance", "en": "Recognition"},
    "chart_personas": {"fr": "Taille des personas", "en": "Persona sizes"},
    "chart_personas_x": {"fr": "Nombre d'auteurs", "en": "Number of authors"},
    # Ambassadors
    "ambassadors_intro": {
        "fr": "Auteurs qui pourraient relayer vos contenus. Ils sont désignés par un pseudonyme : "
        "la correspondance avec leur identité est conservée séparément, par le responsable des données.",
        "en": "Authors who could relay your content. They are referred to by a pseudonym: the link "
        "to their identity is kept separately, by the data controller.",
    },
    "col_author_id": {"fr": "Pseudonyme", "en": "Pseudonym"},
    "col_persona": {"fr": "Persona", "en": "Persona"},
    "col_why": {"fr": "Pourquoi", "en": "Why"},
    "ambassadors_none": {"fr": "Aucun ambassadeur pressenti.", "en": "No ambassador shortlisted."},
    # Campaign
    "campaign_intro": {
        "fr": "La campagne a-t-elle changé les comportements ? Effets estimés avec leur intervalle de confiance à 95 %.",
        "en": "Did the campaign change behaviour? Estimated effects with their 95% confidence interval.",
    },
    "campaign_verdict": {"fr": "Verdict", "en": "Verdict"},
    "campaign_effects": {"fr": "Effets estimés", "en": "Estimated effects"},
    "campaign_power": {"fr": "Puissance statistique", "en": "Statistical power"},
    "campaign_power_text": {
        "fr": "Puissance pour détecter l'effet visé : {power}. Effet minimal détectable : {mde}.",
        "en": "Power to detect the target effect: {power}. Minimum detectable effect: {mde}.",
    },
    "chart_forest": {"fr": "Effet de la campagne par persona", "en": "Campaign effect by persona"},
    "chart_forest_arm": {
        "fr": "Effet de « {arm} » par persona",
        "en": "Effect of “{arm}” by persona",
    },
    "campaign_effects_caption": {
        "fr": "Effet de chaque message par rapport à sa référence (différence de taux de conversion).",
        "en": "Effect of each message against its reference (difference in conversion rate).",
    },
    "campaign_targeting": {
        "fr": "Ciblage : le modèle fait-il mieux que le hasard ?",
        "en": "Targeting: does the model beat random?",
    },
    "col_arm": {"fr": "Message", "en": "Arm"},
    "col_reference": {"fr": "Référence", "en": "Reference"},
    "col_relative": {"fr": "Hausse relative", "en": "Relative uplift"},
    "col_p_holm": {"fr": "p ajusté (Holm)", "en": "Adjusted p (Holm)"},
    "col_model": {"fr": "Modèle", "en": "Model"},
    "col_qini": {"fr": "Coefficient de Qini [IC 95 %]", "en": "Qini coefficient [95% CI]"},
    "col_beats_random": {"fr": "Mieux que le hasard", "en": "Beats random"},
    "col_mde": {"fr": "Effet minimal détectable", "en": "Minimum detectable effect"},
    "col_n_needed": {"fr": "Effectif nécessaire par bras", "en": "N needed per arm"},
    "col_sufficient": {"fr": "Effectif suffisant", "en": "Sample sufficient"},
    "campaign_power_caption": {
        "fr": "Avec 80 % de puissance : le plus petit effet que la campagne pouvait détecter, et l'effectif qu'il faudrait pour l'effet visé.",
        "en": "At 80% power: the smallest effect the campaign could detect, and the sample the target effect would need.",
    },
    "chart_forest_x": {
        "fr": "Effet (différence de taux, points)",
        "en": "Effect (rate difference, points)",
    },
    "chart_qini": {"fr": "Courbe de Qini", "en": "Qini curve"},
    "chart_qini_x": {"fr": "Part de la population ciblée", "en": "Share of population targeted"},
    "chart_qini_y": {
        "fr": "Gain cumulé (conversions en plus)",
        "en": "Cumulative gain (extra conversions)",
    },
    "qini_model": {"fr": "ciblage par le modèle", "en": "model targeting"},
    "qini_random": {"fr": "ciblage au hasard (référence)", "en": "random targeting (baseline)"},
    "col_segment": {"fr": "Segment", "en": "Segment"},
    "col_effect": {"fr": "Effet", "en": "Effect"},
    "col_ci": {"fr": "IC 95 %", "en": "95% CI"},
    "col_n": {"fr": "Effectif", "en": "N"},
    "col_metric": {"fr": "Mesure", "en": "Metric"},
    "col_value": {"fr": "Valeur", "en": "Value"},
    "overall": {"fr": "Ensemble", "en": "Overall"},
    "no_campaign": {
        "fr": "aucun fichier de campagne n'a été fourni (ou l'étape « uplift » n'a pas été exécutée).",
        "en": "no campaign file was provided (or the “uplift” stage has not been run).",
    },
    # Methodology
    "method_intro": {
        "fr": "Comment les résultats ont été obtenus, leur fiabilité, et leurs limites.",
        "en": "How the results were obtained, how reliable they are, and their limits.",
    },
    "method_embedding": {
        "fr": "Représentation des textes : {backend}.",
        "en": "Text representation: {backend}.",
    },
    "method_topic_quality": {"fr": "Qualité des sujets", "en": "Topic quality"},
    "method_pii": {"fr": "Détection des données personnelles", "en": "Personal-data detection"},
    "method_gap_calibration": {"fr": "Calibration de la couverture", "en": "Coverage calibration"},
    "method_persona_quality": {"fr": "Qualité des personas", "en": "Persona quality"},
    "method_limits": {"fr": "Limites connues", "en": "Known limits"},
    "method_contest": {"fr": "Contester un résultat", "en": "How to contest a result"},
    "q_coherence": {
        "fr": "Cohérence NPMI (de −1 à 1, plus haut = mots-clés plus liés)",
        "en": "NPMI coherence (−1 to 1, higher = keywords more related)",
    },
    "q_n_topics": {"fr": "Nombre de sujets", "en": "Number of topics"},
    "method_sentiment": {"fr": "Tonalité : {backend}.", "en": "Sentiment: {backend}."},
    "method_sentiment_quality": {
        "fr": "Fiabilité de la tonalité (textes réels jamais vus à l'entraînement)",
        "en": "Sentiment reliability (real texts never seen in training)",
    },
    "method_sentiment_quality_note": {
        "fr": "Exactitude positif/négatif : part des avis positifs ou négatifs dont le signe est juste. Macro-F1 : sur les étiquettes réelles (3 classes pour les tweets). Dernière colonne : avis négatifs classés « neutre ».",
        "en": "Positive/negative accuracy: share of positive or negative texts whose sign is right. Macro-F1: over the real labels (3 classes for the tweets). Last column: negative texts labelled “neutral”.",
    },
    "col_corpus": {"fr": "Corpus (partie test)", "en": "Corpus (test split)"},
    "col_n_texts": {"fr": "Textes", "en": "Texts"},
    "col_accuracy_pos_neg": {
        "fr": "Exactitude positif/négatif",
        "en": "Positive/negative accuracy",
    },
    "col_macro_f1": {"fr": "Macro-F1", "en": "Macro-F1"},
    "col_negatives_neutral": {"fr": "Négatifs classés neutres", "en": "Negatives labelled neutral"},
    "pii_detector": {"fr": "Détecteur", "en": "Detector"},
    "pii_comments": {
        "fr": "Commentaires contenant une donnée personnelle (masquée)",
        "en": "Comments holding personal data (masked)",
    },
    "pii_type": {"fr": "Remplacements « {kind} »", "en": "Replacements “{kind}”"},
    "q_diversity": {"fr": "Diversité des mots-clés (0 à 1)", "en": "Keyword diversity (0 to 1)"},
    "q_stability": {
        "fr": "Stabilité entre graines (ARI moyen, 0 à 1)",
        "en": "Stability across seeds (mean ARI, 0 to 1)",
    },
    "q_outliers": {"fr": "Part de commentaires hors sujet", "en": "Share of outlier comments"},
    "q_clustering": {"fr": "Regroupement (HDBSCAN, UMAP)", "en": "Clustering (HDBSCAN, UMAP)"},
    "q_clustering_value": {
        "fr": "taille minimale d'un sujet {mcs} ({mcs_source}), voisins {nn} ({nn_source}), sur {n_fit} commentaires",
        "en": "minimum topic size {mcs} ({mcs_source}), neighbours {nn} ({nn_source}), on {n_fit} comments",
    },
    "q_auto": {"fr": "selon la taille du corpus", "en": "from the corpus size"},
    "q_user": {"fr": "fixé par l'utilisateur", "en": "set by the user"},
    "limit_1": {
        "fr": "Les commentaires ne représentent que les personnes qui écrivent en ligne, pas l'ensemble des patients.",
        "en": "Comments represent only people who write online, not all patients.",
    },
    "limit_2": {
        "fr": "Les sujets et la tonalité sont estimés automatiquement : ils peuvent se tromper sur l'ironie, les négations et les textes courts.",
        "en": "Topics and sentiment are estimated automatically: they can be wrong on irony, negation and short texts.",
    },
    "limit_3": {
        "fr": "La détection des données personnelles n'est pas parfaite : un document partagé doit rester dans le cercle prévu.",
        "en": "Personal-data detection is not perfect: a shared report must stay within its intended audience.",
    },
    "limit_4": {
        "fr": "Un effet de campagne non significatif ne prouve pas l'absence d'effet : voir la puissance.",
        "en": "A non-significant campaign effect does not prove there is no effect: see the power.",
    },
    "contest_text": {
        "fr": "Si un résultat vous semble faux, ou si une personne demande la suppression de ses données, "
        "contactez {contact} en citant la section, la ligne et l'identifiant d'exécution ci-dessous. "
        "Chaque résultat peut être recalculé à l'identique à partir des versions de données listées.",
        "en": "If a result looks wrong, or someone asks for their data to be erased, contact {contact} "
        "quoting the section, the row and the run identifier below. Every result can be recomputed "
        "exactly from the dataset versions listed.",
    },
    "method_register": {
        "fr": "Registre des traitements (RGPD art. 30)",
        "en": "Record of processing (GDPR art. 30)",
    },
    "method_register_text": {
        "fr": "Le registre de ce traitement (sources, périodes, catégories de données, finalités, "
        "pseudonymisation, conservation, destinataires) est écrit à chaque exécution à côté de ce "
        "rapport : ../../processing_register_fr.md/<même version>/processing_register_fr.md "
        "(version anglaise : processing_register_en.md). Les citations de ce rapport sont raccourcies "
        "et généralisées pour qu'aucune ne permette de retrouver son auteur, et aucun groupe de moins "
        "de {k} auteurs n'est décrit.",
        "en": "The record of this processing (sources, periods, data categories, purposes, "
        "pseudonymisation, retention, recipients) is written by every run next to this report: "
        "../../processing_register_en.md/<same version>/processing_register_en.md (French: "
        "processing_register_fr.md). Quotes in this report are shortened and generalised so that none "
        "leads back to its author, and no group of fewer than {k} authors is described.",
    },
    # Run metadata
    "run_intro": {
        "fr": "De quoi refaire exactement ce rapport.",
        "en": "What is needed to reproduce this report exactly.",
    },
    "run_packages": {"fr": "Versions des logiciels", "en": "Package versions"},
    "run_parameters": {"fr": "Paramètres", "en": "Parameters"},
    "run_inputs": {"fr": "Fichiers d'entrée (empreinte SHA-256)", "en": "Input files (SHA-256)"},
    "run_datasets": {"fr": "Versions des jeux de données", "en": "Dataset versions"},
    "col_package": {"fr": "Logiciel", "en": "Package"},
    "col_version": {"fr": "Version", "en": "Version"},
    "col_file": {"fr": "Fichier", "en": "File"},
    "col_hash": {"fr": "SHA-256", "en": "SHA-256"},
    "col_dataset": {"fr": "Jeu de données", "en": "Dataset"},
    "absent": {"fr": "absent", "en": "absent"},
}


MONTHS_FR = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)
MONTHS_LONG_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_LONG_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _format_number(value: float, decimals: int, lang: str) -> str:
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        # French: narrow no-break space between thousands, decimal comma.
        text = text.replace(",", "\u202f").replace(".", ",")
    return text.replace("-", "−")  # a true minus sign, as wide as the plus


@dataclass(frozen=True)
class Translator:
    """Looks strings up in :data:`STRINGS` and formats numbers for one language.

    Raises:
        ValueError: ``lang`` is not one of :data:`LANGUAGES`.
    """

    lang: str = "fr"

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"reporting.language must be one of {LANGUAGES}, got {self.lang!r}")

    def __call__(self, key: str, **values: object) -> str:
        text = STRINGS[key][self.lang]
        return text.format(**values) if values else text

    def month_long(self, when: datetime) -> str:
        """``mars 2026`` / ``March 2026``, for sentences."""
        names = MONTHS_LONG_FR if self.lang == "fr" else MONTHS_LONG_EN
        return f"{names[when.month - 1]} {when.year}"

    def month(self, when: datetime) -> str:
        """``janv. 2024`` / ``Jan 2024``: month names never depend on the machine's locale."""
        names = MONTHS_FR if self.lang == "fr" else MONTHS_EN
        return f"{names[when.month - 1]} {when.year}"

    def integer(self, value: float | None) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        return _format_number(round(float(value)), 0, self.lang)

    def number(self, value: float | None, decimals: int = 2) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        return _format_number(float(value), decimals, self.lang)

    def percent(self, share: float | None, decimals: int = 0) -> str:
        """``0.123`` → ``12 %`` (fr) / ``12%`` (en)."""
        if share is None or (isinstance(share, float) and math.isnan(share)):
            return "–"
        text = _format_number(100 * float(share), decimals, self.lang)
        return f"{text}\u202f%" if self.lang == "fr" else f"{text}%"

    def signed(self, value: float | None, decimals: int = 1, unit: str = "") -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "–"
        sign = "+" if value > 0 else ("−" if value < 0 else "")
        return f"{sign}{_format_number(abs(float(value)), decimals, self.lang)}{unit}"
