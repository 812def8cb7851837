"""A small, clearly separable French corpus with the ``comments_clean`` columns.

Five themes with their own vocabulary, a theme that grows over the last months, a burst of
negative comments in one theme and month, questions with and without "?". Built here so
the topics tests never depend on another stage or on ../shared.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

THEMES = {
    "diabete": (
        [
            "insuline",
            "glycémie",
            "diabète",
            "capteur freestyle",
            "hypoglycémie",
            "stylo insuline",
            "hémoglobine glyquée",
            "diabétologue",
        ],
        [
            "ma {a} est à 2 grammes ce matin",
            "je règle ma {a} avant les repas",
            "le {a} me pique tous les jours",
            "depuis mon {a} je note tout dans le carnet",
            "la {a} varie beaucoup avec le sport",
        ],
    ),
    "chimio": (
        [
            "chimiothérapie",
            "oncologue",
            "perte des cheveux",
            "perfusion",
            "cure de chimio",
            "tumeur",
            "radiothérapie",
            "nausées de la chimio",
        ],
        [
            "la {a} de mardi a lieu mardi",
            "mon {a} propose encore trois séances",
            "après la {a} je dors toute la journée",
            "la {a} se passe à l'hôpital de jour",
            "on parle de {a} dans le service d'oncologie",
        ],
    ),
    "sommeil": (
        [
            "insomnie",
            "somnifère",
            "mélatonine",
            "réveils nocturnes",
            "apnée du sommeil",
            "masque ppc",
            "endormissement",
            "nuits blanches",
        ],
        [
            "mon {a} dure depuis des semaines",
            "la {a} ne suffit plus la nuit",
            "avec mes {a} je dors trois heures",
            "le {a} m'aide pour dormir",
            "les {a} reviennent au réveil",
        ],
    ),
    "grossesse": (
        [
            "grossesse",
            "allaitement",
            "sage-femme",
            "échographie",
            "nourrisson",
            "tire-lait",
            "accouchement",
            "péridurale",
        ],
        [
            "pendant ma {a} tout était suivi",
            "la {a} du troisième trimestre était prévue",
            "mon {a} prend du temps chaque nuit",
            "la {a} à la maternité était prévue",
            "pour l'{a} j'ai suivi les cours",
        ],
    ),
    "asthme": (
        [
            "asthme",
            "inhalateur",
            "ventoline",
            "crise d'asthme",
            "pneumologue",
            "souffle court",
            "corticoïdes inhalés",
            "débitmètre",
        ],
        [
            "mon {a} revient quand il fait froid",
            "la {a} dans le sac en permanence",
            "la {a} m'a réveillé cette nuit",
            "le {a} a changé mon traitement de fond",
            "avec le pollen mon {a} revient",
        ],
    ),
}
POSITIVE = [
    "merci pour vos conseils, ça va mieux",
    "super équipe, très rassurant",
    "je suis soulagée, enfin un traitement efficace",
]
NEGATIVE = [
    "c'est horrible, je suis épuisée",
    "scandaleux, personne ne répond",
    "j'ai peur et j'ai mal",
]
QUESTIONS = [
    "quelqu'un sait si c'est normal",
    "est-ce que vous avez des conseils",
    "comment faire pour tenir",
    "peut-on arrêter sans risque ?",
]


def make_comments_clean(
    n: int = 1500, seed: int = 0, months: int = 12
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(``comments_clean`` stand-in, ground truth with ``theme``, ``is_question``, ``sentiment``)."""
    rng = np.random.default_rng(seed)
    names = list(THEMES)
    start = pd.Timestamp("2025-01-01")
    rows, truth = [], []
    for i in range(n):
        month = int(rng.integers(0, months))
        weights = np.ones(len(names))
        if month >= months - 3:
            weights[names.index("sommeil")] = 3.0  # the growing theme
        theme = names[rng.choice(len(names), p=weights / weights.sum())]
        terms, templates = THEMES[theme]
        parts = [
            templates[rng.integers(len(templates))].format(a=terms[rng.integers(len(terms))])
            for _ in range(2)
        ]
        sentiment = "neutre"
        burst = theme == "chimio" and month == months - 2 and rng.random() < 0.8
        if burst or rng.random() < 0.2:
            parts.append(NEGATIVE[rng.integers(len(NEGATIVE))])
            sentiment = "negatif"
        elif rng.random() < 0.25:
            parts.append(POSITIVE[rng.integers(len(POSITIVE))])
            sentiment = "positif"
        question = rng.random() < 0.3
        if question:
            parts.append(QUESTIONS[rng.integers(len(QUESTIONS))])
        if rng.random() < 0.1:
            parts.append("voir <URL> ou demander à <PERSONNE>")
        text = ". ".join(parts)
        created = start + pd.DateOffset(months=month) + pd.Timedelta(days=int(rng.integers(0, 28)))
        cid = f"c{i:06d}"
        rows.append(
            {
                "comment_id": cid,
                "author_id": f"a{rng.integers(0, n // 5):05d}",
                "thread_id": f"t{i // 10:05d}",
                "parent_id": None,
                "created_at": created,
                "source": "forum",
                "likes": int(rng.integers(0, 5)),
                "text_clean": text,
                "lang": "fr",
                "emoji_count": 0,
                "is_duplicate": False,
                "duplicate_group": None,
                "is_spam": False,
                "spam_score": 0.0,
                "spam_reason": None,
                "is_bot_author": False,
                "in_model": True,
                "exclusion_reason": None,
            }
        )
        truth.append(
            {
                "comment_id": cid,
                "theme": theme,
                "is_question": question,
                "sentiment": sentiment,
                "is_bad_buzz": burst,
            }
        )
    frame = pd.DataFrame(rows)
    # Two rows that cleaning left out of modelling: they must not appear in comment_topics.
    frame.loc[0, ["in_model", "exclusion_reason"]] = [False, "spam"]
    frame.loc[1, ["in_model", "exclusion_reason"]] = [False, "doublon"]
    frame["created_at"] = pd.to_datetime(frame["created_at"])
    return frame, pd.DataFrame(truth)
