"""Accès aux données livrées avec le paquet : `regles/` (actes.regles) et `modeles/` (actes.modeles)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def dossier_regles() -> Path:
    """Dossier des règles et paramètres livrés (roue ou installation éditable)."""
    return Path(str(resources.files("actes.regles")))


def dossier_modeles() -> Path:
    """Dossier des modèles d'actes livrés."""
    return Path(str(resources.files("actes.modeles")))
