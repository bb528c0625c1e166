"""Genre `argent` : la seule trappe de code. Le décompte, les intérêts, le coût de l'acte et les frais du
recouvrement amiable sont recalculés par `actes.argent` ; chaque écart est un constat.

`calcul` nomme le recalcul ; `references_retenues` garde les seuls écarts qui citent l'un de ces articles (une règle
par sujet). Le décompte est lu une fois par acte et gardé sur l'acte analysé.
"""
from __future__ import annotations

from ..regle import Trouvaille
from .base import AvecSauf, Contexte

CALCULS = ("decompte", "cout_acte", "frais_amiable", "interets")


class Argent(AvecSauf):
    """Écart entre l'argent écrit dans l'acte et son recalcul."""

    TRAPPE = True
    CLES = ("calcul", "references_retenues", "sauf")
    VALEURS = frozenset({"detail"})

    def __init__(self, regle, donnees: dict, chercheur):
        self.calcul = donnees["calcul"]
        if self.calcul not in CALCULS:
            raise ValueError(f"calcul « {self.calcul} » inconnu ; possibles : {', '.join(CALCULS)}")
        self.retenues = frozenset(donnees.get("references_retenues") or ())
        self.references = regle.references
        self._compiler_sauf(regle, donnees, chercheur)

    def _anomalies(self, ctx: Contexte):
        from ...argent import controle as argent

        analyse = ctx.analyse
        if self.calcul == "decompte":
            lu = argent.lire_decompte(analyse.texte)
            return argent.controler_decompte(lu) if lu else []
        if self.calcul == "interets":
            return argent.controler_interets(analyse.texte, analyse.date_acte)
        if self.calcul == "cout_acte":
            return argent.controler_cout_acte(analyse.texte, ctx.jour, analyse.type_acte)
        return argent.controler_frais_amiable(analyse.texte)

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Une trouvaille par écart retenu."""
        if self.excepte(ctx):
            return []
        return [Trouvaille(a.debut, a.fin, {"detail": a.message}, suggestion=a.suggestion,
                           references=tuple(dict.fromkeys([*self.references, *a.references])))
                for a in self._anomalies(ctx)
                if not self.retenues or set(a.references) & self.retenues]
