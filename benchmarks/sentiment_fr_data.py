"""Real labelled French sentiment corpora and their fixed train / tune / test splits.

Shared by ``train_sentiment_fr.py`` (fits on ``train``, tunes on ``tune``) and
``bench_sentiment_fr.py`` (reports on ``test``, never seen while tuning). Data files stay
out of git: they are read from ``--data-dir`` or ``$AMBASSADEURS_REALDATA/sentiment_fr``.
How to get each one (repository, commit, file, licence): docs/topics.md, section
"Sentiment".

| corpus | domain | labels | train | tune | test |
|---|---|---|---|---|---|
| ``deft2017_tweets`` | tweets (DEFT 2017 via cardiffnlp/xlm-t UMSAB) | neg/neu/pos | train file | val file | test file |
| ``allocine_series`` | TV-series reviews (Allociné, Dong & de Melo 2018) | neg/pos | train.tsv | dev.tsv | test.tsv |
| ``cls_books_fr`` | Amazon.fr book reviews (Webis-CLS-10 test set) | neg/pos | 60 % | 20 % | 20 % (seeded) |
| ``hospitalidee`` | hospital patient reviews (Hospitalidée) | neg/pos | 80 % of combined_df | 20 % of combined_df | df_test.csv |
| ``neutre_factuel`` | **weak labels**: SIB-200 French sentences (Flores-200, encyclopedic) and LabForSims2 doctor turns, all taken as neutre | neu | SIB train + 60 % of doctor turns | SIB dev + 20 % | SIB test + 20 % |

| ``sp_plus_autres`` | Services Publics+ experiences about non-health bodies (consulates, CAF, préfectures…) | the writer's own Positif / Neutre / Négatif | 60 % | 20 % | 20 % (seeded) |

Test only (never in training or tuning, every row in ``test``): ``sp_plus_sante`` (the
Services Publics+ experiences about health bodies: TousAntiCovid, CPAM, CNAM, MDPH, MSA,
hospitals, ARS) and ``mutuelle_sante`` (health-insurance reviews, 1–5 stars).

``neutre_factuel`` is an assumption, not an annotation: factual sentences and a doctor's
questions carry no opinion. Without it the model, whose only neutral examples were tweets
about climate policy, read any medical vocabulary as negative.

Rows whose normalised text also occurs in a training or tuning split are dropped from the
test split (short answers such as "rien" repeat), so no test text was seen in training.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from ambassadeurs_pipeline.sentiment.model_fr import normalise  # noqa: E402

SPLITS = ("train", "tune", "test")
HEALTH = "hospitalidee"
NEUTRAL = "neutre_factuel"
PUBLIC_SERVICES = "sp_plus_autres"
#: Corpora with train / tune / test splits (training reads only train, tuning only tune).
CORPORA = ("deft2017_tweets", "allocine_series", "cls_books_fr", HEALTH, NEUTRAL, PUBLIC_SERVICES)
#: Test-only corpora: real French health text with its writers' own tone labels, never used
#: for training or tuning (every row is in ``test``).
EVAL_ONLY = ("sp_plus_sante", "mutuelle_sante")
SPLIT_SEED = 20240601  # fixed: the splits must not move when the global seed does


@dataclass(frozen=True)
class Corpus:
    name: str
    texts: dict[str, list[str]]
    labels: dict[str, np.ndarray]  # values in {"negatif", "neutre", "positif"}

    @property
    def three_way(self) -> bool:
        return any((lab == "neutre").any() for lab in self.labels.values())


def data_root(arg: Path | None) -> Path:
    """``--data-dir`` or ``$AMBASSADEURS_REALDATA/sentiment_fr``; exits with how to get it."""
    root = arg
    if root is None and os.environ.get("AMBASSADEURS_REALDATA"):
        root = Path(os.environ["AMBASSADEURS_REALDATA"]) / "sentiment_fr"
    if root is None or not root.is_dir():
        sys.exit(
            "French sentiment corpora not found: pass --data-dir DIR or set AMBASSADEURS_REALDATA "
            "(DIR = $AMBASSADEURS_REALDATA/sentiment_fr with one folder per corpus). "
            "docs/topics.md, section 'Sentiment', says where to get each file."
        )
    return root


def _split(n: int, fractions: tuple[float, float], seed: int) -> np.ndarray:
    order = np.random.default_rng(seed).permutation(n)
    n_train, n_tune = int(round(fractions[0] * n)), int(round(fractions[1] * n))
    out = np.empty(n, dtype=object)
    out[order[:n_train]] = "train"
    out[order[n_train : n_train + n_tune]] = "tune"
    out[order[n_train + n_tune :]] = "test"
    return out


def _deft(root: Path) -> pd.DataFrame:
    names = {"0": "negatif", "1": "neutre", "2": "positif"}  # TweetEval / UMSAB order
    frames = []
    for split, file in (("train", "train"), ("tune", "val"), ("test", "test")):
        text = (root / f"{file}_text.txt").read_text(encoding="utf-8").splitlines()
        lab = (root / f"{file}_labels.txt").read_text(encoding="utf-8").split()
        if len(text) != len(lab):
            raise ValueError(f"{root}/{file}_*.txt: {len(text)} texts but {len(lab)} labels")
        frames.append(
            pd.DataFrame({"text": text, "label": [names[x] for x in lab], "split": split})
        )
    return pd.concat(frames, ignore_index=True)


def _allocine(root: Path) -> pd.DataFrame:
    frames = []
    for split, file in (("train", "train"), ("tune", "dev"), ("test", "test")):
        rows = [
            line.split("\t", 1)
            for line in (root / f"{file}.tsv").read_text(encoding="utf-8").splitlines()
            if "\t" in line
        ]
        frames.append(
            pd.DataFrame(
                {
                    "text": [r[1] for r in rows],
                    "label": ["positif" if r[0] == "1" else "negatif" for r in rows],
                    "split": split,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _books(root: Path) -> pd.DataFrame:
    data = pd.read_csv(
        root / "books-fr.test-aligned.csv", header=None, names=["text", "polarity"], dtype=str
    )
    data["label"] = np.where(data["polarity"].str.strip() == "True", "positif", "negatif")
    data["split"] = _split(len(data), (0.6, 0.2), SPLIT_SEED)
    return data[["text", "label", "split"]]


def _hospital(root: Path) -> pd.DataFrame:
    names = {"Positif": "positif", "Négatif": "negatif"}
    train = pd.read_csv(root / "combined_df.csv")
    test = pd.read_csv(root / "df_test.csv")
    for frame, file in ((train, "combined_df.csv"), (test, "df_test.csv")):
        unknown = set(frame["Ratings"]) - set(names)
        if unknown:
            raise ValueError(f"{root}/{file}: column Ratings has unknown values {sorted(unknown)}")
    train = pd.DataFrame(
        {
            "text": train["Comments"].astype(str),
            "label": train["Ratings"].map(names),
            "split": _split(len(train), (0.8, 0.2), SPLIT_SEED),
        }
    )
    test = pd.DataFrame(
        {"text": test["Comments"].astype(str), "label": test["Ratings"].map(names), "split": "test"}
    )
    return pd.concat([train, test], ignore_index=True)


def _neutral(root: Path) -> pd.DataFrame:
    frames = []
    for split, file in (("train", "train"), ("tune", "dev"), ("test", "test")):
        sib = pd.read_csv(root / f"{file}.tsv", sep="\t", dtype=str)
        frames.append(pd.DataFrame({"text": sib["text"], "label": "neutre", "split": split}))
    turns = [
        line.split("+++", 1)[1].strip()
        for line in (root / "doctor.txt").read_text(encoding="utf-8").splitlines()
        if "+++" in line
    ]
    turns = list(dict.fromkeys(turns))  # the corpus repeats scripted turns
    frames.append(
        pd.DataFrame(
            {"text": turns, "label": "neutre", "split": _split(len(turns), (0.6, 0.2), SPLIT_SEED)}
        )
    )
    return pd.concat(frames, ignore_index=True)


#: Services Publics+ rows about a health body (by typology or structure): the test-only
#: ``sp_plus_sante``; every other row is ``sp_plus_autres`` (training).
_SP_HEALTH_RE = re.compile(
    r"tous ?anti ?covid|mdph|\bcpam\b|\bcnam\b|hospitali|h[ôo]pital|\bmsa\b|\bars\b|camieg|"
    r"assurance maladie|ameli|sant[ée]\b",
    re.IGNORECASE,
)
_SP_LABELS = {"Positif": "positif", "Neutre": "neutre", "Négatif": "negatif"}


def _sp_plus(root: Path, health: bool) -> pd.DataFrame:
    """Services Publics+ experiences (the users' own Positif / Neutre / Négatif), title and
    description joined; ``health`` picks the rows about a health body."""
    data = pd.read_csv(root / "balanced_dataset_full.csv", dtype=str)
    unknown = set(data["Ressenti usager"]) - set(_SP_LABELS)
    if unknown:
        raise ValueError(f"{root}/balanced_dataset_full.csv: unknown feelings {sorted(unknown)}")
    where = [c for c in data.columns if c.startswith(("Intitulé Typologie", "Intitulé structure"))]
    about_health = (
        data[where].fillna("").agg(" | ".join, axis=1).str.contains(_SP_HEALTH_RE).to_numpy()
    )
    data = data[about_health == health]
    text = (data["Titre"].fillna("") + ". " + data["Description"].fillna("")).str.strip(". ")
    split = _split(len(data), (0.6, 0.2), SPLIT_SEED) if not health else "test"
    return pd.DataFrame(
        {
            "text": text.to_numpy(),
            "label": data["Ressenti usager"].map(_SP_LABELS).to_numpy(),
            "split": split,
        }
    )


def _mutuelle(root: Path) -> pd.DataFrame:
    """Health-insurance (mutuelle) reviews with their writers' 1–5 stars: 1–2 négatif,
    3 neutre, 4–5 positif. Reading the .xlsx needs openpyxl (``pip install openpyxl``)."""
    data = pd.read_excel(root / "avis_1_traduit.xlsx")
    data = data[data["produit"] == "sante"]
    stars = data["note"].astype(int)
    label = np.select([stars <= 2, stars == 3], ["negatif", "neutre"], "positif")
    return pd.DataFrame(
        {"text": data["avis"].astype(str).to_numpy(), "label": label, "split": "test"}
    )


_LOADERS = {
    "deft2017_tweets": _deft,
    "allocine_series": _allocine,
    "cls_books_fr": _books,
    HEALTH: _hospital,
    NEUTRAL: _neutral,
    PUBLIC_SERVICES: lambda root: _sp_plus(root, health=False),
    "sp_plus_sante": lambda root: _sp_plus(root, health=True),
    "mutuelle_sante": _mutuelle,
}
#: Folder of each corpus under the data root (the two Services Publics+ parts share one file).
_FOLDERS = {PUBLIC_SERVICES: "sp_plus", "sp_plus_sante": "sp_plus", "mutuelle_sante": "mutuelle"}


def load_corpus(root: Path, name: str) -> Corpus:
    """One corpus with its three splits; test rows whose normalised text was seen are dropped."""
    frame = _LOADERS[name](root / _FOLDERS.get(name, name))
    frame = frame[frame["text"].astype(str).str.strip() != ""].copy()
    frame["norm"] = frame["text"].map(normalise)
    seen = set(frame.loc[frame["split"] != "test", "norm"])
    frame = frame[(frame["split"] != "test") | ~frame["norm"].isin(seen)]
    frame = frame[(frame["split"] != "test") | ~frame["norm"].duplicated()]
    return Corpus(
        name,
        {s: frame.loc[frame["split"] == s, "text"].tolist() for s in SPLITS},
        {s: frame.loc[frame["split"] == s, "label"].to_numpy(dtype=object) for s in SPLITS},
    )


def load_all(root: Path, names: tuple[str, ...] = CORPORA) -> dict[str, Corpus]:
    return {name: load_corpus(root, name) for name in names}
