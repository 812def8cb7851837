"""Build the labelled French PII test set (``pii_testset.jsonl``), seeded and reproducible.

    python -m evaluation.pii_testset.build [--n 400] [--seed 20251123]

Written independently of the demo generator (its own phrases, values and formats), so the
evaluation measures how detection generalises, not how well it learnt the demo templates.
It is deliberately hard: first names that are also common words (Rose, Pierre, Olive,
Blanche, Martin…), names at the start of a sentence, phone numbers with dots, dashes,
spaces, ``+33 (0)``, ``0033`` and foreign prefixes, NIRs inside sentences (Corsica 2A/2B
included), grouped and compact IBANs, and distractors that must NOT be flagged: public
figures, drugs, eponymous diseases, lower-case "rose"/"pierre", doses, dates of
appointments, lab values.

Each line: ``{"id", "text", "spans": [{"start", "end", "type", "value"}]}``; a span covers
the personal datum only (``Dr <PERSONNE>``: the title is not part of the name).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "pii_testset.jsonl"

FIRST_NAMES_HARD = [
    "Rose",
    "Pierre",
    "Olive",
    "Blanche",
    "Martin",
    "Claude",
    "Dominique",
    "Camille",
    "Marine",
    "Aurore",
    "Ambre",
    "Jade",
    "Prune",
    "Violette",
    "Victoire",
]
FIRST_NAMES = [
    "Sophie",
    "Nathalie",
    "Karim",
    "Yasmine",
    "Thierry",
    "Hélène",
    "Bastien",
    "Inès",
    "Mathilde",
    "Grégoire",
    "Aïcha",
    "Lucien",
    "Solène",
    "Mehdi",
    "Gaëlle",
    "Noé",
    "Josiane",
    "Fabrice",
    "Anouk",
    "Timothée",
    "Maëlys",
    "Rémi",
    "Ophélie",
    "Youssef",
]
SURNAMES = [
    "Martin",
    "Bernard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Lefebvre",
    "Blanc",
    "Rousseau",
    "Fontaine",
    "Chevalier",
    "Boulanger",
    "Lebrun",
    "Pierre",
    "Garnier",
    "Faure",
    "Mercier",
    "Benali",
    "Nguyen",
    "Le Goff",
    "Da Silva",
    "Kowalski",
    "Perrin",
    "Marchand",
    "Roussel",
    "Lemoine",
    "Carpentier",
    "Ferrand",
]
DISTRACTORS = [
    "J'ai vu que Lady Gaga parlait de sa fibromyalgie, ça fait du bien de se sentir comprise.",
    "Le Levothyrox nouvelle formule m'a donné des vertiges pendant trois semaines.",
    "Avec la maladie de Crohn, les repas au restaurant deviennent un casse-tête.",
    "Le Doliprane ne fait plus rien sur mes migraines, je suis passée à autre chose.",
    "Céline Dion a parlé du syndrome de la personne raide, je ne connaissais pas.",
    "Mon père a la maladie de Parkinson depuis 2016 et les tremblements augmentent.",
    "On m'a diagnostiqué une thyroïdite de Hashimoto l'an dernier.",
    "J'ai offert une rose à l'infirmière qui s'occupe de ma mère, elle était touchée.",
    "Le médecin m'a dit que c'était une pierre au rein, la douleur était atroce.",
    "Je mets de l'huile d'olive sur ma peau sèche depuis la chimio, ça apaise.",
    "Ma langue était toute blanche après les antibiotiques, c'est normal ?",
    "Le Spasfon m'aide un peu pour les crampes mais pas pour la fatigue.",
    "Emmanuel Macron a annoncé des mesures sur les déserts médicaux, on attend de voir.",
    "J'ai lu l'interview de Michel Cymes sur l'endométriose, très claire.",
    "Mon rendez-vous est le 12/03/2025 à 14h30 à l'hôpital, je stresse déjà.",
    "Ma TSH est à 4,5 et mon endocrino veut augmenter la dose à 75 µg.",
    "Tension à 14/9 ce matin, je reprends 5 mg de Xanax le soir seulement.",
    "Ça fait 15 ans que je vis avec ça, 3 crises par mois en moyenne.",
    "Le Ventoline ne suffit plus, on m'a prescrit du Seretide 250.",
    "L'Alzheimer de ma grand-mère avance vite, elle ne me reconnaît plus.",
    "On est passés par Doctolib pour trouver un rhumato, 4 mois d'attente.",
    "Un vin rosé de temps en temps, c'est compatible avec le traitement ?",
    "Je suis allée à la Pitié-Salpêtrière pour le bilan, équipe au top.",
    "Ma fille a eu 38,5 de fièvre toute la nuit, le Dafalgan a fini par marcher.",
    "Selena Gomez a parlé de son lupus, ça a aidé ma nièce à en parler.",
    "J'ai payé 25,90 € de dépassement, remboursé à 70 % par la sécu.",
    "Le syndrome de Sjögren me donne les yeux secs en permanence.",
    "Les comprimés blancs sont à prendre à jeun, 30 minutes avant le petit-déjeuner.",
    "La Saint-Martin approche et je n'ai toujours pas de nouvelles du centre.",
    "Mon kiné m'a conseillé la pierre chaude pour le dos, ça soulage.",
    "L'Ozempic m'a coupé l'appétit mais les nausées sont terribles.",
    "Le docteur a dit trois mois d'arrêt, je ne sais pas comment je vais faire.",
    "J'ai appelé le 15 à 3 h du matin, ils ont été super.",
    "Numéro de lot 4B27X sur la boîte, il faut le signaler à l'ANSM ?",
]
FILLER = [
    "Depuis le début du traitement je dors mal.",
    "Les effets secondaires se sont calmés au bout d'un mois.",
    "Quelqu'un a déjà eu ce genre de réaction ?",
    "Je me sens un peu moins seule en lisant vos messages.",
    "Le plus dur c'est la fatigue le soir.",
    "Il faut vraiment insister pour être pris au sérieux.",
    "Merci pour vos réponses, ça m'aide beaucoup.",
    "On attend encore les résultats de la prise de sang.",
    "Je ne sais plus vers qui me tourner.",
    "Courage à tous ceux qui traversent ça.",
    "Bon, je vous tiens au courant.",
    "Franchement ça a changé ma vie.",
    "J'hésite à arrêter, mais j'ai peur de rechuter.",
    "La pharmacie n'avait plus de stock cette semaine.",
]

NAME_FRAGMENTS = [
    "Ma fille {F} a commencé le traitement la semaine dernière.",
    "Mon fils {F}, 8 ans, fait des crises d'asthme la nuit.",
    "Je suis suivie par le Dr {S} à l'hôpital.",
    "Le Dr {F} {S} m'a bien expliqué les risques.",
    "Mme {S} de la pharmacie m'a conseillé autre chose.",
    "Je m'appelle {F} et j'ai 42 ans.",
    "Je m'appelle {F} {S}, maman de deux enfants.",
    "{F} m'a conseillé d'en parler à mon médecin.",
    "Hier j'ai discuté avec {F} de son opération.",
    "Mon mari {F} ne comprend pas ce que je vis.",
    "C'est mon amie {F} qui m'a parlé de ce forum.",
    "Le Pr {S} est une référence pour cette maladie.",
    "Merci {F} pour ton message !",
    "Bonjour {F}, est-ce que tu as eu des nausées ?",
    "J'ai pris rendez-vous chez M. {S}, le nouveau généraliste.",
    "Ma sœur {F} {S} vit la même chose à Rennes.",
    "Grâce à {F} {S}, j'ai enfin trouvé un spécialiste.",
    "Ma mère s'appelle {F}, elle a 70 ans.",
    "Demandez à {F} {S}, elle connaît bien le sujet.",
    "Notre pédiatre, le Dr {S}, est très à l'écoute.",
    "Ma collègue {F} m'a remplacée pendant mon arrêt.",
    "J'ai croisé {F} {S} en salle d'attente, on a bien ri.",
]
SIGNATURES = [
    "\nBises,\n{F}",
    "\nCordialement,\n{F} {S}",
    "\n-- {F}",
    "\nAmicalement, {F}",
    "\nMerci d'avance,\n{F} {S0}.",
]
EMAIL_FRAGMENTS = [
    "Écrivez-moi à {E} si vous voulez en parler.",
    "mon mail : {E}",
    "Vous pouvez me contacter sur {E}.",
    "Envoyez les documents à {E} svp",
    "({E}) pour ceux qui veulent le protocole",
]
TEL_FRAGMENTS = [
    "Appelez-moi au {T} le soir.",
    "Mon numéro : {T}",
    "Le secrétariat répond au {T} le matin.",
    "si besoin {T}, je réponds vite",
    "Tél {T} (laisser un message)",
    "Vous pouvez m'envoyer un SMS au {T}.",
]
NIR_FRAGMENTS = [
    "La CPAM me demande mon numéro de sécu {N}, je l'envoie où ?",
    "Sur l'attestation il y a {N} mais la carte Vitale affiche autre chose.",
    "mon NIR {N} n'est pas reconnu par la mutuelle",
    "J'ai recopié {N} sur le formulaire, c'est bon ?",
    "Numéro de sécurité sociale : {N}",
]
IBAN_FRAGMENTS = [
    "Pour la cagnotte, mon IBAN est {I}.",
    "Virement sur {I} pour participer aux frais.",
    "RIB : {I}",
    "La mutuelle a remboursé sur le compte {I} au lieu du nouveau.",
]
ADDRESS_FRAGMENTS = [
    "Le cabinet est au {A}, au deuxième étage.",
    "J'habite {A}, pas loin de l'hôpital.",
    "Envoyez le courrier au {A}.",
    "La consultation a lieu {A} le mardi.",
]
DOB_FRAGMENTS = [
    "Je suis née le {D} et on m'a diagnostiquée à 30 ans.",
    "Mon fils, né le {D}, a été opéré à deux ans.",
    "Date de naissance : {D}",
    "Ma date de naissance ({D}) est fausse sur l'ordonnance.",
    "DDN {D}, à vérifier sur le dossier.",
]
STREET_TYPES = ["rue", "avenue", "boulevard", "allée", "impasse", "chemin", "place"]
STREET_NAMES = [
    "de la République",
    "Victor Hugo",
    "des Lilas",
    "Jean Jaurès",
    "du Général Leclerc",
    "des Acacias",
    "de la Gare",
    "Émile Zola",
    "du Moulin",
    "des Tanneurs",
    "Pasteur",
    "Saint-Exupéry",
    "de Verdun",
]
CITIES = [
    ("69003", "Lyon"),
    ("33000", "Bordeaux"),
    ("59000", "Lille"),
    ("13005", "Marseille"),
    ("44000", "Nantes"),
    ("31400", "Toulouse"),
    ("67000", "Strasbourg"),
    ("35000", "Rennes"),
    ("20000", "Ajaccio"),
    ("97400", "Saint-Denis"),
    ("75011", "Paris"),
]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
DOMAINS = [
    "gmail.com",
    "orange.fr",
    "free.fr",
    "hotmail.fr",
    "laposte.net",
    "yahoo.fr",
    "sfr.fr",
    "outlook.com",
    "wanadoo.fr",
    "chu-nantes.fr",
]


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def make_email(rng: random.Random) -> str:
    f = _ascii(rng.choice(FIRST_NAMES + FIRST_NAMES_HARD)).lower()
    s = _ascii(rng.choice(SURNAMES)).lower().replace(" ", "")
    user = rng.choice(
        [
            f"{f}.{s}",
            f"{f[0]}{s}{rng.randint(1, 99)}",
            f"{s}_{f}",
            f"{f}{rng.randint(1950, 2005)}",
            f"{f}-{s}",
        ]
    )
    domain = rng.choice(DOMAINS)
    if rng.random() < 0.08:
        name, tld = domain.rsplit(".", 1)
        return f"{user} [at] {name} [dot] {tld}"
    return f"{user}@{domain}"


def make_phone(rng: random.Random) -> str:
    digits = f"0{rng.choice('1234567996')}" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    pairs = [digits[i : i + 2] for i in range(0, 10, 2)]
    style = rng.randrange(10)
    if style == 0:
        return " ".join(pairs)
    if style == 1:
        return ".".join(pairs)
    if style == 2:
        return digits
    if style == 3:
        return "-".join(pairs)
    if style == 4:
        return "+33 " + digits[1] + " " + " ".join(pairs[1:])
    if style == 5:
        return "+33" + digits[1:]
    if style == 6:
        return "+33 (0)" + digits[1] + " " + " ".join(pairs[1:])
    if style == 7:
        return "0033 " + digits[1] + " " + " ".join(pairs[1:])
    foreign = rng.choice(
        [
            "+32 470 {a} {b} {c}",
            "+41 79 {a}{d} {b} {c}",
            "+1 514 555 {a}{b}",
            "+44 7700 9{a}{d}{b}",
            "+212 6 {a} {b} {c} {d}",
        ]
    )
    r = lambda: f"{rng.randint(10, 99)}"  # noqa: E731
    return foreign.format(a=r(), b=r(), c=r(), d=rng.randint(0, 9))


def nir_key(body13: str) -> int:
    body = body13.replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97


def make_nir(rng: random.Random) -> str:
    dept = rng.choice([f"{rng.randint(1, 95):02d}", "2A", "2B", "75", "69"])
    body = (
        f"{rng.choice('12')}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}{dept}"
        f"{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    )
    key = f"{nir_key(body):02d}"
    if rng.random() < 0.6:
        return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key}"
    return body + key


def make_iban(rng: random.Random) -> str:
    country, length = rng.choice(
        [("FR", 23), ("FR", 23), ("FR", 23), ("BE", 12), ("DE", 18), ("ES", 20)]
    )
    bban = "".join(str(rng.randint(0, 9)) for _ in range(length))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    iban = f"{country}{check:02d}{bban}"
    if rng.random() < 0.7:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


def make_address(rng: random.Random) -> str:
    number = f"{rng.randint(1, 180)}{rng.choice(['', '', '', ' bis', ' ter'])}"
    street = f"{number} {rng.choice(STREET_TYPES)} {rng.choice(STREET_NAMES)}"
    if rng.random() < 0.6:
        cp, city = rng.choice(CITIES)
        street += f", {cp} {city}"
    return street


def make_dob(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1935, 2020)
    style = rng.randrange(4)
    if style == 0:
        return f"{d:02d}/{m:02d}/{y}"
    if style == 1:
        return f"{d:02d}.{m:02d}.{y}"
    if style == 2:
        return f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
    return f"{d:02d}-{m:02d}-{y}"


class _Builder:
    """Concatenates fragments and records the spans of the slot values."""

    def __init__(self) -> None:
        self.text = ""
        self.spans: list[dict] = []

    def add(self, fragment: str, values: dict[str, tuple[str, str | None]], sep: str = " ") -> None:
        if self.text and not fragment.startswith("\n"):
            self.text += sep
        i = 0
        while i < len(fragment):
            if fragment[i] == "{":
                j = fragment.index("}", i)
                key = fragment[i + 1 : j]
                value, pii_type = values[key]
                start = len(self.text)
                self.text += value
                if pii_type:
                    self.spans.append(
                        {"start": start, "end": len(self.text), "type": pii_type, "value": value}
                    )
                i = j + 1
            else:
                self.text += fragment[i]
                i += 1


def _name_values(rng: random.Random) -> dict[str, tuple[str, str | None]]:
    first = rng.choice(FIRST_NAMES_HARD if rng.random() < 0.5 else FIRST_NAMES)
    surname = rng.choice(SURNAMES)
    return {"F": (first, "PERSONNE"), "S": (surname, "PERSONNE"), "S0": (surname[0], "PERSONNE")}


def _merge_adjacent_names(spans: list[dict], text: str) -> list[dict]:
    # "{F} {S}" is one person: one span.
    merged: list[dict] = []
    for span in spans:
        if (
            merged
            and span["type"] == "PERSONNE"
            and merged[-1]["type"] == "PERSONNE"
            and text[merged[-1]["end"] : span["start"]] == " "
        ):
            merged[-1] = {
                **merged[-1],
                "end": span["end"],
                "value": text[merged[-1]["start"] : span["end"]],
            }
        else:
            merged.append(span)
    return merged


def build(n: int = 400, seed: int = 20251123) -> list[dict]:
    rng = random.Random(seed)
    kinds = ["name", "name", "name", "email", "tel", "tel", "nir", "iban", "address", "dob"]
    rows = []
    for k in range(n):
        b = _Builder()
        if rng.random() < 0.5:
            b.add(rng.choice(FILLER), {})
        n_pii = 0 if k % 8 == 0 else rng.choice([1, 1, 2, 2, 3])
        for _ in range(n_pii):
            kind = rng.choice(kinds)
            if kind == "name":
                b.add(rng.choice(NAME_FRAGMENTS), _name_values(rng))
            elif kind == "email":
                b.add(rng.choice(EMAIL_FRAGMENTS), {"E": (make_email(rng), "EMAIL")})
            elif kind == "tel":
                b.add(rng.choice(TEL_FRAGMENTS), {"T": (make_phone(rng), "TEL")})
            elif kind == "nir":
                b.add(rng.choice(NIR_FRAGMENTS), {"N": (make_nir(rng), "NIR")})
            elif kind == "iban":
                b.add(rng.choice(IBAN_FRAGMENTS), {"I": (make_iban(rng), "IBAN")})
            elif kind == "address":
                b.add(rng.choice(ADDRESS_FRAGMENTS), {"A": (make_address(rng), "ADRESSE")})
            else:
                b.add(rng.choice(DOB_FRAGMENTS), {"D": (make_dob(rng), "DATE_NAISSANCE")})
            if rng.random() < 0.5:
                b.add(rng.choice(DISTRACTORS if rng.random() < 0.6 else FILLER), {})
        if n_pii == 0 or rng.random() < 0.3:
            b.add(rng.choice(DISTRACTORS), {})
        if rng.random() < 0.15:
            b.add(rng.choice(SIGNATURES), _name_values(rng))
        rows.append(
            {"id": f"pii{k:04d}", "text": b.text, "spans": _merge_adjacent_names(b.spans, b.text)}
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--seed", type=int, default=20251123)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = build(args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
