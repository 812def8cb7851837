"""Figures with French labels: effect per arm, forest plot per segment, Qini curves.

Every function returns a figure even without data (a placeholder saying why), so the
versioned figure datasets always exist for the report. The forest and Qini drawings are
the report's (``ambassadeurs_pipeline.charts``); figures are built without pyplot.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ambassadeurs_pipeline.charts import BLUE, RED, draw_forest, draw_qini, placeholder_figure

__all__ = ["placeholder_figure", "plot_arm_effects", "plot_qini_curves", "plot_segment_forest"]


def plot_arm_effects(effects: pd.DataFrame, binary: bool) -> Figure:
    """Horizontal error bars: difference vs reference with its 95 % CI, one row per comparison."""
    if effects.empty:
        return placeholder_figure("Aucune campagne fournie : pas d'effet à afficher.")
    scale = 100 if binary else 1
    labels = [f"{t} vs {r}" for t, r in zip(effects["treatment"], effects["reference"])]
    fig = Figure(figsize=(8, 1.2 + 0.6 * len(effects)))
    ax = fig.add_subplot()
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
    """Forest plot of the per-segment effects (multiplicity-adjusted CIs); a demonstrated
    harm is drawn in red."""
    seg = segments[segments["estimable"].astype(bool)] if not segments.empty else segments
    if seg.empty:
        return placeholder_figure(f"Effets par segment non évalués : {note}")
    scale = 100 if binary else 1
    fig = Figure(figsize=(8, 1.2 + 0.45 * len(seg)))
    ax = fig.add_subplot()
    draw_forest(
        ax,
        [f"{s} — {t}" for s, t in zip(seg["segment"], seg["treatment"])],
        seg["difference"].to_numpy(dtype=float) * scale,
        seg["difference_low"].to_numpy(dtype=float) * scale,
        seg["difference_high"].to_numpy(dtype=float) * scale,
        colours=[RED if h == "demontre" else BLUE for h in seg["harm"]],
    )
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
    fig = Figure(figsize=(5 * len(models), 4))
    axes = fig.subplots(1, len(models), squeeze=False)
    for ax, model in zip(axes[0], models):
        c = curves[curves["model"] == model]
        draw_qini(
            ax,
            c["fraction_targeted"] * 100,
            c["qini_model"],
            c["qini_random"],
            "Modèle (hors échantillon)",
            "Ciblage au hasard",
        )
        ax.set_title(model, fontsize=10)
        ax.set_xlabel("Part de la population ciblée (%)")
        ax.set_ylabel("Conversions supplémentaires (Qini)")
        ax.legend(fontsize=8)
    fig.suptitle("Courbes de Qini : le modèle fait-il mieux que le hasard ?")
    fig.tight_layout()
    return fig
