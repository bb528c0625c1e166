"""actes : rédiger et vérifier les actes des commissaires de justice.

API publique : `verifier()`, `Verificateur`, `Rapport`, `Constat`, `Emplacement`, `Gravite`, `analyser_decision()`,
`ActesErreur` et ses sous-classes, `__version__`. Les modules lourds sont importés au premier usage (`import actes`
reste rapide) ; les noms restent visibles des vérificateurs de types par les imports de `TYPE_CHECKING`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .erreurs import (ActesErreur, ArchiveCorrompue, ArchiveTropVolumineuse, DocumentChiffre, DocumentCorrompu,
                      DocumentSansTexte, EntreeInvalide, FichierIllisible, FichierIntrouvable, FichierTropVolumineux,
                      FormatNonReconnu, ParametreSansValeur, RegleInvalide, SortieImpossible, TexteTropLong,
                      XmlRefuse)

if TYPE_CHECKING:
    from .constat import Constat, Emplacement, Gravite
    from .decisions.analyse import analyser_decision
    from .moteur.verificateur import Rapport, Verificateur, verifier

__version__ = "0.1.0"

__all__ = [
    "verifier", "Verificateur", "Rapport", "Constat", "Emplacement", "Gravite", "analyser_decision", "__version__",
    "ActesErreur", "ArchiveCorrompue", "ArchiveTropVolumineuse", "DocumentChiffre", "DocumentCorrompu",
    "DocumentSansTexte", "EntreeInvalide", "FichierIllisible", "FichierIntrouvable", "FichierTropVolumineux",
    "FormatNonReconnu", "ParametreSansValeur", "RegleInvalide", "SortieImpossible", "TexteTropLong", "XmlRefuse",
]

_PARESSEUX = {
    "Constat": "constat", "Emplacement": "constat", "Gravite": "constat",
    "Verificateur": "moteur.verificateur", "Rapport": "moteur.verificateur", "verifier": "moteur.verificateur",
    "analyser_decision": "decisions.analyse",
}


def __getattr__(nom: str):
    if nom in _PARESSEUX:
        from importlib import import_module

        valeur = getattr(import_module(f".{_PARESSEUX[nom]}", __name__), nom)
        globals()[nom] = valeur
        return valeur
    raise AttributeError(f"module 'actes' has no attribute {nom!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
