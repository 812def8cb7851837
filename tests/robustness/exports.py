"""Small generated exports for the robustness matrix: comments in French, English or both,
with or without author / date / thread / likes columns, campaigns of 2 to 6 arms with odd
labels and outcomes, content catalogs (possibly empty). Seeded, so every case is the same
on every run; nothing is read from outside the repository."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

THEMES = {
    "fr": {
        "diabete": [
            "glycémie",
            "insuline",
            "lecteur de glucose",
            "hypoglycémie",
            "diabétologue",
            "capteur",
        ],
        "sommeil": [
            "insomnie",
            "mélatonine",
            "réveils nocturnes",
            "fatigue",
            "somnifères",
            "apnée du sommeil",
        ],
        "vaccin": [
            "vaccin",
            "rappel",
            "effets secondaires",
            "pharmacien",
            "bras douloureux",
            "carnet de vaccination",
        ],
        "teleconsultation": [
            "téléconsultation",
            "visio",
            "ordonnance en ligne",
            "rendez-vous",
            "médecin traitant",
            "application",
        ],
        "douleur": [
            "douleur chronique",
            "kiné",
            "anti-inflammatoires",
            "dos",
            "centre antidouleur",
            "séances",
        ],
    },
    "en": {
        "diabetes": ["blood sugar", "insulin", "glucose meter", "hypo", "diabetes nurse", "sensor"],
        "sleep": [
            "insomnia",
            "melatonin",
            "waking at night",
            "tiredness",
            "sleeping pills",
            "sleep apnoea",
        ],
        "vaccine": [
            "vaccine",
            "booster",
            "side effects",
            "pharmacist",
            "sore arm",
            "vaccination record",
        ],
        "telehealth": [
            "video consultation",
            "online appointment",
            "e-prescription",
            "GP",
            "booking app",
            "waiting list",
        ],
        "pain": ["chronic pain", "physio", "painkillers", "back pain", "pain clinic", "sessions"],
    },
}
STORY = {
    "fr": [
        "Depuis trois mois je galère avec {a}, et {b} n'a rien changé pour moi.",
        "Mon médecin m'a parlé de {a} mais personne ne m'a expliqué {b}.",
        "Petit retour d'expérience sur {a} : au début c'était dur, maintenant {b} m'aide beaucoup.",
        "J'en ai marre de {a}, surtout avec {b} tous les jours.",
        "Merci à tous pour vos conseils sur {a}, {b} a vraiment fait la différence.",
        "Attention avec {a}, chez moi {b} a provoqué des soucis.",
    ],
    "en": [
        "For three months I have struggled with {a}, and {b} changed nothing for me.",
        "My doctor mentioned {a} but nobody explained {b} to me.",
        "Quick feedback on {a}: hard at first, now {b} helps a lot.",
        "I am fed up with {a}, especially with {b} every day.",
        "Thanks everyone for your advice on {a}, {b} really made a difference.",
        "Be careful with {a}, for me {b} caused problems.",
    ],
}
QUESTION = {
    "fr": [
        "Est-ce que quelqu'un sait combien de temps dure {a} avec {b} ?",
        "Comment gérez-vous {a} quand {b} ne suffit plus ?",
        "Qui peut m'expliquer le lien entre {a} et {b} ?",
        "Faut-il arrêter {a} si {b} revient ?",
    ],
    "en": [
        "Does anyone know how long {a} lasts with {b}?",
        "How do you manage {a} when {b} is not enough?",
        "Can someone explain the link between {a} and {b}?",
        "Should I stop {a} if {b} comes back?",
    ],
}
REPLY = {
    "fr": [
        "Pareil pour moi avec {a}, courage !",
        "Demande à ton pharmacien pour {a}, il m'a bien aidée.",
        "Moi aussi je me pose la question sur {a}.",
        "Pour {a}, le mieux est d'en parler à ton médecin.",
    ],
    "en": [
        "Same for me with {a}, hang in there!",
        "Ask your pharmacist about {a}, they helped me a lot.",
        "I am wondering about {a} too.",
        "For {a}, best to talk to your doctor.",
    ],
}
FIRST = [
    "marie",
    "lucas",
    "emma",
    "hugo",
    "lea",
    "noah",
    "chloe",
    "louis",
    "ines",
    "jules",
    "sarah",
    "adam",
]


def comments_export(
    n: int,
    lang: str = "fr",
    seed: int = 0,
    *,
    author: bool = True,
    date: bool = True,
    thread: bool = True,
    likes: bool = True,
    near_duplicates: float = 0.0,
    names: dict[str, str] | None = None,
) -> pd.DataFrame:
    """``n`` comments (``lang`` = fr, en or mix), in threads of 1–6 posts over 14 months.

    ``near_duplicates``: share of rows that copy an earlier comment with a small edit.
    ``names``: rename the canonical columns (``{"text": "message"}``) as a foreign export would.
    """
    rng = np.random.default_rng(seed)
    n_authors = max(5, n // 4)
    handles = [f"{FIRST[i % len(FIRST)]}_{i:03d}" for i in range(n_authors)]
    start = pd.Timestamp("2025-01-01")
    rows: list[dict] = []
    thread_id = None
    theme_words: list[str] = []
    language = "fr"
    for i in range(n):
        new_thread = thread_id is None or rng.random() < 0.3
        if new_thread:
            language = lang if lang != "mix" else ("fr" if rng.random() < 0.6 else "en")
            theme = rng.choice(list(THEMES[language]))
            theme_words = THEMES[language][theme]
            thread_id = f"t{i:05d}"
            kind = QUESTION if rng.random() < 0.4 else STORY
        else:
            kind = REPLY if rng.random() < 0.6 else STORY
        a, b = rng.choice(theme_words, size=2, replace=False)
        text = rng.choice(kind[language]).format(a=a, b=b)
        if rows and rng.random() < near_duplicates:
            text = rows[int(rng.integers(len(rows)))]["text"].rstrip(" !?.") + rng.choice(
                [" !", "...", " ??", " merci"]
            )
        rows.append(
            {
                "id": f"c{i:06d}",
                "text": text,
                "author": handles[int(rng.zipf(1.6) - 1) % n_authors],
                "created_at": (
                    start
                    + pd.Timedelta(days=int(i * 420 / max(n, 1)), minutes=int(rng.integers(1440)))
                ).isoformat(),
                "thread_id": thread_id,
                "parent_id": None if new_thread else thread_id,
                "source": rng.choice(["forum", "facebook", "avis"]),
                "likes": int(rng.poisson(2)),
            }
        )
    frame = pd.DataFrame(rows)
    drop = [
        c for c, keep in (("author", author), ("created_at", date), ("likes", likes)) if not keep
    ]
    if not thread:
        drop += ["thread_id", "parent_id"]
    frame = frame.drop(columns=drop)
    return frame.rename(columns=names or {})


def campaign_export(
    units: list[str] | int,
    arms: list[str],
    seed: int = 0,
    *,
    control_share: float | None = None,
    outcome: str = "binary",
    effects: list[float] | None = None,
    base_rate: float = 0.1,
    with_unit: bool = True,
    post_treatment: bool = False,
) -> pd.DataFrame:
    """A randomised campaign: ``arm`` (labels as given, padding included), ``converted``,
    two pre-treatment covariates; ``arms[0]`` is the control.

    ``outcome``: ``binary`` (0/1), ``oui_non``, ``yes_no``, ``true_false`` (strings).
    ``control_share``: the control's share (others equal), else equal arms.
    ``post_treatment``: adds ``conversion`` (a copy of the outcome) and ``spend`` (> 0 only
    for converters), outcomes measured after the message, as in the Hillstrom export.
    """
    rng = np.random.default_rng(seed)
    ids = units if isinstance(units, list) else [f"u{i:05d}" for i in range(units)]
    n = len(ids)
    k = len(arms)
    if control_share is None:
        probs = np.full(k, 1 / k)
    else:
        probs = np.r_[control_share, np.full(k - 1, (1 - control_share) / (k - 1))]
    arm_idx = rng.choice(k, size=n, p=probs)
    effects = effects or [0.0] + [0.03 * (j + 1) for j in range(k - 1)]
    history = rng.poisson(6, n)
    seniority = rng.integers(10, 900, n)
    p = np.clip(base_rate + np.asarray(effects)[arm_idx] + 0.01 * (history > 6), 0, 1)
    y = (rng.random(n) < p).astype(int)
    frame = pd.DataFrame(
        {
            "arm": np.asarray(arms, dtype=object)[arm_idx],
            "history": history,
            "seniority_days": seniority,
        }
    )
    mapping = {
        "binary": (1, 0),
        "oui_non": ("oui", "non"),
        "yes_no": ("Yes", "No"),
        "true_false": ("true", "false"),
    }
    pos, neg = mapping[outcome]
    frame["converted"] = np.where(y == 1, pos, neg)
    if post_treatment:
        frame["conversion"] = y
        frame["spend"] = np.round(y * rng.gamma(2.0, 60.0, n), 2)
    if with_unit:
        frame.insert(0, "author", ids)
    return frame


def catalog_export(lang: str = "fr", empty: bool = False) -> pd.DataFrame:
    """A few guides, one per theme; ``empty``: the header alone."""
    columns = ["id", "title", "summary", "url", "theme"]
    if empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for language in ["fr", "en"] if lang == "mix" else [lang]:
        for j, (theme, words) in enumerate(THEMES[language].items()):
            rows.append(
                {
                    "id": f"{language}{j}",
                    "title": f"Guide : {words[0]}" if language == "fr" else f"Guide: {words[0]}",
                    "summary": ", ".join(words),
                    "url": f"https://example.org/{language}/{theme}",
                    "theme": theme,
                }
            )
    return pd.DataFrame(rows, columns=columns)


def write(frame: pd.DataFrame, path: Path, *, sep: str = ",", encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, sep=sep, encoding=encoding)
    return path


REVIEW_PARTS = (
    [
        "Urgences",
        "Maternité",
        "Service de cardiologie",
        "Accueil",
        "Chirurgie ambulatoire",
        "Radiologie",
        "Parking",
    ],
    [
        "attente interminable",
        "personnel adorable",
        "très bonne prise en charge",
        "chambre sale",
        "médecins à l'écoute",
        "aucune information",
        "repas froids",
        "infirmières débordées",
        "accueil glacial",
        "sortie bien organisée",
    ],
    ["", " Merci.", " Je déconseille.", " Je recommande.", " Dommage.", " Bravo à l'équipe !"],
)


def hospital_reviews(n: int, seed: int = 0) -> pd.DataFrame:
    """Short French hospital reviews (one line each): text, date and a rating source only
    (no author, no thread), like a public review site's export."""
    rng = np.random.default_rng(seed)
    services, remarks, ends = REVIEW_PARTS
    texts = [f"{rng.choice(services)} : {rng.choice(remarks)}.{rng.choice(ends)}" for _ in range(n)]
    dates = pd.Timestamp("2024-06-01") + pd.to_timedelta(rng.integers(0, 500, n), unit="D")
    return pd.DataFrame(
        {"avis": texts, "date_avis": dates.strftime("%d/%m/%Y"), "source": "avis_hopital"}
    )


def hillstrom_like(n: int, seed: int = 0) -> pd.DataFrame:
    """A stand-in for the Hillstrom e-mail campaign: no unit id, arms ``Mens E-Mail``,
    ``Womens E-Mail``, ``No E-Mail``; outcome ``visit``; ``conversion`` and ``spend`` are
    measured after the e-mail (post-treatment) but numeric like the pre-treatment columns."""
    rng = np.random.default_rng(seed)
    arms = np.array(["Mens E-Mail", "Womens E-Mail", "No E-Mail"], dtype=object)[
        rng.integers(0, 3, n)
    ]
    recency = rng.integers(1, 13, n)
    history = np.round(rng.gamma(2.0, 120.0, n), 2)
    base = (
        0.10
        + 0.06 * (arms == "Womens E-Mail")
        + 0.045 * (arms == "Mens E-Mail")
        + 0.01 * (recency < 4)
    )
    visit = (rng.random(n) < base).astype(int)
    conversion = visit * (rng.random(n) < 0.2).astype(int)
    return pd.DataFrame(
        {
            "recency": recency,
            "history": history,
            "mens": rng.integers(0, 2, n),
            "womens": rng.integers(0, 2, n),
            "newbie": rng.integers(0, 2, n),
            "channel": rng.choice(["Web", "Phone", "Multichannel"], n),
            "segment": arms,
            "visit": visit,
            "conversion": conversion,
            "spend": np.round(conversion * rng.gamma(2.0, 60.0, n), 2),
        }
    )
