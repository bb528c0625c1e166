"""Genre `condition` : un constat dès que les conditions `si` de la règle sont remplies par les faits de l'acte.

Exemples : type ou date de l'acte inconnus ; signification un jour ou à une heure interdits (le fait
`signification_interdite`, que l'analyse tire du calendrier du lieu et des heures datées de CPC:664). Le constat est
ancré sur le texte du fait `ancre_fait` s'il est donné, sinon dans la `section` de la règle.
"""
from __future__ import annotations

from ..regle import Trouvaille
from .base import AvecSauf, Contexte


class Condition(AvecSauf):
    """Faits de l'acte qui suffisent à eux seuls à montrer le défaut."""

    CLES = ("ancre_fait", "sauf")
    VALEURS = frozenset()

    def __init__(self, regle, donnees: dict, chercheur):
        from ..vocabulaire import verifier_fait

        self.ancre = donnees.get("ancre_fait")
        if self.ancre:
            verifier_fait(self.ancre, "ancre_fait")
        self.section = regle.section
        self._compiler_sauf(regle, donnees, chercheur)

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Le moteur a vérifié `si` : une trouvaille, sur le fait `ancre_fait` ou dans la section de la règle."""
        if self.excepte(ctx):
            return []
        if self.ancre:
            debut, fin = ctx.position_du_fait(self.ancre)
            if debut is not None:
                return [Trouvaille(debut, fin)]
        return [Trouvaille(section=self.section)]
