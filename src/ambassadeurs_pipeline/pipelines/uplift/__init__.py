"""Uplift pipeline: evaluation of ambassador-recruitment campaigns (A/B or multi-arm).

Design checks → average effects per arm → effects per segment → cross-fitted uplift model
with Qini/AUUC → power → a French verdict and figures. See ``docs/uplift.md``.
"""

from .pipeline import create_pipeline

__all__ = ["create_pipeline"]
