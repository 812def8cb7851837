"""Drawing shared by the stages: one style, one forest plot, one Qini plot.

Everything here draws on a ``matplotlib.figure.Figure`` built without pyplot (no backend,
no global state, safe in a runner) and knows nothing of the pipelines' datasets: the
callers (``pipelines.uplift.figures``, ``pipelines.reporting.charts``) turn their data
into labels and arrays, pick the language, then call :func:`draw_forest` or
:func:`draw_qini` on an axis.
"""

from __future__ import annotations

from .forest import draw_forest
from .qini import draw_qini
from .style import (
    BLUE,
    GREEN,
    GREY,
    LABEL_WIDTH,
    ORANGE,
    RED,
    SKY,
    STYLE,
    figure_to_data_uri,
    height_for,
    placeholder_figure,
    wrap,
)

__all__ = [
    "BLUE",
    "GREEN",
    "GREY",
    "LABEL_WIDTH",
    "ORANGE",
    "RED",
    "SKY",
    "STYLE",
    "draw_forest",
    "draw_qini",
    "figure_to_data_uri",
    "height_for",
    "placeholder_figure",
    "wrap",
]
