"""Person names found with INSEE's first-name and surname lexicon and the words around them.

The lexicon (``lexicons/names_fr.tsv.gz``, built by ``benchmarks/privacy/build_name_lexicon.py``
from INSEE's open files, see ``lexicons/README.md``) holds ~34k first names and ~54k surnames,
folded (lower case, no accents), each with a flag saying whether it is also a French word
(Rose, Pierre, Blanche, Marine). The detector walks the words of a text once (one compiled
regex, one dict look-up per word: O(words), never a regex per name) and decides with context:

- a capitalised first name that is not a French word is a name anywhere, sentence starts
  included ("Soazig", "Mathis"); one that is a word ("Rose", "Pierre") only mid-sentence
  after a lower-case word, before a surname, or after a cue;
- a first name in lower case ("ma fille soazig", "bisous nadia") after a cue: kinship word,
  title, contact verb, greeting or a closing formula; a common first name that is not a word
  also on its own ("j'ai vu mathis hier");
- a surname right after a first name ("Mathis Fontaine", "soazig marchand"), an upper-case
  surname before it ("FONTAINE Mathis"), a surname after a title in any case
  ("le docteur fontaine", "Mme Petit");
- allow-listed spans (drugs, eponymous diseases, public figures) and eponyms after
  "maladie de" are kept, as in the rest of :mod:`ambassadeurs_pipeline.privacy.pii`.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..pii import (
    _KIN,
    _NOT_NAMES,
    _POSSESSIVE,
    PiiSpan,
    allow_list,
    is_allowed_name,
    register_detector,
)

# Accent folding by a translation table: ~10x faster than unicodedata per word.
_FOLD = str.maketrans(
    "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ’",
    "aaaaaaceeeeiiiinooooouuuuyyoa'",
)


def fast_fold(word: str) -> str:
    """Lower case without accents; ``œ``/``æ`` become one letter (enough for look-ups)."""
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
            entries[folded.replace("œ", "o").replace("æ", "a")] = NameEntry(
                int(first), int(surname), is_word == "1"
            )
    # Words never taken as names here: forum words, and what the allow-list and the rules'
    # stop list keep (drugs, "Macron", "Maman", "Paris"): out of the lexicon, so that the gate
    # does not open on them.
    for word in _NEVER_NAMES | {w for w in allow_list() if " " not in w} | _NOT_NAME_FOLDED:
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
_PLACE_LIKE = frozenset(
    """
    france paris lyon nancy lourdes florence valence vienne orange nice lorraine bretagne
    normandie alsace savoie provence corse guyane reunion martinique guadeloupe europe afrique
    amerique chine inde maroc algerie tunisie senegal mali espagne italie belgique suisse
    canada israel jordan jordanie georgie virginie caroline victoria sydney montreal quebec
    avril mai juin juillet aout mars janvier fevrier septembre octobre novembre decembre
    lundi mardi mercredi jeudi vendredi samedi dimanche noel paques toussaint
    """.split()
)
# Rare first names that are also frequent words in health comments: treated as words
# (context needed) whatever the word list says.
_WORD_LIKE = _PLACE_LIKE | frozenset(
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

_WORD_RE = re.compile(r"(?:[NO]['’])?[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = set('.!?\n:;…«»"()—–[]*•')
_CAP = re.compile(r"[A-ZÀ-ÖØ-Þ]")

# Cues that make the next word a person even in lower case. The text before a candidate
# (at most 45 characters) must end with one of these.
_TITLES_ANY_CASE = (
    r"dr|dre|docteur|docteure|doc|pr|professeur|professeure|prof|mme|madame|mlle|mademoiselle|"
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
    r"bonjour|bonsoir|salut|coucou|hello|hey|merci(?:\sbeaucoup|\sà|\sa)?|bravo|courage|chère?|"
    r"bisous|bises|biz|amicalement|cordialement|bien\s[àa]\svous|a\+|à\sbient[oô]t|amiti[ée]s|"
    r"gros\sbisous|bonne\sjourn[ée]e|belle\sjourn[ée]e|prenez\ssoin\sde\svous|@"
)
_KIN_CUE = rf"(?:{_POSSESSIVE})\s(?:{_KIN})(?:\s(?:de\s)?\d+\s?ans)?"
_CUE_BEFORE = re.compile(
    rf"(?:^|[^\w])(?P<cue>{_KIN_CUE}|{_TITLES_ANY_CASE}|{_CONTACT}|{_GREET})\s*[,:(]?\s*(?:[-—–]\s*)?$",
    re.IGNORECASE,
)
_NAMING_CUE_RE = re.compile(
    r"(?:\b(?:il|elle|je|tu|qui)\s[smt]['’]\s?appel+e|pr[ée]nomm[ée]e?|surnomm[ée]e?)\s*[,:]?\s*$",
    re.IGNORECASE,
)
_TITLE_CUE_RE = re.compile(rf"(?:{_TITLES_ANY_CASE})\.?$", re.IGNORECASE)
_KIN_CUE_RE = re.compile(_KIN_CUE, re.IGNORECASE)
_TITLE_BEFORE = re.compile(rf"(?:^|[^\w])(?:{_TITLES_ANY_CASE})\.?\s+$", re.IGNORECASE)
# Eponyms and products come after these; a first name there is not a person ("syndrome de
# Marie", "maladie de Pierre Marie" are rare but real diseases).
_ALLOWED_BEFORE = re.compile(
    r"\b(?:maladie|syndrome|signe|test|m[ée]thode|r[ée]gime|h[ôo]pital|clinique|institut|centre|"
    r"lyc[ée]e|coll[èe]ge|[ée]cole|fondation|rue|avenue|place|boulevard|bd|all[ée]e|quai|chemin|"
    r"impasse|route|CHU|CH|ville|saint|sainte|st|ste|quartier|cit[ée]|mus[ée]e|r[ée]sidence|"
    r"ehpad|pharmacie|cabinet|laboratoire|labo|association|asso|pont|gare|a[ée]roport|port|"
    r"hospitalier|hospitali[eè]re|palliatifs|maternit[ée]|polyclinique|mutuelle|n[ée]onat|r[ée]a)"
    r"\s+(?:de\s+|d['’]|du\s+|des\s+)?$",
    re.IGNORECASE,
)
#: log2 of births: a first name that is also a word is a name mid-sentence only above
#: _COMMON_FIRST (Olive 12, Rose 17; not Premier 5); a name that is not a word opens a
#: sentence alone only above _RARE_FIRST (Soazig 11; not Meric 8, a typo of Merci).
_COMMON_FIRST = 12
_RARE_FIRST = 9
#: Verbs after a sentence-initial name that make it the subject ("Maitane m'a dit").
_VERB_AFTER = re.compile(
    r"\s+(?:m['’]|l['’]|n['’]|s['’]|a\s|avait|est\s|était|etait|dit|pense|trouve|conseille|fait|va\s|vient|"
    r"sait|explique|raconte|prend|a\s?eu|aussi|et moi|de son côté)",
    re.IGNORECASE,
)
#: Last words of the cues (kinship nouns, titles, contact verbs, greetings): after one of
#: them the gate lets a lower-case name or a capitalised surname through.
_CUE_WORDS = frozenset(
    """
    fils fille mari femme epoux epouse compagne compagnon conjoint conjointe copain copine frere
    soeur sur pere mere maman papa mamie mamy papi papy cousin cousine neveu niece oncle tante ami
    amie voisin voisine petit-fils petite-fille bebe fillette garcon belle-mere beau-pere
    belle-soeur beau-frere collegue chef patron patronne kine medecin neurologue generaliste
    dermato dermatologue gastro gastro-enterologue endocrino endocrinologue pediatre infirmier
    infirmiere sage-femme pharmacien pharmacienne psy psychiatre psychologue rhumato rhumatologue
    cardio cardiologue chirurgien chirurgienne gyneco gynecologue osteo osteopathe homme aine
    ainee cadet cadette jumeau jumelle filleul filleule parrain marraine belle-fille beau-fils
    gendre bru ans dr dre docteur docteure doc pr professeur professeure prof mme madame mlle
    mademoiselle mr monsieur maitre appelez appelle appeler appele appelee contactez contacter
    contacte demandez demande demander ecrivez ecris ecrire voyez parlez parle parler adressez
    envoyez mp dm joindre rappelez rappeler part chez avec selon signe signee pseudo prenom nom
    bonjour bonsoir salut coucou hello hey merci beaucoup bravo courage cher chere bisous bises
    biz amicalement cordialement bientot amities journee soin les famille naissance usage fille
    prenomme prenommee surnomme surnommee
    """.split()
)
#: Titles (last word): an unknown word after one is a name ("le dr ndiay", "Pr Etchegarai").
_TITLE_WORDS = frozenset(
    "dr dre docteur docteure doc pr professeur professeure prof mme madame mlle mademoiselle mr "
    "monsieur maitre nom prenom".split()
)
#: Greetings (last word): an unknown capitalised word after one is a name ("merci Stéphaine").
_GREETING_WORDS = frozenset(
    "merci bonjour bonsoir salut coucou hello hey bisous bises bravo cc".split()
)
#: Words that follow a title without being a name ("le dr a dit", "madame la ministre").
_FUNCTION_WORDS = frozenset(
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
_VERB_WORDS = frozenset(
    "m l n s a avait est etait dit pense trouve conseille fait va vient sait explique raconte prend aussi".split()
)


#: Particles typed in lower case inside a name ("le bihan", "da silva", "van thanh").
_LOWER_PARTICLES = frozenset("le la da de di du van von ben el dos del mac ould ait abou".split())
#: Parts of addresses and links that follow a name after a dot ("kevin.durand.fr" is rare;
#: "marie.com" is a domain, not a surname).
_WEB_WORDS = frozenset("com fr net org eu be ch info html php www".split())
#: Words that name the person next ("elle s'appelle capucine"): as strong as a kinship word
#: after a personal pronoun (not "l'asso s'appelle Soleil d'Armor").
_NAMING_WORDS = frozenset("appelle appelee appele prenomme prenommee surnomme surnommee".split())


def _is_surname_like(e: NameEntry | None) -> bool:
    """A lexicon surname that is not a common word, or a frequent surname."""
    return e is not None and e.surname >= 10 and (not e.is_word or e.surname >= _FREQUENT_SURNAME)


def _plain_surname(e: NameEntry | None) -> bool:
    """A surname that is neither a word nor a first name ("lemaitre", not "petit", "martin")."""
    return e is not None and e.surname >= 10 and not e.is_word and not e.first


_OPENERS = frozenset(
    "ah oh bah ben bon et mais alors donc puis bref ok oui non car coucou bonjour merci".split()
)
_SUBJECT_VERB_AFTER = re.compile(
    r"\s+(?:m['’]a\b|m['’]avait|m['’]a\s?dit|a\s|avait\s|est\s|était|etait|dit\s|va\s|vient\s|pense\s|trouve\s|"
    r"viendra|arrive|sera\s)",
    re.IGNORECASE,
)
_DETERMINERS = frozenset(
    "le la les l un une des du de d ma ta sa mon ton son mes tes ses cette ce cet au aux".split()
)
#: Chains and brands that are surnames too: after "chez"/"avec" they are shops, not people.
_BRAND_SURNAMES = frozenset(
    "leclerc carrefour auchan boulanger darty lidl casino picard conforama fnac".split()
)
#: Cues after which even a lower-case word that is also a common word is a name: kinship
#: nouns and titles ("mon mari pierre", "le docteur fontaine").
_STRONG_CUE_WORDS = _CUE_WORDS - frozenset(
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
    return bytes(fold), bytes(cased)


_GATE_FOLD, _GATE_CASED = _gate_tables()


@lru_cache(maxsize=1)
def _first_names_folded() -> frozenset[str]:
    return frozenset(k for k, e in name_lexicon().items() if e.first)


@lru_cache(maxsize=4)
def _lower_starters(min_lower_first: int) -> frozenset[str]:
    """Folded first names that start a name even in lower case and with no cue."""
    return frozenset(
        k for k, e in name_lexicon().items() if e.first >= min_lower_first and not e.is_word
    )


_PARTICLES = frozenset(
    "Le La Da De Di Du Van Von Ben El Dos Del Des Mac Ould Aït Ait Abou Bou".split()
)
#: log2 of births above which a surname that is also a word (fontaine: 17, petit: 17) is
#: taken in lower case after a first name or a title; "marche" (12), "jeune" (11) are not.
_FREQUENT_SURNAME = 13
_NOT_NAME_FOLDED = frozenset(fast_fold(w) for w in _NOT_NAMES)


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    text: str
    folded: str
    entry: NameEntry | None
    cap: bool  # starts with a capital
    upper: bool  # all capitals, 2+ letters


def _compound_entry(word: str, folded: str, lexicon: dict[str, NameEntry]) -> NameEntry | None:
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


def _words(text: str, lexicon: dict[str, NameEntry]) -> list[_Word]:
    folded_text = text.lower().translate(_FOLD)
    same_length = len(folded_text) == len(text)
    out = []
    for m in _WORD_RE.finditer(text):
        start, end = m.span()
        w = m.group(0)
        folded = folded_text[start:end] if same_length else fast_fold(w)
        entry = lexicon.get(folded)
        if entry is None and ("-" in folded or "'" in folded):
            entry = _compound_entry(w, folded, lexicon)
        out.append(_Word(start, end, w, folded, entry, w[0].isupper(), len(w) > 1 and w.isupper()))
    return out


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _glued_before(text: str, start: int) -> bool:
    """The word is part of a URL, an e-mail, a handle or a placeholder (``<PERSONNE>``)."""
    return start > 0 and text[start - 1] in "@/._<#=&?"


@register_detector("name_lexicon")
class NameLexiconDetector:
    """Person names from the INSEE lexicon and context (see the module docstring).

    Args:
        min_lower_first: a lower-case first name with no cue is a name only if at least
            2**(min_lower_first - 1) people were given it (rare ones collide with words).
    """

    name = "name_lexicon"

    def __init__(self, min_lower_first: int = 11) -> None:
        self.min_lower_first = min_lower_first

    def detect(self, texts: Sequence[str]) -> list[list[PiiSpan]]:
        lexicon = name_lexicon()
        return [self.detect_one(text, lexicon) for text in texts]

    def detect_one(self, text: str, lexicon: dict[str, NameEntry] | None = None) -> list[PiiSpan]:
        if not text:
            return []
        lexicon = lexicon if lexicon is not None else name_lexicon()
        if not self._may_hold_a_name(text, lexicon):
            return []
        words = _words(text, lexicon)
        allowed = allow_list()
        spans: list[PiiSpan] = []
        i = 0
        n = len(words)
        while i < n:
            w = words[i]
            e = w.entry
            if e is None:
                kind = self._unknown_after_cue(text, words, i)
            elif (
                w.folded in allowed or w.folded in _NOT_NAME_FOLDED or _glued_before(text, w.start)
            ):
                kind = None
            else:
                kind = self._classify(text, words, i)
            if kind is None:
                i += 1
                continue
            first_i, last_i = i, i
            # Surname(s) after the name: "Mathis Fontaine", "soazig marchand", "Marie D."
            j = i + 1
            if kind == "title_particle":
                last_i, j = i + 1, i + 2  # "mme le bihan": the particle and the surname
            while j < n and j - i <= 3 and self._continues(text, words, j, w.cap):
                last_i = j
                j += 1
            # A name glued to the next word by a dot or an underscore, as in a profile or
            # an e-mail local part written alone ("kevin.durand sur facebook").
            while (
                last_i + 1 < n
                and text[words[last_i].end : words[last_i + 1].start] in (".", "_")
                and len(words[last_i + 1].text) >= 2
                and words[last_i + 1].folded not in _WEB_WORDS
            ):
                last_i += 1
            # A surname before it: "FONTAINE Mathis", "Tran Thi Lan" (upper case, or
            # capitalised and not a common word).
            while first_i > 0 and first_i > i - 2:
                p = words[first_i - 1]
                pe = p.entry
                if (
                    not w.cap
                    and not p.cap
                    and pe is not None
                    and pe.surname >= _FREQUENT_SURNAME
                    and not pe.is_word
                    and pe.first < _RARE_FIRST
                    and text[p.end : words[first_i].start] == " "
                    and p.folded not in _CUE_WORDS
                ):
                    first_i -= 1  # "durand kevin": a lower-case surname before the first name
                    continue
                if not (p.cap and pe is not None and pe.surname):
                    break
                if not (
                    p.upper
                    or not pe.is_word
                    or (pe.surname >= _FREQUENT_SURNAME and not _sentence_start(text, p.start))
                ):
                    break
                if (
                    text[p.end : words[first_i].start] != " "
                    or p.folded in allowed
                    or p.folded in _NOT_NAME_FOLDED
                ):
                    break
                first_i -= 1
            skip_to = None
            for extra in (1, 2):
                # "Emmanuel Macron", "angelina jolie", "Jeanne de Flandre": the name and the
                # next word(s) are allow-listed (a public figure, a hospital).
                if last_i + extra < n and is_allowed_name(
                    text, words[first_i].start, words[last_i + extra].end
                ):
                    skip_to = last_i + extra + 1
                    break
            if skip_to is not None:
                i = skip_to
                continue
            start, end = words[first_i].start, words[last_i].end
            if end < len(text) and text[end] == "." and last_i > i and len(words[last_i].text) == 1:
                end += 1  # "Marie D."
            cue = kind if kind in ("title", "kin") else ""
            if not is_allowed_name(text, start, end, self._cue_word(text, start) if cue else ""):
                spans.append(PiiSpan(start, end, "PERSONNE", f"name_lexicon:{kind}"))
            i = last_i + 1
        return spans

    def _may_hold_a_name(self, text: str, lexicon: dict[str, NameEntry]) -> bool:
        """Cheap gate, False for most comments (~6 % pass on the demo): the words come from
        two byte-table translations and a split (C speed), then a set test against the names
        that can start a span in lower case, a look-up per capitalised word, and a pass over
        word pairs only when a cue word is present. Errs towards True."""
        raw = text.encode("latin-1", "replace")
        low_text = raw.translate(_GATE_FOLD).decode("ascii")
        low = low_text.split()
        present = set(low)
        if not present.isdisjoint(_lower_starters(self.min_lower_first)):
            return True
        firsts = present & _first_names_folded()
        cue_present = not present.isdisjoint(_CUE_WORDS)
        compound = "-" in low_text
        if not (firsts or cue_present or compound):
            return False
        cased = raw.translate(_GATE_CASED).decode("ascii").split()
        for k, folded in enumerate(low):
            if not (
                folded in firsts
                or (cue_present and k and low[k - 1] in _CUE_WORDS)
                or "-" in folded
            ):
                continue
            word = cased[k]
            e = lexicon.get(folded)
            if e is None and "-" in folded:
                e = _compound_entry(word, folded, lexicon)
            prev = low[k - 1] if k else ""
            if e is None:
                if (
                    folded in _LOWER_PARTICLES
                    and prev in _TITLE_WORDS
                    and k + 1 < len(low)
                    and (cased[k + 1][:1].isupper() or _is_surname_like(lexicon.get(low[k + 1])))
                ):
                    return True  # "mme le bihan"
                if len(folded) < 3 or folded in _FUNCTION_WORDS or folded in _NOT_NAME_FOLDED:
                    continue
                if prev in _TITLE_WORDS and (
                    prev not in ("pr", "dr", "mme", "mr", "prof")
                    or word[0].isupper()
                    or (k > 1 and low[k - 2] in _DETERMINERS)
                ):
                    return True
                if prev in _GREETING_WORDS and word[0].isupper():
                    return True
                continue
            if word[0].isupper():
                if e.first >= _RARE_FIRST or (e.first and not e.is_word) or prev in _CUE_WORDS:
                    return True
            elif (
                e.first >= _COMMON_FIRST
                and k + 1 < len(low)
                and (
                    (
                        low[k + 1] in _VERB_WORDS
                        and (k == 0 or low[k - 1] in _OPENERS or low[k - 1] in _VERB_WORDS)
                    )
                    or _plain_surname(lexicon.get(low[k + 1]))
                )
            ):
                return True  # "aurore lemaitre", "ah aurore m'a dit"
            elif (
                cue_present
                and prev in _CUE_WORDS
                and (
                    (e.first and not e.is_word)
                    or (prev in _STRONG_CUE_WORDS and (e.first or e.surname >= _FREQUENT_SURNAME))
                    or (prev in _NAMING_WORDS and e.first)
                    or (prev in _TITLE_WORDS and _is_surname_like(e))
                )
            ):
                return True
        return False

    @staticmethod
    def _unknown_after_cue(text: str, words: list[_Word], i: int) -> str | None:
        """A word missing from the lexicon (a typo, a rare name) right after a title ("le dr
        ndiay", "Pr Etchegarai") or, capitalised, after a greeting ("merci Stéphaine")."""
        if i == 0:
            return None
        w, prev = words[i], words[i - 1]
        if (
            w.text.lower() in _LOWER_PARTICLES
            and prev.folded in _TITLE_WORDS
            and i + 1 < len(words)
            and text[prev.end : w.start] == " "
            and text[w.end : words[i + 1].start] == " "
            and (words[i + 1].cap or _is_surname_like(words[i + 1].entry))
        ):
            return "title_particle"  # "mme le bihan", "Dr van Damme"
        if len(w.folded) < 3 or w.folded in _FUNCTION_WORDS or w.folded in _NOT_NAME_FOLDED:
            return None
        if _glued_before(text, w.start) or text[prev.end : w.start].strip(" .:") != "":
            return None
        # "pr" (pour), "mme" (même) and "mr" are SMS words in lower case: after them a name
        # needs a determiner before the title ("le pr etchegarai", "mon dr ndiay").
        sms_like = prev.text in ("pr", "dr", "mme", "mr", "prof")
        determined = (
            i > 1 and words[i - 2].folded in _DETERMINERS and prev.text in ("pr", "dr", "prof")
        ) or (w.cap and prev.text in ("mme", "mr"))
        if prev.folded in _TITLE_WORDS and (not sms_like or determined):
            if w.cap or prev.folded not in ("nom", "prenom"):
                return "title"
        if prev.folded == "famille" and w.cap:
            return "family"  # "la famille Ouédraogo"
        if (
            prev.folded in _GREETING_WORDS
            and w.cap
            and not w.upper
            and w.folded not in allow_list()
        ):
            return "greeting"
        return None

    @staticmethod
    def _cue_word(text: str, start: int) -> str:
        before = text[max(0, start - 30) : start].split()
        return before[-1] if before else "_"

    def _classify(self, text: str, words: list[_Word], i: int) -> str | None:
        """Why ``words[i]`` starts a person name (a rule name), or None."""
        w = words[i]
        e = w.entry
        assert e is not None
        before = text[max(0, w.start - 45) : w.start]
        if _ALLOWED_BEFORE.search(before):
            return None
        cue = _CUE_BEFORE.search(before)
        cue_kind = None
        if cue:
            c = cue.group("cue").casefold()
            if _TITLE_CUE_RE.match(c):
                cue_kind = "title"
            elif _KIN_CUE_RE.match(c) or c == "famille" or _NAMING_CUE_RE.search(before):
                cue_kind = "kin"
            else:
                cue_kind = "contact"
        nxt = words[i + 1] if i + 1 < len(words) else None
        surname_next = (
            nxt is not None
            and nxt.cap
            and text[w.end : nxt.start].strip() == ""
            and (
                nxt.entry is not None
                and nxt.entry.surname > 0
                or not (nxt.entry and nxt.entry.is_word)
            )
            and nxt.folded not in _NOT_NAME_FOLDED
        )
        if w.cap:
            if cue_kind in ("title", "kin") and (e.surname or e.first):
                return cue_kind
            if not e.first:
                # A surname alone, capitalised: after a title or kinship word (above), or after
                # "avec", "chez", "les", "famille" if it is not a common word ("avec Duval",
                # "les Lefebvre"; not "chez Leclerc", a shop).
                if (
                    cue_kind == "contact"
                    and not e.is_word
                    and e.surname >= 10
                    and w.folded not in _BRAND_SURNAMES
                    and w.folded not in _PLACE_LIKE
                    and not _sentence_start(text, w.start)
                ):
                    return "contact"
                return None
            if not e.is_word:
                if (
                    _sentence_start(text, w.start)
                    and e.first < _RARE_FIRST
                    and not surname_next
                    and not _VERB_AFTER.match(text, w.end)
                ):
                    return None  # a rare name opening a sentence: a typo ("Meric") or a title
                return "first_name"
            # A first name that is also a word ("Rose", "Pierre", "Claude").
            if cue_kind in ("kin", "title") or (cue_kind == "contact" and e.first >= _COMMON_FIRST):
                return cue_kind
            if surname_next and nxt is not None and nxt.entry is not None and nxt.entry.surname:
                return "first_surname"
            if w.folded in _PLACE_LIKE or e.first < _COMMON_FIRST:
                return None  # "Premier", "Ah": rare as names, common as words
            if not _sentence_start(text, w.start) and not w.upper:
                prev = words[i - 1] if i > 0 else None
                if prev is not None and prev.cap and text[prev.end : w.start].strip(" >") == "":
                    # "Octobre Rose", "Croix Blanche": a capitalised phrase (a placeholder
                    # before counts as capitalised, so a second pass decides the same way).
                    return None
                return "first_name_mid"
            return None
        # Lower case: people type names that way, but so do they type "rose" and "pierre".
        if not e.first:
            # "le docteur fontaine": a surname after a title, if not a common word or a
            # frequent surname ("fontaine", "petit"; not "marche", "jeune").
            ok = e.surname and (not e.is_word or e.surname >= _FREQUENT_SURNAME)
            return "title" if cue_kind == "title" and ok else None
        if cue_kind in ("kin", "title"):
            return cue_kind
        if cue_kind == "contact" and not e.is_word:
            return "contact"
        if not e.is_word and e.first >= self.min_lower_first:
            return "first_name_lower"
        nxt_e = nxt.entry if nxt is not None else None
        if (
            e.first >= _COMMON_FIRST
            and nxt is not None
            and not nxt.cap
            and _plain_surname(nxt_e)
            and text[w.end : nxt.start] == " "
        ):
            return "first_surname_lower"  # "aurore lemaitre"
        prev_folded = words[i - 1].folded if i > 0 else ""
        opens = i == 0 or _sentence_start(text, w.start) or prev_folded in _OPENERS
        if e.first >= 14 and opens and _SUBJECT_VERB_AFTER.match(text, w.end):
            return "subject_lower"  # "ah aurore m'a dit"
        return None

    @staticmethod
    def _continues(text: str, words: list[_Word], j: int, first_cap: bool) -> bool:
        """``words[j]`` continues the name that ends at ``words[j - 1]``."""
        prev, w = words[j - 1], words[j]
        gap = text[prev.end : w.start]
        if gap not in (" ", "\u00a0"):
            return False
        if w.text in _PARTICLES:
            # "Soazig Le Gall", "Maria Da Silva": a particle followed by a capitalised word.
            after = words[j + 1] if j + 1 < len(words) else None
            return (
                after is not None
                and text[w.end : after.start] == " "
                and after.cap
                and after.folded not in _NOT_NAME_FOLDED
                and after.folded not in allow_list()
            )
        if not first_cap and not w.cap and w.text in _LOWER_PARTICLES:
            # "gwenola le bihan", "nguyen van thanh": typed in lower case, the particle
            # continues the name when a surname that is not a common word follows.
            after = words[j + 1] if j + 1 < len(words) else None
            return (
                after is not None
                and text[w.end : after.start] == " "
                and not after.cap
                and _is_surname_like(after.entry)
            )
        if w.folded in _CUE_WORDS and w.folded not in ("mai",):
            return False  # "ROUSSEL Prénom : Audrey", "Martin Merci"
        if w.folded in _NOT_NAME_FOLDED or w.folded in allow_list():
            # "Thi Mai Nguyen": a month between two names is a name.
            after = words[j + 1] if j + 1 < len(words) else None
            if not (
                w.cap
                and w.folded in ("mai", "avril", "juin")
                and after is not None
                and after.cap
                and after.entry is not None
                and after.entry.surname
                and text[w.end : after.start] == " "
            ):
                return False
        e = w.entry
        if w.cap:
            if len(w.text) == 1:
                return text[w.end : w.end + 1] == "."  # an initial: "Marie D."
            if e is None:
                return True  # an unknown capitalised word after a name: a rare surname
            return bool(e.surname or e.first) or not e.is_word
        # Lower case after a lower-case first name: a surname that is not a common word, or a
        # frequent surname ("fontaine", "marchand"), but not a function word.
        if first_cap or e is None:
            return False
        if not e.surname:
            return False
        return not e.is_word or e.surname >= _FREQUENT_SURNAME
