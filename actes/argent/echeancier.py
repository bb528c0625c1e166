"""Échéancier mensuel : échéances égales au cent, la dernière absorbant l'arrondi ; délai de grâce (CC:1343-5).

Sans intérêts : échéance = montant / nombre arrondi au cent le plus proche (demi supérieur), la dernière étant le
reste (500 € en 12 : 11 × 41,67 € et 41,63 €) ; si cet arrondi laissait une dernière échéance nulle ou négative
(beaucoup d'échéances de quelques euros), l'échéance est arrondie au cent inférieur. Avec un taux annuel : échéance constante d'un prêt amortissable
(taux mensuel = taux / 12), intérêts de chaque mois arrondis au cent (demi supérieur), dernière échéance = reste
du capital + ses intérêts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from ..erreurs import EntreeInvalide
from .montant import CENT, ZERO, ajouter_mois, arrondir

CONVENTION = ("arrondi au cent le plus proche (demi supérieur) ; la dernière échéance absorbe la différence")
DUREE_MAXIMALE_MOIS = 24  # CC:1343-5 : « dans la limite de deux années »


@dataclass(frozen=True)
class Echeance:
    """Une échéance : date, montant, part d'intérêts et de capital, capital restant dû après paiement."""

    date: dt.date
    montant: Decimal
    interets: Decimal
    capital: Decimal
    restant_du: Decimal


@dataclass(frozen=True)
class Echeancier:
    """Échéances, total payé et alertes (durée d'un délai de grâce judiciaire)."""

    echeances: tuple[Echeance, ...]
    total: Decimal
    alertes: tuple[str, ...]


def echeancier(montant: Decimal, nombre: int, premiere_echeance: dt.date, *, taux: Decimal | None = None,
               judiciaire: bool = False) -> Echeancier:
    """Échéances mensuelles égales au même quantième (CC:1343-5 pour un délai de grâce judiciaire)."""
    if nombre < 1:
        raise EntreeInvalide("mois", "il faut au moins une échéance")
    if nombre > 600:
        raise EntreeInvalide("mois", "plus de 600 échéances : durée invraisemblable")
    if montant <= 0:
        raise EntreeInvalide("montant", "le montant à échelonner doit être positif")
    dates = [ajouter_mois(premiere_echeance, rang) for rang in range(nombre)]
    echeances, restant, alertes = [], montant, []
    if not taux:
        regulier = arrondir(montant / nombre)                              # au cent le plus proche
        if montant - regulier * (nombre - 1) <= 0:
            regulier = (montant / nombre).quantize(CENT, rounding=ROUND_DOWN)
            alertes.append("l'arrondi au cent le plus proche laisserait une dernière échéance nulle ou négative : "
                           "échéances arrondies au cent inférieur, la dernière absorbe la différence")
        for rang, jour in enumerate(dates):
            part = restant if rang == nombre - 1 else regulier
            restant -= part
            echeances.append(Echeance(jour, part, ZERO, part, restant))
    else:
        mensuel = taux / 1200
        regulier = arrondir(montant * mensuel / (1 - (1 + mensuel) ** -nombre))  # échéance constante arrondie
        for rang, jour in enumerate(dates):
            interets = arrondir(restant * mensuel)  # intérêts du mois arrondis
            capital = restant if rang == nombre - 1 else min(restant, regulier - interets)
            restant -= capital
            echeances.append(Echeance(jour, capital + interets, interets, capital, restant))
    if judiciaire and nombre > DUREE_MAXIMALE_MOIS:
        alertes.append(f"CC:1343-5 : un report ou un échelonnement judiciaire est limité à deux années ; "
                       f"{nombre} échéances mensuelles dépassent {DUREE_MAXIMALE_MOIS} mois")
    return Echeancier(tuple(echeances), sum((e.montant for e in echeances), ZERO), tuple(alertes))
