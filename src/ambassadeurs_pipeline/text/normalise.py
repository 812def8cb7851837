"""Text repair and normalisation for French user comments (cleaning; reused by topics).

Raw exports mix mojibake (``CafÃ©``), HTML from forum back-offices, URLs, ``@handles``,
emoji, NUL bytes and bidi control characters. :func:`normalise_text` turns one comment into
the text used for modelling and a few counts kept as features:

- Unicode repair with ftfy (mojibake, NFC, width), control and bidi characters removed;
- HTML entities decoded (repeatedly, exports are often double-escaped) and tags removed;
- URLs → ``<URL>``, mentions of other users → ``<MENTION>`` (a handle is personal data);
- emoji counted, then removed from the text;
- whitespace collapsed (single newlines kept: signatures are detected line by line).

The function is idempotent and total: it never raises on a ``str`` and
``normalise_text(normalise_text(x).text).text == normalise_text(x).text``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

import ftfy

URL_PLACEHOLDER = "<URL>"
MENTION_PLACEHOLDER = "<MENTION>"

#: Placeholders written by cleaning (text and PII). HTML stripping must never remove them.
PLACEHOLDERS = (
    "URL",
    "MENTION",
    "PERSONNE",
    "EMAIL",
    "TEL",
    "NIR",
    "IBAN",
    "ADRESSE",
    "DATE_NAISSANCE",
)
_PLACEHOLDER_RE = re.compile(r"<(?:" + "|".join(PLACEHOLDERS) + r")>")

# C0/C1 controls except tab and newline, plus bidi overrides/isolates and other invisible
# format characters that can hide text from a human reviewer.
_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
_CR_RE = re.compile(r"\r\n?")
_TAG_RE = re.compile(
    r"<(?!(?:" + "|".join(PLACEHOLDERS) + r")>)/?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>"
)
_BLOCK_TAG_RE = re.compile(r"<(?:br|/p|/div|/li|p|div|li)\b[^<>]*>", re.IGNORECASE)
_HTML_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)

# Without a scheme, a URL is recognised by its suffix: overseas France (re, gp, mq, gf, yt,
# nc, pf), neighbouring countries and link or form hosts (forms.gle, goo.gl, linktr.ee) too.
_TLDS = (
    "com|fr|net|org|io|ly|be|ch|ca|info|biz|shop|store|xyz|eu|co|me|site|online|top|click|"
    "gle|gl|ee|app|link|page|dev|ai|tv|de|es|pt|uk|us|lu|nl|ma|dz|tn|sn|re|gp|mq|gf|yt|nc|pf|"
    "health|care|bio|blog|club|live|news|pro|team|social|fm"
)
URL_RE = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+"
    # Not the local part of an e-mail address ("papa.de.noa@gmail.com": "de" is a suffix).
    r"|(?<![@\w.-])(?:[A-Za-z0-9-]+\.)+(?:" + _TLDS + r")\b(?![\w.-]*@)(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?)]}\"'»"
MENTION_RE = re.compile(r"(?<![\w@.<])@\w[\w.-]*")

_PICT = (
    "\u203c\u2049\u2122\u2139\u2194-\u2199\u21a9\u21aa\u231a\u231b\u2328\u23cf\u23e9-\u23f3"
    "\u23f8-\u23fa\u24c2\u25aa\u25ab\u25b6\u25c0\u25fb-\u25fe\u2600-\u27bf\u2934\u2935"
    "\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u3030\u303d\u3297\u3299"
    "\U0001f000-\U0001f1e5\U0001f201-\U0001faff"
)
_MODIFIERS = "\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\u20e3"
EMOJI_RE = re.compile(
    rf"(?:[{_PICT}][{_MODIFIERS}]*(?:\u200d[{_PICT}][{_MODIFIERS}]*)*)"
    r"|(?:[\U0001f1e6-\U0001f1ff]{1,2})"
    rf"|(?:[0-9#*]\ufe0f?\u20e3)"
)
_STRAY_EMOJI_PARTS = re.compile(rf"[{_MODIFIERS}\u200d\U000e0020-\U000e007f]")

_HSPACE_RE = re.compile(r"[^\S\n]+")
_NEWLINES_RE = re.compile(r" ?\n[\s]*")
#: Cheap gate for :data:`URL_RE`: every URL it matches holds "://", "www." or "." + a known
#: suffix (same flags), and this search skips to those quickly (a text of ~240 characters
#: without any: ~2 µs instead of ~30 µs for URL_RE, whose matches can start at any word).
_URL_GATE = re.compile(r"://|www\.|\.(?:" + _TLDS + r")\b", re.IGNORECASE)
#: Every character EMOJI_RE or _STRAY_EMOJI_PARTS can match is at or above U+200D (ZWJ):
#: a text without any is left as is without running them.
_EMOJI_GATE = re.compile("[\u200d-\U0010ffff]")


def _printable_or_newline(text: str) -> bool:
    """True when every character is printable or a newline (checked in C, ~1 ns a character).

    Such a text holds no character of ``_CONTROL_RE`` (controls and invisible format
    characters are all non-printable) and no whitespace but " " and "\n" (every other
    Unicode space is non-printable), so the regexes that remove those can be skipped: on the
    demo corpus these checks replace ~60 % of the normaliser's regex scans.
    """
    return text.isprintable() or text.replace("\n", "").isprintable()


@dataclass(frozen=True)
class NormalisedText:
    """One normalised comment: modelling text and the features taken out of it."""

    text: str
    emoji_count: int
    url_count: int
    mention_count: int


def junk_share(text: str) -> float:
    """Share of non-space characters that are controls, replacement characters or
    private-use/unassigned code points: near 1 for binary junk pasted as text."""
    if not text:
        return 0.0
    sample = text[:20_000]
    # str.split() splits on exactly the characters re's \s matches (str.isspace), and is
    # ~20x faster than removing them with a regex; most texts pass the first test already.
    if _printable_or_newline(sample) or "".join(sample.split()).isprintable():
        return 0.0  # fast path: no control, private-use or unassigned character at all
    total = bad = 0
    for char in sample:
        if char.isspace():
            continue
        total += 1
        if char == "\ufffd" or unicodedata.category(char) in {"Cc", "Co", "Cn", "Cs"}:
            bad += 1
    return bad / total if total else 0.0


def _unescape_html(text: str) -> str:
    # Exports are sometimes escaped twice (``&amp;eacute;``); decode to a fixed point.
    for _ in range(4):
        if "&" not in text:
            break
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _prepare(text: str) -> str:
    """Line endings, control characters and whitespace: the first step of every pass."""
    text = str(text)
    # Each substitution runs only when its characters can be present (same result, and
    # the scans are most of the normaliser's cost; a text often goes through this 2-4 times).
    if "\r" in text:
        text = _CR_RE.sub("\n", text)
    if not _printable_or_newline(text):
        text = _CONTROL_RE.sub("", text)
    return collapse_whitespace(text)


#: Characters that appear in mojibake (UTF-8 read as cp1252/latin-1: "Ã©", "â€™", "Â«",
#: Greek/Cyrillic "Î", "Ð"), full-width forms and ligatures. Texts without any are left to
#: NFC and quote straightening; ftfy (the costly part of cleaning) runs on the others.
_FTFY_HINT = re.compile(
    "[\u00c2\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u0080-\u009f\ufb00-\ufb06\uff01-\uff5e\ufffd]|\u00e2\u20ac|\u00e2\u0080"
)
#: Curly quotes and primes straightened (what ftfy's ``uncurl_quotes`` does on the texts
#: it repairs).
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2032": "'",
    "\u2033": '"',
}


def _straighten_quotes(text: str) -> str:
    # One str.replace per quote present rather than str.translate: translate takes a slow
    # per-character path on non-ASCII text (~25 µs for a 240-character comment, against
    # ~1 µs). The same result, since every replacement is ASCII and never itself replaced.
    for curly, straight in _QUOTES.items():
        if curly in text:
            text = text.replace(curly, straight)
    return text


def _repair_prepared(text: str) -> str:
    # The gates ("<!--", ASCII, "<") only skip scans that could not match: same result.
    if "<!--" in text:
        text = _HTML_COMMENT_RE.sub(" ", text)
    text = _unescape_html(text)
    if text.isascii():
        pass  # every _FTFY_HINT character is non-ASCII, and NFC leaves ASCII unchanged
    elif _FTFY_HINT.search(text):
        text = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=True, normalization="NFC")
        text = _CONTROL_RE.sub("", text)
    else:
        text = _straighten_quotes(unicodedata.normalize("NFC", text))
    if "<" in text:
        text = _BLOCK_TAG_RE.sub("\n", text)
        text = _TAG_RE.sub(" ", text)
    return text


def repair_text(text: str) -> str:
    """Repair encoding and Unicode problems and remove HTML; no placeholders, no emoji work."""
    return _repair_prepared(_prepare(text))


def _strip_url(match: re.Match[str]) -> str:
    url = match.group(0)
    stripped = url.rstrip(_URL_TRAILING)
    return URL_PLACEHOLDER + url[len(stripped) :]


def replace_urls(text: str) -> tuple[str, int]:
    """Replace URLs (with or without scheme) by ``<URL>``; returns the text and the count."""
    if not _URL_GATE.search(text):
        return text, 0
    return URL_RE.subn(_strip_url, text)


def replace_mentions(text: str) -> tuple[str, int]:
    """Replace ``@handle`` mentions by ``<MENTION>``; e-mail addresses are left alone."""
    if "@" not in text:
        return text, 0  # the pattern needs an "@" (cheaper than its scan)

    def repl(match: re.Match[str]) -> str:
        handle = match.group(0)
        stripped = handle.rstrip(".-")
        return MENTION_PLACEHOLDER + handle[len(stripped) :]

    return MENTION_RE.subn(repl, text)


def remove_emoji(text: str) -> tuple[str, int]:
    """Remove emoji (ZWJ sequences, flags, keycaps count once); returns text and count."""
    if not _EMOJI_GATE.search(text):
        return text, 0
    text, count = EMOJI_RE.subn(" ", text)
    return _STRAY_EMOJI_PARTS.sub("", text), count


def collapse_whitespace(text: str) -> str:
    """One space between words, single newlines between lines, no leading/trailing space."""
    # Without a double space or any space but " " and "\n", _HSPACE_RE would only replace
    # single spaces by themselves; without "\n", _NEWLINES_RE cannot match.
    if "  " in text or not _printable_or_newline(text):
        text = _HSPACE_RE.sub(" ", text)
    if "\n" in text:
        text = _NEWLINES_RE.sub("\n", text)
    return text.strip()


def truncate(text: str, max_chars: int) -> str:
    """Cut ``text`` to at most ``max_chars`` characters, at a word boundary when possible."""
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    space = cut.rfind(" ", max_chars // 2)
    return cut[:space] if space > 0 else cut


def _normalise_prepared(text: str, max_chars: int | None) -> NormalisedText:
    text = _repair_prepared(text)
    text, url_count = replace_urls(text)
    text, mention_count = replace_mentions(text)
    text, emoji_count = remove_emoji(text)
    text = collapse_whitespace(text)
    if max_chars is not None:
        text = truncate(text, max_chars)
    return NormalisedText(text, emoji_count, url_count, mention_count)


def normalise_text(text: str, max_chars: int | None = None) -> NormalisedText:
    """Normalise one comment for modelling (see the module docstring).

    Args:
        text: the raw comment; ``None``/NA are treated as empty.
        max_chars: if set, longer texts are cut (before the costly steps, with margin for
            HTML, and again at the end) so a 1 MB paste cannot stall the pipeline.
    """
    if text is None or not isinstance(text, str):
        text = "" if text is None or text != text else str(text)
    if max_chars is not None and len(text) > 4 * max_chars:
        text = text[: 4 * max_chars]
    prepared = _prepare(text)
    result = _normalise_prepared(prepared, max_chars)
    # A pass is f = g ∘ prepare. When its output equals the prepared input, applying it
    # again gives the same result, so the text is a fixed point. Otherwise the steps may
    # interact (ftfy reads "Ã " differently once spaces are collapsed; removing a tag can
    # join two halves of an entity): repeat until nothing changes.
    emoji, urls, mentions = result.emoji_count, result.url_count, result.mention_count
    for _ in range(3):
        if result.text == prepared:
            break
        prepared = _prepare(result.text)
        again = _normalise_prepared(prepared, max_chars)
        if again.text == result.text:
            break
        # Placeholders are not matched again, so these counts are of new finds only.
        emoji += again.emoji_count
        urls += again.url_count
        mentions += again.mention_count
        result = again
    return NormalisedText(result.text, emoji, urls, mentions)


def strip_placeholders(text: str) -> str:
    """The text without any cleaning placeholder (to decide whether real words remain)."""
    return _PLACEHOLDER_RE.sub(" ", text)


def has_words(text: str) -> bool:
    """True when ``text`` holds at least one letter or digit outside placeholders."""
    return any(char.isalnum() for char in strip_placeholders(text))
