"""Spam, adverts and bot bursts (theme ``hors_sujet``).

Spam reuses a small set of promotional texts, so many posts are exact repeats; bots post
near-identical promotions in bursts at a fixed interval.
"""

from __future__ import annotations

import numpy as np

from . import lexicon as L
from .threads import END_S


def spam_texts(rng: np.random.Generator, k: int) -> list[str]:
    out = []
    tpl_i = rng.integers(0, len(L.SPAM_TEXTS), k)
    dom = rng.integers(0, len(L.SPAM_DOMAINS), (k, 3))
    for t, (d1, d2, d3) in zip(tpl_i.tolist(), dom.tolist()):
        out.append(
            L.SPAM_TEXTS[t].format(
                spamurl=f"https://{L.SPAM_DOMAINS[d1]}",
                spamurl2=f"http://{L.SPAM_DOMAINS[d2]}/offre",
                spamurl3=f"www.{L.SPAM_DOMAINS[d3]}",
            )
        )
    return out


def bot_posts(
    rng: np.random.Generator, n_bots: int, n_posts: int
) -> tuple[np.ndarray, list[str], np.ndarray]:
    """(bot index, text, time in seconds) for bursts of near-identical promotional posts."""
    bots, texts, times = [], [], []
    per_bot = np.full(n_bots, n_posts // n_bots)
    per_bot[: n_posts % n_bots] += 1
    for b in range(n_bots):
        tpl = L.BOT_TEMPLATES[b % len(L.BOT_TEMPLATES)]
        subj = L.BOT_SUBJECTS[int(rng.integers(len(L.BOT_SUBJECTS)))]
        code = int(rng.integers(10, 99))
        interval = int(rng.choice([600, 900, 1800, 3600]))  # a bot posts like clockwork
        left = int(per_bot[b])
        while left > 0:
            burst = min(left, int(rng.integers(6, 16)))
            t0 = int(rng.integers(0, END_S - burst * interval - 60))
            for j in range(burst):
                pct = int(rng.choice([30, 40, 50]))
                url = f"https://{L.SPAM_DOMAINS[(b + j) % len(L.SPAM_DOMAINS)]}/p{code}"
                txt = tpl.format(botsubj=subj, code=code, pct=pct, spamurl=url)
                if rng.random() < 0.4:
                    txt += " " + ["🔥", "✅", "👉", "💯", "⭐"][int(rng.integers(5))]
                bots.append(b)
                texts.append(txt)
                times.append(t0 + j * interval + int(rng.integers(0, 20)))
            left -= burst
    return np.array(bots, np.int64), texts, np.array(times, np.int64)
