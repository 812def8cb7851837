import pandas as pd
import pytest

from ambassadeurs_pipeline.pipelines.personas.roles import (
    aggregate_roles,
    detect_comment_roles,
    find_disclosures,
)


@pytest.mark.parametrize(
    "text, roles",
    [
        (
            "En tant qu'infirmière, je vois beaucoup de patientes inquiètes.",
            {"professionnel_de_sante"},
        ),
        ("Je suis médecin généraliste depuis 20 ans.", {"professionnel_de_sante"}),
        ("Dans mon cabinet, je conseille toujours le dépistage.", {"professionnel_de_sante"}),
        ("Ma mère est atteinte d'un cancer du sein.", {"aidant"}),
        ("J’accompagne mon mari depuis son AVC.", {"aidant"}),
        ("J'ai été diagnostiquée en 2019 d'un cancer du sein.", {"patient"}),
        ("Je suis en rémission depuis deux ans.", {"patient"}),
        ("Ma chimio commence lundi.", {"patient"}),
        # negations and non-disclosures
        ("Je ne suis pas médecin mais je crois que c'est normal.", set()),
        ("Je suis pas infirmière, demandez à votre pharmacien.", set()),
        ("Sans être médecin, je pense qu'il faut consulter.", set()),
        ("Mon médecin m'a dit d'attendre.", set()),
        ("Ma mère n'est pas malade, c'est pour une amie.", set()),
        ("Je ne sais pas, ma mère est atteinte depuis peu.", {"aidant"}),
        ("Je ne suis pas médecin mais ma mère est atteinte d'un lymphome.", {"aidant"}),
    ],
)
def test_find_disclosures(text, roles):
    assert {d.role for d in find_disclosures(text)} == roles


def test_aggregate_roles_majority_evidence_and_unknown():
    comments = pd.DataFrame(
        {
            "author_id": ["a", "a", "a", "b", "c"],
            "comment_id": ["1", "2", "3", "4", "5"],
            "text_clean": [
                "Ma mère est atteinte d'un cancer.",
                "J'accompagne ma mère à chaque séance.",
                "Ma chimio à moi, c'était il y a dix ans.",
                "Je ne suis pas médecin.",
                "Je suis infirmière et ma sœur est malade.",
            ],
        }
    )
    roles = aggregate_roles(detect_comment_roles(comments), pd.Index(["a", "b", "c"]))
    assert roles.loc["a", "role"] == "aidant"
    assert roles.loc["a", "role_confidence"] == pytest.approx(2 / 3, abs=1e-3)
    assert "Ma mère est atteinte" in roles.loc["a", "role_evidence"]
    assert roles.loc["b", "role"] == "inconnu"
    # one comment disclosing two roles: the tie goes to the professional claim
    assert roles.loc["c", "role"] == "professionnel_de_sante"
