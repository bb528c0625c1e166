"""Genre `delai` : une date de l'acte comparée à l'échéance d'un délai courant d'une autre date (CPC:640 à 642).

Paramètres : `depart` (fait : date de départ, ex. `date_decision`), `duree` (« 6 mois »), `limite` (fait : la date
contrôlée, ex. `date_acte`), `sens` : `au_plus_tard` (la limite ne doit pas dépasser l'échéance) ou `au_plus_tot`
(la limite ne doit pas la précéder). L'échéance est calculée par `actes.delais` au lieu de l'acte.
"""
from __future__ import annotations

from ..regle import Trouvaille
from .base import Contexte


class Delai:
    """Date de l'acte hors du délai légal."""

    def __init__(self, regle, donnees: dict, chercheur):
        self.depart = donnees["depart"]
        self.duree = str(donnees["duree"])
        self.limite = donnees.get("limite", "date_acte")
        self.sens = donnees.get("sens", "au_plus_tard")

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Un constat si la date contrôlée est hors délai ; rien si l'une des dates manque."""
        from ...delais import echeance

        faits = ctx.analyse.faits
        depart, limite = faits.get(self.depart), faits.get(self.limite)
        if depart is None or limite is None:
            return []
        calcul = echeance(depart, self.duree, lieu=faits.get("lieu") or "")
        hors_delai = limite > calcul.date if self.sens == "au_plus_tard" else limite < calcul.date
        if not hors_delai:
            return []
        position = faits.get(f"_position_{self.limite}") or (None, None)
        return [Trouvaille(position[0], position[1], {
            "depart": depart.strftime("%d/%m/%Y"), "limite": limite.strftime("%d/%m/%Y"),
            "echeance": calcul.date.strftime("%d/%m/%Y"), "duree": self.duree,
        })]
