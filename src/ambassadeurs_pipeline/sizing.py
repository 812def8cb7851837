"""Settings that follow the data: pure functions from corpus size to a setting.

A setting left ``null`` in the parameters is derived here from the data it applies to; a
value the user sets is always used as given. Each derivation is bounded so that on a
corpus the size of the demo (20,000 comments over 17 months) it gives the value the
pipeline was tuned with: the figures in the README do not move, and small exports get
thresholds they can reach. Stages log the derived values and record them in their status
(``derived``), which the run metadata copies (docs/ARCHITECTURE.md).
"""

from __future__ import annotations


def _bounded(value: float, low: int, high: int) -> int:
    return int(min(high, max(low, round(value))))


def trend_min_count(n_comments: int) -> int:
    """Comments a topic needs before a trend on it can be called significant: 1 % of the
    modelled comments, between 3 and 10 (10 on the demo)."""
    return _bounded(0.01 * n_comments, 3, 10)


def bad_buzz_min_negative(n_comments: int, n_months: int) -> int:
    """Negative comments a topic × month cell needs before it can alert: 2 % of an average
    month's comments, between 3 and 10 (10 on the demo)."""
    return _bounded(0.02 * n_comments / max(n_months, 1), 3, 10)
