"""Figures with French labels: effect per arm, forest plot per segment, Qini curves.

Every function returns a figure even without data (a placeholder saying why), so the
versioned figure datasets always exist for the report.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402


def placeholder_figure(message: str) -> Figure:
    fig, ax = plt.subplots(figsize=(7, 2.5))
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=12, wrap=True)
    return fig


def plot_arm_effects(effects: pd.DataFrame, binary: bool) -> Figure:
    """Horizontal error bars: difference vs reference with its 95 % CI, one row per comparison."""
    if effects.empty:
        return placeholder_figure("Aucune campagne fournie : pas d'effet à afficher.")
    scale = 100 if binary else 1
    labels = [f"{t} vs {r}" for t, r in zip(effects["treatment"], effects["reference"])]
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.6 * len(effects)))
    y = range(len(effects))[::-1]
    d = effects["difference"] * scale
    ax.errorbar(
        d,
        list(y),
        xerr=[d - effects["difference_low"] * scale, effects["difference_high"] * scale - d],
        fmt="o",
        capsize=4,
        color="#1f5fa8",
    )
    ax.axvline(0, color="grey", linestyle="--", linewidth=1)
    ax.set_yticks(list(y), labels)
    ax.set_xlabel("Différence de conversion (points de %)" if binary else "Différence de moyenne")
    ax.set_title("Effet de chaque message (IC 95 %)")
    fig.tight_layout()
    return fig


def plot_segment_forest(segments: pd.DataFrame, binary: bool, note: str) -> Figure:
    """Forest plot of the per-segment effects (multiplicity-adjusted CIs)."""
    seg = segments[segments["estimable"].astype(bool)] if not segments.empty else segments
    if seg.empty:
        return placeholder_figure(f"Effets par segment non évalués : {note}")
    scale = 100 if binary else 1
    labels = [f"{s} — {t}" for s, t in zip(seg["segment"], seg["treatment"])]
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.45 * len(seg)))
    y = list(range(len(seg)))[::-1]
    d = seg["difference"] * scale
    harmful = (seg["harm"] == "demontre").to_numpy()
    low = (d - seg["difference_low"] * scale).to_numpy()
    high = (seg["difference_high"] * scale - d).to_numpy()
    y_arr, d_arr = np.asarray(y), d.to_numpy()
    # errorbar takes one colour per call (a list of colours is read as one RGBA value and
    # fails for any number of segments but 3 or 4), so draw harmful and other segments apart.
    for mask, colour in ((harmful, "#b22222"), (~harmful, "#1f5fa8")):
        if mask.any():
            ax.errorbar(
                d_arr[mask],
                y_arr[mask],
                xerr=[low[mask], high[mask]],
                fmt="o",
                color=colour,
                ecolor=colour,
                capsize=3,
                zorder=3,
            )
    ax.axvline(0, color="grey", linestyle="--", linewidth=1)
    ax.set_yticks(y, labels)
    ax.set_xlabel("Effet dans le segment (points de %)" if binary else "Effet dans le segment")
    ax.set_title("Effet par segment (IC ajustés pour le nombre de segments)")
    fig.tight_layout()
    return fig


def plot_qini_curves(curves: pd.DataFrame) -> Figure:
    """One panel per model: Qini curve and the random-targeting line."""
    if curves.empty:
        return placeholder_figure(
            "Pas de modèle de ciblage : aucune campagne ou aucune covariable."
        )
    models = list(dict.fromkeys(curves["model"]))
    fig, axes = plt.subplots(1, len(models), figsize=(5 * len(models), 4), squeeze=False)
    for ax, model in zip(axes[0], models):
        c = curves[curves["model"] == model]
        ax.plot(c["fraction_targeted"] * 100, c["qini_model"], label="Modèle (hors échantillon)")
        ax.plot(
            c["fraction_targeted"] * 100,
            c["qini_random"],
            "--",
            color="grey",
            label="Ciblage au hasard",
        )
        ax.set_title(model, fontsize=10)
        ax.set_xlabel("Part de la population ciblée (%)")
        ax.set_ylabel("Conversions supplémentaires (Qini)")
        ax.legend(fontsize=8)
    fig.suptitle("Courbes de Qini : le modèle fait-il mieux que le hasard ?")
    fig.tight_layout()
    return fig
