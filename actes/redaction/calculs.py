"""Champs qu'un type d'acte calcule d'après son dossier : échéances (actes.delais), durées lues dans les règles."""
from __future__ import annotations

import datetime as dt

from .contexte import _Collecte, demeurant_du_destinataire
from .formats import date_fr, montant_fr
from .formulations import regles_livrees

# Règles dont la durée fixe l'échéance écrite dans l'acte : `delai` (sa durée) ou `valeur_pres_ancre` (sa durée attendue).
REGLE_ECHEANCE_CONTESTATION = "CPCER211-3-ECHEANCE-FAUSSE"                  # dénonciation : CPCE:R211-11
REGLE_DELAI_CONTESTATION_REMUNERATIONS = "CPCER212-1-3-DELAI-CONTESTATION-ERRONE"


def _echeance(regle_code: str, depart: dt.date, dossier: dict, collecte: _Collecte) -> str:
    """Échéance calculée comme la règle `delai` la vérifie (sa durée, les jours fériés du lieu du destinataire)."""
    from ..delais import echeance
    from ..erreurs import ActesErreur

    regle = regles_livrees()[regle_code]
    from ..parametres import valeur_datee

    duree = valeur_datee(getattr(regle.genre, "duree", None) or regle.genre.donnees["attendu"], depart)
    try:
        resultat = echeance(depart, duree, lieu=demeurant_du_destinataire(dossier) or "")
    except ActesErreur as exc:
        return collecte.a_completer("echeance", f"date d'expiration du délai ({exc.message})", regle.references)
    for point in resultat.a_verifier:
        collecte.noter("echeance", f"échéance à vérifier : {point}", regle.references, "avertissement")
    return date_fr(resultat.date)


def juge_execution(dossier: dict, *_) -> dict:
    """Ville et adresse du juge de l'exécution désigné par le dossier ; le logement, s'il y en a un."""
    from .contexte import _adresse

    juge, valeurs = dossier.get("juge_execution") or {}, {}
    if juge.get("ville"):
        valeurs["ville_juge"] = str(juge["ville"])
    if juge.get("adresse"):
        valeurs["adresse_juge"] = _adresse(juge["adresse"])
    if dossier.get("logement"):
        valeurs["logement"] = _adresse(dossier["logement"])
    return valeurs


def commandement_saisie_remunerations(dossier: dict, jour: dt.date | None, collecte: _Collecte) -> dict:
    """Juge de l'exécution et fin du mois pour contester en suspendant la procédure (CPCE:R212-1-3)."""
    valeurs = juge_execution(dossier)
    if jour:
        valeurs["echeance_contestation"] = _echeance(REGLE_DELAI_CONTESTATION_REMUNERATIONS, jour, dossier, collecte)
    return valeurs


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
    valeurs.update(juge_execution(dossier))
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


def requete_injonction_de_payer(dossier: dict, jour: dt.date | None, collecte: _Collecte) -> dict:
    """Juge saisi (CPC:1406), pièces du bordereau (CPC:1407)."""
    juridiction, valeurs = dossier.get("juridiction") or {}, {}
    if juridiction.get("juge"):
        valeurs["juge"] = str(juridiction["juge"])
    if juridiction.get("ville"):
        valeurs["ville_juridiction"] = str(juridiction["ville"])
    if dossier.get("pieces"):
        valeurs["bordereau"] = " ; ".join(f"{rang}. {piece}" for rang, piece in enumerate(dossier["pieces"], 1))
    return valeurs


CALCULS = {"requete_injonction_de_payer": requete_injonction_de_payer,
           "denonciation_saisie_attribution": denonciation_saisie_attribution,
           "commandement_payer_clause_resolutoire": commandement_payer_clause_resolutoire,
           "commandement_saisie_remunerations": commandement_saisie_remunerations,
           "commandement_quitter_les_lieux": juge_execution}
