"""Make clean sentences look like what people really type online.

Every function is deterministic given the random numbers passed in (drawn in bulk from the
run's ``numpy`` Generator by the caller), so the corpus stays reproducible and fast:
no function here draws randomness itself.
"""

from __future__ import annotations

import codecs

# SMS abbreviations: word-boundary replacements, applied to authors with an SMS style.
_SMS = {
    "bonjour": "bjr",
    "salut": "slt",
    "s'il te plaît": "stp",
    "s'il vous plaît": "svp",
    "beaucoup": "bcp",
    "pour": "pr",
    "je ne sais pas": "jsp",
    "je sais pas": "jsp",
    "t'inquiète": "tkt",
    "donc": "dc",
    "quand": "qd",
    "pourquoi": "pk",
    "quelqu'un": "qqn",
    "quelque chose": "qqch",
    "aujourd'hui": "ajd",
    "rendez-vous": "rdv",
    "vraiment": "vrmt",
    "toujours": "tjrs",
    "c'est": "c",
    "merci": "mrc",
    "je suis": "chui",
    "tout le monde": "tlm",
    "d'accord": "dac",
    "comme": "cm",
    "parce que": "pcq",
    "avec": "avc",
    "beaucoup de": "bcp de",
}
# Multi-word expressions are replaced with str.replace, single words by a token lookup
# (a big alternation regex was ~30x slower on long posts).
_SMS_MULTI = [
    (k, v)
    for k, v in sorted(_SMS.items(), key=lambda kv: -len(kv[0]))
    if " " in k or "'" in k or "-" in k
]
_SMS_MULTI += [(k[:1].upper() + k[1:], v) for k, v in _SMS_MULTI]
_SMS_WORD = {k: v for k, v in _SMS.items() if " " not in k and "'" not in k and "-" not in k}
_SMS_WORD.update({k[:1].upper() + k[1:]: v for k, v in list(_SMS_WORD.items())})
_SMS_TAILS = ["mdr", "lol", "ptdr", "jsp", "svp", "stp", "merci bcp", "tkt"]

# str.translate with a dict is slow in CPython; a chain of C-level replaces is much faster.
_ACCENT_PAIRS = list(zip("éèêëàâäîïôöùûüçÉÈÊÀÂÎÔÛÇœ", "eeeeaaaiioouuucEEEAAIOUCo"))
_HTML_ENTITIES = {
    "é": "&eacute;",
    "è": "&egrave;",
    "ê": "&ecirc;",
    "à": "&agrave;",
    "ç": "&ccedil;",
    "ô": "&ocirc;",
    "'": "&#39;",
    '"': "&quot;",
    "î": "&icirc;",
    "û": "&ucirc;",
    "É": "&Eacute;",
}


def _latin1_fallback(err: UnicodeDecodeError):
    # cp1252 leaves 5 bytes undefined; browsers show them as their latin-1 code point.
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("demo_latin1_fallback", _latin1_fallback)


def sms(text: str, tail: float) -> str:
    """SMS style: abbreviations, and sometimes a trailing 'mdr' / 'stp'."""
    out = text
    for k, v in _SMS_MULTI:
        if k in out:
            out = out.replace(k, v)
    words = out.split(" ")
    get = _SMS_WORD.get
    out = " ".join([get(w, w) for w in words])
    if tail < 0.35:
        out = f"{out} {_SMS_TAILS[int(tail * 100) % len(_SMS_TAILS)]}"
    return out


def strip_accents(text: str) -> str:
    for a, b in _ACCENT_PAIRS:
        if a in text:
            text = text.replace(a, b)
    return text


def typos(text: str, u: tuple[float, ...]) -> str:
    """1-3 typos: swapped, doubled or dropped letters, or a dropped accent in one word.

    ``u`` holds uniform numbers: u[0] the number of typos, then pairs (word, kind).
    Words with digits, '@' or '/' are left alone (PII, URLs, mentions stay exact).
    """
    words = text.split(" ")
    n = 1 + int(u[0] * 3)
    for k in range(n):
        i = int(u[1 + 2 * k] * len(words))
        w = words[i]
        if len(w) < 4 or not w.isalpha():
            continue
        kind = u[2 + 2 * k]
        p = 1 + int(kind * 1000) % (len(w) - 2)
        if kind < 0.3:  # swap two adjacent letters
            w = w[:p] + w[p + 1] + w[p] + w[p + 2 :]
        elif kind < 0.55:  # double a letter
            w = w[:p] + w[p] + w[p:]
        elif kind < 0.75:  # drop a letter
            w = w[:p] + w[p + 1 :]
        else:  # drop the accents of this word
            w = strip_accents(w)
        words[i] = w
    return " ".join(words)


def html(text: str, u: float) -> str:
    """Scraped-forum residue: HTML entities, <br> line breaks, <b> emphasis."""
    out = text
    if u < 0.6:
        for a, b in _HTML_ENTITIES.items():
            out = out.replace(a, b)
    out = out.replace(". ", ".<br>", 2) if u > 0.3 else out
    if u > 0.7:
        cut = out.find(" ", len(out) // 3)
        if cut > 0:
            out = "<b>" + out[:cut] + "</b>" + out[cut:]
    if u > 0.85:
        out = "<p>" + out + "</p>"
    return out


def mojibake(text: str) -> str:
    """UTF-8 bytes wrongly decoded as cp1252 ('é' -> 'Ã©'), as in broken exports."""
    return text.encode("utf-8").decode("cp1252", errors="demo_latin1_fallback")


def casual(text: str, u: float) -> str:
    """Casual punctuation: all lower case, no final dot, '...' or repeated '!!!'."""
    if u < 0.35:
        return text.lower()
    if u < 0.55:
        return text.rstrip(".")
    if u < 0.75:
        return text.replace(". ", "... ", 1)
    return text.replace("!", "!!!").replace(" ?", "??")


def drop_question_marks(text: str) -> str:
    """Questions without '?' (common online): 'quelqu'un sait si ...'."""
    return text.replace(" ?", "").replace("?", "")
