"""Genre `coherence` : un contrôle nommé qui confronte des faits de l'acte entre eux, ou à un paramètre daté.

Le contrôle est désigné par `controle` ; ses paramètres sont ceux de la règle. Les contrôles sont dans
`controles.py` (une fonction chacun) ; un contrôle inconnu est une faute de chargement.
"""
from __future__ import annotations

from ..regle import Trouvaille
from .base import Contexte, compiler_liste
from .controles import CONTROLES, VALEURS_DES_CONTROLES


class Coherence:
    """Incohérence entre deux faits de l'acte, ou entre l'acte et le droit en vigueur à sa date."""

    CLES = ("controle", "attendus", "attendu", "parametre", "fenetre", "contexte", "sauf", "motifs", "references_retenues",
            "fait", "incertains", "avant", "apres")

    def __init__(self, regle, donnees: dict, chercheur):
        nom = donnees["controle"]
        if nom not in CONTROLES:
            raise ValueError(f"contrôle « {nom} » inconnu ; possibles : {', '.join(sorted(CONTROLES))}")
        self.controle = CONTROLES[nom]
        self.valeurs = VALEURS_DES_CONTROLES[nom]
        from ..vocabulaire import verifier_conditions, verifier_fait

        if "fait" in donnees:
            verifier_fait(donnees["fait"], "fait")
        for cle in ("avant", "apres"):
            if cle in donnees:
                verifier_fait(donnees[cle], cle, date=True)
        if nom == "dates_ordonnees" and not {"avant", "apres"} <= set(donnees):
            raise ValueError("contrôle dates_ordonnees : « avant » et « apres » (faits datés) sont exigés")
        for rang, ligne in enumerate(donnees.get("attendus") or []):
            verifier_conditions(ligne.get("si"), f"attendus/{rang}/si")
        for nom_fait in donnees.get("incertains") or []:
            verifier_fait(nom_fait, "incertains")
        from ...parametres import verifier_reference

        verifier_reference(donnees.get("attendu"), "attendu")
        self.donnees = donnees
        self.regle = regle
        self.motifs = {cle: compiler_liste(donnees[cle], f"{regle.code}#{cle}", chercheur)
                       for cle in ("contexte", "sauf", "motifs") if cle in donnees}

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Trouvailles du contrôle nommé."""
        if "sauf" in self.motifs and ctx.recherche.premiere(self.motifs["sauf"]):
            return []
        return self.controle(ctx, self.donnees, self.motifs, self.regle)
