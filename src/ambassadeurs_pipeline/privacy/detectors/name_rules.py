"""Person names found by context rules: after titles (Dr, Mme, M.), kinship words ("ma fille
Rose"), self-introductions ("je m'appelle…"), greetings and signature lines; and the checks
every name detector shares (allow-list and eponyms, words that are never names)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .spans import PiiSpan, register_detector
from .text import allow_list, first_names, fold

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zà-öø-ÿ"
_NAME_TOKEN = (
    # An elided initial ("N'Diaye", "N'Guessan", "O'Neill") opens some West African and
    # Irish surnames.
    rf"(?:(?:[NO]['’])?[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}]?[{LOWER}]+)*|[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?)"
)
_PARTICLE = r"(?:Le|La|Da|De|Di|Du|Van|Von|Ben|El|Dos|Del|Mac|Le\s?Du)"
# A name never runs over a line break ("Madame Ndiaye Fatou\nFoyer Adoma, …": the next line
# is an address): the spaces inside it are horizontal ones.
_SP = r"[^\S\n]"
_SURNAME = rf"(?:{_PARTICLE}{_SP}(?=[{UPPER}]))?(?:{_NAME_TOKEN})"
_NAME = rf"(?:{_SURNAME})(?:{_SP}(?:{_SURNAME}|[{UPPER}]\.))?(?:{_SP}(?:{_NAME_TOKEN}))?"
_NAME_1 = rf"(?:{_NAME_TOKEN})(?:{_SP}[{UPPER}]\.)?"

TITLES = (
    r"Dr\.?|Dre\.?|Drs\.?|Docteurs|Docteur|Docteure|Doc|Pr\.?|Professeur|Professeure|Prof\.?|Mme\.?|Madame|"
    r"Mlle\.?|Mademoiselle|M\.|Mr\.?|Monsieur|Me|Ma[iî]tre|Sœur|Soeur|Père"
)
KIN = (
    r"fils|fille|mari|femme|[ée]poux|[ée]pouse|compagne|compagnon|conjoint|conjointe|copain|"
    r"copine|fr[èe]re|s[œo]e?ur|p[èe]re|m[èe]re|maman|papa|grand-m[èe]re|grand-p[èe]re|mamie|"
    r"mamy|papi|papy|cousin|cousine|neveu|ni[èe]ce|oncle|tante|ami|amie|voisin|voisine|"
    r"petit-fils|petite-fille|b[ée]b[ée]|fillette|gar[çc]on|belle-m[èe]re|beau-p[èe]re|"
    r"belle-s[œo]e?ur|beau-fr[èe]re|coll[èe]gue|chef|patron|patronne|kin[ée]|m[ée]decin|"
    r"neurologue|g[ée]n[ée]raliste|dermato(?:logue)?|derma|gastro(?:-ent[ée]rologue)?|endocrino(?:logue)?|"
    r"p[ée]diatre|infirmi[èe]re?|sage-femme|pharmacien(?:ne)?|psy(?:chiatre|chologue)?|"
    r"rhumato(?:logue)?|cardio(?:logue)?|chirurgien(?:ne)?|gyn[ée]co(?:logue)?|ost[ée]o(?:pathe)?|"
    r"homme|petit|petite|a[îi]n[ée]e?|cadet(?:te)?|jumelle?|filleul(?:e)?|parrain|marraine|"
    r"belle-fille|beau-fils|gendre|bru|patiente?"
)
#: Carers people name by surname ("l'opticien Mazurier", "mon ophtalmo Nguyen"): cues of the
#: lexicon detector only (name_words.CUE_BEFORE, asked about candidate words); in this
#: module's kin rule, run on every text, they made the regex 20 % slower.
PROFESSIONS = (
    r"opticien(?:ne)?|dentiste|orthodontiste|orthophoniste|orthoptiste|podologue|"
    r"ambulanci(?:er|[èe]re)|kin[ée]sith[ée]rapeute|sophrologue|nutritionniste|"
    r"di[ée]t[ée]ticien(?:ne)?|ophtalmo(?:logue)?|urologue|n[ée]phro(?:logue)?|"
    r"pneumo(?:logue)?|onco(?:logue)?|anesth[ée]siste|radiologue|h[ée]mato(?:logue)?|"
    r"allergologue|addictologue|g[ée]riatre|interne|aide-soignante?"
)
POSSESSIVE = r"(?:mon|ma|mes|notre|nos|son|sa|ses|votre|ton|ta|le|la|du|de la|au|à la)"
#: A determiner and the space after it; "l'" glued to the noun ("l'opticien") counts too.
DETERMINER_SPACE = rf"(?:{POSSESSIVE}\s|l['’]\s?)"
_NAME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("title", re.compile(rf"(?<![\w])(?:{TITLES})\s+(?P<name>{_NAME})")),
    (
        # Military, gendarmerie, fire-service and navy ranks, in any case ("caporal Tahiri",
        # "Adjudante Le Corre", "[07:45] Ltn Kervella:"): a rank names its bearer as a title
        # does. Historical officers are on the allow-list ("général de Gaulle").
        "rank",
        re.compile(
            rf"(?<![\w])(?i:caporale?(?:-cheff?e?)?|sergente?(?:-cheff?e?)?|adjudante?(?:-cheff?e?)?|"
            rf"sous-lieutenante?|lieutenante?|ltn|capitaine|cne|cpt|commandante?|cdt|"
            rf"lieutenant-colonel|colonel(?:le)?|brigadi(?:er|[èe]re)(?:-cheff?e?)?|"
            rf"mar[ée]chal(?:e)?\sdes\slogis(?:-cheff?e?)?|mdl|aspirante?|matelot|quartier-ma[îi]tre|"
            rf"second-ma[îi]tre|sapeur|gendarme|major|enseigne\sde\svaisseau)\.?\s+(?P<name>{_NAME})"
        ),
    ),
    (
        "intro",
        re.compile(
            rf"(?i:je m['’]appelle|moi c['’]est|mon (?:nom|pr[ée]nom) (?:est|c['’]est)|"
            rf"(?:il|elle|qui) s['’]appel+(?:e|ait)|(?:appel[ée]e?|pr[ée]nomm[ée]e?|nomm[ée]e?)|"
            rf"je suis|un certain|une certaine)"
            rf"\s+(?P<name>{_NAME})"
        ),
    ),
    (
        # "Ma fille s'appelle Prudence": the subject is checked in code (a kinship word or a
        # carer's trade, see _KIN_WORD), so the pattern opens on its literal "s'appel".
        "called",
        re.compile(rf"(?<=\s)s['’]appel+(?:e|ait)\s+(?P<name>{_NAME})"),
    ),
    (
        "kin",
        re.compile(
            # On the kinship word's own line: "Dossier MDPH de notre fils\nNom : …" names nobody.
            rf"\b(?i:{POSSESSIVE}\s(?:{KIN})(?:\s(?:de\s)?\d+\s?ans)?)[^\S\n]?,?[^\S\n](?P<name>{_NAME})"
        ),
    ),
    (
        "greeting",
        re.compile(
            rf"(?:^|[.!?\n]\s*)(?:Bonjour|Bonsoir|Salut|Coucou|Hello|Merci(?: beaucoup)?|Courage|"
            rf"Bravo|Chère|Cher|Hé|Hey)\s+(?P<name>{_NAME_1})(?P<follow>\s*[,!.:;?\n]|\s*$|\s[{LOWER}])"
        ),
    ),
    (
        "subject",
        re.compile(
            rf"(?:^|[.!?\n]\s*)(?P<name>{_NAME_TOKEN}(?:\s{_SURNAME})?)\s(?="
            rf"m['’]|me\s|nous\s|lui\s|l['’]a\s|a\s|avait\s|est\s|était\s|dit\s|pense\s|"
            rf"conseille|raconte|trouve\s|explique|prend\s|vient\s|fait\s|va\s|sait\s|"
            rf"et moi|aussi\s|de son côté)"
        ),
    ),
    (
        "full_name",
        re.compile(rf"(?<![\w-])(?P<name>{_NAME_TOKEN}{_SP}{_SURNAME})(?![\w-])"),
    ),
    (
        "signature",
        re.compile(
            rf"(?:(?:Cordialement|Bien [àa] vous|Bisous|Bises|Amicalement|Amiti[ée]s|Salutations|"
            rf"Sign[ée]|Merci d['’]avance|Merci|Courage [àa] tous|Prenez soin de vous|Bonne journ[ée]e|"
            rf"Belle journ[ée]e|A\+|À bient[ôo]t)\s*[,.!]?\s*\n?\s*(?:[-—–]+\s*)?|\n\s*[-—–]+\s*)"
            rf"(?P<name>{_NAME})\s*[.!]?\s*$"
        ),
    ),
    (
        "signature_line",
        re.compile(rf"\n\s*(?P<name>{_NAME_1}|{_NAME_TOKEN}\s{_NAME_TOKEN})\s*[.!]?\s*$"),
    ),
    (
        "with_first_name",
        re.compile(
            rf"(?:\b(?:avec|et|chez|pour|à|a|par|de|voir|vu|appelé|appelle|demandé à|dit à)\s)"
            rf"(?P<name>{_NAME_TOKEN})(?:\s(?P<surname>[{UPPER}][{LOWER}]+|[{UPPER}]{{2,}}|[{UPPER}]\.))?"
        ),
    ),
)
#: Substrings (of the lower-cased text) one of which must be present for a slow
#: case-insensitive rule to match at all: its pattern has no literal prefix and costs ~30 µs
#: a text; these tests cost ~1 µs.
#: "ma conseillère s'appelle Prudence": carers and advisers as well as kin (not pets).
_KIN_WORD = re.compile(
    rf"(?i:{KIN}|{PROFESSIONS}|conseill(?:er|[èe]re)|r[ée]f[ée]rente?|assistante?|tut(?:eur|rice)|"
    rf"coach|prof|ma[îi]tresse|instit(?:uteur|utrice)?|[ée]ducat(?:eur|rice)|secr[ée]taire|"
    rf"avocate?|notaire|auxiliaire|coordinat(?:eur|rice)|interlocut(?:eur|rice)|gestionnaire)"
)
_WORD_END = re.compile(r"([^\W\d_]+(?:-[^\W\d_]+)*)\s$")
_RULE_HINTS = {
    "rank": (
        "capor",
        "sergent",
        "adjud",
        "lieut",
        "ltn",
        "capitaine",
        "cne",
        "cpt",
        "command",
        "cdt",
        "colonel",
        "brigad",
        "logis",
        "mdl",
        "aspirant",
        "matelot",
        "maître",
        "maitre",
        "sapeur",
        "gendarme",
        "major",
        "vaisseau",
    ),
    "called": ("appel",),
    "intro": ("appel", "nomm", "je suis", "moi c", "mon nom", "mon pr", "certain"),
}
#: Capitalised words that a rule may capture but that are never names.
NOT_NAMES = frozenset(
    w.casefold()
    for w in (
        "Je J Il Elle On Nous Vous Ils Elles Le La Les Un Une Des Ce Cette Mon Ma Mes Merci Bonjour Patient Patiente "
        # Diplomas signed after a name ("Julien Labat, MKDE": masseur-kinésithérapeute).
        "MKDE IDE IDEL IBODE IADE IPA DE DEAES AES "
        "Bonsoir Salut Docteur Madame Monsieur Mademoiselle Professeur Dieu Tous Toutes Tout Vraiment "
        "Oui Non Bon Bien Moi Toi Courage Bravo France Paris Lyon Marseille Lille Toulouse Nantes "
        "Bordeaux Nice Strasbourg Europe Lundi Mardi Mercredi Jeudi Vendredi Samedi Dimanche Janvier "
        "Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre Covid Hello "
        "Hi Thanks Thank Ok OK Super Top Cordialement Bises Bisous Amicalement Prenez Bonne Belle "
        "Courage Hôpital CHU Clinique Urgences Et Mais Donc Car Ni Or Si Quand Depuis Après Avant "
        "Pourquoi Comment Aujourd Hier Demain Ici Voilà Enfin Alors Puis Ensuite Personne Team "
        "Maman Papa Mamie Papi Anonyme Admin Modérateur Modératrice Équipe Association Asso "
        "PS NB Edit Update URL MENTION PERSONNE EMAIL TEL NIR IBAN CARTE DOSSIER ADRESSE DATE_NAISSANCE "
        "Mme Mr Dr Pr Me Sœur Soeur Père Saint Sainte St Ste Mutuelle Pharmacie Santé Sécu CAF "
        # Pet names for a mother or a father used as chat speakers ("Mama:", "Mamoune:"), and
        # professionals' register numbers (left in clear: a professional's, not a patient's).
        "Mama Mamoune Mamounette Papoune Mamita Mamina Daronne Daron ADELI RPPS Tata Tatie Tati "
        "Tonton Tantine Mamy Papy Mémé Pépé Mami Marraine Parrain Lol Mdr Ptdr"
    ).split()
)
#: "asso"/"association" are not here (round 5): a small association named after a child
#: ("l'asso de Nathan") names the child; well-known ones are in the allow-list.
_EPONYM_CONTEXT = re.compile(
    # From a word start: "psychomotricité Lagadec" does not end in the noun "cité".
    r"\b(?:maladies?|syndromes?|thyro[ïi]dite|n[ée]vralgie|paralysie|ataxie|dystrophie|man[œo]e?uvre|"
    r"[ée]chelle|score|classification|crit[èe]res|signe|test|m[ée]thode|r[ée]gime|h[ôo]pital|(?<!chef\sde\s)(?<!cheffe\sde\s)clinique|"
    r"institut|centre|lyc[ée]e|coll[èe]ge|[ée]cole|fondation|rue|avenue|place|boulevard|CHU|"
    r"h[ôo]pitaux|ville|saint|sainte|quartier|cit[ée]|mus[ée]e|CHS|CHRU|"
    r"EPSM|GHU|CMPP?|tendons?|tendinites?|loi|lois|amendement|(?-i:Maison)|CSAPA|CAMSP|SESSAD|IME|"
    r"programme|dispositif|campagne|"
    r"ESAT|SSR|USLD|EHPAD|CSAPA|centre\shospitalier|p[ôo]le|pavillon|b[âa]timent|"
    r"fondation)[^\S\n]+(?:de[^\S\n]+|d['’]|du[^\S\n]+)?$",
    re.IGNORECASE,
)


#: Names of care homes and Breton places right after their noun ("EHPAD Ker Maria",
#: "résidence Les Tilleuls"): an institution's name, without "de" (after "de" it may be
#: someone's: "l'EHPAD de Maria").
_INSTITUTION_BEFORE = re.compile(r"(?:\bEHPAD|\br[ée]sidence|\bKer)[^\S\n]+$", re.IGNORECASE)
#: A public office or a public trade named with its definite article just before the name
#: ("le député François Ruffin", "l'actrice Louane"), or a broadcast the name stars in ("la
#: série avec Pierre Niney"): a public figure the allow-list cannot all hold. A possessive
#: before the role ("ma cousine la journaliste X") is a relative. Books, podcasts and articles
#: are not cues: patients write and podcast too ("le podcast de Lucie", a private person).
_PUBLIC_BEFORE = re.compile(
    r"(?<!\bma\s)(?<!\bmon\s)(?:\b(?:le|la|l['’]|les|du|de\sla|au|[àa]\sla)\s?"
    r"(?:d[ée]put[ée]e?|ministre|s[ée]nat(?:eur|rice)|pr[ée]sident(?:e)?\sde\sla\sr[ée]publique|"
    r"acteur|actrice|chanteur|chanteuse|com[ée]dien(?:ne)?|humoriste|animat(?:eur|rice)|"
    r"[ée]crivain(?:e)?|romanci(?:er|[èe]re)|footballeur|rappeu(?:r|se)|youtubeu(?:r|se)|"
    r"influenceu(?:r|se)|ancien(?:ne)?\sministre|porte-parole|peintre|sculpt(?:eur|rice)|"
    r"compositeur|compositrice|musicien(?:ne)?|pianiste|philosophe|po[èe]te|po[ée]tesse|"
    r"cin[ée]aste|r[ée]alisat(?:eur|rice)|navigat(?:eur|rice)|explorat(?:eur|rice)|tennisman|"
    r"cycliste|nageu(?:r|se)|rugbyman|boxeu(?:r|se)|astronaute|prix\sNobel|r[ée]sistante?|"
    r"journaliste|psychiatre\smédiatique)"
    # "le peintre surréaliste Yves Tanguy": one lower-case adjective after the trade.
    r"(?:\s(?-i:[a-zà-ÿ-]{4,}))?"
    r"|\b(?:la\ss[ée]rie|le\sfilm|le\st[ée]l[ée]film|le\sdocu(?:mentaire)?|l['’][ée]mission)"
    r"\s(?:avec|de|d['’])"
    # Royalty and popes, any case ("le prince Harry", "la reine Elizabeth"): public figures;
    # not "ma princesse Léa", an endearment.
    r"|(?<!\bma\s)(?<!\bmon\s)(?<!\bpetite\s)(?<!\bpetit\s)"
    r"\b(?:prince|princesse|roi|reine|pape|empereur|imp[ée]ratrice|tsar|tsarine|tsar[ée]vitch)"
    r")[^\S\n]+$",
    re.IGNORECASE,
)
#: A book with its quoted title: 'le livre "Anorexie…" de X' (a published author).
_BOOK_BEFORE = re.compile(
    r"\b(?:livre|ouvrage|bouquin|roman|essai)\s[«\"“][^\"»”\n]{3,100}[»\"”]\s?(?:de|d['’])[^\S\n]*$",
    re.IGNORECASE,
)
_RELATIVE_BEFORE = re.compile(
    r"\b(?:mon|ma|mes|notre|nos|son|sa|ses|ton|ta|tes|votre|vos|leur)\s[^\W\d_]+(?:-[^\W\d_]+)?\s?,?\s$",
    re.IGNORECASE,
)
#: A doctor or professor quoted from the media ("le Pr Robert Cohen a dit sur BFM", "le dr X à
#: la télé"): an expert speaking in public, not a carer of the writer's.
_TITLE_BEFORE = re.compile(r"\b(?:pr|professeur|dr|docteur)\.?\s+$", re.IGNORECASE)
_MEDIA_AFTER = re.compile(
    r"^[^.!?\n]{0,60}?\b(?:a\s(?:fait|donn[ée])\sune\s(?:interview|[ée]mission)|[àa]\sla\s(?:t[ée]l[ée]|radio)|sur\s(?:france\s?(?:inter|info|2|3|5|culture)|"
    r"bfm|tf1|lci|cnews|europe\s?1|rtl|arte|m6|rmc|youtube)|dans\s(?:le\smonde|lib[ée]|le\sfigaro|"
    r"le\sparisien|l['’]obs|l['’]express)|en\sinterview"
    # "le Pr Alain Carpentier a marqué l'histoire de la chirurgie": a figure of history.
    r"|a\s(?:invent[ée]|d[ée]couvert|marqu[ée]\sl['’]histoire|re[çc]u\sle\sprix|fond[ée]\sl))",
    re.IGNORECASE,
)


#: A private namesake of a public figure, said so by the writer: "Olivier Véran (notre
#: bénévole, pas le ministre !)", "Michel Cymes, rien à voir avec celui de la télé", or a name
#: introduced as someone's ("le médecin de garde s'appelait Michel Cymes").
_PUBLIC_NOUN = (
    r"(?:vraie?|m[êe]me|c[ée]l[èe]bre|ministre|chanteu(?:r|se)|act(?:eur|rice)|footballeu(?:r|se)|"
    r"joueu(?:r|se)|pr[ée]sentat(?:eur|rice)|animat(?:eur|rice)|humoriste|d[ée]put[ée]e?|journaliste|"
    r"[ée]crivaine?|peintre|compositeur|compositrice|com[ée]dien(?:ne)?|sportive?|politique|"
    r"m[ée]decin\sde\sla\st[ée]l[ée]|docteur\sde\sla\st[ée]l[ée])"
)
_NAMESAKE_AFTER = re.compile(
    rf"^[^\n]{{0,40}}?(?:[(,—–-]\s?|\bnon\s)(?:[^\n(),]{{0,25}}?[,\s]\s?)?(?:pas\s(?:celui|celle)\b|"
    rf"(?:c['’]est\s)?(?:mon|son|ton)\svrai\snom|"
    rf"pas\s(?:le|la|l['’])\s?{_PUBLIC_NOUN}|aucun\s(?:lien|rapport)|homonyme|m[êe]me\snom)"
    rf"|^[^\n]{{0,60}}?\b(?:rien\s[àa]\svoir\savec\s(?:celui|celle|l['’]autre|(?:le|la|l['’])\s?"
    rf"{_PUBLIC_NOUN})|aucun\s(?:lien|rapport)\savec\s(?:celui|celle|l['’]autre|(?:le|la|l['’])\s?"
    rf"{_PUBLIC_NOUN})|homonyme\sd[ue'’]|pas\s(?:celui|celle)\sde\sla\st[ée]l[ée])",
    re.IGNORECASE,
)
#: Someone of the writer's own circle, named with a possessive ("mon avocate Me Isabelle
#: Carré", "ma voisine Simone Veil"): a private namesake, whatever the allow-list says. Not
#: after words for admiration ("mon idole Johnny Hallyday").
_OWN_BEFORE = re.compile(
    r"\b(?:mon|ma|mes|notre|nos|ton|ta|tes|votre|vos)\s(?!(?:idole|chanteu(?:r|se)|act(?:eur|rice)|"
    r"[ée]crivain|aut(?:eur|rice)|h[ée]ro(?:s|[ïi]ne)|mod[èe]le|star|artiste|groupe|film|livre|"
    r"s[ée]rie|pr[ée]f[ée]r[ée]e?)\b)[^\W\d_]+(?:-[^\W\d_]+)?\s?,?\s"
    r"(?:(?:Me|Mme|Mlle|M\.|Mr|Dr|Pr|Madame|Monsieur|Ma[îi]tre|le\sDr|la\sDr|le\sPr|la\sPr)\.?\s)?$",
    re.IGNORECASE,
)
_NAMED_BEFORE = re.compile(
    r"\b(?:s['’]\s?appel(?:le|ait|lent|aient)|nomm[ée]e?|pr[ée]nomm[ée]e?|du\snom\sde)\s+$",
    re.IGNORECASE,
)


def is_private_namesake(text: str, span_start: int, span_end: int) -> bool:
    """True when the writer says the name is a private person's, not the public figure's."""
    before = text[max(0, span_start - 40) : span_start]
    return bool(
        _NAMED_BEFORE.search(before)
        or _OWN_BEFORE.search(before)
        or _NAMESAKE_AFTER.search(text[span_end : span_end + 90])
    )


#: Heads of an institution named just before it ("le directeur de l'ESAT X").
_HEAD_OF = re.compile(
    r"\b(?:directeur|directrice|pr[ée]sidente?|responsable|cheffe?|cadre|g[ée]rante?)"
    r"\s(?:de\sl['’]|du|de\sla|des)\s?$",
    re.IGNORECASE,
)


_TOWN_COMPOUND = re.compile(r"[^\W\d_]+-(?:les|lès|sur|sous|en|aux)-[^\W\d_]", re.IGNORECASE)


def is_allowed_name(text: str, span_start: int, span_end: int, context: str = "") -> bool:
    """True when the name ``text[span_start:span_end]`` must be kept (allow-list or eponym).

    ``context`` is the cue that matched before the name (``"Dr"``): after a title or a
    kinship word a single allow-listed word ("Dr Noël", "ma fille Rose") is a person, so
    only the cue plus the name ("Dr House") is looked up.
    """
    value = text[span_start:span_end].strip(" .,'’-")
    folded = fold(value)
    allowed = allow_list()
    before = text[max(0, span_start - 40) : span_start]
    if is_private_namesake(text, span_start, span_end):
        return False
    public = _PUBLIC_BEFORE.search(before) or _BOOK_BEFORE.search(
        text, max(0, span_start - 130), span_start
    )
    if public is not None and _RELATIVE_BEFORE.search(before, 0, public.start()):
        public = None  # "mon voisin le peintre Jacques": a relative with a trade
    if public is not None or (
        _TITLE_BEFORE.search(before) and _MEDIA_AFTER.search(text[span_end : span_end + 60])
    ):
        return True
    if context:
        return fold(f"{context} {value}") in allowed or (" " in folded and folded in allowed)
    if folded in allowed or all(w in allowed for w in folded.split()):
        return True
    if all(w.casefold() in NOT_NAMES for w in value.split()):
        return True
    if _TOWN_COMPOUND.search(value):
        return True  # "Eugénie-les-Bains", "Amélie-les-Bains": towns named after someone
    if re.search(r"\b(?:Saint|Sainte|St|Ste)-", value) and not _TITLE_BEFORE.search(before):
        return True  # places and feast days (Saint-Martin), not people ("le Dr Sainte-Marie" is)
    eponym = _EPONYM_CONTEXT.search(before) or _INSTITUTION_BEFORE.search(before)
    if eponym is not None and not _HEAD_OF.search(before, 0, eponym.start()):
        # "le directeur de l'ESAT Laurent Bouchez": the head of the place, named after it.
        return True
    # The span opens a longer allow-listed name: "Jeanne" in "Jeanne de Flandre" (a hospital).
    following = text[span_end : span_end + 30].split()
    for k in range(1, min(3, len(following)) + 1):
        if fold(f"{value} {' '.join(following[:k])}").strip(" .,;:!?") in allowed:
            return True
    return False


#: Single words the NER model takes for names but that are verbs or products in context.
_IMPERATIVE = re.compile(rf"^[{UPPER}][{LOWER}]+(?:ez|ons)$")
_PRODUCT_BEFORE = re.compile(
    r"(?:\b(?:du|au|sous|prescrit|prescrire|pris|prends|prendre|dose de)\s)$", re.IGNORECASE
)
_DOSE_AFTER = re.compile(r"^\s?\d+(?:[.,]\d+)?\s?(?:mg|µg|mcg|g|ml|ui|%)?\b", re.IGNORECASE)


def looks_like_product_or_verb(text: str, start: int, end: int) -> bool:
    """A single capitalised word that is an imperative ("Appelez") or a product taken in a
    dose ("du Seretide 250") rather than a person."""
    value = text[start:end]
    if " " in value:
        return False
    if _IMPERATIVE.match(value) and value.casefold() not in first_names():
        return True
    before = text[max(0, start - 20) : start]
    return bool(
        _PRODUCT_BEFORE.search(before)
        or (_DOSE_AFTER.match(text[end : end + 12]) and value.casefold() not in first_names())
    )


def trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing words that are never names (``Merci``, ``Docteur``…)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and (
        words[0].group(0).strip(".,;:!?").casefold() in NOT_NAMES
        or not words[0].group(0)[:1].isupper()
    ):
        if len(words) > 1 and re.fullmatch(_PARTICLE, words[0].group(0)):
            break  # "Le Goff", "Da Silva"
        words.pop(0)
    while words and words[-1].group(0).strip(".,;:!?").casefold() in NOT_NAMES:
        words.pop()
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


@register_detector("name_rules")
class NameRuleDetector:
    """Person names found by context rules (titles, kinship, introductions, signatures)."""

    name = "name_rules"

    def detect(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        return [self.detect_one(text) for text in texts]

    def detect_one(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        if not text or not re.search(rf"[{UPPER}]", text):
            return spans
        lowered = text.lower()
        for rule, regex in _NAME_RULES:
            hints = _RULE_HINTS.get(rule)
            if hints is not None and not any(h in lowered for h in hints):
                continue  # the rule's cue words are absent: skip its (slow) pattern
            for match in regex.finditer(text):
                start, end = trim_name(text, match.start("name"), match.end("name"))
                if end <= start:
                    continue
                if rule == "full_name" and (start, end) != (match.start("name"), match.end("name")):
                    continue  # "Octobre Rose": a trimmed pair is not a first name + surname
                value = text[start:end]
                if rule == "kin" and value.isupper() and len(value) <= 2:
                    continue  # "ma marraine NA", "mon parrain AA": acronyms
                if rule == "called":
                    subject = _WORD_END.search(text, max(0, match.start() - 30), match.start())
                    if subject is None or not _KIN_WORD.fullmatch(subject.group(1)):
                        continue
                weak_greeting = (
                    rule == "greeting"
                    and match.group("follow").startswith(" ")
                    and match.group("follow").strip()
                )
                if (
                    rule in ("with_first_name", "signature_line", "subject", "full_name")
                    or weak_greeting
                    or (rule == "intro" and re.search(r"je suis", match.group(0), re.IGNORECASE))
                ):
                    # Weak contexts: accept only a known first name (keeps "avec Doliprane"
                    # or "je suis Infirmière" out).
                    first = value.split()[0].casefold()
                    if first not in first_names():
                        continue
                    if rule == "with_first_name" and match.group("surname"):
                        end = match.end("surname")
                cue = ""
                if rule in ("title", "kin", "rank"):
                    cue = (
                        text[match.start() : match.start("name")].split()[-1]
                        if text[match.start() : match.start("name")].split()
                        else "_"
                    )
                if is_allowed_name(text, start, end, cue):
                    continue
                spans.append(PiiSpan(start, end, "PERSONNE", f"name_rules:{rule}"))
        return spans
