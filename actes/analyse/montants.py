"""Montants d'un acte : « 1 234,56 € », « 1.234,56 euros », « 21 600,00 EUR », « 27,91 » dans un tableau de coût."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Partie entière groupée par espaces (normales ou insécables, déjà pliées en espace) ou points, ou non groupée ;
# décimales après une virgule. Motif sans imbrication de quantificateurs ambigus.
_NOMBRE = r"(?P<nombre>\d{1,3}(?:(?: |\.)\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)"
_DEVISE = r"(?P<devise>\s?(?:€|euros?\b|eur\b))"
RE_MONTANT = re.compile(r"(?<![\d,.])(?<!\d )" + _NOMBRE + r"(?![\d])(?:" + _DEVISE + r")?")


@dataclass(frozen=True)
class MontantTrouve:
    """Un montant lu dans le texte : valeur en Decimal (au centime), position, devise explicite ou non."""

    debut: int
    fin: int
    valeur: Decimal
    avec_devise: bool


def lire_montant(texte: str) -> Decimal | None:
    """Valeur d'un nombre écrit à la française (« 1 234,56 », « 1.234,56 ») ; None si mal formé."""
    propre = texte.strip().replace("\u00a0", " ").replace("\u202f", " ")
    propre = re.sub(r"(?<=\d)[ .](?=\d{3}\b)", "", propre).replace(",", ".")
    try:
        return Decimal(propre)
    except InvalidOperation:
        return None


def chercher_montants(texte_plie: str, *, devise_requise: bool = False) -> list[MontantTrouve]:
    """Montants du texte plié ; `devise_requise` ne garde que ceux suivis de €, euros ou EUR."""
    trouves = []
    for m in RE_MONTANT.finditer(texte_plie):
        avec_devise = m.group("devise") is not None
        if devise_requise and not avec_devise:
            continue
        nombre = m.group("nombre")
        if not avec_devise and "," not in nombre:
            continue                        # un entier nu (numéro, année) n'est pas un montant
        valeur = lire_montant(nombre)
        if valeur is not None:
            trouves.append(MontantTrouve(m.start(), m.end(), valeur, avec_devise))
    return trouves
