"""Build ``src/ambassadeurs_pipeline/text/drug_names_fr.txt`` from the French public drug
database (BDPM, Base de données publique des médicaments, ANSM / HAS / UNCAM, Licence
Ouverte / Etalab).

Inputs (``--data-dir``, or ``$AMBASSADEURS_REALDATA/bdpm``): ``CIS_bdpm.txt`` (one line per
product: denomination in column 2) and ``CIS_COMPO_bdpm.txt`` (substances: column 4). The
official download is https://base-donnees-publique.medicaments.gouv.fr/telechargement.php;
the list shipped was built from the 2019 snapshot kept in the public GitHub repository
``giloop/pharmasso`` (files ``CIS_bdpm.txt``, ``CIS_COMPO_bdpm.txt``).

What is kept: the first word of each product denomination (the brand: ``DOLIPRANE 1000 mg,
comprimé`` -> ``doliprane``) and of each active substance (the INN: ``ANASTROZOLE``),
lower-cased, alphabetic, at least 4 letters, minus French stop words and the generic words
of denominations (``acide``, ``vaccin``, ``solution`` …) listed below.

    python benchmarks/build_drug_names.py --data-dir /path/to/bdpm
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

GENERIC = set(
    """acide acides alcool ammonium argent arnica azote base bicarbonate calcium camomille chlorhydrate
    chlorure citrate complexe composition compose cuivre dextrose dioxyde eau eaux extrait fer fluor
    gaz gel glucose huile hydrate hydroxyde iode lactate lait magnesium melange mélange oxyde oxygene
    oxygène phosphate plante plantes potassium poudre sel sels silice sodium solution soufre sulfate
    teinture vaccin vaccins vitamine vitamines zinc souche souches pollen pollens allergene allergènes
    huiles essence essences feuille feuilles racine racines fleur fleurs fruit fruits graine graines
    type forme formes sirop pommade creme crème gelule gélule comprime comprimé ampoule capsule collyre
    spray patch pastille pastilles tisane ovule emulsion émulsion suspension lotion shampooing savon
    tout bien action simple forte fort doux douce rapide enfant enfants adulte adultes nourrisson
    bebe bébé junior senior plus mega super ultra gold premium confort nuit jour soleil
    arrete arrête contre petit petite grand grande milieu bouleau proteines protéines magnesium
    magnésium gingembre omega oméga pates pâtes valeriane valériane pseudo olivier bleu para
    """.split()
)


def fold(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def names(data_dir: Path) -> list[str]:
    from spacy.lang.fr.stop_words import STOP_WORDS

    out: set[str] = set()
    for file, column in (("CIS_bdpm.txt", 1), ("CIS_COMPO_bdpm.txt", 3)):
        for line in (
            (data_dir / file).read_text(encoding="utf-8-sig", errors="replace").splitlines()
        ):
            cells = line.split("\t")
            if len(cells) <= column:
                continue
            first = re.split(r"[\s,/()'’.-]+", cells[column].strip())[0].lower()
            if (
                len(first) >= 4
                and first.isalpha()
                and first not in STOP_WORDS
                and first not in GENERIC
                and fold(first) not in GENERIC
            ):
                out.add(first)
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("AMBASSADEURS_REALDATA")
    parser.add_argument(
        "--data-dir", type=Path, default=Path(default) / "bdpm" if default else None
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1]
        / "src/ambassadeurs_pipeline/text/drug_names_fr.txt",
    )
    args = parser.parse_args(argv)
    if args.data_dir is None or not (args.data_dir / "CIS_bdpm.txt").exists():
        print(
            "BDPM files not found: pass --data-dir (see this script's docstring for where to get them).",
            file=sys.stderr,
        )
        return 2
    found = names(args.data_dir)
    header = (
        "# French drug names (brands and active substances), lower-case, one per line.\n"
        "# Derived by benchmarks/build_drug_names.py from the BDPM (Base de données publique des\n"
        "# médicaments, ANSM/HAS/UNCAM, Licence Ouverte / Etalab), 2019 snapshot (GitHub giloop/pharmasso).\n"
        "# First word of each product denomination and of each substance; generic and common words removed.\n"
    )
    args.out.write_text(header + "\n".join(found) + "\n", encoding="utf-8")
    print(f"{len(found)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
