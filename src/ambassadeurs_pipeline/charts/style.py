"""Palette, rc style, label wrapping, placeholder figures and PNG data URIs."""

from __future__ import annotations

import base64
import io
import textwrap

from matplotlib.figure import Figure  # figures without pyplot: no backend, no global state

# Okabe–Ito: distinguishable by colour-blind readers and in greyscale prints.
BLUE, ORANGE, GREEN, RED, GREY, SKY = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#999999",
    "#56B4E9",
)
LABEL_WIDTH = 38  # characters per line of a category label

STYLE = {
    "font.family": "DejaVu Sans",  # ships with matplotlib: no system or web font needed
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#E5E5E5",
    "axes.axisbelow": True,
}


def wrap(label: str, width: int = LABEL_WIDTH, max_lines: int = 2) -> str:
    """``label`` on at most ``max_lines`` lines of ``width`` characters (an ellipsis if cut)."""
    lines = textwrap.wrap(str(label), width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1] + "…"
    return "\n".join(lines)


def height_for(n_bars: int) -> float:
    """Figure height in inches for ``n_bars`` horizontal bars or rows."""
    return max(2.6, 0.45 * n_bars + 1.2)


def placeholder_figure(message: str) -> Figure:
    """A small figure that only says ``message`` (why there is nothing to draw)."""
    fig = Figure(figsize=(7, 2.5))
    ax = fig.add_subplot()
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, wrap=True)
    return fig


def figure_to_data_uri(fig: Figure, dpi: int = 110) -> str:
    """PNG bytes of ``fig`` as a ``data:image/png;base64,…`` URI (the figure is then freed)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    fig.clear()
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
