"""Hospital patient reviews: a larger held-out estimate than the 43-review test file.

    python benchmarks/cv_sentiment_fr_health.py --data-dir $AMBASSADEURS_REALDATA/sentiment_fr [--folds 5]

The frozen ``df_test.csv`` split has only 43 reviews once duplicates are dropped (95 %
interval about ±0.13 on an accuracy). Here every hospital review (train, tune and test
splits pooled, 483) is predicted by a model that did not see it: K folds, each fold's model
trained on the other corpora's ``train`` splits plus the other folds, with the shipped
model's settings (C, vectoriser, temperature, neutral band; nothing re-tuned). Also the
same with no hospital review in training at all (the figure for a domain never seen), and
the old lexicon on the same rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_sentiment_fr import corpus_metrics  # noqa: E402
from sentiment_fr_data import HEALTH, SPLITS, data_root, load_all  # noqa: E402
from train_sentiment_fr import SEED, _sample_weights  # noqa: E402

from ambassadeurs_pipeline.sentiment import make_backend  # noqa: E402
from ambassadeurs_pipeline.sentiment.model_fr import CLASSES, featurise, load_model  # noqa: E402


def _proba(clf: LogisticRegression, x, temperature: float) -> np.ndarray:
    z = clf.decision_function(x) / temperature
    p = np.exp(z - z.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    data = load_all(data_root(args.data_dir))
    config = load_model().config
    c_value, temperature, band = (
        config["training"]["C"],
        config["calibration"]["temperature"],
        config["neutral_band"],
    )

    others = [c for n, c in data.items() if n != HEALTH]
    x_other = featurise([t for c in others for t in c.texts["train"]], config)
    y_other = np.concatenate([[CLASSES.index(v) for v in c.labels["train"]] for c in others])
    health = data[HEALTH]
    h_texts = [t for s in SPLITS for t in health.texts[s]]
    h_gold = np.concatenate([health.labels[s] for s in SPLITS])
    x_health = featurise(h_texts, config)
    folds = np.random.default_rng(SEED).permutation(len(h_texts)) % args.folds

    def fit(x, y, labels):
        return LogisticRegression(C=c_value, max_iter=1000, tol=1e-4, random_state=SEED).fit(
            x, y, sample_weight=_sample_weights(labels)
        )

    proba = np.zeros((len(h_texts), 3))
    for k in range(args.folds):
        train = folds != k
        clf = fit(
            sp.vstack([x_other, x_health[train]]),
            np.r_[y_other, [CLASSES.index(v) for v in h_gold[train]]],
            [c.labels["train"] for c in others] + [h_gold[train]],
        )
        proba[~train] = _proba(clf, x_health[~train], temperature)
    unseen = _proba(
        fit(x_other, y_other, [c.labels["train"] for c in others]), x_health, temperature
    )
    out = {
        "n": len(h_texts),
        "folds": args.folds,
        "C": c_value,
        "temperature": temperature,
        "neutral_band": band,
        "cross_validated_with_other_hospital_reviews": corpus_metrics(proba, h_gold, band),
        "no_hospital_review_in_training": corpus_metrics(unseen, h_gold, band),
        "lexique_fr_same_rows": corpus_metrics(
            make_backend("lexique_fr").score(h_texts), h_gold, 0.2
        ),
    }
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
