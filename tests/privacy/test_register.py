"""The processing register: French and English, salt fingerprint only, retention and sources."""

from __future__ import annotations

from ambassadeurs_pipeline.pipelines.privacy.nodes import write_processing_register
from ambassadeurs_pipeline.pipelines.privacy.params import PrivacyParams
from ambassadeurs_pipeline.privacy.pseudonyms import salt_fingerprint

SALT = "register-test-salt-0123456789"


def test_register_names_sources_retention_and_fingerprint_not_salt():
    ingestion = {
        "comments": {
            "rows_in": 120,
            "period": {"start": "2024-01-01", "end": "2024-12-31"},
            "sources": {"forum": 120},
        }
    }
    fr, en = write_processing_register(
        SALT,
        PrivacyParams(retention_days=365),
        ingestion,
        {"pii": {"comments_with_pii": 7}},
        "data/x.csv",
    )
    for text in (fr, en):
        assert SALT not in text and salt_fingerprint(SALT) in text
        assert "365" in text and "data/x.csv" in text and "2024-01-01" in text and "forum" in text
    assert "Registre des activités de traitement" in fr and "Record of processing activities" in en
