"""Postal addresses: a numbered street, "au 12 de la rue…", a residence with flat details, a
place name before a postcode, or a postcode and its city."""

from __future__ import annotations

import re

from .name_words import PLACE_LIKE, fast_fold
from .spans import PiiSpan

_STREET_TYPES = (
    r"rue|avenue|av\.?|boulevard|bd|bld|place|pl\.|chemin|all[ée]e|impasse|route|quai|cours|"
    r"square|passage|r[ée]sidence|lotissement|lieu-dit|chauss[ée]e|voie|sentier|faubourg|"
    r"cit[ée]|hameau|parvis|esplanade|promenade|mont[ée]e|rond-point|villa|street|road|"
    r"r\.|ruelle|clos|sente|venelle|traverse|imp\.|rte|ch\.|fg|fbg|r[ée]s\.|r[ée]s(?=\s)|zac|za|zi|"
    # Breton street words ("12 hent Sant-Yann", "3 straed ar Vilin").
    r"hent|straed|"
    # Basque ones ("14 karrika Nagusia", "3 Herriko plaza" reads the other way and is not here).
    r"karrika|kalea|bidea|etorbidea"
)
#: Flat details after a street ("…, esc. 2", "bât B, apt 12"), before the postcode.
_UNIT = (
    r"(?:(?i:b[âa]t(?:iment)?\.?|appt?\.?|apt\.?|appartement|esc(?:alier)?\.?|porte|[ée]tage|n°)"
    r"\s?[\wÀ-ÿ]{1,4}\b"
    # A door's side ("porte gauche").
    r"|(?i:porte)\s(?i:gauche|droite|face)\b"
    # A floor and a side ("3e gauche", "2ème étage droite").
    r"|\d{1,2}(?:e|er|[èe]me)\s(?i:gauche|droite|face|[ée]tage(?:\s(?:gauche|droite))?)\b)"
)
_UNITS = rf"(?:,?\s{_UNIT}){{0,3}}"
_CITY = r"[A-ZÀ-Þ][\wÀ-ÿ'’\-]+(?:[ \-](?:sur|sous|en|le|la|les|de|du|des|[A-ZÀ-Þ][\wÀ-ÿ'’\-]+))*"
ADRESSE_RE = re.compile(
    # Not a year closing a date ("12.09.1939\nRésidence…"), nor across a line break.
    # "3a rue…", "12 bis", "4ter": a letter glued to the number, or bis/ter/quater.
    rf"(?<![\w])(?<!\d[./])\d{{1,4}}(?:[a-dA-D]\b|\s?(?i:bis|ter|quater|b)\b)?,?[ \t\u00a0](?i:{_STREET_TYPES})(?:\b|(?<=\.))"
    rf"(?:[ \-](?!(?i:à|au|pour|depuis|dans|chez|mais|je|j'|on|il|elle|qui|près|pres|en face|"
    rf"avec|sans|où|ou|depuis|car|donc|alors|c'est|ça|ce|cette|mon|ma|mes)\b)"
    # "et" inside a street's name only before a capital: "2 rue Rhin et Danube".
    rf"(?!(?i:et)\b(?!\s[A-ZÀ-Þ]))"
    # A word of the street's name never opens on a dash (" - 57000 Metz" follows it).
    rf"[\wÀ-ÿ'’][\wÀ-ÿ'’\-]*){{1,6}}"
    # "…, 57000 Metz", "… - 57000 Metz": a comma or a dash before the postcode.
    rf"{_UNITS}(?:(?:,?\s|\s[-–]\s)\d{{5}}(?:\s{_CITY})?)?"
    rf"|(?<![\w])\d{{5}}\s(?:{_CITY})(?:\s(?i:cedex)(?:\s\d{{1,2}})?)?(?=\s*(?:[,.;!?)]|$|\n)|\s(?i:cedex)|\s(?-i:[a-zà-ÿ]))"
)
#: Other numbered forms: "3 Grande Rue" (no name after the street type), "au 12 de la rue
#: Victor Hugo" (the number before "de la"), each with an optional postcode and city.
_ADDRESS_MORE_RE = re.compile(
    rf"(?<![\w])\d{{1,4}}(?:\s?(?i:bis|ter)\b)?,?\s(?:(?i:grande?[ \-]rue|grand['’ ]rue)"
    rf"(?:[ \-](?!(?i:à|a|au|et|pour|depuis|dans|chez|mais|je|j'|on|il|elle|qui|avec)\b)"
    rf"[\wÀ-ÿ'’\-]+){{0,3}}"
    rf"|(?i:de\sla|de\sl['’]|du)\s?(?i:{_STREET_TYPES})\b(?:[ \-][\wÀ-ÿ'’\-]+){{1,4}})"
    rf"(?:,?\s\d{{5}}(?:\s{_CITY})?)?"
)
#: A residence or building without a street number, known by the flat details or postcode
#: after it ("Résidence les Lilas, bât B, apt 12, 59000 Lille").
_RESIDENCE_RE = re.compile(
    rf"(?i:r[ée]sidence|r[ée]s\.|immeuble|b[âa]timent|b[âa]t\.?)\s[\wÀ-ÿ'’\-]+(?:\s[\wÀ-ÿ'’\-]+){{0,3}}?"
    rf"(?P<unit>(?:,?\s(?i:b[âa]t(?:iment)?\.?|appt?\.?|apt\.?|appartement|esc(?:alier)?\.?|porte|[ée]tage|n°)"
    rf"\s?[\wÀ-ÿ]{{1,4}}\b)+(?:,?\s\d{{5}}(?:\s{_CITY})?)?|,?\s\d{{5}}\s{_CITY})"
)
# The city part of an address must be capitalised; IGNORECASE above would accept "depuis",
# so a postal-code-only match is re-checked against this case-sensitive pattern.
#: "adresse Kerbriant, 29880 Plouguerneau", "lieu-dit La Borde, 23200 Aubusson": a place name
#: with no street type before the postal code, after an address word.
_PLACE_ADDRESS_RE = re.compile(
    rf"(?i:lieu-dit|adresse|hameau|domicile|ZA|ZI|ZAC|zone\sartisanale|zone\sindustrielle|"
    # "lot. Les Flamboyants, 97122 Baie-Mahault", "village de Tsoundzou 1, 97600 Mamoudzou":
    # overseas and rural addresses name the estate or village, with no street number.
    rf"lotissement|lot\.|village|quartier|"
    rf"zone\sd['’]activit[ée]s?|parc\sd['’]activit[ée]s?)\s*:?\s+(?P<addr>(?:(?:de|du|des|la|le|les)\s)?[{{UP}}][\wÀ-ÿ'’\-]+(?:\s[\wÀ-ÿ'’\-]+){{0,3}}"
    # A plot or house number between the estate and the postcode ("Lotissement Les
    # Oliviers, lot 7, 20600 Furiani").
    rf"(?:,\s(?:(?i:lot|villa|maison|n°|bât\.?|b[âa]timent)\s?\w{{1,4}}|\d{{1,4}}))?,?\s\d{{5}}\s{_CITY})".replace(
        "{UP}", "A-ZÀ-Þ"
    )
)
#: The same after "adresse", typed in lower case ("adresse le bourg, 12340 bozouls"): the
#: capitalised city that the patterns above require is what people skip on a phone keyboard.
_LOWER_PLACE_ADDRESS_RE = re.compile(
    r"(?i:adresse)\s*:?\s+(?P<addr>[^\d\n,;:<>]{2,40},\s\d{5}\s[a-zà-ÿ][\wà-ÿ'’\-]+)"
)
#: Belgian, Swiss and Luxembourg addresses put the number after the street and have a
#: 4-digit postcode: "Avenue Louise 231, 1050 Ixelles", "Rue du Marché 12, 1204 Genève".
_NUMBER_AFTER_RE = re.compile(
    rf"(?<![\w])(?i:{_STREET_TYPES})\s(?:(?:de\s(?:la\s)?|du\s|des\s|d['’])?[A-ZÀ-Þ][\wÀ-ÿ'’\-]+)"
    rf"(?:\s[\wÀ-ÿ'’\-]+){{0,3}}\s\d{{1,4}}[a-zA-Z]?,\s(?:[A-Z]-)?\d{{4}}\s{_CITY}"
)
_FIVE_DIGITS_RE = re.compile(r"\d{5}")
_POSTCODE_CITY_RE = re.compile(rf"\d{{5}}\s{_CITY}")


def address_spans(text: str, lowered: str) -> list[PiiSpan]:
    """Addresses in ``text`` (``lowered`` is ``text.lower()``, read by the residence gate)."""
    spans: list[PiiSpan] = []
    for match in ADRESSE_RE.finditer(text):
        value = match.group(0)
        if value[:5].isdigit() and len(value) > 5 and value[5].isspace():
            if not _POSTCODE_CITY_RE.match(value):
                continue
        spans.append(PiiSpan(match.start(), match.end(), "ADRESSE", "patterns"))
    for match in _ADDRESS_MORE_RE.finditer(text):
        spans.append(PiiSpan(match.start(), match.end(), "ADRESSE", "patterns"))
    if "bât" in lowered or "bat" in lowered or "sidence" in lowered or "immeuble" in lowered:
        for match in _RESIDENCE_RE.finditer(text):
            spans.append(PiiSpan(match.start(), match.end(), "ADRESSE", "patterns"))
    for match in _PLACE_ADDRESS_RE.finditer(text) if _FIVE_DIGITS_RE.search(text) else ():
        start = match.start("addr")
        if (
            text[match.start() : start]
            .lower()
            .startswith(
                ("lieu-dit", "hameau", "za", "zi", "zone", "parc", "lot", "village", "quartier")
            )
        ):
            start = match.start()
        spans.append(PiiSpan(start, match.end("addr"), "ADRESSE", "patterns"))
    for match in _NUMBER_AFTER_RE.finditer(text) if "," in text else ():
        spans.append(PiiSpan(match.start(), match.end(), "ADRESSE", "patterns"))
    if "adresse" in lowered:
        for match in _LOWER_PLACE_ADDRESS_RE.finditer(text):
            spans.append(PiiSpan(match.start("addr"), match.end("addr"), "ADRESSE", "patterns"))
    # Two patterns may give the same address once extended ("ZA de Kerlouan, 29500 …"): once.
    return list(
        dict.fromkeys(_with_town_after(text, _with_building_before(text, s)) for s in spans)
    )


#: A town straight after a numbered street, without a postcode ("3 rue des Mineurs, Lens"):
#: part of the address when the word is a known town (``PLACE_LIKE``).
_TOWN_AFTER_RE = re.compile(
    # "…, Lens" or "… à Pornic".
    r"(?:,\s|\s[àa]\s)(?P<town>[A-ZÀ-Þ][a-zà-ÿ]+(?:-(?:[A-ZÀ-Þ][a-zà-ÿ]+|sur|sous|en|l[èe]s|le|la|de|du|des|aux))*)"
    r"(?![\w'’-])"
)


#: Compound town names that no first name or word shares: "Saint-Émilion", "Bourg-la-Reine",
#: "Châlons-en-Champagne", "Aix-les-Bains".
_COMPOUND_TOWN_RE = re.compile(
    r"(?:Saint|Sainte|Saintes|St|Ste)-|-(?:sur|sous|en|l[èe]s|le|la|de|du|des|aux)-"
)


def _with_town_after(text: str, span: PiiSpan) -> PiiSpan:
    m = _TOWN_AFTER_RE.match(text, span.end)
    if m is None:
        return span
    town = m.group("town")
    if not (
        fast_fold(town) in PLACE_LIKE
        or _COMPOUND_TOWN_RE.search(town)
        or (_has_street_number(text, span) and _unknown_capitalised(town))
    ):
        return span
    return PiiSpan(span.start, m.end(), span.pii_type, span.source)


#: Building and residence details written before the street ("Bât. B, résidence Les
#: Tilleuls, 15 allée des Peupliers"): part of the address.
_BUILDING_BEFORE_RE = re.compile(
    r"(?:(?i:b[âa]t(?:iment)?\.?|r[ée]sidence|r[ée]s\.|immeuble|cit[ée]|esc(?:alier)?\.?|entr[ée]e(?=\s\w{1,3},)|appt?\.?|apt\.?|"
    r"appartement|villa|mas|domaine|ferme|moulin|manoir|chalet|clos|hameau|lieu-dit|"
    # An estate or a farm's company before the street ("lotissement Les Oliviers, 8 chemin…",
    # "GAEC des Trois Chênes, La Bouillerie, 53170…").
    r"lotissement|lot\.|gaec|earl|exploitation|"
    # A courtyard and a house number in it ("Cour Lefebvre, maison 3, 41 rue…").
    r"cour|maison(?=\s\d)|pavillon|foyer|chambre(?=\s\d)|"
    # A house's own name, as Basque and rural addresses open ("maison Bordaberria, chemin…").
    r"maison(?=\s(?-i:[A-ZÀ-Þ][a-zà-ÿ]+),)|"
    # "3e étage, 2 rue…": the floor between a building and its street.
    r"\d{1,2}(?:e|er|[èe]me)(?=\s[ée]tage)|"
    r"salle(?:\s(?:des|de\sla|du))?)\s[\wÀ-ÿ'’\-]+"
    r"(?:\s[\wÀ-ÿ'’\-]+){0,3},?\s"
    # A house's or a hamlet's name, as rural addresses open: "Les Hauts de Kermoal, 3 chemin…",
    # "La Grange Neuve, lieu-dit Kerbrat, 29410…" (after a colon, a comma or a line start).
    # A line start counts as well.
    # A post-office box or a mail sorting code before the postcode ("BP 45, 97300 Cayenne",
    # "CS 70021, 35000 Rennes").
    r"|(?-i:BP|B\.P\.|CS|TSA)\s?\d{1,6},?\s|(?i:bo[îi]te\spostale)\s\d{1,6},?\s"
    # An unnumbered street before a mail sorting code ("Place Félix Baret, CS 80001, 13282…").
    r"|(?i:place|rue|avenue|boulevard|quai|all[ée]e|cours|chemin|route)\s[\wÀ-ÿ'’\-]+"
    r"(?:\s[\wÀ-ÿ'’\-]+){0,3},\s(?=(?-i:BP|B\.P\.|CS|TSA)\s?\d)"
    # The addressee's acronym heading an address block ("Domiciliation : CCAS, 11 rue…",
    # "labo, CHU, bâtiment B, 3e étage, 1 place…"): the first line of the postal address.
    r"|(?:(?<=[:,]\s)|(?<=\n)|^)(?-i:[A-Z]{2,5}),\s"
    r"|(?:(?<=[:,]\s)|(?<=\n)|^|(?<=\bhabite\s)|(?<=\bhabitent\s)|(?<=\bdemeurant\s))"
    r"(?-i:(?:Les|La|Le|L['’])\s?[A-ZÀ-Þ][\wÀ-ÿ'’\-]+"
    r"(?:\s[\wÀ-ÿ'’\-]+){0,3}),\s"
    # Breton houses and hamlets open on "Ker" ("Ker Anna, 12 hent…", "Kerozar, 29600…").
    # Not after a first name ("Marie Kerjean, 3 rue…" is a person, then her street).
    r"|(?:(?<=[:,]\s)|(?<=\n)|(?<=\best\s)|(?<=\bau\s)|(?<=\b[àa]\s)|(?<=^))(?-i:K[eê]r(?:\s?[A-ZÀ-Þ]|[a-zà-ÿ])[\wÀ-ÿ'’\-]*(?:\s[A-ZÀ-Þ][\wÀ-ÿ'’\-]*){0,2}),\s"
    # A named place after "au", "à la", "chez" or a colon, before its street: "au Service
    # médical, 33 avenue…", "Domiciliation : CCAS, 11 rue…", "au Pôle santé du Vallon, 4 rue…".
    # Not a hospital, a clinic or an acronym (CPAM, MDPH): the sets keep those as institutions.
    r"|(?:(?<=\bau\s)|(?<=\b[àa]\sla\s)|(?<=\bchez\s)|(?<=:\s))"
    r"(?!(?i:centre\shospitalier|clinique|polyclinique|h[ôo]pital|chu|chr|ch\b|institut|ehpad)\b)"
    r"(?-i:[A-ZÀ-Þ][a-zà-ÿ'’\-]+(?:\s[\wÀ-ÿ'’\-]+){0,4}),\s"
    # A street without a number between a house or farm and the postcode ("ferme Etxeberria,
    # chemin d'Urrugne, 64122 Urrugne"): only inside such a chain, never on its own.
    r"|(?<=,\s)(?i:chemin|route|rue|all[ée]e|impasse|avenue|rte|ch\.)\s(?:d['’]|de\s(?:la\s)?|du\s|des\s)?"
    r"[A-ZÀ-Þ][\wÀ-ÿ'’\-]+(?:\s[\wÀ-ÿ'’\-]+){0,2},\s"
    # A business park or zone before its street ("Parc d'activités du Moulin, 12 rue…").
    r"|(?i:parc\sd['’]activit[ée]s?|zone\sd['’]activit[ée]s?|zone\sartisanale|zone\sindustrielle|"
    r"za|zi|zac)\s[\wÀ-ÿ'’\-]+(?:\s[\wÀ-ÿ'’\-]+){0,3},\s"
    # A care building before its street ("Maison de santé, 2 allée des Genêts").
    # Practices and prisons too ("Cabinet médical des Arcades, 8 place…", "Centre
    # pénitentiaire, 1 route…"): letters to an inmate or a practice name the building first.
    r"|(?i:maison\sde\ssant[ée]|maison\sm[ée]dicale|centre\sm[ée]dical|p[ôo]le\sde\ssant[ée]|"
    r"centre\sde\ssant[ée]|cabinet\s(?:m[ée]dical|infirmier|dentaire|param[ée]dical|de\s[\wÀ-ÿ'’\-]+|d['’][\wÀ-ÿ\-]+)|"
    r"centre\sp[ée]nitentiaire|maison\sd['’]arr[êe]t|centre\sde\sd[ée]tention|maison\scentrale)"
    r"(?:\s[\wÀ-ÿ'’\-]+){0,3},\s"
    r"){1,3}$"
)


def _with_building_before(text: str, span: PiiSpan) -> PiiSpan:
    if not span.start:
        return span
    match = _BUILDING_BEFORE_RE.search(text, max(0, span.start - 80), span.start)
    if match is None:
        return span
    return PiiSpan(match.start(), span.end, span.pii_type, span.source)


def _has_street_number(text: str, span: PiiSpan) -> bool:
    """The address found opens on a street number ("4 impasse des Hortensias")."""
    return text[span.start : span.start + 1].isdigit()


def _unknown_capitalised(word: str) -> bool:
    """A capitalised word that is no first name and no common word: after "4 impasse des
    Hortensias, " it is the town ("Plérin", "Ploufragan"), which no list of ours holds. (A
    surname that is also a town, "Lamballe", counts as a town here.)"""
    from .name_words import CUE_WORDS, FUNCTION_WORDS, NOT_NAME_FOLDED
    from .names import name_lexicon

    folded = fast_fold(word)
    if folded in NOT_NAME_FOLDED or folded in FUNCTION_WORDS or folded in CUE_WORDS:
        return False
    entry = name_lexicon().get(folded)
    return entry is None or (not entry.first and not entry.is_word)
