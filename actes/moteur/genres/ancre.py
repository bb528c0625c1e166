"""Genre `valeur_pres_ancre` : une valeur écrite près d'une formulation (`contexte`) comparée au droit.

`lire` dit ce qui est lu près de l'ancre et à quoi il est comparé :
- `duree` : le délai écrit dans la phrase de l'ancre doit valoir `attendu` (« 1 mois », ou `{parametre: nom}` à la
  date de l'acte) ;
- `montant` : le premier montant en devise écrit dans les `fenetre` caractères après l'ancre doit valoir le paramètre
  `attendu` en vigueur à la date de l'acte ;
- `date` : la date écrite dans la phrase de l'ancre ne doit pas dépasser l'échéance `au_plus_tard` (un `calcul` du
  calendrier appliqué au fait daté `de`, avec les jours fériés du lieu de l'acte).
Un constat au plus, sur la valeur lue.
"""
from __future__ import annotations

from ...analyse.faits import lire_delai
from ..regle import Trouvaille
from .base import AvecSauf, Contexte, compiler_liste, date_fr, phrase_autour

FENETRE_MONTANT = 160


def _premier_jour_ouvrable_suivant(jour, faits: dict):
    """Le premier jour ouvrable après `jour`, au lieu de l'acte (CPC:642 al. 2)."""
    from ...delais import premier_jour_ouvrable_suivant

    return premier_jour_ouvrable_suivant(jour, faits.get("lieu") or "")


CALCULS = {"premier_jour_ouvrable_suivant": _premier_jour_ouvrable_suivant}
LECTURES = ("duree", "montant", "date")


class ValeurPresAncre(AvecSauf):
    """Durée, montant ou date écrits dans l'acte qui ne sont pas ceux du droit à la date de l'acte."""

    CLES = ("contexte", "lire", "attendu", "au_plus_tard", "fenetre", "sauf")
    VALEURS = frozenset({"indique", "attendu", "depuis", "source", "limite"})

    def __init__(self, regle, donnees: dict, chercheur):
        from ...parametres import verifier_reference
        from ..vocabulaire import verifier_fait

        self.lire = donnees["lire"]
        if self.lire not in LECTURES:
            raise ValueError(f"lire : « {self.lire} » inconnu ; possibles : {', '.join(LECTURES)}")
        self.donnees = donnees
        self.attendu = donnees.get("attendu")
        verifier_reference(self.attendu, "attendu")
        self.au_plus_tard = donnees.get("au_plus_tard")
        if self.lire == "date":
            if not self.au_plus_tard:
                raise ValueError("lire: date : « au_plus_tard » ({calcul, de}) est exigé")
            if self.au_plus_tard["calcul"] not in CALCULS:
                raise ValueError(f"au_plus_tard/calcul : « {self.au_plus_tard['calcul']} » inconnu ; possibles : "
                                 f"{', '.join(sorted(CALCULS))}")
            verifier_fait(self.au_plus_tard["de"], "au_plus_tard/de", date=True)
        elif self.attendu is None:
            raise ValueError(f"lire: {self.lire} : « attendu » est exigé")
        if self.lire == "montant" and not isinstance(self.attendu, dict):
            raise ValueError("lire: montant : « attendu » doit être un paramètre daté ({parametre: nom})")
        self.fenetre = int(donnees.get("fenetre", FENETRE_MONTANT))
        self.contexte = compiler_liste(donnees["contexte"], f"{regle.code}#contexte", chercheur)
        self._compiler_sauf(regle, donnees, chercheur)

    def _ancres(self, ctx: Contexte):
        for motif in self.contexte:
            yield from ctx.recherche.positions(motif)

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Au plus une trouvaille, sur la première valeur fausse lue près d'une ancre."""
        if self.excepte(ctx):
            return []
        lecture = {"duree": self._duree, "montant": self._montant, "date": self._date}[self.lire]
        return lecture(ctx)[:1]

    def _duree(self, ctx: Contexte) -> list[Trouvaille]:
        from ...erreurs import ParametreSansValeur
        from ...parametres import valeur_datee

        try:
            attendu = str(valeur_datee(self.attendu, ctx.jour))
        except ParametreSansValeur:
            return []
        texte = ctx.analyse.texte_plie
        for debut, fin in self._ancres(ctx):
            phrase_debut, phrase_fin = phrase_autour(texte, debut, fin)
            lu = lire_delai(texte[phrase_debut:phrase_fin])
            if lu is not None and lu[0] != attendu:
                return [Trouvaille(phrase_debut + lu[1][0], phrase_debut + lu[1][1],
                                   {"indique": lu[0], "attendu": attendu}, suggestion=attendu,
                                   correction="remplacer")]
        return []

    def _montant(self, ctx: Contexte) -> list[Trouvaille]:
        from ...parametres import parametre
        from ...rapport.format import montant_fr

        param = parametre(self.attendu["parametre"])
        if not param.est_en_vigueur(ctx.jour):
            return []
        valeur = param.valeur_au(ctx.jour)
        analyse = ctx.analyse
        for _debut, fin in self._ancres(ctx):
            suivant = next((m for m in analyse.montants if fin <= m.debut <= fin + self.fenetre and m.avec_devise),
                           None)
            if suivant is None or suivant.valeur == valeur.valeur:
                continue
            ecrit = montant_fr(valeur.valeur)
            return [Trouvaille(suivant.debut, suivant.fin, {
                "indique": analyse.texte[suivant.debut:suivant.fin], "attendu": ecrit,
                "depuis": date_fr(valeur.depuis), "source": valeur.source}, suggestion=ecrit, correction="remplacer")]
        return []

    def _date(self, ctx: Contexte) -> list[Trouvaille]:
        analyse = ctx.analyse
        de = self.au_plus_tard["de"]
        depart = analyse.faits.get(de)
        if depart is None:
            return []
        limite = CALCULS[self.au_plus_tard["calcul"]](depart, analyse.faits)
        for debut, fin in self._ancres(ctx):
            phrase = phrase_autour(analyse.texte_plie, debut, fin)
            ecrite = next((d for d in analyse.dates if phrase[0] <= d.debut < phrase[1]), None)
            if ecrite and ecrite.date > limite:
                return [Trouvaille(ecrite.debut, ecrite.fin, {
                    "indique": date_fr(ecrite.date), de: date_fr(depart), "limite": date_fr(limite)})]
        return []
