"""Small hand-made comments with clearly separable authors, for the personas tests.

Four groups of five authors; each group has one role and one motivation, and writes
sentences that state them plainly. Group ``helpers`` also answers everybody's questions and
gets thanked, so its members should top the ambassador shortlist.
"""

from __future__ import annotations

import pandas as pd

GROUPS = {
    "prev": (
        "patient",
        "experience_negative_en_prevention",
        [
            "J'ai été diagnostiquée en 2019, j'ai trop attendu. N'attendez pas, faites votre mammographie.",
            "Si j'avais su, j'aurais consulté plus tôt. Faites-vous dépister, ne faites pas la même erreur.",
            "Ma chimio est finie ; le dépistage m'aurait évité tout ça, n'attendez pas.",
        ],
    ),
    "belong": (
        "aidant",
        "sentiment_d_appartenance",
        [
            "Ma mère est atteinte d'un cancer, ici je me sens moins seule, on est dans le même bateau.",
            "Ça fait du bien de vous lire, cette communauté est ma deuxième famille.",
            "Merci à toutes, ensemble on se serre les coudes, vous me comprenez.",
        ],
    ),
    "recog": (
        "professionnel_de_sante",
        "besoin_de_reconnaissance",
        [
            "En tant qu'infirmière, j'aimerais que notre expertise soit reconnue et valorisée.",
            "Je suis médecin et personne ne nous écoute, on devrait être pris au sérieux.",
            "Mon témoignage a été publié dans la revue, je suis fière de cette reconnaissance.",
        ],
    ),
    "helpers": (
        "patient",
        "altruisme",
        [
            "Mon cancer est en rémission ; si ça peut aider les autres, je suis là pour répondre.",
            "N'hésitez pas à m'écrire, je veux aider celles qui commencent, je vous conseille de noter vos questions.",
            "Bon courage à vous, je reste disponible pour en parler, je veux aider les autres.",
        ],
    ),
}


def make_comments(
    n_per_group: int = 5, n_rounds: int = 3
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``comments_clean``, ``comment_topics`` and ``topic_info`` stand-ins (contract columns)."""
    rows, topics = [], []
    cid = 0
    day0 = pd.Timestamp("2025-01-01")
    group_names = list(GROUPS)
    for r in range(n_rounds):
        for gi, (group, (_, _, texts)) in enumerate(GROUPS.items()):
            for a in range(n_per_group):
                author = f"au_{group}{a}"
                cid += 1
                question = f"c{cid}"
                rows.append(
                    dict(
                        comment_id=question,
                        author_id=author,
                        thread_id=f"t{cid}",
                        parent_id=None,
                        created_at=day0 + pd.Timedelta(days=7 * r + a),
                        likes=1,
                        text_clean=texts[(a + r) % len(texts)] + " Qu'en pensez-vous ?",
                    )
                )
                topics.append(
                    dict(
                        comment_id=question,
                        topic_id=gi % 2,
                        topic_label=f"sujet {gi % 2}",
                        topic_probability=0.9,
                        sentiment_label="neutre",
                        sentiment_score=0.0,
                        is_question=True,
                    )
                )
                # A helper answers every opening post; the author thanks them.
                helper = f"au_helpers{(a + r) % n_per_group}"
                if helper != author:
                    cid += 1
                    answer = f"c{cid}"
                    rows.append(
                        dict(
                            comment_id=answer,
                            author_id=helper,
                            thread_id=f"t{cid - 1}",
                            parent_id=question,
                            created_at=day0 + pd.Timedelta(days=7 * r + a, hours=2),
                            likes=5,
                            text_clean="Je vous conseille d'en parler à votre médecin, si ça peut aider.",
                        )
                    )
                    topics.append(
                        dict(
                            comment_id=answer,
                            topic_id=gi % 2,
                            topic_label=f"sujet {gi % 2}",
                            topic_probability=0.9,
                            sentiment_label="positif",
                            sentiment_score=0.8,
                            is_question=False,
                        )
                    )
                    cid += 1
                    rows.append(
                        dict(
                            comment_id=f"c{cid}",
                            author_id=author,
                            thread_id=f"t{cid - 2}",
                            parent_id=answer,
                            created_at=day0 + pd.Timedelta(days=7 * r + a, hours=3),
                            likes=0,
                            text_clean="Merci beaucoup pour ta réponse !",
                        )
                    )
                    topics.append(
                        dict(
                            comment_id=f"c{cid}",
                            topic_id=gi % 2,
                            topic_label=f"sujet {gi % 2}",
                            topic_probability=0.9,
                            sentiment_label="positif",
                            sentiment_score=0.7,
                            is_question=False,
                        )
                    )
    del group_names
    # One bot and one low-activity author, to check exclusion and "non classé".
    for i in range(3):
        cid += 1
        rows.append(
            dict(
                comment_id=f"c{cid}",
                author_id="au_bot",
                thread_id="tb",
                parent_id=None,
                created_at=day0,
                likes=0,
                text_clean="Achetez maintenant !",
                is_bot_author=True,
                is_spam=True,
            )
        )
        topics.append(
            dict(
                comment_id=f"c{cid}",
                topic_id=-1,
                topic_label="bruit",
                topic_probability=0.0,
                sentiment_label="neutre",
                sentiment_score=0.0,
                is_question=False,
            )
        )
    cid += 1
    rows.append(
        dict(
            comment_id=f"c{cid}",
            author_id="au_once",
            thread_id="to",
            parent_id=None,
            created_at=day0,
            likes=0,
            text_clean="Bonjour à tous.",
        )
    )
    topics.append(
        dict(
            comment_id=f"c{cid}",
            topic_id=0,
            topic_label="sujet 0",
            topic_probability=0.5,
            sentiment_label="neutre",
            sentiment_score=0.0,
            is_question=False,
        )
    )
    comments = pd.DataFrame(rows)
    for flag in ("is_bot_author", "is_spam"):
        comments[flag] = comments.get(flag, pd.Series(False, index=comments.index)).eq(True)
    comments["is_duplicate"] = False
    comments["source"] = "forum"
    comments["lang"] = "fr"
    comments["in_model"] = ~comments["is_spam"]
    topic_info = pd.DataFrame(
        {
            "topic_id": [-1, 0, 1],
            "topic_label": ["bruit", "dépistage", "traitements"],
            "size": [3, 10, 10],
        }
    )
    return comments, pd.DataFrame(topics), topic_info


def truth() -> pd.DataFrame:
    return pd.DataFrame(
        [(f"au_{g}{a}", role, mot) for g, (role, mot, _) in GROUPS.items() for a in range(5)],
        columns=["author_id", "role", "motivation"],
    )
