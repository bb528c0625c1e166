"""Pliage du texte pour la recherche : minuscules, sans accents, apostrophes et espaces unifiées.

Le pliage garde la longueur (un caractère pour un caractère) : une position dans le texte plié est la même position
dans le texte d'origine, ce qui permet d'ancrer exactement chaque constat.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

_SPECIAUX = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ",
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-",
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"',
    "\u0153": "o", "\u0152": "o", "\u00e6": "a", "\u00c6": "a",
    "\u00ba": "o", "\u00b0": "o",
}


@lru_cache(maxsize=4096)
def _plier_caractere(caractere: str) -> str:
    if caractere in _SPECIAUX:
        return _SPECIAUX[caractere]
    decompose = unicodedata.normalize("NFD", caractere)
    base = decompose[0] if decompose else caractere
    if len(base) != 1 or unicodedata.combining(base):
        return caractere.lower()[:1] or caractere
    minuscule = base.lower()
    return minuscule if len(minuscule) == 1 else base


def plier(texte: str) -> str:
    """Texte plié de même longueur : « SIGNIFIÉ À » → « signifie a »."""
    resultat = "".join(_plier_caractere(c) for c in texte)
    assert len(resultat) == len(texte)
    return resultat
