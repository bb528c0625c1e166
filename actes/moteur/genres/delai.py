"""Genre `delai` : une date comparée à l'échéance d'un délai courant d'une autre date (CPC:640 à 642).

Deux usages :
- une date de l'acte contre une échéance : `depart` (fait : date de départ, ex. `date_decision`), `duree` (« 6 mois »),
  `limite` (fait : la date contrôlée, ex. `date_acte`), `sens` : `au_plus_tard` (la limite ne doit pas dépasser
  l'échéance) ou `au_plus_tot` (elle ne doit pas la précéder) ;
- une date d'échéance écrite dans l'acte (« soit jusqu'au 17 avril 2025 ») : `date_ecrite_apres` (motifs qui la
  précèdent), `depart` (fait), et `duree` (la durée légale ; sans elle, celle que la phrase indique) : la date écrite
  doit être l'échéance calculée.
L'échéance est calculée par `actes.delais` avec les jours fériés du lieu de l'acte.
"""
from __future__ import annotations

import re

from ...analyse.faits import lire_delai
from ..regle import Trouvaille
from .base import Contexte, compiler_liste

RE_FIN_PHRASE = re.compile(r"[.;\n]")
FENETRE_DATE = 40


def _jour(date) -> str:
    return date.strftime("%d/%m/%Y")


class Delai:
    """Date hors du délai légal, ou échéance écrite fausse."""

    def __init__(self, regle, donnees: dict, chercheur):
        self.depart = donnees["depart"]
        self.duree = str(donnees["duree"]) if donnees.get("duree") else None
        self.limite = donnees.get("limite", "date_acte")
        self.sens = donnees.get("sens", "au_plus_tard")
        self.date_ecrite_apres = compiler_liste(donnees.get("date_ecrite_apres"), f"{regle.code}#ecrite", chercheur)
        if not self.duree and not self.date_ecrite_apres:
            raise ValueError("genre delai : « duree » est exigée hors du mode « date_ecrite_apres »")

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Trouvailles selon le mode de la règle ; rien si une date ou une durée manque."""
        if self.date_ecrite_apres:
            return self._verifier_date_ecrite(ctx)
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
            "depart": _jour(depart), "limite": _jour(limite), "echeance": _jour(calcul.date), "duree": self.duree,
        })]

    @staticmethod
    def _echeances_admises(depart, duree, calcul, faits) -> set:
        """L'échéance calculée, et la même augmentée pour distance quand l'acte la rend certaine (CPC:643, 644)."""
        from ...delais import echeance, lire_duree

        admises = {calcul.date}
        if faits.get("augmentation_distance"):
            total = lire_duree(duree) + lire_duree(faits["augmentation_distance"])
            admises.add(echeance(depart, total, lieu=faits.get("lieu") or "").date)
        return admises

    def _verifier_date_ecrite(self, ctx: Contexte) -> list[Trouvaille]:
        from ...delais import echeance
        from ...rapport.format import date_longue

        analyse = ctx.analyse
        depart = analyse.faits.get(self.depart)
        if depart is None:
            return []
        texte = analyse.texte_plie
        for motif in self.date_ecrite_apres:
            for debut, fin in ctx.recherche.positions(motif):
                ecrite = next((d for d in analyse.dates if fin <= d.debut <= fin + FENETRE_DATE), None)
                if ecrite is None:
                    continue
                duree = self.duree
                if duree is None:
                    gauche = max((m.end() for m in RE_FIN_PHRASE.finditer(texte, max(0, debut - 300), debut)),
                                 default=max(0, debut - 300))
                    lu = lire_delai(texte[gauche:debut])
                    if lu is None:
                        continue
                    duree = lu[0]
                calcul = echeance(depart, duree, lieu=analyse.faits.get("lieu") or "")
                if ecrite.date in self._echeances_admises(depart, duree, calcul, analyse.faits):
                    continue
                return [Trouvaille(ecrite.debut, ecrite.fin, {
                    "ecrite": _jour(ecrite.date), "echeance": _jour(calcul.date), "depart": _jour(depart),
                    "duree": duree}, suggestion=date_longue(calcul.date), correction="remplacer")]
        return []
