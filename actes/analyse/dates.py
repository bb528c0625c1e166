"""Dates d'un acte : en chiffres (« 12/03/2026 »), en mots (« 12 mars 2026 », « 1er avril 2026 ») et en lettres
(« L'AN DEUX MILLE VINGT-SIX ET LE QUATORZE AVRIL », « le samedi onze juillet deux mille vingt-six »).

Toutes les recherches se font sur le texte plié (même longueur que l'original) avec des motifs bornés.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .nombres import MOTIF_NOMBRE_EN_LETTRES, lire_nombre_en_lettres

MOIS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}
ABREVIATIONS = {"janv.": 1, "fevr.": 2, "fev.": 2, "avr.": 4, "juil.": 7, "sept.": 9, "oct.": 10, "nov.": 11,
                "dec.": 12}
_MOIS = ("(?P<mois>" + "|".join(MOIS) + "|" + "|".join(re.escape(a) for a in ABREVIATIONS) + ")")
_JOUR_SEMAINE = r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?"
_JOUR = rf"(?P<jour>1er|[0-3]?\d|{MOTIF_NOMBRE_EN_LETTRES})"
_ANNEE = rf"(?P<annee>(?:19|20)\d\d|{MOTIF_NOMBRE_EN_LETTRES})"

RE_DATE_MOTS = re.compile(rf"\b{_JOUR_SEMAINE}{_JOUR}\s+{_MOIS}\s*,?\s+{_ANNEE}")
RE_DATE_CHIFFRES = re.compile(r"(?<![\d/.])(?P<jour>[0-3]?\d)[/.](?P<mois>[01]?\d)[/.](?P<annee>(?:19|20)\d\d)(?![\d/])")
RE_DATE_ISO = re.compile(r"(?<![\d-])(?P<annee>(?:19|20)\d\d)-(?P<mois>[01]\d)-(?P<jour>[0-3]\d)(?![\d-])")
# « l'an deux mille vingt-six et le quatorze avril » ; « l'an 2026, le 14 avril »
RE_DATE_FORMULE = re.compile(
    rf"\bl'an\s+{_ANNEE}\s*,?\s*(?:et\s+)?le\s+{_JOUR_SEMAINE}{_JOUR}\s+(?:du\s+mois\s+d[e']\s*)?{_MOIS}")


@dataclass(frozen=True)
class DateTrouvee:
    """Une date lue dans le texte, avec sa position (texte entier du document)."""

    debut: int
    fin: int
    date: dt.date
    forme: str          # chiffres | mots | formule | iso


def _entier(texte: str) -> int | None:
    texte = texte.strip()
    if texte == "1er":
        return 1
    if texte.isdigit():
        return int(texte)
    return lire_nombre_en_lettres(texte)


def _construire(jour: str, mois: str, annee: str) -> dt.date | None:
    j, a = _entier(jour), _entier(annee)
    m = int(mois) if mois.isdigit() else MOIS.get(mois, ABREVIATIONS.get(mois))
    if j is None or a is None or m is None or not 1900 <= a <= 2099:
        return None
    try:
        return dt.date(a, m, j)
    except ValueError:
        return None


def chercher_dates(texte_plie: str) -> list[DateTrouvee]:
    """Toutes les dates du texte plié, dans l'ordre, sans chevauchement (la formule d'acte l'emporte)."""
    trouvees: list[DateTrouvee] = []
    occupe: list[tuple[int, int]] = []
    for forme, motif in (("formule", RE_DATE_FORMULE), ("mots", RE_DATE_MOTS),
                         ("chiffres", RE_DATE_CHIFFRES), ("iso", RE_DATE_ISO)):
        for m in motif.finditer(texte_plie):
            if any(m.start() < f and d < m.end() for d, f in occupe):
                continue
            date = _construire(m.group("jour"), m.group("mois"), m.group("annee"))
            if date is not None:
                trouvees.append(DateTrouvee(m.start(), m.end(), date, forme))
                occupe.append((m.start(), m.end()))
    trouvees.sort(key=lambda d: d.debut)
    return trouvees
