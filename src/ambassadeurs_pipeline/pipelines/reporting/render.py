"""Render the sections into one self-contained HTML page (Jinja2, autoescaped).

Safety lives here, once: autoescape turns community text into text (a comment holding
``<script>`` is shown, not run); ``finalize`` masks any e-mail, phone number or NIR that
slipped through cleaning; the page's Content-Security-Policy forbids scripts and every
network request (images are ``data:`` URIs), so the file opens the same from a USB stick.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .i18n import Translator
from .redact import redact_pii
from .sections import SectionContent

CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def _finalize(value: Any) -> Any:
    if isinstance(value, str) and not value.startswith("data:image/"):
        return redact_pii(value)
    return value


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("ambassadeurs_pipeline.pipelines.reporting", "templates"),
        autoescape=True,  # every {{ value }} is HTML-escaped, whatever the file extension
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_report(
    sections: list[SectionContent],
    t: Translator,
    title: str,
    organisation: str = "",
    generated_at: datetime | None = None,
) -> str:
    """The report as one HTML string; ``sections`` in reading order (summary first)."""
    generated_at = generated_at or datetime.now()
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            t=t,
            lang=t.lang,
            title=title,
            organisation=organisation,
            generated=t("generated_on", date=generated_at.strftime("%d/%m/%Y %H:%M")),
            sections=sections,
            csp=CONTENT_SECURITY_POLICY,
        )
    )
