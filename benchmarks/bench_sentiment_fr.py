"""French sentiment on real labelled text never used for training or tuning.

    python benchmarks/bench_sentiment_fr.py --data-dir $AMBASSADEURS_REALDATA/sentiment_fr
    # or: AMBASSADEURS_REALDATA=/path python benchmarks/bench_sentiment_fr.py [--json out.json]

For each corpus of ``sentiment_fr_data.py``, on its frozen ``test`` split, for the shipped
``modele_fr`` and for the old ``lexique_fr`` (same texts):

- ``accuracy_pos_neg``: forced choice on rows labelled positive or negative, sign of the
  score (what "accuracy positive vs negative" means in the literature);
- ``accuracy_labels``: the pipeline's ``sentiment_label`` (with the neutral band) against
  the gold label, a "neutre" on a polar row counting as an error;
- ``macro_f1``: over the gold classes (3-way where neutral labels exist), same labels;
- ``negatives_labelled_neutre``: share of gold negatives that come out "neutre";
- ``confusion``: gold rows × predicted columns (negatif, neutre, positif);
- ``ece``: expected calibration error (10 equal bins) of P(positif | polar) on polar rows,
  and of the top-class probability on 3-way corpora (model only: the lexicon has none).

Also the model's throughput on one core (``--speed``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sentiment_fr_data import CORPORA, EVAL_ONLY, data_root, load_all  # noqa: E402

from ambassadeurs_pipeline.sentiment.base import LABELS, label_scores  # noqa: E402

Predict = Callable[[list[str]], np.ndarray]  # (n, 3) probabilities or (n,) scores in [-1, 1]


def ece(prob: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """Σ_b |B_b|/n · |mean(correct in B_b) − mean(prob in B_b)| over equal-width bins of prob."""
    prob, correct = np.asarray(prob, float), np.asarray(correct, float)
    idx = np.minimum((prob * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            total += mask.sum() * abs(correct[mask].mean() - prob[mask].mean())
    return float(total / max(1, len(prob)))


def corpus_metrics(out: np.ndarray, gold: np.ndarray, band: float) -> dict:
    proba = out if out.ndim == 2 else None
    scores = proba[:, 2] - proba[:, 0] if proba is not None else out
    pred = label_scores(scores, band).astype(object)
    polar = gold != "neutre"
    gold_classes = sorted(set(gold))
    negative = gold == "negatif"
    res = {
        "n": int(len(gold)),
        "n_by_label": {k: int((gold == k).sum()) for k in LABELS if (gold == k).any()},
        # None where the corpus has no such rows (the weak-label neutral corpus)
        "accuracy_pos_neg": round(
            float(((scores[polar] > 0) == (gold[polar] == "positif")).mean()), 4
        )
        if polar.any()
        else None,
        "accuracy_labels": round(float((pred == gold).mean()), 4),
        "macro_f1": round(
            float(f1_score(gold, pred, labels=gold_classes, average="macro", zero_division=0)), 4
        ),
        "negatives_labelled_neutre": round(float((pred[negative] == "neutre").mean()), 4)
        if negative.any()
        else None,
        "confusion": {
            "rows_gold_cols_pred": list(LABELS),
            "matrix": confusion_matrix(gold, pred, labels=list(LABELS)).tolist(),
        },
    }
    if proba is not None and polar.any():
        p_pos = proba[polar, 2] / np.maximum(proba[polar, 2] + proba[polar, 0], 1e-12)
        res["ece_pos_vs_neg"] = round(ece(p_pos, gold[polar] == "positif"), 4)
    if proba is not None and not polar.all():
        top = proba.argmax(axis=1)
        res["ece_top_class"] = round(
            ece(proba.max(axis=1), np.array(LABELS, dtype=object)[top] == gold), 4
        )
    return res


def evaluate_backend(
    root: Path, predict: Predict, band: float, corpora: tuple[str, ...] = CORPORA + EVAL_ONLY
) -> dict:
    """Metrics of ``predict`` on every corpus's frozen test split (test-only corpora included)."""
    data = load_all(root, corpora)
    return {
        "neutral_band": band,
        "corpora": {
            n: corpus_metrics(np.asarray(predict(c.texts["test"])), c.labels["test"], band)
            for n, c in data.items()
        },
    }


def render_markdown(metrics: dict, title: str = "modele_fr") -> str:
    lines = [
        f"### {title} (neutral band {metrics['neutral_band']})",
        "",
        "| corpus (test) | n | acc. pos/neg | acc. labels | macro-F1 | negatives → neutre | ECE |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, m in metrics["corpora"].items():
        ece_txt = m.get("ece_pos_vs_neg") or m.get("ece_top_class") or "—"
        lines.append(
            f"| {name} | {m['n']} | {m['accuracy_pos_neg']} | {m['accuracy_labels']} | {m['macro_f1']} | {m['negatives_labelled_neutre']} | {ece_txt} |"
        )
    return "\n".join(lines)


def throughput(texts: list[str], predict: Predict) -> float:
    predict(texts[:100])  # load / warm up
    t0 = time.perf_counter()
    predict(texts)
    return len(texts) / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument(
        "--json", type=Path, default=None, help="also write every figure to this file"
    )
    parser.add_argument(
        "--speed", type=int, default=20000, help="texts for the throughput measure (0: skip)"
    )
    args = parser.parse_args()
    root = data_root(args.data_dir)

    from ambassadeurs_pipeline.sentiment import make_backend
    from ambassadeurs_pipeline.sentiment.model_fr import load_model

    model = load_model()
    lexicon = make_backend("lexique_fr")
    band = float(model.config["neutral_band"])
    from ambassadeurs_pipeline.sentiment.model_fr import FrenchModel

    uncalibrated = FrenchModel(
        model.config | {"calibration": {"temperature": 1.0}}, model.coef_t.T, model.intercept
    )
    out = {
        "modele_fr": evaluate_backend(root, model.predict_proba, band),
        "lexique_fr": evaluate_backend(root, lexicon.score, 0.2),
        "modele_fr_temperature_1": evaluate_backend(root, uncalibrated.predict_proba, band),
    }
    print(render_markdown(out["modele_fr"]))
    print()
    print(render_markdown(out["lexique_fr"], "lexique_fr (old default)"))
    print("\nECE P(positif | polar) with / without temperature scaling:")
    for name, m in out["modele_fr"]["corpora"].items():
        raw = out["modele_fr_temperature_1"]["corpora"][name]
        print(
            f"  {name}: {m.get('ece_pos_vs_neg')} / {raw.get('ece_pos_vs_neg')}"
            + (
                f"; top class {m['ece_top_class']} / {raw['ece_top_class']}"
                if "ece_top_class" in m
                else ""
            )
        )
    for name in out["modele_fr"]["corpora"]:
        print(f"\n{name}: confusion (rows gold, cols predicted {list(LABELS)})")
        print("  modele_fr ", out["modele_fr"]["corpora"][name]["confusion"]["matrix"])
        print("  lexique_fr", out["lexique_fr"]["corpora"][name]["confusion"]["matrix"])
    if args.speed:
        data = load_all(root)
        pool = [t for c in data.values() for s in ("train", "tune", "test") for t in c.texts[s]]
        texts = [pool[i % len(pool)] for i in range(args.speed)]
        backend = make_backend("modele_fr_seul")
        out["throughput_comments_per_s"] = {
            "modele_fr": round(throughput(texts, lambda t: backend.score(t)), 1),
            "lexique_fr": round(throughput(texts, lexicon.score), 1),
            "n_texts": len(texts),
            "mean_chars": round(float(np.mean([len(t) for t in texts])), 1),
        }
        print("\nthroughput (comments/s, this process, 1 core):", out["throughput_comments_per_s"])
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
