"""Intérêts d'une somme sur une période, découpée à chaque changement de taux (CMF:L313-2, L313-3 ; CC:1343-2).

Convention de calcul (documentée, non imposée par un texte) :
- une ligne couvre les jours de `du` (compté) à `au` (non compté) : `jours = au − du`, comme la formule
  « somme × jours × taux / (100 × base) » de la pratique ; la ligne suivante commence à `au` ;
- une ligne ne franchit jamais un 1er janvier, ni un 1er juillet pour un taux semestriel (légal, commercial), ni le
  début de la majoration, ni un anniversaire de capitalisation ; un taux conventionnel, constant, n'est coupé qu'au
  1er janvier (la base d'une année peut changer) ;
- base « 365 » (défaut) : chaque année compte 365 jours, bissextile ou non, la présentation usuelle (formule de
  service-public.fr) ; base « exacte » : 366 pour les jours d'une année bissextile (année civile, Cass. 1re civ.
  19/6/2013 pour le taux conventionnel) ;
- chaque ligne est arrondie au cent, au demi supérieur ; le total est la somme des lignes arrondies.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..erreurs import EntreeInvalide, ParametreSansValeur
from .montant import ZERO, ajouter_mois, arrondir

CATEGORIES = {
    "particulier": "taux_interet_legal_particulier",
    "autres": "taux_interet_legal_autres",
}
REGIMES = (*CATEGORIES, "commercial", "conventionnel")
BASES = ("365", "exacte")


@dataclass(frozen=True)
class Regime:
    """Taux applicable : intérêt légal d'une catégorie, pénalité commerciale (CCOM:L441-10) ou taux conventionnel."""

    categorie: str = "particulier"
    taux: Decimal | None = None
    majoration_depuis: dt.date | None = None
    base: str = "365"

    def __post_init__(self):
        if self.categorie not in REGIMES:
            raise EntreeInvalide("categorie", f"« {self.categorie} » inconnue ; possibles : {', '.join(REGIMES)}")
        if (self.categorie == "conventionnel") != (self.taux is not None):
            raise EntreeInvalide("taux", "un taux conventionnel va avec la catégorie « conventionnel » seulement")
        if self.majoration_depuis and self.categorie not in CATEGORIES:
            raise EntreeInvalide("majoration", "la majoration de CMF:L313-3 ne vise que le taux de "
                                               "l'intérêt légal, non un taux conventionnel ou commercial")
        if self.base not in BASES:
            raise EntreeInvalide("base", f"base « {self.base} » inconnue ; possibles : {', '.join(BASES)}")


@dataclass(frozen=True)
class LigneInterets:
    """Intérêts d'un capital du jour `du` (compté) au jour `au` (non compté), à un seul taux."""

    du: dt.date
    au: dt.date
    jours: int
    base: int
    taux: Decimal
    capital: Decimal
    montant: Decimal
    majore: bool
    references: tuple[str, ...]
    a_verifier: str | None = None


@dataclass(frozen=True)
class Interets:
    """Lignes d'intérêts d'une période ; `total` : tous les intérêts, capitalisés ou non."""

    lignes: tuple[LigneInterets, ...]
    total: Decimal
    capital_final: Decimal


def debut_semestre(jour: dt.date) -> dt.date:
    """Premier jour du semestre civil de `jour` (1er janvier ou 1er juillet)."""
    return dt.date(jour.year, 1 if jour.month <= 6 else 7, 1)


def semestre_suivant(jour: dt.date) -> dt.date:
    """Premier jour du semestre civil qui suit celui de `jour`."""
    return dt.date(jour.year, 7, 1) if jour.month <= 6 else dt.date(jour.year + 1, 1, 1)


def debut_majoration(executoire: dt.date) -> dt.date:
    """Premier jour au taux majoré : date exécutoire + deux mois (CMF:L313-3 ; hypothèse de quantième, à vérifier)."""
    from ..parametres import parametre

    return ajouter_mois(executoire, int(parametre("delai_majoration_interet_legal").au(executoire)))


def _taux_semestriel(nom: str, jour: dt.date):
    """Valeur du paramètre semestriel `nom` au jour donné ; refuse de prolonger un semestre au-delà du sien."""
    from ..parametres import parametre

    param = parametre(nom)
    valeur = param.valeur_au(jour)
    if valeur.depuis != debut_semestre(jour):
        raise ParametreSansValeur(param.fichier, f"« {nom} » : taux du semestre commençant le "
                                                 f"{debut_semestre(jour).isoformat()} inconnu (non publié, non saisi)")
    return valeur


def taux_au(regime: Regime, jour: dt.date) -> tuple[Decimal, bool, tuple[str, ...], str | None]:
    """Taux annuel en vigueur au jour donné : (taux, majoré ?, références, réserve éventuelle sur la source)."""
    from ..parametres import parametre

    if regime.categorie == "conventionnel":
        return regime.taux, False, ("CC:1343-1",), None
    if regime.categorie == "commercial":
        bce = _taux_semestriel("taux_refinancement_bce", jour)
        points = parametre("majoration_penalites_commerciales").valeur_au(jour)
        return bce.valeur + points.valeur, False, ("CCOM:L441-10",), bce.a_verifier or points.a_verifier
    legal = _taux_semestriel(CATEGORIES[regime.categorie], jour)
    if regime.majoration_depuis and jour >= regime.majoration_depuis:
        points = parametre("majoration_interet_legal").au(jour)
        return legal.valeur + points, True, ("CMF:L313-2", "CMF:L313-3"), legal.a_verifier
    return legal.valeur, False, ("CMF:L313-2",), legal.a_verifier


def courir(capital: Decimal, du: dt.date, au: dt.date, regime: Regime) -> list[LigneInterets]:
    """Lignes d'intérêts d'un capital constant de `du` à `au`, une par taux (semestre, majoration) et par année."""
    lignes = []
    debut = du
    while debut < au:
        coupure = dt.date(debut.year + 1, 1, 1) if regime.categorie == "conventionnel" else semestre_suivant(debut)
        fin = min(au, coupure)
        if regime.majoration_depuis and debut < regime.majoration_depuis < fin:
            fin = regime.majoration_depuis
        taux, majore, references, reserve = taux_au(regime, debut)
        jours = (fin - debut).days
        base = 366 if regime.base == "exacte" and calendar.isleap(debut.year) else 365
        montant = arrondir(capital * taux * jours / (100 * base))  # arrondi de la ligne
        lignes.append(LigneInterets(debut, fin, jours, base, taux, capital, montant, majore, references, reserve))
        debut = fin
    return lignes


def anniversaires(depuis: dt.date, jusqu_au: dt.date) -> list[dt.date]:
    """Dates anniversaires de `depuis` strictement comprises dans la période (capitalisation annuelle, CC:1343-2)."""
    dates, rang = [], 1
    while (suivante := ajouter_mois(depuis, 12 * rang)) < jusqu_au:
        dates.append(suivante)
        rang += 1
    return dates


def interets(principal: Decimal, depuis: dt.date, jusqu_au: dt.date, *, categorie: str = "particulier",
             taux: Decimal | None = None, majoration_depuis: dt.date | None = None, capitalisation: bool = False,
             base: str = "365") -> Interets:
    """Intérêts de `principal` du jour `depuis` au jour `jusqu_au` (CMF:L313-2 ; L313-3 ; CC:1231-7, 1343-2).

    `taux` : taux conventionnel (catégorie « conventionnel » implicite) ; `majoration_depuis` : premier jour au taux
    majoré de cinq points ; `capitalisation` : les intérêts d'une année entière s'ajoutent au capital à chaque
    anniversaire de `depuis` (CC:1343-2, seulement si le titre ou le contrat l'ordonne).
    """
    if jusqu_au < depuis:
        raise EntreeInvalide("jusqu_au", f"la fin ({jusqu_au.isoformat()}) précède le début ({depuis.isoformat()})")
    if principal < 0:
        raise EntreeInvalide("montant", "le principal est négatif")
    regime = Regime("conventionnel" if taux is not None else categorie, taux, majoration_depuis, base)
    capital, lignes = principal, []
    bornes = [depuis, *(anniversaires(depuis, jusqu_au) if capitalisation else ()), jusqu_au]
    for debut, fin in zip(bornes, bornes[1:]):
        periode = courir(capital, debut, fin, regime)
        lignes.extend(periode)
        if capitalisation and fin != jusqu_au:
            capital += sum((ligne.montant for ligne in periode), ZERO)
    return Interets(tuple(lignes), sum((ligne.montant for ligne in lignes), ZERO), capital)
