"""The forest plot: one row per estimate, its interval, and the zero line."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .style import GREY


def draw_forest(
    ax,
    labels: Sequence[str],
    estimate: Sequence[float],
    low: Sequence[float],
    high: Sequence[float],
    colours: Sequence[str],
    emphasis: Sequence[bool] | None = None,
) -> np.ndarray:
    """Draw one row per estimate on ``ax``, first row at the top; return the rows' y positions.

    ``low``/``high`` are the interval bounds (same unit as ``estimate``). Rows with
    ``emphasis`` (e.g. the overall effect) get a diamond and a thicker interval. Rows are
    drawn as one error-bar group per colour and emphasis: matplotlib reads a list of
    colours given to one ``errorbar`` call as a single RGBA value.
    """
    n = len(labels)
    y = np.arange(n)[::-1]
    est, lo, hi = (np.asarray(v, dtype=float) for v in (estimate, low, high))
    strong = np.zeros(n, bool) if emphasis is None else np.asarray(emphasis, bool)
    colour_arr = np.asarray(colours, dtype=object)
    groups = dict.fromkeys(zip(colour_arr.tolist(), strong.tolist()))
    for colour, emph in groups:
        mask = (colour_arr == colour) & (strong == emph)
        ax.errorbar(
            est[mask],
            y[mask],
            xerr=np.clip([est[mask] - lo[mask], hi[mask] - est[mask]], 0, None),
            fmt="D" if emph else "o",
            markersize=8 if emph else 6,
            elinewidth=2.5 if emph else 1.6,
            color=colour,
            ecolor=colour,
            capsize=3,
            zorder=3,
        )
    ax.axvline(0, color=GREY, linestyle="--", linewidth=1)
    ax.set_yticks(y, list(labels))
    return y
