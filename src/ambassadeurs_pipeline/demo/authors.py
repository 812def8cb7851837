"""The author population: latent role, motivation, activity, writing style and handles.

Everything is drawn in bulk (vectorised) from one numpy Generator; only handle
de-duplication loops in Python.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .banks import split_bank as _s
from .lexicon import MOTIVATIONS
from .pii import FIRST_F, FIRST_M, LAST
from .themes import THEMES

ROLES = ["patient", "aidant", "professionnel_de_sante"]
ROLE_P = [0.65, 0.22, 0.13]
MOTIVATION_P = [0.27, 0.23, 0.26, 0.24]
LANGS = ["fr", "en", "es", "de", "ar"]
LANG_P = [0.942, 0.028, 0.01, 0.008, 0.012]

_NICK_A = _s(
    "papillon|soleil|maman|papa|petite|zen|lili|nounou|chat|etoile|fleur|loup|colibri|plume|luciole|tournesol|"
    "guerriere|warrior|doudou|biche|capucine|mimi|titi|nana|momo|loulou"
)
_NICK_B = _s(
    "bleu|du_sud|de_2|de_3|attitude|lyonnaise|bretonne|en_colere|courage|heureuse|du_69|du_13|du_59|78|38|"
    "31|75|44|2024|2019|_fr|positive|qui_rit|des_bois|ensemble"
)
_PRO_HANDLES = _s("infirmiere|infirmier|dr|pharma|kine|sagefemme|docteur|medecin|ide|psy")
_CITIES_H = _s(
    "lyon|paris|marseille|lille|nantes|toulouse|bordeaux|rennes|nice|brest|grenoble|metz|tours|dijon"
)
_SPAM_HANDLES = _s(
    "promo_sante|bien_etre_naturel|crypto.gains|detox_minceur|pharma_discount|offre_speciale|"
    "cbd_relax|gagner_argent|conseil_minceur|sante_secret"
)
_BOT_HANDLES = _s(
    "sante_plus_officiel|natura_boost_bot|vita_promo_fr|healthdeals_24|bienetre_flash|nutri_promo_bot"
)
_FOREIGN_HANDLES = {
    "en": _s("john_uk|sarah.m|mike_t|emily_rose|dave_london|kate_nyc"),
    "es": _s("maria.es|carlos_m|lucia_bcn"),
    "de": _s("anna_berlin|thomas.k|jana_m"),
    "ar": _s("amina_dz|youssef.ma|salma_tn"),
}


def _ascii_lower(s: str) -> str:
    return (
        s.lower()
        .replace("é", "e")
        .replace("è", "e")
        .replace("ë", "e")
        .replace("ï", "i")
        .replace("ç", "c")
        .replace(" ", "")
        .replace("ô", "o")
    )


def _pick(seq: list[str], u: float) -> str:
    return seq[int(u * len(seq))]


def _handle(u: list[float], female: bool, role: str, lang: str) -> str:
    """One raw forum handle in a style chosen by ``u[0]`` (``u``: 6 uniforms drawn in bulk)."""
    if lang != "fr":
        base = _pick(_FOREIGN_HANDLES[lang], u[1])
        return base + str(1 + int(u[2] * 98)) if u[3] < 0.5 else base
    first = _pick(FIRST_F if female else FIRST_M, u[1])
    last = _pick(LAST, u[2])
    style = u[0]
    f = _ascii_lower(first)
    if role == "professionnel_de_sante" and style < 0.35:
        p = _pick(_PRO_HANDLES, u[3])
        if p == "dr":
            return f"dr_{_ascii_lower(last)}"
        return f"{p}.{_pick(_CITIES_H, u[4])}"
    if style < 0.22:
        return f"{f}_du_{1 + int(u[3] * 95):02d}"
    if style < 0.40:
        return f"{first} {last[0]}."
    if style < 0.62:
        return f"{_pick(_NICK_A, u[3])}_{_pick(_NICK_B, u[4])}"
    if style < 0.75:
        return f"{f}{1950 + int(u[3] * 56)}"
    if style < 0.85:
        return f"{f}.{_pick(_CITIES_H, u[4])}"
    if style < 0.93:
        return f"{first}{last[0]}"
    return f"{f}_{_ascii_lower(last)}"


def _unique(handles: list[str]) -> list[str]:
    """Make handles unique by appending a counter (as forums do: marie_du_69_2)."""
    seen: dict[str, int] = {}
    out = []
    for h in handles:
        if h in seen:
            seen[h] += 1
            cand = f"{h}{seen[h]}" if not h.endswith(".") else f"{h[:-1]}{seen[h]}."
            while cand in seen:
                seen[h] += 1
                cand = f"{h}{seen[h]}" if not h.endswith(".") else f"{h[:-1]}{seen[h]}."
            seen[cand] = 0
            out.append(cand)
        else:
            seen[h] = 0
            out.append(h)
    return out


def make_authors(
    rng: np.random.Generator, n_pool: int, n_spammers: int, n_bots: int
) -> pd.DataFrame:
    """Regular authors (``n_pool``), then spam accounts, then bots, as one frame."""
    n = n_pool
    role = rng.choice(3, size=n, p=ROLE_P)
    motivation = rng.choice(4, size=n, p=MOTIVATION_P)
    female = rng.random(n) < np.where(role == 2, 0.6, 0.72)
    lang = rng.choice(len(LANGS), size=n, p=LANG_P)
    activity = rng.lognormal(0.0, 1.15, size=n)
    activity = np.minimum(activity, 25.0)  # no single author dominates the corpus
    # A few dozen super-users (per 20k comments): very active, answer a lot, many likes.
    n_super = max(8, int(round(n * 0.007)))
    fr_idx = np.flatnonzero(lang == 0)
    superuser = np.zeros(n, bool)
    superuser[rng.choice(fr_idx, size=min(n_super, fr_idx.size), replace=False)] = True
    activity[superuser] = rng.uniform(8.0, 20.0, superuser.sum())
    theme_w = np.array([t.weight for t in THEMES])
    primary = rng.choice(len(THEMES), size=n, p=theme_w / theme_w.sum())
    secondary = rng.choice(len(THEMES), size=n, p=theme_w / theme_w.sum())
    disclose_p = np.array([0.55, 0.75, 0.75])[role]
    discloser = rng.random(n) < disclose_p
    frame = pd.DataFrame(
        {
            "role": np.array(ROLES)[role],
            "role_idx": role,
            "motivation": np.array(MOTIVATIONS)[motivation],
            "motivation_idx": motivation,
            "female": female,
            "lang": np.array(LANGS)[lang],
            "activity": activity,
            "is_superuser": superuser,
            "primary_theme": primary,
            "secondary_theme": secondary,
            "discloser": discloser,
            # Writing style: share of comments with the motivation signal, SMS style, typos...
            "p_signal": rng.beta(6, 4, size=n),
            "p_sms": np.where(
                rng.random(n) < 0.2, rng.uniform(0.4, 0.9, n), rng.uniform(0, 0.08, n)
            ),
            "p_typo": rng.beta(1.4, 4, size=n),
            "p_emoji": np.where(
                rng.random(n) < 0.35, rng.uniform(0.3, 0.9, n), rng.uniform(0, 0.1, n)
            ),
            "no_accents": rng.random(n) < 0.10,
            "p_casual": rng.beta(1.2, 4, size=n),
            "is_spammer": False,
            "is_bot": False,
        }
    )
    u = rng.random((n, 5)).tolist()
    handles = [
        _handle(uu, f, ROLES[r], LANGS[lg])
        for uu, f, r, lg in zip(u, female.tolist(), role.tolist(), lang.tolist())
    ]
    # Spam accounts and bots: roles/motivations are meaningless filler (contract columns).
    extra = []
    for i in range(n_spammers):
        extra.append(
            (_SPAM_HANDLES[i % len(_SPAM_HANDLES)] + str(int(rng.integers(1, 999))), True, False)
        )
    for i in range(n_bots):
        extra.append(
            (
                _BOT_HANDLES[i % len(_BOT_HANDLES)] + ("" if i < len(_BOT_HANDLES) else str(i)),
                False,
                True,
            )
        )
    if extra:
        k = len(extra)
        ex = pd.DataFrame(
            {
                "role": "patient",
                "role_idx": 0,
                "motivation": np.array(MOTIVATIONS)[rng.integers(0, 4, k)],
                "female": False,
                "lang": "fr",
                "activity": 0.0,
                "is_superuser": False,
                "primary_theme": 0,
                "secondary_theme": 0,
                "discloser": False,
                "p_signal": 0.0,
                "p_sms": 0.0,
                "p_typo": 0.0,
                "p_emoji": 0.0,
                "no_accents": False,
                "p_casual": 0.0,
                "is_spammer": [e[1] for e in extra],
                "is_bot": [e[2] for e in extra],
            }
        )
        ex["motivation_idx"] = ex["motivation"].map({m: i for i, m in enumerate(MOTIVATIONS)})
        frame = pd.concat([frame, ex[frame.columns]], ignore_index=True)
        handles += [e[0] for e in extra]
    frame.insert(0, "author", _unique(handles))
    return frame
