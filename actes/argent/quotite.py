"""Quotité saisissable d'une rémunération mensuelle nette (CT:L3252-2, R3252-2, R3252-3, R3252-5).

Le barème est annuel : la rémunération mensuelle est portée à l'année (× 12), chaque seuil est majoré de
l'incrément par personne à charge (R3252-3) ; la quotité mensuelle est la somme exacte des parts annuelles ÷ 12,
arrondie une fois au cent (demi supérieur), plafonnée pour laisser au salarié au moins le RSA d'une personne seule
(R3252-5). Les parts par tranche sont affichées arrondies au cent : leur somme peut différer d'un cent de la quotité.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from ..erreurs import EntreeInvalide
from .montant import ZERO, arrondir


@dataclass(frozen=True)
class TrancheSaisie:
    """Une tranche mensuelle du barème : bornes, fraction saisissable, assiette et part saisissable."""

    de: Decimal
    a: Decimal | None
    fraction: str
    assiette: Decimal
    montant: Decimal


@dataclass(frozen=True)
class Quotite:
    """Part saisissable par mois, détail par tranche, fraction insaisissable et solde bancaire insaisissable."""

    quotite_saisissable: Decimal
    lignes: tuple[TrancheSaisie, ...]
    fraction_insaisissable: Decimal
    solde_bancaire_insaisissable: Decimal
    references: tuple[str, ...]
    a_verifier: tuple[str, ...]


def _decimal(valeur: Fraction) -> Decimal:
    """Fraction exacte → Decimal (28 chiffres significatifs : assez pour arrondir au cent sans erreur)."""
    return Decimal(valeur.numerator) / Decimal(valeur.denominator)


def quotite(remuneration_mensuelle: Decimal, personnes_a_charge: int, date: dt.date) -> Quotite:
    """Part saisissable d'une rémunération mensuelle nette au barème en vigueur au jour `date`."""
    from ..parametres import parametre

    if remuneration_mensuelle < 0:
        raise EntreeInvalide("remuneration", "la rémunération est négative")
    if not 0 <= personnes_a_charge <= 30:
        raise EntreeInvalide("personnes_a_charge", "nombre de personnes à charge entre 0 et 30")
    bareme = parametre("bareme_saisie_remunerations").valeur_au(date)
    rsa = parametre("solde_bancaire_insaisissable").valeur_au(date)
    majoration = Decimal(bareme.valeur["majoration_personne_a_charge"]) * personnes_a_charge
    annuel = remuneration_mensuelle * 12
    lignes, plancher, exact = [], ZERO, Fraction(0)
    for tranche in bareme.valeur["tranches"]:
        plafond = Decimal(tranche["jusqu_a"]) + majoration if tranche["jusqu_a"] is not None else None
        haut = annuel if plafond is None else min(annuel, plafond)
        assiette = max(ZERO, haut - plancher)
        fraction = Fraction(tranche["fraction"])
        part_annuelle = Fraction(assiette) * fraction  # calcul exact, en fractions
        exact += part_annuelle
        part = arrondir(_decimal(part_annuelle / 12))  # arrondi pour l'affichage de la tranche seulement
        lignes.append(TrancheSaisie(arrondir(plancher / 12), arrondir(plafond / 12) if plafond else None,
                                    tranche["fraction"], arrondir(assiette / 12), part))
        if plafond is None:
            break
        plancher = plafond
    total = arrondir(_decimal(exact / 12))  # seul arrondi de la quotité
    saisissable = max(ZERO, min(total, remuneration_mensuelle - rsa.valeur))  # R3252-5 : le RSA reste au salarié
    reserves = tuple(x for x in (bareme.a_verifier, rsa.a_verifier) if x)
    return Quotite(saisissable, tuple(lignes), rsa.valeur, rsa.valeur,
                   ("CT:L3252-2", "CT:R3252-2", "CT:R3252-3", "CT:R3252-5", "CPCE:R162-2"), reserves)
