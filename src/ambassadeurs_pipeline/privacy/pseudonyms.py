"""Keyed pseudonyms for author identifiers (GDPR art. 4(5) pseudonymisation).

The same function is applied to the comment export's authors and to the campaign's unit ids,
so the two can be joined without either holding a real handle downstream of cleaning. A
keyed hash (HMAC-SHA256) rather than a plain hash: without the secret salt, nobody can
rebuild the table handle → pseudonym by hashing a list of known forum handles.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

import pandas as pd

#: Salt used only for the bundled demo corpus, documented in the README. It is public, so
#: pseudonyms made with it protect nothing: real exports must use a secret salt.
DEMO_SALT = "ambassadeurs-demo-salt-public-not-secret"
#: Prefix that makes pseudonyms recognisable (and greppable by the erasure tooling).
PSEUDONYM_PREFIX = "au_"
_DIGEST_CHARS = 16  # 64 bits: collision-free in practice for millions of authors.
MIN_SALT_LENGTH = 16


class SaltError(ValueError):
    """Raised when the pseudonymisation salt is missing or too weak."""


def normalise_handle(handle: str) -> str:
    """Canonical form of a handle, so ``"Marie_D "`` and ``"marie_d"`` are the same person.

    Exports from different tools differ in case, surrounding spaces and Unicode composition.
    """
    return unicodedata.normalize("NFC", str(handle)).strip().casefold()


def check_salt(salt: str | None) -> str:
    """Return ``salt`` if usable, else raise :class:`SaltError` with how to fix it."""
    if not salt or not isinstance(salt, str):
        raise SaltError(
            "No pseudonymisation salt. Add to conf/local/credentials.yml:\n"
            "  pseudonymisation:\n    salt: <a long random string>\n"
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
    if len(salt) < MIN_SALT_LENGTH:
        raise SaltError(
            f"The pseudonymisation salt is {len(salt)} characters long; use at least "
            f"{MIN_SALT_LENGTH} (python -c 'import secrets; print(secrets.token_urlsafe(32))')."
        )
    return salt


def pseudonymise(handle: str, salt: str) -> str:
    """Pseudonym of one author handle: ``au_`` + 16 hex chars of HMAC-SHA256(salt, handle)."""
    digest = hmac.new(
        check_salt(salt).encode("utf-8"), normalise_handle(handle).encode("utf-8"), hashlib.sha256
    ).hexdigest()
    return PSEUDONYM_PREFIX + digest[:_DIGEST_CHARS]


def pseudonymise_series(handles: pd.Series, salt: str) -> pd.Series:
    """Pseudonymise a column of handles; missing or blank handles stay missing.

    Hashes each distinct handle once (active authors post thousands of times).
    """
    check_salt(salt)
    present = handles.notna() & handles.astype("string").str.strip().ne("")
    uniques = pd.unique(handles[present].astype(str))
    mapping = {h: pseudonymise(h, salt) for h in uniques}
    out = pd.Series(pd.NA, index=handles.index, dtype="string")
    out[present] = handles[present].astype(str).map(mapping)
    return out


def salt_fingerprint(salt: str) -> str:
    """Identifier of a salt that reveals nothing about it, for the processing register."""
    return hashlib.sha256(("fingerprint:" + check_salt(salt)).encode()).hexdigest()[:12]


def new_salt() -> str:
    """A fresh random salt suitable for ``conf/local/credentials.yml``."""
    return secrets.token_urlsafe(32)
