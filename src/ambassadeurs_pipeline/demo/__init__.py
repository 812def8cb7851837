"""Seeded generator of the French demo corpus and its ground truth.

``generate_demo(n_comments, seed)`` builds everything in memory; ``write_demo`` writes the
CSV files; ``python -m ambassadeurs_pipeline.demo --n-comments N --seed S --out DIR`` does
both. See docs/demo_data.md for the files, columns and planted ground truth.
"""

from .generator import DemoDataset, generate_demo, write_demo

__all__ = ["DemoDataset", "generate_demo", "write_demo"]
