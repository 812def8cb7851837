"""Fixtures of the gaps tests (the corpora themselves are in gaps_corpus.py)."""

from __future__ import annotations

import pytest
from gaps_corpus import CATALOG, make_corpus


@pytest.fixture
def corpus():
    return make_corpus()


@pytest.fixture
def catalog():
    return CATALOG.copy()
