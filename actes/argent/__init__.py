"""L'argent d'un dossier : intérêts, imputation des paiements, décompte, coût d'un acte, échéancier, quotité.

Tout est en `Decimal` ; chaque arrondi est au cent, au demi supérieur (`montant.arrondir`), et dit où il a lieu.
"""
from __future__ import annotations

from .cout import CoutActe, cout_acte, droit_proportionnel
from .decompte import Decompte, decompte, lire_dossier
from .echeancier import Echeancier, echeancier
from .imputation import Creance, Dette, Frais, Paiement, Situation, imputer
from .interets import Interets, LigneInterets, Regime, debut_majoration, interets
from .quotite import Quotite, quotite

__all__ = [
    "CoutActe", "Creance", "Decompte", "Dette", "Echeancier", "Frais", "Interets", "LigneInterets", "Paiement",
    "Quotite", "Regime", "Situation", "cout_acte", "debut_majoration", "decompte", "droit_proportionnel", "echeancier",
    "imputer", "interets", "lire_dossier", "quotite",
]
