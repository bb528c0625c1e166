"""Écritures françaises des montants et des dates dans les messages et les suggestions."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal


def montant_fr(valeur: Decimal, *, devise: bool = True) -> str:
    """« 10 000 € », « 635,71 € » (espace insécable fine de babel remplacée par une espace insécable)."""
    entier = valeur == valeur.to_integral_value()
    motif = "#,##0" if entier else "#,##0.00"
    texte = format_decimal(valeur, format=motif, locale="fr_FR").replace("\u202f", "\u00a0")
    return f"{texte}\u00a0€" if devise else texte


def date_longue(jour: dt.date) -> str:
    """« 5 octobre 2026 » ; « 1er » pour le premier du mois."""
    texte = format_date(jour, format="d MMMM y", locale="fr_FR")
    return "1er" + texte[1:] if jour.day == 1 else texte
