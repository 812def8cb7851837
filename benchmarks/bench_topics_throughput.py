"""Throughput and peak memory of the topics stage on demo corpora (not a timed test).

For each size, in a fresh child process (so peak RSS is the stage's own): comments/s of
the embedding node, of the whole topics stage (every node function in pipeline order,
default ``conf/base`` parameters, so BERTopic is fitted on a 30k sample and assigns the
rest), and the child's peak RSS. The input is the demo generator's comments with a
trivial stand-in for cleaning (text → text_clean, everything in model): cleaning has its
own benchmark.

    nice python benchmarks/bench_topics_throughput.py --sizes 20000,100000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def child(n: int, seed: int) -> dict:
    import pandas as pd
    import yaml

    from ambassadeurs_pipeline.demo import generate_demo
    from ambassadeurs_pipeline.pipelines.topics import annotate, fit, quality, summaries, trends
    from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams

    demo = generate_demo(n, seed).comments
    frame = pd.DataFrame(
        {
            "comment_id": demo["id"].astype(str),
            "text_clean": demo["text"].astype(str),
            "in_model": True,
            "created_at": pd.to_datetime(
                demo["created_at"], errors="coerce", format="mixed", utc=True
            ).dt.tz_convert(None),
            "lang": "fr",
        }
    )
    params = TopicsParams(
        **yaml.safe_load((ROOT / "conf/base/parameters_topics.yml").read_text())["topics"]
    )
    params.embedding.options = {**params.embedding.options, "show_progress": False}
    timings = {}
    t0 = time.perf_counter()
    backend = fit.fit_embedding_model(frame, params, 42)
    emb = pd.concat(fit.embed_comments(frame, backend, params), ignore_index=True)
    timings["embed"] = time.perf_counter() - t0
    t = time.perf_counter()
    model, assignments = fit.fit_topic_model(frame, emb, backend, params, 42)
    timings["fit_topic_model"] = time.perf_counter() - t
    t = time.perf_counter()
    ct = annotate.build_comment_topics(assignments, annotate.annotate_comments(frame, params))
    timings["annotate"] = time.perf_counter() - t
    t = time.perf_counter()
    summaries.describe_topics(ct, frame, emb, model, params)
    summaries.extract_topic_keywords(ct, frame, params)
    tot = summaries.count_topics_over_time(ct)
    trends.detect_topic_trends(tot, params)
    summaries.summarise_topic_sentiment(ct)
    trends.detect_bad_buzz(ct, params)
    timings["tables"] = time.perf_counter() - t
    t = time.perf_counter()
    q = quality.assess_topic_quality(ct, frame, emb, model, params, 42)
    timings["quality"] = time.perf_counter() - t
    total = time.perf_counter() - t0
    return {
        "n_comments": len(frame),
        "embed_comments_per_s": round(len(frame) / timings["embed"], 1),
        "topics_stage_comments_per_s": round(len(frame) / total, 1),
        "seconds": {k: round(v, 1) for k, v in timings.items()} | {"total": round(total, 1)},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "n_topics": q["n_topics"],
        "outlier_share": q["outlier_share"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.seed)))
        return
    results = []
    for n in map(int, args.sizes.split(",")):
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(n), "--seed", str(args.seed)],
            capture_output=True,
            text=True,
        )
        results.append(
            json.loads(proc.stdout.strip().splitlines()[-1])
            if proc.returncode == 0
            else {"n": n, "error": proc.stderr[-1500:]}
        )
        print(json.dumps(results[-1]), flush=True)


if __name__ == "__main__":
    main()
