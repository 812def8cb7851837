"""The Qini plot: a targeting model's cumulative gain against random targeting."""

from __future__ import annotations

from collections.abc import Sequence

from .style import BLUE, GREY


def draw_qini(
    ax,
    share: Sequence[float],
    model: Sequence[float],
    random: Sequence[float],
    model_label: str,
    random_label: str,
) -> None:
    """Draw the model's Qini curve, the random-targeting line and the area between them.

    ``share`` is the fraction (or percentage) of the population targeted, on the x axis;
    the caller sets the axis labels, title and legend.
    """
    ax.plot(share, model, color=BLUE, linewidth=2.2, label=model_label)
    ax.plot(share, random, color=GREY, linestyle="--", linewidth=1.5, label=random_label)
    ax.fill_between(share, random, model, color=BLUE, alpha=0.08)
