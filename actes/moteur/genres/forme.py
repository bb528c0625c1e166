"""Genre `forme` : une mention que la loi veut « très apparente » doit être en gras, soulignée ou en capitales.

Ne se prononce que sur les documents qui portent leur mise en forme (.docx, .odt) : sur un texte brut, seule la casse
est connue, et l'absence de gras n'y prouve rien.
"""
from __future__ import annotations

from ..regle import Trouvaille
from .base import Contexte, compiler_liste

FORMATS_MIS_EN_FORME = {"docx", "odt"}


class Forme:
    """Mention présente mais pas mise en évidence."""

    CLES = ("motifs",)
    VALEURS = frozenset({"trouve"})

    def __init__(self, regle, donnees: dict, chercheur):
        self.motifs = compiler_liste(donnees["motifs"], f"{regle.code}#f", chercheur)
        self.section = regle.section

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Un constat pour la première occurrence dont aucun caractère visible n'est mis en évidence."""
        document = ctx.analyse.document
        if document.format not in FORMATS_MIS_EN_FORME:
            return []
        positions = sorted(p for m in self.motifs for p in ctx.recherche.positions(m))
        if self.section:
            positions = ctx.dans_sections(positions, [self.section]) or positions
        for debut, fin in positions[:1]:
            bloc, position = document.localiser(debut)
            if not bloc.est_mis_en_evidence(position, position + (fin - debut)):
                return [Trouvaille(debut, fin, {"trouve": ctx.analyse.texte[debut:fin]})]
        return []
