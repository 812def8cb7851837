"""PII detectors kept in modules of their own (registered in :mod:`..pii`'s registry on import)."""
