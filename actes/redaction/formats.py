"""Dates, montants et durées écrits à la française dans un acte (babel, num2words)."""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal
from num2words import num2words

LOCALE = "fr_FR"
CENTIME = Decimal("0.01")
_DUREE = re.compile(r"^\s*(\d+)\s*(jours?|mois|ans?)\s*$", re.IGNORECASE)


def date_fr(jour: dt.date) -> str:
    """« 1er avril 2026 », « 14 avril 2026 »."""
    texte = format_date(jour, format="long", locale=LOCALE)
    return "1er" + texte[1:] if jour.day == 1 else texte


def date_en_lettres(jour: dt.date) -> str:
    """Date de l'acte en toutes lettres : « L'AN DEUX MILLE VINGT-SIX ET LE QUATORZE AVRIL » (CPC:648 1°)."""
    annee = num2words(jour.year, lang="fr")
    quantieme = num2words(1, to="ordinal", lang="fr") if jour.day == 1 else num2words(jour.day, lang="fr")
    mois = format_date(jour, format="MMMM", locale=LOCALE)
    return f"L'AN {annee} ET LE {quantieme} {mois}".upper()


def arrondir(montant: Decimal) -> Decimal:
    """Arrondi au centime, demi vers le haut (ROUND_HALF_UP)."""
    return montant.quantize(CENTIME, rounding=ROUND_HALF_UP)


def montant_fr(montant: Decimal) -> str:
    """« 21 600,00 € » : arrondi au centime (ROUND_HALF_UP), espace fine entre les milliers."""
    return format_decimal(arrondir(montant), format="#,##0.00", locale=LOCALE) + "\u00a0€"


def analyser_duree(texte: str) -> tuple[int, str] | None:
    """(nombre, unité) d'une durée écrite « 15 jours », « 1 mois », « 2 ans » ; None si illisible."""
    correspondance = _DUREE.match(texte or "")
    if not correspondance:
        return None
    unite = correspondance.group(2).lower()
    unite = "jours" if unite.startswith("jour") else "ans" if unite.startswith("an") else "mois"
    return int(correspondance.group(1)), unite


def duree_en_lettres(nombre: int, unite: str) -> str:
    """« un mois », « quinze jours », « deux mois »."""
    mot = "un" if nombre == 1 else num2words(nombre, lang="fr")
    singulier = {"jours": "jour", "ans": "an", "mois": "mois"}[unite]
    return f"{mot} {singulier if nombre == 1 else unite}"


def de_devant(mot: str) -> str:
    """« d'un mois », « d'Évry », « du Mans », « des Sables-d'Olonne », « de quinze jours »."""
    if mot.startswith(("Le ", "LE ")):
        return f"du {mot[3:]}"
    if mot.startswith(("Les ", "LES ")):
        return f"des {mot[4:]}"
    return f"d'{mot}" if mot[:1].lower() in "aeiouyéèêàâîôûÉÈ".lower() else f"de {mot}"
