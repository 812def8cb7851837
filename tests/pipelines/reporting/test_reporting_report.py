"""The whole rendered report: self-contained, escaped, free of personal data."""

from __future__ import annotations

import re
from html import unescape

import standins

from ambassadeurs_pipeline.pipelines.reporting.nodes import build_report
from ambassadeurs_pipeline.pipelines.reporting.params import ReportingParams
from ambassadeurs_pipeline.pipelines.reporting.redact import redact_pii

# Independent of the report's own masking patterns, so a bug there cannot hide a leak here.
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\w)")
NIR = re.compile(
    r"(?<!\w)[12]\s?\d{2}\s?(?:0[1-9]|1[0-2])\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?(?!\w)"
)
DATA_URI = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")


def visible_text(html: str) -> str:
    return DATA_URI.sub("", html)


def test_report_is_self_contained(standin_report_html):
    html = standin_report_html
    assert html.startswith("<!DOCTYPE html>") and '<html lang="fr">' in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "@import" not in html and "url(" not in visible_text(html)
    assert "<script" not in html.lower()
    assert "default-src 'none'; img-src data:" in unescape(
        html
    )  # the browser decodes the attribute
    assert html.count('src="data:image/png;base64,') >= 6


def test_user_text_is_escaped(standin_report_html):
    html = standin_report_html
    assert (
        "<script>alert" not in html and "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    )
    assert "<img src=x" not in html and "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html


def test_report_holds_no_personal_data(standin_report_html):
    text = visible_text(standin_report_html)
    assert EMAIL.findall(text) == []
    assert PHONE.findall(text) == []
    assert NIR.findall(text) == []
    assert standins.HANDLE not in text
    # The stand-in quotes' e-mail, phone and NIR are removed by the quote guard (digits are
    # rare words) before the last-line redaction even sees them.


def test_pseudonyms_hashes_and_versions_are_not_masked():
    for text in [
        "au_0123456789abcdef",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "2025-01-02T03.04.05.678Z",
        "1 250 commentaires",
    ]:
        assert redact_pii(text) == text


def test_report_in_english():
    html = build_report(
        ReportingParams(language="en"),
        standins.run_metadata(),
        ingestion_report=standins.ingestion_report(),
    )
    assert '<html lang="en">' in html
    assert "Community listening report" in html and "Executive summary" in html
    assert "This section is unavailable:" in html
    assert "Cette section" not in html


def test_report_with_no_stage_output_still_renders():
    html = build_report(ReportingParams())
    assert html.count('data-available="false"') == 7  # all but summary and methodology
