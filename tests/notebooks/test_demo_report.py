"""The report a real ``kedro run`` wrote on the demo, checked in headless Chromium."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from versions import latest_version

sys.path.insert(0, str(Path(__file__).parents[1] / "browser"))
from test_report_in_browser import ARTIFACTS, CHROMIUM, SECTIONS, open_in_chromium  # noqa: E402

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)33[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\w)")
NIR = re.compile(
    r"(?<!\w)[12]\s?\d{2}\s?(?:0[1-9]|1[0-2])\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?(?!\w)"
)
DATA_URI = re.compile(r"data:image/png;base64,[A-Za-z0-9+/=]+")


@pytest.fixture(scope="module")
def demo_report(demo_project) -> Path:
    return latest_version(demo_project, "data/08_reporting/report.html")


@pytest.mark.slow
def test_demo_report_has_every_section_filled(demo_report):
    html = demo_report.read_text(encoding="utf-8")
    assert html.count('data-available="true"') == len(SECTIONS)


@pytest.mark.slow
def test_demo_report_holds_no_raw_personal_data(demo_report, demo_project):
    text = DATA_URI.sub("", demo_report.read_text(encoding="utf-8"))
    assert EMAIL.findall(text) == [] and PHONE.findall(text) == [] and NIR.findall(text) == []
    import pandas as pd

    raw = pd.read_csv(demo_project / "data/01_raw/comments.csv", dtype=str)
    handles = set(raw["author"].dropna()) if "author" in raw else set()
    words = set(re.findall(r"[\w.-]{6,}", text))
    assert handles.isdisjoint(words), sorted(handles & words)[:5]


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium; CI installs it"
)
def test_demo_report_in_browser(demo_report, tmp_path):
    seen = open_in_chromium(demo_report, tmp_path, ARTIFACTS / "report_demo.png")
    assert seen["errors"] == []
    assert seen["sections"] == SECTIONS
    assert seen["images"] and all(img["ok"] for img in seen["images"])
    assert [
        u for u in seen["requests"] if not (u == demo_report.as_uri() or u.startswith("data:"))
    ] == []


@pytest.fixture(scope="module")
def demo_explorer(demo_project) -> Path:
    return latest_version(demo_project, "data/08_reporting/topic_explorer.html")


@pytest.mark.slow
def test_demo_report_links_the_explorer_of_its_run(demo_report, demo_explorer):
    html = demo_report.read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="(\.\./[^"]+)"', html)
    assert len(hrefs) == 1, hrefs
    target = (demo_report.parent / hrefs[0]).resolve()
    assert target == demo_explorer.resolve() and target.is_file()
    assert target.parent.name == demo_report.parent.name  # same run, same version stamp


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Chromium not installed at /usr/bin/chromium; CI installs it"
)
def test_demo_topic_explorer_in_browser(demo_explorer, tmp_path):
    from explorer_check import VIEWS, open_explorer

    seen = open_explorer(demo_explorer, tmp_path, ARTIFACTS / "topic_explorer_demo.png")
    assert seen["errors"] == []
    assert seen["requests"] == [demo_explorer.as_uri()]  # plotly inlined: nothing else is fetched
    assert seen["external_scripts"] == 0
    assert seen["sections"] == VIEWS
    # Every view drawn on the tiny demo (it has dates and more than 3 topics), as SVG.
    assert [f["id"] for f in seen["figures"]] == [f"fig-{v}" for v in VIEWS]
    assert all(f["svg"] >= 1 and f["marks"] > 0 for f in seen["figures"]), seen["figures"]
    assert seen["notes"] == []
