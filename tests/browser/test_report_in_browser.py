"""The report opened in a real headless Chromium, as a stakeholder would open the file.

Checks no console error, every image decoded, the main sections present, and no network
request at all (only the file:// document and data: URIs). Leaves a full-page screenshot in
test-artifacts/ for a human to look at.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "pipelines" / "reporting"))
import standins  # noqa: E402

from ambassadeurs_pipeline.pipelines.reporting.nodes import build_report  # noqa: E402
from ambassadeurs_pipeline.pipelines.reporting.params import ReportingParams  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
SECTIONS = [
    "summary",
    "data",
    "topics",
    "gaps",
    "personas",
    "ambassadors",
    "campaign",
    "methodology",
    "run",
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="Chromium not installed at /usr/bin/chromium (apt-get install -y chromium); CI installs it",
    ),
]


def open_in_chromium(report: Path, tmp_path: Path, screenshot: Path | None = None) -> dict:
    """Open ``report`` and return what the page did: requests, console errors, images, sections."""
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=FLAGS,
            viewport={"width": 1200, "height": 900},
        )
        try:
            page = context.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            # Anything that is not the document itself is refused, so a stray URL fails loudly.
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url == report.as_uri() else route.abort()
                ),
            )
            page.goto(report.as_uri(), wait_until="load")
            images = page.evaluate(
                "Array.from(document.images).map(i => ({src: i.src.slice(0, 22), ok: i.complete && i.naturalWidth > 0}))"
            )
            sections = page.evaluate(
                "Array.from(document.querySelectorAll('section[id]')).map(s => s.id)"
            )
            scripts = page.evaluate("document.scripts.length")
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            context.close()
    return {
        "requests": requests,
        "errors": errors,
        "images": images,
        "sections": sections,
        "scripts": scripts,
    }


@pytest.fixture(scope="module")
def standin_report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(
        build_report(ReportingParams(), standins.run_metadata(), **standins.all_inputs()),
        encoding="utf-8",
    )
    return path


def test_report_renders_offline_without_errors(standin_report, tmp_path):
    seen = open_in_chromium(standin_report, tmp_path, ARTIFACTS / "report.png")
    assert seen["errors"] == []
    assert seen["sections"] == SECTIONS
    assert len(seen["images"]) >= 6
    assert all(img["ok"] and img["src"].startswith("data:image/png") for img in seen["images"]), (
        seen["images"]
    )
    assert [
        u for u in seen["requests"] if not (u == standin_report.as_uri() or u.startswith("data:"))
    ] == []
    # The <script> in a topic label is shown as text, never turned into an element.
    assert seen["scripts"] == 0


def test_empty_report_renders(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(build_report(ReportingParams(language="en")), encoding="utf-8")
    seen = open_in_chromium(path, tmp_path, ARTIFACTS / "report_empty_en.png")
    assert seen["errors"] == []
    assert seen["sections"] == SECTIONS
    assert [u for u in seen["requests"] if u != path.as_uri()] == []
