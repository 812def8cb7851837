"""Open a topic explorer page (``topic_explorer_html``) in headless Chromium and report what
it did: requests, console errors, plotly figures drawn, sections."""

from __future__ import annotations

from pathlib import Path

from test_report_in_browser import CHROMIUM, FLAGS

VIEWS = ["topics_map", "barchart", "hierarchy", "over_time", "documents"]


def open_explorer(page_path: Path, tmp_path: Path, screenshot: Path | None = None) -> dict:
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
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url == page_path.as_uri() else route.abort()
                ),
            )
            page.goto(page_path.as_uri(), wait_until="load")
            page.wait_for_timeout(1500)  # plotly draws right after load
            figures = page.evaluate(
                """Array.from(document.querySelectorAll('.js-plotly-plot')).map(d => ({
                    id: d.id,
                    svg: d.querySelectorAll('svg.main-svg').length,
                    marks: d.querySelectorAll('.point, .bars path, .scatterlayer path, .scatterlayer .trace').length
                }))"""
            )
            sections = page.evaluate(
                "Array.from(document.querySelectorAll('section[id]')).map(s => s.id)"
            )
            notes = page.evaluate(
                "Array.from(document.querySelectorAll('p.note')).map(p => p.textContent)"
            )
            external_scripts = page.evaluate(
                "Array.from(document.scripts).filter(s => s.src).length"
            )
            if screenshot is not None:
                screenshot.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(screenshot), full_page=True)
        finally:
            context.close()
    return {
        "requests": requests,
        "errors": errors,
        "figures": figures,
        "sections": sections,
        "notes": notes,
        "external_scripts": external_scripts,
    }
