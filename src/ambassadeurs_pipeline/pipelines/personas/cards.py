"""Persona cards (JSON for the report, Markdown for reading) and recommended approaches.

A card says who the persona is (fictional name, one-line description), how many members it
holds, what sets it apart (persona mean against the community mean, in standard deviations),
what it talks about, how it talks (typical expressions, three short pseudonymised quotes) and
how to approach it (message angle, channel, recognition mechanism suited to its motivation).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.privacy.quotes import (
    CorpusIndex,
    guard_quote,
    whole_sentence,
)

from ..privacy.params import PrivacyParams
from .clustering import UNCLASSIFIED_ID
from .motivations import MOTIVATIONS, UNKNOWN_MOTIVATION, load_lexicon, score_comments
from .naming import motivation_shares
from .params import PersonasParams
from .roles import ROLES
from .textmatch import fold

#: Approach per motivation: what to say, where, and how to recognise the ambassador.
APPROACHES: dict[str, dict[str, str]] = {
    "altruisme": {
        "angle": "Montrer l'impact concret de son aide : « votre expérience aide d'autres personnes à traverser l'épreuve ».",
        "canal": "Groupes d'entraide et forum de la communauté, parrainage de nouveaux membres (pair-aidance).",
        "reconnaissance": "Remerciements personnalisés et retour régulier sur l'impact (personnes aidées, questions résolues) ; rôle de parrain ou marraine.",
    },
    "besoin_de_reconnaissance": {
        "angle": "Valoriser son savoir d'expérience : « votre expertise compte et mérite d'être partagée ».",
        "canal": "Prises de parole publiques : articles signés (pseudonyme choisi), lives, webinaires, comptes de l'organisation sur les réseaux sociaux.",
        "reconnaissance": "Reconnaissance publique : statut ou badge d'ambassadeur, mise en avant de ses contributions, formation certifiante, invitation aux événements.",
    },
    "sentiment_d_appartenance": {
        "angle": "Faire partie d'un collectif : « ensemble, on est plus forts face à la maladie ».",
        "canal": "Groupe privé d'ambassadeurs, cafés-patients et rencontres, messagerie de groupe.",
        "reconnaissance": "Appartenance visible : réseau d'ambassadeurs nommé, rencontres annuelles, kit aux couleurs de l'organisation.",
    },
    "experience_negative_en_prevention": {
        "angle": "Transformer son vécu en prévention : « pour que d'autres n'attendent pas comme moi ».",
        "canal": "Campagnes de sensibilisation et de dépistage, témoignages vidéo ou audio, interventions en entreprise ou en milieu scolaire.",
        "reconnaissance": "Associer son témoignage à une campagne et lui montrer les résultats (participations au dépistage, partages).",
    },
    UNKNOWN_MOTIVATION: {
        "angle": "Commencer par écouter : motivation peu exprimée, un entretien ou un court questionnaire la précisera.",
        "canal": "Message personnel sur le canal où la personne est active.",
        "reconnaissance": "À définir après l'entretien.",
    },
}
PROFESSIONAL_NOTE = (
    " Pour les professionnels de santé : webinaires et réseaux professionnels, validation "
    "scientifique des contenus, déclaration des liens d'intérêt."
)

FEATURE_LABELS = {
    **{
        f"share_{m}": f"part de la motivation « {load_lexicon().labels[m].lower()} »"
        for m in MOTIVATIONS
    },
    **{f"role_{r}": f"part de {r.replace('_', ' ')}s déclarés" for r in ROLES},
    "n_comments": "messages",
    "active_days": "jours actifs",
    "regularity": "régularité (part des semaines actives)",
    "answers_to_questions": "réponses aux questions des autres",
    "answer_share": "part de ses messages qui répondent à une question",
    "thanks_received": "remerciements reçus",
    "mean_likes_on_answers": "j'aime par réponse",
    "in_degree": "personnes différentes qui lui répondent",
    "pagerank": "centralité (PageRank)",
    "share_positive": "part de messages positifs",
    "share_negative": "part de messages négatifs",
}


def _card_frame(features: pd.DataFrame) -> pd.DataFrame:
    frame = features.join(motivation_shares(features))
    for r in ROLES:
        frame[f"role_{r}"] = (frame["role"] == r).astype(float)
    return frame


def distinguishing_features(
    members: pd.DataFrame, community: pd.DataFrame, n: int
) -> list[dict[str, Any]]:
    """The ``n`` features whose persona mean is furthest from the community mean (in SD)."""
    out = []
    for col, label in FEATURE_LABELS.items():
        values = community[col].astype(float)
        sd = values.std(ddof=0)
        mine, overall = float(members[col].mean()), float(values.mean())
        z = (mine - overall) / sd if sd > 0 else 0.0
        out.append(
            {
                "feature": col,
                "label": label,
                "persona_mean": round(mine, 3),
                "community_mean": round(overall, 3),
                "difference_sd": round(z, 2),
            }
        )
    return sorted(out, key=lambda d: (-abs(d["difference_sd"]), d["feature"]))[:n]


def top_topics(
    members: pd.DataFrame, community: pd.DataFrame, labels: dict[str, str], n: int
) -> list[dict[str, Any]]:
    cols = [c for c in community.columns if c.startswith("topic_") and c != "top_topic"]
    rows = []
    for col in cols:
        share, base = float(members[col].mean()), float(community[col].mean())
        rows.append(
            {
                "topic": labels.get(col, col),
                "persona_share": round(share, 3),
                "community_share": round(base, 3),
                "lift": round(share / base, 2) if base > 0 else None,
            }
        )
    return sorted(rows, key=lambda d: (-d["persona_share"], d["topic"]))[:n]


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1] + "…"


def describe_personas(
    author_features: pd.DataFrame,
    author_personas: pd.DataFrame,
    persona_quality: dict[str, Any],
    comments_clean: pd.DataFrame,
    topic_info: pd.DataFrame | None,
    params: PersonasParams,
    privacy: PrivacyParams | None = None,
) -> tuple[dict[str, Any], str]:
    """Persona cards as a JSON-ready dict and their Markdown rendering.

    Quotes come from ``text_clean`` (already pseudonymised), are cut to
    ``cards.quote_max_chars``, come from different members and pass the quote guard
    (``privacy.quotes``; ``privacy/quotes.py``) against the whole corpus.
    """
    cp = params.cards
    guard_params = (privacy or PrivacyParams()).quotes
    feats = _card_frame(author_features.set_index("author_id"))
    classified = author_personas[author_personas["persona_id"] != UNCLASSIFIED_ID].set_index(
        "author_id"
    )
    community = feats.loc[feats.index.intersection(classified.index)]
    topic_labels: dict[str, str] = {}
    # The topics stage names the column ``topic_label`` (older outputs: ``label``).
    label_col = next(
        (c for c in ("topic_label", "label") if topic_info is not None and c in topic_info.columns),
        None,
    )
    if label_col is not None and "topic_id" in topic_info.columns:
        topic_labels = {
            f"topic_{int(t)}": str(lab)
            for t, lab in zip(topic_info["topic_id"], topic_info[label_col])
        }

    usable = comments_clean[
        comments_clean["author_id"].isin(classified.index)
        & ~comments_clean["is_spam"].astype("boolean").fillna(False).astype(bool)
        & ~comments_clean["is_duplicate"].astype("boolean").fillna(False).astype(bool)
    ]
    scored = score_comments(usable, load_lexicon()) if len(usable) else pd.DataFrame()
    index = CorpusIndex.build(
        comments_clean["text_clean"],
        comments_clean["author_id"].astype(str),
        guard_params.span_words,
    )
    if len(scored):
        scored = scored.join(usable[["text_clean"]])
        scored["persona_id"] = scored["author_id"].map(classified["persona_id"])
        scored["confidence"] = scored["author_id"].map(classified["confidence"])

    n_in = int(persona_quality.get("authors_in", len(author_personas)))
    stable = bool(persona_quality.get("stable", False))
    cards = []
    for info in persona_quality.get("personas", []):
        pid = info["persona_id"]
        members = community.loc[
            classified.index[classified["persona_id"] == pid].intersection(community.index)
        ]
        motivation = info["motivation"]
        approach = dict(APPROACHES[motivation])
        if info["role"] == "professionnel_de_sante":
            approach["canal"] += PROFESSIONAL_NOTE
        expressions, quotes = [], []
        if len(scored):
            mine = scored[scored["persona_id"] == pid]
            expr_cols = [f"expr_{m}" for m in MOTIVATIONS]
            expressions = (
                mine[expr_cols]
                .stack()
                .dropna()
                .value_counts()
                .head(cp.n_expressions)
                .index.tolist()
            )
            if motivation in MOTIVATIONS:
                pool = mine[mine[f"mot_{motivation}"] > 0].copy()
                pool["_len"] = pool["text_clean"].str.len()
                # Same cue up to accents, case and doubled letters ("tarrdé"/"tardé"): one quote.
                pool["_cue"] = pool[f"expr_{motivation}"].map(
                    lambda e: re.sub(r"(.)\1+", r"\1", fold(str(e)))
                )
                # One quote per member and per expression, so the three quotes differ.
                pool = (
                    pool.sort_values(
                        ["confidence", f"mot_{motivation}", "_len", "comment_id"],
                        ascending=[False, False, True, True],
                        kind="stable",
                    )
                    .drop_duplicates("author_id")
                    .drop_duplicates("_cue")
                )
                # Cards are published (report, slides): each quote is guarded here, once
                # (generalised quasi-identifiers, rare words masked, no 8-word run left that
                # a search engine could find); the report only checks it (passes_guard).
                # A whole short sentence holding the cue is preferred to a cut-up quote.
                quotes = []
                for text, cue in zip(pool["text_clean"], pool[f"expr_{motivation}"]):
                    quote = whole_sentence(str(text), index, guard_params, str(cue)) or guard_quote(
                        _shorten(text, cp.quote_max_chars), index, guard_params
                    )
                    if quote and quote not in quotes:
                        quotes.append(quote)
                    if len(quotes) >= cp.n_quotes:
                        break
        card = {
            "persona_id": pid,
            "name": info["persona_name"],
            "description": info["description"],
            "fictional": True,
            "size": int(len(members)),
            "share_of_classified": round(len(members) / max(len(community), 1), 3),
            "share_of_all_authors": round(len(members) / max(n_in, 1), 3),
            "dominant_role": info["role"],
            "dominant_motivation": motivation,
            "engagement": info["engagement"],
            "mean_confidence": round(float(classified.loc[members.index, "confidence"].mean()), 3)
            if len(members)
            else None,
            "distinguishing_features": distinguishing_features(members, community, cp.n_features),
            "top_topics": top_topics(members, community, topic_labels, cp.n_topics),
            "typical_expressions": expressions,
            "quotes": quotes,
            "recommended_approach": approach,
            "stability_warning": None if stable else persona_quality.get("message"),
        }
        cards.append(card)
    payload = {
        "stable": stable,
        "stability": {
            "bootstrap_ari_mean": persona_quality.get("bootstrap_ari_mean"),
            "threshold": persona_quality.get("stability_threshold"),
            "message": persona_quality.get("message"),
        },
        "authors_in": n_in,
        "authors_clustered": persona_quality.get("authors_clustered"),
        "unclassified": persona_quality.get("unclassified_reasons", {}),
        "personas": cards,
    }
    return payload, render_markdown(payload)


def render_markdown(payload: dict[str, Any]) -> str:
    """Markdown rendering of the cards, for reading outside the HTML report."""
    lines = ["# Personas d'ambassadeurs", ""]
    lines.append(f"> {payload['stability']['message']}" if payload["stability"]["message"] else "")
    lines += [
        "",
        f"{payload['authors_in']} membres au total, {payload['authors_clustered']} classés dans un persona. "
        "Les prénoms sont fictifs ; les citations sont pseudonymisées.",
        "",
    ]
    for reason, n in payload["unclassified"].items():
        lines.append(f"- non classés ({reason}) : {n}")
    for card in payload["personas"]:
        lines += ["", f"## {card['persona_id']} · {card['name']}", "", card["description"], ""]
        lines.append(
            f"**Taille** : {card['size']} membres ({100 * card['share_of_classified']:.0f} % des membres classés) · "
            f"**confiance moyenne** : {card['mean_confidence']}"
        )
        if card["stability_warning"]:
            lines += ["", f"⚠️ {card['stability_warning']}"]
        lines += [
            "",
            "| ce qui le distingue | persona | communauté | écart (écarts-types) |",
            "|---|---|---|---|",
        ]
        for f in card["distinguishing_features"]:
            lines.append(
                f"| {f['label']} | {f['persona_mean']} | {f['community_mean']} | {f['difference_sd']:+.2f} |"
            )
        if card["top_topics"]:
            topics = ", ".join(
                f"{t['topic']} ({100 * t['persona_share']:.0f} %)" for t in card["top_topics"]
            )
            lines += ["", f"**Sujets** : {topics}"]
        if card["typical_expressions"]:
            lines.append(
                f"**Expressions typiques** : {', '.join('« ' + e + ' »' for e in card['typical_expressions'])}"
            )
        if card["quotes"]:
            lines += ["", "**Citations** :"] + [f"> {q}" for q in card["quotes"]]
        a = card["recommended_approach"]
        lines += [
            "",
            "**Approche recommandée**",
            "",
            f"- Angle : {a['angle']}",
            f"- Canal : {a['canal']}",
            f"- Reconnaissance : {a['reconnaissance']}",
        ]
    return "\n".join(lines) + "\n"
