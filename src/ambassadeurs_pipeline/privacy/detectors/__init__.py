"""PII detectors, one module per identifier type, behind the interface of :mod:`.spans`
(typed spans, detector protocol, registry); :mod:`ambassadeurs_pipeline.privacy.pii` composes
them and is where callers import from."""
