"""actes : rédiger et vérifier les actes des commissaires de justice.

API publique : `verifier()`, `Verificateur`, `Constat`, `Emplacement`, `Gravite`, `__version__`.
Les imports sont paresseux : `import actes` reste rapide.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["verifier", "Verificateur", "Constat", "Emplacement", "Gravite", "Rapport", "__version__"]


def __getattr__(nom: str):
    if nom in ("Constat", "Emplacement", "Gravite"):
        from . import constat
        return getattr(constat, nom)
    if nom in ("Verificateur", "Rapport", "verifier"):
        from .moteur import verificateur
        return getattr(verificateur, nom)
    raise AttributeError(f"module 'actes' has no attribute {nom!r}")
