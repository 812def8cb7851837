"""Personal data injected into comments, to be found and pseudonymised downstream.

Every value is generated with valid structure (NIR key, IBAN and RIB checksums, French
phone and postal formats) so that validators cannot discard them as noise, and first/last
names include ordinary French words (Rose, Pierre, Blanche, Petit...) to trap naive
dictionary-based detectors. Each injected piece is returned with its type and exact
surface string for ``ground_truth/pii.csv``.
"""

from __future__ import annotations

import numpy as np

from .banks import split_bank as _s

PII_TYPES = ["PERSONNE", "EMAIL", "TEL", "NIR", "IBAN", "ADRESSE", "DATE_NAISSANCE"]

FIRST_F = _s(
    "Marie|Sophie|Nathalie|Isabelle|Sylvie|Camille|Julie|Léa|Chloé|Emma|Sandrine|Céline|Aurélie|Hélène|Christine|"
    "Rose|Blanche|Olive|Marine|Jade|Ambre|Capucine|Violette|Margaux|Fatima|Yasmine|Aïcha|Claire|Manon|Inès"
)
FIRST_M = _s(
    "Jean|Pierre|Nicolas|Thomas|Julien|Philippe|Laurent|Stéphane|Olivier|Christophe|Karim|Mehdi|Antoine|Hugo|"
    "Lucas|Martin|Florent|Jean-Pierre|Jean-Marc|Bruno|Patrick|Vincent|Mathieu|Yann|Sébastien|Romain|Ali|Moussa"
)
LAST = _s(
    "Martin|Petit|Blanc|Rose|Leroy|Fontaine|Lapierre|Boulanger|Marchand|Mercier|Meunier|Chevalier|Bonnet|Dubois|Moreau|"
    "Laurent|Simon|Michel|Lefebvre|Garcia|Roux|David|Bertrand|Fournier|Girard|Lambert|Faure|Rousseau|Perrin|Robin|"
    "Blanchard|Noël|Renard|Lemoine|Duval|Joly|Colin|Vidal|Caron|Picard|Masson|Nguyen|Benali|Haddad|Diallo|Traoré|Lebrun|Marchal"
)
EMAIL_DOMAINS = _s(
    "gmail.com|hotmail.fr|orange.fr|free.fr|laposte.net|yahoo.fr|sfr.fr|outlook.fr|wanadoo.fr|icloud.com"
)
STREET_TYPES = _s("rue|avenue|boulevard|allée|impasse|place|chemin|rue")
STREET_NAMES = _s(
    "des Lilas|Victor Hugo|de la République|Jean Jaurès|du Général de Gaulle|Pasteur|des Écoles|de la Gare|"
    "des Roses|du Moulin|Gambetta|Émile Zola|de Verdun|des Tilleuls|de la Paix|Voltaire|du Château|Carnot"
)
# (city, postal codes) pairs with real postal codes so that address parsers recognise them.
CITY_CP = [
    ("Lyon", [f"6900{i}" for i in range(1, 10)]),
    ("Paris", [f"750{i:02d}" for i in range(1, 21)]),
    ("Marseille", [f"130{i:02d}" for i in range(1, 17)]),
    ("Toulouse", ["31000", "31100", "31200"]),
    ("Nantes", ["44000", "44100", "44300"]),
    ("Lille", ["59000", "59800"]),
    ("Bordeaux", ["33000", "33800"]),
    ("Strasbourg", ["67000", "67100"]),
    ("Montpellier", ["34000", "34070"]),
    ("Rennes", ["35000", "35200"]),
    ("Grenoble", ["38000", "38100"]),
    ("Dijon", ["21000"]),
    ("Angers", ["49000", "49100"]),
    ("Reims", ["51100"]),
    ("Clermont-Ferrand", ["63000", "63100"]),
    ("Tours", ["37000", "37200"]),
    ("Brest", ["29200"]),
    ("Limoges", ["87000", "87100"]),
    ("Metz", ["57000", "57050"]),
    ("Villeurbanne", ["69100"]),
]
MONTHS_FR = _s(
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)

# Sentence templates; ``{v}`` is the PII value (or ``{v2}`` for a second one).
TEMPLATES = {
    "PERSONNE": _s(
        "Mon {pro} c'est le Dr {last}, je le recommande.|Ma voisine {full} m'a conseillé ce forum.|"
        "Je suis suivi{e} par le Dr {last} à {city}, très à l'écoute.|Signé : {full}|"
        "Vous pouvez contacter {full}, elle anime l'association locale.|{full} (ma sœur) vit la même chose.|"
        "Demandez le Dr {full} à l'hôpital de {city}, c'est une super spécialiste.|"
        "Ma fille {first} a eu exactement ça l'an dernier.|Avec mon mari {first} on a tout essayé.|"
        "C'est {full} qui m'a orienté{e} vers le centre."
    ),
    "EMAIL": _s(
        "Écrivez-moi à {v} si besoin.|Mon mail : {v}|Contactez-moi : {v}|Je vous envoie le document, dites-moi sur {v}|"
        "Pour ceux qui veulent en parler en privé : {v}"
    ),
    "TEL": _s(
        "Appelez-moi au {v} si vous voulez.|Mon numéro : {v}|Le cabinet répond au {v}.|Vous pouvez m'envoyer un SMS au {v}.|"
        "tel {v}"
    ),
    "NIR": _s(
        "Sur ma carte Vitale c'est marqué {v}, c'est bien mon numéro de sécu ?|Mon numéro de sécurité sociale est {v}, la CPAM dit qu'il est faux.|"
        "J'ai mis mon NIR {v} sur le formulaire, c'est normal ?"
    ),
    "IBAN": _s(
        "Pour les dons à l'asso, voici l'IBAN : {v}|Je peux vous rembourser le livre, mon IBAN : {v}|"
        "La mutuelle me demande de confirmer mon IBAN {v}, c'est une arnaque ?"
    ),
    "ADRESSE": _s(
        "J'habite au {v}, si quelqu'un est dans le coin.|Le cabinet est au {v}.|Envoyez le courrier au {v}.|"
        "La permanence de l'asso se tient au {v}."
    ),
    "DATE_NAISSANCE": _s(
        "Je suis né{e} le {v}.|Date de naissance : {v}|Ma fille est née le {v} et elle a déjà ce problème.|"
        "DDN {v}, pour le dossier."
    ),
}
# Share of PII pieces by type (most are names, structured identifiers are rarer).
TYPE_WEIGHTS = np.array([0.40, 0.14, 0.16, 0.06, 0.05, 0.11, 0.08])


def nir_key(first13: str) -> int:
    """Control key of a French social-security number: 97 - (13 digits mod 97)."""
    return 97 - int(first13) % 97


def iban_fr(bank: str, branch: str, account: str) -> str:
    """French IBAN (compact) with a valid RIB key and valid ISO 13616 check digits."""
    rib = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{rib:02d}"
    # 'F'=15, 'R'=27, then '00' placeholder for the check digits.
    check = 98 - int(bban + "152700") % 97
    return f"FR{check:02d}{bban}"


def iban_valid(iban: str) -> bool:
    s = iban.replace(" ", "")
    moved = s[4:] + s[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


def _group(s: str, size: int = 4) -> str:
    return " ".join(s[i : i + size] for i in range(0, len(s), size))


class PiiFactory:
    """Draws PII values from a numpy Generator (the only source of randomness)."""

    def __init__(self, rng: np.random.Generator):
        self.rng = rng

    def _pick(self, seq):
        return seq[int(self.rng.integers(len(seq)))]

    def name(self, female: bool) -> tuple[str, str]:
        return self._pick(FIRST_F if female else FIRST_M), self._pick(LAST)

    def email(self) -> str:
        first, last = self.name(bool(self.rng.random() < 0.6))
        f = _ascii(first).lower().replace(" ", "")
        la = _ascii(last).lower().replace(" ", "")
        style = int(self.rng.integers(4))
        user = [
            f"{f}.{la}",
            f"{f}{la}{int(self.rng.integers(50, 99))}",
            f"{f[0]}.{la}",
            f"{f}_{la}{int(self.rng.integers(1, 9))}",
        ][style]
        return f"{user}@{self._pick(EMAIL_DOMAINS)}"

    def phone(self) -> str:
        first = self._pick(["6", "6", "7", "1", "2", "3", "4", "5", "9"])
        rest = [int(x) for x in self.rng.integers(0, 100, size=4)]
        pairs = [f"0{first}"] + [f"{x:02d}" for x in rest]
        fmt = int(self.rng.integers(6))
        if fmt == 0:
            return " ".join(pairs)
        if fmt == 1:
            return ".".join(pairs)
        if fmt == 2:
            return "+33 " + first + " " + " ".join(pairs[1:])
        if fmt == 3:
            return "".join(pairs)
        if fmt == 4:
            return "-".join(pairs)
        return "+33" + first + "".join(pairs[1:])

    def nir(self) -> str:
        r = self.rng
        sex = int(r.integers(1, 3))
        yy = int(r.integers(40, 100)) if r.random() < 0.8 else int(r.integers(0, 8))
        mm = int(r.integers(1, 13))
        dept = int(r.integers(1, 96))
        dept = 21 if dept == 20 else dept  # 20 is Corsica (2A/2B), kept numeric-only
        commune = int(r.integers(1, 990))
        order = int(r.integers(1, 1000))
        first13 = f"{sex}{yy:02d}{mm:02d}{dept:02d}{commune:03d}{order:03d}"
        key = nir_key(first13)
        if r.random() < 0.5:
            return f"{first13}{key:02d}"
        return f"{sex} {yy:02d} {mm:02d} {dept:02d} {commune:03d} {order:03d} {key:02d}"

    def iban(self) -> str:
        r = self.rng
        bank = f"{int(r.integers(10000, 40000)):05d}"
        branch = f"{int(r.integers(0, 100000)):05d}"
        account = "".join(str(int(d)) for d in r.integers(0, 10, size=11))
        iban = iban_fr(bank, branch, account)
        return _group(iban) if r.random() < 0.7 else iban

    def address(self) -> str:
        r = self.rng
        city, cps = CITY_CP[int(r.integers(len(CITY_CP)))]
        num = int(r.integers(1, 180))
        bis = " bis" if r.random() < 0.05 else ""
        return f"{num}{bis} {self._pick(STREET_TYPES)} {self._pick(STREET_NAMES)}, {self._pick(cps)} {city}"

    def dob(self) -> str:
        r = self.rng
        d, m, y = int(r.integers(1, 29)), int(r.integers(1, 13)), int(r.integers(1940, 2006))
        fmt = int(r.integers(3))
        if fmt == 0:
            return f"{d:02d}/{m:02d}/{y}"
        if fmt == 1:
            return f"{d} {MONTHS_FR[m - 1]} {y}"
        return f"{d:02d}-{m:02d}-{y}"

    def sentence(
        self, pii_type: str, female_author: bool, pro: str, city: str
    ) -> tuple[str, list[tuple[str, str]]]:
        """One sentence carrying a PII piece, and the (type, value) pieces it contains."""
        tpl = self._pick(TEMPLATES[pii_type])
        e = "e" if female_author else ""
        if pii_type == "PERSONNE":
            first, last = self.name(bool(self.rng.random() < 0.6))
            full = f"{first} {last}"
            if "{full}" in tpl:
                return tpl.format(full=full, e=e, city=city, pro=pro), [("PERSONNE", full)]
            if "{last}" in tpl:
                return tpl.format(last=last, e=e, city=city, pro=pro), [("PERSONNE", last)]
            return tpl.format(first=first, e=e, city=city, pro=pro), [("PERSONNE", first)]
        value = {
            "EMAIL": self.email,
            "TEL": self.phone,
            "NIR": self.nir,
            "IBAN": self.iban,
            "ADRESSE": self.address,
            "DATE_NAISSANCE": self.dob,
        }[pii_type]()
        return tpl.format(v=value, e=e), [(pii_type, value)]


_ASCII = str.maketrans("éèêëàâäîïôöùûüçÉÈÊÀÂÎÔÛÇ", "eeeeaaaiioouuucEEEAAIOUC")


def _ascii(s: str) -> str:
    return s.translate(_ASCII).replace("ï", "i").replace("-", "")
