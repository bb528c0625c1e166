"""Accès aux données livrées avec le paquet : `regles/` (actes.regles) et `modeles/` (actes.modeles).

Installé (roue ou mode éditable), le paquet les expose comme `actes.regles` et `actes.modeles`. Lancé depuis une copie
des sources sans installation (`python -m actes` à la racine du dépôt), ce sont les dossiers voisins du paquet.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

_RACINE_SOURCES = Path(__file__).resolve().parent.parent


def _dossier(paquet: str, voisin: str) -> Path:
    try:
        return Path(str(resources.files(paquet)))
    except ModuleNotFoundError:
        return _RACINE_SOURCES / voisin


def dossier_regles() -> Path:
    """Dossier des règles et paramètres livrés."""
    return _dossier("actes.regles", "regles")


def dossier_modeles() -> Path:
    """Dossier des modèles d'actes livrés."""
    return _dossier("actes.modeles", "modeles")
