"""Build the French first-name and surname lexicon shipped in the package (not a test).

    python benchmarks/privacy/build_name_lexicon.py --data-dir DIR [--out FILE]

``DIR`` (or the env var ``AMBASSADEURS_REALDATA`` + ``/insee_names``) must hold INSEE's
open files (Licence Ouverte / Etalab 2.0):

- ``nat2022.csv``: *Fichier des prénoms, édition 2023* (births in France 1900-2022 per first
  name, sex and year; ``sexe;preusuel;annais;nombre``), https://www.insee.fr/fr/statistiques/7633685
- ``noms2008nat_txt.txt``: *Les noms de famille* (births 1891-2000 per surname and decade,
  tab-separated, Latin-1), https://www.insee.fr/fr/statistiques/3536630

Both are mirrored in public repositories (e.g. github.com/malikbenkirane/go-france, folder
``public/``). Optionally ``--words FILE`` (default ``/usr/share/dict/french``, Debian package
``wfrench``) marks the names that are also French words (Rose, Pierre, Blanche): those are
only taken as names with context. Only that yes/no flag is shipped, not the word list.

Derivation: first names with ≥ ``--min-first`` births (all years and both sexes summed),
surnames with ≥ ``--min-surname`` births; every name folded (lower case, no accents) and
the most frequent spelling kept for first names; compound names (Jean-Baptiste, Le Goff, Da
Silva) kept whole and their parts kept too. Writes a gzip TSV:
``folded  kind(F|S|FS)  first_births_log2  surname_births_log2  is_word  spelling``
(``spelling`` only when the title-cased folded form is not the most frequent spelling;
``log2`` = bit length of the birth count, 0 = none).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT_OUT = (
    Path(__file__).resolve().parents[2]
    / "src/ambassadeurs_pipeline/privacy/lexicons/names_fr.tsv.gz"
)


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


def read_first_names(path: Path) -> tuple[Counter[str], dict[str, str]]:
    births: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            name = row["preusuel"]
            if name.startswith("_") or len(name) < 2:
                continue
            n = int(row["nombre"])
            births[fold(name)] += n
            spellings[fold(name)][name] += n
    best = {k: v.most_common(1)[0][0].title() for k, v in spellings.items()}
    return births, best


def read_surnames(path: Path) -> Counter[str]:
    births: Counter[str] = Counter()
    with path.open(encoding="latin-1") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 2 or len(parts[0]) < 2:
                continue
            births[fold(parts[0])] += sum(int(x) for x in parts[1:] if x.isdigit())
    return births


def _bucket(births: int) -> int:
    """Births on a log2 scale (0 = none): enough to rank names, a third of the bytes."""
    return births.bit_length()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    env = os.environ.get("AMBASSADEURS_REALDATA")
    parser.add_argument("--data-dir", type=Path, default=Path(env) / "insee_names" if env else None)
    parser.add_argument("--words", type=Path, default=Path("/usr/share/dict/french"))
    parser.add_argument("--min-first", type=int, default=20)
    parser.add_argument("--min-surname", type=int, default=200)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if args.data_dir is None or not (args.data_dir / "nat2022.csv").exists():
        print(
            "INSEE files not found: pass --data-dir DIR (or set AMBASSADEURS_REALDATA) with "
            "nat2022.csv and noms2008nat_txt.txt (see this script's docstring for the sources).",
            file=sys.stderr,
        )
        return 2
    first, spelling = read_first_names(args.data_dir / "nat2022.csv")
    surnames = read_surnames(args.data_dir / "noms2008nat_txt.txt")
    first = Counter({k: v for k, v in first.items() if v >= args.min_first})
    kept_surnames: Counter[str] = Counter()
    for name, n in surnames.items():
        if n < args.min_surname:
            continue
        kept_surnames[name] += n
        # "LE GOFF", "DA SILVA", "MARTIN-DUPONT": the parts are looked up one token at a time.
        for part in name.replace("-", " ").split():
            if len(part) >= 2:
                kept_surnames[part] += 0
    words: set[str] = set()
    if args.words.exists():
        with args.words.open(encoding="utf-8", errors="ignore") as fh:
            words = {fold(line.strip()) for line in fh if line.strip() and line[:1].islower()}
    else:
        print(
            f"word list {args.words} not found: no name is flagged as a common word",
            file=sys.stderr,
        )
    rows = []
    for name in sorted(set(first) | set(kept_surnames)):
        if " " in name and name not in first:
            continue  # multi-word surnames are matched by their parts
        kind = ("F" if name in first else "") + ("S" if name in kept_surnames else "")
        shown = spelling.get(name, "")
        rows.append(
            (
                name,
                kind,
                _bucket(first.get(name, 0)),
                _bucket(kept_surnames.get(name, 0)),
                int(name in words),
                "" if shown == name.title() else shown,
            )
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(
            "# French first names and surnames derived from INSEE open data (Licence Ouverte 2.0),\n"
            "# see lexicons/README.md. folded\tkind\tfirst_births_log2\tsurname_births_log2\tis_word\tspelling\n"
        )
        for row in rows:
            fh.write("\t".join(str(x) for x in row) + "\n")
    n_first = sum(1 for r in rows if "F" in r[1])
    n_sur = sum(1 for r in rows if "S" in r[1])
    print(
        f"{len(rows)} entries ({n_first} first names, {n_sur} surnames) -> {args.out} "
        f"({args.out.stat().st_size / 1024:.0f} KiB)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
