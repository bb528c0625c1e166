"""Sortie JSON, format version 1 : `{"version": 1, "fichiers": [{"chemin", "type_acte", "date_acte", "constats"}]}`.

Chaque constat : `code`, `gravite`, `message`, `references`, `emplacement` {`bloc`, `debut`, `fin`, `ligne`,
`colonne`, `extrait`, `section`}, `suggestion`, `regle`, `a_verifier`. Un fichier illisible a `erreur` et aucun constat.
"""
from __future__ import annotations

from ..sortie import en_json

VERSION = 1


def rendre(entrees: list[dict]) -> str:
    """Document JSON stable (mêmes entrées, mêmes octets)."""
    return en_json({"version": VERSION, "fichiers": entrees})
