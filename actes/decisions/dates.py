"""Dates écrites dans une décision : « 15 décembre 2023 », « 1er mars 2022 », « 22/10/2024 »."""
from __future__ import annotations

import datetime as dt
import re

MOIS = {"janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12, "décembre": 12}
DATE = re.compile(
    r"\b(?P<j>\d{1,2})(?:er)?\s+(?P<m>" + "|".join(MOIS) + r")\s+(?P<a>\d{4})\b"
    r"|\b(?P<j2>\d{1,2})[/.](?P<m2>\d{1,2})[/.](?P<a2>\d{4})\b", re.I)


def lire_date(correspondance: re.Match) -> dt.date | None:
    """Date d'une correspondance de `DATE` ; None si le jour n'existe pas."""
    try:
        if correspondance.group("j"):
            return dt.date(int(correspondance.group("a")), MOIS[correspondance.group("m").lower()],
                           int(correspondance.group("j")))
        return dt.date(int(correspondance.group("a2")), int(correspondance.group("m2")), int(correspondance.group("j2")))
    except ValueError:
        return None


def premiere_date(texte: str) -> tuple[dt.date, re.Match] | None:
    """Première date valide du texte, avec sa correspondance."""
    for correspondance in DATE.finditer(texte):
        jour = lire_date(correspondance)
        if jour:
            return jour, correspondance
    return None
