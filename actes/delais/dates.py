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


ANNEE_MIN, ANNEE_MAX = 1900, 2200      # au-delà, aucun acte ni délai : une faute de frappe, pas une date


def lire_date(valeur, champ: str = "date") -> dt.date:
    """Date d'une valeur YAML ou d'un texte AAAA-MM-JJ ou JJ/MM/AAAA ; une date impossible ou hors des années
    1900 à 2200 lève `EntreeInvalide`."""
    if isinstance(valeur, dt.datetime):
        valeur = valeur.date()
    if isinstance(valeur, dt.date):
        jour = valeur
    else:
        texte = str(valeur).strip()
        if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", texte):
            parties = int(m.group(3)), int(m.group(2)), int(m.group(1))
        elif m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", texte):
            parties = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            raise EntreeInvalide(champ, f"« {str(valeur)[:40]} » n'est pas une date AAAA-MM-JJ ni JJ/MM/AAAA")
        try:
            jour = dt.date(*parties)
        except ValueError:
            raise EntreeInvalide(champ, f"« {texte} » n'est pas une date qui existe") from None
    if not ANNEE_MIN <= jour.year <= ANNEE_MAX:
        raise EntreeInvalide(champ, f"année {jour.year} hors de la plage admise ({ANNEE_MIN} à {ANNEE_MAX})")
    return jour
