"""Champs qu'un type d'acte calcule d'après son dossier : échéances (actes.delais), durées lues dans les règles."""
from __future__ import annotations

import datetime as dt

from .contexte import _Collecte, demeurant_du_destinataire
from .formats import date_fr, montant_fr
from .formulations import regles_livrees

# Règle `delai` dont la durée et le point de départ fixent l'échéance écrite dans la dénonciation (CPCE:R211-11).
REGLE_ECHEANCE_CONTESTATION = "CPCER211-3-ECHEANCE-FAUSSE"


def _echeance(regle_code: str, depart: dt.date, dossier: dict, collecte: _Collecte) -> str:
    """Échéance calculée comme la règle `delai` la vérifie (sa durée, les jours fériés du lieu du destinataire)."""
    from ..delais import echeance
    from ..erreurs import ActesErreur

    regle = regles_livrees()[regle_code]
    try:
        resultat = echeance(depart, regle.genre.duree, lieu=demeurant_du_destinataire(dossier) or "")
    except ActesErreur as exc:
        return collecte.a_completer("echeance", f"date d'expiration du délai ({exc.message})", regle.references)
    for point in resultat.a_verifier:
        collecte.noter("echeance", f"échéance à vérifier : {point}", regle.references, "avertissement")
    return date_fr(resultat.date)


def denonciation_saisie_attribution(dossier: dict, jour: dt.date | None, collecte: _Collecte) -> dict:
    """Saisie dénoncée (date, tiers saisi, somme) et expiration du délai de contestation (CPCE:R211-3, R211-11)."""
    saisie = dossier.get("saisie") or {}
    valeurs = {}
    if saisie.get("date"):
        valeurs["date_saisie"] = date_fr(saisie["date"])
    if saisie.get("tiers_saisi"):
        valeurs["tiers_saisi"] = str(saisie["tiers_saisi"])
    if saisie.get("montant"):
        from decimal import Decimal

        valeurs["montant_saisi"] = montant_fr(Decimal(str(saisie["montant"])))
    if saisie.get("compte"):
        valeurs["compte"] = str(saisie["compte"])
    juge = dossier.get("juge_execution") or {}
    if juge.get("ville"):
        valeurs["ville_juge"] = str(juge["ville"])
    if juge.get("adresse"):
        from .contexte import _adresse

        valeurs["adresse_juge"] = _adresse(juge["adresse"])
    if jour:
        valeurs["echeance_contestation"] = _echeance(REGLE_ECHEANCE_CONTESTATION, jour, dossier, collecte)
    return valeurs


def commandement_payer_clause_resolutoire(dossier: dict, jour: dt.date | None, collecte: _Collecte) -> dict:
    """Bail (date, logement, loyer et charges, leur somme) et fonds de solidarité pour le logement (L89-462:24)."""
    from decimal import Decimal

    from .contexte import _adresse

    bail, fsl, valeurs = dossier.get("bail") or {}, dossier.get("fsl") or {}, {}
    if bail.get("date"):
        valeurs["date_bail"] = date_fr(bail["date"])
    if bail.get("logement"):
        valeurs["logement"] = _adresse(bail["logement"])
    if bail.get("loyer"):
        valeurs["loyer"] = montant_fr(Decimal(str(bail["loyer"]))).replace("\u00a0€", "")
    if bail.get("charges"):
        valeurs["charges"] = montant_fr(Decimal(str(bail["charges"]))).replace("\u00a0€", "")
    if bail.get("loyer") and bail.get("charges"):
        total = Decimal(str(bail["loyer"])) + Decimal(str(bail["charges"]))
        valeurs["loyer_total"] = montant_fr(total).replace("\u00a0€", "")
    if fsl.get("departement"):
        valeurs["departement"] = str(fsl["departement"])
    if fsl.get("adresse"):
        valeurs["adresse_fsl"] = _adresse(fsl["adresse"])
    return valeurs


CALCULS = {"denonciation_saisie_attribution": denonciation_saisie_attribution,
           "commandement_payer_clause_resolutoire": commandement_payer_clause_resolutoire}
