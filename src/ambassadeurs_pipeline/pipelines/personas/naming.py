"""Readable French persona names and descriptions, built from a cluster's profile.

Names are fictional first names chosen by persona rank, never taken from the data, so no
card can point at a real member. Role, motivation and engagement words come from the
cluster's dominant values.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .motivations import MOTIVATIONS, UNKNOWN_MOTIVATION
from .roles import UNKNOWN_ROLE

#: (first name, feminine?) — fictional, alternating, one per persona rank.
FIRST_NAMES = [
    ("Marie", True),
    ("Karim", False),
    ("Sophie", True),
    ("Julien", False),
    ("Nadia", True),
    ("Thomas", False),
    ("Élise", True),
    ("Malik", False),
    ("Anne", True),
    ("Hugo", False),
    ("Léa", True),
    ("Samuel", False),
]
ROLE_WORDS = {
    "patient": ("patient", "patiente"),
    "aidant": ("aidant", "aidante"),
    "professionnel_de_sante": ("soignant", "soignante"),
    UNKNOWN_ROLE: ("membre", "membre"),
}
ROLE_PHRASES = {
    "patient": ("vit ou a vécu la maladie", "vit ou a vécu la maladie"),
    "aidant": ("accompagne un proche malade", "accompagne un proche malade"),
    "professionnel_de_sante": ("professionnel de santé", "professionnelle de santé"),
    UNKNOWN_ROLE: ("membre de la communauté", "membre de la communauté"),
}
MOTIVATION_SHORT = {
    "altruisme": ("altruiste", "altruiste"),
    "besoin_de_reconnaissance": ("en quête de reconnaissance", "en quête de reconnaissance"),
    "sentiment_d_appartenance": ("en quête de lien", "en quête de lien"),
    "experience_negative_en_prevention": (
        "engagé dans la prévention",
        "engagée dans la prévention",
    ),
    UNKNOWN_MOTIVATION: ("à la motivation peu exprimée", "à la motivation peu exprimée"),
}
MOTIVATION_PHRASES = {
    "altruisme": (
        "veut aider les autres à traverser l'épreuve",
        "veut aider les autres à traverser l'épreuve",
    ),
    "besoin_de_reconnaissance": (
        "veut que son savoir et son engagement soient reconnus",
        "veut que son savoir et son engagement soient reconnus",
    ),
    "sentiment_d_appartenance": (
        "cherche et fait vivre une communauté qui le comprend",
        "cherche et fait vivre une communauté qui la comprend",
    ),
    "experience_negative_en_prevention": (
        "veut éviter aux autres ce qu'il a vécu et pousse au dépistage précoce",
        "veut éviter aux autres ce qu'elle a vécu et pousse au dépistage précoce",
    ),
    UNKNOWN_MOTIVATION: ("exprime peu ses motivations", "exprime peu ses motivations"),
}
ENGAGEMENT_WORDS = {
    "forte": ("très actif", "très active"),
    "moyenne": ("régulier", "régulière"),
    "faible": ("occasionnel", "occasionnelle"),
}


@dataclass(frozen=True)
class PersonaProfile:
    role: str
    motivation: str
    engagement: str  # forte / moyenne / faible
    topics: list[str]


def profile_of(
    members: pd.DataFrame, community: pd.DataFrame, min_role_share: float = 0.4
) -> PersonaProfile:
    """Dominant role, motivation, engagement level and topics of a group of authors."""
    known = members.loc[members["role"] != UNKNOWN_ROLE, "role"]
    role = UNKNOWN_ROLE
    if len(known) and known.value_counts().iloc[0] / len(members) >= min_role_share:
        role = known.value_counts().sort_index().idxmax()
    shares = motivation_shares(members).mean()
    motivation = shares.idxmax().removeprefix("share_") if shares.max() > 0 else UNKNOWN_MOTIVATION
    median = members["n_comments"].median()
    q_low, q_high = community["n_comments"].quantile([0.4, 0.8])
    engagement = "forte" if median >= q_high else "faible" if median <= q_low else "moyenne"
    topics = []
    if "top_topic" in members:
        topics = members["top_topic"].dropna().value_counts().index[:3].tolist()
    return PersonaProfile(role, motivation, engagement, topics)


def motivation_shares(features: pd.DataFrame) -> pd.DataFrame:
    """Each author's motivation profile as shares summing to 1 (zeros when none expressed)."""
    scores = features[[f"motivation_{m}" for m in MOTIVATIONS]].to_numpy(dtype=float)
    total = scores.sum(axis=1, keepdims=True)
    shares = scores / (total + (total == 0))
    return pd.DataFrame(shares, index=features.index, columns=[f"share_{m}" for m in MOTIVATIONS])


def persona_name(rank: int, profile: PersonaProfile) -> tuple[str, str]:
    """Short name and one-line description for the persona of rank ``rank`` (0-based)."""
    first, fem = FIRST_NAMES[rank % len(FIRST_NAMES)]
    i = int(fem)
    name = f"{first}, {ROLE_WORDS[profile.role][i]} {MOTIVATION_SHORT[profile.motivation][i]}"
    engagement = ENGAGEMENT_WORDS[profile.engagement][i]
    pronoun = "elle" if fem else "il"
    about = f" ; parle surtout de {', '.join(profile.topics)}" if profile.topics else ""
    description = (
        f"{first} (personnage fictif), {ROLE_PHRASES[profile.role][i]}, {engagement} sur les "
        f"forums : {pronoun} {MOTIVATION_PHRASES[profile.motivation][i]}{about}."
    )
    return name, description


def disambiguate(names: list[str], profiles: list[PersonaProfile]) -> list[str]:
    """Personas sharing role and motivation get their engagement level in the name."""
    keys = [(p.role, p.motivation) for p in profiles]
    out = []
    for rank, (name, profile) in enumerate(zip(names, profiles)):
        if keys.count((profile.role, profile.motivation)) > 1:
            fem = FIRST_NAMES[rank % len(FIRST_NAMES)][1]
            name = f"{name} ({ENGAGEMENT_WORDS[profile.engagement][int(fem)]})"
        out.append(name)
    return out
