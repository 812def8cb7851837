"""The campaign section: verdict, effects, forest plot, Qini and power."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .. import charts, frames
from ..frames import as_text, is_empty
from ..i18n import Translator
from ..params import ReportingParams
from .blocks import Bullets, Heading, KeyNumber, Paragraph, SectionContent, Table
from .common import chart_block, unavailable_section


def _verdict_lines(markdown: str) -> list[str]:
    """The verdict's bullets as plain sentences (markdown title and emphasis dropped)."""
    lines = []
    for line in markdown.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        line = re.sub(r"^[-*+]\s+", "", line)
        lines.append(re.sub(r"(\*\*|__|\*|`)(.+?)\1", r"\2", line))
    return lines


def section_campaign(
    uplift_results: dict[str, Any] | None,
    uplift_verdict: str | None,
    uplift_qini_curves: pd.DataFrame | None,
    t: Translator,
    params: ReportingParams,
) -> SectionContent:
    """Verdict, effects with CIs, per-persona forest plot, Qini against random, and power."""
    if is_empty(uplift_results) or not uplift_results.get("provided", True):
        reason = as_text((uplift_results or {}).get("reason")) or t("no_campaign")
        return unavailable_section("campaign", t, reason)
    section = SectionContent(key="campaign", title=t("sec_campaign"))
    blocks = section.blocks
    blocks.append(Paragraph(t("campaign_intro")))
    binary = (uplift_results.get("preparation") or {}).get("outcome_type", "binaire") == "binaire"
    unit = " pts" if binary else ""
    scale = 100.0 if binary else 1.0

    verdict = _verdict_lines(uplift_verdict) if uplift_verdict else []
    if verdict:
        blocks.append(Heading(t("campaign_verdict")))
        blocks.append(Bullets(verdict))

    arm = frames.focus_arm(uplift_results)
    effects = frames.arm_effects(uplift_results)
    if not effects.empty:
        rows = []
        for e in effects.to_dict("records"):
            rel = e.get("relative_uplift")
            rows.append(
                [
                    as_text(e["treatment"]),
                    as_text(e["reference"]),
                    f"{t.signed(scale * e['difference'])}{unit}",
                    f"[{t.signed(scale * e['difference_low'])} ; {t.signed(scale * e['difference_high'])}]",
                    t.signed(100 * rel, 0, "\u202f%" if t.lang == "fr" else "%")
                    if rel is not None and pd.notna(rel)
                    else "–",
                    t.number(e.get("p_value_holm"), 3),
                    t.integer(e.get("n_treatment", 0) + e.get("n_reference", 0)),
                ]
            )
        blocks.append(
            Table(
                [
                    t("col_arm"),
                    t("col_reference"),
                    t("col_effect"),
                    t("col_ci"),
                    t("col_relative"),
                    t("col_p_holm"),
                    t("col_n"),
                ],
                rows,
                caption=t("campaign_effects"),
                note=t("campaign_effects_caption"),
                numeric=[2, 3, 4, 5, 6],
            )
        )
        claim = effects[(effects["treatment"] == arm) & effects.get("vs_control", True)]
        if not claim.empty:
            c = claim.iloc[0]
            section.key_numbers.append(
                KeyNumber(f"{t.signed(scale * c['difference'])}{unit}", t("kn_uplift"), 5)
            )
            alpha = (uplift_results.get("parameters") or {}).get("alpha", 0.05)
            demonstrated = c["difference_low"] > 0 and c.get("p_value_holm", 0) < alpha
            summary = t(
                "campaign_effect_summary",
                arm=as_text(arm),
                effect=f"{t.signed(scale * c['difference'])}{unit}",
                low=t.signed(scale * c["difference_low"]),
                high=t.signed(scale * c["difference_high"]),
            )
            section.decisions.append(
                t("dec_campaign_positive", verdict=summary)
                if demonstrated
                else t("dec_campaign_other", verdict=summary)
            )
        blocks.append(
            chart_block(
                charts.plot_uplift_forest(uplift_results, t.lang, arm),
                t("chart_forest_arm", arm=arm),
            )
        )

    models = (uplift_results.get("targeting") or {}).get("models") or []
    trained = [m for m in models if not m.get("skipped")]
    if trained:
        blocks.append(Heading(t("campaign_targeting")))
        rows = [
            [
                f"{as_text(m['treatment'])} / {as_text(m['reference'])}",
                f"{t.number(m['qini_coefficient'], 3)} [{t.number(m['qini_low'], 3)} ; {t.number(m['qini_high'], 3)}]",
                t("yes") if m.get("beats_random") else t("no"),
            ]
            for m in trained
        ]
        blocks.append(
            Table([t("col_model"), t("col_qini"), t("col_beats_random")], rows, numeric=[1])
        )
        if uplift_qini_curves is not None and not uplift_qini_curves.empty:
            model = None
            if "model" in uplift_qini_curves.columns:
                names = list(dict.fromkeys(uplift_qini_curves["model"]))
                model = next((n for n in names if arm and str(n).startswith(str(arm))), names[0])
            blocks.append(
                chart_block(charts.plot_qini(uplift_qini_curves, t.lang, model), t("chart_qini"))
            )

    power = uplift_results.get("power") or []
    if power:
        blocks.append(Heading(t("campaign_power")))
        rows = [
            [
                as_text(p["treatment"]),
                t.integer(min(p.get("n_treatment", 0), p.get("n_control", 0))),
                f"{t.number(scale * p['mde_absolute'], 1)}{unit}"
                if p.get("mde_absolute") is not None and pd.notna(p.get("mde_absolute"))
                else "–",
                t.integer(p.get("n_per_arm_needed")),
                t("yes") if p.get("sample_sufficient") else t("no"),
            ]
            for p in power
        ]
        blocks.append(
            Table(
                [t("col_arm"), t("col_n"), t("col_mde"), t("col_n_needed"), t("col_sufficient")],
                rows,
                note=t("campaign_power_caption"),
                numeric=[1, 2, 3],
            )
        )
    return section
