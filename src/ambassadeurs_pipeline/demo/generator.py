"""Orchestration: thread skeleton -> authors -> texts -> spam/bots/duplicates -> ids -> truth.

Randomness: one ``numpy.random.SeedSequence(seed)`` spawns an independent Generator per
stage, so the output is byte-identical for the same (n_comments, seed) and a change in one
stage does not reshuffle the others.
"""

from __future__ import annotations

import logging
import time as _time

import numpy as np
import pandas as pd

from . import noise
from .authors import make_authors
from .authorship import assign_authors
from .campaign import ARMS, run_campaign, true_effects
from .catalog import build_catalog

# Re-exported: ``from ambassadeurs_pipeline.demo.generator import write_demo`` (tests,
# benchmarks, evaluation) keeps working.
from .dataset import FILES as FILES
from .dataset import DemoDataset as DemoDataset
from .dataset import write_demo as write_demo
from .gaps import GAPS
from .lexicon import MOTIVATIONS
from .spam import bot_posts, spam_texts
from .text import SENTIMENTS, inject_pii, render, scrape_noise
from .themes import OFF_TOPIC, THEME_KEYS
from .threads import (
    END_S,
    K_A,
    K_BB,
    K_BOT,
    K_DUP,
    K_GQ,
    K_MT,
    K_Q_GAP,
    K_Q_GEN,
    K_Q_INTENT,
    K_SPAM,
    K_STORY,
    K_SUP,
    K_T,
    K_TIP,
    K_U,
    QUESTION_KINDS,
    SOURCES,
    START,
    build,
    intent_table,
)

log = logging.getLogger(__name__)

KIND_NAMES = [
    "question_intent",
    "question",
    "question_gap",
    "temoignage",
    "conseil",
    "bad_buzz",
    "reponse_utile",
    "reponse_non_utile",
    "soutien",
    "question_relance",
    "question_moi_aussi",
    "question_gap_moi_aussi",
    "remerciement",
    "spam",
    "bot",
    "doublon",
]
PUBLIC_FIGURES = ["Lady Gaga", "Céline Dion", "Angelina Jolie", "Michel Cymes"]


def _near_edit(text: str, u: float, u2: float) -> str:
    """Small edit of a cross-posted text (near duplicate)."""
    if u < 0.2:
        out = text + " Up !"
    elif u < 0.4:
        out = "[Posté aussi sur le forum] " + text
    elif u < 0.55:
        out = text.replace(".", " !", 1)
    elif u < 0.7:
        out = text + " 🙏"
    elif u < 0.85:
        out = noise.typos(text, (0.0, u2, 0.1, 0.5, 0.5, 0.5, 0.5))
    else:
        out = text + " Merci de partager si vous connaissez quelqu'un."
    return out if out != text else text + " ."


def generate_demo(n_comments: int, seed: int) -> DemoDataset:
    """Build the demo corpus, catalog, campaign and their ground truth in memory."""
    t0 = _time.perf_counter()
    n = int(n_comments)
    if n < 500:
        raise ValueError(
            "n_comments must be at least 500 (the corpus plants structures that need volume)"
        )
    rngs = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(12)]
    n_bots = max(2, int(round(n / 5000)))
    n_bot_posts = max(n_bots * 6, int(round(0.006 * n)))
    n_spam = int(round(0.025 * n))
    n_dup = int(round(0.022 * n))
    n_org = n - n_bot_posts - n_spam - n_dup

    sk = build(rngs[0], n_org)
    log.info("skeleton: %d organic comments in %d threads", n_org, sk.t_type.size)
    n_pool = int(round(n / 2.6))
    authors = make_authors(rngs[1], n_pool, max(3, int(round(n_spam / 3))), n_bots)
    handles = authors["author"].to_numpy(dtype=object)
    first_row = np.concatenate([[0], np.flatnonzero(np.diff(sk.thread)) + 1])
    starter_row = first_row[sk.thread]
    theme = sk.t_theme[sk.thread]
    gap = sk.t_gap[sk.thread]
    intent = sk.t_intent[sk.thread]
    source = sk.t_source[sk.thread]
    a_idx = assign_authors(rngs[2], sk.kind, theme, gap, starter_row, authors, n_pool)
    log.info("authors: %d in pool, assigned in %.1fs", n_pool, _time.perf_counter() - t0)

    is_starter = sk.pos == 0
    parent_handle = np.where(is_starter, "", handles[a_idx[np.maximum(sk.parent_row, 0)]])
    r = render(
        rngs[3], sk.kind, theme, intent, gap, source, a_idx, parent_handle, is_starter, authors
    )
    texts: list[str] = r["text"]
    log.info("texts rendered in %.1fs", _time.perf_counter() - t0)

    # Empty posts (replies only, e.g. a deleted or image-only message).
    kind = sk.kind.copy()
    is_fr = r["lang"] == "fr"
    rng = rngs[4]
    cand = np.flatnonzero(np.isin(kind, [K_U, K_SUP]) & is_fr)
    empty_rows = rng.choice(cand, size=min(cand.size, int(round(0.004 * n))), replace=False)
    for i in empty_rows.tolist():
        texts[i] = "" if rng.random() < 0.8 else "  "
    is_empty = np.zeros(n_org, bool)
    is_empty[empty_rows] = True

    # Personal data on ~7% of French comments, then scraping noise on others.
    pro_fill = r.get("pro_fill")
    cand = np.flatnonzero(is_fr & ~is_empty & ~r["is_long"])
    female = authors["female"].to_numpy()[a_idx]
    pro_words = ["médecin"] * n_org if pro_fill is None else pro_fill
    cities = ["Lyon", "Paris", "Nantes", "Lille", "Toulouse", "Bordeaux", "Rennes", "Grenoble"]
    city_fill = [cities[i] for i in rng.integers(0, len(cities), n_org).tolist()]
    pii_rows, pii_records = inject_pii(
        rngs[5], texts, cand, female, pro_words, city_fill, share=0.07
    )
    has_pii = np.zeros(n_org, bool)
    has_pii[pii_rows] = True
    cand = np.flatnonzero(~has_pii & ~is_empty)
    html_rows, moji_rows = scrape_noise(rngs[6], texts, cand, p_html=0.03, p_moji=0.012)

    # --- spam, bots, duplicates: extra rows appended after the organic ones ---------------
    rng = rngs[7]
    org_time = sk.time
    spam_auth_idx = np.flatnonzero(authors["is_spammer"].to_numpy())
    bot_auth_idx = np.flatnonzero(authors["is_bot"].to_numpy())
    sp_text = spam_texts(rng, n_spam)
    sp_author = spam_auth_idx[np.minimum(rng.zipf(1.8, n_spam) - 1, spam_auth_idx.size - 1)]
    sp_reply = rng.random(n_spam) < 0.25
    ok_parent = np.flatnonzero(org_time < END_S - 7200)
    sp_parent = np.where(sp_reply, ok_parent[rng.integers(0, ok_parent.size, n_spam)], -1)
    sp_time = np.where(
        sp_reply,
        org_time[np.maximum(sp_parent, 0)] + rng.integers(60, 7200, n_spam),
        rng.integers(0, END_S, n_spam),
    )
    sp_source = np.where(
        sp_reply,
        source[np.maximum(sp_parent, 0)],
        rng.choice(4, n_spam, p=[0.35, 0.35, 0.15, 0.15]),
    )
    b_idx, b_text, b_time = bot_posts(rng, n_bots, n_bot_posts)
    b_author = bot_auth_idx[b_idx]
    b_source = np.array([1, 3, 2, 0])[b_idx % 4]

    # Cross-posts by the same author on another source, exact or slightly edited.
    lens = np.fromiter((len(t) for t in texts), np.int64, n_org)
    dup_cand = np.flatnonzero(
        is_starter
        & is_fr
        & ~has_pii
        & ~is_empty
        & ~r["is_long"]
        & (gap < 0)
        & np.isin(kind, [K_Q_INTENT, K_Q_GEN, K_STORY, K_TIP, K_BB])
        & (lens > 40)
    )
    d_orig = np.sort(rng.choice(dup_cand, size=n_dup, replace=False))
    d_near = rng.random(n_dup) < 0.45
    u1, u2 = rng.random(n_dup), rng.random(n_dup)
    d_text = [
        _near_edit(texts[o], x, y) if nr else texts[o]
        for o, nr, x, y in zip(d_orig.tolist(), d_near.tolist(), u1.tolist(), u2.tolist())
    ]
    d_time = np.minimum(
        org_time[d_orig] + rng.lognormal(np.log(3 * 3600), 1.2, n_dup).astype(np.int64) + 60, END_S
    )
    d_source = (source[d_orig] + rng.integers(1, 4, n_dup)) % 4

    # --- assemble -----------------------------------------------------------------------
    n_sp, n_b = n_spam, len(b_text)
    off_sp, off_b, off_d = n_org, n_org + n_sp, n_org + n_sp + n_b
    N = off_d + n_dup
    assert N == n, (N, n)
    all_text = texts + sp_text + b_text + d_text
    all_time = np.concatenate([org_time, sp_time, b_time, d_time])
    all_author = np.concatenate([a_idx, sp_author, b_author, a_idx[d_orig]])
    all_source = np.concatenate([source, sp_source, b_source, d_source])
    parent = np.concatenate([sk.parent_row, sp_parent, np.full(n_b, -1), np.full(n_dup, -1)])
    rows = np.arange(N)
    thread_row = np.concatenate(
        [
            starter_row,
            np.where(sp_parent >= 0, starter_row[np.maximum(sp_parent, 0)], rows[off_sp:off_b]),
            rows[off_b:off_d],
            rows[off_d:],
        ]
    )
    all_kind = np.concatenate(
        [kind, np.full(n_sp, K_SPAM), np.full(n_b, K_BOT), np.full(n_dup, K_DUP)]
    )
    src_kind = np.concatenate(
        [kind, np.full(n_sp, K_SPAM), np.full(n_b, K_BOT), kind[d_orig]]
    )  # dups keep flags
    orig_of = np.full(N, -1)
    orig_of[off_d:] = d_orig
    theme_all = np.concatenate([theme, np.full(n_sp + n_b, -1), theme[d_orig]])
    lang_all = np.concatenate([r["lang"], np.full(n_sp + n_b, "fr"), r["lang"][d_orig]])
    sent_all = np.concatenate([r["sentiment"], np.full(n_sp + n_b, 1), r["sentiment"][d_orig]])
    intent_all = np.concatenate([intent, np.full(n_sp + n_b, -1), intent[d_orig]])
    gap_all = np.concatenate([gap, np.full(n_sp + n_b + n_dup, -1)])
    disc_all = np.concatenate(
        [r["role_disclosed"], np.zeros(n_sp + n_b, bool), r["role_disclosed"][d_orig]]
    )
    msig_all = np.concatenate(
        [r["motivation_signal"], np.full(n_sp + n_b, -1), r["motivation_signal"][d_orig]]
    )
    empty_all = np.concatenate([is_empty, np.zeros(n_sp + n_b + n_dup, bool)])
    long_all = np.concatenate([r["is_long"], np.zeros(n_sp + n_b + n_dup, bool)])
    pii_all = np.concatenate([has_pii, np.zeros(n_sp + n_b + n_dup, bool)])
    html_all = np.zeros(N, bool)
    html_all[html_rows] = True
    moji_all = np.zeros(N, bool)
    moji_all[moji_rows] = True
    html_all[off_d:] = html_all[d_orig]
    moji_all[off_d:] = moji_all[d_orig]
    near_all = np.zeros(N, bool)
    near_all[off_d:] = d_near

    # Chronological ids: a reply always has a larger id than its parent.
    order = np.lexsort((rows, all_time))
    rank = np.empty(N, np.int64)
    rank[order] = np.arange(N)
    width = max(7, len(str(N)))
    ids_by_rank = np.array([f"c{i + 1:0{width}d}" for i in range(N)], dtype=object)
    cid = ids_by_rank[rank]
    created = (START + all_time.astype("timedelta64[s]")).astype("datetime64[s]")
    created_s = np.datetime_as_string(created, unit="s")

    # Likes: heavy tailed; helpful answers, professionals and super-users get more.
    rng = rngs[8]
    mu_kind = np.full(16, -0.3)
    for k, v in {
        K_A: 1.0,
        K_Q_INTENT: 0.2,
        K_Q_GEN: 0.1,
        K_Q_GAP: 0.2,
        K_STORY: 0.9,
        K_TIP: 1.0,
        K_SUP: 0.3,
        K_U: -0.6,
        K_T: -0.5,
        K_BB: 0.8,
        K_SPAM: -2.0,
        K_BOT: -2.5,
    }.items():
        mu_kind[k] = v
    sup = authors["is_superuser"].to_numpy()[all_author]
    is_pro = authors["role_idx"].to_numpy()[all_author] == 2
    mu = (
        mu_kind[src_kind]
        + 0.7 * sup
        + 0.35 * (is_pro & (src_kind == K_A))
        + np.array([0.0, 0.4, 0.6, 0.2, 0.0])[all_source]
        - 0.3 * (all_kind == K_DUP)
    )
    likes = np.maximum(0, np.floor(np.exp(mu + rng.normal(0, 1.05, N))) - 1).astype(np.int64)
    likes[all_source == 4] = 0  # survey answers have no likes

    comments = (
        pd.DataFrame(
            {
                "id": cid,
                "text": all_text,
                "author": handles[all_author],
                "created_at": created_s,
                "thread_id": cid[thread_row],
                "parent_id": np.where(parent >= 0, cid[np.maximum(parent, 0)], ""),
                "source": np.array(SOURCES)[all_source],
                "likes": likes,
            }
        )
        .iloc[order]
        .reset_index(drop=True)
    )
    log.info("comments assembled in %.1fs", _time.perf_counter() - t0)

    # --- ground truth: comments -----------------------------------------------------------
    is_spam = np.isin(all_kind, [K_SPAM, K_BOT])
    is_answer = (src_kind == K_A) & ~empty_all
    is_q = np.isin(src_kind, QUESTION_KINDS) & ~empty_all
    answered_parent = np.zeros(N, bool)
    answered_parent[parent[is_answer & (parent >= 0)]] = True
    thread_has_answer = np.zeros(N, bool)
    thread_has_answer[thread_row[is_answer]] = True
    is_answered = is_q & (answered_parent | ((thread_row == rows) & thread_has_answer))
    dup_of = np.full(N, "", dtype=object)
    dup_of[off_d:] = cid[d_orig]
    dup_kind = np.full(N, "", dtype=object)
    dup_kind[off_d:] = np.where(d_near, "near_cross_post", "cross_post")
    # Any other exact repeat of an earlier non-empty text (spam repeats, short replies).
    first_seen: dict[str, int] = {}
    rep_rows_l, rep_first = [], []
    for i in order.tolist():  # chronological
        t = all_text[i]
        if not t.strip():
            continue
        j = first_seen.setdefault(t, i)
        if j != i and dup_of[i] == "":
            rep_rows_l.append(i)
            rep_first.append(j)
    rep_rows = np.array(rep_rows_l, np.int64)
    if rep_rows.size:
        dup_of[rep_rows] = cid[np.array(rep_first)]
        dup_kind[rep_rows] = np.where(is_spam[rep_rows], "spam_repeat", "same_text")
    intents = intent_table()
    intent_keys = np.array([it.key for _, it in intents] + [""], dtype=object)
    gap_ids = np.array([g.gap_id for g in GAPS] + [""], dtype=object)
    theme_names = np.array(THEME_KEYS + [OFF_TOPIC], dtype=object)
    figures = np.full(N, "", dtype=object)
    for f in PUBLIC_FIGURES:
        hit = np.fromiter((f in t for t in all_text), bool, N)
        figures[hit] = np.where(figures[hit] == "", f, figures[hit] + ";" + f)
    gt_comments = (
        pd.DataFrame(
            {
                "comment_id": cid,
                "theme": theme_names[theme_all],
                "is_question": is_q.astype(int),
                "is_spam": is_spam.astype(int),
                "duplicate_of": dup_of,
                "lang": lang_all,
                "is_gap_question": gap_ids[
                    np.where(np.isin(src_kind, [K_Q_GAP, K_GQ]) & (gap_all >= 0), gap_all, -1)
                ],
                "is_answer": is_answer.astype(int),
                "is_thanks": ((src_kind == K_T) & ~empty_all).astype(int),
                "sentiment": np.array(SENTIMENTS)[sent_all],
                "is_bad_buzz": (src_kind == K_BB).astype(int),
                "is_near_duplicate": near_all.astype(int),
                "is_bot": (all_kind == K_BOT).astype(int),
                "is_answered": is_answered.astype(int),
                "intent": intent_keys[
                    np.where(np.isin(src_kind, [K_Q_INTENT, K_MT]), intent_all, -1)
                ],
                "kind": np.array(KIND_NAMES)[src_kind],
                "duplicate_kind": dup_kind,
                "is_empty": empty_all.astype(int),
                "is_long": long_all.astype(int),
                "role_disclosed": disc_all.astype(int),
                "motivation_signal": np.array(MOTIVATIONS + [""], dtype=object)[msig_all],
                "has_pii": pii_all.astype(int),
                "has_html": html_all.astype(int),
                "has_mojibake": moji_all.astype(int),
                "public_figures": figures,
            }
        )
        .iloc[order]
        .reset_index(drop=True)
    )
    # gap questions of the "me too" kind are French only; foreign askers were excluded upstream.

    # --- ground truth: PII -------------------------------------------------------------------
    gt_pii = pd.DataFrame(pii_records, columns=["row", "pii_type", "value"])
    gt_pii.insert(0, "comment_id", cid[gt_pii["row"].to_numpy()] if len(gt_pii) else [])
    gt_pii["_rank"] = rank[gt_pii["row"].to_numpy()] if len(gt_pii) else []
    gt_pii = (
        gt_pii.sort_values(["_rank"], kind="stable")
        .drop(columns=["row", "_rank"])
        .reset_index(drop=True)
    )

    # --- authors, campaign ----------------------------------------------------------------
    n_auth = len(authors)
    n_comm = np.bincount(all_author, minlength=n_auth)
    first_t = np.full(n_auth, np.iinfo(np.int64).max)
    np.minimum.at(first_t, all_author, all_time)
    helped = np.zeros(n_auth, bool)
    helped[all_author[is_answer]] = True
    disclosed = np.zeros(n_auth, bool)
    disclosed[all_author[disc_all]] = True
    regular = ~authors["is_spammer"].to_numpy() & ~authors["is_bot"].to_numpy()
    unit_mask = regular & (n_comm >= 2)
    units = pd.DataFrame(
        {
            "author": handles[unit_mask],
            "motivation_idx": authors["motivation_idx"].to_numpy()[unit_mask],
            "nb_commentaires_avant": n_comm[unit_mask],
            "anciennete_jours": ((END_S + 1 - first_t[unit_mask]) // 86400).astype(np.int64),
            "a_deja_aide": helped[unit_mask],
        }
    )
    campaign, p = run_campaign(rngs[9], units)
    effects = true_effects(units, p)
    p_full = np.full((n_auth, 3), np.nan)
    p_full[unit_mask] = p
    present = n_comm > 0
    gt_authors = (
        pd.DataFrame(
            {
                "author": handles,
                "role": authors["role"],
                "motivation": authors["motivation"],
                "is_superuser": authors["is_superuser"].astype(int),
                "is_bot": authors["is_bot"].astype(int),
                "discloses_role": disclosed.astype(int),
                "is_spammer": authors["is_spammer"].astype(int),
                "lang": authors["lang"],
                "gender": np.where(authors["female"], "F", "M"),
                "n_comments": n_comm,
                "is_campaign_unit": unit_mask.astype(int),
                **{f"p_{arm}": np.round(p_full[:, i], 6) for i, arm in enumerate(ARMS)},
            }
        )[present]
        .sort_values("author", kind="stable")
        .reset_index(drop=True)
    )

    # --- gaps -------------------------------------------------------------------------------
    gap_rows = []
    gq_mask = np.isin(src_kind, [K_Q_GAP, K_GQ]) & (gap_all >= 0)
    for gi, g in enumerate(GAPS):
        sel = np.flatnonzero(gq_mask & (gap_all == gi))
        sel = sel[np.argsort(rank[sel])]
        in_gap_threads = np.isin(thread_row, sel)
        gap_rows.append(
            {
                "gap_id": g.gap_id,
                "theme": g.theme,
                "description": g.description,
                "key_terms": ";".join(g.key_terms),
                "comment_ids": ";".join(cid[sel]),
                "n_questions": sel.size,
                "n_distinct_askers": int(np.unique(all_author[sel]).size),
                "n_helpful_answers": int((in_gap_threads & is_answer).sum()),
            }
        )
    gt_gaps = pd.DataFrame(gap_rows)
    log.info("generated %d comments in %.1fs", N, _time.perf_counter() - t0)
    return DemoDataset(
        comments=comments,
        content_catalog=build_catalog(),
        campaign=campaign,
        gt_comments=gt_comments,
        gt_authors=gt_authors,
        gt_gaps=gt_gaps,
        gt_campaign_effects=effects,
        gt_pii=gt_pii,
    )
