"""French vocabulary of the 15 health themes.

Each theme carries its own slot fillers (symptoms, drugs, exams, professionals, daily-life
situations...) and sentences, so that a topic model can recover it, while generic words
("fatigue", "médecin", "stress") are deliberately shared by several themes for realistic
overlap. Fillers are written to fit the generic templates of ``lexicon.py``:

- ``symptoms``: noun phrases with their article ("des vertiges"), used after "j'ai";
- ``drugs``: bare names, used after "je prends" / "sous";
- ``exams``: noun phrases with article, used after "j'ai fait" / "avant";
- ``pros``: masculine nouns, used after "mon" / "votre";
- ``situations``: adverbial phrases ("au travail", "après les repas");
- ``terms``: noun phrases with article, used after "je surveille" / "on parle de";
- ``maladie``: noun phrases used after "avec".

``intents`` are frequent, well-answered questions (covered by the content catalog);
``catalog`` holds the organisation's existing content for the theme.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _s(text: str) -> list[str]:
    """Split a ``|``-separated bank (keeps the banks compact and easy to extend)."""
    return [t.strip() for t in text.split("|") if t.strip()]


@dataclass(frozen=True)
class Intent:
    """A frequent question: infinitive and clause phrasings, and helpful answer cores."""

    key: str
    inf: list[str]
    sub: list[str]
    answers: list[str]


@dataclass(frozen=True)
class Theme:
    key: str
    label: str
    weight: float
    maladie: list[str]
    symptoms: list[str]
    drugs: list[str]
    exams: list[str]
    pros: list[str]
    situations: list[str]
    terms: list[str]
    lines: list[str]
    patient_disc: list[str]
    aidant_disc: list[str]
    pro_titles: list[str]
    intents: list[Intent]
    catalog: list[tuple[str, str, str]] = field(default_factory=list)  # title, summary, slug


THEMES: list[Theme] = [
    Theme(
        key="diabete",
        label="diabète",
        weight=1.4,
        maladie=_s("un diabète de type 2|le diabète|un diabète de type 1|mon diabète"),
        symptoms=_s(
            "des hypos|une soif intense|des fourmillements dans les pieds|une glycémie à 2,5 g|"
            "des malaises|une grosse fatigue|une vision floue|des hyperglycémies le matin|"
            "des envies de sucre|une plaie au pied qui cicatrise mal"
        ),
        drugs=_s(
            "la metformine|Glucophage|l'insuline|Lantus|Novorapid|Ozempic|Trulicity|Januvia|Diamicron|Jardiance"
        ),
        exams=_s(
            "une prise de sang pour l'HbA1c|le fond d'oeil|un bilan podologique|l'hémoglobine glyquée|"
            "une glycémie à jeun|un holter glycémique"
        ),
        pros=_s("diabétologue|endocrinologue|médecin traitant|podologue|infirmier libéral"),
        situations=_s(
            "après les repas|au réveil|pendant le sport|au restaurant|les jours de fête|"
            "quand je saute un repas|le soir devant la télé"
        ),
        terms=_s(
            "la glycémie|le taux de sucre|les glucides|l'hémoglobine glyquée|les féculents|"
            "le capteur de glucose|les stylos à insuline|l'index glycémique"
        ),
        lines=_s(
            "Mon HbA1c est remontée à 8 malgré {drug}.|Je pique mon doigt cinq fois par jour, j'en ai marre des lancettes.|"
            "Depuis que j'ai le capteur FreeStyle Libre je vois mieux ma glycémie {situation}.|"
            "Le diabétologue veut passer à l'insuline si l'hémoglobine glyquée ne baisse pas.|"
            "Je compte les glucides à chaque repas mais la glycémie reste haute {situation}.|"
            "J'ai fait une hypo au volant, j'ai eu très peur, resucrage avec trois sucres.|"
            "Le podologue a trouvé une petite plaie, avec le diabète il faut surveiller les pieds."
        ),
        patient_disc=_s(
            "je suis diabétique de type 2 depuis {duration}|j'ai été diagnostiqué{e} diabétique en {year}|"
            "diabétique type 1 depuis l'âge de 12 ans|je suis sous insuline depuis {duration}"
        ),
        aidant_disc=_s(
            "mon fils est diabétique de type 1 depuis {duration}|j'accompagne ma mère qui a un diabète de type 2|"
            "mon mari est diabétique et je gère ses repas|ma fille de 9 ans est diabétique"
        ),
        pro_titles=_s("diabétologue|endocrinologue|infirmière d'éducation thérapeutique"),
        intents=[
            Intent(
                "diabete_hypo_nuit",
                inf=_s(
                    "éviter les hypos la nuit|gérer une hypoglycémie nocturne|réagir à une hypo pendant la nuit"
                ),
                sub=_s(
                    "c'est normal de faire des hypos la nuit avec l'insuline|une hypoglycémie nocturne est dangereuse|"
                    "il faut se resucrer la nuit quand la glycémie descend sous 0,7"
                ),
                answers=_s(
                    "Pour les hypos nocturnes, le resucrage c'est 15 g de sucre rapide puis recontrôler la glycémie 15 minutes après.|"
                    "Les hypos la nuit viennent souvent d'une dose d'insuline lente trop forte, le diabétologue peut l'ajuster.|"
                    "Un capteur avec alarme d'hypoglycémie change la vie la nuit, et gardez du sucre sur la table de nuit."
                ),
            ),
            Intent(
                "diabete_capteur",
                inf=_s(
                    "obtenir le capteur FreeStyle Libre|se faire prescrire un capteur de glucose|poser le capteur FreeStyle sans douleur"
                ),
                sub=_s(
                    "le capteur FreeStyle Libre est pris en charge pour le diabète de type 2|on peut avoir un capteur de glucose sans être sous insuline|"
                    "le capteur de glycémie se décolle sous la douche"
                ),
                answers=_s(
                    "Le capteur FreeStyle Libre est prescrit si vous êtes sous insuline, c'est le diabétologue ou le médecin traitant qui le prescrit.|"
                    "Pour que le capteur tienne, posez-le sur le bras bien sec et mettez un patch de maintien par-dessus.|"
                    "La pose du capteur de glucose ne fait presque pas mal, le pharmacien peut vous montrer la première fois."
                ),
            ),
        ],
        catalog=[
            (
                "Guide : bien vivre avec un diabète de type 2 au quotidien",
                "Glycémie, alimentation, activité physique : les repères essentiels pour équilibrer son diabète jour après jour.",
                "guide-diabete-type-2-quotidien",
            ),
            (
                "Hypoglycémie : reconnaître les signes et se resucrer",
                "Les symptômes d'une hypo, la règle des 15 g de sucre et que faire en cas d'hypoglycémie nocturne.",
                "hypoglycemie-resucrage",
            ),
            (
                "FAQ : le capteur de glucose FreeStyle Libre",
                "Qui peut en bénéficier, comment le poser, comment lire les courbes et que faire s'il se décolle.",
                "faq-capteur-glucose",
            ),
            (
                "Podcast : « Mon diabète et moi », témoignages de patients",
                "Trois patients racontent le diagnostic, l'insuline et l'éducation thérapeutique.",
                "podcast-mon-diabete-et-moi",
            ),
            (
                "Article : prendre soin de ses pieds quand on est diabétique",
                "Pourquoi le bilan podologique est important et quels gestes adopter chaque jour.",
                "diabete-soin-des-pieds",
            ),
        ],
    ),
    Theme(
        key="cancer_du_sein",
        label="cancer du sein",
        weight=1.2,
        maladie=_s(
            "un cancer du sein|mon cancer du sein|une tumeur au sein|un cancer du sein triple négatif"
        ),
        symptoms=_s(
            "une boule dans le sein|des nausées après la chimio|une perte de cheveux|des bouffées de chaleur|"
            "un gros bras après le curage|des douleurs à la cicatrice|une grande fatigue|des ongles abîmés"
        ),
        drugs=_s(
            "le tamoxifène|l'hormonothérapie|Herceptin|la chimiothérapie|la radiothérapie|les anti-aromatases|Arimidex|Femara"
        ),
        exams=_s(
            "une mammographie|une échographie mammaire|une biopsie|un PET scan|une IRM mammaire|le dépistage organisé"
        ),
        pros=_s("oncologue|chirurgien|radiothérapeute|gynécologue|médecin traitant"),
        situations=_s(
            "pendant la chimio|après la mastectomie|entre deux cures|au travail|en rémission|depuis la radiothérapie"
        ),
        terms=_s(
            "la mastectomie|la reconstruction mammaire|la chambre implantable|les marqueurs tumoraux|la perruque|"
            "le casque réfrigérant|Octobre rose|la rémission"
        ),
        lines=_s(
            "Ma chambre implantable a été posée avant la première cure de chimiothérapie.|"
            "Après la mastectomie j'ai eu du mal à me regarder dans le miroir.|"
            "On m'a trouvé une boule dans le sein lors d'une mammographie de dépistage.|"
            "J'ai porté le casque réfrigérant pour essayer de garder mes cheveux.|"
            "Angelina Jolie a fait beaucoup pour qu'on parle du gène BRCA.|"
            "Pendant Octobre rose j'ai repensé à tout le parcours, la biopsie, la chimio, les rayons.|"
            "L'oncologue propose cinq ans d'hormonothérapie après la radiothérapie."
        ),
        patient_disc=_s(
            "j'ai été diagnostiquée d'un cancer du sein en {year}|je suis en rémission depuis {duration}|"
            "j'ai eu une mastectomie il y a {duration}|je suis en pleine chimio pour un cancer du sein"
        ),
        aidant_disc=_s(
            "ma mère est atteinte d'un cancer du sein|j'accompagne ma femme pendant sa chimio|"
            "ma sœur a été opérée d'un cancer du sein|ma meilleure amie est en traitement pour un cancer du sein"
        ),
        pro_titles=_s("oncologue|infirmière en oncologie|manipulatrice radio"),
        intents=[
            Intent(
                "sein_cheveux_chimio",
                inf=_s(
                    "garder ses cheveux pendant la chimio|choisir une perruque après la perte de cheveux|limiter la chute des cheveux pendant la chimiothérapie"
                ),
                sub=_s(
                    "le casque réfrigérant marche vraiment contre la chute des cheveux|la perruque est prise en charge pendant la chimio|"
                    "les cheveux repoussent vite après la chimiothérapie"
                ),
                answers=_s(
                    "Le casque réfrigérant limite la chute des cheveux pour certaines chimios, demandez à l'hôpital de jour s'ils en ont.|"
                    "Pour la perruque, il y a une prise en charge avec une prescription de l'oncologue, les boutiques spécialisées font le dossier.|"
                    "Les cheveux repoussent en général trois mois après la dernière cure de chimiothérapie, souvent plus frisés au début."
                ),
            ),
            Intent(
                "sein_reconstruction",
                inf=_s(
                    "préparer une reconstruction mammaire|choisir entre prothèse et lambeau pour la reconstruction|se décider pour la reconstruction après une mastectomie"
                ),
                sub=_s(
                    "la reconstruction mammaire peut se faire en même temps que la mastectomie|on peut attendre des années avant la reconstruction|"
                    "la reconstruction par lambeau est douloureuse"
                ),
                answers=_s(
                    "La reconstruction mammaire peut être immédiate ou différée, après la radiothérapie on attend souvent six mois à un an.|"
                    "Prothèse ou lambeau, ça dépend de la radiothérapie et de votre morphologie, demandez un rendez-vous avec le chirurgien plasticien.|"
                    "Il n'y a pas de délai maximum pour la reconstruction, certaines la font dix ans après la mastectomie."
                ),
            ),
        ],
        catalog=[
            (
                "Cancer du sein : comprendre les étapes du traitement",
                "Chirurgie, chimiothérapie, radiothérapie, hormonothérapie : le parcours expliqué simplement.",
                "cancer-sein-etapes-traitement",
            ),
            (
                "Chute des cheveux pendant la chimiothérapie : casque réfrigérant et perruque",
                "Limiter la perte de cheveux, choisir une perruque et obtenir sa prise en charge.",
                "chimio-cheveux-perruque",
            ),
            (
                "Guide : la reconstruction mammaire après une mastectomie",
                "Reconstruction immédiate ou différée, prothèse ou lambeau : les options et les délais.",
                "guide-reconstruction-mammaire",
            ),
            (
                "Octobre rose : pourquoi se faire dépister par mammographie",
                "Le dépistage organisé dès 50 ans et les signes qui doivent alerter.",
                "octobre-rose-depistage",
            ),
            (
                "Podcast : l'après-cancer, reprendre confiance",
                "Fatigue, image du corps, rémission : des femmes racontent l'après-traitement.",
                "podcast-apres-cancer",
            ),
        ],
    ),
    Theme(
        key="sclerose_en_plaques",
        label="sclérose en plaques",
        weight=0.9,
        maladie=_s("une sclérose en plaques|la SEP|une SEP rémittente|ma SEP"),
        symptoms=_s(
            "une poussée|des fourmillements dans les jambes|une névrite optique|des troubles de l'équilibre|"
            "une fatigue écrasante|des troubles urinaires|des décharges électriques dans le dos|une jambe qui lâche"
        ),
        drugs=_s(
            "Tecfidera|Ocrevus|Gilenya|l'interféron|Copaxone|Aubagio|Tysabri|les bolus de cortisone|Kesimpta"
        ),
        exams=_s(
            "une IRM cérébrale|une ponction lombaire|des potentiels évoqués|une IRM médullaire|un bilan neuro"
        ),
        pros=_s("neurologue|kiné|médecin traitant|ergothérapeute|neuropsychologue"),
        situations=_s(
            "pendant une poussée|quand il fait chaud|en fin de journée|après une longue marche|au réveil"
        ),
        terms=_s(
            "les lésions à l'IRM|le traitement de fond|les poussées|la myéline|le score EDSS|les bolus de corticoïdes"
        ),
        lines=_s(
            "Ma dernière IRM cérébrale montre deux nouvelles lésions, le neurologue veut changer de traitement de fond.|"
            "Les bolus de cortisone pendant la poussée m'ont empêché{e} de dormir trois nuits.|"
            "La chaleur aggrave mes symptômes, c'est le phénomène d'Uhthoff paraît-il.|"
            "Depuis Ocrevus je n'ai plus fait de poussée, je croise les doigts.|"
            "La névrite optique a été le premier signe de la SEP, j'ai perdu la vue d'un œil pendant deux semaines.|"
            "Le kiné m'aide à travailler l'équilibre, ma jambe lâche moins."
        ),
        patient_disc=_s(
            "j'ai une SEP diagnostiquée en {year}|je vis avec une sclérose en plaques depuis {duration}|"
            "on m'a annoncé une SEP rémittente il y a {duration}|je suis sepien{ne} depuis {duration}"
        ),
        aidant_disc=_s(
            "mon mari a une sclérose en plaques|j'accompagne ma sœur qui a une SEP|ma fille a été diagnostiquée d'une SEP à 24 ans"
        ),
        pro_titles=_s("neurologue|infirmière coordinatrice SEP|kinésithérapeute"),
        intents=[
            Intent(
                "sep_fatigue",
                inf=_s(
                    "gérer la fatigue de la SEP|lutter contre la fatigue écrasante de la sclérose en plaques|économiser son énergie avec la SEP"
                ),
                sub=_s(
                    "la fatigue de la SEP passe avec le traitement de fond|c'est normal d'être épuisé{e} avec une sclérose en plaques sans poussée|"
                    "le sport aide contre la fatigue de la SEP"
                ),
                answers=_s(
                    "La fatigue de la SEP se gère en fractionnant les activités et en faisant des pauses, un ergothérapeute peut vous aider.|"
                    "L'activité physique adaptée réduit vraiment la fatigue de la sclérose en plaques, même 20 minutes de marche.|"
                    "Parlez de la fatigue au neurologue, certains médicaments comme l'amantadine peuvent aider et il faut vérifier la vitamine D."
                ),
            ),
            Intent(
                "sep_traitement_fond",
                inf=_s(
                    "choisir son traitement de fond pour la SEP|supporter les injections d'interféron|passer de Tecfidera à Ocrevus"
                ),
                sub=_s(
                    "les effets de l'interféron comme la fièvre passent avec le temps|Ocrevus est plus efficace que Tecfidera|"
                    "on peut arrêter le traitement de fond de la SEP"
                ),
                answers=_s(
                    "Les syndromes pseudo-grippaux de l'interféron diminuent après quelques mois, prenez un paracétamol avant l'injection le soir.|"
                    "Le choix du traitement de fond dépend de l'activité à l'IRM, le neurologue en discute en réunion avec le centre SEP.|"
                    "Ne jamais arrêter un traitement de fond sans le neurologue, il y a un risque de rebond des poussées."
                ),
            ),
        ],
        catalog=[
            (
                "Sclérose en plaques : comprendre la maladie et ses poussées",
                "Myéline, lésions, poussées et rémissions : les bases pour comprendre la SEP.",
                "sep-comprendre",
            ),
            (
                "La fatigue dans la SEP : conseils pratiques",
                "Fractionner, planifier, bouger : des stratégies pour gérer la fatigue au quotidien.",
                "sep-fatigue-conseils",
            ),
            (
                "Les traitements de fond de la sclérose en plaques",
                "Injectables, comprimés, perfusions : comment se décide le traitement de fond.",
                "sep-traitements-de-fond",
            ),
            (
                "Vidéo : exercices d'équilibre avec un kinésithérapeute",
                "Une séance guidée pour travailler l'équilibre et la marche.",
                "video-sep-equilibre",
            ),
        ],
    ),
    Theme(
        key="maladie_de_crohn",
        label="maladie de Crohn",
        weight=0.9,
        maladie=_s("la maladie de Crohn|un Crohn|une MICI|mon Crohn"),
        symptoms=_s(
            "des diarrhées|des douleurs abdominales|des ballonnements|une poussée|du sang dans les selles|"
            "une perte de poids|des aphtes|une fistule|des crampes au ventre|une grosse fatigue"
        ),
        drugs=_s(
            "Humira|Stelara|Remicade|Entyvio|l'azathioprine|Pentasa|le budésonide|la cortisone|Imurel"
        ),
        exams=_s(
            "une coloscopie|une entéro-IRM|une calprotectine fécale|une prise de sang pour la CRP|une vidéocapsule"
        ),
        pros=_s("gastro-entérologue|gastro|diététicien|chirurgien digestif|médecin traitant"),
        situations=_s(
            "après les repas|au restaurant|en voiture|pendant une poussée|au bureau|la nuit"
        ),
        terms=_s(
            "l'intestin grêle|le régime sans résidu|la biothérapie|la calprotectine|les fibres|l'iléon|la stomie"
        ),
        lines=_s(
            "Je repère toujours les toilettes avant d'aller quelque part, c'est devenu un réflexe avec le Crohn.|"
            "Ma calprotectine est remontée, le gastro parle de passer à une biothérapie.|"
            "La coloscopie montre une inflammation de l'iléon terminal.|"
            "Depuis Humira en stylo toutes les deux semaines, les diarrhées ont bien diminué.|"
            "Pendant les poussées je suis au régime sans résidu, riz blanc et compote.|"
            "J'ai été opéré{e} d'une résection de l'intestin grêle il y a {duration}."
        ),
        patient_disc=_s(
            "j'ai la maladie de Crohn depuis {duration}|on m'a diagnostiqué un Crohn en {year}|crohnien{ne} depuis l'adolescence|"
            "je suis sous biothérapie pour un Crohn depuis {duration}"
        ),
        aidant_disc=_s(
            "mon fils de 16 ans a la maladie de Crohn|j'accompagne mon compagnon qui a un Crohn sévère|ma fille a une MICI diagnostiquée l'an dernier"
        ),
        pro_titles=_s("gastro-entérologue|diététicienne|infirmière en gastro"),
        intents=[
            Intent(
                "crohn_alimentation_poussee",
                inf=_s(
                    "manger pendant une poussée de Crohn|suivre un régime sans résidu|adapter son alimentation pendant une poussée"
                ),
                sub=_s(
                    "il faut supprimer les fibres pendant une poussée de Crohn|le régime sans résidu est obligatoire en poussée|"
                    "certains aliments déclenchent les poussées de la maladie de Crohn"
                ),
                answers=_s(
                    "En poussée, le régime pauvre en résidus soulage : riz, pâtes, viande maigre, compotes, et on réintroduit les fibres après.|"
                    "Il n'y a pas d'aliment interdit à vie avec le Crohn, un diététicien peut vous aider à tenir un journal alimentaire.|"
                    "Le régime sans résidu c'est temporaire, en rémission une alimentation variée est recommandée."
                ),
            ),
            Intent(
                "crohn_biotherapie",
                inf=_s(
                    "faire ses injections d'Humira soi-même|supporter la biothérapie pour le Crohn|voyager avec un stylo d'Humira au frigo"
                ),
                sub=_s(
                    "Humira fait baisser les défenses immunitaires|la biothérapie marche pour le Crohn|"
                    "l'injection d'Humira pique moins si on sort le stylo du frigo avant"
                ),
                answers=_s(
                    "Sortez le stylo d'Humira du frigo 20 minutes avant, l'injection pique beaucoup moins, et changez de zone à chaque fois.|"
                    "Sous biothérapie il faut être à jour des vaccins et signaler toute fièvre au gastro-entérologue.|"
                    "Une infirmière à domicile peut faire les premières injections de biothérapie avec vous pour apprendre le geste."
                ),
            ),
        ],
        catalog=[
            (
                "Maladie de Crohn : le guide du quotidien",
                "Poussées, rémission, travail, vie sociale : vivre avec une MICI au jour le jour.",
                "guide-crohn-quotidien",
            ),
            (
                "Alimentation et poussée de Crohn : le régime pauvre en résidus",
                "Quels aliments privilégier pendant une poussée et comment réintroduire les fibres.",
                "crohn-alimentation-poussee",
            ),
            (
                "Biothérapies dans les MICI : questions fréquentes",
                "Injections d'Humira, perfusions de Remicade, vaccins et suivi : les réponses aux questions courantes.",
                "faq-biotherapies-mici",
            ),
            (
                "Témoignage : « Ma vie avec une stomie »",
                "Une patiente raconte l'opération, l'appareillage et la reprise d'une vie active.",
                "temoignage-stomie",
            ),
        ],
    ),
    Theme(
        key="sante_mentale_jeunes",
        label="santé mentale des jeunes adultes",
        weight=1.1,
        maladie=_s(
            "mon anxiété|une dépression|des crises d'angoisse|un burn-out étudiant|mes idées noires"
        ),
        symptoms=_s(
            "des crises d'angoisse|une boule au ventre|des idées noires|des insomnies|une perte de motivation|"
            "des attaques de panique|une phobie sociale|des pleurs sans raison|une fatigue constante"
        ),
        drugs=_s("la sertraline|le Xanax|l'escitalopram|Seroplex|Atarax|Deroxat|la fluoxétine"),
        exams=_s(
            "un bilan psychologique|un premier rendez-vous au CMP|un entretien au BAPU|une consultation au service de santé étudiante"
        ),
        pros=_s(
            "psy|psychiatre|psychologue|médecin traitant|médecin du service de santé étudiante"
        ),
        situations=_s(
            "avant les partiels|en cours|en soirée|quand je suis seul{e} dans mon studio|sur les réseaux sociaux|pendant les examens"
        ),
        terms=_s(
            "la santé mentale|la thérapie|le dispositif Mon soutien psy|les séances chez le psy|la charge mentale|le 3114|la solitude étudiante"
        ),
        lines=_s(
            "Depuis que je suis en fac je fais des crises d'angoisse avant les partiels.|"
            "J'ai enfin osé prendre rendez-vous au service de santé étudiante.|"
            "Je passe mes nuits sur les réseaux sociaux et je me compare à tout le monde.|"
            "Le psychiatre m'a mis{e} sous sertraline, les premières semaines étaient dures.|"
            "Je me sens seul{e} dans mon studio, je ne parle à personne de la semaine.|"
            "En cas d'idées noires il y a le 3114, j'ai appelé une fois et ça m'a aidé{e}."
        ),
        patient_disc=_s(
            "j'ai {age} et je suis en dépression depuis {duration}|étudiant{e} de {age}, je souffre d'anxiété|"
            "on m'a diagnostiqué un trouble anxieux en {year}|je suis suivi{e} par un psy depuis {duration}"
        ),
        aidant_disc=_s(
            "ma fille de 20 ans fait des crises d'angoisse|j'accompagne mon fils étudiant qui est en dépression|mon frère a fait une tentative de suicide l'an dernier"
        ),
        pro_titles=_s("psychologue|psychiatre|infirmière scolaire"),
        intents=[
            Intent(
                "psy_trouver",
                inf=_s(
                    "trouver un psy pas cher quand on est étudiant|avoir des séances de psy remboursées|trouver un psychologue avec Mon soutien psy"
                ),
                sub=_s(
                    "les séances de psy sont remboursées avec Mon soutien psy|on peut voir un psychologue gratuitement quand on est étudiant|"
                    "il faut une ordonnance du médecin pour voir un psychologue"
                ),
                answers=_s(
                    "Avec Mon soutien psy, vous avez droit à 12 séances par an chez un psychologue partenaire, remboursées par l'Assurance maladie.|"
                    "Les étudiants ont le dispositif Santé Psy Étudiant et les BAPU, c'est gratuit, renseignez-vous au service de santé de la fac.|"
                    "Le CMP de votre secteur propose des consultations gratuites avec un psychologue ou un psychiatre, l'attente est parfois longue."
                ),
            ),
            Intent(
                "psy_crise_angoisse",
                inf=_s(
                    "calmer une crise d'angoisse|arrêter une attaque de panique|gérer les crises d'angoisse en cours"
                ),
                sub=_s(
                    "une crise d'angoisse peut être dangereuse|c'est normal d'avoir l'impression de mourir pendant une attaque de panique|"
                    "la respiration aide vraiment pendant une crise d'angoisse"
                ),
                answers=_s(
                    "Pendant une crise d'angoisse, la cohérence cardiaque aide : inspirer 5 secondes, expirer 5 secondes, pendant 5 minutes.|"
                    "Une attaque de panique n'est pas dangereuse même si on a l'impression de mourir, elle redescend en 10 à 20 minutes.|"
                    "Les thérapies comportementales et cognitives marchent bien pour les crises d'angoisse, parlez-en à un psychologue."
                ),
            ),
        ],
        catalog=[
            (
                "Santé mentale des étudiants : où trouver de l'aide ?",
                "Services de santé universitaires, BAPU, Santé Psy Étudiant, 3114 : les ressources gratuites.",
                "sante-mentale-etudiants-aide",
            ),
            (
                "Mon soutien psy : comment ça marche ?",
                "Le dispositif de séances chez un psychologue partenaire expliqué pas à pas.",
                "mon-soutien-psy",
            ),
            (
                "Crise d'angoisse : les gestes qui apaisent",
                "Respiration, cohérence cardiaque, ancrage : que faire pendant une attaque de panique.",
                "crise-angoisse-gestes",
            ),
            (
                "Podcast : « Ça va pas et c'est ok », paroles de jeunes",
                "Des jeunes adultes parlent de dépression, d'anxiété et de thérapie sans tabou.",
                "podcast-ca-va-pas",
            ),
        ],
    ),
    Theme(
        key="vaccination",
        label="vaccination",
        weight=1.0,
        maladie=_s("les vaccins|la vaccination|le rappel du vaccin|le calendrier vaccinal"),
        symptoms=_s(
            "un bras douloureux|de la fièvre après le vaccin|une rougeur au point d'injection|des courbatures|"
            "un ganglion sous le bras|une petite fatigue"
        ),
        drugs=_s(
            "le vaccin contre la grippe|le rappel covid|le ROR|le vaccin HPV|Gardasil|l'Infanrix Hexa|le vaccin contre le zona|Prevenar"
        ),
        exams=_s(
            "une sérologie|la vérification du carnet de vaccination|un test tuberculinique|un contrôle des anticorps"
        ),
        pros=_s("pharmacien|médecin traitant|pédiatre|infirmier|centre de vaccination"),
        situations=_s(
            "avant l'hiver|à la pharmacie|avant l'entrée en crèche|avant un voyage scolaire|au centre de vaccination"
        ),
        terms=_s(
            "le calendrier vaccinal|les rappels|les adjuvants|l'immunité|le carnet de santé|les vaccins obligatoires|l'hésitation vaccinale"
        ),
        lines=_s(
            "Le pharmacien m'a vacciné{e} contre la grippe en cinq minutes, sans rendez-vous.|"
            "J'ai retrouvé mon carnet de vaccination, le dernier rappel date de 2009.|"
            "On entend tout et n'importe quoi sur les adjuvants, je ne sais plus qui croire.|"
            "Le pédiatre a fait le ROR et l'Infanrix Hexa le même jour, bébé a eu un peu de fièvre.|"
            "Le vaccin HPV est maintenant proposé aux garçons aussi au collège.|"
            "Michel Cymes expliquait à la télé pourquoi le rappel est important."
        ),
        patient_disc=_s(
            "j'ai {age} et je suis à jour de mes vaccins|je me fais vacciner contre la grippe chaque année depuis {duration}|"
            "j'ai eu une réaction au vaccin en {year}"
        ),
        aidant_disc=_s(
            "ma fille de 11 ans doit faire le vaccin HPV|mon bébé de 2 mois commence ses vaccins|j'accompagne ma mère de 80 ans pour ses rappels"
        ),
        pro_titles=_s("pharmacien|pédiatre|infirmière puéricultrice"),
        intents=[
            Intent(
                "vaccin_effets_normaux",
                inf=_s(
                    "soulager le bras après le vaccin|savoir si la fièvre après le vaccin est normale|réagir aux effets secondaires du vaccin"
                ),
                sub=_s(
                    "c'est normal d'avoir de la fièvre après le vaccin contre la grippe|le bras douloureux après le rappel dure longtemps|"
                    "un ganglion après le vaccin c'est inquiétant"
                ),
                answers=_s(
                    "Un bras douloureux, une rougeur et un peu de fièvre pendant 48 heures après un vaccin, c'est une réaction normale, le paracétamol suffit.|"
                    "Le ganglion sous le bras après le vaccin est une réaction de l'immunité, il disparaît en une à deux semaines.|"
                    "Si la fièvre dure plus de trois jours après le vaccin ou s'il y a une réaction allergique, consultez rapidement."
                ),
            ),
            Intent(
                "vaccin_calendrier_bebe",
                inf=_s(
                    "suivre le calendrier vaccinal de bébé|rattraper un vaccin oublié pour un enfant|connaître les vaccins obligatoires avant la crèche"
                ),
                sub=_s(
                    "les onze vaccins sont obligatoires pour entrer en crèche|on peut faire deux vaccins le même jour à un bébé|"
                    "il faut tout recommencer si on a oublié un rappel"
                ),
                answers=_s(
                    "Onze vaccins sont obligatoires pour les enfants nés depuis 2018, ils sont exigés pour l'entrée en crèche.|"
                    "Un rappel oublié ne se recommence pas, on reprend là où on en était, le pédiatre fera le rattrapage.|"
                    "Faire deux vaccins le même jour ne surcharge pas le système immunitaire du bébé, c'est prévu par le calendrier vaccinal."
                ),
            ),
        ],
        catalog=[
            (
                "Le calendrier vaccinal 2026 expliqué",
                "Quels vaccins à quel âge, les vaccins obligatoires du nourrisson et les rappels de l'adulte.",
                "calendrier-vaccinal",
            ),
            (
                "Effets secondaires des vaccins : ce qui est normal",
                "Bras douloureux, fièvre, ganglion : les réactions fréquentes et quand consulter.",
                "vaccins-effets-secondaires",
            ),
            (
                "FAQ : se faire vacciner en pharmacie",
                "Grippe, covid, rappels : quels vaccins le pharmacien peut faire et comment.",
                "faq-vaccination-pharmacie",
            ),
            (
                "Vaccin HPV : questions des parents",
                "Pourquoi vacciner filles et garçons dès 11 ans, tolérance et efficacité.",
                "vaccin-hpv-parents",
            ),
        ],
    ),
    Theme(
        key="sommeil",
        label="sommeil",
        weight=1.0,
        maladie=_s("mes insomnies|des troubles du sommeil|une apnée du sommeil|mes nuits blanches"),
        symptoms=_s(
            "des réveils à 3 h du matin|des nuits blanches|une somnolence la journée|des ronflements|"
            "des cauchemars|des jambes sans repos|une grosse fatigue au réveil|des difficultés à m'endormir"
        ),
        drugs=_s(
            "la mélatonine|le zolpidem|Stilnox|Imovane|la valériane|Donormyl|la PPC|les somnifères"
        ),
        exams=_s(
            "une polysomnographie|une polygraphie ventilatoire|un agenda du sommeil|un enregistrement du sommeil à l'hôpital"
        ),
        pros=_s("médecin du sommeil|pneumologue|médecin traitant|psychologue|ORL"),
        situations=_s(
            "la nuit|au réveil|après le travail de nuit|devant les écrans|le dimanche soir|quand je stresse"
        ),
        terms=_s(
            "l'hygiène du sommeil|le rythme circadien|la lumière bleue|la sieste|la thérapie cognitive de l'insomnie|le masque de PPC"
        ),
        lines=_s(
            "Je me réveille tous les jours à 3 h du matin et impossible de me rendormir.|"
            "Ma femme dit que je ronfle et que j'arrête de respirer la nuit.|"
            "Le médecin du sommeil m'a fait faire une polysomnographie, apnée sévère.|"
            "Depuis que j'ai arrêté les écrans le soir je m'endors plus vite.|"
            "Les somnifères m'assomment mais je ne me sens pas reposé{e}.|"
            "Une nuit blanche de plus, je compte les moutons depuis minuit."
        ),
        patient_disc=_s(
            "insomniaque depuis {duration}|j'ai une apnée du sommeil diagnostiquée en {year}|je dors avec une PPC depuis {duration}|"
            "je travaille de nuit depuis {duration}"
        ),
        aidant_disc=_s(
            "mon mari a une apnée du sommeil sévère|mon fils de 15 ans ne dort plus|ma mère prend des somnifères depuis des années"
        ),
        pro_titles=_s("médecin du sommeil|pneumologue|infirmière en pneumologie"),
        intents=[
            Intent(
                "sommeil_insomnie_sans_somnifere",
                inf=_s(
                    "dormir sans somnifère|arrêter les somnifères|retrouver le sommeil sans médicament"
                ),
                sub=_s(
                    "la mélatonine marche contre l'insomnie|on devient dépendant aux somnifères|"
                    "la thérapie cognitive de l'insomnie marche mieux que les somnifères"
                ),
                answers=_s(
                    "La thérapie cognitive et comportementale de l'insomnie marche mieux que les somnifères à long terme, demandez à votre médecin.|"
                    "Pour arrêter les somnifères il faut diminuer très progressivement, sur plusieurs semaines, avec le médecin.|"
                    "Horaires de lever fixes, pas d'écrans une heure avant, lit réservé au sommeil : l'hygiène du sommeil c'est la base."
                ),
            ),
            Intent(
                "sommeil_ppc",
                inf=_s(
                    "supporter le masque de PPC|s'habituer à la machine pour l'apnée du sommeil|dormir avec une PPC sans fuites"
                ),
                sub=_s(
                    "on s'habitue au masque de PPC|la PPC guérit l'apnée du sommeil|"
                    "c'est normal d'avoir la bouche sèche avec la PPC"
                ),
                answers=_s(
                    "Pour la PPC, il faut souvent essayer plusieurs masques, le prestataire doit vous en proposer d'autres si ça fuit.|"
                    "La bouche sèche avec la PPC se règle avec l'humidificateur ou un masque facial, parlez-en au pneumologue.|"
                    "Il faut trois à quatre semaines pour s'habituer au masque de PPC, portez-le un peu le soir devant la télé au début."
                ),
            ),
        ],
        catalog=[
            (
                "Insomnie : retrouver un sommeil réparateur sans somnifères",
                "Hygiène du sommeil, TCC de l'insomnie et sevrage progressif des somnifères.",
                "insomnie-sans-somniferes",
            ),
            (
                "Apnée du sommeil : bien vivre avec sa PPC",
                "Choisir son masque, éviter les fuites et la bouche sèche, s'habituer à la machine.",
                "apnee-sommeil-ppc",
            ),
            (
                "Le sommeil des adolescents et les écrans",
                "Lumière bleue, rythme circadien et conseils pour les parents.",
                "sommeil-ados-ecrans",
            ),
            (
                "Quiz : testez votre hygiène du sommeil",
                "Dix questions pour faire le point sur vos habitudes de sommeil.",
                "quiz-hygiene-sommeil",
            ),
        ],
    ),
    Theme(
        key="nutrition",
        label="nutrition",
        weight=1.0,
        maladie=_s("mon alimentation|mon poids|les régimes|mon rééquilibrage alimentaire"),
        symptoms=_s(
            "des fringales|des ballonnements|une prise de poids|des carences en fer|une fatigue l'après-midi|"
            "des envies de grignoter|un effet yo-yo"
        ),
        drugs=_s(
            "les compléments alimentaires|la vitamine D|le fer|le magnésium|les oméga-3|la spiruline|les substituts de repas"
        ),
        exams=_s(
            "un bilan sanguin|un dosage de la ferritine|un bilan lipidique|une mesure de l'IMC|un bilan de la thyroïde"
        ),
        pros=_s("diététicien|nutritionniste|médecin traitant|endocrinologue"),
        situations=_s(
            "le midi au travail|le soir|le week-end|en faisant les courses|au goûter des enfants|après le sport"
        ),
        terms=_s(
            "les protéines|les légumineuses|les produits ultra-transformés|le Nutri-Score|les fibres|les féculents|"
            "l'huile d'olive|le petit-déjeuner|les portions"
        ),
        lines=_s(
            "Je regarde le Nutri-Score en faisant les courses mais je ne comprends pas tout.|"
            "J'ai perdu 8 kilos avec un régime et j'en ai repris 10, l'effet yo-yo classique.|"
            "La diététicienne m'a appris à faire des assiettes avec moitié légumes, un quart féculents, un quart protéines.|"
            "Je cuisine à l'huile d'olive et je mange des légumineuses trois fois par semaine.|"
            "Le grignotage le soir devant la télé c'est mon point faible.|"
            "Je suis végétarien{ne} depuis {duration} et mon bilan montre un peu de carence en fer."
        ),
        patient_disc=_s(
            "j'essaie de perdre du poids depuis {duration}|je suis végétarien{ne} depuis {duration}|"
            "j'ai {age} et je fais un rééquilibrage alimentaire"
        ),
        aidant_disc=_s(
            "je cuisine pour mes trois enfants qui mangent mal|ma mère âgée ne mange presque plus|mon fils de 14 ans est en surpoids"
        ),
        pro_titles=_s("diététicienne|nutritionniste|médecin nutritionniste"),
        intents=[
            Intent(
                "nutrition_perte_poids",
                inf=_s(
                    "perdre du poids sans effet yo-yo|maigrir durablement sans régime|arrêter de grignoter le soir"
                ),
                sub=_s(
                    "les régimes font reprendre du poids|on peut maigrir sans compter les calories|"
                    "sauter le petit-déjeuner aide à perdre du poids"
                ),
                answers=_s(
                    "Les régimes restrictifs mènent presque toujours à l'effet yo-yo, mieux vaut changer progressivement ses habitudes avec un diététicien.|"
                    "Pour le grignotage du soir, un vrai goûter vers 16 h avec protéines et fibres aide beaucoup.|"
                    "Manger lentement, des assiettes avec beaucoup de légumes et des portions raisonnables, c'est plus efficace qu'un régime."
                ),
            ),
            Intent(
                "nutrition_proteines_vege",
                inf=_s(
                    "avoir assez de protéines en étant végétarien|remplacer la viande sans carence|équilibrer une alimentation végétarienne"
                ),
                sub=_s(
                    "on manque de protéines quand on est végétarien|les légumineuses remplacent la viande|"
                    "il faut prendre du fer quand on arrête la viande"
                ),
                answers=_s(
                    "Associez légumineuses et céréales, lentilles et riz par exemple, ça donne des protéines complètes.|"
                    "Une alimentation végétarienne variée couvre les besoins, pensez juste à la vitamine B12 si vous êtes végétalien.|"
                    "Pour le fer, mangez des légumineuses avec de la vitamine C et faites doser la ferritine une fois par an."
                ),
            ),
        ],
        catalog=[
            (
                "Manger équilibré sans se priver : les repères de base",
                "Assiette idéale, portions, Nutri-Score et produits ultra-transformés.",
                "manger-equilibre-reperes",
            ),
            (
                "Perdre du poids durablement : pourquoi les régimes échouent",
                "L'effet yo-yo expliqué et les changements d'habitudes qui marchent.",
                "perdre-poids-durablement",
            ),
            (
                "Alimentation végétarienne : protéines, fer et B12",
                "Comment équilibrer ses repas sans viande et éviter les carences.",
                "alimentation-vegetarienne",
            ),
            (
                "Recettes : 10 repas rapides et équilibrés pour la semaine",
                "Des idées de repas simples à base de légumes, féculents complets et légumineuses.",
                "recettes-repas-equilibres",
            ),
        ],
    ),
    Theme(
        key="grossesse",
        label="grossesse",
        weight=1.0,
        maladie=_s("ma grossesse|cette grossesse|mon début de grossesse|ma deuxième grossesse"),
        symptoms=_s(
            "des nausées|des contractions|des brûlures d'estomac|des saignements|des jambes lourdes|"
            "une grosse fatigue|des douleurs ligamentaires|des vomissements le matin"
        ),
        drugs=_s("l'acide folique|Doliprane|Spasfon|le fer|Gaviscon|la vitamine D|Donormyl"),
        exams=_s(
            "l'échographie du premier trimestre|le test de la trisomie|une prise de sang pour la toxoplasmose|"
            "le test d'hyperglycémie provoquée|le monitoring|l'échographie morphologique"
        ),
        pros=_s("gynécologue|obstétricien|médecin traitant|pharmacien"),
        situations=_s(
            "le matin|au troisième trimestre|au travail|la nuit|depuis le début du deuxième trimestre|avant l'échographie"
        ),
        terms=_s(
            "le terme|la péridurale|le projet de naissance|la maternité|le congé maternité|les semaines d'aménorrhée|le bébé"
        ),
        lines=_s(
            "Je suis à 12 SA et les nausées ne me lâchent pas.|"
            "La sage-femme m'a conseillé de fractionner les repas contre les nausées.|"
            "Le test d'hyperglycémie provoquée est prévu à 26 semaines.|"
            "On a vu le cœur du bébé à l'échographie du premier trimestre, quelle émotion.|"
            "Je prépare le projet de naissance avec la sage-femme, je ne sais pas encore pour la péridurale.|"
            "J'ai des contractions le soir, la maternité m'a dit de venir si c'est régulier."
        ),
        patient_disc=_s(
            "je suis enceinte de {n_mois} mois|je suis à 20 SA de mon premier bébé|maman de deux enfants et enceinte du troisième|"
            "enceinte pour la première fois à {age}"
        ),
        aidant_disc=_s(
            "ma femme est enceinte de {n_mois} mois|j'accompagne ma fille enceinte de son premier bébé|ma compagne est enceinte de jumeaux"
        ),
        pro_titles=_s("sage-femme|gynécologue|pharmacienne"),
        intents=[
            Intent(
                "grossesse_nausees",
                inf=_s(
                    "calmer les nausées de début de grossesse|supporter les vomissements du premier trimestre|manger quand on a des nausées enceinte"
                ),
                sub=_s(
                    "les nausées s'arrêtent après le premier trimestre|c'est grave de vomir tous les jours enceinte|"
                    "le gingembre marche contre les nausées de grossesse"
                ),
                answers=_s(
                    "Les nausées de grossesse diminuent en général vers 14 à 16 SA, fractionnez les repas et mangez un peu avant de vous lever.|"
                    "Si vous vomissez tout et perdez du poids, consultez vite, ça peut être une hyperémèse qui se traite.|"
                    "Le gingembre et les petits repas fréquents aident, la sage-femme peut aussi prescrire un traitement contre les nausées."
                ),
            ),
            Intent(
                "grossesse_medicaments",
                inf=_s(
                    "prendre un médicament enceinte sans risque|soulager une douleur pendant la grossesse|savoir quels médicaments sont autorisés enceinte"
                ),
                sub=_s(
                    "on peut prendre du Doliprane enceinte|l'ibuprofène est interdit pendant la grossesse|"
                    "le Spasfon est sans danger pour le bébé"
                ),
                answers=_s(
                    "Le paracétamol comme le Doliprane est le médicament de la douleur autorisé pendant la grossesse, à dose normale.|"
                    "L'ibuprofène et les anti-inflammatoires sont contre-indiqués à partir du 6e mois de grossesse, même en gel.|"
                    "Demandez toujours au pharmacien avant de prendre un médicament enceinte, le site du CRAT donne aussi les infos."
                ),
            ),
        ],
        catalog=[
            (
                "Grossesse : les examens mois par mois",
                "Échographies, prises de sang, dépistages : le suivi de grossesse expliqué.",
                "grossesse-examens",
            ),
            (
                "Nausées du premier trimestre : que faire ?",
                "Conseils alimentaires et traitements pour soulager les nausées et vomissements.",
                "grossesse-nausees",
            ),
            (
                "Médicaments et grossesse : les bons réflexes",
                "Paracétamol, anti-inflammatoires, automédication : ce qui est permis et ce qui ne l'est pas.",
                "medicaments-grossesse",
            ),
            (
                "Préparer son accouchement et son projet de naissance",
                "Péridurale, maternité, séances de préparation : se préparer sereinement.",
                "preparer-accouchement",
            ),
        ],
    ),
    Theme(
        key="douleur_chronique",
        label="fibromyalgie et douleur chronique",
        weight=1.0,
        maladie=_s(
            "la fibromyalgie|une douleur chronique|ma fibro|un syndrome douloureux chronique"
        ),
        symptoms=_s(
            "des douleurs partout|une raideur le matin|des points douloureux|un brouillard cérébral|"
            "une fatigue chronique|des sensations de brûlure|des nuits non réparatrices|des crises de douleur"
        ),
        drugs=_s(
            "le tramadol|Lyrica|la prégabaline|le Laroxyl|Doliprane|Cymbalta|les patchs de lidocaïne|le TENS"
        ),
        exams=_s(
            "une consultation au centre antidouleur|un bilan rhumatologique|une prise de sang inflammatoire|une évaluation de la douleur"
        ),
        pros=_s("rhumatologue|médecin de la douleur|kiné|médecin traitant|algologue"),
        situations=_s(
            "le matin|quand le temps change|après le ménage|au travail|après une mauvaise nuit|quand je porte les courses"
        ),
        terms=_s(
            "l'errance diagnostique|le centre antidouleur|l'activité physique adaptée|la balnéothérapie|la douleur neuropathique|l'échelle de douleur"
        ),
        lines=_s(
            "Sept ans d'errance diagnostique avant qu'on parle enfin de fibromyalgie.|"
            "Même Lady Gaga a parlé de sa fibromyalgie, ça aide à être pris{e} au sérieux.|"
            "Céline Dion a montré à quel point la douleur chronique peut tout arrêter.|"
            "Au centre antidouleur on m'a proposé de la balnéothérapie et de l'activité physique adaptée.|"
            "Le brouillard cérébral c'est le pire, j'oublie mes mots au milieu des phrases.|"
            "Quand le temps change les douleurs se réveillent partout."
        ),
        patient_disc=_s(
            "fibromyalgique depuis {duration}|j'ai été diagnostiqué{e} fibromyalgique en {year}|"
            "je vis avec des douleurs chroniques depuis {duration}|je suis suivi{e} au centre antidouleur depuis {duration}"
        ),
        aidant_disc=_s(
            "ma femme est fibromyalgique|j'accompagne ma mère qui a des douleurs chroniques|ma fille de 19 ans a une fibromyalgie"
        ),
        pro_titles=_s("rhumatologue|médecin algologue|kinésithérapeute"),
        intents=[
            Intent(
                "fibro_traitements",
                inf=_s(
                    "soulager les douleurs de la fibromyalgie|trouver un traitement qui marche pour la fibro|reprendre une activité physique avec la fibromyalgie"
                ),
                sub=_s(
                    "le Lyrica marche pour la fibromyalgie|le sport aggrave les douleurs de la fibro|"
                    "la balnéothérapie soulage la fibromyalgie"
                ),
                answers=_s(
                    "Pour la fibromyalgie, ce qui marche le mieux c'est l'activité physique adaptée, très progressive, plus que les médicaments.|"
                    "Le centre antidouleur propose une prise en charge globale : kiné, psychologue, relaxation, balnéothérapie.|"
                    "La prégabaline et le Laroxyl à petite dose aident certaines personnes, mais il faut les adapter avec le médecin de la douleur."
                ),
            ),
            Intent(
                "fibro_crises",
                inf=_s(
                    "gérer une crise de douleur|tenir pendant une crise de fibro|utiliser un TENS contre la douleur"
                ),
                sub=_s(
                    "le TENS soulage vraiment la douleur|la chaleur aide pendant une crise de fibromyalgie|"
                    "on peut prévenir les crises de douleur"
                ),
                answers=_s(
                    "Pendant une crise, chaleur, repos court, respiration et TENS peuvent soulager, le kiné peut vous montrer les réglages du TENS.|"
                    "Tenir un carnet de douleur aide à repérer ce qui déclenche les crises : mauvaises nuits, efforts, stress.|"
                    "Alternez activité et repos, même les bons jours, pour éviter l'effet rebond des crises de douleur."
                ),
            ),
        ],
        catalog=[
            (
                "Fibromyalgie : comprendre et agir",
                "Symptômes, diagnostic et prise en charge globale de la fibromyalgie.",
                "fibromyalgie-comprendre",
            ),
            (
                "Douleur chronique : les centres antidouleur",
                "Comment être orienté, ce qu'on y propose et comment se préparer au premier rendez-vous.",
                "centres-antidouleur",
            ),
            (
                "Activité physique adaptée et douleur : par où commencer ?",
                "Programmes progressifs, balnéothérapie et conseils de kiné.",
                "activite-physique-douleur",
            ),
            (
                "Gérer une crise de douleur : la boîte à outils",
                "Chaleur, TENS, relaxation, carnet de douleur : des outils concrets.",
                "crise-douleur-outils",
            ),
        ],
    ),
    Theme(
        key="asthme",
        label="asthme",
        weight=0.9,
        maladie=_s("l'asthme|un asthme allergique|mon asthme|un asthme sévère"),
        symptoms=_s(
            "une crise d'asthme|une toux la nuit|un essoufflement|une oppression thoracique|des sifflements|"
            "une rhinite allergique|le souffle court à l'effort"
        ),
        drugs=_s(
            "la Ventoline|Symbicort|Seretide|Flixotide|Singulair|les corticoïdes inhalés|Dupixent|Xolair"
        ),
        exams=_s(
            "des EFR|une spirométrie|des tests allergologiques|une mesure du débit de pointe|un prick test"
        ),
        pros=_s("pneumologue|allergologue|médecin traitant|pédiatre|kiné respiratoire"),
        situations=_s(
            "pendant le sport|la nuit|au printemps avec le pollen|quand il fait froid|en présence de chats|lors des pics de pollution"
        ),
        terms=_s(
            "l'inhalateur|la chambre d'inhalation|le traitement de fond|les pollens|les acariens|le débitmètre|le plan d'action"
        ),
        lines=_s(
            "Je sors toujours avec ma Ventoline dans la poche.|"
            "Au printemps avec le pollen de bouleau je tousse toutes les nuits.|"
            "Le pneumologue m'a fait des EFR et a augmenté le Symbicort.|"
            "Mon fils utilise une chambre d'inhalation avec son Flixotide.|"
            "Les pics de pollution en ville déclenchent mes crises d'asthme.|"
            "Les acariens dans la chambre, c'est ce qui m'a valu un asthme allergique."
        ),
        patient_disc=_s(
            "asthmatique depuis l'enfance|j'ai un asthme allergique diagnostiqué en {year}|je suis sous Symbicort depuis {duration}"
        ),
        aidant_disc=_s(
            "mon fils de 6 ans est asthmatique|j'accompagne ma fille qui fait des crises d'asthme|mon père a un asthme sévère"
        ),
        pro_titles=_s("pneumologue|allergologue|kinésithérapeute respiratoire"),
        intents=[
            Intent(
                "asthme_inhalateur",
                inf=_s(
                    "bien utiliser son inhalateur|prendre la Ventoline correctement|utiliser une chambre d'inhalation pour un enfant"
                ),
                sub=_s(
                    "on prend trop de Ventoline si on en a besoin tous les jours|la chambre d'inhalation est utile pour un adulte|"
                    "il faut se rincer la bouche après le Symbicort"
                ),
                answers=_s(
                    "Secouez l'inhalateur, expirez à fond, puis inspirez lentement en appuyant, et bloquez la respiration dix secondes.|"
                    "Si vous avez besoin de Ventoline plus de deux fois par semaine, l'asthme n'est pas contrôlé, il faut revoir le traitement de fond.|"
                    "Après les corticoïdes inhalés comme Symbicort ou Flixotide, rincez-vous la bouche pour éviter les mycoses."
                ),
            ),
            Intent(
                "asthme_sport",
                inf=_s(
                    "faire du sport avec de l'asthme|éviter les crises d'asthme pendant l'effort|courir quand on est asthmatique"
                ),
                sub=_s(
                    "on peut faire de la course à pied avec un asthme|il faut prendre la Ventoline avant le sport|"
                    "la natation est bonne pour l'asthme"
                ),
                answers=_s(
                    "Deux bouffées de Ventoline un quart d'heure avant l'effort et un bon échauffement évitent souvent l'asthme d'effort.|"
                    "Le sport est recommandé avec l'asthme, à condition que le traitement de fond soit bien équilibré.|"
                    "Par temps froid, respirez par le nez ou avec une écharpe devant la bouche pendant l'effort."
                ),
            ),
        ],
        catalog=[
            (
                "Asthme : bien utiliser ses inhalateurs",
                "Les bons gestes pour chaque type d'inhalateur, en vidéo.",
                "asthme-inhalateurs",
            ),
            (
                "Asthme et sport : le guide",
                "Échauffement, Ventoline avant l'effort et sports conseillés.",
                "asthme-sport",
            ),
            (
                "Asthme allergique : pollens, acariens, animaux",
                "Identifier ses allergies et réduire l'exposition à la maison.",
                "asthme-allergique",
            ),
            (
                "FAQ : le plan d'action contre la crise d'asthme",
                "Que faire en cas de crise et quand appeler le 15.",
                "faq-crise-asthme",
            ),
        ],
    ),
    Theme(
        key="hypertension",
        label="hypertension",
        weight=0.9,
        maladie=_s("de l'hypertension|une tension trop haute|mon hypertension|une HTA"),
        symptoms=_s(
            "des maux de tête le matin|des bourdonnements d'oreille|une tension à 16/10|des palpitations|"
            "des vertiges en me levant|des chevilles gonflées|une toux sèche"
        ),
        drugs=_s(
            "l'amlodipine|le ramipril|Coversyl|le bisoprolol|les diurétiques|l'irbésartan|Cotareg|Kardegic"
        ),
        exams=_s(
            "un holter tensionnel|un électrocardiogramme|un bilan rénal|une échographie cardiaque|une MAPA"
        ),
        pros=_s("cardiologue|médecin traitant|pharmacien|néphrologue"),
        situations=_s(
            "le matin au réveil|chez le médecin|après un repas salé|au travail quand je stresse|le soir"
        ),
        terms=_s(
            "la tension artérielle|le tensiomètre|le sel|le risque d'AVC|l'effet blouse blanche|la pression artérielle|les 140/90"
        ),
        lines=_s(
            "Chez le médecin j'ai toujours 15 mais chez moi 13, l'effet blouse blanche paraît-il.|"
            "Le cardiologue m'a mis{e} sous amlodipine et mes chevilles gonflent.|"
            "J'ai acheté un tensiomètre de bras en pharmacie pour faire l'automesure.|"
            "Mon père a fait un AVC à cause d'une hypertension jamais soignée.|"
            "Depuis que je sale moins et que je marche tous les jours, la tension a baissé.|"
            "Le ramipril me donne une toux sèche qui ne passe pas."
        ),
        patient_disc=_s(
            "hypertendu{e} depuis {duration}|je suis sous traitement pour la tension depuis {year}|j'ai {age} et de l'hypertension"
        ),
        aidant_disc=_s(
            "mon père est hypertendu et refuse de se soigner|j'accompagne ma mère qui a une tension très haute|mon mari a fait un AVC lié à sa tension"
        ),
        pro_titles=_s("cardiologue|pharmacien|infirmière de pratique avancée"),
        intents=[
            Intent(
                "hta_automesure",
                inf=_s(
                    "bien mesurer sa tension à la maison|choisir un tensiomètre|faire l'automesure tensionnelle"
                ),
                sub=_s(
                    "le tensiomètre de poignet est fiable|c'est normal d'avoir une tension plus haute chez le médecin|"
                    "il faut mesurer sa tension le matin et le soir"
                ),
                answers=_s(
                    "La règle des 3 : trois mesures le matin, trois le soir, trois jours de suite, assis au calme depuis cinq minutes.|"
                    "Préférez un tensiomètre de bras validé, ceux de poignet sont moins fiables.|"
                    "L'effet blouse blanche est fréquent, c'est pour ça que l'automesure ou le holter tensionnel est utile."
                ),
            ),
            Intent(
                "hta_sel",
                inf=_s(
                    "réduire le sel pour faire baisser la tension|manger moins salé sans perdre le goût|baisser la tension sans médicament"
                ),
                sub=_s(
                    "manger moins de sel fait vraiment baisser la tension|on peut arrêter les médicaments de tension en changeant son alimentation|"
                    "le sel caché dans le pain fait monter la tension"
                ),
                answers=_s(
                    "Réduire le sel à moins de 5 g par jour fait baisser la tension, attention au sel caché dans le pain, la charcuterie et les plats préparés.|"
                    "Remplacez le sel par des épices, des herbes et du citron, le goût s'habitue en deux à trois semaines.|"
                    "Marche, moins de sel et moins d'alcool peuvent faire baisser la tension, mais n'arrêtez pas le traitement sans le cardiologue."
                ),
            ),
        ],
        catalog=[
            (
                "Hypertension artérielle : comprendre les chiffres",
                "Que veulent dire 140/90, les risques d'AVC et les traitements.",
                "hypertension-comprendre",
            ),
            (
                "L'automesure tensionnelle en 5 étapes",
                "Choisir son tensiomètre et appliquer la règle des 3.",
                "automesure-tensionnelle",
            ),
            (
                "Manger moins salé : astuces du quotidien",
                "Repérer le sel caché et cuisiner avec des épices.",
                "manger-moins-sale",
            ),
            (
                "Podcast : « Ma tension et moi »",
                "Un cardiologue répond aux questions des auditeurs sur l'hypertension.",
                "podcast-tension",
            ),
        ],
    ),
    Theme(
        key="teleconsultation",
        label="téléconsultation",
        weight=0.8,
        maladie=_s(
            "la téléconsultation|les consultations en visio|les rendez-vous à distance|la télémédecine"
        ),
        symptoms=_s(
            "un problème de connexion|une coupure de son pendant la visio|une ordonnance pas reçue|un rendez-vous annulé"
        ),
        drugs=_s(
            "Doctolib|Qare|Livi|Medadom|l'appli de téléconsultation|la cabine de téléconsultation"
        ),
        exams=_s(
            "une consultation en visio|un rendez-vous vidéo|une téléexpertise|une consultation en cabine à la pharmacie"
        ),
        pros=_s("médecin traitant|généraliste|dermatologue|psychiatre|pharmacien"),
        situations=_s(
            "depuis chez moi|le dimanche|quand mon médecin est en vacances|à la campagne|le soir après le travail|dans un désert médical"
        ),
        terms=_s(
            "la visio|la webcam|l'ordonnance numérique|la téléconsultation|le lien de connexion|la carte Vitale|le désert médical"
        ),
        lines=_s(
            "J'ai fait ma première téléconsultation sur Doctolib, la visio a coupé deux fois.|"
            "Dans mon désert médical c'est la téléconsultation ou rien.|"
            "La pharmacie du village a installé une cabine de téléconsultation avec tensiomètre et otoscope.|"
            "Le médecin m'a envoyé l'ordonnance numérique directement sur l'appli.|"
            "Je préfère voir mon médecin en vrai mais pour un renouvellement la visio c'est pratique.|"
            "Il faut une bonne connexion et une webcam, ma mère n'y arrive pas seule."
        ),
        patient_disc=_s(
            "j'habite dans un désert médical depuis {duration}|je n'ai plus de médecin traitant depuis {duration}|"
            "je fais mes renouvellements en visio depuis {year}"
        ),
        aidant_disc=_s(
            "j'aide ma mère de 82 ans à faire ses téléconsultations|mon père n'arrive pas à utiliser l'appli|j'accompagne mon fils handicapé pour ses rendez-vous en visio"
        ),
        pro_titles=_s("médecin généraliste|pharmacien|infirmière en télésoin"),
        intents=[
            Intent(
                "teleconsult_deroulement",
                inf=_s(
                    "préparer sa première téléconsultation|faire une téléconsultation sur Doctolib|se connecter à une visio avec le médecin"
                ),
                sub=_s(
                    "il faut une webcam pour une téléconsultation|le médecin peut examiner à distance|"
                    "on peut faire une téléconsultation depuis son téléphone"
                ),
                answers=_s(
                    "Il suffit d'un smartphone avec caméra, on clique sur le lien quelques minutes avant, testez le son et la connexion avant.|"
                    "Préparez votre carte Vitale, la liste de vos médicaments et vos questions, et mettez-vous dans un endroit calme et lumineux.|"
                    "Si l'examen physique est nécessaire, le médecin vous demandera de venir au cabinet, la visio ne remplace pas tout."
                ),
            ),
            Intent(
                "teleconsult_ordonnance",
                inf=_s(
                    "récupérer l'ordonnance après une téléconsultation|utiliser une ordonnance numérique en pharmacie|recevoir son ordonnance après la visio"
                ),
                sub=_s(
                    "la pharmacie accepte une ordonnance de téléconsultation|l'ordonnance arrive par mail après la visio|"
                    "on peut renouveler une ordonnance en téléconsultation"
                ),
                answers=_s(
                    "L'ordonnance de téléconsultation arrive dans l'appli ou par mail, la pharmacie l'accepte avec le QR code ou en version imprimée.|"
                    "Vous pouvez envoyer l'ordonnance numérique directement à votre pharmacie depuis l'appli.|"
                    "Le renouvellement d'ordonnance en visio est possible pour un traitement connu et stable."
                ),
            ),
        ],
        catalog=[
            (
                "Téléconsultation : mode d'emploi",
                "Matériel, connexion, préparation : réussir sa consultation en visio.",
                "teleconsultation-mode-emploi",
            ),
            (
                "L'ordonnance numérique : comment l'utiliser en pharmacie",
                "QR code, envoi à la pharmacie et renouvellement à distance.",
                "ordonnance-numerique",
            ),
            (
                "Cabines de téléconsultation en pharmacie : comment ça marche ?",
                "Les appareils connectés, la confidentialité et le déroulé d'une consultation en cabine.",
                "cabine-teleconsultation",
            ),
            (
                "Aider un proche âgé à utiliser la téléconsultation",
                "Conseils pour accompagner un parent dans ses rendez-vous à distance.",
                "aider-proche-teleconsultation",
            ),
        ],
    ),
    Theme(
        key="donnees_de_sante",
        label="confidentialité des données de santé",
        weight=0.7,
        maladie=_s(
            "mes données de santé|la confidentialité de mes données|la protection des données de santé|les applis de santé"
        ),
        symptoms=_s(
            "une fuite de données|un mail de phishing|une pub ciblée bizarre|un piratage d'hôpital"
        ),
        drugs=_s(
            "l'appli de suivi des règles|la montre connectée|l'appli de méditation|le bracelet connecté|l'appli de suivi du sommeil"
        ),
        exams=_s(
            "une demande d'accès RGPD|une réclamation à la CNIL|une lecture des conditions d'utilisation|un paramétrage de confidentialité"
        ),
        pros=_s(
            "délégué à la protection des données|médecin traitant|pharmacien|juriste de la CNIL"
        ),
        situations=_s(
            "sur mon téléphone|quand j'accepte les cookies|en créant un compte|sur les réseaux sociaux|après la cyberattaque de l'hôpital"
        ),
        terms=_s(
            "le RGPD|la CNIL|le consentement|l'hébergeur de données de santé|les cookies|la cybersécurité|le secret médical"
        ),
        lines=_s(
            "Après la cyberattaque de l'hôpital j'ai reçu un mail de phishing avec mon nom et mon groupe sanguin.|"
            "Mon appli de suivi des règles partage les données avec des annonceurs, j'ai lu les conditions d'utilisation.|"
            "La CNIL dit qu'on peut demander l'effacement de ses données de santé.|"
            "Je paramètre toujours la confidentialité de ma montre connectée.|"
            "Le secret médical c'est sacré, je ne veux pas que mes données circulent.|"
            "J'ai reçu une pub ciblée pour un traitement juste après avoir cherché mes symptômes."
        ),
        patient_disc=_s(
            "j'utilise une appli de suivi depuis {duration}|je suis patient{e} chronique et j'ai peur pour mes données|"
            "mes données ont fuité lors de la cyberattaque de {year}"
        ),
        aidant_disc=_s(
            "je gère les comptes santé de ma mère|j'ai des enfants et je gère leurs données de santé en ligne|mon père s'est fait avoir par un faux mail de l'Assurance maladie"
        ),
        pro_titles=_s("délégué à la protection des données|juriste en santé|pharmacien"),
        intents=[
            Intent(
                "donnees_rgpd_acces",
                inf=_s(
                    "supprimer ses données d'une appli santé|exercer son droit d'effacement RGPD|savoir ce qu'une appli fait de ses données"
                ),
                sub=_s(
                    "une appli de santé peut vendre nos données|on peut obliger une appli à effacer nos données|"
                    "la CNIL peut sanctionner une appli de santé"
                ),
                answers=_s(
                    "Avec le RGPD vous pouvez demander l'accès et l'effacement de vos données, l'appli doit répondre sous un mois.|"
                    "Si l'appli ne répond pas, vous pouvez déposer une plainte en ligne sur le site de la CNIL.|"
                    "Lisez la politique de confidentialité : les données de santé ne peuvent être partagées qu'avec votre consentement explicite."
                ),
            ),
            Intent(
                "donnees_phishing",
                inf=_s(
                    "reconnaître un faux mail de l'Assurance maladie|réagir après une fuite de données de santé|se protéger du phishing après une cyberattaque"
                ),
                sub=_s(
                    "l'Assurance maladie demande nos coordonnées bancaires par mail|c'est grave si mes données ont fuité après la cyberattaque|"
                    "un SMS sur la carte Vitale peut être une arnaque"
                ),
                answers=_s(
                    "L'Assurance maladie ne demande jamais vos coordonnées bancaires par mail ou SMS, c'est du phishing, signalez-le sur le 33700.|"
                    "Après une fuite de données, méfiez-vous des appels et mails qui citent vos infos médicales pour vous mettre en confiance.|"
                    "Changez vos mots de passe et activez la double authentification sur vos comptes santé."
                ),
            ),
        ],
        catalog=[
            (
                "Vos droits sur vos données de santé (RGPD)",
                "Accès, rectification, effacement : comment exercer vos droits et saisir la CNIL.",
                "droits-donnees-sante-rgpd",
            ),
            (
                "Applis et objets connectés : protéger sa vie privée",
                "Paramétrer la confidentialité, lire les conditions, refuser le partage publicitaire.",
                "applis-vie-privee",
            ),
            (
                "Faux mails et SMS de l'Assurance maladie : les reconnaître",
                "Les signes du phishing et les bons réflexes après une fuite de données.",
                "phishing-assurance-maladie",
            ),
        ],
    ),
    Theme(
        key="effets_indesirables",
        label="effets indésirables d'un traitement",
        weight=1.0,
        maladie=_s("ce traitement|les effets secondaires|mon nouveau médicament|ce médicament"),
        symptoms=_s(
            "des vertiges|une prise de poids|des nausées|des palpitations|une éruption cutanée|des douleurs musculaires|"
            "une perte de cheveux|des troubles de la mémoire|une grosse fatigue|des maux de tête"
        ),
        drugs=_s(
            "Levothyrox|les statines|le Mediator|Dépakine|la Lévothyroxine|Doliprane|l'ibuprofène|les antibiotiques|Androcur|les corticoïdes"
        ),
        exams=_s(
            "une prise de sang pour la TSH|un bilan hépatique|un dosage des CPK|un ECG|une déclaration de pharmacovigilance"
        ),
        pros=_s(
            "pharmacien|médecin traitant|endocrinologue|centre de pharmacovigilance|cardiologue"
        ),
        situations=_s(
            "depuis le changement de formule|depuis que j'ai augmenté la dose|le matin à jeun|depuis le générique|après chaque prise"
        ),
        terms=_s(
            "la notice|la pharmacovigilance|le générique|la nouvelle formule|le signalement à l'ANSM|les interactions médicamenteuses|la posologie"
        ),
        lines=_s(
            "Depuis le passage au générique j'ai des vertiges et des palpitations.|"
            "J'ai lu la notice en entier et je ne retrouve pas cet effet indésirable.|"
            "Le pharmacien m'a conseillé de déclarer l'effet indésirable sur le portail de signalement.|"
            "Ma TSH est complètement déréglée depuis la nouvelle formule du Levothyrox.|"
            "Les statines me donnent des douleurs musculaires, le médecin a dosé les CPK.|"
            "On a l'impression que personne ne nous écoute quand on parle d'effets secondaires."
        ),
        patient_disc=_s(
            "sous Levothyrox depuis {duration}|je prends des statines depuis {year}|je suis sous traitement depuis {duration}"
        ),
        aidant_disc=_s(
            "ma mère a eu une grave réaction à un antibiotique|mon mari a des effets secondaires terribles depuis son nouveau traitement|"
            "j'accompagne mon père qui prend douze médicaments par jour"
        ),
        pro_titles=_s("pharmacien|médecin généraliste|pharmacologue"),
        intents=[
            Intent(
                "ei_declarer",
                inf=_s(
                    "déclarer un effet indésirable|signaler un effet secondaire à l'ANSM|faire une déclaration de pharmacovigilance"
                ),
                sub=_s(
                    "un patient peut déclarer lui-même un effet indésirable|ça sert à quelque chose de signaler un effet secondaire|"
                    "il faut passer par le médecin pour faire une déclaration de pharmacovigilance"
                ),
                answers=_s(
                    "Tout patient peut déclarer un effet indésirable lui-même sur le portail signalement-sante.gouv.fr, ça prend dix minutes.|"
                    "Les déclarations sont analysées par les centres régionaux de pharmacovigilance, c'est comme ça qu'on détecte les problèmes.|"
                    "Gardez la boîte et la notice, notez les dates et les symptômes, le pharmacien peut aussi faire la déclaration avec vous."
                ),
            ),
            Intent(
                "ei_interactions",
                inf=_s(
                    "prendre du Doliprane et de l'ibuprofène en même temps|vérifier les interactions entre deux médicaments|alterner paracétamol et ibuprofène"
                ),
                sub=_s(
                    "on peut mélanger Doliprane et ibuprofène|les antibiotiques coupent l'effet de la pilule|"
                    "le pamplemousse change l'effet de certains médicaments"
                ),
                answers=_s(
                    "On peut alterner paracétamol et ibuprofène sur avis médical, mais jamais dépasser 3 g de paracétamol par jour sans avis.|"
                    "Le pharmacien a un logiciel qui vérifie les interactions médicamenteuses, montrez-lui toutes vos boîtes.|"
                    "Le jus de pamplemousse interagit avec certaines statines et traitements de la tension, c'est indiqué dans la notice."
                ),
            ),
        ],
        catalog=[
            (
                "Effets indésirables : comment les déclarer ?",
                "Le portail de signalement, les centres de pharmacovigilance et le rôle du pharmacien.",
                "declarer-effet-indesirable",
            ),
            (
                "Interactions médicamenteuses : les pièges courants",
                "Paracétamol, ibuprofène, pamplemousse, automédication : ce qu'il faut savoir.",
                "interactions-medicamenteuses",
            ),
            (
                "Médicaments génériques : questions fréquentes",
                "Excipients, changement de formule et que faire si on le supporte mal.",
                "faq-generiques",
            ),
            (
                "Comprendre la notice de son médicament",
                "Posologie, contre-indications, effets indésirables : lire la notice sans s'affoler.",
                "comprendre-notice",
            ),
        ],
    ),
]

THEME_KEYS: list[str] = [t.key for t in THEMES]
THEME_BY_KEY: dict[str, Theme] = {t.key: t for t in THEMES}
OFF_TOPIC = "hors_sujet"  # theme of spam and bot posts
