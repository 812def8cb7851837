"""Topic labels on real French text: LabForSims2 (CEA LIST, LREC 2020, CC BY-SA 4.0).

Real simulated-consultation turns nobody here wrote (``doctor.txt`` and ``patient.txt``:
``ID +++ text``). They are grouped into ``--k`` clusters (TF-IDF + k-means, seeded) and
each cluster is named twice: by the previous keyword label (``vocabulary.make_label`` on the
cluster's c-TF-IDF terms) and by ``labels.label_topics``. A sanity check of the labelling
on text the rules were not written for, not a score.

    python benchmarks/bench_labels_real.py --data-dir /path/to/labforsims2_single

The corpus is not in the repository (CC BY-SA 4.0, CEA LIST; the LabForSims2 release of
LREC 2020): put ``doctor.txt``/``patient.txt`` in a folder and pass it, or set
``$AMBASSADEURS_REALDATA`` (then ``$AMBASSADEURS_REALDATA/labforsims2_single`` is read).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import numpy as np


def read_turns(data_dir: Path) -> list[str]:
    texts: list[str] = []
    for name in ("doctor.txt", "patient.txt"):
        for line in (data_dir / name).read_text(encoding="utf-8").splitlines():
            text = line.split("+++", 1)[-1].strip()
            if len(text.split()) >= 4:
                texts.append(text)
    return list(dict.fromkeys(texts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("AMBASSADEURS_REALDATA")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(default) / "labforsims2_single" if default else None
    )
    parser.add_argument("--k", type=int, default=12)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    if args.data_dir is None or not (args.data_dir / "patient.txt").exists():
        print(
            "LabForSims2 not found: pass --data-dir (a folder with doctor.txt and patient.txt).",
            file=sys.stderr,
        )
        return 2
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

    from ambassadeurs_pipeline.pipelines.topics.labels import label_topics
    from ambassadeurs_pipeline.pipelines.topics.vocabulary import (
        FrenchAnalyzer,
        make_label,
        stop_words,
    )

    texts = read_turns(args.data_dir)
    stop = stop_words()
    matrix = TfidfVectorizer(analyzer=FrenchAnalyzer(stop, 2), min_df=3).fit_transform(texts)
    clusters = KMeans(args.k, random_state=args.seed, n_init=4).fit_predict(matrix)
    # The previous label: c-TF-IDF terms per cluster (as BERTopic), then make_label.
    counts = CountVectorizer(analyzer=FrenchAnalyzer(stop, 2), min_df=1)
    docs = [" . ".join(t for t, c in zip(texts, clusters) if c == k) for k in range(args.k)]
    tf = counts.fit_transform(docs).toarray().astype(float)
    vocab = counts.get_feature_names_out()
    tf_norm = tf / tf.sum(axis=1, keepdims=True)
    idf = np.log(1 + tf.sum() / args.k / np.maximum(tf.sum(axis=0), 1e-9))
    ctfidf = tf_norm * idf
    before, taken, terms = {}, set(), {}
    for k in range(args.k):
        terms[k] = [vocab[i] for i in np.argsort(-ctfidf[k])[:10]]
        before[k] = make_label(terms[k], 4, set(stop), taken)
        taken.add(before[k])
    after = label_topics(
        texts,
        clusters,
        None,
        stop,
        max_words=4,
        sample_per_topic=300,
        random_state=args.seed,
        fallback_terms=terms,
    )
    print(f"{len(texts)} turns, {args.k} clusters (TF-IDF + k-means, seed {args.seed})\n")
    print("| size | before (keywords) | after (labels.py) | example turn |")
    print("|---|---|---|---|")
    for k in range(args.k):
        example = next(t for t, c in zip(texts, clusters) if c == k)
        example = re.sub(r"\s+", " ", example)[:70]
        print(f"| {int((clusters == k).sum())} | {before[k]} | {after[k]} | {example} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
