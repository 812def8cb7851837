"""French-aware question detection (also handles plain English questions).

A comment is a question when one of its sentences is: it ends with "?", or it has an
interrogative form that people often type without "?" on forums and in SMS style:

- "est-ce que / est ce que / esque", "qu'est-ce que";
- an interrogative word opening the sentence ("comment", "pourquoi", "quand", "combien",
  "où", "quel(le)(s)", "lequel", "à quoi", "qui peut"...);
- subject-verb inversion "peut-on", "faut-il", "avez-vous", "dois-je", "y a-t-il";
- requests for information: "quelqu'un sait si", "qqn a déjà", "savez-vous", "une idée ?",
  "des conseils", "je me demande si", "je voudrais savoir", "help".

Relative or reported uses ("comment je m'en suis sorti, c'est simple", "quand j'ai pris")
are not questions when the sentence does not open with the word and has no "?", which is
the main source of false positives for a "contains an interrogative word" rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…;\n])\s+|\n+")

_WH_START = re.compile(
    r"^(?:et\s+|mais\s+|alors\s+|du\s+coup\s+|bonjour\s*,?\s+|svp\s*,?\s+)?"
    r"(?:comment(?!\s+(?:je|j'|on)\s+(?:m'en|s'en|ai|suis|l'ai|fais|faisais)\b)|pourquoi|combien|"
    r"quand(?!\s+(?:j'|je|on|il|elle|tu|vous|nous|le|la|les|l'|un|une|mon|ma|mes|ça|ca|c'|tout)\b)|"
    r"où|ou\s+(?:trouver|acheter|aller|faire)|quel(?:le)?s?\b|lequel|laquelle|lesquel(?:le)?s|"
    r"à\s+quoi|a\s+quoi|de\s+quoi|qui\s+(?:peut|pourrait|sait|a|connait|connaît|conna[iî]trait)|"
    r"que\s+(?:faire|dois|puis|peut|faut|pensez|penses|me)|"
    r"how|why|what|when|where|which|who|is\s+it|are\s+there|can\s+i|should\s+i|does|do\s+(?:you|i))\b",
    re.IGNORECASE,
)
_ANYWHERE = re.compile(
    r"(?:(?<![cC]')\best[\s-]?ce\s+qu|\besque\b|\bqu'est[\s-]?ce|\b(?:"
    r"(?<!si\s)quelqu['\s]?un\s+(?:sait|saurait|a|aurait|conna[iî]t|peut|pourrait)|qqn\s+(?:sait|a|conna[iî]t|peut)|"
    r"quelqu['\s]?un\s+(?:d'entre\s+vous|ici)|"
    r"(?:vous\s+)?savez[\s-]vous|sauriez[\s-]vous|pourriez[\s-]vous|pouvez[\s-]vous|"
    r"je\s+me\s+demande(?:ais)?\s+(?:si|comment|pourquoi|quand|combien|où)|"
    r"(?:je\s+(?:voudrais|voulais|souhaiterais|aimerais)|j'aimerais)\s+savoir|je\s+me\s+demande\s+s'|"
    r"je\s+cherche\s+(?:comment|à\s+savoir|si)|vous\s+savez\s+(?:si|comment|où|quand|pourquoi|combien)|"
    r"(?:ça|ca)\s+vous\s+arrive|"
    r"une\s+idée|des\s+id[ée]es|des\s+conseils\s*\??$|des\s+retours|vos\s+avis|votre\s+avis|"
    r"des\s+infos|besoin\s+d'(?:aide|infos|avis|conseils)|help)\b)",
    re.IGNORECASE,
)
# Interrogative words inside the sentence ("vous venez pourquoi", "depuis combien de
# temps", "c'est quel type", "elles sont où"), except in reported or causal uses.
_WH_INSIDE = re.compile(
    r"(?<!expliquait )(?<!explique )(?<!expliqué )(?<!raconte )(?<!comprends )(?<!sais )(?<!c'est )(?<!sais pas )(?<!sait pas )(?<!comprends pas )(?<!savoir )(?<!voilà )"
    r"\b(?:pourquoi|combien|quel(?:le)?s?)\b(?!\s+point\b)|\b(?:sont|est|c'est|ça|as|avez|vas|allez)\s+où\s*(?:exactement|ça)?\s*$|"
    r"\bcomment\s+(?:ça|ca)\s+va\b|(?<![cC]')\best[\s-]ce\b",
    re.IGNORECASE,
)
# Inversion typed without the hyphen, at the start: "fumez vous", "avez vous des enfants".
_INVERSION_NO_HYPHEN = re.compile(r"^(?:et\s+)?[a-zàâçéèêëîïôûùüÿœ]+ez\s+vous\b", re.IGNORECASE)
# Inversion: verb-hyphen-subject pronoun ("peut-on", "faut-il", "avez-vous", "y a-t-il").
_INVERSION = re.compile(
    r"\b[a-zàâçéèêëîïôûùüÿœ]+-(?:t-)?(?:on|il|ils|elle|elles|je|tu|vous|nous)\b(?!-)",
    re.IGNORECASE,
)
# Imperative/affirmative forms that look like inversion but are not questions.
_NOT_INVERSION = re.compile(
    r"\b(?:dites|donnez|allez|prenez|faites|sachez|voyez|rappelez|tenez|gardez|excusez|"
    r"laissez|écoutez|pensez|va|dis|donne|fais|prends)-(?:vous|nous|moi|le|la|les|lui|en|y)\b|"
    r"\b(?:peut-être|vis-à-vis|au-dessus|là-dessus|c'est-à-dire|celui-ci|celle-ci|ceux-ci|ci-dessus|rendez-vous)\b|"
    # Incidental inversions ("c'est le phénomène d'Uhthoff, paraît-il") report, they do not ask.
    r"\b(?:para[iî]t-il|semble-t-il|dit-on|dirait-on|sait-on\s+jamais)\b",
    re.IGNORECASE,
)
# "-vous" after a verb is an imperative ("rincez-vous la bouche", "accrochez-vous") unless the
# verb is one people ask with ("avez-vous", "savez-vous"): the inversion alone is ambiguous.
_VOUS_QUESTION_VERBS = frozenset(
    "avez êtes etes pouvez savez connaissez pensez prenez faites utilisez conseillez recommandez "
    "voulez croyez trouvez arrivez devez allez auriez sauriez pourriez connaîtriez feriez "
    "gérez gerez faisiez vivez supportez".split()
)
# "Quel bonheur !", "quelle belle émotion." are exclamations: "quel" + one or two words, no "?".
_EXCLAMATIVE = re.compile(
    r"^(?:oh\s+|ah\s+)?quel(?:le)?s?\s+(?:[^\s-]+\s*){1,2}[.!…]*$", re.IGNORECASE
)
# Reported questions ("il expliquait pourquoi le rappel est important") state, they do not ask.
_REPORTING = re.compile(
    r"\b(?:expliqu\w*|racont\w*|compris|comprends|comprendre|sais|savais|sait|savoir|dit|montr\w*|"
    r"appris|lu|vu|découvert|decouvert)\b",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(str(text)) if s and s.strip()]


def is_question_sentence(sentence: str) -> bool:
    s = sentence.strip().replace("’", "'")
    if not s:
        return False
    if s.rstrip(" .!…)").endswith("?") or "?" in s:
        return True
    if _EXCLAMATIVE.match(s):
        return False
    if _WH_START.match(s) or _ANYWHERE.search(s) or _INVERSION_NO_HYPHEN.match(s):
        return True
    inside = _WH_INSIDE.search(s)
    if inside and not _REPORTING.search(s[: inside.start()]):
        return True
    cleaned = _NOT_INVERSION.sub(" ", s)
    for match in _INVERSION.finditer(cleaned):
        verb, _, subject = match.group(0).lower().partition("-")
        if not subject.endswith("vous") or verb in _VOUS_QUESTION_VERBS:
            return True
    return False


def is_question(text: str) -> bool:
    """Whether the comment asks something (any of its sentences is a question)."""
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return False
    return any(is_question_sentence(s) for s in split_sentences(str(text)))


def detect_questions(texts: Iterable[str]) -> np.ndarray:
    """``is_question`` for each text, as a boolean array."""
    return np.fromiter((is_question(t) for t in texts), dtype=bool)
