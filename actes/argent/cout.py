"""Coût d'un acte à sa date (émolument, transport, TVA, débours, taxe forfaitaire) et droits proportionnels.

Émolument = montant du tableau 3-1 de l'annexe 4-7 × coefficient selon le montant de l'obligation (CCOM:A444-46) ;
la TVA (CGI:278) porte sur l'émolument et le transport, arrondie au cent (demi supérieur) ; les débours et la taxe
forfaitaire (CGI:302 bis Y, supprimée pour les actes établis depuis le 1/1/2021) s'ajoutent hors TVA.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..erreurs import EntreeInvalide, ParametreSansValeur
from .montant import ZERO, arrondir, formater

EMOLUMENTS = {
    "signification_jugement": "emolument_signification_decision",
    "signification_titre_executoire": "emolument_signification_titre_executoire",
    "signification_ordonnance_injonction_de_payer": "emolument_signification_injonction_de_payer",
    "assignation": "emolument_assignation",
    "commandement_saisie_vente": "emolument_commandement_saisie_vente",
    "certificat_non_paiement": "emolument_certificat_non_paiement",
}
DROITS = {
    "A444-15": "droit_engagement_poursuites",
    "A444-31": "emolument_recouvrement_debiteur",
    "A444-32": "emolument_recouvrement_creancier",
}


@dataclass(frozen=True)
class LigneCout:
    """Un poste du coût de l'acte."""

    libelle: str
    montant: Decimal
    references: tuple[str, ...]
    a_verifier: str | None = None


@dataclass(frozen=True)
class CoutActe:
    """Bloc « coût de l'acte » : postes, total HT, TVA, total TTC."""

    lignes: tuple[LigneCout, ...]
    total_ht: Decimal
    taux_tva: Decimal
    tva: Decimal
    total_ttc: Decimal


def coefficient(montant: Decimal | None, jour: dt.date) -> tuple[Decimal, str | None]:
    """Coefficient de l'émolument selon le montant de l'obligation (CCOM:A444-46) ; 1 sans montant."""
    from ..parametres import parametre

    if montant is None:
        return Decimal(1), "coefficient d'A444-46 non appliqué : montant de l'obligation non fourni"
    valeur = parametre("coefficient_emolument").valeur_au(jour)
    for tranche in valeur.valeur["tranches"]:
        if tranche["jusqu_a"] is None or montant <= Decimal(tranche["jusqu_a"]):
            return Decimal(tranche["coefficient"]), valeur.a_verifier
    raise AssertionError("barème d'A444-46 sans dernière tranche ouverte")


def formater_coefficient(coef: Decimal) -> str:
    """Coefficient sans zéros inutiles : « 0,5 », « 2 »."""
    return f"{coef.normalize():f}".replace(".", ",")


def cout_acte(type_acte: str, date: dt.date, *, montant_creance: Decimal | None = None, transport: bool = True,
              debours: Decimal = ZERO) -> CoutActe:
    """Coût d'un acte délivré le jour `date` (CCOM:A444-13 s., A444-46, A444-48 ; CGI:278, 302 bis Y)."""
    from ..parametres import parametre

    if type_acte not in EMOLUMENTS:
        from ..suggestions import proposer

        raise EntreeInvalide("type_acte", f"type d'acte « {type_acte} » non tarifé ici{proposer(type_acte, EMOLUMENTS)} ; "
                                          f"possibles : {', '.join(sorted(EMOLUMENTS))}")
    emolument = parametre(EMOLUMENTS[type_acte])
    if not emolument.est_en_vigueur(date):
        fin = next((v for v in emolument.valeurs if v.depuis <= date), None)
        raise ParametreSansValeur(emolument.fichier, f"« {emolument.nom} » sans valeur au {date.isoformat()}"
                                                     + (f" : {fin.source}" if fin else ""))
    base = emolument.valeur_au(date)
    coef, reserve = coefficient(montant_creance, date)
    libelle = emolument.description.split(" (")[0]
    lignes = [LigneCout(f"{libelle} ({formater(base.valeur)} × {formater_coefficient(coef)})",
                        arrondir(base.valeur * coef), emolument.references + ("CCOM:A444-46",),
                        " ; ".join(x for x in (base.a_verifier, reserve) if x) or None)]
    if transport:
        sct = parametre("frais_deplacement").valeur_au(date)
        lignes.append(LigneCout("Frais de déplacement (SCT)", sct.valeur, ("CCOM:A444-48",), sct.a_verifier))
    total_ht = sum((ligne.montant for ligne in lignes), ZERO)
    taux_tva = parametre("taux_tva").au(date)
    tva = arrondir(total_ht * taux_tva / 100)  # arrondi de la TVA sur le total HT
    hors_tva = []
    if debours:
        hors_tva.append(LigneCout("Débours (affranchissement…)", debours, ()))
    taxe = parametre("taxe_forfaitaire")
    if taxe.est_en_vigueur(date):
        valeur = taxe.valeur_au(date)
        hors_tva.append(LigneCout("Taxe forfaitaire", valeur.valeur, ("CGI:302 bis Y",), valeur.a_verifier))
    total_ttc = total_ht + tva + sum((ligne.montant for ligne in hors_tva), ZERO)
    return CoutActe(tuple(lignes + hors_tva), total_ht, taux_tva, tva, total_ttc)


def droit_proportionnel(montant: Decimal, date: dt.date, article: str = "A444-31") -> tuple[Decimal, str | None]:
    """Droit proportionnel par tranches (CCOM:A444-15, A444-31 ou A444-32) et réserve sur sa source."""
    from ..parametres import parametre

    if article not in DROITS:
        raise EntreeInvalide("article", f"« {article} » inconnu ; possibles : {', '.join(DROITS)}")
    valeur = parametre(DROITS[article]).valeur_au(date)
    bareme = valeur.valeur
    if montant <= Decimal(bareme["fixe_jusqu_a"]):
        return Decimal(bareme["fixe"]), valeur.a_verifier
    droit, plancher = ZERO, ZERO
    for tranche in bareme["tranches"]:
        plafond = Decimal(tranche["jusqu_a"]) if tranche["jusqu_a"] is not None else montant
        if montant > plancher:
            droit += (min(montant, plafond) - plancher) * Decimal(tranche["taux"]) / 100
        plancher = plafond
    droit = arrondir(droit)  # arrondi du droit total, non de chaque tranche
    if bareme.get("plafond") is not None:
        droit = min(droit, Decimal(bareme["plafond"]))
    return droit, valeur.a_verifier
