"""Nombres écrits en lettres (français) → entiers, pour les dates et montants en toutes lettres.

Couvre 0 à 999 999 999 (« vingt et un », « quatre-vingt-dix-sept », « deux mille vingt-six », « soixante et onze »),
sur texte plié (minuscules sans accents). Orthographe traditionnelle et rectifiée (traits d'union) acceptées.
"""
from __future__ import annotations

import re

UNITES = {
    "zero": 0, "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}
MULTIPLICATEURS = {"cent": 100, "cents": 100, "mille": 1000, "mil": 1000, "million": 1_000_000, "millions": 1_000_000}
MOTS = set(UNITES) | set(MULTIPLICATEURS) | {"et"}

# Une suite de mots-nombres séparés par espaces ou traits d'union ; bornée pour éviter tout retour arrière coûteux.
_MOT = "(?:" + "|".join(sorted((m for m in MOTS if m != "et"), key=len, reverse=True)) + ")"
MOTIF_NOMBRE_EN_LETTRES = rf"\b{_MOT}(?:(?:[ -]|\s+et\s+|-et-){_MOT}){{0,12}}\b"
_RE_NOMBRE = re.compile(MOTIF_NOMBRE_EN_LETTRES)


def lire_nombre_en_lettres(texte: str) -> int | None:
    """Entier écrit en lettres (texte plié), ou None si ce n'est pas un nombre bien formé."""
    mots = [m for m in re.split(r"[\s-]+", texte.strip()) if m and m != "et"]
    if not mots or any(m not in UNITES and m not in MULTIPLICATEURS for m in mots):
        return None
    total, courant = 0, 0
    precedent = None
    for mot in mots:
        if mot in UNITES:
            valeur = UNITES[mot]
            if mot in ("vingt", "vingts") and precedent == "quatre":
                courant = courant - 4 + 80          # quatre-vingt(s)
            elif precedent in UNITES and UNITES[precedent] < 10 and valeur < 10:
                return None                          # « deux trois » n'est pas un nombre
            else:
                courant += valeur
        else:
            facteur = MULTIPLICATEURS[mot]
            if facteur == 100:
                courant = (courant or 1) * 100
            else:
                total += (courant or 1) * facteur
                courant = 0
        precedent = mot
    return total + courant


def chercher_nombres_en_lettres(texte_plie: str):
    """Itère sur (debut, fin, valeur) des nombres en lettres d'un texte plié."""
    for correspondance in _RE_NOMBRE.finditer(texte_plie):
        valeur = lire_nombre_en_lettres(correspondance.group())
        if valeur is not None:
            yield correspondance.start(), correspondance.end(), valeur
