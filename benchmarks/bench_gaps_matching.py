"""Benchmark: catalog-style matching of questions to answers on real French medical dialogue.

Data: LabForSims2 (CEA LIST, CC BY-SA 4.0), simulated doctor–patient consultations in French,
read from ``../shared/data/labforsims2_single`` (``doctor.txt``/``patient.txt``: ``ID +++
text``; ``d_p.txt``: ``doctor_id +++ patient_id``, the patient's reply to that question).

Task, as the gaps stage matches question groups to catalog items: for every doctor question,
rank all patient answers by cosine similarity of their embeddings and check where the true
answer lands. The same answer text is given to many questions (637 distinct texts for 2,701
pairs), so candidates are the distinct answer texts: identical texts cannot be told apart
by any embedding. Each backend is fitted on all doctor and patient texts, as the topics stage
fits it on the comments before the gaps stage embeds the catalog.

    nice python benchmarks/bench_gaps_matching.py [--data DIR] [--backends tfidf_svd,spacy_vectors]

Prints one line per backend: recall@1, recall@10, MRR, and a random-ranking baseline; then
the same for the gaps stage's hybrid similarity (``coverage.hybrid_similarity``: share
``coverage.lexical_weight`` of stem TF-IDF cosine + the rest of the backend's cosine), and
for the stem TF-IDF alone (lexical weight 1, backend-independent).
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path

import numpy as np

from ambassadeurs_pipeline.embeddings import available_backends, make_backend
from ambassadeurs_pipeline.pipelines.gaps.coverage import hybrid_similarity
from ambassadeurs_pipeline.pipelines.gaps.params import CoverageParams

logger = logging.getLogger("bench_gaps_matching")
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/labforsims2_single"


def read_lines(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if " +++ " in line:
            key, text = line.split(" +++ ", 1)
            out[key.strip()] = text.strip()
    return out


def load_pairs(data: Path) -> tuple[list[str], list[str], np.ndarray]:
    """(questions, distinct answer texts, index of each question's true answer text)."""
    doctor = read_lines(data / "doctor.txt")
    patient = read_lines(data / "patient.txt")
    pairs = [
        (d, p) for d, p in read_lines(data / "d_p.txt").items() if d in doctor and p in patient
    ]
    answers = sorted({patient[p] for _, p in pairs})
    index = {t: i for i, t in enumerate(answers)}
    questions = [doctor[d] for d, _ in pairs]
    gold = np.array([index[patient[p]] for _, p in pairs])
    return questions, answers, gold


def recall_at(ranks: np.ndarray, k: int) -> float:
    return float((ranks < k).mean())


def _ranks(sims: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Rank of the true answer (0 = first); ties counted pessimistically."""
    true = sims[np.arange(len(gold)), gold][:, None]
    return (sims > true).sum(axis=1) + (sims == true).sum(axis=1) - 1


def _scores(ranks: np.ndarray) -> dict:
    return {
        "recall@1": round(recall_at(ranks, 1), 4),
        "recall@10": round(recall_at(ranks, 10), 4),
        "mrr": round(float((1.0 / (ranks + 1)).mean()), 4),
    }


def _unit(m: np.ndarray) -> np.ndarray:
    m = np.asarray(m, dtype=np.float32)
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)


def evaluate(backend_name: str, questions: list[str], answers: list[str], gold: np.ndarray) -> dict:
    start = time.perf_counter()
    backend = make_backend(backend_name, show_progress=False)
    backend.fit(questions + answers)
    q = _unit(backend.transform(questions))
    a = _unit(backend.transform(answers))
    cfg = CoverageParams()
    hybrid = hybrid_similarity(questions, answers, q, a, cfg.lexical_weight, cfg.stem_length)
    return {
        "backend": backend_name,
        "n_questions": len(questions),
        "n_candidates": len(answers),
        **_scores(_ranks(q @ a.T, gold)),
        f"hybrid_lexical_{cfg.lexical_weight}": _scores(_ranks(hybrid, gold)),
        "seconds": round(time.perf_counter() - start, 1),
    }


def evaluate_lexical(questions: list[str], answers: list[str], gold: np.ndarray) -> dict:
    cfg = CoverageParams()
    empty_q, empty_a = np.zeros((len(questions), 1)), np.zeros((len(answers), 1))
    sims = hybrid_similarity(questions, answers, empty_q, empty_a, 1.0, cfg.stem_length)
    return {"backend": f"stem_tfidf (stem_length {cfg.stem_length})", **_scores(_ranks(sims, gold))}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--backends", default=None, help="comma-separated; default: all registered")
    parser.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    questions, answers, gold = load_pairs(args.data)
    names = args.backends.split(",") if args.backends else available_backends()
    results = []
    logger.info(
        "%d questions, %d distinct answers; random baseline recall@1=%.4f recall@10=%.4f",
        len(questions),
        len(answers),
        1 / len(answers),
        10 / len(answers),
    )
    for name in names:
        try:
            result = evaluate(name, questions, answers, gold)
        except Exception as err:  # a backend whose optional package is absent
            result = {"backend": name, "error": f"{type(err).__name__}: {err}"[:300]}
        logger.info(json.dumps(result, ensure_ascii=False))
        results.append(result)
    lexical = evaluate_lexical(questions, answers, gold)
    logger.info(json.dumps(lexical, ensure_ascii=False))
    results.append(lexical)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
