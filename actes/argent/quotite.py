"""Quotité saisissable d'une rémunération mensuelle nette (CT:L3252-2, R3252-2, R3252-3, R3252-5).

Le barème est annuel : la rémunération mensuelle est portée à l'année (× 12), chaque seuil est majoré de
l'incrément par personne à charge (R3252-3), la part saisissable de chaque tranche est ramenée au mois (÷ 12) et
arrondie au cent (demi supérieur) ; la quotité est la somme de ces parts, plafonnée pour laisser au salarié au
moins le RSA d'une personne seule (R3252-5).
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
    lignes, plancher = [], ZERO
    for tranche in bareme.valeur["tranches"]:
        plafond = Decimal(tranche["jusqu_a"]) + majoration if tranche["jusqu_a"] is not None else None
        haut = annuel if plafond is None else min(annuel, plafond)
        assiette = max(ZERO, haut - plancher)
        fraction = Fraction(tranche["fraction"])
        part = arrondir(assiette * fraction.numerator / fraction.denominator / 12)  # arrondi de chaque tranche
        lignes.append(TrancheSaisie(arrondir(plancher / 12), arrondir(plafond / 12) if plafond else None,
                                    tranche["fraction"], arrondir(assiette / 12), part))
        if plafond is None:
            break
        plancher = plafond
    total = sum((ligne.montant for ligne in lignes), ZERO)
    saisissable = max(ZERO, min(total, remuneration_mensuelle - rsa.valeur))  # R3252-5 : le RSA reste au salarié
    reserves = tuple(x for x in (bareme.a_verifier, rsa.a_verifier) if x)
    return Quotite(saisissable, tuple(lignes), rsa.valeur, rsa.valeur,
                   ("CT:L3252-2", "CT:R3252-2", "CT:R3252-3", "CT:R3252-5", "CPCE:R162-2"), reserves)
