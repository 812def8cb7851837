"""Small hand-made corpora for the gaps stage, with a stand-in embedding backend.

(A module of its own, not conftest.py: tests import it by name, and another test folder's
``conftest`` would shadow it when both run in one pytest command.)

The corpus has three question groups with known answers:

- ``voyage`` (the planted gap): 10 askers, nobody answers, no catalog item about it;
- ``stylo``: 10 askers, each answered within 2 h by another member and thanked, and the
  catalog has an item about it (covered, answered);
- ``fatigue``: 6 askers, half answered, not covered.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

from ambassadeurs_pipeline.pipelines.gaps.params import GapsParams


class StandInEmbedding:
    """TF-IDF (word 1-2 grams), dense, L2-normalised float32: the backend interface in small."""

    def fit(self, texts: list[str]) -> StandInEmbedding:
        self.vectorizer_ = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit(texts)
        return self

    def transform(self, texts: list[str]) -> np.ndarray:
        return self.vectorizer_.transform(texts).toarray().astype(np.float32)


VOYAGE = [
    "comment gérer ses repas de diabétique en voyage avec le décalage horaire ?",
    "quelqu'un sait comment adapter l'insuline en voyage avec le décalage horaire ?",
    "en avion pour un long voyage, comment gérer les repas et l'insuline ?",
    "voyage avec décalage horaire : on décale l'insuline ou les repas ?",
    "repas décalés en voyage, comment faire avec son diabète ?",
]
STYLO = [
    "comment utiliser le stylo à insuline sans se faire mal ?",
    "le stylo à insuline, on change l'aiguille à chaque injection ?",
    "où faire l'injection avec le stylo à insuline ?",
    "comment purger le stylo à insuline avant l'injection ?",
    "stylo à insuline : faut-il pincer la peau pour l'injection ?",
]
FATIGUE = [
    "la fatigue de la sclérose en plaques passe avec le repos ?",
    "comment gérer la fatigue intense de la sclérose en plaques au quotidien ?",
    "fatigue et sclérose en plaques : des astuces pour tenir la journée ?",
]
CATALOG = pd.DataFrame(
    {
        "item_id": [f"c{i}" for i in range(1, 8)],
        "title": [
            "Bien utiliser son stylo à insuline",
            "Alimentation équilibrée et diabète",
            "Activité physique et diabète",
            "Reconnaître une hypoglycémie",
            "Vaccination des adultes",
            "Le sommeil des enfants",
            "Comprendre la sclérose en plaques",
        ],
        "summary": [
            "Injection avec le stylo à insuline : changer l'aiguille, purger le stylo, choisir le site d'injection, pincer la peau.",
            "Composer ses assiettes, les glucides, les fibres et les repas de tous les jours avec un diabète.",
            "Marche, vélo, natation : bouger avec un diabète et adapter ses collations.",
            "Tremblements, sueurs, faim : les signes d'hypoglycémie et le resucrage.",
            "Calendrier vaccinal, rappels diphtérie tétanos polio et grippe saisonnière.",
            "Rythmes de sommeil de l'enfant, sieste et coucher.",
            "Poussées, IRM, traitements de fond : les bases de la maladie.",
        ],
        "url": [f"https://asso.example/c{i}" for i in range(1, 8)],
        "theme": ["diabete", "diabete", "diabete", "diabete", "vaccination", "pediatrie", "sep"],
    }
).astype("string")


def make_corpus(*, n_voyage: int = 10, n_stylo: int = 10, n_fatigue: int = 6, flat: bool = False):
    """(comments_clean, comment_topics, ground truth {comment_id: group name})."""
    rows, topics, truth = [], [], {}
    start = pd.Timestamp("2025-01-01")
    k = 0

    def add(
        text,
        author,
        thread,
        parent,
        at,
        likes=0,
        question=False,
        topic=(0, "diabete"),
        sentiment="neutre",
    ):
        nonlocal k
        k += 1
        cid = f"m{k:04d}"
        rows.append(
            {
                "comment_id": cid,
                "author_id": author,
                "thread_id": thread,
                "parent_id": parent,
                "created_at": at,
                "source": "forum",
                "likes": likes,
                "text_clean": text,
                "lang": "fr",
                "is_duplicate": False,
                "is_spam": False,
                "is_bot_author": False,
                "in_model": True,
            }
        )
        topics.append(
            {
                "comment_id": cid,
                "topic_id": topic[0],
                "topic_label": topic[1],
                "topic_probability": 0.9,
                "sentiment_label": sentiment,
                "sentiment_score": {"negatif": -0.6, "neutre": 0.0, "positif": 0.6}[sentiment],
                "is_question": question,
            }
        )
        return cid

    for i in range(n_voyage):
        # Later in the period: a rising, unanswered need.
        at = start + pd.Timedelta(days=60 + 3 * i)
        q = add(VOYAGE[i % len(VOYAGE)], f"a_voy{i}", f"t_voy{i}", None, at, question=True)
        truth[q] = "voyage"
    for i in range(n_stylo):
        at = start + pd.Timedelta(days=5 * i)
        q = add(STYLO[i % len(STYLO)], f"a_sty{i}", f"t_sty{i}", None, at, question=True)
        truth[q] = "stylo"
        r = add(
            "il faut changer l'aiguille et pincer la peau, voir la fiche de l'asso",
            f"helper{i % 3}",
            f"t_sty{i}",
            q,
            at + pd.Timedelta(hours=2),
            likes=3,
            sentiment="positif",
        )
        add(
            "merci beaucoup, c'est plus clair",
            f"a_sty{i}",
            f"t_sty{i}",
            r,
            at + pd.Timedelta(hours=3),
            sentiment="positif",
        )
    for i in range(n_fatigue):
        at = start + pd.Timedelta(days=4 + 8 * i)
        q = add(
            FATIGUE[i % len(FATIGUE)],
            f"a_fat{i}",
            f"t_fat{i}",
            None,
            at,
            question=True,
            topic=(1, "sep"),
            sentiment="negatif",
        )
        truth[q] = "fatigue"
        if i % 2 == 0:
            add(
                "moi aussi je suis épuisée, rien ne marche",
                f"helper_sep{i}",
                f"t_fat{i}",
                q,
                at + pd.Timedelta(hours=30),
                topic=(1, "sep"),
                sentiment="negatif",
            )
    # Non-questions around.
    for i in range(8):
        add(
            f"je partage mon expérience numéro {i} avec la maladie",
            f"talk{i}",
            f"t_talk{i}",
            None,
            start + pd.Timedelta(days=7 * i),
        )
    comments = pd.DataFrame(rows)
    comments["created_at"] = pd.to_datetime(comments["created_at"])
    for col in (
        "comment_id",
        "author_id",
        "thread_id",
        "parent_id",
        "source",
        "text_clean",
        "lang",
    ):
        comments[col] = comments[col].astype("string")
    comments["likes"] = comments["likes"].astype("Int64")
    if flat:
        comments["thread_id"] = pd.NA
        comments["parent_id"] = pd.NA
        comments[["thread_id", "parent_id"]] = comments[["thread_id", "parent_id"]].astype("string")
    return comments, pd.DataFrame(topics), truth


def embed(comments: pd.DataFrame, catalog: pd.DataFrame | None = None):
    """(fitted stand-in model, comment_embeddings with one list column ``embedding``)."""
    texts = comments["text_clean"].tolist()
    if catalog is not None:
        texts += (catalog["title"] + ". " + catalog["summary"]).tolist()
    model = StandInEmbedding().fit(texts)
    vectors = model.transform(comments["text_clean"].tolist())
    return model, pd.DataFrame({"comment_id": comments["comment_id"], "embedding": list(vectors)})


def small_params(**scoring) -> GapsParams:
    return GapsParams.model_validate(
        {
            "grouping": {"distance_threshold": 0.85, "min_askers": 3},
            "scoring": {"min_questions_to_rank": 10, "min_groups_to_rank": 2, **scoring},
        }
    )
