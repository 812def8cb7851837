"""The INSEE name lexicon and the words around a name, for :mod:`.names`.

The lexicon loader (:func:`name_lexicon`, folded with :func:`fast_fold`), the word lists that
correct it (never names, names that are not words, place-like and word-like names), the cues
that make the next word a person (titles, kinship, contact verbs, greetings) and the word
splitter the detector walks.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .name_rules import DETERMINER_SPACE, KIN, NOT_NAMES, PROFESSIONS
from .text import allow_list

# Accent folding by a translation table: ~10x faster than unicodedata per word.
_FOLD = str.maketrans(
    # Letters of Turkish, Polish, Romanian, Czech… names too ("Ayşe Yılmaz", "Łukasz"), one
    # letter each, so that offsets in a folded string stay those of the text.
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ’şğıøłđāēīōūćčśšžźżńňřțţșăąęěůőű",
    "aaaaaaceeeeiiiinooooouuuuyyoe'sgioldaeiouccsszzznnrttsaaeeuou",
)


def fast_fold(word: str) -> str:
    """Lower case without accents; ``œ``/``æ`` become one letter (enough for look-ups):
    "o" and "e" ("Lætitia" -> "letitia", a spelling INSEE lists)."""
    return word.lower().translate(_FOLD)


@dataclass(frozen=True)
class NameEntry:
    first: int  # log2 of births with this first name (0 = not a first name)
    surname: int  # log2 of births with this surname (0 = not a surname)
    is_word: bool  # also a French common word (rose, pierre, marchand)


@lru_cache(maxsize=1)
def name_lexicon() -> dict[str, NameEntry]:
    """Folded name -> :class:`NameEntry`, loaded once from the packaged gzip TSV."""
    path = resources.files("ambassadeurs_pipeline.privacy").joinpath("lexicons", "names_fr.tsv.gz")
    entries: dict[str, NameEntry] = {}
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            folded, _kind, first, surname, is_word, _spelling = line.rstrip("\n").split("\t")
            entries[folded.replace("œ", "o").replace("æ", "e")] = NameEntry(
                int(first), int(surname), is_word == "1"
            )
    # Nicknames ("Seb", "Véro", "jojo") are names as much as the birth names INSEE counts:
    # at least as common as a rare first name (2^10), a word only where the file says so.
    for folded, is_word in _nicknames():
        e = entries.get(folded)
        entries[folded] = NameEntry(
            max(e.first if e else 0, _NICKNAME_WORD_FIRST if is_word else _NICKNAME_FIRST),
            e.surname if e else 0,
            is_word or (e.is_word if e else False),
        )
    # Words never taken as names here: forum words, and what the allow-list and the rules'
    # stop list keep (drugs, "Macron", "Maman", "Paris"): out of the lexicon, so that the gate
    # does not open on them.
    for word in _NEVER_NAMES | {w for w in allow_list() if " " not in w} | NOT_NAME_FOLDED:
        entries.pop(word, None)
    for word in _NAMES_NOT_WORDS:
        if word in entries:
            e = entries[word]
            entries[word] = NameEntry(e.first, e.surname, False)
    for word in _WORD_LIKE:
        if word in entries:
            e = entries[word]
            entries[word] = NameEntry(e.first, e.surname, True)
    return entries


#: log2 of births a nickname counts as. One that is also a word ("lulu", "coco"): a rare but
#: real first name, above RARE_FIRST and below the lower-case floor, so it still needs context.
#: One that is not ("jojo", "greg", "mumu"): at the lower-case floor (NameLexiconDetector's
#: ``min_lower_first``), so "jojo tète toutes les heures" is a name without a cue, like
#: "mathis"; still below COMMON_FIRST, so the rules kept for frequent names do not apply.
_NICKNAME_WORD_FIRST = 10
_NICKNAME_FIRST = 11


def _nicknames() -> list[tuple[str, bool]]:
    """(folded nickname, is also a word) from ``lexicons/nicknames_fr.txt``."""
    path = resources.files("ambassadeurs_pipeline.privacy").joinpath("lexicons", "nicknames_fr.txt")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        out.append((fast_fold(parts[0]), len(parts) > 1 and parts[1] == "word"))
    return out


# Function words, forum words and abbreviations that INSEE lists as (rare) names but that
# are never a person in a comment: dropped from the lexicon.
_NEVER_NAMES = frozenset(
    """
    a à ai as au aux avec ce ces cet cette chez dans de des du elle elles en et eu il ils je la le
    les leur lui ma mais me mes moi mon ne ni nos notre nous on ou où par pas pour qu que qui sa se
    ses si son sur ta te tes toi ton tu un une vos votre vous y ok lol mdr ptdr bref voila voilà
    bonjour bonsoir salut coucou merci hello hey hi bisous bises courage bravo cordialement
    amicalement oui non sinon alors donc car puis bien tres très trop tout tous toute toutes
    rien jamais toujours encore deja déjà aussi meme même comme quand depuis apres après avant
    ici la-bas vraiment juste peut-etre pourtant enfin surtout sauf ensuite entre vers sans
    sous contre chaque plus moins peu beaucoup tant autant assez fois jour jours mois ans an
    semaine semaines heure heures demain hier aujourd aujourdhui soir matin nuit midi
    mg ml kg cm mm ui gr ps nb pj rdv irm tsh hba ecg sep mici ald cpam mdph chu ehpad
    covid vaccin dr pr mme mlle mr md doc docteur madame monsieur
    dieu jesus marie-jeanne
    my any same great ah oh eh uh ha hum up so all love much from london thanks thank please help
    hope good bad best new old just really also still even well back over only very when what
    where who why how this that these there here have has had was were been will would could
    should can may might must doctor family friend friends people group everyone anyone someone
    thing things time day days week year years life work home care pain sick side stay strong
    yes not and but then than because about after before with without into out off down true
    sorry happy sad ok okay dear guys girls baby mom dad son wife husband sister brother
    hola todos todas dolores gracias buenos buenas dias senor senora amigo amiga bien vale
    ciao grazie tutti ola obrigado obrigada
    """.split()
)
# Frequent first names that the word list also holds (it has rare words: "laure", "julien",
# "lois") but whose word sense is rare in forum text: names in any case.
_NAMES_NOT_WORDS = frozenset(
    """
    marie jean louis jeanne rene pascal laurent julien joseph jacques jacqueline bernard virginie
    veronique sylvain serge romain paulette patrice maxime mathieu maria marc laura jules
    guillaume germaine denis clement charlotte benjamin valentin richard regis pierrette pascale
    morgane micheline martin laure elise berthe benoit baptiste auguste angelique alexandra sabine
    romane robin marina margot lise germain eden augustin alphonse adele thais rosalie rosa oscar
    maya leonard julienne jeremie jeannette diane clarisse aicha sana moussa moise milan loris
    jenny jack henry dina daphne cesar celestin brandon ana victorien tommy tao peter nadir mina
    matis mathurin maia lino lia hilaire giselle francisque florentin fatma emir emie doris dan
    cassie casimir aubin augustine clementine alexandrine julie nathalie sophie isabelle
    """.split()
)
# Places, months and days that are also first names: capitalised anyway, so a capital says
# nothing; only a cue (kinship, title, contact verb) or a surname after them makes a person.
PLACE_LIKE = frozenset(
    """
    france paris lyon nancy lourdes florence valence vienne orange nice lorraine bretagne pau
    lens dax albi agen roanne
    normandie alsace savoie provence corse guyane reunion martinique guadeloupe europe afrique
    amerique chine inde maroc algerie tunisie senegal mali espagne italie belgique suisse
    canada israel jordanie georgie victoria sydney montreal quebec
    dinan brest annecy oran clermont morlaix rochelle besancon selestat mamoudzou lievin
    avril mai juin juillet aout mars janvier fevrier septembre octobre novembre decembre
    lundi mardi mercredi jeudi vendredi samedi dimanche noel paques toussaint
    """.split()
)
# Rare first names that are also frequent words in health comments: treated as words
# (context needed) whatever the word list says.
_WORD_LIKE = PLACE_LIKE | frozenset(
    """
    ange angel amour espoir paix joie celeste prince princesse reine roi chance honore aime
    aimee desire desiree constant constance prudence patience clemence fidele modeste
    parfait victoire gloire sage fortune marin soleil lune etoile ciel ocean oceane
    sky love king may june april summer star happy baby lady miss sweet come premier
    salve laurier olive rose blanche pierre claude marine jade ambre perle cerise capucine
    violette iris lilas camelia hortense muguet pensee mauve prune
    lupus thyroide insuline diabete sante
    """.split()
)

#: An elided initial may also open a hyphenated part ("Marchal-N'Diaye").
_WORD_RE = re.compile(r"(?:[NO]['’])?[^\W\d_]+(?:-(?:[NO]['’])?[^\W\d_]+)*")
_SENTENCE_END = set('.!?\n:;…«»"()—–[]*•')
_CAP = re.compile(r"[A-ZÀ-ÖØ-Þ]")

# Cues that make the next word a person even in lower case. The text before a candidate
# (at most 45 characters) must end with one of these.
_TITLES_ANY_CASE = (
    r"dr|dre|drs|docteur|docteure|docteurs|doc|pr|professeur|professeure|prof|mme|madame|mlle|mademoiselle|"
    r"mr|monsieur|ma[iî]tre|infirmi[eè]re|sage-femme|s[oœ]eur|fr[eè]re|"
    r"nom|pr[ée]nom|nom de famille|nom d['’]usage|nom de naissance|nom de jeune fille"
)
_CONTACT = (
    r"appel(?:ez|le|er|é|ée|ais|ait)|contact(?:ez|e|er|é|ée)|demand(?:ez|e|er|é|ée)(?:\s(?:à|a|après|apres|pour))?|"
    r"[ée]cri(?:vez|s|re)\s(?:à|a)|voy(?:ez|ez\savec)|parl(?:ez|e|er)\s(?:à|a|avec)|"
    r"adress(?:ez|er)-vous\s(?:à|a)|envoy(?:ez|er)\s(?:à|a)|ma\s?p|mp|dm|joindre|rappel(?:ez|er)|"
    r"de\sla\spart\sde|chez|avec|selon|signé|signe|sign[ée]e?|pseudo|les|famille"
)
_GREET = (
    r"bonjour|bonsoir|salut|coucou|hello|hey|merci(?:\sbeaucoup|\sà|\sa)?|bravo|courage|chère?|bienvenue|"
    r"bisous|bises|biz|amicalement|cordialement|bien\s[àa]\svous|a\+|à\sbient[oô]t|amiti[ée]s|"
    r"gros\sbisous|bonne\sjourn[ée]e|belle\sjourn[ée]e|prenez\ssoin\sde\svous|@"
)
_KIN_CUE = rf"{DETERMINER_SPACE}(?:{KIN}|{PROFESSIONS})(?:\s(?:de\s)?\d+\s?ans)?"
CUE_BEFORE = re.compile(
    rf"(?:^|[^\w])(?P<cue>{_KIN_CUE}|{_TITLES_ANY_CASE}|{_CONTACT}|{_GREET})\s*[,:(]?\s*(?:[-—–]\s*)?$",
    re.IGNORECASE,
)
NAMING_CUE_RE = re.compile(
    r"(?:\b(?:il|elle|je|tu|qui)\s[smt]['’]\s?appel+(?:e|ait|ais)|pr[ée]nomm[ée]e?|surnomm[ée]e?|"
    # "un certain Poulain", "une dénommée Kerjean": someone named and not known.
    r"\bun\scertain|\bune\scertaine|\bun(?:e)?\sd[ée]nomm[ée]e?|\bun(?:e)?\snomm[ée]e?)\s*[,:]?\s*$",
    re.IGNORECASE,
)
TITLE_CUE_RE = re.compile(rf"(?:{_TITLES_ANY_CASE})\.?$", re.IGNORECASE)
KIN_CUE_RE = re.compile(_KIN_CUE, re.IGNORECASE)
_TITLE_BEFORE = re.compile(rf"(?:^|[^\w])(?:{_TITLES_ANY_CASE})\.?\s+$", re.IGNORECASE)
# Eponyms and products come after these; a first name there is not a person ("syndrome de
# Marie", "maladie de Pierre Marie" are rare but real diseases).
ALLOWED_BEFORE = re.compile(
    r"\b(?:maladies?|syndromes?|n[ée]vralgie|paralysie|ataxie|dystrophie|man[œo]e?uvre|[ée]chelle|score|tendons?|signe|test|m[ée]thode|r[ée]gime|h[ôo]pital|(?<!chef\sde\s)(?<!cheffe\sde\s)clinique|institut|centre|"
    r"lyc[ée]e|coll[èe]ge|[ée]cole|fondation|rue|avenue|place|boulevard|bd|all[ée]e|quai|chemin|"
    r"impasse|route|CHU|CH|ville|saint|sainte|st|ste|quartier|cit[ée]|mus[ée]e|r[ée]sidence|"
    r"ehpad|pharmacie|cabinet|laboratoire|labo|association|asso|pont|gare|a[ée]roport|port|"
    r"hospitalier|hospitali[eè]re|palliatifs|maternit[ée]|polyclinique|mutuelle|n[ée]onat|r[ée]a|"
    r"CHS|CHRU|CHR|CHI|EPSM|GHU|CMP|CMPP|tendon|tendinite)"
    r"\s+(?:de\s+|d['’]|du\s+|des\s+)?$",
    re.IGNORECASE,
)
#: log2 of births: a first name that is also a word is a name mid-sentence only above
#: COMMON_FIRST (Olive 12, Rose 17; not Premier 5); a name that is not a word opens a
#: sentence alone only above RARE_FIRST (Soazig 11; not Meric 8, a typo of Merci).
COMMON_FIRST = 12
RARE_FIRST = 9
#: Verbs after a sentence-initial name that make it the subject ("Maitane m'a dit").
VERB_AFTER = re.compile(
    r"\s+(?:m['’]|l['’]|n['’]|s['’]|a\s|avait|est\s|était|etait|dit|pense|trouve|conseille|fait|va\s|vient|"
    r"sait|explique|raconte|prend|a\s?eu|aussi|et moi|de son côté)",
    re.IGNORECASE,
)
#: Last words of the cues (kinship nouns, titles, contact verbs, greetings): after one of
#: them the gate lets a lower-case name or a capitalised surname through.
CUE_WORDS = frozenset(
    """
    fils fille mari femme epoux epouse compagne compagnon conjoint conjointe copain copine frere
    soeur sur pere mere maman papa mamie mamy papi papy cousin cousine neveu niece oncle tante ami
    amie voisin voisine petit-fils petite-fille bebe fillette garcon belle-mere beau-pere
    belle-soeur beau-frere collegue chef patron patronne kine medecin neurologue generaliste
    dermato dermatologue derma gastro gastro-enterologue endocrino endocrinologue pediatre infirmier
    infirmiere sage-femme pharmacien pharmacienne psy psychiatre psychologue rhumato rhumatologue
    cardio cardiologue chirurgien chirurgienne gyneco gynecologue osteo osteopathe homme aine
    ainee cadet cadette jumeau jumelle filleul filleule parrain marraine belle-fille beau-fils
    gendre bru ans dr dre drs docteurs docteur docteure doc pr professeur professeure prof mme madame mlle
    mademoiselle mr monsieur maitre appelez appelle appeler appele appelee contactez contacter
    contacte demandez demande demander ecrivez ecris ecrire voyez parlez parle parler adressez
    envoyez mp dm joindre rappelez rappeler part chez avec selon signe signee pseudo prenom nom
    bonjour bonsoir salut coucou hello hey merci beaucoup bravo courage cher chere bisous bises
    bienvenue biz amicalement cordialement bientot amities journee soin les famille naissance usage fille
    prenomme prenommee surnomme surnommee opticien opticienne dentiste orthodontiste
    orthophoniste orthoptiste podologue ambulancier ambulanciere kinesitherapeute sophrologue
    nutritionniste dieteticien dieteticienne ophtalmo ophtalmologue urologue nephro nephrologue
    pneumo pneumologue onco oncologue anesthesiste radiologue hemato hematologue allergologue
    addictologue geriatre interne aide-soignant aide-soignante
    """.split()
)
#: Titles (last word): an unknown word after one is a name ("le dr ndiay", "Pr Etchegarai").
TITLE_WORDS = frozenset(
    "dr dre drs docteurs docteur docteure doc pr professeur professeure prof mme madame mlle "
    "mademoiselle mr "
    "monsieur maitre nom prenom".split()
)
#: Greetings (last word): an unknown capitalised word after one is a name ("merci Stéphaine").
GREETING_WORDS = frozenset(
    "merci bonjour bonsoir salut coucou hello hey bisous bises bravo cc bienvenue".split()
)
#: Words that follow a title without being a name ("le dr a dit", "madame la ministre").
FUNCTION_WORDS = frozenset(
    """
    a as ai ont est sont etait sera va vont fait font dit disent m n s l j t d qu c y en et ou
    il elle ils elles on me te se nous vous lui leur leurs ne pas plus aussi qui que quoi dont
    de du des le la les un une mon ma mes ton ta tes son sa ses notre votre nos vos ce cet cette
    au aux avec sans pour par sur sous dans chez mais donc car si comme quand tres trop bien mal
    avait etaient pense trouve veut voulait peut pouvait doit devait explique conseille prescrit
    propose refuse demande repond parle traitant generaliste specialiste urgentiste referent
    garde house ok lol mdr svp stp merci bonjour ceux celles celui celle tous toutes tout moi toi
    eux info infos rdv je tu on depuis ca voila voici ici alors enfin juste petite petit
    premiere premier deja encore hier aujourd aujourdhui demain apres avant pendant quand
    comment pourquoi combien quel quelle quels quelles desole desolee super top vraiment
    """.split()
)
VERB_WORDS = frozenset(
    "m l n s a avait est etait dit pense trouve conseille fait va vient sait explique raconte prend aussi".split()
)


#: Particles typed in lower case inside a name ("le bihan", "da silva", "van thanh").
LOWER_PARTICLES = frozenset("le la da de di du van von ben el dos del mac ould ait abou".split())
#: Parts of addresses and links that follow a name after a dot ("kevin.durand.fr" is rare;
#: "marie.com" is a domain, not a surname).
WEB_WORDS = frozenset("com fr net org eu be ch info html php www".split())
#: Words that name the person next ("elle s'appelle capucine"): as strong as a kinship word
#: after a personal pronoun (not "l'asso s'appelle Soleil d'Armor").
NAMING_WORDS = frozenset("appelle appelee appele prenomme prenommee surnomme surnommee".split())


def is_surname_like(e: NameEntry | None) -> bool:
    """A lexicon surname that is not a common word, or a frequent surname."""
    return e is not None and e.surname >= 10 and (not e.is_word or e.surname >= FREQUENT_SURNAME)


def plain_surname(e: NameEntry | None) -> bool:
    """A surname that is neither a word nor a first name ("lemaitre", not "petit", "martin")."""
    return e is not None and e.surname >= 10 and not e.is_word and not e.first


OPENERS = frozenset(
    "ah oh bah ben bon et mais alors donc puis bref ok oui non car coucou bonjour merci".split()
)
SUBJECT_VERB_AFTER = re.compile(
    r"\s+(?:m['’]a\b|m['’]avait|m['’]a\s?dit|a\s|avait\s|est\s|était|etait|dit\s|va\s|vient\s|pense\s|trouve\s|"
    r"viendra|arrive|sera\s)",
    re.IGNORECASE,
)
#: First words (folded, split like the gate splits) of what SUBJECT_VERB_AFTER matches.
SUBJECT_VERB_WORDS = frozenset(
    "m a avait est etait dit va vient pense trouve viendra arrive sera".split()
)
DETERMINERS = frozenset(
    "le la les l un une des du de d ma ta sa mon ton son mes tes ses cette ce cet au aux".split()
)
#: Chains and brands that are surnames too: after "chez"/"avec" they are shops, not people.
BRAND_SURNAMES = frozenset(
    "leclerc carrefour auchan boulanger darty lidl casino picard conforama fnac".split()
)
#: Cues after which even a lower-case word that is also a common word is a name: kinship
#: nouns and titles ("mon mari pierre", "le docteur fontaine").
STRONG_CUE_WORDS = CUE_WORDS - frozenset(
    """
    appelez appelle appeler appele appelee contactez contacter contacte demandez demande demander
    ecrivez ecris ecrire voyez parlez parle parler adressez envoyez mp dm joindre rappelez
    rappeler part chez avec selon signe signee pseudo les famille bonjour bonsoir salut coucou
    hello hey merci beaucoup bravo courage cher chere bisous bises biz amicalement cordialement
    bientot amities journee soin ans
    """.split()
)


def _gate_tables() -> tuple[bytes, bytes]:
    """Latin-1 byte tables: letters to unaccented lower case (and keeping their case), hyphen
    kept, anything else a space. Characters outside Latin-1 are encoded as "?" (a space), so
    both translations split into the same words in the same order."""
    fold, cased = bytearray(b" " * 256), bytearray(b" " * 256)
    for i in range(256):
        ch = chr(i)
        base = unicodedata.normalize("NFKD", ch)[:1]
        if ch.isalpha() and base.isascii() and base.isalpha():
            fold[i] = ord(base.lower())
            cased[i] = ord(base)
    fold[ord("-")] = cased[ord("-")] = ord("-")
    # "æ" has no decomposition: one letter "e", as in fast_fold ("Lætitia" -> "letitia").
    fold[0xE6] = cased[0xE6] = fold[0xC6] = ord("e")
    cased[0xC6] = ord("E")
    return bytes(fold), bytes(cased)


GATE_FOLD, GATE_CASED = _gate_tables()


def gate_bytes(text: str) -> bytes:
    """``text`` in Latin-1 for the byte-table gates. Letters beyond Latin-1 ("Ayşe", "Łukasz")
    would become "?" there and hide a name: only texts that hold such a character (an emoji
    too) pay a decomposition that turns those letters into their base letter."""
    raw = text.encode("latin-1", "replace")
    if raw.count(b"?") == text.count("?"):
        return raw
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLD_CASED))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode(
        "latin-1", "replace"
    )


@lru_cache(maxsize=1)
def first_names_folded() -> frozenset[str]:
    return frozenset(k for k, e in name_lexicon().items() if e.first)


@lru_cache(maxsize=1)
def plain_surnames_folded() -> frozenset[str]:
    """Surnames that are neither French words nor first names (see :func:`plain_surname`)."""
    return frozenset(k for k, e in name_lexicon().items() if plain_surname(e))


@lru_cache(maxsize=1)
def surname_like_folded() -> frozenset[str]:
    """Surnames that may follow a first name (see :func:`is_surname_like`)."""
    return frozenset(k for k, e in name_lexicon().items() if is_surname_like(e))


@lru_cache(maxsize=4)
def lower_starters(min_lower_first: int) -> frozenset[str]:
    """Folded first names that start a name even in lower case and with no cue."""
    return frozenset(
        k for k, e in name_lexicon().items() if e.first >= min_lower_first and not e.is_word
    )


PARTICLES = frozenset(
    "Le La Da De Di Du Van Von Ben El Dos Del Des Mac Ould Aït Ait Abou Bou der den".split()
)
#: log2 of births above which a surname that is also a word (fontaine: 17, petit: 17) is
#: taken in lower case after a first name or a title; "marche" (12), "jeune" (11) are not.
FREQUENT_SURNAME = 13
NOT_NAME_FOLDED = frozenset(fast_fold(w) for w in NOT_NAMES)


@dataclass(slots=True)
class Word:
    start: int
    end: int
    text: str
    folded: str
    entry: NameEntry | None
    cap: bool  # starts with a capital
    upper: bool  # all capitals, 2+ letters


def compound_entry(word: str, folded: str, lexicon: dict[str, NameEntry]) -> NameEntry | None:
    """Entry of a hyphenated or apostrophised word that is not in the lexicon as a whole."""
    if "-" in folded:
        # "anne-so", "Marie-Jo": a compound led by a first name is a first name, unless its
        # tail is a capitalised surname ("Robert-Debré", "Georges-Pompidou": the hospitals,
        # streets and schools named after someone) or the head is a word ("est-ce").
        head_text, tail_text = word.split("-", 1)
        head = lexicon.get(fast_fold(head_text))
        if head is None or not head.first or head.is_word:
            return None
        tail = lexicon.get(fast_fold(tail_text))
        if tail_text[:1].isupper() and tail is not None and tail.surname and not tail.first:
            return None
        return NameEntry(head.first, 0, False)
    if folded[:2] in ("n'", "o'"):
        return lexicon.get(folded[2:])  # N'Guessan, O'Brien
    return None


def split_words(text: str, lexicon: dict[str, NameEntry]) -> list[Word]:
    folded_text = text.lower().translate(_FOLD)
    same_length = len(folded_text) == len(text)
    out = []
    for m in _WORD_RE.finditer(text):
        start, end = m.span()
        w = m.group(0)
        folded = folded_text[start:end] if same_length else fast_fold(w)
        if not folded.isascii():
            # Letters the table does not fold (Vietnamese "Nguyễn Văn", Polish "Łukasz"):
            # the slow decomposition, only for these rare words.
            folded = _deep_fold(folded)
        entry = lexicon.get(folded)
        if entry is None and ("-" in folded or "'" in folded):
            entry = compound_entry(w, folded, lexicon)
        out.append(Word(start, end, w, folded, entry, w[0].isupper(), len(w) > 1 and w.isupper()))
    return out


_EXTRA_FOLD = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "ı": "i"})
_EXTRA_FOLD_CASED = str.maketrans(
    {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i"}
)


def _deep_fold(folded: str) -> str:
    """Accents :data:`_FOLD` leaves: decompose and drop the combining marks."""
    decomposed = unicodedata.normalize("NFKD", folded.translate(_EXTRA_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def glued_before(text: str, start: int) -> bool:
    """The word is part of a URL, an e-mail, a handle or a placeholder (``<PERSONNE>``)."""
    return start > 0 and text[start - 1] in "@/._<#=&?"


#: Offices named after "Monsieur le"/"Madame la" ("Monsieur le Maire"), never a surname there.
OFFICE_NOUNS = frozenset(
    """
    maire prefet prefete president presidente directeur directrice ministre depute deputee
    senateur senatrice juge procureur procureure doyen doyenne recteur rectrice commissaire
    conseiller conseillere professeur professeure docteur docteure general colonel capitaine
    cure abbe bailli batonnier notaire medecin inspecteur inspectrice delegue deleguee
    """.split()
)
