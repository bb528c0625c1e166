"""« Vouliez-vous dire … ? » : le nom connu le plus proche d'un nom mal tapé (commande, option, type d'acte, code)."""
from __future__ import annotations

import difflib
from collections.abc import Iterable


def plus_proche(mot: str, possibles: Iterable[str]) -> str | None:
    """Le nom de `possibles` le plus proche de `mot` (casse ignorée), ou None si aucun n'est assez proche."""
    possibles = list(possibles)
    par_forme = {p.lower(): p for p in possibles}
    trouves = difflib.get_close_matches(mot.lower(), list(par_forme), n=1, cutoff=0.6)
    return par_forme[trouves[0]] if trouves else None


def proposer(mot: str, possibles: Iterable[str]) -> str:
    """« ; vouliez-vous dire « X » ? » à ajouter à un message, ou une chaîne vide."""
    proche = plus_proche(mot, possibles)
    return f" ; vouliez-vous dire « {proche} » ?" if proche else ""
