"""The forum PII test set (benchmarks/data/pii_forum_fr): its scorer and its shipped files.

Hand-made records with redactions whose scores can be worked out by hand; no detector runs here.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

SET_DIR = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "pii_forum_fr"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"pii_forum_fr_{name}", SET_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses/typing need the module registered
    spec.loader.exec_module(module)
    return module


score = _load("score")
build = _load("build")


def record(marked: str, rid: str = "t-001") -> dict:
    """A record from the same inline markup as the source files."""
    text, spans = build.parse_line(marked, rid)
    return {"id": rid, "text": text, "spans": spans}


def figures(records, outputs):
    return score.summary(score.score(records, outputs))


CALL = "appelez [[NC:Mathis Fontaine]] au [[TEL:06 12 34 56 78]] pour le [[drug:Levothyrox]]"


def test_exact_redaction_scores_one_everywhere():
    s = figures([record(CALL)], ["appelez <PERSONNE> au <TEL> pour le Levothyrox"])
    assert s["recall"]["NOM_COMPLET"]["recall"] == 1.0
    assert s["recall"]["TEL"]["recall"] == 1.0
    assert s["recall"]["NOM_COMPLET"]["tag_agreement"] == 1.0
    assert s["precision"] == 1.0
    assert s["keep"]["KEEP/medicament"]["survival"] == 1.0


def test_half_a_name_is_a_leak_and_a_placeholder_on_a_drug_costs_precision():
    s = figures([record(CALL)], ["appelez Mathis <PERSONNE> au <TEL> pour le <PERSONNE>"])
    assert s["recall"]["NOM_COMPLET"] == {
        "n": 1,
        "removed": 0,
        "recall": 0.0,
        "tag_agreement": None,
    }
    assert s["recall"]["TEL"]["recall"] == 1.0
    # 3 placeholders: on Fontaine (part of the labelled name), on the phone, on the drug.
    assert s["placeholders"]["(pii)"] == {
        "n": 3,
        "on_pii": 2,
        "on_keep": 1,
        "precision": round(2 / 3, 4),
    }
    assert s["keep"]["KEEP"]["survival"] == 0.0


def test_alignment_survives_normalisation_of_spaces_and_emoji():
    rec = record(
        "ma fille [[P:Soazig]]  a fait une crise 😢 sous [[drug:Dépakine]], Dr [[T:Le Quellec]] prévenu"
    )
    s = figures(
        [rec], ["ma fille <PERSONNE> a fait une crise sous Dépakine, Dr <PERSONNE> prévenu"]
    )
    assert s["recall"]["PRENOM"]["recall"] == 1.0
    assert s["recall"]["TITRE_NOM"]["recall"] == 1.0
    assert s["keep"]["KEEP"]["survival"] == 1.0
    assert s["precision"] == 1.0
    # The particle "Le" left alone does not make "Le Quellec" a leak; "Quellec" does.
    s = figures(
        [rec], ["ma fille <PERSONNE> a fait une crise sous Dépakine, Dr Le <PERSONNE> prévenu"]
    )
    assert s["recall"]["TITRE_NOM"]["recall"] == 1.0
    s = figures(
        [rec], ["ma fille <PERSONNE> a fait une crise sous Dépakine, Dr <PERSONNE> Quellec prévenu"]
    )
    assert s["recall"]["TITRE_NOM"]["recall"] == 0.0


@pytest.mark.parametrize(
    ("output", "removed"),
    [
        ("IBAN <IBAN> merci", True),
        ("IBAN FR76 <IBAN> merci", True),  # 4 characters left: not a leak
        ("IBAN <IBAN> 7890 189 merci", False),  # 7 consecutive characters of it left
        ("IBAN FR76 3000 6000 0112 3456 7890 189 merci", False),
    ],
)
def test_numbers_leak_when_six_consecutive_characters_remain(output, removed):
    rec = record("IBAN [[IBAN:FR76 3000 6000 0112 3456 7890 189]] merci")
    assert rec["spans"][0]["checksum_valid"] is True
    s = figures([rec], [output])
    assert s["recall"]["IBAN"]["removed"] == int(removed)
    assert s["recall"]["IBAN/cle_valide"]["n"] == 1


@pytest.mark.parametrize(
    ("output", "removed"),
    [
        ("née le <DATE_NAISSANCE>, DT1", True),
        ("née le 12/03/<DATE_NAISSANCE>, DT1", False),
        ("née le <DATE_NAISSANCE>/1987, DT1", True),
    ],
)
def test_a_birth_date_leaks_when_two_of_its_parts_remain(output, removed):
    s = figures([record("née le [[DN:12/03/1987]], DT1")], [output])
    assert s["recall"]["DATE_NAISSANCE"]["removed"] == int(removed)


def test_urls_and_mentions_from_normalisation_are_outside_precision():
    rec = record(
        "voir [[U,name=soazig.marchand:facebook.com/soazig.marchand]] et @[[M:marie_du_59]] ok"
    )
    s = figures([rec], ["voir <URL> et <MENTION> ok"])
    assert s["recall"]["URL_NOM"]["recall"] == 1.0 and s["recall"]["MENTION"]["recall"] == 1.0
    assert s["precision"] is None
    assert s["placeholders"]["(normalisation)"]["on_pii"] == 2


def test_identity_and_blanket_redactors_on_the_shipped_dev_part():
    records = score.load_part("dev")
    keep = figures(records, [r["text"] for r in records])
    assert all(v["removed"] == 0 for v in keep["recall"].values())
    assert keep["keep"]["KEEP"]["survival"] == 1.0 and keep["placeholders"] == {}
    blank = figures(records, ["<PERSONNE>" for _ in records])
    assert all(v["recall"] == 1.0 for v in blank["recall"].values())
    assert blank["keep"]["KEEP"]["survival"] == 0.0


def test_shipped_parts_are_consistent_and_rebuild_identically(tmp_path):
    parts = {p: score.load_part(p) for p in ("dev", "frozen")}  # checks every offset
    ids = [r["id"] for recs in parts.values() for r in recs]
    assert len(ids) == len(set(ids)) >= 600 and len(parts["frozen"]) >= 350
    for p, recs in parts.items():
        types = {s["type"] for r in recs for s in r["spans"]}
        assert types == set(build.TYPES), (p, set(build.TYPES) - types)
        for r in recs:
            assert "[[" not in r["text"] and "]]" not in r["text"], r["id"]
    shutil.copytree(SET_DIR / "source", tmp_path / "source")
    assert build.main(["--dir", str(tmp_path)]) == 0
    for p in ("dev", "frozen"):
        assert (tmp_path / f"{p}.jsonl").read_bytes() == (SET_DIR / f"{p}.jsonl").read_bytes()


def test_builder_stops_on_a_malformed_line(tmp_path):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "bad.txt").write_text(
        "ma fille [[PRENOM_X:Soazig]] va bien\n", encoding="utf-8"
    )
    assert build.main(["--dir", str(tmp_path)]) == 1
    with pytest.raises(build.BuildError, match="bad.txt:1"):
        build.read_sources(tmp_path / "source")


def test_cli_never_prints_frozen_texts(capsys):
    assert score.main(["--part", "frozen", "--show-misses", "5"]) == 2
    assert "dev only" in capsys.readouterr().err


def test_cli_scores_a_dotted_redactor(tmp_path, monkeypatch):
    mod = tmp_path / "fake_redactor.py"
    mod.write_text("def redact(text):\n    return text.replace('Levothyrox', '<PERSONNE>')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    out = tmp_path / "s.json"
    assert (
        score.main(["--part", "dev", "--redactor", "fake_redactor:redact", "--json", str(out)]) == 0
    )
    s = json.loads(out.read_text(encoding="utf-8"))
    assert s["precision"] == 0.0 and s["recall"]["PRENOM"]["recall"] == 0.0
    assert s["keep"]["KEEP/medicament"]["survival"] < 1.0


# Segments of a synthetic comment: plain text, a labelled name, a KEEP span, each from its own
# alphabet (names hold no space), so exactly one reading of a redacted text exists. With
# look-alike stretches ("0 0 0" with a name "0") several readings fit the output equally and
# the scorer picks the shortest first placeholder: no property to state there.
_alphabets = {"plain": "abcdeé 019,.'-", "NOM_COMPLET": "XYZxyzÉ", "KEEP": "klmnKLM"}
_segments = st.lists(
    st.sampled_from(sorted(_alphabets)).flatmap(
        lambda kind: st.tuples(
            st.just(kind), st.text(alphabet=_alphabets[kind], min_size=1, max_size=12)
        )
    ),
    min_size=1,
    max_size=8,
)


def _compose(segments):
    text, spans, exact = "", [], ""
    for kind, chunk in segments:
        chunk = chunk.strip() or "-"
        text += " " if text else ""
        exact += " " if exact else ""
        start = len(text)
        text += chunk
        if kind == "plain":
            exact += chunk
            continue
        span = {"type": kind, "start": start, "end": len(text), "text": chunk}
        if kind == "KEEP":
            span["kind"] = "medicament"
            exact += chunk
        else:
            span.update(lower_case=chunk == chunk.lower(), typo=False)
            exact += "<PERSONNE>"
        spans.append(span)
    return {"id": "h", "text": text, "spans": spans}, exact


@settings(max_examples=300, deadline=None)
@given(_segments)
def test_any_text_redacted_exactly_on_its_labels_scores_perfectly(segments):
    rec, exact = _compose(segments)
    s = figures([rec], [exact])
    n_names = sum(sp["type"] == "NOM_COMPLET" for sp in rec["spans"])
    n_keep = len(rec["spans"]) - n_names
    if n_names:
        assert s["recall"]["NOM_COMPLET"] == {
            "n": n_names,
            "removed": n_names,
            "recall": 1.0,
            "tag_agreement": 1.0,
        }
        assert s["placeholders"]["(pii)"]["on_pii"] == n_names == s["placeholders"]["(pii)"]["n"]
    if n_keep:
        assert s["keep"]["KEEP"]["survived"] == n_keep
    # Left untouched, every name leaks and nothing is counted as a placeholder.
    s = figures([rec], [rec["text"]])
    if n_names:
        assert s["recall"]["NOM_COMPLET"]["removed"] == 0
    assert s["placeholders"] == {}
