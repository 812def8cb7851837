"""Measures the product against ground truth: the demo corpus' planted truth, the PII test
set, simulated campaigns. A repository tool, run from the repository root as
``python -m evaluation.<name>`` (``cleaning``, ``gaps``, ``topics``, ``topic_labels``,
``personas``, ``uplift``, ``pii``, ``report_quotes``); it is not in the wheel, and
``src/ambassadeurs_pipeline`` never imports it.
"""
