"""Genre `formulation_interdite` : une formulation fausse ou obsolète, et celle qui la remplace.

Paramètres : `remplacer` (formulation → remplacement), `sections` (ne chercher que dans ces sections),
`sauf_sections` (ex. les textes reproduits mot pour mot), `sauf_entre_guillemets`, `sauf_contexte` (motifs qui, dans
la même phrase, rendent l'emploi légitime), `seulement_si_contexte` (motifs dont l'un doit se trouver dans la même
phrase : « 15 mars » n'est fautif qu'à propos de la trêve hivernale), `sauf_decision_avant` (la juridiction est nommée comme elle l'était à la
date de la décision citée : un jugement de 2019 du « tribunal de grande instance » n'est pas une faute).
"""
from __future__ import annotations

import datetime as dt
import re

from ..regle import Trouvaille
from .base import Contexte, compiler_liste

RE_FIN_PHRASE = re.compile(r"[.;\n]")


def accorder_casse(modele: str, texte: str) -> str:
    """Remplacement écrit dans la casse de ce qu'il remplace (CAPITALES, Initiale, minuscules)."""
    lettres = [c for c in modele if c.isalpha()]
    if lettres and all(c.isupper() for c in lettres) and len(lettres) > 1:
        return texte.upper()
    if modele[:1].isupper():
        return texte[:1].upper() + texte[1:]
    return texte


class FormulationInterdite:
    """Formulation à remplacer."""

    def __init__(self, regle, donnees: dict, chercheur):
        self.remplacements = []
        for rang, (trouve, par) in enumerate(donnees["remplacer"].items()):
            self.remplacements.append((compiler_liste([trouve], f"{regle.code}#r{rang}", chercheur)[0], par))
        self.sections = donnees.get("sections")
        self.sauf_sections = donnees.get("sauf_sections", [])
        self.sauf_guillemets = bool(donnees.get("sauf_entre_guillemets", True))
        self.sauf_contexte = compiler_liste(donnees.get("sauf_contexte"), f"{regle.code}#ctx", chercheur)
        self.seulement_si_contexte = compiler_liste(donnees.get("seulement_si_contexte"), f"{regle.code}#si",
                                                    chercheur)
        avant = donnees.get("sauf_decision_avant")
        self.sauf_decision_avant: dt.date | None = avant

    def _phrase(self, texte: str, debut: int, fin: int) -> tuple[int, int]:
        gauche = max((m.end() for m in RE_FIN_PHRASE.finditer(texte, max(0, debut - 400), debut)), default=max(0, debut - 400))
        droite = RE_FIN_PHRASE.search(texte, fin, fin + 400)
        return gauche, droite.start() if droite else min(len(texte), fin + 400)

    def _entre_guillemets(self, texte: str, debut: int) -> bool:
        ligne_debut = texte.rfind("\n", 0, debut) + 1
        avant = texte[ligne_debut:debut]
        return avant.count('"') % 2 == 1

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Un constat par occurrence non justifiée par son contexte."""
        analyse = ctx.analyse
        if self.sauf_decision_avant and analyse.faits.get("date_decision") and \
                analyse.faits["date_decision"] < self.sauf_decision_avant:
            return []
        contexte = [p for m in self.sauf_contexte for p in ctx.recherche.positions(m)]
        requis = [p for m in self.seulement_si_contexte for p in ctx.recherche.positions(m)]
        trouvailles = []
        for motif, par in self.remplacements:
            positions = ctx.recherche.positions(motif)
            if self.sections:
                positions = ctx.dans_sections(positions, self.sections)
            exclues = set(ctx.dans_sections(positions, self.sauf_sections)) if self.sauf_sections else set()
            for debut, fin in positions:
                if (debut, fin) in exclues:
                    continue
                if self.sauf_guillemets and self._entre_guillemets(analyse.texte_plie, debut):
                    continue
                phrase = self._phrase(analyse.texte_plie, debut, fin)
                if any(phrase[0] <= d < phrase[1] for d, _ in contexte):
                    continue
                if self.seulement_si_contexte and not any(phrase[0] <= d < phrase[1] for d, _ in requis):
                    continue
                trouve = analyse.texte[debut:fin]
                remplacement = accorder_casse(trouve, par)
                trouvailles.append(Trouvaille(debut, fin, {"trouve": trouve, "remplacement": remplacement},
                                              suggestion=remplacement, correction="remplacer"))
        return trouvailles
