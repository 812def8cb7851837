"""Render comment texts from the thread skeleton and the authors' latent traits.

Phrase selection is vectorised: every bank is flattened into one object array with per-group
offsets, so picking "a symptom of this row's theme" for all rows is a single fancy index.
Only the final slot filling and the noise functions loop in Python, over plain lists.
"""

from __future__ import annotations

import numpy as np

from . import lexicon as L
from . import noise
from .phrase_banks import (
    CONTRACTIONS,
    INTENT_URL,
    ONE,
    RELATIVES,
    SHORT,
    THEME_INTENTS,
    B,
    Bank,
)

# Re-exported: the generator reads the sentiment labels from here.
from .phrase_banks import SENTIMENTS as SENTIMENTS
from .pii import PII_TYPES, TYPE_WEIGHTS, PiiFactory
from .themes import THEMES
from .threads import (
    K_A,
    K_BB,
    K_FQ,
    K_GQ,
    K_MT,
    K_Q_GAP,
    K_Q_GEN,
    K_Q_INTENT,
    K_STORY,
    K_SUP,
    K_T,
    K_TIP,
    K_U,
    QUESTION_KINDS,
)

# Sentiment distribution per kind (negatif, neutre, positif).
_SENT_P = {
    K_Q_INTENT: (0.35, 0.55, 0.10),
    K_Q_GEN: (0.35, 0.55, 0.10),
    K_Q_GAP: (0.40, 0.55, 0.05),
    K_FQ: (0.3, 0.6, 0.1),
    K_MT: (0.35, 0.6, 0.05),
    K_GQ: (0.4, 0.55, 0.05),
    K_A: (0.05, 0.70, 0.25),
    K_U: (0.15, 0.80, 0.05),
    K_SUP: (0.2, 0.4, 0.4),
    K_T: (0, 0.15, 0.85),
    K_STORY: (0.4, 0.2, 0.4),
    K_TIP: (0, 0.6, 0.4),
    K_BB: (1, 0, 0),
}
# Multiplier of the author's motivation-signal probability, per kind.
_MOT_K = {K_A: 1.0, K_STORY: 1.1, K_SUP: 0.95, K_TIP: 1.0, K_T: 0.6, K_U: 0.35, K_BB: 0.5}


def _segment(rng, n, mask, values) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    out[mask] = values
    return out


def _sp(seg: np.ndarray) -> np.ndarray:
    """Segment followed by a space when non-empty (vectorised object concatenation)."""
    nonempty = seg != ""
    out = seg.copy()
    out[nonempty] = seg[nonempty] + " "
    return out


def render(
    rng: np.random.Generator,
    kind,
    theme,
    intent,
    gap,
    source,
    author_idx,
    parent_author_handle,
    is_starter,
    authors,
) -> dict:
    """Texts and per-comment latent labels for the organic comments (French and foreign)."""
    n = kind.size
    a = authors
    role = a["role_idx"].to_numpy()[author_idx]
    female = a["female"].to_numpy()[author_idx]
    mot = a["motivation_idx"].to_numpy()[author_idx]
    lang = a["lang"].to_numpy()[author_idx]
    is_fr = lang == "fr"
    is_q = np.isin(kind, QUESTION_KINDS)
    starter = is_starter

    # Latent sentiment.
    sent = np.empty(n, np.int64)
    u = rng.random(n)
    for k, p in _SENT_P.items():
        m = kind == k
        c = np.cumsum(p)
        sent[m] = (u[m][:, None] > c[None, :2]).sum(axis=1)

    # Opener.
    greet = starter & (rng.random(n) < 0.7)
    ropen = ~starter & (rng.random(n) < 0.45)
    opener = _segment(rng, n, greet, ONE["GREETINGS"].pick(rng, np.zeros(greet.sum(), int)))
    opener[ropen] = ONE["REPLY_OPENERS"].pick(rng, np.zeros(ropen.sum(), int))
    social = np.isin(source, [1, 2, 3])
    mention = ~starter & social & (parent_author_handle != "") & (rng.random(n) < 0.4)
    opener[mention] = (
        "@"
        + parent_author_handle[mention]
        + np.where(opener[mention] == "", "", " ")
        + opener[mention]
    )

    # Role self-disclosure (only authors who disclose; professionals mostly when answering).
    discloser = a["discloser"].to_numpy()[author_idx]
    p_disc = np.where(starter, 0.45, np.where(kind == K_A, np.where(role == 2, 0.7, 0.4), 0.18))
    disc = discloser & (rng.random(n) < p_disc) & (kind != K_T)
    role_seg = np.full(n, "", dtype=object)
    for r, bank in ((0, B["patient_disc"]), (1, B["aidant_disc"])):
        m = disc & (role == r)
        role_seg[m] = bank.pick(rng, theme[m])
    m = disc & (role == 2)
    role_seg[m] = B["pro_disc"].pick(rng, (~female[m]).astype(int))

    # Context sentences.
    ctx = np.full(n, "", dtype=object)
    m = (is_q & starter & (rng.random(n) < 0.75)) | ((kind == K_SUP) & (rng.random(n) < 0.25))
    ctx[m] = ONE["CONTEXTS"].pick(rng, np.zeros(m.sum(), int))
    m2 = (starter | ((kind == K_A) & (role != 2))) & (rng.random(n) < 0.45)
    ctx[m2] = _sp(ctx[m2]) + B["line"].pick(rng, theme[m2])
    m3 = kind == K_STORY
    ctx[m3] = (
        _sp(ONE["STORY_OPENERS"].pick(rng, np.zeros(m3.sum(), int)))
        + _sp(B["line"].pick(rng, theme[m3]))
        + _sp(ONE["CONTEXTS"].pick(rng, np.zeros(m3.sum(), int)))
        + B["line"].pick(rng, theme[m3])
    )
    # A theme sentence on a share of the other comments too (people tell their own case).
    more = np.isin(kind, [K_U, K_SUP, K_T, K_FQ, K_MT, K_A, K_Q_GEN, K_Q_INTENT]) & (
        rng.random(n) < 0.45
    )
    ctx[more] = _sp(ctx[more]) + B["line"].pick(rng, theme[more])
    gq = np.isin(kind, [K_Q_GAP, K_GQ]) & (rng.random(n) < 0.6)
    ctx[gq] = _sp(ctx[gq]) + B["gap_ctx"].pick(rng, gap[gq])

    # Body by kind.
    body = np.full(n, "", dtype=object)
    m = np.isin(kind, [K_Q_INTENT, K_MT])
    body[m] = B["intent_q"].pick(rng, intent[m])
    m = np.isin(kind, [K_Q_GAP, K_GQ])
    body[m] = B["gap_q"].pick(rng, gap[m])
    m = np.isin(kind, [K_MT, K_GQ])
    body[m] = _sp(ONE["ME_TOO_PREFIX"].pick(rng, np.zeros(m.sum(), int))) + body[m]
    m = np.isin(kind, [K_Q_GEN, K_FQ])
    body[m] = ONE["GENERIC_QUESTIONS"].pick(rng, np.zeros(m.sum(), int))
    # Helpful answers: intent-specific advice in intent threads, generic advice elsewhere.
    m_ai = (kind == K_A) & (intent >= 0)
    first_idx = np.zeros(n, np.int64)
    first_idx[m_ai] = B["intent_a"].pick_idx(rng, intent[m_ai])
    body[m_ai] = B["intent_a"].flat[first_idx[m_ai]]
    two = m_ai & (rng.random(n) < 0.3)
    body[two] = _sp(body[two]) + B["intent_a"].pick_other(rng, intent[two], first_idx[two])
    link = m_ai & (rng.random(n) < 0.18)
    body[link] = _sp(body[link]) + ONE["LINK_PHRASES"].pick(rng, np.zeros(link.sum(), int))
    m_ag = (kind == K_A) & (intent < 0)
    body[m_ag] = ONE["GENERIC_ANSWERS"].pick(rng, np.zeros(m_ag.sum(), int))
    tail = (kind == K_A) & (rng.random(n) < 0.5)
    body[tail] = _sp(body[tail]) + ONE["HELPFUL_TAILS"].pick(rng, np.zeros(tail.sum(), int))
    # Short replies: 75% from the variants holding theme slots (so they still carry the theme).
    for k, name in ((K_U, "UNHELPFUL"), (K_SUP, "SUPPORT"), (K_T, "THANKS")):
        m = kind == k
        themed = (rng.random(m.sum()) < 0.75).astype(int)
        body[m] = SHORT[name].pick(rng, themed)
    m = kind == K_TIP
    tip_intent = THEME_INTENTS[theme[m], (rng.random(m.sum()) * THEME_INTENTS.shape[1]).astype(int)]
    body[m] = _sp(ONE["TIP_OPENERS"].pick(rng, np.zeros(m.sum(), int))) + B["intent_a"].pick(
        rng, tip_intent
    )
    m = kind == K_BB
    body[m] = B["bad_buzz"].pick(rng, np.zeros(m.sum(), int))
    m2 = m & (rng.random(n) < 0.4)
    body[m2] = _sp(body[m2]) + B["bad_buzz"].pick(rng, np.zeros(m2.sum(), int))

    # Motivation signal: the author's own motivation, sometimes another one (noise).
    mot_k = np.full(32, 0.45)
    for k, v in _MOT_K.items():
        mot_k[k] = v
    p_sig = a["p_signal"].to_numpy()[author_idx] * mot_k[kind]
    has_sig = rng.random(n) < p_sig
    sig_mot = np.where(rng.random(n) < 0.88, mot, rng.integers(0, 4, n))
    mot_seg = _segment(rng, n, has_sig, B["motivation"].pick(rng, sig_mot[has_sig]))

    # Sentiment phrase, closer.
    show_sent = (sent != 1) & (rng.random(n) < 0.55)
    sent_seg = _segment(rng, n, show_sent, B["sentiment"].pick(rng, sent[show_sent]))
    close = (starter & (rng.random(n) < 0.5)) | (~starter & (rng.random(n) < 0.12))
    close_seg = _segment(rng, n, close, ONE["CLOSERS"].pick(rng, np.zeros(close.sum(), int)))

    # Very long posts (several thousand characters): long stories.
    long_post = np.zeros(n, bool)
    cand = np.flatnonzero((kind == K_STORY) & is_fr)
    if cand.size:
        k = max(1, int(round(0.005 * n)))
        long_post[rng.choice(cand, size=min(k, cand.size), replace=False)] = True
    for i in np.flatnonzero(long_post):
        parts = int(rng.integers(25, 70))
        lines = B["line"].pick(rng, np.full(parts, theme[i]))
        ctxs = ONE["CONTEXTS"].pick(rng, np.zeros(parts, int))
        ctx[i] = ctx[i] + " " + " ".join(f"{x} {y}" for x, y in zip(lines, ctxs))

    tpl = (
        _sp(opener)
        + _sp(role_seg)
        + _sp(ctx)
        + _sp(body)
        + _sp(mot_seg)
        + _sp(sent_seg)
        + close_seg
    )

    # Slot fillers.
    drug, drug2 = B["drug"].pick(rng, theme), B["drug"].pick(rng, theme)
    sym, sym2 = B["symptom"].pick(rng, theme), B["symptom"].pick(rng, theme)
    exam, pro = B["exam"].pick(rng, theme), B["pro"].pick(rng, theme)
    situation, term, maladie = (
        B["situation"].pick(rng, theme),
        B["term"].pick(rng, theme),
        B["maladie"].pick(rng, theme),
    )
    duration = ONE["DURATIONS"].pick(rng, np.zeros(n, int))
    city = ONE["CITIES"].pick(rng, np.zeros(n, int))
    relative = RELATIVES.pick(rng, np.zeros(n, int))
    protitle = B["protitle"].pick(rng, theme * 2 + (~female).astype(int))
    young = np.array([t.key == "sante_mentale_jeunes" for t in THEMES])[theme]
    age = np.where(young, rng.integers(18, 28, n), rng.integers(25, 80, n))
    year = rng.integers(2005, 2026, n)
    nyears = rng.integers(3, 25, n)
    n_mois = rng.integers(2, 9, n)
    url = np.where(intent >= 0, INTENT_URL[np.maximum(intent, 0)], "")
    e = np.where(female, "e", "")
    ne = np.where(female, "ne", "")

    # Noise decisions, drawn in bulk.
    sms = rng.random(n) < a["p_sms"].to_numpy()[author_idx]
    no_acc = a["no_accents"].to_numpy()[author_idx]
    typo = rng.random(n) < a["p_typo"].to_numpy()[author_idx]
    casual = rng.random(n) < a["p_casual"].to_numpy()[author_idx]
    drop_q = is_q & (rng.random(n) < 0.22)
    emo = rng.random(n) < a["p_emoji"].to_numpy()[author_idx]
    emo_str = B["emoji"].pick(rng, sent)
    emo2 = emo & (rng.random(n) < 0.3)
    emo_str[emo2] = emo_str[emo2] + B["emoji"].pick(rng, sent[emo2])
    u_sms, u_cas = rng.random(n), rng.random(n)
    u_typo = rng.random((n, 7))

    # Slot filling, one slot at a time over the rows that hold it (C-level scans, few
    # Python-level replaces). "{e}"/"{ne}" go last: some fillers hold them ("seul{e}").
    texts = [t.rstrip() for t in tpl.tolist()]
    slots = (
        ("{drug}", drug),
        ("{drug2}", drug2),
        ("{symptom}", sym),
        ("{symptom2}", sym2),
        ("{exam}", exam),
        ("{pro}", pro),
        ("{situation}", situation),
        ("{term}", term),
        ("{maladie}", maladie),
        ("{duration}", duration),
        ("{relative}", relative),
        ("{city}", city),
        ("{url}", url),
        ("{protitle}", protitle),
        ("{age}", np.char.add(age.astype(str), " ans").astype(object)),
        ("{year}", year.astype(str).astype(object)),
        ("{nyears}", nyears.astype(str).astype(object)),
        ("{n_mois}", n_mois.astype(str).astype(object)),
        ("{e}", e.astype(object)),
        ("{ne}", ne.astype(object)),
    )
    for key, vals in slots:
        idx = [i for i, t in enumerate(texts) if key in t]
        if idx:
            sub = vals[idx].tolist()
            for i, v in zip(idx, sub):
                texts[i] = texts[i].replace(key, v)
    for i in [i for i, t in enumerate(texts) if " de l" in t or " à l" in t]:
        t = texts[i]
        for x, y in CONTRACTIONS:
            t = t.replace(x, y)
        texts[i] = t
    texts = [t[:1].upper() + t[1:] for t in texts]

    # Noise, applied in order to the rows drawn for each transformation.
    u_sms_l, u_cas_l = u_sms.tolist(), u_cas.tolist()
    for i in np.flatnonzero(sms).tolist():
        texts[i] = noise.sms(texts[i], u_sms_l[i])
    for i in np.flatnonzero(no_acc).tolist():
        texts[i] = noise.strip_accents(texts[i])
    ty = np.flatnonzero(typo)
    for i, uu in zip(ty.tolist(), u_typo[ty].tolist()):
        texts[i] = noise.typos(texts[i], uu)
    for i in np.flatnonzero(casual).tolist():
        texts[i] = noise.casual(texts[i], u_cas_l[i])
    for i in np.flatnonzero(drop_q).tolist():
        texts[i] = noise.drop_question_marks(texts[i])
    em = np.flatnonzero(emo)
    for i, es in zip(em.tolist(), emo_str[em].tolist()):
        texts[i] = f"{texts[i]} {es}"
    # Foreign-language comments replace the French rendering.
    foreign_idx = np.flatnonzero(~is_fr)
    fsym = {lg: Bank([L.FOREIGN_SYMPTOMS[lg]]) for lg in L.FOREIGN}
    for i in foreign_idx.tolist():
        lg = lang[i]
        cat = "question" if is_q[i] else ("answer" if kind[i] == K_A else "other")
        bank = L.FOREIGN[lg][cat]
        tpl_f = bank[int(rng.integers(len(bank)))]
        s = fsym[lg].flat[int(rng.integers(fsym[lg].size[0]))]
        t = tpl_f.format(
            drug=str(drug[i]).replace("la ", "").replace("l'", "").replace("le ", ""),
            symptom_en=s,
            symptom_es=s,
            symptom_de=s,
            symptom_ar=s,
        )
        # Compose greeting / closing / emoji so foreign posts are not a handful of fixed texts.
        ex = L.FOREIGN_EXTRA[lg]
        u3 = rng.random(4)
        if u3[0] < 0.5:
            t = f"{ex['greet'][int(u3[1] * len(ex['greet']))]} {t}"
        if u3[2] < 0.5:
            t = f"{t} {ex['close'][int(u3[3] * len(ex['close']))]}"
        if u3[1] < 0.3:
            t = f"{t} {L.EMOJIS['neutre'][int(u3[3] * 5)]}"
        texts[i] = t

    return {
        "text": texts,
        "lang": lang,
        "sentiment": sent,
        "role_disclosed": disc & is_fr,
        "motivation_signal": np.where(has_sig & is_fr, sig_mot, -1),
        "is_long": long_post,
        "theme": theme,
        "drop_q": drop_q,
    }


def inject_pii(
    rng: np.random.Generator,
    texts: list[str],
    candidates: np.ndarray,
    female: np.ndarray,
    pro: list[str],
    city: list[str],
    share: float,
) -> tuple[np.ndarray, list[tuple[int, str, str]]]:
    """Add sentences with personal data to a share of comments; returns rows and records."""
    k = int(round(share * candidates.size))
    rows = np.sort(rng.choice(candidates, size=min(k, candidates.size), replace=False))
    fac = PiiFactory(rng)
    records: list[tuple[int, str, str]] = []
    n_pieces = np.where(rng.random(rows.size) < 0.15, 2, 1)
    types = rng.choice(
        len(PII_TYPES), size=int(n_pieces.sum()), p=TYPE_WEIGHTS / TYPE_WEIGHTS.sum()
    )
    j = 0
    for r, npc in zip(rows.tolist(), n_pieces.tolist()):
        t = texts[r]
        for _ in range(npc):
            sentence, pieces = fac.sentence(PII_TYPES[types[j]], bool(female[r]), pro[r], city[r])
            j += 1
            t = f"{sentence} {t}" if rng.random() < 0.15 else f"{t} {sentence}"
            records.extend((r, typ, val) for typ, val in pieces)
        texts[r] = t
    return rows, records


def scrape_noise(
    rng: np.random.Generator, texts: list[str], candidates: np.ndarray, p_html: float, p_moji: float
) -> tuple[np.ndarray, np.ndarray]:
    """HTML residue and mojibake on small shares (never on comments carrying PII)."""
    u = rng.random(candidates.size)
    html_rows = candidates[u < p_html]
    moji_rows = candidates[(u >= p_html) & (u < p_html + p_moji)]
    uh = rng.random(html_rows.size)
    for r, x in zip(html_rows.tolist(), uh.tolist()):
        texts[r] = noise.html(texts[r], x)
    for r in moji_rows.tolist():
        texts[r] = noise.mojibake(texts[r])
    return html_rows, moji_rows
