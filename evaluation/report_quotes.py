"""Measure the quote guard on a run: ``python -m evaluation.report_quotes [--env test]``.

Reads the newest report HTML, takes every quote it shows (``<ul class="quotes">`` items), and
prints the share of quotes that share no run of 8 consecutive words with any raw comment
(``comments_raw``, newest version): 1.0 means an exact-phrase search finds none of them.
"""

from __future__ import annotations

import argparse
import html
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd

from ambassadeurs_pipeline.privacy.erase import dataset_files, load_project_config
from ambassadeurs_pipeline.privacy.quotes import longest_shared_span, untraceable_share

_QUOTE_LIST = re.compile(r'<ul class="quotes">(.*?)</ul>', re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)


def report_quotes_from_html(text: str) -> list[str]:
    """The quotes a report shows, unescaped, without the surrounding quotation marks."""
    out = []
    for block in _QUOTE_LIST.findall(text):
        for item in _ITEM.findall(block):
            out.append(html.unescape(re.sub(r"<[^>]+>", "", item)).strip('«»“”"  \u202f'))
    return [q for q in out if q]


def measure_report_quotes(
    project: Path | str = ".", env: str | None = None, span_words: int = 8
) -> dict[str, Any]:
    """``{"quotes", "untraceable_share", "longest_span", "report"}`` for the newest report."""
    cfg = load_project_config(project, env)
    reports = dataset_files("report_html", cfg.catalog["report_html"], cfg.path)
    raws = dataset_files("comments_raw", cfg.catalog["comments_raw"], cfg.path)
    if not reports or not raws:
        raise FileNotFoundError("No report or no comments_raw: run `kedro run` first.")
    quotes = report_quotes_from_html(reports[-1].path.read_text(encoding="utf-8"))
    texts = pd.read_parquet(raws[-1].path, columns=["text"])["text"].dropna().astype(str).tolist()
    share = untraceable_share(quotes, texts, span_words)
    worst = max((longest_shared_span(q, texts) for q in quotes[:20]), default=0)
    return {
        "report": str(reports[-1].path.relative_to(cfg.path)),
        "quotes": len(quotes),
        "untraceable_share": share,
        "longest_span_first_20": worst,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.report_quotes")
    parser.add_argument("--env", default=None)
    parser.add_argument("--project", default=".")
    args = parser.parse_args(argv)
    print(json.dumps(measure_report_quotes(args.project, args.env), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
