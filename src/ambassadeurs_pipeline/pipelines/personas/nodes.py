"""Node functions of the personas stage (each lives in the module named for its job)."""

from .candidates import rank_ambassador_candidates
from .cards import describe_personas
from .clustering import cluster_personas
from .features import build_author_features

__all__ = [
    "build_author_features",
    "cluster_personas",
    "describe_personas",
    "rank_ambassador_candidates",
]
