"""Small hand-made ``comments_raw`` frames for the cleaning tests."""

from __future__ import annotations

import pandas as pd
import pytest

from ambassadeurs_pipeline.contracts import COMMENTS_RAW_SCHEMA

SALT = "test-salt-for-cleaning-unit-tests"


def make_raw(
    texts: list[str], authors: list[str | None] | None = None, times: list[str] | None = None
) -> pd.DataFrame:
    n = len(texts)
    frame = pd.DataFrame(
        {
            "comment_id": pd.array([f"c{i:03d}" for i in range(n)], dtype="string"),
            "text": pd.array(texts, dtype="string"),
            "author": pd.array(authors or [f"user{i}" for i in range(n)], dtype="string"),
            "created_at": pd.to_datetime(
                times or [f"2025-01-{1 + i % 28:02d} 10:00" for i in range(n)]
            ).astype("datetime64[ns]"),
            "thread_id": pd.array(["t1"] * n, dtype="string"),
            "parent_id": pd.array([None] * n, dtype="string"),
            "source": pd.array(["forum"] * n, dtype="string"),
            "likes": pd.array([0] * n, dtype="Int64"),
            "source_row": range(1, n + 1),
        }
    )
    frame["source_row"] = frame["source_row"].astype("int64")
    return COMMENTS_RAW_SCHEMA.validate(frame)


#: Texts covering every bad-input case of the issue, with what must happen to each.
BAD_INPUTS = {
    "empty": ("", "texte_vide"),
    "spaces": ("   \n\t ", "texte_vide"),
    "emoji_only": ("😀😀👍🏽", "emojis_seulement"),
    "urls_only": ("https://a.fr www.b.com", "liens_seulement"),
    "binary": ("".join(chr(c) for c in range(1, 9)) * 20 + "\ufffd" * 40, "contenu_binaire"),
    "punctuation": ("!!! ... ???", "sans_texte_utilisable"),
    "rtl": ("أعاني من الصداع منذ أسبوع، هل هذا طبيعي؟", None),
    "nul_bytes": ("Bonjour\x00 à tous,\x00 je prends du Levothyrox", None),
    "mojibake": ("Jâ€™ai mal Ã  la tÃªte depuis le dÃ©but", None),
    "huge": ("fatigue " * 130_000, None),
}


@pytest.fixture
def bad_inputs_raw() -> pd.DataFrame:
    return make_raw([text for text, _ in BAD_INPUTS.values()])
