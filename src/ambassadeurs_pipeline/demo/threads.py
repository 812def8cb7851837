"""Thread skeletons: thread types, sizes, reply kinds, parents and timestamps (vectorised).

A thread is a starter (question, story, tip, bad-buzz post) followed by replies whose kind
(helpful answer, unhelpful reply, support, follow-up question, "me too" question, thanks)
depends on the thread type. Times are integer seconds since ``START``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .gaps import GAPS
from .themes import THEME_KEYS, THEMES

START = np.datetime64("2024-11-01T00:00:00")
END = np.datetime64("2026-10-31T23:59:59")
END_S = int((END - START) / np.timedelta64(1, "s"))
MONTH_STARTS = np.arange(np.datetime64("2024-11"), np.datetime64("2026-12"), dtype="datetime64[M]")
MONTH_S = ((MONTH_STARTS.astype("datetime64[s]") - START) / np.timedelta64(1, "s")).astype(
    np.int64
)  # 25 bounds

SOURCES = ["forum", "facebook", "instagram", "x", "enquete"]
SOURCE_P = np.array([0.45, 0.25, 0.10, 0.10, 0.10])

# Comment kinds.
(
    K_Q_INTENT,
    K_Q_GEN,
    K_Q_GAP,
    K_STORY,
    K_TIP,
    K_BB,
    K_A,
    K_U,
    K_SUP,
    K_FQ,
    K_MT,
    K_GQ,
    K_T,
    K_SPAM,
    K_BOT,
    K_DUP,
) = range(16)
QUESTION_KINDS = [K_Q_INTENT, K_Q_GEN, K_Q_GAP, K_FQ, K_MT, K_GQ]
# Thread types and their starter kind.
T_INTENT, T_GENQ, T_GAP, T_STORY, T_TIP, T_BB = range(6)
STARTER_KIND = np.array([K_Q_INTENT, K_Q_GEN, K_Q_GAP, K_STORY, K_TIP, K_BB])
# Reply kind distribution per thread type, over REPLY_KINDS.
REPLY_KINDS = np.array([K_A, K_U, K_SUP, K_FQ, K_MT, K_GQ, K_BB])
REPLY_P = np.array(
    [
        [0.55, 0.15, 0.10, 0.08, 0.12, 0.00, 0.00],  # intent: well answered
        [0.42, 0.33, 0.20, 0.05, 0.00, 0.00, 0.00],  # generic question
        [0.07, 0.48, 0.00, 0.00, 0.00, 0.45, 0.00],  # gap: "me too", rarely a real answer
        [0.15, 0.10, 0.60, 0.15, 0.00, 0.00, 0.00],  # story
        [0.20, 0.10, 0.45, 0.25, 0.00, 0.00, 0.00],  # tip
        [0.10, 0.08, 0.07, 0.00, 0.00, 0.00, 0.75],  # bad buzz
    ]
)
REPLY_MEAN = np.array([3.2, 1.9, 1.1, 3.0, 2.0, 2.5])
P_NO_REPLY = np.array([0.03, 0.38, 0.35, 0.12, 0.15, 0.10])
P_THANKS = np.array([0.65, 0.55, 0.6, 0.0, 0.0, 0.0])
GROWING_THEME = "teleconsultation"
GROWTH_FACTOR = 2.0  # last 6 months vs earlier months
BAD_BUZZ_THEME = "effets_indesirables"
BAD_BUZZ_WINDOW = (np.datetime64("2026-03-01T00:00:00"), np.datetime64("2026-05-01T00:00:00"))


@dataclass
class Skeleton:
    # per thread
    t_type: np.ndarray
    t_theme: np.ndarray
    t_intent: np.ndarray  # global intent index or -1
    t_gap: np.ndarray  # gap index or -1
    t_source: np.ndarray
    t_start: np.ndarray
    # per comment (organic only), ordered by thread then position
    thread: np.ndarray
    pos: np.ndarray
    kind: np.ndarray
    parent_row: np.ndarray  # row index of the parent, -1 for starters
    time: np.ndarray


def intent_table() -> list[tuple[int, object]]:
    """(theme index, Intent) for every intent, in a stable order."""
    return [(ti, it) for ti, th in enumerate(THEMES) for it in th.intents]


def _month_weights(theme_idx: int) -> np.ndarray:
    w = 1.0 + 0.015 * np.arange(24)  # mild overall growth of the community
    if THEME_KEYS[theme_idx] == GROWING_THEME:
        w[18:] *= GROWTH_FACTOR
    return w / w.sum()


def _times_in_months(rng, months: np.ndarray) -> np.ndarray:
    """Uniform day within the month, evening-heavy hour of day."""
    lo, hi = MONTH_S[months], MONTH_S[months + 1]
    day_start = lo + (rng.random(months.size) * ((hi - lo) // 86400)).astype(np.int64) * 86400
    hour_w = np.array(
        [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 2, 3, 3, 3, 3, 4, 4, 3, 3, 3, 4, 5, 6, 7, 7, 5, 3], float
    )
    hour = rng.choice(24, size=months.size, p=hour_w / hour_w.sum())
    return day_start + hour * 3600 + rng.integers(0, 3600, months.size)


def build(rng: np.random.Generator, n_organic: int) -> Skeleton:
    n_gap_q = max(4, int(round(0.0045 * n_organic)))
    n_bb = int(round(0.02 * n_organic))
    gaps_per = max(3, int(round(n_gap_q / 1.5)))
    n_gap_threads = gaps_per * len(GAPS)
    n_bb_threads = max(1, int(round(n_bb / 3.3)))
    n_other = int(n_organic / 2.6) + 50  # overshoot, cut below
    types = np.concatenate(
        [
            np.full(n_gap_threads, T_GAP),
            np.full(n_bb_threads, T_BB),
            rng.choice(
                [T_INTENT, T_GENQ, T_STORY, T_TIP], size=n_other, p=[0.26, 0.30, 0.30, 0.14]
            ),
        ]
    )
    n_threads = types.size
    theme_w = np.array([t.weight for t in THEMES])
    theme = rng.choice(len(THEMES), size=n_threads, p=theme_w / theme_w.sum())
    intents = intent_table()
    intent_w = np.array(
        [THEMES[ti].weight * (1.7 if it is THEMES[ti].intents[0] else 0.9) for ti, it in intents]
    )
    intent = np.full(n_threads, -1)
    is_int = types == T_INTENT
    intent[is_int] = rng.choice(len(intents), size=is_int.sum(), p=intent_w / intent_w.sum())
    theme[is_int] = np.array([ti for ti, _ in intents])[intent[is_int]]
    gap = np.full(n_threads, -1)
    gap[:n_gap_threads] = np.repeat(np.arange(len(GAPS)), gaps_per)
    theme[:n_gap_threads] = np.array([THEME_KEYS.index(g.theme) for g in GAPS])[gap[:n_gap_threads]]
    theme[types == T_BB] = THEME_KEYS.index(BAD_BUZZ_THEME)

    # Source: surveys (enquete) only hold stories, tips and generic questions, without replies.
    source = rng.choice(len(SOURCES), size=n_threads, p=SOURCE_P)
    no_survey = np.isin(types, [T_INTENT, T_GAP, T_BB])
    redraw = no_survey & (source == 4)
    source[redraw] = rng.choice(4, size=redraw.sum(), p=SOURCE_P[:4] / SOURCE_P[:4].sum())

    # Reply counts.
    n_rep = rng.poisson(REPLY_MEAN[types])
    n_rep[rng.random(n_threads) < P_NO_REPLY[types]] = 0
    n_rep[types == T_INTENT] = np.maximum(n_rep[types == T_INTENT], 1)
    n_rep[source == 4] = 0
    sizes = 1 + n_rep
    # Keep every gap and bad-buzz thread, shuffle the rest, then cut to the exact total.
    order = np.concatenate(
        [
            np.arange(n_gap_threads + n_bb_threads),
            n_gap_threads + n_bb_threads + rng.permutation(n_other),
        ]
    )
    sizes_o = sizes[order]
    csum = np.cumsum(sizes_o)
    if csum[-1] < n_organic:
        raise RuntimeError("thread overshoot too small")  # cannot happen with the margin above
    last = int(np.searchsorted(csum, n_organic))  # thread that crosses the target
    keep = order[: last + 1]
    sizes_k = sizes[keep].copy()
    sizes_k[-1] -= int(csum[last] - n_organic)
    keep_sorted = np.sort(keep)  # stable thread order (gap, bad buzz, others)
    sizes_by_thread = dict(zip(keep.tolist(), sizes_k.tolist()))
    sizes_k = np.array([sizes_by_thread[t] for t in keep_sorted.tolist()])
    types, theme, intent, gap, source = (
        a[keep_sorted] for a in (types, theme, intent, gap, source)
    )
    n_threads = keep_sorted.size

    # Start times.
    start = np.empty(n_threads, np.int64)
    is_bb = types == T_BB
    for ti in range(len(THEMES)):
        sel = (theme == ti) & ~is_bb
        months = rng.choice(24, size=sel.sum(), p=_month_weights(ti))
        start[sel] = _times_in_months(rng, months)
    w0 = int((BAD_BUZZ_WINDOW[0] - START) / np.timedelta64(1, "s"))
    w1 = int((BAD_BUZZ_WINDOW[1] - START) / np.timedelta64(1, "s"))
    start[is_bb] = w0 + (rng.beta(1.6, 2.6, is_bb.sum()) * (w1 - w0)).astype(np.int64)
    start = np.minimum(start, END_S - 86400)

    # Comments: starter at pos 0, then replies.
    thread = np.repeat(np.arange(n_threads), sizes_k)
    first_row = np.concatenate([[0], np.cumsum(sizes_k)[:-1]])
    pos = np.arange(thread.size) - first_row[thread]
    n = thread.size
    kind = np.empty(n, np.int64)
    is_start = pos == 0
    kind[is_start] = STARTER_KIND[types]
    rep = ~is_start
    u = rng.random(n)
    cum = np.cumsum(REPLY_P, axis=1)
    cum[:, -1] = 1.0
    rtype = types[thread[rep]]
    kind[rep] = REPLY_KINDS[(u[rep][:, None] > cum[rtype]).sum(axis=1)]

    # Thanks from the asker: replace the last reply when an answer came before it.
    big = np.iinfo(np.int64).max
    a_pos = np.where(kind == K_A, pos, big)
    first_a = np.minimum.reduceat(a_pos, first_row)
    last_row = first_row + sizes_k - 1
    want_t = (rng.random(n_threads) < P_THANKS[types]) & (first_a < sizes_k - 1)
    kind[last_row[want_t]] = K_T

    # Parents.
    parent_pos = np.zeros(n, np.int64)
    jr = pos[rep]
    prev = (rng.random(rep.sum()) * np.maximum(jr, 1)).astype(np.int64)
    to_starter_p = np.where(
        kind[rep] == K_A, 0.8, np.where(np.isin(kind[rep], [K_GQ, K_MT, K_BB]), 0.9, 0.6)
    )
    pp = np.where(rng.random(rep.sum()) < to_starter_p, 0, prev)
    is_t = kind[rep] == K_T
    pp[is_t] = first_a[thread[rep][is_t]]
    parent_pos[rep] = pp
    parent_row = np.where(is_start, -1, first_row[thread] + parent_pos)

    # Reply times: increasing within the thread, compressed near the end of the window.
    gaps_s = np.maximum(30, rng.lognormal(np.log(2 * 3600), 1.6, n)).astype(np.float64)
    gaps_s[is_start] = 0.0
    cs = np.cumsum(gaps_s)
    cs_thread = cs - cs[first_row][thread]
    span = cs_thread[last_row]
    avail = (END_S - start - 60 - sizes_k).astype(np.float64)
    scale = np.minimum(1.0, avail / np.maximum(span, 1.0))
    time = start[thread] + np.floor(cs_thread * scale[thread]).astype(np.int64) + pos
    return Skeleton(types, theme, intent, gap, source, start, thread, pos, kind, parent_row, time)
