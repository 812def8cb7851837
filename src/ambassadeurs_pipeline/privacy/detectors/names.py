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

import re
from collections.abc import Sequence

from .name_rules import is_allowed_name
from .name_typos import is_french_word, mistyped_first_name, near_first_name
from .name_words import (
    ALLOWED_BEFORE,
    BRAND_SURNAMES,
    COMMON_FIRST,
    CUE_BEFORE,
    CUE_WORDS,
    DETERMINERS,
    FREQUENT_SURNAME,
    FUNCTION_WORDS,
    GATE_CASED,
    GATE_FOLD,
    GREETING_WORDS,
    KIN_CUE_RE,
    LOWER_PARTICLES,
    NAMING_CUE_RE,
    NAMING_WORDS,
    NOT_NAME_FOLDED,
    OFFICE_NOUNS,
    OPENERS,
    PARTICLES,
    PLACE_LIKE,
    RARE_FIRST,
    STRONG_CUE_WORDS,
    SUBJECT_VERB_AFTER,
    SUBJECT_VERB_WORDS,
    TITLE_CUE_RE,
    TITLE_WORDS,
    VERB_AFTER,
    VERB_WORDS,
    WEB_WORDS,
    NameEntry,
    Word,
    compound_entry,
    fast_fold,
    first_names_folded,
    gate_bytes,
    glued_before,
    is_surname_like,
    lower_starters,
    name_lexicon,
    plain_surname,
    plain_surnames_folded,
    sentence_start,
    split_words,
    surname_like_folded,
)
from .spans import PiiSpan, register_detector
from .text import allow_list

# Re-exported: callers and tests read the lexicon from the detector's module.
__all__ = ["NameEntry", "NameLexiconDetector", "fast_fold", "name_lexicon"]


#: Strongly locative cues: "sur Annecy", "vers Lens", "près de Pau", "région de Vienne".
_PLACE_CUE = re.compile(
    r"(?:\bsur|\bvers|\bpr[èe]s\s(?:de|d['’])|\br[ée]gion\s(?:de|d['’])|"
    r"\bc[ôo]t[ée]\s(?:de|d['’])|\baux\salentours\s(?:de|d['’])|"
    # "née à Oran", "j'habite à Pau", "muté à Lens": where someone lives or comes from.
    r"\b(?:n[ée]e?s?|habit(?:e|es|ons|ez|ent)|vi[st]|vivons|vivent|originaires?|domicili[ée]e?s?|fait|"
    r"install[ée]e?s?|d[ée]m[ée]nag[ée]e?s?|mut[ée]e?s?|travaill(?:e|es|ons|ent))\s(?:[àa]|au|en))\s?$",
    re.IGNORECASE,
)
#: Last words of a naming cue (:data:`NAMING_CUE_RE`), folded, for the surname gate.
_NAMING_TAIL = frozenset(
    "appelle appele appelait appelais certain certaine denomme denommee nomme nommee".split()
)
#: A number and its unit just before a lower-case word: "500ml max", "2 ans max".
#: Care services written in capitals before the name they bear ("CSAPA Pierre Nicole", "IME
#: Jean Itard"): not a surname typed in capitals before a first name ("SAMB Ousmane").
SERVICE_ACRONYMS = frozenset(
    "csapa cmp cmpp camsp sessad ime itep esat ssr usld ehpad chu chr chs chru epsm ghu had hdj "
    "samu smur cpam caf mdph ars aphp apf ccas clic msa udaf pmi fam mas savs samsah cra crf cpts "
    "msp csi caarud cegidd ssiad spasad ehpa uhr pasa ucc umsp emsp lisp cmrr ctr ifsi ifas".split()
)
#: A sports club's initials before its town ("RC Massy", "AS Nancy", "US Dax"): a town.
#: Not "AS" or "ES" (aide-soignante, éducateur spécialisé: "l'AS Fatou" is a carer).
#: Lower-case particles of Arabic, Portuguese, Dutch and German surnames.
_FOREIGN_PARTICLES = frozenset("el al ben bin ould ait do dos das van von der den ter ten".split())
#: Towns that a name's "de La …" could be ("Marie de La Rochelle" says where she lives).
_ARTICLE_TOWNS = frozenset(
    "la rochelle|le mans|le havre|la baule|le puy|la reunion|le creusot|la ciotat|la seyne|"
    "le cannet|la teste|le touquet|la defense|le raincy|le pecq|la garenne|la courneuve|"
    "le bourget|la fleche|le lamentin|le tampon|le port|le gosier|le moule".split("|")
)
_CLUB_BEFORE = re.compile(r"(?<!['’])\b(?:RC|US|FC|SC|AC|CA|JA|OGC|ASM|USM|SCO|RCT|AJ)\s$")
_AFTER_QUANTITY = re.compile(r"\d\s?[a-zµ]{0,3}\s$")


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
        words = split_words(text, lexicon)
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
                w.folded in allowed
                or w.folded in NOT_NAME_FOLDED
                or glued_before(text, w.start)
                or (w.cap and _CLUB_BEFORE.search(text, max(0, w.start - 7), w.start) is not None)
                # "Medi'Plus", "Santé'Co": a brand glued to a capitalised word by an
                # apostrophe ("O'Brien" has one letter before it).
                or (
                    len(w.text) >= 3
                    and text[w.end : w.end + 1] in ("'", "’")
                    and text[w.end + 1 : w.end + 2].isupper()
                )
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
            while (
                j < n
                and j - i <= 3
                # "le Dr le goff de brest": after a particle surname, "de" opens a place.
                and not (kind == "title_particle" and words[j].text in LOWER_PARTICLES)
                and self._continues(text, words, j, w.cap)
            ):
                last_i = j
                j += 1
                if (
                    words[last_i].text in PARTICLES or words[last_i].text in LOWER_PARTICLES
                ) and j < n:
                    # A particle continues the name only with the word after it ("yves le
                    # goff"): take both, or "goff" is left in clear.
                    last_i = j
                    j += 1
            # A name glued to the next word by a dot or an underscore, as in a profile or
            # an e-mail local part written alone ("kevin.durand sur facebook").
            while (
                last_i + 1 < n
                and text[words[last_i].end : words[last_i + 1].start] in (".", "_")
                and len(words[last_i + 1].text) >= 2
                and words[last_i + 1].folded not in WEB_WORDS
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
                    and pe.surname >= FREQUENT_SURNAME
                    and not pe.is_word
                    and pe.first < RARE_FIRST
                    and text[p.end : words[first_i].start] == " "
                    and p.folded not in CUE_WORDS
                ):
                    first_i -= 1  # "durand kevin": a lower-case surname before the first name
                    continue
                if (
                    not w.cap
                    and not p.cap
                    and first_i == i
                    and pe is not None
                    and pe.first >= COMMON_FIRST
                    and w.entry is not None
                    and w.entry.surname >= FREQUENT_SURNAME
                    and text[p.end : w.start] == " "
                    and p.folded not in CUE_WORDS
                    and p.folded not in FUNCTION_WORDS
                    and p.folded not in NOT_NAME_FOLDED
                    and p.folded not in PLACE_LIKE
                    and p.folded not in allowed
                ):
                    # "c'est pierre martin": a first name that is also a word ("pierre",
                    # "rose") before a name taken on its own is that name's first name; left
                    # out, it leaks half the name.
                    first_i -= 1
                    continue
                if (
                    pe is None
                    and p.cap
                    and first_i == i
                    and w.cap
                    and e is not None
                    and e.first >= RARE_FIRST
                    and len(p.text) >= 3
                    and text[p.end : w.start] == " "
                    and p.folded not in CUE_WORDS
                    and p.folded not in NOT_NAME_FOLDED
                    and p.folded not in allowed
                    and p.folded not in SERVICE_ACRONYMS
                    and not glued_before(text, p.start)
                    and (p.upper or not is_french_word(p.text))
                ):
                    # "SAMB Ousmane", "Kerjean Yvonne": a surname too rare for the lexicon
                    # before a first name (upper case, or no French word).
                    first_i -= 1
                    continue
                if not (p.cap and pe is not None and pe.surname):
                    break
                if not (
                    p.upper
                    or not pe.is_word
                    or (pe.surname >= FREQUENT_SURNAME and not sentence_start(text, p.start))
                    # "Tran Thi Hoa" opening a sentence: a frequent surname before a first name
                    # and a second name is the family name, even if the word list knows it.
                    or (
                        pe.surname >= FREQUENT_SURNAME
                        and last_i > i
                        and first_i == i
                        and pe.first < COMMON_FIRST
                        and p.folded not in CUE_WORDS
                    )
                ):
                    break
                if (
                    text[p.end : words[first_i].start] != " "
                    or p.folded in allowed
                    or p.folded in NOT_NAME_FOLDED
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
        raw = gate_bytes(text)
        low_text = raw.translate(GATE_FOLD).decode("ascii")
        low = low_text.split()
        present = set(low)
        if not present.isdisjoint(lower_starters(self.min_lower_first)):
            return True
        firsts = present & first_names_folded()
        surnames = present & surname_like_folded()
        cue_present = not present.isdisjoint(CUE_WORDS)
        compound = "-" in low_text
        if not (firsts or surnames or cue_present or compound):
            return False
        cased = raw.translate(GATE_CASED).decode("ascii").split()
        if surnames:
            # Most surname-like words are common words in lower case ("petit", "blanc"):
            # only those that also appear capitalised are worth a pass over the words.
            capitalised = set(cased)
            surnames = {
                s for s in surnames if s.capitalize() in capitalised or s.upper() in capitalised
            }
            if surnames and self._surname_may_name(low, cased, surnames, lexicon):
                return True
        if not (firsts or cue_present or compound):
            return False
        for k, folded in enumerate(low):
            if not (
                folded in firsts or (cue_present and k and low[k - 1] in CUE_WORDS) or "-" in folded
            ):
                continue
            word = cased[k]
            e = lexicon.get(folded)
            if e is None and "-" in folded:
                e = compound_entry(word, folded, lexicon)
            prev = low[k - 1] if k else ""
            if e is None:
                if (
                    folded in LOWER_PARTICLES
                    and prev in TITLE_WORDS
                    and k + 1 < len(low)
                    and (
                        cased[k + 1][:1].isupper()
                        or is_surname_like(lexicon.get(low[k + 1]))
                        or (cased[k - 1][:1].isupper() and len(low[k + 1]) >= 3)
                    )
                ):
                    return True  # "mme le bihan", "le Dr le goff"
                if len(folded) < 3 or folded in FUNCTION_WORDS or folded in NOT_NAME_FOLDED:
                    continue
                if prev in TITLE_WORDS and (
                    prev not in ("pr", "dr", "mme", "mr", "prof")
                    or word[0].isupper()
                    or (k > 1 and low[k - 2] in DETERMINERS)
                ):
                    return True
                if prev in GREETING_WORDS and word[0].isupper():
                    return True
                if prev in STRONG_CUE_WORDS and near_first_name(folded) is not None:
                    return True  # "ma fille soazyg"
                if (
                    k + 1 < len(low)
                    and low[k + 1] in surname_like_folded()
                    and near_first_name(folded) is not None
                ):
                    return True  # "chez sébastein marchand"
                continue
            if word[0].isupper():
                if e.first >= RARE_FIRST or (e.first and not e.is_word) or prev in CUE_WORDS:
                    return True
            elif (
                e.first >= COMMON_FIRST
                and k + 1 < len(low)
                and (
                    (
                        low[k + 1] in VERB_WORDS
                        and (k == 0 or low[k - 1] in OPENERS or low[k - 1] in VERB_WORDS)
                    )
                    or plain_surname(lexicon.get(low[k + 1]))
                )
            ):
                return True  # "aurore lemaitre", "ah aurore m'a dit"
            elif (
                cue_present
                and prev in CUE_WORDS
                and (
                    (e.first and not e.is_word)
                    or (prev in STRONG_CUE_WORDS and (e.first or e.surname >= FREQUENT_SURNAME))
                    or (prev in NAMING_WORDS and e.first)
                    or (prev in TITLE_WORDS and is_surname_like(e))
                    # "le dr lefebre": a rare surname that is no word, as _classify takes it
                    or (prev in TITLE_WORDS and e.surname and not e.first and not e.is_word)
                )
            ):
                return True
        return False

    @staticmethod
    def _signature_or_pair(text: str, words: list[Word], i: int) -> bool:
        """A capitalised first name that is also a word ("Ambre", "Pierre") is a name when it
        signs the message (alone after the last sentence) or is paired with a first name that
        is no word ("Pierre et Olivia, merci")."""
        w = words[i]
        if i == len(words) - 1:
            return sentence_start(text, w.start) and not text[w.end :].strip(" .!\n")[:1].isalnum()
        nxt = words[i + 1]
        if nxt.folded not in ("et", "ou") or i + 2 >= len(words):
            return False
        other = words[i + 2]
        return (
            other.cap
            and other.entry is not None
            and other.entry.first >= RARE_FIRST
            and not other.entry.is_word
            and text[w.end : nxt.start] == " "
            and text[nxt.end : other.start] == " "
        )

    @staticmethod
    def _surname_may_name(
        low: list[str], cased: list[str], surnames: set[str], lexicon: dict[str, NameEntry]
    ) -> bool:
        """Gate for the two surname-led rules, looking only at the surnames' positions: a
        capitalised plain surname after a lower-case word and before a verb ("et Fofana est
        venu"), or a capitalised surname after an unknown capitalised word ("Stephaine
        Fontaine", a mistyped first name)."""
        plain = plain_surnames_folded()
        for k, folded in enumerate(low):
            if folded not in surnames or not k or not cased[k][:1].isupper():
                continue
            before_is_cap = cased[k - 1][:1].isupper()
            if before_is_cap and low[k - 1] not in lexicon:
                return True
            if low[k - 1] in _NAMING_TAIL:
                return True  # "il s'appelait Lagarde", "un certain Poulain"
            if folded in plain and not before_is_cap and k + 1 < len(low):
                if low[k + 1] in SUBJECT_VERB_WORDS:
                    return True
        return False

    @staticmethod
    def _unknown_after_cue(text: str, words: list[Word], i: int) -> str | None:
        """A word missing from the lexicon (a typo, a rare name) right after a title ("le dr
        ndiay", "Pr Etchegarai") or, capitalised, after a greeting ("merci Stéphaine"); or a
        first name typed with one slip (:mod:`.name_typos`) before a capitalised surname
        ("Jean-Bpatiste Rousseau") or after a kinship word ("ma fille soazyg")."""
        w = words[i]
        typo = mistyped_first_name(text, words, i)
        if typo is not None:
            return typo
        if i == 0:
            return None
        prev = words[i - 1]
        if (
            w.text.lower() in LOWER_PARTICLES
            and prev.folded in TITLE_WORDS
            and i + 1 < len(words)
            and text[prev.end : w.start] == " "
            and text[w.end : words[i + 1].start] == " "
            and (
                words[i + 1].cap
                or is_surname_like(words[i + 1].entry)
                # "le Dr le goff": a surname too rare for the lexicon, after a capitalised
                # title (a lower-case "dr"/"pr" may be SMS for "de"/"pour").
                or (
                    prev.text[:1].isupper()
                    and not (words[i + 1].entry and words[i + 1].entry.is_word)
                    and len(words[i + 1].text) >= 3
                )
            )
            # "Madame la Directrice": a title, an article and a noun, no name.
            and not (words[i + 1].entry is None and is_french_word(words[i + 1].text))
            # "Monsieur le Maire", "Madame la Préfète": an office, even when it is a surname.
            and words[i + 1].folded not in OFFICE_NOUNS
        ):
            return "title_particle"  # "mme le bihan", "Dr van Damme"
        if len(w.folded) < 3 or w.folded in FUNCTION_WORDS or w.folded in NOT_NAME_FOLDED:
            return None
        if glued_before(text, w.start) or text[prev.end : w.start].strip(" .:") != "":
            return None
        if prev.folded == "maitre" and not w.cap:
            return None  # "le maître mot": a lawyer's name after "Maître" is capitalised
        # "pr" (pour), "mme" (même) and "mr" are SMS words in lower case: after them a name
        # needs a determiner before the title ("le pr etchegarai", "mon dr ndiay").
        sms_like = prev.text in ("pr", "dr", "mme", "mr", "prof")
        determined = (
            i > 1 and words[i - 2].folded in DETERMINERS and prev.text in ("pr", "dr", "prof")
        ) or (w.cap and prev.text in ("mme", "mr", "dr", "prof"))  # "prof Vidalenc"; "pr" is "pour"
        if prev.folded in TITLE_WORDS and (not sms_like or determined):
            if not w.cap and is_french_word(w.text):
                return None  # "le prof principal": an adjective, not a rare surname
            if w.cap or prev.folded not in ("nom", "prenom"):
                return "title"
        if prev.folded == "famille" and w.cap:
            return "family"  # "la famille Ouédraogo"
        if prev.folded in GREETING_WORDS and w.cap and not w.upper and w.folded not in allow_list():
            return "greeting"
        return None

    @staticmethod
    def _cue_word(text: str, start: int) -> str:
        before = text[max(0, start - 30) : start].split()
        return before[-1] if before else "_"

    def _classify(self, text: str, words: list[Word], i: int) -> str | None:
        """Why ``words[i]`` starts a person name (a rule name), or None."""
        w = words[i]
        e = w.entry
        assert e is not None
        before = text[max(0, w.start - 45) : w.start]
        if ALLOWED_BEFORE.search(before):
            return None
        cue = CUE_BEFORE.search(before)
        if cue is not None and ":" in before[cue.end("cue") :] and "\n" in before[cue.end("cue") :]:
            # "Lettre au chirurgien :\nCher confrère": a heading's last word, not a cue.
            cue = None
        cue_kind = None
        if cue:
            c = cue.group("cue").casefold()
            if TITLE_CUE_RE.match(c):
                cue_kind = "title"
            elif KIN_CUE_RE.match(c) or c == "famille" or NAMING_CUE_RE.search(before):
                cue_kind = "kin"
            else:
                cue_kind = "contact"
        elif NAMING_CUE_RE.search(before):
            cue_kind = "kin"  # "il s'appelait Lagarde", "un certain Poulain"
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
            and nxt.folded not in NOT_NAME_FOLDED
        )
        if w.cap:
            if (
                cue_kind == "kin"
                and w.upper
                and (len(w.text) <= 2 or (len(w.text) == 3 and e.first < COMMON_FIRST))
            ):
                return None  # "ma marraine NA", "mon fils TSA": acronyms; not "ma fille LEA"
            if cue_kind in ("title", "kin") and (e.surname or e.first):
                return cue_kind
            if (
                w.upper
                and len(w.text) <= 4
                and not (i == len(words) - 1 and sentence_start(text, w.start))
            ):
                # "JO", "AMA", "ANAH": short words in capitals are acronyms, unless one signs
                # the message ("… laissez-vous porter. LOU").
                return None
            if not e.first:
                # A surname alone, capitalised: after a title or kinship word (above), or after
                # "avec", "chez", "les", "famille" if it is not a common word ("avec Duval",
                # "les Lefebvre"; not "chez Leclerc", a shop).
                if (
                    cue_kind == "contact"
                    and not e.is_word
                    and e.surname >= 10
                    and w.folded not in BRAND_SURNAMES
                    and w.folded not in PLACE_LIKE
                    and not sentence_start(text, w.start)
                ):
                    return "contact"
                # A surname that is no French word, mid-sentence, as the subject of a verb
                # ("hier Kerbrat m'a dit", "et Fofana est venu"): people name others by their
                # surname alone. Not after a capitalised word, an initial or a particle
                # ("G. Musso a", "Simone de Beauvoir a", "le Premier Ministre X vient": book
                # reviews and news name public figures that way), nor opening a sentence
                # ("Vian est un auteur"), where a reviewer names an author.
                prev = words[i - 1] if i > 0 else None
                if (
                    plain_surname(e)
                    and not w.upper
                    and prev is not None
                    and not prev.cap
                    and prev.folded not in LOWER_PARTICLES
                    and text[prev.end : w.start] == " "
                    and not sentence_start(text, w.start)
                    and w.folded not in BRAND_SURNAMES
                    and w.folded not in PLACE_LIKE
                    and SUBJECT_VERB_AFTER.match(text, w.end)
                ):
                    return "surname_subject"
                return None
            if not e.is_word:
                if e.first < COMMON_FIRST and not surname_next and _PLACE_CUE.search(before):
                    return None  # "un kiné sur Annecy ?": a town that is a rare first name
                if (
                    sentence_start(text, w.start)
                    and e.first < RARE_FIRST
                    and not surname_next
                    and not VERB_AFTER.match(text, w.end)
                ):
                    return None  # a rare name opening a sentence: a typo ("Meric") or a title
                return "first_name"
            # A first name that is also a word ("Rose", "Pierre", "Claude").
            if cue_kind in ("kin", "title") or (cue_kind == "contact" and e.first >= COMMON_FIRST):
                return cue_kind
            if surname_next and nxt is not None and nxt.entry is not None and nxt.entry.surname:
                return "first_surname"
            if w.folded in PLACE_LIKE or e.first < COMMON_FIRST:
                return None  # "Premier", "Ah": rare as names, common as words
            if self._signature_or_pair(text, words, i):
                return "first_name_word"
            if not sentence_start(text, w.start) and not w.upper:
                prev = words[i - 1] if i > 0 else None
                if prev is not None and prev.cap and text[prev.end : w.start].strip(" >") == "":
                    # "Octobre Rose", "Croix Blanche": a capitalised phrase (a placeholder
                    # before counts as capitalised, so a second pass decides the same way).
                    return None
                return "first_name_mid"
            return None
        # Lower case: people type names that way, but so do they type "rose" and "pierre".
        if w.folded in FUNCTION_WORDS:
            return None  # "mon fils va bien": words, not "Va"
        if len(w.folded) <= 2:
            # "prof, mi-temps": not "Mi"; but "dr ba", "mme ly": two-letter West African and
            # Vietnamese surnames after a title are names.
            ok = cue_kind == "title" and e.surname >= 12 and not e.is_word
            return "title" if ok else None
        if cue_kind == "title" and cue is not None and fast_fold(cue.group("cue")) == "maitre":
            return None  # "le maître mot": a lawyer's name after "Maître" is capitalised
        if not e.first:
            # "le docteur fontaine": a surname after a title, if not a common word or a
            # frequent surname ("fontaine", "petit"; not "marche", "jeune").
            ok = e.surname and (not e.is_word or e.surname >= FREQUENT_SURNAME)
            return "title" if cue_kind == "title" and ok else None
        if cue_kind in ("kin", "title"):
            if cue_kind == "kin" and e.is_word and e.first < RARE_FIRST:
                return None  # "ma mère sait pas": a verb, a name given to a few dozen babies
            return cue_kind
        if cue_kind == "contact" and not e.is_word:
            return "contact"
        if _AFTER_QUANTITY.search(before):
            return None  # "500ml max", "2 ans max": a word after a number and its unit
        if not e.is_word and e.first >= self.min_lower_first:
            return "first_name_lower"
        nxt_e = nxt.entry if nxt is not None else None
        if (
            e.first >= COMMON_FIRST
            and nxt is not None
            and not nxt.cap
            and plain_surname(nxt_e)
            and text[w.end : nxt.start] == " "
        ):
            return "first_surname_lower"  # "aurore lemaitre"
        prev_folded = words[i - 1].folded if i > 0 else ""
        opens = i == 0 or sentence_start(text, w.start) or prev_folded in OPENERS
        if e.first >= 14 and opens and SUBJECT_VERB_AFTER.match(text, w.end):
            return "subject_lower"  # "ah aurore m'a dit"
        return None

    @staticmethod
    def _continues(text: str, words: list[Word], j: int, first_cap: bool) -> bool:
        """``words[j]`` continues the name that ends at ``words[j - 1]``."""
        prev, w = words[j - 1], words[j]
        gap = text[prev.end : w.start]
        if gap not in (" ", "\u00a0"):
            return False
        if text[w.end : w.end + 1].isdigit():
            return False  # "Jeanine Maréchal FR86 3000…": the letters of an IBAN, a code
        if w.text in PARTICLES:
            # "Soazig Le Gall", "Maria Da Silva": a particle followed by a capitalised word.
            after = words[j + 1] if j + 1 < len(words) else None
            return (
                after is not None
                and text[w.end : after.start] == " "
                and after.cap
                and after.folded not in NOT_NAME_FOLDED
                # After a noble "de" ("de La Roche") the word is a surname even when a
                # company shares it (Roche is on the allow-list as a laboratory).
                and (after.folded not in allow_list() or prev.text in ("de", "du"))
            )
        if first_cap and w.text in _FOREIGN_PARTICLES and j + 1 < len(words):
            # "Yasmine el Idrissi", "Rui dos Santos", "Anh van Dijk": a particle no French
            # phrase uses, then a capitalised surname.
            after = words[j + 1]
            return (
                text[w.end : after.start] == " "
                and after.cap
                and after.folded not in NOT_NAME_FOLDED
                and after.folded not in allow_list()
            )
        if first_cap and w.text in ("de", "du") and j + 2 < len(words):
            # "Bérengère de La Roche", "Anne du Le Guern": a lower-case noble particle, then a
            # capitalised article and a capitalised surname (not a town: "de La Rochelle").
            art, sur = words[j + 1], words[j + 2]
            return (
                art.text in ("La", "Le", "Les")
                and text[w.end : art.start] == " "
                and text[art.end : sur.start] == " "
                and sur.cap
                and f"{art.folded} {sur.folded}" not in _ARTICLE_TOWNS
                and sur.folded not in NOT_NAME_FOLDED
            )
        if not first_cap and not w.cap and w.text in LOWER_PARTICLES:
            # "gwenola le bihan", "nguyen van thanh": typed in lower case, the particle
            # continues the name when a surname that is not a common word follows, or a
            # word neither the lexicon nor the French word table knows ("yohann le guen").
            after = words[j + 1] if j + 1 < len(words) else None
            ends = after is not None and (after.end == len(text) or text[after.end] in "\n,.;!?)")
            return (
                after is not None
                and text[w.end : after.start] == " "
                and not after.cap
                and (
                    # Not a common word: "dédé le voisin" is a neighbour, "le bihan" a name.
                    (is_surname_like(after.entry) and not after.entry.is_word)
                    # A frequent surname that is also a word, closing a signature after a
                    # common first name ("… normal ? sylviane le roux").
                    or (
                        ends
                        and w.text in ("le", "la")
                        and after.entry is not None
                        and after.entry.surname >= FREQUENT_SURNAME
                        and prev.entry is not None
                        and prev.entry.first >= COMMON_FIRST
                        and not prev.entry.is_word
                    )
                    or (
                        (after.entry is None or not (after.entry.first or after.entry.is_word))
                        and len(after.text) >= 3
                        and after.folded not in FUNCTION_WORDS
                        and not is_french_word(after.text)
                    )
                )
            )
        if w.folded in CUE_WORDS and w.folded not in ("mai",):
            return False  # "ROUSSEL Prénom : Audrey", "Martin Merci"
        noble = j >= 2 and prev.text in PARTICLES and words[j - 2].text in ("de", "du")
        if (w.folded in NOT_NAME_FOLDED or w.folded in allow_list()) and not noble:
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
        if first_cap:
            return False
        if e is None:
            # "karim benalli": a word the lexicon and the French word table both ignore, right
            # after a common first name that is no word, is a rare surname. (SMS words such as
            # "jsuis", "tkt" are in the word table.)
            pe = prev.entry
            return (
                pe is not None
                and pe.first >= COMMON_FIRST
                and not pe.is_word
                and len(w.text) >= 4
                and w.text.isalpha()
                and not is_french_word(w.text)
            )
        if not e.surname:
            return False
        return not e.is_word or e.surname >= FREQUENT_SURNAME
