"""Planted information gaps: questions many patients ask, few answer, no content covers.

Every phrasing of a gap contains at least two of its ``key_terms`` so that the questions
cluster together; none of the terms appears in two of the same catalog item (tested), so
that a gap finder must rank them above the well-answered, well-covered intents of
``themes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .banks import split_bank as _s


@dataclass(frozen=True)
class Gap:
    gap_id: str
    theme: str
    description: str
    key_terms: list[str]
    inf: list[str]
    sub: list[str]
    context: list[str]  # situation sentences that precede the question


GAPS: list[Gap] = [
    Gap(
        "gap_diabete_voyage",
        "diabete",
        "Gérer son alimentation et son insuline de diabétique en voyage (avion, décalage horaire, repas)",
        _s("voyage|avion|décalage horaire|repas"),
        inf=_s(
            "gérer ses repas de diabétique en voyage|adapter l'insuline avec le décalage horaire en voyage|"
            "manger équilibré en voyage avec un diabète quand les repas sont décalés|prendre l'avion avec son insuline et ses repas de diabétique"
        ),
        sub=_s(
            "on doit décaler l'insuline avec le décalage horaire pendant un voyage|les repas servis dans l'avion sont adaptés aux diabétiques|"
            "il faut prendre ses repas à heures fixes en voyage quand on est diabétique|la glycémie se dérègle forcément avec le décalage horaire en voyage"
        ),
        context=_s(
            "On part en voyage au Canada cet été, six heures de décalage horaire.|Premier long voyage en avion depuis mon diagnostic.|"
            "Je pars en voyage d'affaires en Asie et les repas seront à n'importe quelle heure.|Voyage scolaire prévu pour mon fils diabétique, avion et repas à la cantine sur place."
        ),
    ),
    Gap(
        "gap_sep_reprise_travail",
        "sclerose_en_plaques",
        "Reprendre le travail avec une sclérose en plaques (temps partiel thérapeutique, employeur, médecin du travail)",
        _s("reprise du travail|temps partiel thérapeutique|employeur|médecin du travail"),
        inf=_s(
            "préparer la reprise du travail avec une SEP et prévenir l'employeur|demander un temps partiel thérapeutique pour la reprise du travail|"
            "annoncer sa SEP à son employeur avant la reprise du travail|organiser la visite avec le médecin du travail pour un temps partiel thérapeutique"
        ),
        sub=_s(
            "on est obligé de parler de sa SEP à son employeur pour la reprise du travail|le temps partiel thérapeutique est payé pareil par l'employeur après une poussée|"
            "le médecin du travail peut imposer un aménagement à l'employeur|l'employeur peut refuser un temps partiel thérapeutique"
        ),
        context=_s(
            "Après six mois d'arrêt pour une grosse poussée, la reprise du travail approche.|Mon employeur ne sait pas que j'ai une SEP.|"
            "J'ai rendez-vous avec le médecin du travail la semaine prochaine pour la reprise.|Je suis à temps plein et la fatigue de la SEP me rend la reprise du travail impossible."
        ),
    ),
    Gap(
        "gap_vaccin_allaitement",
        "vaccination",
        "Se faire vacciner pendant l'allaitement (grippe, covid, rappels) : risques pour le bébé et le lait maternel",
        _s("allaitement|allaiter|allaitant|lait maternel|bébé|vaccin"),
        inf=_s(
            "se faire vacciner contre la grippe pendant l'allaitement|faire un rappel de vaccin en allaitant son bébé|"
            "savoir quels vaccins sont possibles pendant l'allaitement"
        ),
        sub=_s(
            "le vaccin passe dans le lait maternel et arrive au bébé|on peut faire le rappel du vaccin covid pendant l'allaitement|"
            "il faut arrêter d'allaiter pour se faire vacciner|le vaccin contre la grippe est sans danger pour un bébé allaité au lait maternel"
        ),
        context=_s(
            "J'allaite mon bébé de 3 mois et la pharmacie me propose le vaccin contre la grippe.|Allaitement exclusif depuis la naissance, bébé a 2 mois.|"
            "Le médecin veut me faire un rappel mais j'allaite encore ma fille.|Je tire mon lait maternel pour la crèche et on me parle de vaccin."
        ),
    ),
    Gap(
        "gap_fibro_mdph",
        "douleur_chronique",
        "Faire reconnaître sa fibromyalgie par la MDPH (RQTH, AAH, taux de handicap)",
        _s("MDPH|RQTH|AAH|handicap|fibromyalgie"),
        inf=_s(
            "monter un dossier MDPH pour la fibromyalgie|obtenir la RQTH avec une fibromyalgie|faire reconnaître sa fibro comme handicap à la MDPH|"
            "demander l'AAH pour le handicap d'une fibromyalgie"
        ),
        sub=_s(
            "la MDPH reconnaît la fibromyalgie comme un handicap|on peut avoir la RQTH pour une fibromyalgie|le certificat médical MDPH pour la fibromyalgie doit venir du rhumatologue|"
            "l'AAH est accordée pour une fibromyalgie avec un taux de handicap de 50 %"
        ),
        context=_s(
            "Mon dossier MDPH a été refusé une première fois.|Je ne peux plus travailler à temps plein à cause des douleurs.|"
            "L'assistante sociale m'a parlé de la RQTH mais je ne sais pas par où commencer.|Ça fait un an que j'attends la réponse de la MDPH."
        ),
    ),
    Gap(
        "gap_teleconsult_arret",
        "teleconsultation",
        "Obtenir un arrêt de travail en téléconsultation et son remboursement par la sécu et la mutuelle",
        _s("arrêt de travail|téléconsultation|sécu|mutuelle"),
        inf=_s(
            "obtenir un arrêt de travail en téléconsultation|se faire rembourser une téléconsultation par la sécu et la mutuelle|"
            "envoyer un arrêt de travail fait en téléconsultation à son employeur"
        ),
        sub=_s(
            "un arrêt de travail fait en téléconsultation est valable|la téléconsultation est remboursée par la sécu sans médecin traitant|"
            "la mutuelle rembourse le reste d'une téléconsultation|la sécu refuse les arrêts de travail prescrits en téléconsultation"
        ),
        context=_s(
            "J'ai une gastro et impossible d'avoir un rendez-vous au cabinet aujourd'hui.|Mon médecin traitant part à la retraite et je fais tout en téléconsultation.|"
            "J'ai fait une téléconsultation sur une appli pour une grippe.|Mon employeur me demande un justificatif pour mon absence."
        ),
    ),
    Gap(
        "gap_dmp_acces",
        "donnees_de_sante",
        "Savoir qui peut voir son Dossier Médical Partagé / Mon espace santé (employeur, mutuelle, professionnels)",
        _s("DMP|dossier médical partagé|Mon espace santé|qui peut voir|accès"),
        inf=_s(
            "savoir qui peut voir mon dossier médical partagé|bloquer l'accès à mon DMP sur Mon espace santé|"
            "masquer un document de mon DMP dans Mon espace santé|voir qui a eu accès à mon DMP"
        ),
        sub=_s(
            "mon employeur peut avoir accès à mon dossier médical partagé|la mutuelle a accès à Mon espace santé|"
            "tous les médecins ont accès à mon DMP sans mon accord|le pharmacien a accès à tout mon dossier médical partagé"
        ),
        context=_s(
            "J'ai reçu un mail pour activer Mon espace santé.|Mon DMP contient mes comptes rendus de psychiatre.|"
            "J'ai vu que mon dossier médical partagé avait été créé automatiquement.|Je ne veux pas que tout le monde voie mon passé médical."
        ),
    ),
]

GAP_BY_ID: dict[str, Gap] = {g.gap_id: g for g in GAPS}
