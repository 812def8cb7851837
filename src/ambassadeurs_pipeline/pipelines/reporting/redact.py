"""Last-line masking of personal data in everything the report prints.

Cleaning already replaces personal data with typed placeholders; this catches what slips
through (a label built from raw keywords, an upstream bug) before it reaches a file that
leaves the organisation on a USB stick. Patterns are anchored on non-word characters so
that hashes, pseudonyms and version stamps are left alone.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# French phone numbers: 0X XX XX XX XX or +33 X XX XX XX XX, with spaces, dots or dashes.
PHONE = re.compile(r"(?<![\w+])(?:\+33[\s.-]?(?:\(0\))?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\w)")
# NIR (French social-security number): sex, year, month, département (2A/2B), commune, order, key.
NIR = re.compile(
    r"(?<!\w)[12][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.]?(?:\d{2}|2[AaBb])[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{2})?(?!\w)"
)

PLACEHOLDERS = ((EMAIL, "[e-mail]"), (NIR, "[NIR]"), (PHONE, "[téléphone]"))


def redact_pii(text: str) -> str:
    """``text`` with e-mails, French phone numbers and NIRs replaced by placeholders."""
    for pattern, placeholder in PLACEHOLDERS:
        text = pattern.sub(placeholder, text)
    return text
