"""Throughput and memory of the personas nodes on a synthetic corpus (default 100k comments).

    nice python benchmarks/bench_personas.py --n-comments 100000 --seed 42

The corpus is made here (Zipf-distributed author activity, reply threads, French sentences
carrying role and motivation cues) with the contract columns of ``comments_clean`` and
``comment_topics``, so the benchmark runs without the upstream stages. Prints one line per
node (seconds, peak RSS of the process) and a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import sys
import time

import numpy as np
import pandas as pd

from ambassadeurs_pipeline.pipelines.personas.candidates import rank_ambassador_candidates
from ambassadeurs_pipeline.pipelines.personas.cards import describe_personas
from ambassadeurs_pipeline.pipelines.personas.clustering import cluster_personas
from ambassadeurs_pipeline.pipelines.personas.features import build_author_features
from ambassadeurs_pipeline.pipelines.personas.params import PersonasParams

SENTENCES = [
    "J'ai été diagnostiquée en 2019, n'attendez pas pour votre mammographie.",
    "Ma mère est atteinte d'un cancer, ici je me sens moins seule.",
    "En tant qu'infirmière, j'aimerais que notre expertise soit reconnue.",
    "Si ça peut aider les autres, je suis là pour répondre.",
    "Quelqu'un a-t-il eu des effets secondaires avec ce traitement ?",
    "Merci pour ta réponse, ça m'aide beaucoup.",
    "Je ne suis pas médecin mais je pense qu'il faut consulter.",
    "On est tous dans le même bateau, courage à vous.",
]


def synthetic_corpus(n_comments: int, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n_authors = max(10, n_comments // 12)
    activity = rng.zipf(1.8, n_authors).astype(float)
    author = rng.choice(n_authors, size=n_comments, p=activity / activity.sum())
    is_reply = rng.random(n_comments) < 0.7
    parent = np.where(is_reply, (rng.random(n_comments) * np.arange(n_comments)).astype(int), -1)
    parent[0] = -1
    ids = np.array([f"c{i}" for i in range(n_comments)], dtype=object)
    comments = pd.DataFrame(
        {
            "comment_id": ids,
            "author_id": [f"au_{a:016x}" for a in author],
            "thread_id": "t0",
            "parent_id": np.where(parent >= 0, ids[np.maximum(parent, 0)], None),
            "created_at": pd.Timestamp("2024-01-01")
            + pd.to_timedelta(rng.integers(0, 365 * 24, n_comments), unit="h"),
            "source": "forum",
            "likes": rng.poisson(2, n_comments),
            "text_clean": np.array(SENTENCES, dtype=object)[
                (author + rng.integers(0, 3, n_comments)) % len(SENTENCES)
            ],
            "lang": "fr",
            "is_spam": rng.random(n_comments) < 0.01,
            "is_bot_author": False,
            "is_duplicate": False,
            "in_model": True,
        }
    )
    topics = pd.DataFrame(
        {
            "comment_id": ids,
            "topic_id": rng.integers(-1, 12, n_comments),
            "topic_label": "sujet",
            "topic_probability": rng.random(n_comments),
            "sentiment_label": rng.choice(["negatif", "neutre", "positif"], n_comments),
            "sentiment_score": rng.uniform(-1, 1, n_comments),
            "is_question": comments["text_clean"].str.endswith("?"),
        }
    )
    info = pd.DataFrame({"topic_id": range(-1, 12), "label": [f"sujet {i}" for i in range(-1, 12)]})
    return comments, topics, info


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-comments", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    params = PersonasParams()
    comments, topics, info = synthetic_corpus(args.n_comments, args.seed)
    timings = {}

    def timed(name, fn, *a):
        start = time.perf_counter()
        out = fn(*a)
        timings[name] = {
            "seconds": round(time.perf_counter() - start, 2),
            "peak_rss_mb": round(_rss_mb(), 1),
        }
        sys.stderr.write(f"{name}: {timings[name]}\n")
        return out

    features, excluded = timed(
        "build_author_features", build_author_features, comments, topics, info, params, args.seed
    )
    personas, quality = timed(
        "cluster_personas", cluster_personas, features, excluded, params, args.seed
    )
    timed(
        "describe_personas", describe_personas, features, personas, quality, comments, info, params
    )
    timed("rank_ambassador_candidates", rank_ambassador_candidates, features, personas, params)
    total = sum(t["seconds"] for t in timings.values())
    summary = {
        "n_comments": args.n_comments,
        "n_authors": int(comments["author_id"].nunique()),
        "n_clustered": int(quality["authors_clustered"]),
        "nodes": timings,
        "total_seconds": round(total, 2),
        "comments_per_second": round(args.n_comments / total, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
    }
    sys.stdout.write(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
