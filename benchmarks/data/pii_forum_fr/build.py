"""Build dev.jsonl and frozen.jsonl from the marked-up comments in source/*.txt.

Stdlib only and deterministic: ``python benchmarks/data/pii_forum_fr/build.py`` builds this
folder; ``--dir benchmarks/data/pii_forum_fr_r11`` builds any other set with the same markup,
checks and split (every set is built by this one file, so they cannot drift apart).
Markup (see README.md): one comment per line, ``[[TYPE,flag,key=value:text]]`` around each
labelled span, ``\\n`` for a line break inside a comment, ``#`` starts a comment line.
Upper-case codes are personal data; lower-case codes are text that must survive (KEEP).
Any error names the file and line and stops the build: a mislabelled set is worse than none.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Short codes used in the source files -> span type. Full names are accepted too.
PII_CODES = {
    "NC": "NOM_COMPLET",
    "P": "PRENOM",
    "N": "NOM",
    "T": "TITRE_NOM",
    "E": "EMAIL",
    "TEL": "TEL",
    "NIR": "NIR",
    "IBAN": "IBAN",
    "CB": "CARTE",
    "ADR": "ADRESSE",
    "DN": "DATE_NAISSANCE",
    "U": "URL_NOM",
    "M": "MENTION",
    "DOS": "DOSSIER",
}
PII_TYPES = sorted(set(PII_CODES.values()))
NAME_TYPES = {"NOM_COMPLET", "PRENOM", "NOM", "TITRE_NOM"}
# Lower-case codes: text that a detector must leave alone, recorded as type KEEP + kind.
KEEP_KINDS = {
    "drug": "medicament",
    "dis": "maladie",
    "pub": "personnalite_publique",
    "hosp": "etablissement",
    "place": "lieu",
    "org": "organisme",
    "num": "nombre",
    "date": "date",
    "word": "mot_courant",
    "street": "rue_sans_numero",
}
TYPES = PII_TYPES + ["KEEP"]
FLAGS = {"typo"}
KEYED = {"name"}

# Split, seeded and stratified by source file: each file's comments are taken in blocks of
# 5 in file order and a seeded draw puts 2 of each block in dev, 3 in frozen. A comment's part
# depends only on its file and position, so appending comments never moves an existing one
# (the set was built in several commits that the detector's branch merged along the way).
SPLIT_SEED = 17
BLOCK, DEV_PER_BLOCK = 5, 2

MARK = re.compile(r"\[\[([A-Za-z_]+)((?:,[^:\[\]]+)*):(.+?)\]\]")


class BuildError(ValueError):
    pass


def nir_key_valid(value: str) -> bool:
    digits = re.sub(r"[\s.\-]", "", value).upper()
    if not re.fullmatch(r"[1-8]\d{4}(\d{2}|2A|2B)\d{8}", digits):
        return False
    body, key = digits[:13], int(digits[13:])
    body = body.replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == key


def iban_valid(value: str) -> bool:
    s = re.sub(r"[\s.\-]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", s):
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def luhn_valid(value: str) -> bool:
    digits = [int(c) for c in re.sub(r"\D", "", value)]
    if len(digits) < 13:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return total % 10 == 0


CHECKSUMS = {"NIR": nir_key_valid, "IBAN": iban_valid, "CARTE": luhn_valid}


def parse_line(raw: str, where: str) -> tuple[str, list[dict]]:
    """Strip the markup of one source line; return the clean text and its spans."""
    raw = raw.replace("\\n", "\n")
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(raw):
        before = raw[pos : m.start()]
        out.append(before)
        length += len(before)
        code, flag_str, text = m.group(1), m.group(2), m.group(3)
        if code in PII_CODES:
            span = {"type": PII_CODES[code]}
        elif code in PII_TYPES:
            span = {"type": code}
        elif code in KEEP_KINDS:
            span = {"type": "KEEP", "kind": KEEP_KINDS[code]}
        else:
            raise BuildError(f"{where}: unknown label {code!r} in {m.group(0)!r}")
        if text != text.strip() or not text:
            raise BuildError(f"{where}: span with outer spaces or empty: {m.group(0)!r}")
        for flag in filter(None, flag_str.split(",")):
            key, _, value = flag.partition("=")
            if value and key in KEYED:
                if value not in text:
                    raise BuildError(f"{where}: {key}={value!r} is not inside {text!r}")
                span[key] = value
            elif not value and key in FLAGS:
                span[key] = True
            else:
                raise BuildError(f"{where}: unknown flag {flag!r} in {m.group(0)!r}")
        span.update(start=length, end=length + len(text), text=text)
        t = span["type"]
        if t in NAME_TYPES:
            span["lower_case"] = text == text.lower()
            span.setdefault("typo", False)
        if t in CHECKSUMS:
            span["checksum_valid"] = CHECKSUMS[t](text)
        if t == "URL_NOM" and "name" not in span:
            raise BuildError(f"{where}: URL_NOM needs name=<the name as written in the URL>")
        out.append(text)
        length += len(text)
        spans.append(span)
        pos = m.end()
    out.append(raw[pos:])
    clean = "".join(out)
    if "[[" in clean or "]]" in clean:
        raise BuildError(f"{where}: unbalanced markup left in {clean!r}")
    for s in spans:
        assert clean[s["start"] : s["end"]] == s["text"], (where, s)
        # Two slips the third-round writers made, now caught for every set: a flag written
        # after the text ([[P:name,typo]] instead of [[P,typo:name]]), and a MENTION span
        # without its "@" in front (the scorer would then test the handle without it).
        if re.search(r",(typo|name=)", s["text"]):
            raise BuildError(f"{where}: flag inside the span text: {s['text']!r}")
        if s["type"] == "MENTION" and clean[s["start"] - 1 : s["start"]] != "@":
            raise BuildError(f"{where}: MENTION without '@' before it: {s['text']!r}")
    return clean, spans


def part_of(source: str, index: int) -> str:
    """Part of the index-th (0-based) comment of a source file; see SPLIT_SEED."""
    block, pos = divmod(index, BLOCK)

    # sha256 rather than random.Random: the draw must not depend on the Python version.
    def rank(p: int) -> bytes:
        return hashlib.sha256(f"{SPLIT_SEED}/{source}/{block}/{p}".encode()).digest()

    dev_positions = sorted(range(BLOCK), key=rank)[:DEV_PER_BLOCK]
    return "dev" if pos in dev_positions else "frozen"


def read_sources(source_dir: Path) -> list[dict]:
    files = sorted(source_dir.glob("*.txt"))
    if not files:
        raise BuildError(f"no source/*.txt under {source_dir}")
    records: list[dict] = []
    seen: dict[str, str] = {}
    for path in files:
        n = 0
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{path.name}:{lineno}"
            clean, spans = parse_line(line, where)
            if clean in seen:
                raise BuildError(f"{where}: same comment as {seen[clean]}")
            seen[clean] = where
            n += 1
            records.append(
                {
                    "id": f"{path.stem}-{n:03d}",
                    "source": path.stem,
                    "text": clean,
                    "spans": spans,
                    "part": part_of(path.stem, n - 1),
                }
            )
    return records


def counts(records: list[dict]) -> dict[str, Counter]:
    """Spans per type and per part (KEEP split by kind)."""
    c: dict[str, Counter] = {"dev": Counter(), "frozen": Counter()}
    for r in records:
        for s in r["spans"]:
            key = s["type"] if s["type"] != "KEEP" else f"KEEP/{s['kind']}"
            c[r["part"]][key] += 1
            if "checksum_valid" in s:
                c[r["part"]][f"{s['type']}/{'valid' if s['checksum_valid'] else 'invalid'}"] += 1
        c[r["part"]]["comments"] += 1
    return c


def check_split(records: list[dict]) -> None:
    c = counts(records)
    missing = [
        (t, p)
        for t in TYPES
        for p in ("dev", "frozen")
        if not any(k == t or k.startswith(t + "/") for k in c[p])
    ]
    if missing:
        raise BuildError(f"type missing from a part: {missing}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, default=HERE, help="folder holding source/")
    ap.add_argument("--check", action="store_true", help="parse and count, write nothing")
    args = ap.parse_args(argv)
    try:
        records = read_sources(args.dir / "source")
        check_split(records)
    except BuildError as e:
        print(f"build.py: {e}", file=sys.stderr)
        if not args.check or "type missing" not in str(e):
            return 1
        records = read_sources(args.dir / "source")
    c = counts(records)
    keys = sorted(set(c["dev"]) | set(c["frozen"]))
    print(f"{'':28s}{'dev':>7s}{'frozen':>8s}{'total':>7s}")
    for k in keys:
        print(f"{k:28s}{c['dev'][k]:7d}{c['frozen'][k]:8d}{c['dev'][k] + c['frozen'][k]:7d}")
    if args.check:
        return 0
    for part in ("dev", "frozen"):
        with open(args.dir / f"{part}.jsonl", "w", encoding="utf-8", newline="\n") as f:
            for r in records:
                if r["part"] == part:
                    rec = {k: r[k] for k in ("id", "source", "text", "spans")}
                    f.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
