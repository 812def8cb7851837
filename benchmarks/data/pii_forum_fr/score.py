"""Score a redactor on the forum PII test set: recall per type, placeholder precision, KEEP survival.

    python benchmarks/data/pii_forum_fr/score.py --part dev              # the pipeline's redaction
    python benchmarks/data/pii_forum_fr/score.py --part frozen --json out.json
    python benchmarks/data/pii_forum_fr/score.py --part dev --no-normalise   # detector alone
    python benchmarks/data/pii_forum_fr/score.py --part dev --redactor mypkg.mod:redact   # str -> str

By default each text goes through what cleaning does to it: ``normalise_text`` (URLs -> <URL>,
@handles -> <MENTION>, emoji removed, whitespace collapsed), then ``redact_distinct_texts`` with
``PiiParams`` (the detector configured by ``--detector``/``--no-ner``). ``--redactor
module:function`` scores any other callable (``--batch``: it takes and returns a list of texts).

How a redacted text is read (see README.md, "Scoring"):
- the output is aligned with the original text character by character (difflib), each placeholder
  ``<TAG>`` being one indivisible unit, so every labelled span has an output *window*: what the
  redactor left where the span was;
- a PII span is removed when its window holds none of its identifying parts (name words,
  e-mail local part, 6 consecutive characters of a number, street words, 2 date parts);
- a placeholder is correct when the original text it replaced overlaps a labelled PII span;
  <URL> and <MENTION> come from normalisation, replace every link and handle by design and are
  counted apart, not in precision;
- a KEEP span survives when its window still holds it verbatim.
Examples of misses are printed for ``--part dev`` only: frozen texts are never shown.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLACEHOLDER = re.compile(r"<[A-Z][A-Z_]*>")
NORMALISER_TAGS = {"URL", "MENTION"}
NAME_TYPES = {"NOM_COMPLET", "PRENOM", "NOM", "TITRE_NOM"}
NUMBER_TYPES = {"TEL", "NIR", "IBAN", "CARTE", "DOSSIER"}
# The placeholder a type is expected to get; a mismatch still counts as removed and as a
# correct placeholder (the data is gone), and is reported as "type agreement".
# Handles and links get <MENTION> and <URL> from normalisation; CARTE and DOSSIER have no
# placeholder in docs/cleaning.md yet, so any tag name equal to the type counts.
EXPECTED_TAG = {t: "PERSONNE" for t in NAME_TYPES}
EXPECTED_TAG.update(
    {
        t: t
        for t in (
            "EMAIL",
            "TEL",
            "NIR",
            "IBAN",
            "ADRESSE",
            "DATE_NAISSANCE",
            "CARTE",
            "DOSSIER",
            "MENTION",
        )
    }
)
EXPECTED_TAG["URL_NOM"] = "URL"
PARTICLES = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "d",
    "l",
    "van",
    "von",
    "da",
    "dos",
    "das",
    "di",
    "del",
    "ben",
    "bin",
    "el",
    "al",
    "y",
    "et",
    "ou",
    "ait",
    "mc",
}
STREET_WORDS = PARTICLES | {
    "rue",
    "avenue",
    "av",
    "bd",
    "boulevard",
    "chemin",
    "impasse",
    "allée",
    "allee",
    "place",
    "quai",
    "route",
    "bis",
    "ter",
    "lieu",
    "dit",
    "résidence",
    "residence",
    "bât",
    "bat",
    "appt",
    "cours",
    "square",
    "sentier",
    "voie",
    "hameau",
}
EMAIL_WORDS = {"point", "dot", "arobase", "at"}
WORD = re.compile(r"[^\W\d_]+")


# --------------------------------------------------------------------------- alignment
def _units(text: str) -> list[tuple[str, int, int]]:
    """The output as units: one per character, one per whole placeholder."""
    units: list[tuple[str, int, int]] = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        units.extend((c, i, i + 1) for i, c in enumerate(text[pos : m.start()], pos))
        units.append((m.group(), m.start(), m.end()))
        pos = m.end()
    units.extend((c, i, i + 1) for i, c in enumerate(text[pos:], pos))
    return units


def _exact_opcodes(original: str, redacted: str) -> list[tuple] | None:
    """Opcodes when the redacted text is the original with some stretches replaced by
    placeholders and nothing else changed; None otherwise.

    Each placeholder stands for a non-empty stretch; the literal text around them must match
    the original exactly (a regex with one lazy group per placeholder finds the stretches).
    difflib's greedy matching can misplace a short name next to an identical string; this
    cannot. Checking first that the literals occur in order keeps the regex from
    backtracking on texts it cannot match (e.g. after emoji removal).
    """
    pieces = PLACEHOLDER.split(redacted)
    if len(pieces) == 1:
        return [("equal", 0, len(original), 0, len(original))] if original == redacted else None
    pos = 0
    for lit in pieces:
        found = original.find(lit, pos)
        if found < 0:
            return None
        pos = found + len(lit)
    pattern = "(.+?)".join(re.escape(lit) for lit in pieces)
    m = re.fullmatch(pattern, original, flags=re.S)
    if m is None:
        return None
    ops: list[tuple] = []
    i = j = 0
    for k, lit in enumerate(pieces):
        if lit:
            ops.append(("equal", i, i + len(lit), j, j + len(lit)))
            i, j = i + len(lit), j + len(lit)
        if k < len(pieces) - 1:
            g1, g2 = m.span(k + 1)
            assert g1 == i, (g1, i)
            ops.append(("replace", g1, g2, j, j + 1))
            i, j = g2, j + 1
    return ops


class Alignment:
    """Character alignment of an original text with its redacted version."""

    def __init__(self, original: str, redacted: str):
        self.original, self.redacted = original, redacted
        self.units = _units(redacted)
        exact = _exact_opcodes(original, redacted)
        self.exact = exact is not None
        if exact is None:
            sm = difflib.SequenceMatcher(
                None, list(original), [u[0] for u in self.units], autojunk=False
            )
            exact = sm.get_opcodes()
        self.opcodes = exact

    def window(self, start: int, end: int) -> str:
        """What the redacted text holds where original[start:end] was."""
        js: set[int] = set()
        for tag, i1, i2, j1, j2 in self.opcodes:
            if i2 <= start or i1 >= end:
                if not (i1 == i2 and start < i1 < end):  # insertion strictly inside the span
                    continue
            if tag == "equal":
                lo, hi = max(i1, start), min(i2, end)
                js.update(range(j1 + lo - i1, j1 + hi - i1))
            else:
                js.update(range(j1, j2))
        return "".join(self.units[j][0] for j in sorted(js))

    def placeholders(self) -> list[tuple[str, int, int]]:
        """Each placeholder's tag and the original range it replaced (empty if only inserted)."""
        out = []
        for tag, i1, i2, j1, j2 in self.opcodes:
            for j in range(j1, j2):
                unit = self.units[j][0]
                if len(unit) > 1 and PLACEHOLDER.fullmatch(unit):
                    out.append((unit[1:-1], i1, i2))
        return out


# --------------------------------------------------------------------------- span checks
def _words(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(text)]


def _alnum(text: str) -> str:
    return re.sub(r"[\W_]", "", PLACEHOLDER.sub(" ", text)).casefold()


def identifying_parts(span: dict) -> tuple[str, list[str]]:
    """('words', [...]) must not remain as words; ('run', [s]) no 6-char run of s may remain;
    ('date', [...]) fewer than 2 of these tokens may remain."""
    t, text = span["type"], span["text"]
    if t in NAME_TYPES or t == "MENTION":
        return "words", [w for w in _words(text) if len(w) >= 2 and w not in PARTICLES]
    if t == "URL_NOM":
        return "words", [w for w in _words(span.get("name", text)) if len(w) >= 3]
    if t == "EMAIL":
        local = re.split(r"@|\[at\]|\barobase\b", text)[0]
        return "words", [w for w in _words(local) if len(w) >= 3 and w not in EMAIL_WORDS]
    if t in NUMBER_TYPES:
        return "run", [_alnum(text)]
    if t == "ADRESSE":
        street = re.split(r"\b\d{5}\b", text)[0]
        return "words", [w for w in _words(street) if len(w) >= 3 and w not in STREET_WORDS]
    if t == "DATE_NAISSANCE":
        return "date", [
            w.casefold() for w in re.findall(r"\d+|[^\W\d_]+", text) if w not in ("er",)
        ]
    raise ValueError(f"no rule for span type {t!r}")


def leaked(span: dict, window: str) -> bool:
    """True when the window still holds the span or an identifying part of it."""
    window = PLACEHOLDER.sub("\x00", window)  # a placeholder's own letters are not left-overs
    if span["text"].casefold() in window.casefold():
        return True
    kind, parts = identifying_parts(span)
    if kind == "words":
        left = set(_words(window))
        return any(p in left for p in parts)
    if kind == "run":
        s, w = parts[0], _alnum(window)
        n = min(6, len(s))
        return any(s[i : i + n] in w for i in range(len(s) - n + 1)) if n else False
    left = re.findall(r"\d+|[^\W\d_]+", window.casefold())
    return sum(1 for p in parts if p in left) >= min(2, len(parts))


# --------------------------------------------------------------------------- scoring
def score(records: Sequence[dict], redacted: Sequence[str]) -> dict:
    """Recall per type (and per attribute), placeholder precision, KEEP survival."""
    if len(records) != len(redacted):
        raise ValueError(f"{len(records)} records but {len(redacted)} redacted texts")
    recall: dict[str, Counter] = defaultdict(Counter)
    keep: dict[str, Counter] = defaultdict(Counter)
    tags: dict[str, Counter] = defaultdict(Counter)
    misses: list[dict] = []
    aligned: Counter = Counter()
    for rec, out in zip(records, redacted):
        if not isinstance(out, str):
            raise TypeError(f"{rec['id']}: the redactor returned {type(out).__name__}, not str")
        al = Alignment(rec["text"], out)
        aligned["exact" if al.exact else "difflib"] += 1
        pii = [s for s in rec["spans"] if s["type"] != "KEEP"]
        for s in rec["spans"]:
            win = al.window(s["start"], s["end"])
            if s["type"] == "KEEP":
                ok = s["text"] in win
                for key in ("KEEP", f"KEEP/{s['kind']}"):
                    keep[key]["n"] += 1
                    keep[key]["survived"] += ok
                if not ok:
                    misses.append(
                        {
                            "id": rec["id"],
                            "type": f"KEEP/{s['kind']}",
                            "span": s["text"],
                            "window": win,
                        }
                    )
                continue
            gone = not leaked(s, win)
            keys = [s["type"]]
            if s["type"] in NAME_TYPES:
                keys += ["NOMS (4 types)", f"{s['type']}/minuscules" if s["lower_case"] else None]
                keys.append(f"{s['type']}/faute" if s.get("typo") else None)
            if "checksum_valid" in s:
                keys.append(f"{s['type']}/{'cle_valide' if s['checksum_valid'] else 'cle_fausse'}")
            for key in filter(None, keys):
                recall[key]["n"] += 1
                recall[key]["removed"] += gone
            if gone:
                want = EXPECTED_TAG.get(s["type"])
                got = {m for m in PLACEHOLDER.findall(win)}
                recall[s["type"]]["tag_agrees"] += f"<{want}>" in got
            else:
                misses.append(
                    {"id": rec["id"], "type": s["type"], "span": s["text"], "window": win}
                )
        for tag, i1, i2 in al.placeholders():
            group = "normalisation" if tag in NORMALISER_TAGS else "pii"
            hit = next((s for s in pii if i1 < s["end"] and s["start"] < i2), None)
            hurt = [
                s for s in rec["spans"] if s["type"] == "KEEP" and i1 < s["end"] and s["start"] < i2
            ]
            for key in (tag, f"({group})"):
                tags[key]["n"] += 1
                tags[key]["on_pii"] += hit is not None
                tags[key]["on_keep"] += bool(hurt)
                tags[key]["unaligned"] += i1 == i2
            if group == "pii" and hit is None:
                misses.append(
                    {
                        "id": rec["id"],
                        "type": f"<{tag}> en trop",
                        "span": rec["text"][i1:i2],
                        "window": f"<{tag}>",
                    }
                )
    return {
        "recall": recall,
        "keep": keep,
        "placeholders": tags,
        "misses": misses,
        "n_texts": len(records),
        "alignment": dict(aligned),
    }


def summary(result: dict) -> dict:
    """Plain numbers (for --json and for the closing note)."""

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    rec = {
        k: {"n": c["n"], "removed": c["removed"], "recall": ratio(c["removed"], c["n"])}
        for k, c in sorted(result["recall"].items())
    }
    for k, c in result["recall"].items():
        if "/" not in k and "(" not in k:  # base types only: the expected placeholder was used
            rec[k]["tag_agreement"] = ratio(c["tag_agrees"], c["removed"])
    kp = {
        k: {"n": c["n"], "survived": c["survived"], "survival": ratio(c["survived"], c["n"])}
        for k, c in sorted(result["keep"].items())
    }
    ph = {
        k: {
            "n": c["n"],
            "on_pii": c["on_pii"],
            "on_keep": c["on_keep"],
            "precision": ratio(c["on_pii"], c["n"]),
        }
        for k, c in sorted(result["placeholders"].items())
    }
    return {
        "n_texts": result["n_texts"],
        "recall": rec,
        "keep": kp,
        "placeholders": ph,
        "precision": ph.get("(pii)", {}).get("precision"),
        "alignment": result.get("alignment", {}),
    }


def format_table(s: dict) -> str:
    al = s.get("alignment", {})
    lines = [
        f"{s['n_texts']} comments (aligned exactly: {al.get('exact', 0)}, "
        f"by difflib after other edits: {al.get('difflib', 0)})",
        "",
        f"{'type':34s}{'n':>6s}{'removed':>9s}{'recall':>8s}{'tag ok':>8s}",
    ]
    for k, v in s["recall"].items():
        agree = v.get("tag_agreement")
        agree = "" if agree is None else f"{agree:8.3f}"
        lines.append(f"{k:34s}{v['n']:6d}{v['removed']:9d}{v['recall']:8.3f}{agree:>8s}")
    lines += ["", f"{'placeholder':34s}{'n':>6s}{'on PII':>9s}{'prec.':>8s}{'on KEEP':>9s}"]
    for k, v in s["placeholders"].items():
        prec = "" if v["precision"] is None else f"{v['precision']:8.3f}"
        lines.append(f"{k:34s}{v['n']:6d}{v['on_pii']:9d}{prec:>8s}{v['on_keep']:9d}")
    lines += ["", f"{'KEEP (must survive)':34s}{'n':>6s}{'kept':>9s}{'rate':>8s}"]
    for k, v in s["keep"].items():
        lines.append(f"{k:34s}{v['n']:6d}{v['survived']:9d}{v['survival']:8.3f}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- redactors
def load_part(part: str, data_dir: Path = HERE) -> list[dict]:
    path = data_dir / f"{part}.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: run python {HERE / 'build.py'}")
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line)
        for s in rec["spans"]:
            if rec["text"][s["start"] : s["end"]] != s["text"]:
                raise ValueError(
                    f"{path.name}:{n} ({rec['id']}): span offsets do not match {s['text']!r}"
                )
        records.append(rec)
    return records


def pipeline_redactor(
    detector: str = "default", use_ner: bool = True, normalise: bool = True
) -> Callable[[list[str]], list[str]]:
    """What cleaning does to a comment's text: normalise, then redact with PiiParams."""
    from ambassadeurs_pipeline.pipelines.cleaning.nodes import redact_distinct_texts
    from ambassadeurs_pipeline.pipelines.cleaning.params import PiiParams
    from ambassadeurs_pipeline.text.normalise import normalise_text

    params = PiiParams(detector=detector, use_ner=use_ner)

    def run(texts: list[str]) -> list[str]:
        if normalise:
            texts = [normalise_text(t).text for t in texts]
        return list(redact_distinct_texts(texts, params)[0])

    return run


def import_redactor(spec: str, batch: bool) -> Callable[[list[str]], list[str]]:
    module, _, name = spec.partition(":")
    if not name:
        raise SystemExit(f"--redactor {spec!r}: expected module.path:function")
    fn = getattr(importlib.import_module(module), name)
    return (
        (lambda texts: list(fn(list(texts)))) if batch else (lambda texts: [fn(t) for t in texts])
    )


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=("dev", "frozen"), required=True)
    ap.add_argument("--data-dir", type=Path, default=HERE)
    ap.add_argument("--redactor", help="module.path:function (str -> str) instead of the pipeline")
    ap.add_argument("--batch", action="store_true", help="--redactor takes and returns a list")
    ap.add_argument("--detector", default="default", help="PiiParams.detector (pipeline mode)")
    ap.add_argument("--no-ner", action="store_true", help="PiiParams.use_ner=False (pipeline mode)")
    ap.add_argument(
        "--no-normalise", action="store_true", help="skip normalise_text (pipeline mode)"
    )
    ap.add_argument("--json", type=Path, help="write the figures there")
    ap.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="print N misses with their window (dev only)",
    )
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.show_misses and args.part != "dev":
        print(
            "score.py: --show-misses is for dev only; frozen texts are never printed",
            file=sys.stderr,
        )
        return 2
    records = load_part(args.part, args.data_dir)
    if args.redactor:
        redact = import_redactor(args.redactor, args.batch)
        label = args.redactor
    else:
        redact = pipeline_redactor(args.detector, not args.no_ner, not args.no_normalise)
        label = (
            f"pipeline(detector={args.detector}, use_ner={not args.no_ner}, "
            f"normalise={not args.no_normalise})"
        )
    t0 = time.perf_counter()
    outputs = redact([r["text"] for r in records])
    seconds = time.perf_counter() - t0
    result = score(records, outputs)
    s = summary(result)
    s.update(part=args.part, redactor=label, seconds=round(seconds, 2))
    print(f"part={args.part} redactor={label} ({seconds:.1f} s)")
    print(format_table(s))
    if args.show_misses:
        print(f"\nmisses (first {args.show_misses} of {len(result['misses'])}):")
        for m in result["misses"][: args.show_misses]:
            print(f"  {m['id']:28s} {m['type']:22s} {m['span']!r} -> {m['window']!r}")
    if args.json:
        args.json.write_text(json.dumps(s, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
