"""A few French sentences a non-statistician can act on, written from ``uplift_results``.

Honesty rules: an effect is called demonstrated only when its 95 % CI excludes 0 *and* its
Holm-adjusted p-value is below alpha; otherwise the verdict says "non démontré" and gives
the sample size per arm that the target uplift would need. A targeting model is
recommended only when it beats random targeting (lower CI bound of the Qini coefficient > 0).
"""

from __future__ import annotations

from typing import Any


def _pts(x: float) -> str:
    return f"{x * 100:+.1f}".replace(".", ",")


def _pct(x: float) -> str:
    return f"{x * 100:+.0f} %"


def _num(x: float) -> str:
    return f"{x:.3f}".replace(".", ",")


def _p(p: float) -> str:
    return "< 0,001" if p < 0.001 else "= " + f"{p:.2g}".replace(".", ",")


def _label(arm: str) -> str:
    return f"« {arm} »"


def _effect_sentence(
    row: dict[str, Any], power_by_arm: dict[str, dict], alpha: float, binary: bool
) -> str:
    unit = "points" if binary else "(unités de l'issue)"
    scale = _pts if binary else (lambda x: f"{x:+.3g}")
    t, r = _label(row["treatment"]), _label(row["reference"])
    ci = f"IC95 % : {scale(row['difference_low'])} à {scale(row['difference_high'])}"
    rel = ""
    if row.get("relative_uplift") is not None:
        rel = (
            f" ; soit {_pct(row['relative_uplift'])} en relatif (IC95 % : "
            f"{_pct(row['relative_uplift_low'])} à {_pct(row['relative_uplift_high'])})"
        )
    demonstrated = (row["difference_low"] > 0 or row["difference_high"] < 0) and row[
        "p_value_holm"
    ] < alpha
    if demonstrated:
        verb = "augmente" if row["difference"] > 0 else "diminue"
        return (
            f"{t} {verb} la conversion de {scale(abs(row['difference']))[1:]} {unit} par "
            f"rapport à {r} ({ci}{rel} ; p ajusté {_p(row['p_value_holm'])})."
        )
    text = (
        f"L'effet de {t} par rapport à {r} n'est pas démontré : {scale(row['difference'])} "
        f"{unit} ({ci}{rel} ; p ajusté {_p(row['p_value_holm'])})."
    )
    power = power_by_arm.get(row["treatment"]) if row["vs_control"] else None
    if power and power.get("n_per_arm_needed"):
        text += (
            f" Pour détecter une hausse relative de {_pct(power['target_relative_uplift'])} "
            f"avec 80 % de puissance, il faudrait environ {power['n_per_arm_needed']:,} "
            f"unités par bras (ici {min(power['n_treatment'], power['n_control']):,})."
        ).replace(",", "\u202f")
    return text


def write_verdict(results: dict[str, Any]) -> str:
    """Markdown verdict in French (a title and one bullet per finding)."""
    if not results.get("provided"):
        reason = results.get("reason") or "aucune campagne fournie"
        if reason.startswith("aucune campagne fournie"):
            return (
                "# Verdict de la campagne\n\nAucune campagne fournie : aucun effet ne peut être "
                'évalué. Indiquez le fichier avec `--params "campaign_path=..."`.\n'
            )
        return f"# Verdict de la campagne\n\n{reason[0].upper() + reason[1:]} : aucun effet ne peut être évalué.\n"
    alpha = results["parameters"]["alpha"]
    binary = results["preparation"]["outcome_type"] == "binaire"
    lines = ["# Verdict de la campagne", ""]
    srm = results["design"]["sample_ratio_mismatch"]
    if srm.get("mismatch"):
        lines.append(
            f"- **Attention** : la répartition des unités entre les bras ne correspond pas "
            f"au plan prévu (test du khi-deux, p {_p(srm['p_value'])}). La randomisation "
            "ou l'enregistrement a probablement un problème : les résultats ci-dessous "
            "peuvent être biaisés."
        )
    refused = results["preparation"].get("refused_covariates") or {}
    if refused:
        names = " ; ".join(f"{c} ({why})" for c, why in refused.items())
        lines.append(
            f"- Colonnes écartées des covariables, car elles ressemblent à une issue mesurée "
            f"après l'envoi : {names}. Déclarez vos covariables avec "
            '`--params "uplift.covariates=a;b"`.'
        )
    imbalanced = sorted({r["covariate"] for r in results["design"]["balance"] if r["imbalanced"]})
    if imbalanced:
        lines.append(
            f"- Déséquilibre entre bras sur : {', '.join(imbalanced)} (|SMD| > "
            f"{results['parameters']['smd_threshold']}). Si ce sont des mesures prises "
            "après l'envoi, elles ne doivent pas servir de covariables."
        )
    power_by_arm = {p["treatment"]: p for p in results["power"]}
    effects = results["effects"]
    focus = results["preparation"].get("focus_arm")
    ordered = sorted(effects, key=lambda r: (r["treatment"] != focus, not r["vs_control"]))
    for row in ordered:
        lines.append("- " + _effect_sentence(row, power_by_arm, alpha, binary))
    if srm.get("assumed_equal"):
        shares = ", ".join(
            f"{_label(a)} {share * 100:.0f} %"
            for a, share in (srm.get("observed_share") or {}).items()
        )
        differs = srm.get("differs_from_assumed")
        lines.append(
            "- Répartition entre bras : aucun plan fourni (`uplift.planned_allocation`), des bras égaux "
            f"ont été supposés pour le contrôle. Parts observées : {shares}"
            + (
                f" ; elles s'écartent de l'égalité (p {_p(srm['p_value'])}). Si ce déséquilibre était prévu, "
                "il n'y a rien à signaler ; sinon, déclarez le plan pour que la répartition soit vérifiée."
                if differs
                else " ; compatibles avec des bras égaux."
            )
        )
    claim = next((r for r in effects if r["treatment"] == focus and r["vs_control"]), None)
    target = results["parameters"]["target_relative_uplift"]
    if claim and claim.get("relative_uplift_low") is not None and binary:
        inside = claim["relative_uplift_low"] <= target <= claim["relative_uplift_high"]
        lines.append(
            f"- Une hausse relative de {_pct(target)} est "
            f"{'compatible' if inside else 'incompatible'} avec ces données (IC95 % de la "
            f"hausse relative de {_label(focus)} : {_pct(claim['relative_uplift_low'])} à "
            f"{_pct(claim['relative_uplift_high'])})."
        )
    seg = results["segments"]
    if seg["source"] is None:
        lines.append(f"- Effets par segment : non évalués ({seg['note']}).")
    else:
        for het in seg["heterogeneity"]:
            p = het["cochran"]["p_value"]
            arm = het["treatment"]
            cells = [c for c in seg["effects"] if c["treatment"] == arm and c["estimable"]]
            if p is not None and p < alpha and cells:
                best = sorted(cells, key=lambda c: -c["difference"])[:2]
                names = " et ".join(f"{c['segment']} ({_pts(c['difference'])} pts)" for c in best)
                lines.append(
                    f"- L'effet de {_label(arm)} varie selon le segment (test de Cochran, "
                    f"p {_p(p)}) : il est concentré chez {names}."
                )
            elif p is not None:
                lines.append(
                    f"- Aucune différence d'effet entre segments n'est démontrée pour "
                    f"{_label(arm)} (test de Cochran, p {_p(p)})."
                )
        harmed = [c for c in seg["effects"] if c["harm"] == "demontre"]
        if harmed:
            names = ", ".join(
                f"{c['segment']} avec {_label(c['treatment'])} ({_pts(c['difference'])} pts)"
                for c in harmed
            )
            lines.append(
                f"- Ne pas cibler : {names} — le message y fait baisser la conversion de façon démontrée."
            )
        else:
            possible = [c for c in seg["effects"] if c["harm"] == "possible"]
            if possible:
                names = ", ".join(f"{c['segment']} ({_label(c['treatment'])})" for c in possible)
                lines.append(
                    f"- Effet négatif possible mais non démontré chez : {names} ; à surveiller."
                )
    for model in results["targeting"]["models"]:
        name = f"{_label(model['treatment'])} contre {_label(model['reference'])}"
        if model.get("skipped"):
            lines.append(f"- Modèle de ciblage {name} : non entraîné ({model['skipped']}).")
        elif model["beats_random"]:
            share = model.get("gain_share_at_20")
            extra = (
                (
                    f" ; cibler les 20 % les mieux notés capte {share * 100:.0f} % des conversions "
                    "supplémentaires (20 % au hasard)"
                )
                if share is not None and 0 < share <= 1.5
                else ""
            )
            lines.append(
                f"- Le modèle de ciblage {name} fait mieux qu'un ciblage au hasard "
                f"(coefficient de Qini {_num(model['qini_coefficient'])}, IC95 % : "
                f"{_num(model['qini_low'])} à {_num(model['qini_high'])}){extra}."
            )
        else:
            lines.append(
                f"- Le modèle de ciblage {name} ne fait pas mieux qu'un ciblage au "
                f"hasard (coefficient de Qini {_num(model['qini_coefficient'])}, IC95 % : "
                f"{_num(model['qini_low'])} à {_num(model['qini_high'])}) : ne pas "
                "l'utiliser pour choisir qui cibler."
            )
    return "\n".join(lines) + "\n"
