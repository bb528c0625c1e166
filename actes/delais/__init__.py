"""Délais de procédure (CPC:640 à 647-1), jours fériés du lieu et plan des échéances d'un dossier.

API : `lire_duree`, `Duree`, `echeance`, `echeance_a_rebours`, `Echeance`, `Etape`, `est_ferie`, `nom_ferie`,
`est_jour_ouvrable`, `premier_jour_ouvrable_suivant`, `signification_permise`, `ajouter_mois`.
"""
from __future__ import annotations

from .calcul import Echeance, Etape, ajouter_mois, echeance, echeance_a_rebours, signification_permise
from .duree import Duree, lire_duree
from .feries import est_ferie, est_jour_ouvrable, nom_ferie, premier_jour_ouvrable_suivant

__all__ = [
    "Duree", "Echeance", "Etape", "ajouter_mois", "echeance", "echeance_a_rebours", "est_ferie",
    "est_jour_ouvrable", "lire_duree", "nom_ferie", "premier_jour_ouvrable_suivant", "signification_permise",
]
