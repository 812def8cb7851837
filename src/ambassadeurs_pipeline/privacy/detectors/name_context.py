"""Person names that only the shape of the conversation gives away.

The lexicon detector (:mod:`.names`) decides word by word from the INSEE lists and the cue
just before a word. Forum and chat text names people in ways that cue cannot see, and the
third test set (``benchmarks/data/pii_forum_fr_r3``) missed them:

- **vocatives**: a name opening a message or a sentence and followed by "tu/t'/toi/ta…"
  ("Nathalue t'es où ?", "kevn t'as encore oublié"), typos and rare names included;
- **chat speakers**: "Seb: …", "Jordan (papa) : …" at a line or sentence start;
- **appositions**: "Stépahnie (ma sœur)", "dédé le voisin", "Capucine, 36 ans",
  "Le Berre (cadre)";
- **a surname in brackets after a role**: "le kiné de papa (Lebreton)", "le DRH (Fournier)";
- **kinship words without a determiner**: "tonton Zé", "Mamie Rose";
- **form fields** pasted into a post: "Nom : LE DANTEC", "Bénéficiaire : SAMB Ousmane";
- **families and initials**: "les Moreau", "les Le Bihan", "R. Dumont";
- **a surname subject of "m'a"**: "Kerjean m'a dit" (a reviewer's author is never "m'");
- **an unknown word subject of a person's verb** at a sentence start: "Sitraka a été
  hospitalisée", "Wojciech travaille de nuit" (first names INSEE never counted);
- **an unknown word signing a message**: "merci pour lui, Mieke";
- **a name coordinated with a name already found**: "bisous nanou et fifi".

Each rule is a regular expression for the position, then one judgement of the candidate
word (:func:`_judge`) against the lexicon, the nickname list, the typo index and the French
word table, so a French word in that position ("Bref tu…", "Question :") is left alone.
Allow-listed names (public figures, drugs, hospitals) are kept, as everywhere else.

Runs after the lexicon detector (``uses_prior_spans``): it only adds spans, and the
coordination rule reads the names already found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .name_rules import KIN, PROFESSIONS, is_allowed_name
from .name_typos import is_french_word, near_first_name
from .name_words import (
    COMMON_FIRST,
    CUE_BEFORE,
    CUE_WORDS,
    DETERMINERS,
    FREQUENT_SURNAME,
    FUNCTION_WORDS,
    NOT_NAME_FOLDED,
    OFFICE_NOUNS,
    PLACE_LIKE,
    fast_fold,
    name_lexicon,
    plain_surname,
)
from .spans import PiiSpan, register_detector
from .text import allow_list

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zà-öø-ÿ"
_WORD = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*"
#: An elided initial may open it ("N'Diaye", "O'Neill").
_CAP_WORD = rf"(?:[NO]['’](?=[{_UP}]))?[{_UP}](?:[^\W\d_]|-(?=[^\W\d_]))*"
_PARTICLE = r"(?:Le|La|Du|De|Da|Van|Ben|El|LE|LA|DU|DE|DA|VAN|BEN|EL)"

#: Months and days: never a person, even in the strong positions below.
_CALENDAR = frozenset(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche noel paques toussaint".split()
)
_MONTHS_DAYS = _CALENDAR - {"noel", "paques", "toussaint"}
#: Roles people name others by, in appositions and before a bracketed surname.
_ROLE = (
    r"voisine?|b[ée]n[ée]vole|pharmacien(?:ne)?|infirmi(?:er|[èe]re)|kin[ée]|aide-soignante?|"
    r"m[ée]decin|docteure?|dr|secr[ée]taire|cadre(?:\sde\ssant[ée])?|concierge|gardien(?:ne)?|"
    r"facteur|factrice|ambulanci(?:er|[èe]re)|psy|prof|ma[îi]tresse|nounou|avs|aesh|"
    r"auxiliaire(?:\sde\svie)?|aide\s[àa]\sdomicile|copain|copine|cousine?|fr[èe]re|s[œo]e?ur|"
    r"fils|fille|mari|femme|papa|maman|mamie|papi|assistante?(?:\ssociale?)?|"
    r"[ée]duc(?:ateur|atrice)?|coordinat(?:eur|rice)|coordonnat(?:eur|rice)|stagiaire|interne|"
    r"chef(?:\sde\sservice)?|directeur|directrice|drh|responsable|r[ée]f[ée]rente?|"
    r"animat(?:eur|rice)|coll[èe]gue|amie?|neuro(?:logue)?|neurop[ée]diatre|p[ée]diatre|"
    r"g[ée]n[ée]raliste|onco(?:logue)?|chirurgien(?:ne)?|sage-femme|orthophoniste|"
    r"ergoth[ée]rapeute|psychomotricien(?:ne)?|audioproth[ée]siste|di[ée]t[ée]ticienne?|"
    r"puéricultrice|puericultrice|brancardier|accueil|patron(?:ne)?|manager|boss|coach|"
    r"ortho(?:dontiste|ptiste)?|inspect(?:eur|rice)|perruqui(?:er|[èe]re)|pr[ée]sidente?|"
    r"tr[ée]sori(?:er|[èe]re)|parrain|marraine|tuteur|tutrice|curat(?:eur|rice)|aumônier|aumonier|"
    r"moniteur|monitrice|chauffeur|livreur|pompier|gendarme|avocate?|notaire|maire|v[ée]t[ée]rinaire|"
    r"coloc(?:ataire)?|pote|bin[ôo]me|meilleure?\samie?|podo(?:logue)?|p[ée]dicure|opticien(?:ne)?|"
    r"taxi|ambulancier|ost[ée]o(?:pathe)?|dentiste|chef|cheffe|sup[ée]rieure?|tuteur|formateur|formatrice"
)
_DET = r"(?:le|la|l['’]\s?|les|mon|ma|mes|notre|son|sa|leur|ton|ta|un|une)"

# The name-first patterns start with a word-start lookbehind: without it the engine
# retries the whole pattern from every letter inside every word (the detector's main
# cost on long texts); a match can only start at a word start anyway. The word itself is
# atomic: what follows it must be a space or a bracket, never the rest of the word.
_WORD_START = r"(?<![^\W\d_])"
_VOCATIVE = re.compile(
    rf"{_WORD_START}(?P<name>(?>{_WORD}))\s?,?\s(?=(?:tu|toi|ta|ton|tes|te)\b|t['’]\s?[{_LO}])",
    re.IGNORECASE,
)
#: The same, with up to three words before the second person ("Coco merci pour ton
#: témoignage", "steph je te comprends"); only at a message or sentence start.
_VOCATIVE_LATE = re.compile(
    rf"(?:^|[.!?\n]\s*)(?P<name>{_WORD})\s?,?\s(?:[^\s.!?,]+\s){{1,4}}?"
    rf"(?:tu|toi|ta|ton|tes|te|t['’])(?:\b|(?=[{_LO}]))",
    re.IGNORECASE,
)
#: A capitalised word and a comma opening a message, in a sentence that speaks to someone
#: ("Mélodie, les vêtements compressifs c'est 23h sur 24, accrochez-vous", "Nnamdi, merci
#: pour ton témoignage"): the comma after the very first word marks a vocative, and the
#: sentence may address its reader with "vous" or an imperative as well as with "tu".
_VOCATIVE_OPEN = re.compile(
    rf"[^\S\n]*(?P<name>(?-i:{_CAP_WORD})),\s(?=[^.!?\n]*?(?:(?<![\w'’])(?:tu|toi|ta|ton|tes|te|"
    rf"vous|votre|vos)(?![\w'’])|(?<![\w'’])t['’]|[{_LO}]{{3,}}ez(?![\w'’])))",
    re.IGNORECASE,
)
#: "Comme Océane, je…": a sentence that opens on "comme" and a name, then a comma, compares
#: the writer with another member of the thread.
_LIKE_NAME = re.compile(
    rf"(?:^|[.!?\n]\s*)(?i:comme|tout\scomme|pareil\sque)\s(?P<name>(?-i:{_CAP_WORD})),\s(?i:je|j['’]|moi|nous|on)\b"
)
#: A message addressed to someone ("Pour Rose : tu peux…"), or opened by the writer's own
#: name and what happened to them ("Aurore, diagnostiquée TDAH à 38 ans", "Malo, 16 ans").
_ADDRESSED_OPEN = re.compile(
    rf"[^\S\n]*(?:(?i:pour|@)\s?(?P<to>(?-i:{_CAP_WORD}))\s?:\s"
    rf"|(?P<me>(?-i:{_CAP_WORD})),\s(?:\d{{1,3}}\s?ans\b|(?-i:[a-zà-ÿ]{{3,}}(?:ée|ées|é|és))\b))"
)
#: A carer's trade as a field label, then the surname: "Opticien : Lefranc à Niort".
_ROLE_FIELD = re.compile(
    rf"(?<![\w'’])(?i:{PROFESSIONS}|m[ée]decin(?:\straitant)?|kin[ée]|dentiste|infirmi[èe]re?|"
    rf"pharmacien(?:ne)?|p[ée]diatre|g[ée]n[ée]raliste|sage-femme)\s?:\s(?P<name>(?-i:{_CAP_WORD}))(?![\w'’-])"
)
#: A name in brackets after a phone number: "Contact : 06 95 27 13 84 (Filipa)".
_PHONE_THEN_NAME = re.compile(rf"\d{{2}}\s?\((?P<name>{_CAP_WORD})\)")
#: A name before a dash and a phone number: "Itziar — 06 22 48 71 93".
_NAME_DASH_PHONE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_CAP_WORD})\s[—–-]\s(?=(?:\+33\s?|0)\d(?:[\s.]?\d{{2}}){{4}})"
)
#: A business named after its owner, with its trade word before or after: "Orthopédie
#: Lagarrigue", "Castagnier Tattoo", "(Lemercier Orthopédie)", "Ambulances Le Bihan".
_TRADE = (
    r"Orthop[ée]die|Optique|Audition|Tattoo|Ink|Ambulances|Taxis?|Transports|Garage|"
    r"Boulangerie|Plomberie|[ÉE]lectricit[ée]|Menuiserie|Coiffure|Fitness|Auto-[ÉE]cole"
)
#: Substrings of the trade words, a cheap necessary condition for the two patterns below.
_TRADE_GATE = (
    "orthop",
    "optique",
    "audition",
    "tattoo",
    "ink",
    "ambulance",
    "taxi",
    "transports",
    "garage",
    "boulangerie",
    "plomberie",
    "lectricit",
    "menuiserie",
    "coiffure",
    "fitness",
    "auto-",
)
_TRADE_THEN_NAME = re.compile(
    rf"(?<![\w'’-])(?:{_TRADE})\s(?P<name>(?:{_PARTICLE}\s)?{_CAP_WORD})(?![\w'’-])"
)
_NAME_THEN_TRADE = re.compile(rf"(?<![\w'’-])(?P<name>{_CAP_WORD})\s(?:{_TRADE})(?![\w'’-])")
#: Words that open a message with a comma and an imperative without naming anyone
#: ("Patience, vous verrez", "Courage, tenez bon").
_OPENING_WORDS = frozenset(
    "patience prudence courage constance victoire espoir paix joie chance attention bravo "
    "perso bref enfin alors voila hello bonjour bonsoir salut coucou merci".split()
)
#: What may stand before a vocative: nothing, a sentence end, or an interjection.
_VOCATIVE_BEFORE = re.compile(
    r"(?:^|[.!?…\n:;()❤️\"«“]\s*|(?:^|\s)(?:mdr|lol|ptdr|cc|coucou|ok|merci|oui|non|ah|oh|bah|hey|"
    r"allo|allô|dis|bon|bref|alors|hello|salut|wesh|haha|hihi|tkt|t['’]inqui[eè]te)\s*,?\s*)$",
    re.IGNORECASE,
)
_AFTER_REASSURE = re.compile(
    rf"(?:t['’]\s?inqui[eè]tes?\spas|t['’]\s?inqui[eè]te|tkt|courage|force\s[àa]\stoi|"
    rf"bon\scourage|gros\sbisous)\s(?P<name>{_WORD})\b",
    re.IGNORECASE,
)
#: What makes a line of a transcript speech rather than a form field ("Kiné: 2 fois", "Dexcom:
#: capteur décollé"): a first or second person, or a question or exclamation mark.
_SPEECH = re.compile(
    r"[^\n]{0,80}?(?:(?<![\w'’])(?:je|tu|moi|toi|nous|vous|on|me|te|mon|ma|mes|ton|ta|tes)"
    r"(?![\w'’])|(?<![\w'’])[jtm]['’]|[?!])",
    re.IGNORECASE,
)
_SPEAKER_LOWER = re.compile(rf"(?:^|\n)\s*(?P<name>[{_LO}]{{2,15}})\s?:\s")
#: A chat export's time stamp before the speaker: "[20:12] ", "(14h05) ", "20:12 - ",
#: "21/05/2025, 19:52 - ".
_STAMP = (
    r"(?:(?:\[|\()?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?,?\s)?\d{1,2}[:h]\d{2}(?::\d{2})?(?:\]|\))?"
    r"\s?(?:[-–]\s)?)?"
)
_SPEAKER = re.compile(
    rf"(?:^|\n|[.!?]\s+)\s*{_STAMP}(?P<name>{_CAP_WORD}(?:\s{_CAP_WORD})?)\s?"
    # "Jade 03:14 : qui est debout ?": the time stamp may follow the speaker too.
    rf"(?:\([^()\n]{{1,25}}\)\s?|\[?\d{{1,2}}[:h]\d{{2}}\]?\s?)?:\s"
)
#: "Mimi 💬 : …", "Lætitia 💬 "…"": a chat export whose speaker prefix carries an emoji. The
#: cleaning pipeline strips emoji before pseudonymising, so the same prefix without it, when
#: a quote opens the message ("mimi : "…"", "Lætitia "…""), counts too.
_SPEAKER_EMOJI = re.compile(
    rf"(?:^|\n)\s*(?P<name>{_WORD})\s?"
    r"(?:[\u2600-\u27bf\U0001f300-\U0001faff\ufe0f\u200d]+\s?(?::|(?=[\"«“]))|:?\s?(?=[\"«“]))"
)
#: "cedrik ici, 6 mois sans…": a self-introduction at the start of a message.
_HERE_INTRO = re.compile(rf"(?:^|\n)\s*(?P<name>{_WORD})\s(?:ici|here)\b\s*[,.!:]", re.IGNORECASE)
#: Form labels and list headings that open a line with a colon; not speakers.
_LABELS = frozenset(
    """
    nom prenom objet date tel telephone adresse re ps nb edit update note question reponse
    traitement diagnostic motif resultat resultats conclusion avis bilan ordonnance symptomes
    info infos important attention rappel rdv lieu heure prix cout total remarque source
    lien exemple contexte probleme solution age poids taille sexe ne nee mail email courriel
    statut situation profession medecin hopital service etablissement ville commune pays
    reference dossier numero compte destinataire expediteur sujet titre resume actu
    mise matin soir midi nuit semaine mois jour aujourd hier demain avant apres bonus
    patient patiente malade client cliente usager medecin docteur infirmier infirmiere
    soignant soignante aidant aidante interne pharmacien pharmacienne secretaire accueil
    moi vous lui elle maman papa mere pere fils fille equipe admin moderateur moderatrice
    kine osteo psy psychologue psychiatre dentiste orthophoniste ergo orthoptiste podologue
    pediatre generaliste cardio neuro dermato gyneco ophtalmo orl radio labo pharmacie
    mutuelle secu cpam caf mdph ordonnance consultation marin
    """.split()
)
_APPOSITION = re.compile(
    rf"{_WORD_START}(?P<name>(?-i:{_PARTICLE}\s)?(?>{_WORD}))"
    rf"(?:\s?\((?:{_DET}\s?)?(?:{_ROLE}|{KIN})\b"
    # "Léger (l'orthoprothésiste)": any trade's ending after an article, in brackets.
    rf"|\s?\((?:le|la|l['’])\s?[a-zà-ÿ-]{{3,}}(?:iste|logue|ienne|ien|eur|euse|rice|i[èe]re|ier|"
    rf"peute|pathe|aute|ute)\b"
    rf"|,?\s(?:le|la|l['’]|mon|ma|notre|son|sa)\s?(?:{_ROLE}|{KIN})\b"
    rf"|,?\s\(?\d{{1,3}}\s?(?:ans|mois)\b"
    rf"|,?\sn[ée]e?\s(?:le|en)\b)",
    re.IGNORECASE,
)
#: The cues of :data:`_APPOSITION` (what follows the name), in lower case, as a zero-width
#: lookahead for :func:`_apposition_matches`.
_APPOSITION_CUE_GATE = re.compile(
    # Every cue opens on a space, a comma or a bracket: tested first, that one character
    # check fails fast at the letters that make most of a text.
    rf"(?=[\s,(])(?=\s?\((?:{_DET}\s?)?(?:{_ROLE}|{KIN})\b"
    rf"|\s?\((?:le|la|l['’])\s?[a-zà-ÿ-]{{3,}}(?:iste|logue|ienne|ien|eur|euse|rice|i[èe]re|ier|"
    rf"peute|pathe|aute|ute)\b"
    rf"|,?\s(?:le|la|l['’]|mon|ma|notre|son|sa)\s?(?:{_ROLE}|{KIN})\b"
    rf"|,?\s\(?\d{{1,3}}\s?(?:ans|mois)\b"
    rf"|,?\sn[ée]e?\s(?:le|en)\b)"
)
#: The letters, apostrophes and hyphens (and a particle) just before a cue: where the name
#: of an apposition can start.
_NAME_RUN_BEFORE = re.compile(r"(?:(?:le|la|du|de|da|van|ben|el)\s)?[^\W\d_'’-][\w'’-]*$")
_NAME_AFTER = re.compile(rf"\s+(?:{_PARTICLE}\s)?[{_UP}][{_LO}]")
#: Specialists people name by surname. Listed: a generic ending ("-ologue", "-icien") after
#: every determiner cost more than the whole rule that uses them.
_SPECIALTIES = (
    r"orl|ophtalmo|dermato|cardio|gastro|gyn[ée]co|endocrino|rhumato|"
    r"g[ée]n[ée]ticien(?:ne)?|di[ée]t[ée]ticien(?:ne)?|pneumologue|n[ée]phrologue|h[ée]matologue|"
    r"allergologue|addictologue|urologue|radiologue|anesth[ée]siste|psychologue|tabacologue|"
    r"angiologue|h[ée]patologue|diab[ée]tologue|nutritionniste|kin[ée]sith[ée]rapeute|"
    r"psychoth[ée]rapeute|orthoptiste|podologue|p[ée]dicure|opticien(?:ne)?|sophrologue|"
    r"naturopathe|g[ée]riatre|oncologue|rhumatologue|pneumo|ost[ée]o|urgentiste|ortho"
)
_ROLE_BRACKET = re.compile(
    # "mon rhumato (Ramanantsoa, dr à Tours)": the name may open a bracketed description.
    rf"\b(?:{_ROLE}|{_SPECIALTIES})\b[^()\n.!?]{{0,30}}\((?P<name>(?-i:(?:{_PARTICLE}\s)?{_CAP_WORD}(?:\s{_CAP_WORD})?))[),]",
    re.IGNORECASE,
)
#: A cheap necessary condition for a vocative: a second-person word somewhere.
_SECOND_PERSON = re.compile(r"\bt(?:u|oi|a|on|es|e|['’])", re.IGNORECASE)
_CAP_BRACKET = re.compile(rf"\((?:{_PARTICLE}\s)?[{_UP}]")
_BARE_KIN = re.compile(
    rf"(?<![\w'’])(?:[Tt]onton|[Tt]ata|[Tt]atie|[Tt]ati|[Tt]antine|[Mm]amie|[Mm]amy|[Mm]ami|"
    rf"[Pp]api|[Pp]apy|[Mm]émé|[Pp]épé|[Mm]aman|[Pp]apa|[Mm]arraine|[Pp]arrain|[Mm]amoune|"
    rf"[Bb]onne-[Mm]aman|[Bb]on-[Pp]apa)\s(?P<name>{_WORD})(?:\s(?P<surname>[^\W\d_]+(?:-[^\W\d_]+)?)\b(?!['’]))?"
)
_PARTICLE_WORDS = frozenset("Le La Du De Da Van Ben El LE LA DU DE DA VAN BEN EL".split())
_FORM_FIELD = re.compile(
    # A pasted e-mail's header lines ("De : Martine Gaudin", "À : …") at a line start only.
    rf"(?:(?:^|\n)(?i:de|[àa]|from|to|cc)\s?:\s?(?=[{_UP}])|"
    rf"(?:^|[\n\"«(|;]|\s)(?i:pr[ée]noms?(?:\(s\))?(?:\susuel)?(?=\s?:)|nom(?:\sde\sfamille|\sde\snaissance|\sd['’]usage|\set\spr[ée]nom|"
    rf"\sde\sl['’]assur[ée]e?|\sdu\spatient|\sde\sla\spatiente|\sdu\sb[ée]n[ée]ficiaire|\sde\sl['’]enfant|"
    rf",?\spr[ée]nom)?|b[ée]n[ée]ficiaire|assur[ée]e?|patiente?|titulaire|identit[ée]|"
    rf"demandeu(?:r|se)|aidante?|signataire|personne\s[àa]\spr[ée]venir|r[ée]dig[ée]\spar|"
    rf"joueu(?:r|se)|licenci[ée]e?|adh[ée]rente?|salari[ée]e?|[ée]l[èe]ve|[ée]tudiante?|candidate?|"
    rf"enfant|d[ée]funte?|conjointe?|employ[ée]e?|victime|bless[ée]e?|accompagnante?|"
    rf"interlocut(?:eur|rice)|exp[ée]diteur|destinataire|responsable\sl[ée]gale?|repr[ée]sentante?\sl[ée]gale?|"
    rf"[ée]tabli\spar|sign[ée]\spar)\s?:\s?)"
    rf"(?P<name>(?:{_PARTICLE}\s)?{_CAP_WORD}(?:[ \u00a0](?:{_PARTICLE}\s)?{_CAP_WORD}){{0,3}})"
)
#: The same labels without a colon, before a full name: "virement … titulaire Iban
#: Etcheverry", "bénéficiaire Awa Traoré". Two capitalised words, so "assuré MGEN" is no name.
_FORM_FIELD_BARE = re.compile(
    rf"(?<![\w'’])(?i:titulaire|b[ée]n[ée]ficiaire|assur[ée]e?|signataire|destinataire)\s"
    rf"(?P<name>(?:{_PARTICLE}\s)?{_CAP_WORD}\s(?:{_PARTICLE}\s)?{_CAP_WORD})(?![\w'’-])"
)
#: Words that open an organisation's name, which can hold an account or a contract too.
_ORG_HEADS = frozenset(
    "association asso societe entreprise mutuelle caisse banque cabinet centre clinique groupe "
    "fondation comite club syndicat federation ligue union amicale collectif institut office "
    "pharmacie sci sarl sas eurl ehpad laboratoire".split()
)
_FORM_FIELD_BARE_GATE = ("titulaire", "ficiaire", "assur", "signataire", "destinataire")
_FAMILY = re.compile(rf"\b[Ll]es\s(?P<name>(?:{_PARTICLE}\s)?{_CAP_WORD})")
_INITIAL = re.compile(
    rf"(?<![\w.])(?P<name>[{_UP}]\.\s?(?:[{_UP}]\.\s?)?(?:{_PARTICLE}\s)?(?P<surname>{_CAP_WORD}))"
)
_SUBJECT_ME = re.compile(
    rf"(?:^|[.!?\n]\s*)(?P<name>(?:{_PARTICLE}\s)?{_CAP_WORD})\s(?=m['’]\s?(?:a|avait|a\sdit|envoy[ée])\b)"
)
#: A forum quote's header: "> Bouvier a écrit :", "Le 3 mars, Lou a écrit :".
_WROTE = re.compile(
    rf"(?:^|\n|>\s?|,\s)(?P<name>(?:{_PARTICLE}\s)?{_CAP_WORD}(?:\s{_CAP_WORD})?)\sa\s[ée]crit\s?:"
)
#: An unknown capitalised word opening a sentence as the subject of a person's verb ("Sitraka
#: a été hospitalisée", "Wojciech travaille de nuit"): rare foreign first names INSEE never
#: counted. Only verbs a person does; brands and towns are kept by the word table check.
_UNKNOWN_SUBJECT = re.compile(
    rf"(?:^|[.!?\n]\s*)(?P<name>{_CAP_WORD})\s(?=(?:m['’]\s?a|m['’]avait|nous\sa|t['’]\s?a|"
    r"a\s(?:[ée]t[ée]\s(?:(?:hospitalis|op[ée]r|admis|transf[ée]r|diagnostiqu|greff|intub|vaccin|"
    r"rapatri|[ée]vacu|[ée]vasan|h[ée]litreuill|"
    r"accouch|licenci|mut|embauch|soign)\w*|pris[ée]?\sen\scharge)|eu\s(?:son|sa|ses|un|une)|"
    r"accouch[ée]|perdu\s(?:son|sa|ses)|rejoint|fait\s(?:sa|son|ses)|dit|appel[ée])|"
    r"est\s(?:pass[ée]e?|arriv[ée]e?|n[ée]e?|d[ée]c[ée]d[ée]e?|hospitalis[ée]e?|op[ée]r[ée]e?|"
    r"enceinte|malade|diab[ée]tique|aide-soignante?|infirmi[èe]re?|b[ée]n[ée]vole|venue?|partie?)|"
    r"travaille|habite|vit\s|fait\s(?:sa|son|ses|des|du|de\sla)|prend\s|sort\s|rentre\s|"
    r"(?:[ée]tait|est)\s(?:top|super|g[ée]niale?|adorable|gentille?|formidable|parfaite?|au\stop|"
    r"extra|tr[èe]s\sgentille?|tr[èe]s\sdouce?|une\sperle|un\sange)|"
    r"m['’]accompagne|nous\saccompagne|dit\sque|pense\sque|conseille|m['’]a\sconseill[ée])\b)"
)
#: A surname straight before the carer's trade, reviews' shorthand: "avis : Etcheverry kiné à
#: Biarritz", "Lemarchand ostéo, top".
_SURNAME_TRADE = re.compile(
    rf"(?<![^\W\d_])(?P<name>[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?)\s"
    r"(?=(?i:kin[ée]|ost[ée]o(?:pathe)?|infirmi[èe]re?|m[ée]decin|p[ée]diatre|dentiste|psy|"
    r"psychiatre|psychologue|sage-femme|pharmacien(?:ne)?|g[ée]n[ée]raliste|cardio(?:logue)?|"
    r"dermato(?:logue)?|gyn[ée]co(?:logue)?|rhumato(?:logue)?|orthophoniste|podologue|"
    r"ophtalmo(?:logue)?|endocrino(?:logue)?|neuro(?:logue)?|chirurgien(?:ne)?)\b)"
)
#: What stands before that surname: a line or sentence start, a colon, or a review's verb.
#: (The scan starts at capitals, the cheapest anchor; the context is checked after.)
_BEFORE_TRADE = re.compile(r"(?:^|[:\n.!?]\s*|\b(?i:avis|merci|chez|voir|allez\svoir)\s)$")
#: A capitalised surname, then a capitalised first name ("Lagarde Pierre"): the order of forms
#: and lists, and the first name may be a word ("Pierre", "Claire"). Capitalised only: the
#: scan starts at capitals, so it costs little on most comments.
_SURNAME_FIRST_PAIR = re.compile(
    rf"(?<![^\W\d_])(?P<sur>[{_UP}][{_LO}]+)\s(?P<first>[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?)(?![\w'’-])"
)
#: A first name followed by the group the person belongs to ("pierre de l'asso des stomisés",
#: "Rose du CMP", "aurore de l'accueil"): even a first name that is a word is a person there.
_AFFILIATION_TAIL = re.compile(
    r"(?<=[^\W\d_]) (?:de\sl['’]\s?(?:asso|association|[ée]quipe|accueil|had|hdj|ehpad|h[ôo]pital|"
    r"administration|infirmerie)|du\s(?:groupe|service|cmp|csapa|cmpp|ccas|secr[ée]tariat|cabinet|"
    r"planning|forum|labo|centre|foyer|sessad|ssr|smur|samu)|de\sla\s(?:pharmacie|mutuelle|cpam|"
    r"caf|mdph|maternit[ée]|cr[èe]che|mairie|clinique|permanence|salle\s\d+)|"
    r"[àa]\sl['’]accueil|[àa]\sla\sr[ée]ception|[àa]\sla\scaisse)\b",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(rf"(?<![^\W\d_])(?P<name>{_WORD})$")
#: "coucou c'est Titi, jsuis arrivée": a writer naming herself after a greeting.
_GREETING_CEST = re.compile(
    rf"(?i:\b(?:coucou|salut|bonjour|bonsoir|allo|allô|cc|hello)(?:\s(?:tout\sle\smonde|[àa]\stou(?:te)?s|"
    rf"les\s(?:ami(?:e)?s|filles|gars|copains|copines)|la\steam))?\s?,?\s?c['’]\s?est\s)"
    # "Bonsoir, c'est Lisette Marie-Sainte de Sainte-Anne": a surname may follow, then where
    # the writer is from.
    rf"(?P<name>{_WORD}(?:\s(?-i:[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?))?)(?=\s?[,.!]|\s(?:ici|qui|de|du|d['’])\b)"
)
_CEST = re.compile(rf"\b[cC]['’]\s?est\s(?P<name>{_CAP_WORD})(?=\s?[,.!)]|\squi\b|\s*$)")
#: "c'est Kerjean qui m'a fait ma coronarographie": a word neither the lexicon nor the French
#: word table knows, then what a carer does to the writer.
_CEST_WHO = re.compile(
    rf"\b[cC]['’]\s?est\s(?P<name>{_WORD})\squi\s(?=m['’]|nous\s|t['’]|s['’]occupe|me\s|"
    r"a\s(?:fait|dit|op[ée]r[ée]|suivi|vu|pris|pos[ée]|trouv[ée]|diagnostiqu[ée]|appel[ée]))"
)
#: A lower-case title before a particle surname or an elided one: "mme da silva", "le dr le
#: goff", "dr n'diaye", "mme de la fontaine" (the lexicon detector takes one word after a title).
_TITLE_PARTICLE = re.compile(
    r"(?<![\w'’])(?:mme|mlle|mr|m\.|dr\.?|pr\.?|docteur|docteure|madame|monsieur|professeur|"
    r"ma[iî]tre)\s"
    rf"(?P<name>(?:(?:le|la|da|de|du|des|di|dos|van|von|el|al|ben|ould)\s(?:la\s)?|[nd]['’]){_WORD})"
    r"(?![\w'’])"
)
_SIGN_OFF = re.compile(rf"(?:^|[,\n]|[.!?]\s)\s*(?:[-—–]+\s*)?(?P<name>{_CAP_WORD})\s*[.!]?\s*$")
#: A signature with what the writer is or where they live after a comma, closing the
#: message: "… Merci de votre patience. Océane, préparatrice", "Jean-Hugues Técher,
#: Saint-Paul".
_SIGN_OFF_QUALIFIED = re.compile(
    rf"(?:^|[.!?\n]\s*|\s[-—–]+\s*)(?P<name>(?P<first>{_CAP_WORD})(?:\s(?:{_PARTICLE}\s)?(?P<last>{_CAP_WORD}))?)"
    rf",\s(?P<what>[{_LO}][{_LO}'’\-]+(?:\s[{_LO}'’\-]+){{0,3}}|{_CAP_WORD}(?:[\s\-]{_CAP_WORD}){{0,2}})\s*[.!]?\s*$"
)
_CONTACT_LOWER = re.compile(
    rf"(?=[dDpPbBmMtT])\b(?:dis|dit|dites|dite|demande|demandez|passe\sle\sbonjour|bisous|bises|merci|"
    rf"mrc|mci|thx)\s"
    rf"(?:[àa]\s)?(?P<name>{_WORD})\b",
    re.IGNORECASE,
)
_COORDINATED_BEFORE = re.compile(rf"(?<![^\W\d_])(?P<name>{_CAP_WORD})\s(?:et|&)\s$")
_COORDINATED = re.compile(rf"(?:\s(?:et|&)\s|,\s?)(?P<name>{_WORD})\b")
#: The word (and its particle) just before a name found: "yilmaz ayse", "le goff marie-annick".
_SURNAME_BEFORE = re.compile(
    rf"(?:(?<![\w'’-])(?P<particle>(?i:le|la|de|du|van|ben|el))\s)?(?<![\w'’-])(?P<last>{_WORD}) $"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:[àa]|en|au|aux|sur|dans|vers|pr[èe]s\sde|de|d['’]|du|des)\s?$", re.IGNORECASE
)
#: The determiner and the role of :data:`_ROLE_NAME`, all in lower case: run on the lowered
#: text without IGNORECASE (see :func:`_finditer_gated`) it finds where that rule can match.
_ROLE_NAME_HEAD = (
    # After a colon too: "Mardi 14h : kiné Tessier" in a rota.
    rf"(?:^|\n|\d[.)]\s|:\s|\b(?:le|la|l['’]|mon|ma|notre|du|de\sla|au|[àa]\sla|par\sle|par\sla|son|sa|"
    rf"leur|votre|ton|ta)\s?)"
    rf"(?:{_ROLE}|{PROFESSIONS}|{_SPECIALTIES}|technicien(?:ne)?|"
    rf"manipulat(?:eur|rice)|coach|agent|agente)"
)
_ROLE_NAME = re.compile(
    rf"{_ROLE_NAME_HEAD}(?:-[^\W\d_]+)?"
    rf"(?:\s(?:expert|traitant|conseil|r[ée]f[ée]rente?|de\sgarde|du\ssport|du\stravail|scolaire|"
    # "l'infirmière d'accueil Nathalie", "l'agent d'entretien Li": the post's complement.
    rf"sup|sup[ée]rieure?|de\ssant[ée]|d['’]accueil|de\snuit|de\sjour|d['’]entretien|de\sservice|de\sl['’]accueil|lib[ée]rale?|"
    rf"coordinat(?:eur|rice)|hospitali(?:er|[èe]re)|en\schef|de\sliaison|de\scoordination|"
    # "l'infirmier du CMP Mourad", "l'aumônier père Kaminski".
    rf"du\s(?-i:[A-Z]{{2,6}})|de\sl['’](?-i:[A-Z]{{2,6}})|p[èe]re|s[œo]eur))?"
    # "la secrétaire, Sylivane, elle…": the name between commas after the role.
    rf"(?:\s|,\s(?=[^\W\d_]+(?:\s[^\W\d_]+)?,))(?P<name>(?-i:(?:{_PARTICLE}\s)?{_CAP_WORD}))",
    re.IGNORECASE,
)
# The head opens on a line start, a digit, a colon or a determiner's first letter.
_ROLE_NAME_GATE = re.compile(rf"(?=[\nlmndaàpsvt\d:])(?={_ROLE_NAME_HEAD})|^(?={_ROLE_NAME_HEAD})")
_SELF_INTRO = re.compile(
    rf"(?:^|[\s,.!])(?:c|c['’]\s?est|moi\sc['’]\s?est|ici|jsuis|je\ssuis)\s(?P<name>{_WORD})\b",
    re.IGNORECASE,
)
_BUSINESS = re.compile(
    rf"\b(?i:pharmacie|ambulances?|taxis?(?:\sconventionn[ée]s?)?|transports|cabinet(?:\s(?:infirmier|m[ée]dical|dentaire|"
    rf"param[ée]dical|de\skin[ée](?:sith[ée]rapie)?|d['’]ost[ée]o(?:pathie)?|d['’]orthophonie|"
    rf"de\spsychologie|de\spsychomotricit[ée]|d['’]ergoth[ée]rapie|de\ssages?-femmes?|"
    rf"d['’]orthodontie|de\sp[ée]dicurie|de\spodologie|d['’]ophtalmologie|de\sradiologie))?|"
    rf"(?:sarl\s|sas\s|eurl\s)?(?:optic|optique|opticien|audition|boulangerie|boucherie|garage)|"
    # Trades whose firms carry their owner's surname ("Armement Caradec", a fishing firm;
    # "Menuiseries Casanova").
    rf"armement|menuiseries?|ma[çc]onnerie|charpente|plomberie|[ée]lectricit[ée]|couverture|"
    rf"carrosserie|scierie|laiterie|p[êe]cheries?|"
    rf"sarl|ets|[ée]tablissements|entreprise|soci[ée]t[ée]|pf|pompes\sfun[èe]bres)\s"
    # "la société Ambulances Marchetti": the owner follows the trade, not the company word.
    rf"(?!(?i:ambulances?|taxis?|pharmacie|transports|cabinet|optique|garage)\b)"
    rf"(?P<name>(?:(?:Le|La|Van|Ben|El|Da)\s)?{_CAP_WORD})"
)
_AND_SONS = re.compile(rf"(?P<name>{_CAP_WORD})\s(?:&|et)\s(?:[Ff]ils|[Ff]illes|[Ff]r[èe]res)\b")
#: Vietnamese names in their own order, family name first with the middle "Thi"/"Van"
#: ("Vo Thi Mai", "Tran Van Long"): short family names the lexicon ranks too low alone.
_VIETNAMESE = re.compile(
    r"(?<![\w-])(?P<name>(?:NGUYEN|TRAN|PHAM|HOANG|HUYNH|PHAN|DANG|TRUONG|DUONG|DINH|TRINH|LUONG|"
    r"Nguy[eễ]n|Tr[aầ]n|L[eê]|Ph[aạ]m|Ho[aà]ng|Hu[yỳ]nh|Phan|V[uũ]|V[oõ]|"
    r"[DĐ][aặ]ng|B[uù]i|[DĐ][oỗ]|H[oồ]|Ng[oô]|D[uư][oơ]ng|L[yý]|Tr[uư][oơ]ng|[DĐ]inh|L[aâ]m|"
    r"Tr[iị]nh|L[uư][oơ]ng|Cao|Mai|Ta|T[aạ])\s(?:Thi|Thị|Van|Văn)\s[A-ZÀ-Ỹ][^\W\d_]+)"
)
#: The same typed in lower case, for family names of four letters or more ("pham van duc";
#: not "le van de ma mère").
_VIETNAMESE_LOWER = re.compile(
    r"(?<![\w-])(?P<name>(?:nguyen|tran|pham|hoang|huynh|phan|dang|truong|duong|dinh|trinh|"
    r"luong)\s(?:thi|van)\s[a-zà-ỹ]{2,}\b)"
)
_ROLE_NEAR = re.compile(rf"\b(?:{_ROLE})\b", re.IGNORECASE)
#: A lower-case particle and a capitalised surname after a full name: "Rui Teixeira da
#: Cunha", "Ana dos Santos" (Portuguese, Italian, Dutch and Arabic particles).
_PARTICLE_TAIL = re.compile(
    # Not "de": "Ginette Roux de Basse-Terre" names where she lives far more often than a
    # noble particle.
    rf"\s(?:da|do|dos|das|di|del|della|van|von|der|den|ten|ter|bin|ben|el|al)\s(?P<sur>{_CAP_WORD})(?![\w'’-])"
)
#: Between a name and a maiden or married name: "Camille Rolland épouse Besnard".
_MARRIED_JOIN = re.compile(r",?\s(?:[ée]pouse|n[ée]e|[ée]p\.|veuve|vve)\s", re.IGNORECASE)
#: Two-letter surnames after a title ("demandez le dr Ha", "Pr Vu", "Dr Ly").
_TITLE_SHORT = re.compile(
    r"(?=[DdPp])(?<![\w'’])(?:[Dd]r|[Dd]octeur|[Dd]octeure|[Pp]r|[Pp]rofesseur)\.?\s"
    rf"(?P<name>[{_UP}][{_LO}])(?![\w'’-])"
)
#: Towns and places whose name opens on a capitalised article.
_ARTICLE_PLACES = frozenset(
    "la rochelle|le mans|le havre|la baule|le puy|la reunion|le creusot|la ciotat|la seyne|"
    "le cannet|la teste|le touquet|la defense|la villette|le vesinet|la fleche|la roche|"
    "le lamentin|le robert|le gosier|le moule|le port|la possession|le tampon|le francois|"
    "la trinite|le marin|le diamant|la plaine|le raincy|le pecq|la garenne|le kremlin|"
    "la courneuve|le blanc|la ferte|le pouliguen|la tremblade|le croisic|la clusaz|le bourget".split(
        "|"
    )
)
_SHORT_NOT_NAMES = frozenset("le la de du un en et au ce sa se si ma me te ta il on ne".split())
#: A particle surname capitalised mid-sentence: "le cours de pharmaco de Le Meur".
_MID_PARTICLE = re.compile(rf"(?<=[{_LO},]\s)(?P<name>(?:Le|La)\s(?P<sur>{_CAP_WORD}))(?![\w'’-])")
#: Prepositions of place: "en cure à La Mothe" names a place.
_PLACE_PREPOSITION = re.compile(
    r"(?:^|\s)(?:[àa]|en|au|vers|sur|dans|pr[èe]s\sde)\s$", re.IGNORECASE
)
#: A surname no word shares, as the subject of a past tense: "(Marzin a perdu 8 %)".
_SURNAME_PAST = re.compile(
    rf"(?<![\w'’-])(?P<name>{_CAP_WORD})\s(?:a|avait|m['’]a|nous\sa|l['’]a)\s"
    rf"(?:[{_LO}]+(?:é|ée|és|ées|i|is|it|u|us|ert|int|ait)|dit|fait|pris|mis|eu|su|vu)\b"
)
#: A lower-case surname no word shares after a kinship or trade word: "mon chef delacroix".
_KIN_LOWER_SURNAME = re.compile(
    rf"(?=[mMnNlL])\b(?:mon|ma|notre|le|la)\s(?:chef|cheffe|patron|patronne|kin[ée]|m[ée]decin|dentiste|"
    rf"pneumo|cardio|neuro|rhumato|dermato|gyn[ée]co|ophtalmo|psy|ost[ée]o|chirurgien(?:ne)?|"
    rf"voisine?|coll[èe]gue|prof|ma[îi]tresse|infirmi(?:er|[èe]re)|pharmacien(?:ne)?)\s"
    rf"(?P<name>[{_LO}]{{4,}}(?:-[{_LO}]+)?)(?![\w'’-])"
)
#: After a lower-case first name found behind a kinship word, a particle and a word that INSEE
#: glues into a surname: "ma tante yvette le roux".
_LOWER_PARTICLE_SURNAME = re.compile(
    rf"\s(?P<particle>le|la|de|du)\s(?P<sur>[{_LO}]{{3,}})(?![\w'’-])"
)
#: A signature line opened by a dash, with the writer's trade after a comma: "— Lemercier,
#: conseiller bancaire", "– Anne Kervella, infirmière".
_DASH_SIGNATURE = re.compile(
    rf"(?:^|\n)[^\S\n]*(?:[—–]|--)[^\S\n]?(?P<name>(?:{_PARTICLE}\s)?{_CAP_WORD}(?:\s(?:{_PARTICLE}\s)?{_CAP_WORD})?)"
    rf",\s(?:{_ROLE}|{PROFESSIONS}|{_SPECIALTIES}|conseill(?:er|[èe]re)|r[ée]f[ée]rente?|"
    rf"maman|papa|m[èe]re|p[èe]re|patiente?|aidante?|membre|adh[ée]rente?|pr[ée]sidente?|"
    rf"tr[ée]sori[èe]re?|juriste|avocate?)\b",
    re.IGNORECASE,
)
#: A name after "a dit", the subject inverted: "(c'est ce qu'a dit Kasongo à la réunion)".
_SAID_BY = re.compile(
    rf"(?:qu['’]a|comme\sl['’]a|l['’]a)\sdit\s(?P<name>(?-i:{_CAP_WORD}))", re.IGNORECASE
)
#: A reply opening on the name of the person it answers: "Sammia oui, Kyleena depuis…".
_REPLY_NAME = re.compile(
    rf"(?:^|\n)(?P<name>{_CAP_WORD})\s(?=(?:oui|non|merci|moi\saussi|pareil|perso|exactement|"
    rf"effectivement|bien\ss[uû]r|d['’]accord|c['’]est\sça)\b)"
)
#: A name before a kinship role: "…le diagnostic Virginie, maman de Sacha".
_BEFORE_PARENT_OF = re.compile(
    rf"(?<![\w'’-])(?P<name>{_CAP_WORD}),\s(?:maman|papa|m[èe]re|p[èe]re|grand-m[èe]re|grand-p[èe]re|"
    rf"mamie|papi|femme|mari|s[œo]e?ur|fr[èe]re|tante|oncle)\sd(?:e\s|['’])"
)
#: A nickname signing the message after a closing formula: "bises Caro", "bon courage mimi",
#: "Merci d'avance, lili", "💙 Lolo" (the emoji is stripped before this runs).
_CLOSING_NICKNAME = re.compile(
    rf"(?:\b(?:bises|bisous|biz|courage|merci\sd['’]avance|[àa]\s\+|a\+|amiti[ée]s|des\sbisous)\s?,?\s?|[.!?]\s)"
    rf"(?P<name>[{_UP}{_LO}][{_LO}]{{2,9}})\s*[.!]?\s*$",
    re.IGNORECASE,
)
#: A reply opening on its addressee's name in lower case and a dash: "maddalena — c'est…".
_DASH_REPLY = re.compile(rf"(?:^|\n)(?P<name>[{_LO}]{{3,}})\s[—–]\s")
#: An Antillean or Québécois surname of the "Saint-Éloi" kind after a first name found.
_SAINT_SURNAME = re.compile(rf"\s(?P<sur>(?:Saint|Sainte)-[{_UP}][{_LO}]+)(?![\w'’-])")
#: A full date of a past year after a name and a comma, in an answer to "nom, date de
#: naissance…": "Sarah Mekki, 08/12/1990, 2 90 12…".
_DATE_AFTER_NAME_COMMA = re.compile(
    # Or a space only, as patient sheets list them: "MOREAU Jean-Claude 12.09.1939".
    r",?\s(?P<date>\d{1,2}[/.\-]\d{1,2}[/.\-](?:19\d{2}|200\d|201[0-4]))(?![\d/])"
)
#: "st", "ste", "saint" or "sainte" and a space just before a word: a place's name.
_SAINT_BEFORE = re.compile(r"(?<![\w'’-])(?i:st|ste|saint|sainte)\.?\s$")
#: A speaker after a time stamp, with a role after the name: "[14:02] Océane nounou : …".
_SPEAKER_ROLE = re.compile(
    rf"(?:^|\n)\s*\[?\d{{1,2}}[:h]\d{{2}}\]?\s(?:[-–]\s)?(?P<name>{_CAP_WORD})\s[{_LO}]{{3,15}}\s?:\s"
)
#: A name recalled with a doubt: "la diét du CRCM ? Prune je crois ?".
_NAME_I_THINK = re.compile(
    rf"(?<![\w'’-])(?P<name>{_CAP_WORD})\s(?:je\scrois|je\spense|il\sme\ssemble|si\sje\sme\ssouviens\sbien)\b"
)
#: A surname in capitals then a first name, anywhere: "patient TESSIER Jordan, né le…".
_UPPER_SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])(?P<name>[A-ZÀ-Þ]{3,}(?:-[A-ZÀ-Þ]{2,})?\s[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)(?![\w'’-])"
)
#: A cheap necessary condition for :data:`_UPPER_SURNAME_FIRST`.
_THREE_CAPITALS = re.compile("[A-ZÀ-Þ]{3}")
#: A name just before a phone number: "Médecin scolaire à contacter : Hascoët au 02.98…".
_NAME_AT_PHONE = re.compile(rf"(?<![\w'’-])(?P<name>{_CAP_WORD})\sau\s(?=\+?\d[\d .\-]{{8,}})")
#: A title before a Dutch or French double particle: "Dr Van de Velde", "Mme de La Roche".
_TITLE_DOUBLE_PARTICLE = re.compile(
    r"(?=[DPM])(?<![\w'’])(?:Dr|Pr|Mme|Mlle|M\.|Me|Docteur|Professeur|Madame|Monsieur)\.?\s"
    r"(?P<name>(?:Van|Von|De|Du|Le|La|Van\sden|Van\sder)\s(?:de|der|den|la|le|Den|Der|La|Le)?\s?[A-ZÀ-Þ][a-zà-ÿ]+)"
)
#: A role, then "est" and a surname: "Mon tuteur est Lejeune à l'ATIP".
_ROLE_IS = re.compile(
    rf"\b(?:mon|ma|notre|son|sa)\s(?:{_ROLE}|{_SPECIALTIES}|tut(?:eur|rice)|curat(?:eur|rice)|mandataire|"
    rf"conseill(?:er|[èe]re)|r[ée]f[ée]rente?)\s(?:est|c['’]est|s['’]appelle)\s(?P<name>(?-i:{_CAP_WORD}))",
    re.IGNORECASE,
)
#: "Esnault c'est elle qui gère": a name, then "c'est elle/lui qui".
_NAME_IS_WHO = re.compile(rf"(?<![\w'’-])(?P<name>{_CAP_WORD})\sc['’]est\s(?:elle|lui)\squi\b")
#: Congratulations or thoughts for someone: "Félicitations pour Capucinne".
_FOR_SOMEONE = re.compile(
    rf"\b(?i:f[ée]licitations|bravo|pens[ée]es|courage|bienvenue)\s(?:[àa]|pour)\s(?P<name>{_CAP_WORD})(?![\w'’-])"
)
#: An imperative with its pronoun ("Accrochez-vous", "Courage-toi"): never a name.
_VERB_PRONOUN = re.compile(
    # "Affichez-le", "Gardons-la": an imperative (-ez, -ons) before "le"/"la"; a hyphenated
    # name never ends so.
    r"[^\W\d_]+-(?:vous|toi|moi|nous|les|lui|leur|y|en)|[^\W\d_]+(?:ez|ons|e|s)-(?:le|la)",
    re.IGNORECASE,
)
#: Nothing but punctuation, emoji or spaces up to the end of the message.
_END_OF_MESSAGE = re.compile(r"[\W_]*$")
#: A nickname given after a name: "Laurence (aka lolo)", "Jean-Pierre alias JP".
_ALIAS = re.compile(rf"\b(?:aka|alias|a\.k\.a\.?)\s(?P<name>{_WORD})\b", re.IGNORECASE)
#: "la fille de jeanot", "le mari de Fatou": a person named through a relative.
_KIN_OF = re.compile(
    # The first-letter lookahead makes the scan of a text without those letters ~5x cheaper.
    rf"(?=[fFmMvVpPsSnNcCbBgG])\b(?:fille|fils|femme|mari|veuve|veuf|m[èe]re|p[èe]re|s[œo]e?ur|fr[èe]re|neveu|ni[èe]ce|"
    rf"petite?-fille|petit-fils|cousine?|compagne|compagnon|belle-fille|gendre)\sde\s(?P<name>{_WORD})\b",
    re.IGNORECASE,
)
#: A signature typed in lower case after a dash, at the very end: "… — kevin nguyen-hoang".
_SIGN_DASH_LOWER = re.compile(
    rf"(?:^|\s)[—–-]{{1,2}}\s?(?P<first>[{_LO}]{{2,}})(?:\s(?P<last>[{_LO}]+(?:-[{_LO}]+)?))?\s*[.!]?\s*$"
)
#: A full name typed in lower case as a speaker prefix: "sylvie raoult : mon audiogramme…".
_SPEAKER_FULL_LOWER = re.compile(
    rf"(?:^|\n)\s*(?P<first>[{_LO}]{{3,}})\s(?P<last>[{_LO}]{{3,}}(?:-[{_LO}]+)?)\s?:\s"
)
#: A name corrected in brackets straight after it: "le dr Bouchar (Bouchard je crois)",
#: "Fatoumta (pardon Fatoumata)", "Aurélei (Aurélie)". When one spelling is a name found, the
#: other, a slip away from it, is the same person.
_CORRECTION = re.compile(
    rf"(?<![^\W\d_])(?P<a>{_WORD})\s?\(\s?(?:(?i:pardon|plut[ôo]t|enfin|non|oups|sorry|ou|"
    rf"d[ée]sol[ée]e?|c['’]est)[,:]?\s)?(?P<b>{_WORD})(?![\w'’-])"
)
#: A list of people after a heading: "Présents : Rose, Pierre, Olive et Blanche", "Excusés :
#: Berthelot, Nkembe", "dossiers à présenter : Lemarchand, Ouali, Chloé Vasseur".
_LIST_HEADING = re.compile(
    r"(?:^|[\n.;(]\s*|\s)(?i:pr[ée]sent(?:e)?s|excus[ée](?:e)?s|absent(?:e)?s|participant(?:e)?s|"
    r"inscrit(?:e)?s|b[ée]n[ée]voles(?:\spr[ée]sent(?:e)?s)?|dossiers?(?:\s(?:[àa]\spr[ée]senter|"
    r"[àa]\svoir|du\sjour|discut[ée]s|pr[ée]sent[ée]s))|patient(?:e)?s\s(?:du\sjour|vu(?:e)?s|[àa]\svoir|"
    r"[àa]\srappeler)|convoqu[ée](?:e)?s|destinataires|copie\s[àa]|[ée]quipe\sde\s(?:nuit|jour|garde)|"
    r"de\sgarde|d['’]astreinte|r[ée]dacteurs?|signataires|membres\sdu\sbureau|bureau)"
    r"(?:[^:\n]{0,30}:[^\S\n]?|(?<=s)\s(?=[A-ZÀ-Þ]))(?P<list>[^\n;!?]{2,240}?)(?=[\n;!?]|\.\s|\.?$)"
)
_LIST_ITEM = re.compile(
    rf"(?P<item>(?:{_PARTICLE}\s)?{_CAP_WORD}(?:\s(?:{_PARTICLE}\s)?{_CAP_WORD}){{0,2}})"
    r"\s?(?:\([^()\n]{0,30}\))?\s?(?:,|\set\s|\s&\s|$)"
)
#: Two people as the subject of a plural verb: "Picard et Lemaître ont proposé de tenir le
#: stand". Sentence start only, each side a surname or a first name.
_PAIR_SUBJECT = re.compile(
    rf"(?:^|[.!?\n]\s*)(?P<a>{_CAP_WORD})\s(?:et|&)\s(?P<b>{_CAP_WORD})\s(?=(?:ont|sont|vont|font|"
    r"[ée]taient|avaient|viennent|peuvent|seront|auront|m['’]\s?ont|nous\sont|vous\sont|se\ssont)\b)"
)
#: A married or maiden name: "née Martin", "épouse Lemaire", "veuve Kerjean", "ép. Le Goff".
_MAIDEN = re.compile(
    rf"(?=[ÉéEeNnVv])(?<![\w'’])(?:[ÉéEe]pouse|[Nn][ée]e|[Vv]euve|[ÉéEe]p\.|[Vv]ve)\s"
    rf"(?P<name>(?:{_PARTICLE}\s)?{_CAP_WORD})"
)
#: A capitalised word straight after a one-word first name found ("Laëtitia Grondin"): a
#: surname, even one that is a word (a grondin is a fish), when the lexicon counts it as a
#: frequent surname.
_SURNAME_AFTER = re.compile(rf"[^\S\n](?P<sur>(?:{_PARTICLE}\s)?{_CAP_WORD})(?![\w'’-])")


#: A full date in brackets after a name ("Clara (07/07/2003)", "Jean Morel (né le 3 mai 1950)").
_DATE_AFTER_NAME = re.compile(
    r"\s?\((?:n[ée]e?\s(?:le\s)?)?(?P<date>\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d{2}|"
    r"(?:1er|\d{1,2})\s(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|"
    r"novembre|d[ée]cembre)\s(?:19|20)\d{2})\)",
    re.IGNORECASE,
)


#: A capitalised first name after a possessive, mid-sentence: "Notre Jade est partie", "ma Rose
#: a six ans" (nobody capitalises a common noun there).
_POSSESSIVE_NAME = re.compile(
    # The first-letter lookahead lets the engine skip most positions (half the cost).
    rf"(?=[NnMmTtSsVv])\b(?:[Nn]otre|[Mm]on|[Mm]a|[Tt]on|[Tt]a|[Ss]on|[Ss]a|[Vv]otre|[Nn]os|[Mm]es)\s"
    rf"(?P<name>{_CAP_WORD})(?![\w'’-])"
)
#: A lower-case title before a surname typed in lower case: "le neurologue dr nkoulou".
_TITLE_LOWER = re.compile(
    r"(?=[dp])(?<![\w'’])(?:dr|docteur|docteure|pr|professeur)\.?\s(?P<name>[a-zà-ÿ]{3,}(?:-[a-zà-ÿ]+)?)(?![\w'’-])"
)
#: A frequent first name and a short pet form joined by a hyphen: "Marie-Jo", "jean-mi",
#: "Anne-So" (the lexicon holds the full compounds, not these).
_SHORT_COMPOUND = re.compile(
    r"(?=[MmJjAaPpLl])(?<![\w'’-])(?i:marie|jean|anne|pierre|paul|louis|marc|marie-?th)-"
    r"(?:[A-ZÀ-Þ][a-zà-ÿ]{1,3}|[a-zà-ÿ]{2,3})(?![\w'’-])"
)


_BUSINESS_WORDS = (
    "pharmacie", "ambulance", "taxi", "transports", "cabinet", "optic", "audition",
    "boulangerie", "boucherie", "garage", "sarl", "ets", "tablissements", "entreprise", "soci",
    "pf ", "pompes fun", "armement", "menuiserie", "maçonnerie", "maconnerie", "charpente",
    "plomberie", "lectricit", "couverture", "carrosserie", "scierie", "laiterie", "pêcherie",
    "pecherie",
)  # fmt: skip


def _has_business_word(text: str) -> bool:
    """A cheap gate before :data:`_BUSINESS`, whose alternation costs ~25 µs a text."""
    lowered = text.lower()
    return any(word in lowered for word in _BUSINESS_WORDS)


def _near_spelling(a: str, b: str) -> bool:
    """Two spellings of one name: same first letter and at most two edits apart (optimal
    string alignment, so a swap of two letters is one edit). Written by hand: twenty lines
    against a new dependency (rapidfuzz) for words of a dozen letters."""
    a, b = fast_fold(a), fast_fold(b)
    if a == b or len(a) < 3 or len(b) < 3 or a[0] != b[0] or abs(len(a) - len(b)) > 2:
        return False
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)] <= 2


_STAMP_ONLY = re.compile(rf"\s*{_STAMP}\s*")


#: Characters whose case folding in ``re.IGNORECASE`` differs from ``str.lower`` (long s,
#: dotless and dotted i, Kelvin and Ångström signs): a text holding one skips the gates.
_FOLD_SPECIAL = re.compile("[ſıİKÅ]")


def _finditer_gated(
    pattern: re.Pattern[str], gate: re.Pattern[str], text: str, lowered: str
) -> list[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, found faster.

    ``gate`` is a zero-width lookahead version of the pattern in lower case, run without
    IGNORECASE on the lowered text: case-insensitive alternations of a hundred roles cost
    Python's engine twice as much as the same scan in one case. The gate matches wherever the
    pattern can (it accepts a superset), so trying the pattern only there, leftmost first and
    never inside a match already taken, gives the same matches as ``finditer``.
    """
    if len(lowered) != len(text) or _FOLD_SPECIAL.search(text):
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    last = 0
    for g in gate.finditer(lowered):
        pos = g.start()
        if pos < last:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            out.append(m)
            last = m.end() if m.end() > m.start() else m.end() + 1
    return out


def _apposition_matches(text: str, lowered: str) -> list[re.Match[str]]:
    """The matches of ``_APPOSITION.finditer(text)``, found from their cues.

    The pattern opens on any word, so the engine tried it (and its case-insensitive
    alternation of roles) after every word. Its cues are rarer: they are found first, in one
    case on the lowered text, and the pattern is tried only at the word starts just before
    one. Every match of the pattern has its name just before a cue, so no match is lost, and
    trying the candidates leftmost first, never inside a match already taken, is what
    ``finditer`` does.
    """
    if len(lowered) != len(text) or _FOLD_SPECIAL.search(text):
        return list(_APPOSITION.finditer(text))
    starts: set[int] = set()
    for cue in _APPOSITION_CUE_GATE.finditer(lowered):
        c = cue.start()
        lo = max(0, c - 60)
        run = _NAME_RUN_BEFORE.search(lowered, lo, c)
        if run is None:
            continue
        if run.start() == lo and lo > 0:
            return list(_APPOSITION.finditer(text))  # a run longer than the window: rare
        for p in range(run.start(), c):
            if p == 0 or not (lowered[p - 1].isalpha()):
                starts.add(p)
    out: list[re.Match[str]] = []
    last = 0
    for pos in sorted(starts):
        if pos < last:
            continue
        m = _APPOSITION.match(text, pos)
        if m is not None:
            out.append(m)
            last = m.end() if m.end() > m.start() else m.end() + 1
    return out


def _previous_word(text: str, start: int) -> str:
    """The whitespace-separated token before ``start`` ("" at the start of the text)."""
    before = text[max(0, start - 30) : start].split()
    return before[-1] if before else ""


def _at_line_start(text: str, m: re.Match[str]) -> bool:
    """The speaker opens its line, after a time stamp at most."""
    line = text.rfind("\n", 0, m.start("name")) + 1
    return _STAMP_ONLY.fullmatch(text, line, m.start("name")) is not None


def _entry(word: str):
    return name_lexicon().get(fast_fold(word))


def _judge(
    word: str,
    *,
    unknown: bool,
    word_names: bool,
    surnames: bool,
    strong: bool = False,
    lower_words: bool = False,
) -> bool:
    """Whether ``word`` can be a person's name in a position that already suggests one.

    ``unknown``: a word neither the lexicon nor the French word table knows ("Nathalue",
    "Tharshan", "Lebreton") counts; ``word_names``: a capitalised first name that is also a
    word ("Prudence", "Rose") counts; ``surnames``: a surname counts (bracketed or family);
    ``strong``: the position names a person outright ("Noël (mon fils)", "Jordan mon neveu"),
    so a frequent first name that is also a place or a feast counts too; ``lower_words``: a
    lower-case first name that is also a word ("jade", "lulu") counts, for positions that
    name a person in chat ("mimi 💕 :", "soso et lulu")."""
    folded = fast_fold(word)
    if word[:1].isupper() and any(part[:1].islower() for part in re.split(r"[-'’]", word)[1:]):
        return False  # "Pointe-à-Pitre", "Châlons-en-Champagne": places, not people
    if (
        strong
        and word[:1].isupper()
        and folded not in _MONTHS_DAYS
        and folded not in allow_list()
        and (e := name_lexicon().get(folded)) is not None
        and e.first >= COMMON_FIRST
    ):
        return True
    if (
        len(folded) < 2
        or folded in NOT_NAME_FOLDED
        or folded in FUNCTION_WORDS
        or folded in CUE_WORDS
        or folded in _CALENDAR
        or folded in allow_list()
    ):
        return False
    cap = word[:1].isupper()
    e = name_lexicon().get(folded)
    if e is not None:
        if (
            e.first
            and not e.is_word
            and folded not in PLACE_LIKE
            and (cap or strong or e.first >= 10)
        ):
            # In lower case, only names given often enough (or nicknames): rare ones are SMS
            # words ("jai" is a name given to 2^5 babies).
            return True
        if e.first and cap and word_names and e.first >= 10 and folded not in PLACE_LIKE:
            return True  # "Prudence la bénévole"; not "Cécile, Nancy, 3 enfants"
        if e.first >= 10 and not cap and lower_words and folded not in PLACE_LIKE:
            return True
        if surnames and e.surname and (not e.is_word or (cap and e.surname >= 10)):
            return True  # rare surnames too ("la pharmacie Benhaddou"): the position says it
        return False
    if len(folded) >= 5 and near_first_name(folded) is not None and not is_french_word(word):
        return True  # "Soazyg", "Stépahnie"
    if unknown and len(folded) >= 3 and word.replace("-", "").isalpha():
        return not is_french_word(word)
    return False


@register_detector("name_context")
class NameContextDetector:
    """Names from conversational context (see the module docstring)."""

    name = "name_context"
    uses_prior_spans = True

    def detect(
        self, texts: Sequence[str], prior: Sequence[Sequence[PiiSpan]] | None = None
    ) -> list[list[PiiSpan]]:
        prior = prior if prior is not None else [[] for _ in texts]
        return [self.detect_one(t, p) for t, p in zip(texts, prior)]

    def detect_one(self, text: str, prior: Sequence[PiiSpan] = ()) -> list[PiiSpan]:
        if not text:
            return []
        # Substring gates for the patterns that open on a long case-insensitive alternation:
        # ~1 µs each, against 15-30 µs for a scan that cannot match.
        lowered = text.lower()
        found: list[tuple[int, int, str]] = []

        def add(start: int, end: int, rule: str, strong: bool = False) -> None:
            # In a position that names a person outright ("Angèle, 9 ans", "Jordan mon
            # neveu"), a one-word allow-list entry (a singer called Angèle) does not make it
            # a public figure: only the full allow-listed name does.
            if end <= start or _VERB_PRONOUN.fullmatch(text, start, end):
                return
            if _SAINT_BEFORE.search(text, max(0, start - 8), start):
                return  # "de st brieuc", "à saint malo": a place typed without its hyphen
            if is_allowed_name(text, start, end):
                value = fast_fold(text[start:end].strip())
                if not (strong and " " not in value and value in allow_list()):
                    return
            found.append((start, end, rule))

        second_person = _SECOND_PERSON.search(text) is not None
        for m in _VOCATIVE.finditer(text) if second_person else ():
            name = m.group("name")
            if not _VOCATIVE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
                continue
            if name[:1].islower() and name.casefold() in ("tu", "toi", "te", "ta", "ton", "tes"):
                continue
            if _judge(name, unknown=True, word_names=True, surnames=False):
                add(m.start("name"), m.end("name"), "vocative")
        # Its second-person word is a necessary condition, as for _VOCATIVE.
        for m in _VOCATIVE_LATE.finditer(text) if second_person else ():
            name = m.group("name")
            if _judge(name, unknown=False, word_names=True, surnames=False, lower_words=True):
                add(m.start("name"), m.end("name"), "vocative")
        # The opening patterns are tried at line starts only (match, not a scan).
        line_starts = (
            [0, *(i + 1 for i, c in enumerate(text) if c == "\n")] if "\n" in text else [0]
        )
        openings = (
            [m for pos in line_starts for m in (_VOCATIVE_OPEN.match(text, pos),) if m]
            if "," in text
            else []
        )
        for pattern_matches in (openings, _LIKE_NAME.finditer(text) if "," in text else ()):
            for m in pattern_matches:
                name = m.group("name")
                if fast_fold(name) in _OPENING_WORDS:
                    continue
                # A surname too: "Kowalczyk, vous êtes là ?" calls someone by it.
                if _judge(name, unknown=True, word_names=True, surnames=True):
                    add(m.start("name"), m.end("name"), "vocative")
        addressed = (
            [m for pos in line_starts for m in (_ADDRESSED_OPEN.match(text, pos),) if m]
            if ":" in text or "," in text
            else []
        )
        for m in addressed:
            group = "to" if m.group("to") else "me"
            if fast_fold(m.group(group)) in _OPENING_WORDS:
                continue
            if _judge(m.group(group), unknown=group == "to", word_names=True, surnames=False):
                add(m.start(group), m.end(group), "addressed")
        for m in (
            _NAME_DASH_PHONE.finditer(text) if "—" in text or "–" in text or " - " in text else ()
        ):
            name = m.group("name")
            if name.isupper() or re.search(r"\d{5}\s$", text[max(0, m.start() - 6) : m.start()]):
                continue  # "éducatrice SESSAD — 05…", "29200 Brest - 02…": a service, a town
            if _judge(name, unknown=True, word_names=True, surnames=False):
                add(m.start("name"), m.end("name"), "name_phone")
        for m in _ROLE_FIELD.finditer(text) if ":" in text else ():
            if _judge(m.group("name"), unknown=True, word_names=False, surnames=True):
                add(m.start("name"), m.end("name"), "role_field")
        for m in _PHONE_THEN_NAME.finditer(text) if "(" in text else ():
            if _judge(m.group("name"), unknown=True, word_names=True, surnames=False):
                add(m.start("name"), m.end("name"), "name_phone")
        trades = (
            (*_TRADE_THEN_NAME.finditer(text), *_NAME_THEN_TRADE.finditer(text))
            if any(w in lowered for w in _TRADE_GATE)
            else ()
        )
        for m in trades:
            group = "name"
            word = m.group(group).split()[-1]
            e = _entry(word)
            if fast_fold(word) in PLACE_LIKE or is_allowed_name(text, m.start(group), m.end(group)):
                continue
            if (e is not None and e.surname >= 5 and not e.is_word) or (
                e is None and len(word) >= 4 and not is_french_word(word)
            ):
                add(m.start(group), m.end(group), "trade_name")
        reassure = any(w in lowered for w in ("inqui", "tkt", "courage", "force", "bisous"))
        for m in _AFTER_REASSURE.finditer(text) if reassure else ():
            if _judge(m.group("name"), unknown=False, word_names=True, surnames=False):
                add(m.start("name"), m.end("name"), "vocative")
        speakers = list(_SPEAKER.finditer(text))
        lower_speakers = list(_SPEAKER_LOWER.finditer(text))
        # A chat pasted as a transcript: two speaker prefixes or more at line starts.
        transcript = (
            sum(1 for m in speakers if _at_line_start(text, m)) + len(lower_speakers)
        ) >= 2
        for m in speakers:
            name = m.group("name")
            first = name.split()[0]
            if fast_fold(first) in _LABELS:
                continue
            if name.isupper() and _entry(first) is None:
                continue  # "CAMSP : 14 mois": an acronym heading, not a speaker
            parts = name.split()
            if len(parts) == 2 and parts[0].isupper() and not parts[1].isupper():
                # "DELCROIX Jordan : …": a surname in capitals, then a first name.
                es, ef = _entry(parts[0]), _entry(parts[1])
                if (
                    es is not None
                    and es.surname >= 10
                    and ef is not None
                    and ef.first >= COMMON_FIRST
                ):
                    add(m.start("name"), m.end("name"), "speaker")
                    continue
            e = _entry(first)
            line_start = _at_line_start(text, m)
            if (
                (e is not None and e.first and (not e.is_word or e.first >= COMMON_FIRST))
                or _judge(first, unknown=False, word_names=True, surnames=False)
                # "Baba: j'ai eu le résultat\nSévane: …": in a transcript, a line-start
                # prefix is a speaker whatever the word ("Baba" is a cake, "Titi" a bird).
                or (
                    transcript
                    and line_start
                    and not name.isupper()
                    and _SPEECH.match(text, m.end()) is not None
                    and _judge(
                        first, unknown=True, word_names=True, surnames=True, lower_words=True
                    )
                )
            ):
                add(m.start("name"), m.end("name"), "speaker")
        for pattern in (_SPEAKER_EMOJI, _HERE_INTRO):
            for m in pattern.finditer(text):
                name = m.group("name")
                if fast_fold(name) in _LABELS:
                    continue
                cap = name[:1].isupper()
                emoji = pattern is _SPEAKER_EMOJI
                if _judge(name, unknown=False, word_names=cap, surnames=False, lower_words=emoji):
                    add(m.start("name"), m.end("name"), "speaker")
        # "fanfan: …\nRiri: ok": a transcript has two speaker lines or more, in any case.
        if lower_speakers and len(lower_speakers) + len(speakers) >= 2:
            # "dany: t'as signé ?\nisa: pas encore": a chat pasted as a transcript.
            for m in lower_speakers:
                name = m.group("name")
                if fast_fold(name) in _LABELS:
                    continue
                if _judge(name, unknown=False, word_names=False, surnames=False):
                    add(m.start("name"), m.end("name"), "speaker")
        for m in _apposition_matches(text, lowered):
            name = m.group("name")
            if name[:1].islower():
                prev = text[max(0, m.start() - 8) : m.start()].split()
                if prev and fast_fold(prev[-1]) in DETERMINERS:
                    continue  # "j'ai vu ton post, mon mari…": a noun, not a name
            tail = text[m.end("name") : m.end()]
            if "(" not in tail and not any(c.isdigit() for c in tail):
                # "traitée par Néomercazole, la pharmacienne Blanche…", "Monsieur le Maire,
                # mon fils Youssef…": the role introduces the name that follows it.
                if _NAME_AFTER.match(text, m.end()):
                    continue
            last = name.split()[-1]
            if last.isupper() and len(last) <= 5:
                continue  # "IDEL, 42 ans": a job title's acronym
            if _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                e = _entry(last)
                if e is None or not e.first:
                    continue  # "né à Brest, mon fils…": a place before the apposition
            if name[:1].islower():
                # "blanche ma voisine": the apposition names her, word or not; "guerin
                # l'infirmier": a surname that is no word too.
                ok = _judge(last, unknown=False, word_names=False, surnames=True, lower_words=True)
            else:
                ok = _judge(last, unknown=True, word_names=True, surnames=True, strong=True)
            if ok:
                add(m.start("name"), m.end("name"), "apposition", strong=True)
        # The role alternation is long: only texts with a bracketed capital pay for it.
        for m in _ROLE_BRACKET.finditer(text) if _CAP_BRACKET.search(text) else ():
            name = m.group("name")
            last = name.split()[-1]
            if last.isupper() and len(last) <= 4:
                continue  # "(CHU)", "(HAD)": acronyms
            if _judge(last, unknown=True, word_names=True, surnames=True):
                add(m.start("name"), m.end("name"), "role_bracket")
        for m in _BARE_KIN.finditer(text):
            name = m.group("name")
            cap = name[:1].isupper()
            folded = fast_fold(name)
            if folded in _CALENDAR or folded in NOT_NAME_FOLDED or folded in allow_list():
                continue
            if name.isupper() and len(name) <= 3:
                continue  # "mon parrain AA": an acronym, not a name
            if cap:
                e = _entry(name)
                # "tonton Zé": short pet names are too short for the word table to judge.
                ok = (
                    (e is not None and (e.first or e.surname))
                    or len(folded) <= 3
                    or not is_french_word(name)
                )
            else:
                ok = _judge(name, unknown=False, word_names=False, surnames=False, strong=True)
            if not ok:
                continue
            end = m.end("name")
            sur = m.group("surname")
            if (
                sur
                and fast_fold(sur) not in FUNCTION_WORDS
                and (
                    (
                        sur[:1].isupper()
                        and _judge(sur, unknown=True, word_names=True, surnames=True)
                    )
                    or (not sur[:1].isupper() and plain_surname(_entry(sur)))
                    or (
                        not sur[:1].isupper()
                        and _entry(sur) is None
                        and len(sur) >= 4
                        and not is_french_word(sur)
                    )
                )
            ):
                end = m.end("surname")
            add(m.start("name"), end, "kin_bare")
        for m in _FORM_FIELD.finditer(text) if ":" in text else ():
            tokens = m.group("name").split()
            # "Nom : ROUSSEL Prénom : Audrey": the value stops at the next label.
            for k, tok in enumerate(tokens):
                f = fast_fold(tok)
                if k and (f in _LABELS or f in NOT_NAME_FOLDED or f in CUE_WORDS):
                    tokens = tokens[:k]
                    break
            name_end = m.start("name") + len(" ".join(tokens))
            if text[m.start("name") : name_end] != " ".join(tokens):
                name_end = m.end("name")  # a non-breaking space inside: keep the whole match
            # A "Nom :" field ("Nom de naissance : ROCHE", "Nom : Pharmacie"-free forms) holds a
            # surname even when a word or a company shares it.
            name_field = (
                fast_fold(text[m.start() : m.start("name")]).strip(' \n"«(|;:').startswith("nom")
                and tokens
                and fast_fold(tokens[0]) not in NOT_NAME_FOLDED
            )
            if name_field or any(
                _judge(t, unknown=True, word_names=True, surnames=True)
                or (t.isupper() and len(t) >= 3 and not is_french_word(t))
                for t in tokens
                if fast_fold(t) not in ("le", "la", "du", "de", "da", "van", "ben", "el")
            ):
                add(m.start("name"), name_end, "form_field", strong=bool(name_field))
        for m in (
            _FORM_FIELD_BARE.finditer(text)
            if any(g in lowered for g in _FORM_FIELD_BARE_GATE)
            else ()
        ):
            tokens = [t for t in m.group("name").split() if t not in _PARTICLE_WORDS]
            # The surname must be one (a lexicon surname or no French word): "bénéficiaire
            # Aide Sociale" is a scheme.
            # The first token may be a word elsewhere ("Iban", a Basque first name).
            if (
                _judge(tokens[-1], unknown=True, word_names=False, surnames=True)
                and fast_fold(tokens[-1]) not in NOT_NAME_FOLDED
                and not any(fast_fold(t) in _LABELS for t in tokens)
                # "titulaire Association Drépano Espoir": an organisation holds the account.
                and (
                    _judge(tokens[0], unknown=True, word_names=True, surnames=True)
                    or fast_fold(tokens[0]) in NOT_NAME_FOLDED
                )
                and fast_fold(tokens[0]) not in _ORG_HEADS
            ):
                add(m.start("name"), m.end("name"), "form_field")
        for m in _FAMILY.finditer(text):
            last = m.group("name").split()[-1]
            e = _entry(last)
            if e is None:
                # "les Murugesu du 2e": a surname too rare for the lexicon.
                if not last.isupper() and len(last) >= 4 and not is_french_word(last):
                    add(m.start("name"), m.end("name"), "family")
                continue
            if not e.surname or fast_fold(last) in PLACE_LIKE:
                continue
            if fast_fold(last).endswith(("s", "x")) and not plain_surname(e):
                continue  # "les Français", "les Bleus": plurals
            if plain_surname(e) or e.surname >= FREQUENT_SURNAME:
                if fast_fold(last) not in NOT_NAME_FOLDED and fast_fold(last) not in allow_list():
                    add(m.start("name"), m.end("name"), "family")
        for m in _INITIAL.finditer(text):
            sur = m.group("surname")
            if m.group("name")[:2] == "M.":
                continue  # "M. Dupont": the title rules' business
            e = _entry(sur)
            if (e is not None and e.surname >= 10 and (not e.is_word or e.surname >= 13)) or (
                e is None and len(sur) >= 4 and not is_french_word(sur)
            ):
                add(m.start("name"), m.end("name"), "initial")
        for m in _SUBJECT_ME.finditer(text):
            name = m.group("name")
            parts = name.split()
            glued = _entry("".join(parts)) if len(parts) > 1 else None
            if (
                (len(parts) == 1 and plain_surname(_entry(name)))
                or (
                    glued is not None
                    and glued.surname >= 8
                    # "La Poste m'a perdu…": a particle before a common word is a name's
                    # article only in the lexicon ("laposte").
                    and not (_entry(parts[-1]) is None and is_french_word(parts[-1]))
                )
            ) and fast_fold(name) not in allow_list():
                add(m.start("name"), m.end("name"), "surname_me")  # "Le Meur m'a emmenée"
        for m in _WROTE.finditer(text) if "crit" in text else ():
            name = m.group("name")
            if fast_fold(name.split()[0]) not in _LABELS and fast_fold(name) not in allow_list():
                add(m.start("name"), m.end("name"), "quote_header")
        for m in _UNKNOWN_SUBJECT.finditer(text):
            name = m.group("name")
            e = _entry(name)
            if (
                len(name) >= 4
                and not name.isupper()
                # Unknown, or a rare first name only ("Itziar", given to 2^4 babies)
                and (e is None or (e.first and not e.surname and not e.is_word))
                and fast_fold(name) not in allow_list()
                and fast_fold(name) not in PLACE_LIKE
                and _judge(name, unknown=True, word_names=False, surnames=False)
            ):
                add(m.start("name"), m.end("name"), "unknown_subject")
        for m in _SURNAME_TRADE.finditer(text):
            if _BEFORE_TRADE.search(text, max(0, m.start() - 15), m.start()) is None:
                continue
            name = m.group("name")
            e = _entry(name)
            if (
                name[:1].isupper()
                and not name.isupper()
                and (
                    plain_surname(e) or (e is None and len(name) >= 4 and not is_french_word(name))
                )
            ):
                if fast_fold(name) not in allow_list() and fast_fold(name) not in PLACE_LIKE:
                    add(m.start("name"), m.end("name"), "surname_trade")
        for m in _SURNAME_FIRST_PAIR.finditer(text):
            sur, first = m.group("sur"), m.group("first")
            es = _entry(sur)
            # A surname first ("Lagarde", "Moreau": frequent surnames may be words), never a
            # first name ("Marie Claire").
            if es is None or es.surname < 10 or es.first > es.surname - 4:
                continue
            if es.is_word and es.surname < FREQUENT_SURNAME:
                continue
            ef = _entry(first)
            if (
                ef is not None
                and ef.first >= COMMON_FIRST
                and fast_fold(first) not in _CALENDAR
                and fast_fold(sur) not in PLACE_LIKE
                and fast_fold(sur) not in allow_list()
                and fast_fold(f"{sur} {first}") not in allow_list()
            ):
                add(m.start("sur"), m.end("first"), "surname_first_pair")
        for t in _AFFILIATION_TAIL.finditer(text):
            m = _WORD_BEFORE.search(text, max(0, t.start() - 30), t.start())
            if m is None:
                continue
            name = m.group("name")
            folded = fast_fold(name)
            if folded in _LABELS or folded in PLACE_LIKE or name.isupper():
                continue  # "Lyon de la mutuelle", "Objet du service": not people
            before = text[max(0, m.start() - 12) : m.start()].split()
            if before and fast_fold(before[-1]) in DETERMINERS:
                continue  # "une pierre du cabinet", "la rose de l'accueil": nouns
            e = _entry(name)
            if e is not None and e.first >= COMMON_FIRST and not e.surname > e.first + 2:
                if _judge(name, unknown=False, word_names=True, surnames=False, lower_words=True):
                    add(m.start("name"), m.end("name"), "affiliation")
            elif (
                name[:1].isupper()
                and e is not None
                and (
                    plain_surname(e) or (e.surname >= FREQUENT_SURNAME and e.surname > e.first + 4)
                )
                and fast_fold(name) not in allow_list()
            ):
                # "Galland de l'association", "Martel à l'accueil" (a frequent surname that is
                # also a word).
                add(m.start("name"), m.end("name"), "affiliation")
            elif (
                (e is None or (e.first and not e.is_word and e.surname <= e.first))
                and len(name) >= 5
                and near_first_name(folded) is not None
                and not is_french_word(name)
            ):
                add(m.start("name"), m.end("name"), "affiliation")  # "Matrine du groupe"
        cest = "est " in lowered
        for m in _GREETING_CEST.finditer(text) if cest else ():
            name = m.group("name")
            first = name.split()[0]
            if fast_fold(first) in FUNCTION_WORDS or fast_fold(first) in _LABELS:
                continue
            if " " in name and fast_fold(name.split()[1]) in PLACE_LIKE:
                name = first  # "c'est Marie Lyon": a place after, not a surname
            if _judge(first, unknown=True, word_names=True, surnames=True, lower_words=True):
                add(m.start("name"), m.start("name") + len(name), "greeting_cest")
        for m in _CEST.finditer(text) if cest else ():
            name = m.group("name")
            window = text[max(0, m.start() - 60) : m.end() + 60]
            if plain_surname(_entry(name)) and _ROLE_NEAR.search(window):
                if fast_fold(name) not in PLACE_LIKE:
                    add(m.start("name"), m.end("name"), "cest_role")
        for m in _CEST_WHO.finditer(text) if cest else ():
            name = m.group("name")
            e = _entry(name)
            folded = fast_fold(name)
            if not name[:1].isupper():
                # "c'est kerjean qui m'a piquée": in lower case, only a surname no word shares
                # or a word neither the lexicon nor the French word table knows.
                if (
                    plain_surname(e) or (e is None and len(name) >= 4 and not is_french_word(name))
                ) and (folded not in FUNCTION_WORDS | NOT_NAME_FOLDED | CUE_WORDS):
                    add(m.start("name"), m.end("name"), "cest_who")
                continue
            if e is not None and (e.surname >= 10 or e.first >= 10):
                # "c'est Poulain qui s'occupe des dossiers": a surname or a first name, even
                # one that is a word, when a carer's act follows.
                if (
                    not name.isupper()
                    and folded not in (PLACE_LIKE | _CALENDAR | FUNCTION_WORDS | NOT_NAME_FOLDED)
                    and folded not in allow_list()
                ):
                    add(m.start("name"), m.end("name"), "cest_who")
                continue
            if (
                e is None
                and len(name) >= 4
                and not name.isupper()
                and fast_fold(name) not in allow_list()
                and not is_french_word(name)
            ):
                add(m.start("name"), m.end("name"), "cest_who")
        for m in _finditer_gated(_ROLE_NAME, _ROLE_NAME_GATE, text, lowered):
            name = m.group("name")
            last = name.split()[-1]
            if last.isupper() and len(last) <= 5:
                continue
            if _judge(last, unknown=True, word_names=False, surnames=True):
                add(m.start("name"), m.end("name"), "role_name")
        for m in (
            _VIETNAMESE.finditer(text) if "thi" in text.lower() or "van" in text.lower() else ()
        ):
            add(m.start("name"), m.end("name"), "vietnamese")
        for m in _VIETNAMESE_LOWER.finditer(text) if " van " in text or " thi " in text else ():
            add(m.start("name"), m.end("name"), "vietnamese")
        for pattern, rule in ((_BUSINESS, "business"), (_AND_SONS, "business")):
            # "la pharmacie Le Gall", "Ambulances Pichon", "Nowicki & fils": a surname that
            # names its owner (the sets' guidelines label it); "Pharmacie du Centre",
            # "Pharmacie Centrale" and chains (allow-list) stay.
            if pattern is _BUSINESS and not _has_business_word(text):
                continue
            for m in pattern.finditer(text):
                parts = m.group("name").split()
                last = parts[-1]
                if last.isupper():
                    continue
                if len(parts) > 1:
                    # "pharmacie Le Goff": INSEE glues the particle ("legoff").
                    glued = _entry("".join(parts))
                    if glued is not None and glued.surname >= 8:
                        add(m.start("name"), m.end("name"), rule)
                        continue
                e = _entry(last)
                if e is not None and e.is_word:
                    # "Pharmacie Bouvier", "Pharmacie Barbier": a frequent surname is the
                    # owner's even when it is a word; "pharmacie Marche" is not.
                    if e.surname >= FREQUENT_SURNAME + 2 and e.first <= e.surname - 8:
                        add(m.start("name"), m.end("name"), rule)
                    continue
                if _judge(last, unknown=True, word_names=False, surnames=True):
                    add(m.start("name"), m.end("name"), rule)
        for m in _SELF_INTRO.finditer(text):
            name = m.group("name")
            if name[:1].isupper():
                continue  # the name rules' "intro" handles capitalised names
            if _judge(name, unknown=False, word_names=False, surnames=False):
                add(m.start("name"), m.end("name"), "self_intro")
        for m in _TITLE_PARTICLE.finditer(text):
            name = m.group("name")
            if not name.islower():
                continue  # capitalised: the rule detector's business
            parts = re.split(r"[\s'’]+", name)
            last = parts[-1]
            if last in OFFICE_NOUNS or fast_fold(last) in FUNCTION_WORDS:
                continue  # "monsieur le maire", "madame la directrice"
            glued = _entry("".join(parts))
            e = _entry(last)
            if (
                (glued is not None and glued.surname >= 8)
                or (e is not None and e.surname >= 6 and not e.is_word)
                or (e is None and len(last) >= 3 and not is_french_word(last))
            ):
                add(m.start("name"), m.end("name"), "title_particle")
        # The sign-off ends the message: only its last 80 characters are searched.
        m = _SIGN_OFF.search(text, max(0, len(text) - 80))
        if m is not None and m.start("name") > 0:
            name = m.group("name")
            e = _entry(name)
            # After a full stop, a question or a line break (not a comma), a rarer first name
            # signs too ("… ou j'attends demain ? Huong", "… c'est fou. Shirin").
            sentence_end = text[: m.start("name")].rstrip(" -—–").endswith(("?", "!", ".", "\n"))
            if (e is None and len(name) >= 3 and not is_french_word(name)) or (
                e is not None and e.first >= (5 if sentence_end else 10) and not e.is_word
            ):
                add(m.start("name"), m.end("name"), "sign_off")
        m = _SIGN_OFF_QUALIFIED.search(text, max(0, len(text) - 90)) if "," in text else None
        if m is not None and m.start("name") > 0:
            first, last = m.group("first"), m.group("last")
            e = _entry(first)
            folded = fast_fold(first)
            if (
                e is not None
                and e.first >= 10
                and folded not in PLACE_LIKE
                # A first name that is also a word ("Rose, rouge et blanc") only before one
                # word: a trade or a town.
                and (not e.is_word or " " not in m.group("what"))
                and fast_fold(m.group("name")) not in allow_list()
                and folded not in allow_list()
                and (
                    last is None
                    or _judge(last, unknown=True, word_names=False, surnames=True)
                    or (_entry(last) is not None and _entry(last).surname >= 8)
                )
            ):
                add(m.start("name"), m.end("name"), "sign_off")
        for m in _CONTACT_LOWER.finditer(text):
            name = m.group("name")
            if name[:1].isupper():
                # "merci à Tharshini": a capitalised word neither the lexicon nor the French
                # word table knows, after thanks addressed to someone (known names: the
                # lexicon and rule detectors' business).
                if (
                    re.match(r"(?i:merci|dites|dis|demandez|demande)\s[àa]\s", m.group())
                    and len(name) >= 4
                    and not name.isupper()
                    and fast_fold(name) not in allow_list()
                    and (
                        plain_surname(_entry(name))
                        or (
                            _entry(name) is None
                            and _judge(name, unknown=True, word_names=False, surnames=False)
                        )
                    )
                ):
                    add(m.start("name"), m.end("name"), "contact")
                elif (
                    _entry(name) is None
                    and len(name) >= 5
                    and near_first_name(fast_fold(name)) is not None
                    and not is_french_word(name)
                ):
                    add(m.start("name"), m.end("name"), "contact")  # "mrc Stéphnie": a typo
                continue
            if _judge(name, unknown=False, word_names=False, surnames=False):
                add(m.start("name"), m.end("name"), "contact_lower")
            elif (
                m.group().lower().startswith(("bisous", "bises"))
                and _END_OF_MESSAGE.match(text, m.end("name"))
                and _judge(name, unknown=False, word_names=True, surnames=False, lower_words=True)
            ):
                add(m.start("name"), m.end("name"), "contact_lower")  # "bisous marine 💕"
        for m in (
            _LIST_HEADING.finditer(text)
            if ":" in text or "sents" in lowered or "xcus" in lowered
            else ()
        ):
            base = m.start("list")
            for it in _LIST_ITEM.finditer(m.group("list")):
                item = it.group("item")
                words = item.split()
                last = words[-1]
                if last.isupper() and len(last) <= 5:
                    continue  # "CMP", "HDJ": services, not people
                if fast_fold(item) in allow_list() or fast_fold(words[0]) in _LABELS:
                    continue
                if fast_fold(last) in PLACE_LIKE:
                    continue
                if _judge(last, unknown=True, word_names=True, surnames=True, strong=True):
                    add(base + it.start("item"), base + it.end("item"), "list")
        for m in _PAIR_SUBJECT.finditer(text):
            pair = (m.group("a"), m.group("b"))
            if any(fast_fold(w) in PLACE_LIKE or fast_fold(w) in allow_list() for w in pair):
                continue
            if all(_judge(w, unknown=True, word_names=True, surnames=True) for w in pair):
                add(m.start("a"), m.end("a"), "pair_subject")
                add(m.start("b"), m.end("b"), "pair_subject")
        for m in _MAIDEN.finditer(text):
            name = m.group("name")
            last = name.split()[-1]
            e = _entry(last)
            if fast_fold(last) in PLACE_LIKE or fast_fold(last) in _CALENDAR:
                continue
            if (e is not None and e.surname >= 6) or _judge(
                last, unknown=True, word_names=False, surnames=True
            ):
                add(m.start("name"), m.end("name"), "maiden")
        for m in _POSSESSIVE_NAME.finditer(text):
            name = m.group("name")
            e = _entry(name)
            folded = fast_fold(name)
            if (
                e is not None
                and e.first >= COMMON_FIRST
                and e.first >= e.surname
                and not name.isupper()
                and folded not in PLACE_LIKE | _CALENDAR | NOT_NAME_FOLDED | FUNCTION_WORDS
                and folded not in allow_list()
            ):
                add(m.start("name"), m.end("name"), "possessive")
        for m in _TITLE_LOWER.finditer(text) if "dr" in text or "pr" in text else ():
            name = m.group("name")
            e = _entry(name)
            if (
                plain_surname(e) or (e is None and len(name) >= 4 and not is_french_word(name))
            ) and (fast_fold(name) not in FUNCTION_WORDS | CUE_WORDS | NOT_NAME_FOLDED):
                add(m.start("name"), m.end("name"), "title_lower")
        for m in _SHORT_COMPOUND.finditer(text) if "-" in text else ():
            if fast_fold(m.group()) not in allow_list() | PLACE_LIKE:
                add(m.start(), m.end(), "short_compound")
        for m in (
            _ALIAS.finditer(text)
            if "aka" in lowered or "alias" in lowered or "a.k.a" in lowered
            else ()
        ):
            name = m.group("name")
            folded = fast_fold(name)
            if len(name) >= 2 and folded not in FUNCTION_WORDS | _CALENDAR | NOT_NAME_FOLDED:
                add(m.start("name"), m.end("name"), "alias")
        for m in _KIN_OF.finditer(text) if " de " in lowered else ():
            name = m.group("name")
            folded = fast_fold(name)
            if (
                folded in FUNCTION_WORDS | PLACE_LIKE | _CALENDAR | NOT_NAME_FOLDED
                or name.isupper()
            ):
                continue
            if folded in allow_list():
                continue
            e = _entry(name)
            if name[:1].isupper():
                ok = _judge(name, unknown=True, word_names=True, surnames=True)
            else:
                # "la fille de jeanot": a first name, or a pet form one slip away from one.
                ok = (e is not None and e.first >= 6 and e.first > e.surname and not e.is_word) or (
                    e is None
                    and len(name) >= 4
                    and near_first_name(folded) is not None
                    and not is_french_word(name)
                )
            if ok:
                add(m.start("name"), m.end("name"), "kin_of")
        # The signature ends the message: only its last 60 characters are searched.
        m = _SIGN_DASH_LOWER.search(text, max(0, len(text) - 60))
        if m is not None and m.start() > 0:
            first = m.group("first")
            e = _entry(first)
            # A lower-case word alone after a dash at the very end signs the message: a first
            # name, even a rare one ("— ioana"), or a word no table knows.
            if (e is not None and e.first >= 6 and e.first > e.surname and not e.is_word) or (
                e is None
                and len(first) >= 3
                and m.group("last") is None
                and not is_french_word(first)
            ):
                end = m.end("first")
                last = m.group("last")
                if last is not None:
                    el = _entry(last)
                    if plain_surname(el) or (
                        el is None and len(last) >= 3 and not is_french_word(last)
                    ):
                        end = m.end("last")
                add(m.start("first"), end, "sign_off")
        for m in _SPEAKER_FULL_LOWER.finditer(text) if ":" in text else ():
            e, el = _entry(m.group("first")), _entry(m.group("last"))
            last = m.group("last")
            if (
                e is not None
                and e.first >= COMMON_FIRST
                and e.first > e.surname
                and not e.is_word
                and (plain_surname(el) or (el is None and not is_french_word(last)))
            ):
                add(m.start("first"), m.end("last"), "speaker")
        for m in (
            _DASH_SIGNATURE.finditer(text) if "—" in text or "–" in text or "--" in text else ()
        ):
            name = m.group("name")
            last = name.split()[-1]
            if fast_fold(name) in allow_list() or fast_fold(last) in PLACE_LIKE | _LABELS:
                continue
            if _judge(last, unknown=True, word_names=True, surnames=True, strong=True):
                add(m.start("name"), m.end("name"), "dash_signature")
        for m in _SAID_BY.finditer(text) if " dit " in lowered else ():
            name = m.group("name")
            if fast_fold(name) in allow_list() | PLACE_LIKE:
                continue
            if _judge(name, unknown=True, word_names=False, surnames=True):
                add(m.start("name"), m.end("name"), "said_by")
        for m in _REPLY_NAME.finditer(text):
            name = m.group("name")
            folded = fast_fold(name)
            if len(name) < 3 or name.isupper() or folded in allow_list() | PLACE_LIKE | _LABELS:
                continue
            if folded in FUNCTION_WORDS | NOT_NAME_FOLDED | _CALENDAR:
                continue
            # A first name only, rare ones included: an unknown word there is as often a
            # product ("Kyleena oui, c'est bien").
            e = _entry(name)
            if (e is not None and e.first >= 4 and e.first > e.surname and not e.is_word) or (
                e is None
                and len(name) >= 4
                and near_first_name(folded) is not None
                and not is_french_word(name)
            ):
                add(m.start("name"), m.end("name"), "reply_name")
        for m in _BEFORE_PARENT_OF.finditer(text) if " de" in lowered or " d'" in lowered else ():
            name = m.group("name")
            folded = fast_fold(name)
            # Places are not excluded: "Virginie, maman de Sacha" is a person whatever else
            # the word names.
            if folded in allow_list() | _LABELS | FUNCTION_WORDS | NOT_NAME_FOLDED:
                continue
            e = _entry(name)
            if (e is not None and e.first >= COMMON_FIRST) or _judge(
                name, unknown=True, word_names=False, surnames=True
            ):
                add(m.start("name"), m.end("name"), "before_parent_of")
        m = _CLOSING_NICKNAME.search(text, max(0, len(text) - 40))
        if m is not None and m.start("name") > 0:
            name = m.group("name")
            folded = fast_fold(name)
            e = _entry(name)
            if (
                folded not in FUNCTION_WORDS | _LABELS | _CALENDAR | NOT_NAME_FOLDED | CUE_WORDS
                and folded not in allow_list() | PLACE_LIKE
                and e is not None
                and e.first >= 8
                and e.first >= e.surname - 4
            ):
                add(m.start("name"), m.end("name"), "closing_nickname")
        for m in _DASH_REPLY.finditer(text) if "—" in text or "–" in text else ():
            name = m.group("name")
            e = _entry(name)
            if (e is not None and e.first >= 6 and e.first >= e.surname and not e.is_word) or (
                e is None
                and near_first_name(fast_fold(name)) is not None
                and not is_french_word(name)
            ):
                add(m.start("name"), m.end("name"), "dash_reply")
        for m in _SPEAKER_ROLE.finditer(text) if ":" in text else ():
            name = m.group("name")
            e = _entry(name)
            if (
                e is not None
                and e.first >= 6
                and e.first > e.surname
                and fast_fold(name) not in _LABELS
            ):
                add(m.start("name"), m.end("name"), "speaker")
        for m in _NAME_I_THINK.finditer(text) if " je " in lowered or " il me" in lowered else ():
            name = m.group("name")
            e = _entry(name)
            folded = fast_fold(name)
            if (
                e is not None
                and e.first >= COMMON_FIRST
                and folded not in allow_list() | PLACE_LIKE | _CALENDAR | NOT_NAME_FOLDED
            ):
                add(m.start("name"), m.end("name"), "name_i_think")
        for m in _UPPER_SURNAME_FIRST.finditer(text) if _THREE_CAPITALS.search(text) else ():
            sur, first = m.group("name").split()
            es, ef = _entry(sur.split("-")[0]), _entry(first)
            if (
                es is not None
                and es.surname >= 10
                and ef is not None
                and ef.first >= COMMON_FIRST
                and fast_fold(m.group("name")) not in allow_list()
            ):
                add(m.start("name"), m.end("name"), "upper_surname_first")
        for m in _NAME_AT_PHONE.finditer(text) if " au " in text else ():
            name = m.group("name")
            e = _entry(name)
            folded = fast_fold(name)
            if folded in _LABELS | PLACE_LIKE or folded in allow_list() or name.isupper():
                continue
            if _PLACE_PREPOSITION.search(text, max(0, m.start() - 12), m.start()):
                continue  # "le greffe à Toulon au 04…": a place
            if (
                plain_surname(e)
                or (e is not None and e.first >= COMMON_FIRST)
                or (e is None and len(name) >= 4 and not is_french_word(name))
            ):
                add(m.start("name"), m.end("name"), "name_at_phone")
        for m in _TITLE_DOUBLE_PARTICLE.finditer(text):
            add(m.start("name"), m.end("name"), "title_particle")
        for m in _ROLE_IS.finditer(text) if " est " in lowered or "appelle" in lowered else ():
            name = m.group("name")
            if fast_fold(name) in PLACE_LIKE | _LABELS or fast_fold(name) in allow_list():
                continue
            if _judge(name, unknown=True, word_names=False, surnames=True) or plain_surname(
                _entry(name)
            ):
                add(m.start("name"), m.end("name"), "role_is")
        for m in _NAME_IS_WHO.finditer(text) if "qui" in lowered else ():
            name = m.group("name")
            if (
                fast_fold(name) in PLACE_LIKE | _LABELS | FUNCTION_WORDS
                or fast_fold(name) in allow_list()
            ):
                continue
            if _judge(name, unknown=True, word_names=False, surnames=True):
                add(m.start("name"), m.end("name"), "name_is_who")
        for_someone = ("licitation", "bravo", "pens", "courage", "bienvenue")
        for m in _FOR_SOMEONE.finditer(text) if any(w in lowered for w in for_someone) else ():
            name = m.group("name")
            folded = fast_fold(name)
            if (
                folded in PLACE_LIKE | _LABELS | FUNCTION_WORDS | _CALENDAR
                or folded in allow_list()
            ):
                continue
            e = _entry(name)
            if (e is not None and e.first >= COMMON_FIRST and not name.isupper()) or (
                e is None
                and len(name) >= 5
                and near_first_name(folded) is not None
                and not is_french_word(name)
            ):
                add(m.start("name"), m.end("name"), "for_someone")
        for m in _TITLE_SHORT.finditer(text) if "r" in lowered else ():
            if m.group("name").lower() not in _SHORT_NOT_NAMES:
                add(m.start("name"), m.end("name"), "title_short")
        for m in _MID_PARTICLE.finditer(text):
            name = m.group("name")
            glued = _entry(name.replace(" ", ""))
            if (
                glued is not None
                and glued.surname >= 8
                and not glued.is_word
                and fast_fold(name) not in PLACE_LIKE | _ARTICLE_PLACES
                and fast_fold(name) not in allow_list()
                and not is_allowed_name(text, m.start("name"), m.end("name"))
                and not _PLACE_PREPOSITION.search(text, max(0, m.start() - 12), m.start())
                # "Karine Le Marchand": the surname of a full name, the other rules' business.
                and not _previous_word(text, m.start())[:1].isupper()
            ):
                add(m.start("name"), m.end("name"), "mid_particle")
        for m in _SURNAME_PAST.finditer(text):
            name = m.group("name")
            folded = fast_fold(name)
            before = _previous_word(text, m.start())
            if before[:1].isupper() or fast_fold(before) in ("de", "du", "des"):
                # "Antoine Dupont a marqué": a full name, the other rules' business; "aux
                # urgences de Delafontaine a…": a place's complement, not a subject.
                continue
            if (
                plain_surname(_entry(name))
                and not name.isupper()
                # Known to the French word table: cities and firms ("Dijon", "Merck") too.
                and not is_french_word(name)
                and folded not in PLACE_LIKE
                and folded not in allow_list()
                and not is_allowed_name(text, m.start("name"), m.end("name"))
            ):
                add(m.start("name"), m.end("name"), "surname_past")
        for m in _KIN_LOWER_SURNAME.finditer(text):
            name = m.group("name")
            if plain_surname(_entry(name)) and fast_fold(name) not in CUE_WORDS | FUNCTION_WORDS:
                add(m.start("name"), m.end("name"), "kin_lower_surname")
        people = sorted(
            [(s.start, s.end) for s in prior if s.pii_type == "PERSONNE"]
            + [(a, b) for a, b, _ in found]
        )
        for start, end in people:
            if " " in text[start:end] or not text[start : start + 1].isupper():
                continue
            m = _SURNAME_AFTER.match(text, end)
            if m is None or any(a <= m.start("sur") < b for a, b in people):
                continue
            sur = m.group("sur").split()[-1]
            e, ef = _entry(text[start:end]), _entry(sur)
            if (
                e is not None
                and e.first >= COMMON_FIRST
                and ef is not None
                and ef.surname >= FREQUENT_SURNAME
                and ef.surname > ef.first
                and not sur.isupper()
                and fast_fold(sur) not in _CALENDAR | PLACE_LIKE | FUNCTION_WORDS | CUE_WORDS
                and fast_fold(sur) not in allow_list()
                and fast_fold(f"{text[start:end]} {sur}") not in allow_list()
            ):
                add(start, m.end("sur"), "surname_after")
        for start, end in people:
            m = _SAINT_SURNAME.match(text, end)
            if m is None or " " in text[start:end]:
                continue
            e = _entry(text[start:end])
            full = text[start : m.end("sur")]
            if e is not None and e.first >= COMMON_FIRST and not text[start:end].isupper():
                # "Timothé Saint-Éloi": not through add(), whose eponym check keeps every
                # "Saint-X" as a place; a first name before it makes it a surname.
                if fast_fold(full) not in allow_list():
                    found.append((start, m.end("sur"), "saint_surname"))
        for start, end in people:
            m = _COORDINATED.match(text, end)
            if m is None:
                continue
            name = m.group("name")
            cap = name[:1].isupper()
            if (
                " " in text[start:end]
                and text[end : m.start("name")].strip() == ","
                and name[:1].isupper()
                and plain_surname(_entry(name))
                and fast_fold(name) not in PLACE_LIKE
                # Known to the French word table: a town signing after the name ("Sabine
                # Hoffmann, Fribourg").
                and not is_french_word(name)
            ):
                # "Loïc Pennec, Yves Cloarec, Salaün": a surname alone in a list of full names.
                add(m.start("name"), m.end("name"), "coordinated")
                continue
            # "Titi et Bouboule", "les drs Haddad et Mercier": after "et", a capitalised
            # surname or unknown word is a second person; after a comma only a first name is
            # ("Cécile, Nancy, 3 enfants" signs with a city).
            strong = cap and "," not in text[end : m.start("name")]
            # "merci soso et lulu": after a lower-case first name and "et", a lower-case
            # nickname that is also a word (lulu) is the second person.
            lower_pair = (
                not cap and text[start:end].islower() and "," not in text[end : m.start("name")]
            )
            if _judge(
                name, unknown=strong, word_names=cap, surnames=strong, lower_words=lower_pair
            ):
                add(m.start("name"), m.end("name"), "coordinated")
        for start, end in people:
            span = text[start:end]
            if " " in span and span[:1].isupper():
                m = _PARTICLE_TAIL.match(text, end)
                if m is not None:
                    sur = m.group("sur")
                    folded = fast_fold(sur)
                    if folded not in PLACE_LIKE | _CALENDAR and not (
                        _entry(sur) is None and is_french_word(sur)
                    ):
                        add(start, m.end("sur"), "particle_tail")
            elif span.islower() and " " not in span:
                e = _entry(span)
                if e is None or e.first < COMMON_FIRST:
                    continue
                if not CUE_BEFORE.search(text, max(0, start - 45), start):
                    continue
                m = _LOWER_PARTICLE_SURNAME.match(text, end)
                if m is not None:
                    glued = _entry(m.group("particle") + m.group("sur"))
                    if glued is not None and glued.surname >= 8 and not glued.is_word:
                        add(start, m.end("sur"), "lower_particle_surname")
        for (a1, b1), (a2, b2) in zip(people, people[1:]):
            if _MARRIED_JOIN.fullmatch(text, b1, a2):
                add(a1, b2, "married_name")  # one person under both names
        # "Iker et Ainhoa": a capitalised first name, even a rare one, before "et" and a name
        # found after it.
        for start, _end in people:
            m = _COORDINATED_BEFORE.search(text, max(0, start - 30), start)
            if m is None or any(a <= m.start("name") < b for a, b in people):
                continue
            name = m.group("name")
            e = _entry(name)
            if name[:1].isupper() and not name.isupper() and e is not None and e.first >= 6:
                if not e.is_word and fast_fold(name) not in allow_list() | PLACE_LIKE:
                    add(m.start("name"), m.end("name"), "coordinated_before")
        # "yilmaz ayse", "le goff marie-annick": a surname typed before the first name, in the
        # same case. Only a plain surname (neither a French word nor a first name), so "papa
        # jojo" or "merci nadia" never grow.
        for start, end in people:
            m = _SURNAME_BEFORE.search(text, max(0, start - 40), start)
            if m is None or m.end() != start:
                continue
            last = m.group("last")
            if last[:1].isupper() != text[start : start + 1].isupper() or last.isupper():
                continue
            particle = m.group("particle")
            # "le goff": INSEE writes particle surnames glued ("legoff").
            e = _entry(particle + last) if particle else _entry(last)
            if particle and (e is None or not e.surname):
                particle, e = None, _entry(last)
            if (
                e is not None
                and e.surname >= 10
                and not e.is_word
                and e.surname > e.first
                and fast_fold(last) not in FUNCTION_WORDS | CUE_WORDS
            ):
                a = m.start("particle") if particle else m.start("last")
                if not any(x <= a < y for x, y in people):
                    add(a, start - 1, "surname_first")
        if "(" in text:
            spans_now = people + [(a, b) for a, b, _ in found]
            for m in _CORRECTION.finditer(text):
                a_in = any(x <= m.start("a") < y for x, y in spans_now)
                b_in = any(x <= m.start("b") < y for x, y in spans_now)
                if a_in == b_in or not _near_spelling(m.group("a"), m.group("b")):
                    continue
                other = "b" if a_in else "a"
                word = m.group(other)
                if fast_fold(word) in FUNCTION_WORDS or fast_fold(word) in NOT_NAME_FOLDED:
                    continue
                add(m.start(other), m.end(other), "correction")
        # A name found once is a name wherever the comment repeats it ("Kerjean m'a dit…
        # c'est qui déjà Kerjean ??"): same spelling and case, whole word.
        names = {
            text[a:b] for a, b in people + [(a, b) for a, b, _ in found] if " " not in text[a:b]
        }
        for a, b in people + [(a, b) for a, b, _ in found]:
            # "le Pr Youenn Le Bihan … Le Bihan a dit": a full name's surname part, when it is
            # a particle surname or a surname no word shares, is the same person again.
            parts = text[a:b].split()
            if len(parts) < 2 or not parts[0][:1].isupper():
                continue
            rest = parts[1:]
            if len(rest) == 2 and rest[0] in ("Le", "La", "Du", "De", "Da", "Van", "Ben", "El"):
                if rest[1][:1].isupper() and len(rest[1]) >= 3:
                    names.add(" ".join(rest))
            elif len(rest) == 1 and rest[0][:1].isupper() and len(rest[0]) >= 4:
                es = _entry(rest[0])
                if plain_surname(es) or (es is None and not is_french_word(rest[0])):
                    names.add(rest[0])
        covered = people + [(a, b) for a, b, _ in found]
        for name in names:
            folded = fast_fold(name)
            if len(name) < 3 or folded in FUNCTION_WORDS or folded in NOT_NAME_FOLDED:
                continue
            e = name_lexicon().get(folded)
            if not name[:1].isupper() and e is not None and e.is_word:
                continue  # "rose" found as a name once is still a flower elsewhere
            for m in re.finditer(rf"(?<![\w@/.#<]){re.escape(name)}(?![\w>])", text):
                if any(a <= m.start() < b for a, b in covered):
                    continue
                # "le Dr Hollande (aucun lien avec François Hollande)": the public figure's
                # full name stays.
                prev = _WORD_BEFORE.search(text, max(0, m.start() - 30), max(0, m.start() - 1))
                if prev is not None and fast_fold(f"{prev.group('name')} {name}") in allow_list():
                    continue
                nxt = text[m.end() : m.end() + 30].split()
                if nxt and fast_fold(f"{name} {nxt[0].strip('.,;:!?()')}") in allow_list():
                    continue  # "comme Grégory Lemarchal": the public figure's first name
                add(m.start(), m.end(), "echo")
        out = [PiiSpan(a, b, "PERSONNE", f"name_context:{rule}") for a, b, rule in found]
        for a, b in (
            sorted(covered + [(a, b) for a, b, _ in found]) if "/" in text or "." in text else ()
        ):
            if " " not in text[a:b]:
                continue  # a full name only: "Marie, 12/03/2001" may date a message
            m = _DATE_AFTER_NAME_COMMA.match(text, b)
            if m is not None:
                out.append(
                    PiiSpan(m.start("date"), m.end("date"), "DATE_NAISSANCE", "name_context:dob")
                )
        if "(" in text:
            # "ma fille Clara Lefèvre (07/07/2003)": a full date in brackets straight after a
            # person's name is when they were born.
            for a, b in sorted(covered + [(a, b) for a, b, _ in found]):
                m = _DATE_AFTER_NAME.match(text, b)
                if m is not None:
                    out.append(
                        PiiSpan(
                            m.start("date"), m.end("date"), "DATE_NAISSANCE", "name_context:dob"
                        )
                    )
        return out
