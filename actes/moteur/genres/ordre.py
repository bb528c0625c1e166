"""Genre `ordre_des_dates` : le fait daté `apres` ne peut précéder le fait daté `avant`.

Exemple : l'acte et la décision qu'il signifie (CPC:648 1°). Rien si l'une des dates manque ; les deux dates sont
données au message sous le nom de leur fait.
"""
from __future__ import annotations

from ..regle import Trouvaille
from .base import AvecSauf, Contexte, date_fr


class OrdreDesDates(AvecSauf):
    """Deux faits datés dans le mauvais ordre."""

    CLES = ("avant", "apres", "sauf")
    VALEURS = frozenset()

    def __init__(self, regle, donnees: dict, chercheur):
        from ..vocabulaire import verifier_fait

        self.avant, self.apres = donnees["avant"], donnees["apres"]
        verifier_fait(self.avant, "avant", date=True)
        verifier_fait(self.apres, "apres", date=True)
        self._compiler_sauf(regle, donnees, chercheur)

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Une trouvaille sur la date `apres` si elle précède la date `avant`."""
        faits = ctx.analyse.faits
        avant, apres = faits.get(self.avant), faits.get(self.apres)
        if not avant or not apres or apres >= avant or self.excepte(ctx):
            return []
        debut, fin = ctx.position_du_fait(self.apres)
        return [Trouvaille(debut, fin, {self.avant: date_fr(avant), self.apres: date_fr(apres)})]
