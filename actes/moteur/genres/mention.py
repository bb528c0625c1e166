"""Genre `mention_obligatoire` : l'acte doit contenir l'une des formulations (`un_de`), ou une de chaque groupe (`tous`).

Paramètres : `un_de` ou `tous`, `section` (où la mention est attendue : sert à ancrer le constat),
`dans_section_seulement` (ne compter que ce qui est dans cette section, quand l'acte en a une), `si_present` / `si_absent` (motifs qui
déclenchent ou écartent l'exigence : par exemple « dépôt à l'étude » → les vérifications de domicile sont exigées),
`ancre` (motifs près desquels la mention manquante est signalée, quand ils sont présents : la lettre simple qui doit
suivre la lettre recommandée est signalée à la lettre recommandée).
"""
from __future__ import annotations

from ..regle import Trouvaille
from .base import Contexte, compiler_liste


class MentionObligatoire:
    """Mention exigée par un texte, absente de l'acte."""

    def __init__(self, regle, donnees: dict, chercheur):
        code = regle.code
        groupes = [donnees["un_de"]] if "un_de" in donnees else donnees.get("tous", [])
        self.groupes = [compiler_liste(g, f"{code}#g{i}", chercheur) for i, g in enumerate(groupes)]
        self.si_present = compiler_liste(donnees.get("si_present"), f"{code}#si", chercheur)
        self.si_absent = compiler_liste(donnees.get("si_absent"), f"{code}#sauf", chercheur)
        self.ancre = compiler_liste(donnees.get("ancre"), f"{code}#ancre", chercheur)
        self.section = regle.section
        self.dans_section_seulement = bool(donnees.get("dans_section_seulement"))

    def _trouve(self, ctx: Contexte, motifs) -> bool:
        positions = [p for m in motifs for p in ctx.recherche.positions(m)]
        if self.dans_section_seulement and self.section and ctx.analyse.section(self.section):
            positions = ctx.dans_sections(positions, [self.section])   # section absente : tout l'acte compte
        return bool(positions)

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Un constat si un groupe de formulations n'a aucune occurrence."""
        if self.si_present and not self._trouve(ctx, self.si_present):
            return []
        if self.si_absent and self._trouve(ctx, self.si_absent):
            return []
        manquants = [g for g in self.groupes if not self._trouve(ctx, g)]
        if not manquants:
            return []
        ancre = ctx.recherche.premiere(self.ancre) if self.ancre else None
        debut, fin = ancre if ancre else (None, None)
        return [Trouvaille(debut, fin, section=self.section, valeurs={"manquant": manquants[0][0].libelle},
                           correction="inserer")]
