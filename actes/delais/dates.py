"""Dates écrites en français (« lundi 2 mars 2026 », « 1er mai 2026 ») et lecture des dates AAAA-MM-JJ."""
from __future__ import annotations

import datetime as dt
import re

from ..erreurs import EntreeInvalide

JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre")


def en_lettres(jour: dt.date, *, avec_jour: bool = True) -> str:
    """« lundi 2 mars 2026 » ; le premier du mois s'écrit « 1er »."""
    quantieme = "1er" if jour.day == 1 else str(jour.day)
    texte = f"{quantieme} {MOIS[jour.month - 1]} {jour.year}"
    return f"{JOURS[jour.weekday()]} {texte}" if avec_jour else texte


def lire_date(valeur, champ: str = "date") -> dt.date:
    """Date d'une valeur YAML ou d'un texte AAAA-MM-JJ ; une date impossible lève `EntreeInvalide`."""
    if isinstance(valeur, dt.datetime):
        return valeur.date()
    if isinstance(valeur, dt.date):
        return valeur
    texte = str(valeur).strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", texte):
        raise EntreeInvalide(champ, f"« {valeur} » n'est pas une date AAAA-MM-JJ")
    try:
        return dt.date.fromisoformat(texte)
    except ValueError:
        raise EntreeInvalide(champ, f"« {valeur} » n'est pas une date qui existe") from None
