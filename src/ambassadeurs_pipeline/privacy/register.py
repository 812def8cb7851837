"""Record of processing activities (GDPR art. 30), rendered as Markdown in French and English.

Built from what the run actually read and wrote (ingestion and cleaning reports, parameters),
so that it cannot drift from the pipeline. The salt appears only as its fingerprint.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .pseudonyms import salt_fingerprint

#: Outputs and who they are for (dataset → (fr, en)).
OUTPUTS = {
    "comments_raw": (
        "copie brute restreinte (texte et pseudos d'origine) — équipe données uniquement",
        "restricted raw copy (original text and handles) — data team only",
    ),
    "comments_clean": (
        "commentaires pseudonymisés, sans données directement identifiantes — analystes",
        "pseudonymised comments, no direct identifiers — analysts",
    ),
    "comment_topics / topic_info": (
        "sujets, tendances, tonalité — analystes, communication",
        "topics, trends, sentiment — analysts, communication",
    ),
    "faq / information_gaps": (
        "questions fréquentes et manques d'information — équipes contenus",
        "frequent questions and information gaps — content teams",
    ),
    "author_personas / ambassador_candidates": (
        "personas et liste pseudonymisée d'ambassadeurs potentiels — équipe recrutement (accès restreint)",
        "personas and pseudonymised shortlist of potential ambassadors — recruitment team (restricted)",
    ),
    "uplift_results": (
        "évaluation de campagne (agrégats) — direction, partenaires",
        "campaign evaluation (aggregates) — management, partners",
    ),
    "report_html": (
        "rapport parties prenantes : agrégats et citations protégées, aucun groupe < k auteurs",
        "stakeholder report: aggregates and guarded quotes, no group < k authors",
    ),
}

_TEXT = {
    "title": (
        "Registre des activités de traitement (RGPD art. 30)",
        "Record of processing activities (GDPR art. 30)",
    ),
    "generated": ("Écrit par l'exécution du", "Written by the run of"),
    "controller": ("Responsable du traitement", "Controller"),
    "contact": ("Contact (exercice des droits)", "Contact (data-subject rights)"),
    "sources": ("Sources des données et périodes", "Data sources and periods"),
    "period": ("Période couverte", "Period covered"),
    "unknown": ("inconnue", "unknown"),
    "rows": ("commentaires reçus", "comments received"),
    "categories": ("Catégories de données", "Data categories"),
    "categories_list": (
        [
            "Textes de commentaires publics de patients, aidants et professionnels — données de santé "
            "(catégorie particulière, RGPD art. 9)",
            "Pseudos des auteurs (remplacés par des pseudonymes dès le nettoyage)",
            "Dates, fils de discussion, mentions « j'aime »",
            "Campagne : bras, conversion, covariables d'engagement (si fournie)",
        ],
        [
            "Texts of public comments by patients, caregivers and professionals — health data (special "
            "category, GDPR art. 9)",
            "Author handles (replaced by pseudonyms at cleaning)",
            "Dates, threads, likes",
            "Campaign: arm, conversion, engagement covariates (if provided)",
        ],
    ),
    "purposes": ("Finalités", "Purposes"),
    "pseudo": ("Pseudonymisation", "Pseudonymisation"),
    "pseudo_text": (
        "HMAC-SHA256 à clé secrète (sel) des pseudos normalisés, préfixe `au_` + 16 caractères hexadécimaux ; "
        "données personnelles du texte (e-mail, téléphone, NIR, IBAN, noms, adresses) remplacées par des "
        "étiquettes typées. Identifiant du sel (empreinte, jamais le sel) : `{fp}`.",
        "Keyed HMAC-SHA256 (secret salt) of normalised handles, prefix `au_` + 16 hex characters; personal "
        "data in text (e-mail, phone, NIR, IBAN, names, addresses) replaced by typed placeholders. Salt "
        "identifier (fingerprint, never the salt): `{fp}`.",
    ),
    "pii": (
        "Commentaires où des données personnelles ont été masquées",
        "Comments where personal data was masked",
    ),
    "retention": ("Durée de conservation", "Retention"),
    "retention_text": (
        "{days} jours après la date du commentaire (`privacy.retention_days`) ; purge : "
        "`python -m ambassadeurs_pipeline.privacy.retention`. Effacement sur demande (art. 17) : "
        "`python -m ambassadeurs_pipeline.privacy.erase --author <pseudo ou au_…>`, journal "
        "`data/09_privacy/erasure_log.jsonl`.",
        "{days} days after the comment's date (`privacy.retention_days`); purge: "
        "`python -m ambassadeurs_pipeline.privacy.retention`. Erasure on request (art. 17): "
        "`python -m ambassadeurs_pipeline.privacy.erase --author <handle or au_…>`, log "
        "`data/09_privacy/erasure_log.jsonl`.",
    ),
    "quotes": ("Publication", "Publication"),
    "quotes_text": (
        "Citations raccourcies et généralisées (aucune suite de {n} mots identique à un commentaire), "
        "aucun groupe de moins de {k} auteurs décrit.",
        "Quotes shortened and generalised (no run of {n} words identical to a comment), no group of "
        "fewer than {k} authors described.",
    ),
    "outputs": ("Sorties et destinataires", "Outputs and recipients"),
    "recipients": ("Destinataires", "Recipients"),
}


def _tr(key: str, lang: str) -> Any:
    fr, en = _TEXT[key]
    return fr if lang == "fr" else en


def render_register(
    lang: str,
    salt: str,
    privacy: dict[str, Any],
    ingestion_report: dict[str, Any] | None,
    cleaning_report: dict[str, Any] | None,
    parameters: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> str:
    """The register as Markdown in ``lang`` (``fr`` or ``en``)."""
    register = privacy.get("register") or {}
    now = now or datetime.now(UTC)
    comments = (ingestion_report or {}).get("comments") or {}
    period = comments.get("period") or {}
    lines = [
        f"# {_tr('title', lang)}",
        "",
        f"_{_tr('generated', lang)} {now.strftime('%Y-%m-%d %H:%M UTC')}_",
        "",
    ]
    lines += [
        f"- **{_tr('controller', lang)}** : {register.get('controller', '')}",
        f"- **{_tr('contact', lang)}** : {register.get('contact', '')}",
        "",
    ]
    lines += [f"## {_tr('sources', lang)}", ""]
    path = (parameters or {}).get("comments_path")
    if path:
        lines.append(f"- `{path}` — {comments.get('rows_in', '?')} {_tr('rows', lang)}")
    for source, n in sorted((comments.get("sources") or {}).items()):
        lines.append(f"  - {source} : {n}")
    start, end = period.get("start"), period.get("end")
    lines += [
        f"- {_tr('period', lang)} : {start} → {end}"
        if start
        else f"- {_tr('period', lang)} : {_tr('unknown', lang)}",
        "",
    ]
    lines += (
        [f"## {_tr('categories', lang)}", ""]
        + [f"- {c}" for c in _tr("categories_list", lang)]
        + [""]
    )
    lines += (
        [f"## {_tr('purposes', lang)}", ""]
        + [f"- {p}" for p in register.get("purposes", [])]
        + [""]
    )
    lines += [
        f"## {_tr('pseudo', lang)}",
        "",
        _tr("pseudo_text", lang).format(fp=salt_fingerprint(salt)),
    ]
    pii = (cleaning_report or {}).get("pii") or {}
    if pii.get("comments_with_pii") is not None:
        lines += ["", f"- {_tr('pii', lang)} : {pii['comments_with_pii']}"]
    lines += [
        "",
        f"## {_tr('retention', lang)}",
        "",
        _tr("retention_text", lang).format(days=privacy.get("retention_days", "?")),
    ]
    quotes = privacy.get("quotes") or {}
    lines += [
        "",
        f"## {_tr('quotes', lang)}",
        "",
        _tr("quotes_text", lang).format(
            n=quotes.get("span_words", 8), k=privacy.get("min_group_authors", 5)
        ),
    ]
    lines += ["", f"## {_tr('outputs', lang)}", ""]
    lines += [f"- `{name}` — {fr if lang == 'fr' else en}" for name, (fr, en) in OUTPUTS.items()]
    if register.get("recipients"):
        lines += ["", f"### {_tr('recipients', lang)}", ""] + [
            f"- {r}" for r in register["recipients"]
        ]
    return "\n".join(lines) + "\n"
