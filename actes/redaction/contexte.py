"""Contexte du modèle `signification-jugement.docx` : décision lue + dossier → textes de l'acte, et ce qui manque."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ..erreurs import ActesErreur
from .formats import (analyser_duree, date_en_lettres, date_fr, de_devant, duree_en_lettres,
                      montant_fr)
from .formulations import article_amende, modalites as formulation_modalites, suggestion
from .recours import VOIES, cle, normaliser_voie, territoire_du_siege

MARQUE = "[À COMPLÉTER"
CASE_COCHEE, CASE_VIDE = "☒", "☐"
POINTILLES = "…" * 60

# type de décision → (titre de l'acte, désignation, féminin)
TYPES = {
    "jugement": ("SIGNIFICATION D'UN JUGEMENT", "un jugement", False),
    "arret": ("SIGNIFICATION D'UN ARRÊT", "un arrêt", False),
    "ordonnance_de_refere": ("SIGNIFICATION D'UNE ORDONNANCE DE RÉFÉRÉ", "une ordonnance de référé", True),
    "ordonnance_sur_requete": ("SIGNIFICATION D'UNE ORDONNANCE SUR REQUÊTE", "une ordonnance sur requête", True),
    "ordonnance_injonction_de_payer": ("SIGNIFICATION D'UNE ORDONNANCE D'INJONCTION DE PAYER",
                                       "une ordonnance d'injonction de payer", True),
    "ordonnance": ("SIGNIFICATION D'UNE ORDONNANCE", "une ordonnance", True),
}
ALIAS_TYPES = {"ordonnance_d_injonction_de_payer": "ordonnance_injonction_de_payer", "arrets": "arret",
               "ordonnance_refere": "ordonnance_de_refere"}
JURIDICTIONS = {
    "tribunal_judiciaire": "tribunal judiciaire", "tribunal_de_proximite": "tribunal de proximité",
    "tribunal_de_commerce": "tribunal de commerce", "conseil_de_prudhommes": "conseil de prud'hommes",
    "cour_d_appel": "cour d'appel", "tribunal_des_activites_economiques": "tribunal des activités économiques",
}
JUGES = {
    "juge_des_referes": "juge des référés", "juge_de_l_execution": "juge de l'exécution",
    "juge_des_contentieux_de_la_protection": "juge des contentieux de la protection", "president": "président",
    "juge_aux_affaires_familiales": "juge aux affaires familiales",
}
NATURES = {"contradictoire": ("contradictoire", "contradictoire"),
           "repute_contradictoire": ("réputé contradictoire", "réputée contradictoire"),
           "par_defaut": ("par défaut", "par défaut")}
RESSORTS = {"premier": "en premier ressort", "premier_ressort": "en premier ressort",
            "dernier": "en dernier ressort", "dernier_ressort": "en dernier ressort"}
EXECUTION = {
    "de_droit": "Cette décision est exécutoire de droit à titre provisoire (article 514 du code de procédure civile).",
    "ordonnee": "L'exécution provisoire de cette décision a été ordonnée.",
    "ecartee": "L'exécution provisoire de cette décision a été écartée.",
}
OBJETS = {"principal": "Principal", "interets": "Intérêts", "article_700": "Article 700 du code de procédure civile",
          "depens": "Dépens", "astreinte": "Astreinte", "provision": "Provision",
          "dommages_interets": "Dommages et intérêts"}
MODES_REMISE = ("a_personne", "a_domicile", "a_etude", "recherches_infructueuses")


@dataclass(frozen=True)
class Manque:
    """Ce que l'acte ne peut pas dire seul : une mention à compléter ou un point à vérifier, avec ses articles."""

    champ: str
    message: str
    references: tuple[str, ...] = ()
    gravite: str = "erreur"          # erreur | avertissement | information

    def en_dict(self) -> dict:
        """Forme JSON (clés françaises)."""
        return {"champ": self.champ, "gravite": self.gravite, "message": self.message,
                "references": list(self.references)}


class _Collecte:
    """Accumule les manques pendant la construction du contexte."""

    def __init__(self):
        self.manques: list[Manque] = []

    def a_completer(self, champ: str, libelle: str, references=(), gravite: str = "erreur",
                    precision: str = "") -> str:
        message = f"{libelle} : ni la décision ni le dossier ne le donnent" + (f" ; {precision}" if precision else "")
        self.manques.append(Manque(champ, message, tuple(references), gravite))
        return f"{MARQUE} : {libelle}]"

    def noter(self, champ: str, message: str, references=(), gravite: str = "information") -> None:
        self.manques.append(Manque(champ, message, tuple(references), gravite))


def valeur(donnee: Any) -> Any:
    """Valeur d'un champ de la décision lue, qu'il soit nu ou accompagné de sa preuve ({valeur, preuve})."""
    if isinstance(donnee, dict) and "valeur" in donnee:
        return donnee["valeur"]
    return donnee


def _champ(dictionnaire: Any, nom: str) -> Any:
    return valeur(dictionnaire.get(nom)) if isinstance(dictionnaire, dict) else None


def _date(texte: Any) -> dt.date | None:
    if isinstance(texte, dt.date):
        return texte
    try:
        return dt.date.fromisoformat(str(texte)) if texte else None
    except ValueError:
        return None


def _adresse(adresse: Any) -> str:
    if isinstance(adresse, dict):
        ligne = ", ".join(x for x in (adresse.get("voie"), " ".join(
            x for x in (adresse.get("code_postal"), adresse.get("commune")) if x)) if x)
        pays = adresse.get("pays")
        return f"{ligne} ({pays})" if pays and cle(pays) != "france" else ligne
    return str(adresse)


def _demeurant(adresse: Any) -> str | None:
    """Code postal ou pays où demeure le destinataire, pour le délai de distance."""
    if isinstance(adresse, dict):
        if adresse.get("pays") and cle(adresse["pays"]) != "france":
            return adresse["pays"]
        return adresse.get("code_postal")
    if isinstance(adresse, str):
        codes = re.findall(r"\b(\d{5})\b", adresse)
        if codes:
            return codes[-1]
        dernier = adresse.rsplit(",", 1)[-1].strip(" ()")
        return dernier or None
    return None


def demeurant_du_destinataire(dossier: dict) -> str | None:
    """Code postal ou pays du domicile (ou siège) du destinataire, tel que le dossier le donne."""
    destinataire = (dossier or {}).get("destinataire") or {}
    return _demeurant(destinataire.get("domicile") or destinataire.get("siege"))


def _parties(decision: dict) -> str:
    parties = [p for p in (valeur(decision.get("parties")) or []) if isinstance(p, dict)]
    noms = [f"{_champ(p, 'nom')} ({_champ(p, 'role') or 'rôle non précisé'})" for p in parties if _champ(p, "nom")]
    return "parties de la décision : " + "; ".join(noms) if noms else ""


def _personne(donnees: dict | None, role: str, decision: dict, collecte: _Collecte, *, requerant: bool) -> str:
    """Désignation du requérant (CPC:648 2°) ou du destinataire (CPC:648 4°)."""
    article, mention = "CPC:648", "2°" if requerant else "4°"
    if not donnees:
        return collecte.a_completer(role, f"{'requérant' if requerant else 'destinataire'} (CPC:648 {mention})",
                                    [article], precision=_parties(decision))
    morale = donnees.get("type") == "personne_morale" or (donnees.get("type") is None and "denomination" in donnees)
    qui = "du requérant" if requerant else "du destinataire"

    def lire(champ: str, libelle: str) -> str:
        return str(donnees[champ]) if donnees.get(champ) else collecte.a_completer(
            f"{role}.{champ}", f"{libelle} {qui}", [article])

    if morale:
        morceaux = [lire("denomination", "dénomination")]
        if requerant or donnees.get("forme"):
            morceaux.append(lire("forme", "forme sociale"))
        if donnees.get("rcs"):
            morceaux.append(str(donnees["rcs"]))
        siege = _adresse(donnees["siege"]) if donnees.get("siege") else lire("siege", "siège social")
        morceaux.append(f"dont le siège social est {siege}")
        if requerant or donnees.get("representant"):
            morceaux.append(f"agissant poursuites et diligences de {lire('representant', 'organe représentant')}")
        return ", ".join(morceaux)
    nom = lire("nom", "nom")
    prenoms = lire("prenoms", "prénoms") if requerant or donnees.get("prenoms") else ""
    identite = " ".join(x for x in (donnees.get("civilite"), prenoms, nom) if x)
    morceaux = [identite]
    if requerant:
        feminin = donnees.get("civilite") == "Madame"
        ne = "née" if feminin else "né" if donnees.get("civilite") == "Monsieur" else "né(e)"
        naissance = date_fr(donnees["date_naissance"]) if donnees.get("date_naissance") else lire(
            "date_naissance", "date de naissance")
        morceaux.append(f"{ne} le {naissance} à {lire('lieu_naissance', 'lieu de naissance')}")
        morceaux.append(f"de nationalité {lire('nationalite', 'nationalité')}")
        morceaux.append(lire("profession", "profession"))
    domicile = _adresse(donnees["domicile"]) if donnees.get("domicile") else lire("domicile", "domicile")
    morceaux.append(f"demeurant {domicile}")
    return ", ".join(morceaux)


def _commissaire(donnees: dict | None, collecte: _Collecte) -> tuple[dict, dict]:
    """Officier instrumentaire (CPC:648 3°) et en-tête de l'étude."""
    donnees = donnees or {}

    def lire(champ: str, libelle: str) -> str:
        return str(donnees[champ]) if donnees.get(champ) else collecte.a_completer(
            f"commissaire.{champ}", f"{libelle} du commissaire de justice", ["CPC:648"])

    civilite = donnees.get("civilite", "Maître")
    identite = f"{civilite} {lire('prenoms', 'prénoms')} {lire('nom', 'nom')}"
    qualite = donnees.get("qualite", "commissaire de justice")
    morceaux = [identite, qualite + (f" de la {donnees['etude']}" if donnees.get("etude") else "")]
    if donnees.get("office"):
        morceaux.append(f"titulaire d'un office à {donnees['office']}")
    adresse = _adresse(donnees["adresse"]) if donnees.get("adresse") else lire("adresse", "demeure (adresse de l'étude)")
    morceaux.append(f"y demeurant {adresse}" if donnees.get("office") else f"demeurant {adresse}")
    etude = {"nom": donnees.get("etude", ""), "adresse": adresse if donnees.get("adresse") else ""}
    return {"designation": ", ".join(morceaux), "signature": identite}, etude


def _decision(decision: dict, collecte: _Collecte) -> tuple[str, dict, str]:
    """Titre de l'acte, bloc de la décision signifiée, type normalisé."""
    type_brut = _champ(decision, "type_decision")
    type_cle = ALIAS_TYPES.get(cle(type_brut), cle(type_brut))
    if type_cle not in TYPES:
        precision = f"type « {type_brut} » non reconnu" if type_brut else ""
        collecte.noter("decision.type_decision", "type de décision inconnu : l'acte parle d'« une décision »"
                       + (f" ({precision})" if precision else ""), ["CPC:680"], "avertissement")
        titre, designation, feminin = "SIGNIFICATION D'UNE DÉCISION", "une décision", True
    else:
        titre, designation, feminin = TYPES[type_cle]
    if type_cle == "ordonnance_injonction_de_payer":
        collecte.noter("decision.type_decision", "ordonnance d'injonction de payer : les mentions propres à sa "
                       "signification (CPC:1413) ne sont pas portées par ce modèle", ["CPC:1413"], "avertissement")
    morceaux = [designation[:1].upper() + designation[1:]]
    nature = NATURES.get(cle(_champ(decision, "nature")))
    if nature:
        morceaux.append(nature[1] if feminin else nature[0])
    morceaux.append("rendue" if feminin else "rendu")
    ressort = RESSORTS.get(cle(_champ(decision, "ressort")))
    if ressort:
        morceaux.append(ressort)
    jour = _date(_champ(decision, "date"))
    morceaux.append(f"le {date_fr(jour)}" if jour else "le " + collecte.a_completer(
        "decision.date", "date de la décision", ["CPC:680"]))
    juridiction = _juridiction(decision, collecte)
    morceaux.append(("par la " if cle(juridiction).startswith("cour") else "par le ") + juridiction)
    formation = _formation(decision)
    if formation:
        morceaux[-1] += f" ({formation})"
    rg = _champ(decision, "numero_rg")
    designation_complete = " ".join(morceaux) + ", RG n° " + (str(rg) if rg else collecte.a_completer(
        "decision.numero_rg", "numéro de répertoire général (RG) de la décision", ["CPC:648"], "avertissement"))
    execution = EXECUTION.get(cle(_champ(decision, "execution_provisoire")), "")
    return titre, {"designation": designation_complete, "dispositif": _dispositif(decision),
                   "execution_provisoire": execution}, type_cle


def libelle_juridiction(decision: dict) -> str | None:
    """« tribunal judiciaire de Grenoble », « cour d'appel d'Aix-en-Provence » ; None si la décision ne le dit pas."""
    juridiction = valeur(decision.get("juridiction")) or {}
    if isinstance(juridiction, str):
        return juridiction
    type_cle, ville = cle(_champ(juridiction, "type")), _champ(juridiction, "ville")
    nom = JURIDICTIONS.get(type_cle, (_champ(juridiction, "type") or "").replace("_", " "))
    if not nom or not ville:
        return None
    return f"{nom} {de_devant(str(ville))}"


def _juridiction(decision: dict, collecte: _Collecte) -> str:
    return libelle_juridiction(decision) or collecte.a_completer(
        "decision.juridiction", "juridiction qui a rendu la décision et sa ville", ["CPC:680"])


def _formation(decision: dict) -> str:
    formation = valeur(decision.get("formation"))
    if isinstance(formation, dict):
        return str(_champ(formation, "libelle") or JUGES.get(cle(_champ(formation, "juge")), "") or "")
    return str(formation or "")


def _dispositif(decision: dict) -> list[str]:
    lignes = []
    for condamnation in valeur(decision.get("condamnations")) or []:
        if not isinstance(condamnation, dict):
            continue
        objet = _champ(condamnation, "objet")
        libelle = OBJETS.get(cle(objet)) or _champ(condamnation, "libelle") or str(objet or "condamnation")
        texte = libelle[:1].upper() + libelle[1:]
        montant = _champ(condamnation, "montant")
        if montant not in (None, ""):
            try:
                texte += f" : {montant_fr(Decimal(str(montant)))}"
            except InvalidOperation:
                texte += f" : {montant}"
        depuis = _date(_champ(condamnation, "depuis"))
        if depuis:
            texte += f", avec intérêts à compter du {date_fr(depuis)}"
        lignes.append(texte)
    return lignes


def _representation(decision: dict, type_cle: str, signification: dict, collecte: _Collecte) -> bool:
    """La représentation était-elle obligatoire devant la juridiction qui a statué (condition de CPC:678) ?"""
    if "representation_obligatoire" in signification:
        return bool(signification["representation_obligatoire"])
    if signification.get("notification_avocats"):
        return True
    juridiction = valeur(decision.get("juridiction")) or {}
    type_juridiction = cle(_champ(juridiction, "type")) if isinstance(juridiction, dict) else ""
    formation = valeur(decision.get("formation"))
    juge = cle(_champ(formation, "juge")) if isinstance(formation, dict) else ""
    if type_juridiction == "cour_d_appel" and type_cle == "arret":
        presomption = ("arrêt de cour d'appel", "CPC:899")
    elif type_juridiction == "tribunal_judiciaire" and type_cle == "jugement" and not juge:
        presomption = ("jugement du tribunal judiciaire hors juge spécialisé", "CPC:760")
    else:
        return False
    collecte.noter("signification.representation_obligatoire",
                   f"représentation obligatoire présumée ({presomption[0]}, {presomption[1]}, sauf dispense de "
                   "CPC:761) : la confirmer dans le dossier ou indiquer « representation_obligatoire: false »",
                   [presomption[1], "CPC:678"], "information")
    return True


def _notification_avocats(obligatoire: bool, signification: dict, date_acte: dt.date | None,
                          collecte: _Collecte) -> str:
    """Mention de la notification préalable aux avocats (CPC:678) ; vide si la représentation n'était pas obligatoire."""
    if not obligatoire:
        return ""
    jour = signification.get("notification_avocats")
    if not jour:
        texte_date = collecte.a_completer("signification.notification_avocats",
                                          "date de la notification préalable de la décision aux avocats", ["CPC:678"])
    else:
        texte_date = date_fr(jour)
        if date_acte and jour > date_acte:
            collecte.noter("signification.notification_avocats", f"la notification aux avocats ({date_fr(jour)}) "
                           f"est postérieure à l'acte ({date_fr(date_acte)}) : elle doit le précéder", ["CPC:678"],
                           "erreur")
    return suggestion("CPC678-NOTIFICATION-AVOCAT-ABSENTE", date_acte or dt.date.today(), crochets={"date": texte_date})


def _article(reference: str) -> str:
    return reference.split(":", 1)[1] if reference.startswith("CPC:") else reference


def _delai(brut: Any) -> tuple[int, str] | None:
    if isinstance(brut, dict):
        for unite in ("jours", "mois", "ans"):
            if brut.get(unite):
                return int(brut[unite]), unite
        return None
    return analyser_duree(str(brut)) if brut else None


def _texte_delai(brut: Any) -> str | None:
    delai = _delai(brut)
    return f"{delai[0]} {delai[1]}" if delai else None


def _recours(decision: dict, dossier: dict, type_cle: str, date_acte: dt.date | None,
             collecte: _Collecte) -> dict:
    """Bloc très apparent des voies de recours (CPC:680, 643, 644, 559/628/32-1)."""
    vide = {"ouvert": False, "annonce": "", "distance": "", "juridiction": "", "modalites": "", "amende": "",
            "echeance": ""}
    vr = valeur(decision.get("voie_de_recours")) or {}
    vr = vr if isinstance(vr, dict) else {}
    surcharge = dossier.get("recours") or {}
    voie = normaliser_voie(_champ(vr, "voie"))
    articles = [str(a) for a in (_champ(vr, "articles") or [])]
    if voie == "aucune":
        raison = _champ(vr, "raison")
        collecte.noter("recours.voie", "aucune voie de recours ouverte selon la décision lue"
                       + (f" : {raison}" if raison else ""), articles or ["CPC:680"])
        return {**vide, "annonce": "SELON LES ÉLÉMENTS DE LA DÉCISION, AUCUNE VOIE DE RECOURS (OPPOSITION, APPEL OU "
                                   "POURVOI EN CASSATION) N'EST OUVERTE CONTRE ELLE."}
    if voie not in VOIES:
        raison = _champ(vr, "raison") or (f"voie « {voie} » non prise en charge" if voie and voie != "inconnue" else "")
        return {**vide, "ouvert": True, "annonce": collecte.a_completer(
            "recours.voie", "voie de recours ouverte, son délai, la juridiction et son siège, les modalités",
            ["CPC:680"], precision=raison)}
    indefini, sujet, porte = VOIES[voie]
    delai = _delai(_champ(vr, "delai"))
    delai_texte = de_devant(duree_en_lettres(*delai)).upper() if delai else "DE " + collecte.a_completer(
        "recours.delai", f"délai {de_devant(indefini.split(' ', 1)[1])}", ["CPC:680"])
    depart = str(_champ(vr, "point_de_depart") or "signification")
    depuis_signification = cle(depart).startswith("signification")
    if depuis_signification:
        a_compter = "À COMPTER DE LA DATE DE LA SIGNIFICATION DU PRÉSENT ACTE"
    else:
        a_compter = f"À COMPTER DE LA {depart.upper()}" if not depart.lower().startswith(("la ", "le ", "l'")) \
            else f"À COMPTER DE {depart.upper()}"
    annonce = f"CETTE DÉCISION PEUT FAIRE L'OBJET {de_devant(indefini).upper()} DANS UN DÉLAI {delai_texte} {a_compter}."

    juridiction, siege = _juridiction_recours(voie, decision, vr, surcharge)
    juridiction_texte = juridiction or collecte.a_completer("recours.juridiction", "juridiction de recours",
                                                            ["CPC:680"])
    siege_texte = siege or collecte.a_completer("recours.siege", "siège de la juridiction de recours", ["CPC:680"])
    lien = "DONT LE SIÈGE EST" if re.search(r"\d", siege_texte) and MARQUE not in siege_texte else "QUI SIÈGE À"
    phrase_juridiction = f"{sujet} EST {porte.upper()} DEVANT {_avec_article(juridiction_texte)}, {lien} {siege_texte.upper() if MARQUE not in siege_texte else siege_texte}."

    distance, distance_evaluee = _distance(voie, siege, dossier, collecte)
    modalites = _modalites(voie, type_cle, vr, surcharge, collecte)
    amende = _amende(voie, vr, date_acte)
    echeance = ""
    if date_acte and delai and depuis_signification and distance_evaluee and MARQUE not in annonce:
        echeance = _echeance(voie, siege, date_acte, delai, dossier, collecte)
    elif date_acte and delai and not depuis_signification:
        collecte.noter("recours.echeance", f"le délai ne court pas de la signification ({depart}) : date d'expiration "
                       "non calculée", articles)
    return {"ouvert": True, "annonce": annonce, "distance": distance, "juridiction": phrase_juridiction,
            "modalites": modalites, "amende": amende, "echeance": echeance}


def _avec_article(nom: str) -> str:
    if MARQUE in nom:
        return nom
    nu = re.sub(r"^(la|le|l')\s*", "", nom.strip(), flags=re.IGNORECASE)
    article = "LA" if cle(nu).startswith(("cour", "chambre")) else "LE"
    return f"{article} {nu.upper()}"


def _juridiction_recours(voie: str, decision: dict, vr: dict, surcharge: dict) -> tuple[str | None, str | None]:
    juridiction = surcharge.get("juridiction") or _champ(vr, "juridiction")
    siege = surcharge.get("siege") or _champ(vr, "siege")
    if isinstance(juridiction, dict):
        siege = siege or _champ(juridiction, "siege") or _champ(juridiction, "ville")
        juridiction = _champ(juridiction, "nom") or _champ(juridiction, "libelle")
    if voie == "pourvoi":
        juridiction, siege = juridiction or "Cour de cassation", siege or "Paris"
    elif voie == "opposition":
        juridiction = juridiction or libelle_juridiction(decision)
        ville = _champ(valeur(decision.get("juridiction")) or {}, "ville") if isinstance(
            valeur(decision.get("juridiction")), dict) else None
        siege = siege or ville
    if juridiction and not siege:
        correspondance = re.match(r"^\s*(?:la\s+)?cour d['’]appel d(?:e |['’]|u |es )(.+)$", str(juridiction),
                                  re.IGNORECASE)
        if correspondance:
            siege = correspondance.group(1).strip()
    return (str(juridiction) if juridiction else None), (str(siege) if siege else None)


def _lieu_recours(siege: str | None, dossier: dict) -> str | None:
    """Lieu du calcul (actes.delais) : territoire du siège s'il est outre-mer, sinon `recours.lieu` du dossier."""
    return territoire_du_siege(siege) or (dossier.get("recours") or {}).get("lieu")


def _distance(voie: str, siege: str | None, dossier: dict, collecte: _Collecte) -> tuple[str, bool]:
    """Phrase sur l'augmentation du délai à raison de la distance (CPC:643, 644) ; vrai si elle a pu être évaluée."""
    destinataire = dossier.get("destinataire") or {}
    adresse = destinataire.get("domicile") or destinataire.get("siege")
    demeurant = demeurant_du_destinataire(dossier)
    references = ["CPC:643", "CPC:644"]
    if not demeurant:
        if adresse:
            collecte.noter("destinataire.domicile", "lieu où demeure le destinataire non reconnu (code postal ou pays) :"
                           " augmentation du délai à raison de la distance non évaluée", references, "avertissement")
        return "", False
    try:
        from ..delais.calcul import augmentation_distance
        from ..delais.lieux import lire_demeurant, lire_lieu
    except ImportError:
        collecte.noter("recours.distance", "module des délais indisponible : augmentation à raison de la distance "
                       "non évaluée", references, "avertissement")
        return "", False
    try:
        chez = lire_demeurant(demeurant)
        augmentation, etape = augmentation_distance(lire_lieu(_lieu_recours(siege, dossier)), chez,
                                                    pourvoi=voie == "pourvoi")
    except ActesErreur as exc:
        collecte.noter("recours.distance", f"{exc.message} : augmentation du délai à raison de la distance non "
                       "évaluée", references, "avertissement")
        return "", False
    if not augmentation:
        return "", True
    if chez.est_etranger:
        lieu = f"à l'{chez.libelle}" if chez.libelle.startswith("étranger") else f"à l'étranger ({chez.libelle})"
    else:
        lieu = f"en {chez.libelle}"
    phrase = suggestion("CPC643-AUGMENTATION-DISTANCE-ABSENTE", dt.date.today(),
                        {"augmentation_distance": duree_en_lettres(augmentation.total_mois, "mois")}, {"lieu": lieu})
    return phrase.upper(), True


def _modalites(voie: str, type_cle: str, vr: dict, surcharge: dict, collecte: _Collecte) -> str:
    """Comment former le recours (CPC:680) : dossier, sinon texte par défaut de la voie, sinon décision lue."""
    if surcharge.get("modalites"):
        return str(surcharge["modalites"])
    lue = _champ(vr, "modalites")
    if type_cle == "ordonnance_injonction_de_payer" and lue:
        return str(lue)[:1].upper() + str(lue)[1:].rstrip(".") + "."
    representation = None
    if voie == "appel":
        representation = surcharge.get("representation_obligatoire", _champ(vr, "representation_obligatoire"))
        if representation is None:
            representation = True
            collecte.noter("recours.modalites", "appel : procédure avec représentation obligatoire retenue par défaut "
                           "(CPC:899) ; préciser « recours.representation_obligatoire: false » pour une procédure sans "
                           "représentation obligatoire (CPC:931)", ["CPC:899", "CPC:931"])
    defaut = formulation_modalites(voie, bool(representation))
    if defaut:
        return defaut.texte
    if lue:
        return str(lue)[:1].upper() + str(lue)[1:].rstrip(".") + "."
    return collecte.a_completer("recours.modalites", "modalités d'exercice du recours", ["CPC:680"])


def _amende(voie: str, vr: dict, date_acte: dt.date | None) -> str:
    """Avertissement de l'amende civile et de l'indemnité : suggestion de CPC680-AMENDE-ABSENTE (plafond daté)."""
    article = str(_champ(vr, "amende_civile") or article_amende(voie))
    phrase = suggestion("CPC680-AMENDE-ABSENTE", date_acte or dt.date.today()).rstrip(". ")
    return f"{phrase} (articles 680 et {_article(article)} du code de procédure civile).".upper()


def _echeance(voie: str, siege: str | None, date_acte: dt.date, delai: tuple[int, str], dossier: dict,
              collecte: _Collecte) -> str:
    """Date d'expiration du délai de recours quand l'acte est daté (CPC:640 à 642, 643, 644)."""
    try:
        from ..delais import echeance
    except ImportError:
        collecte.noter("recours.echeance", "module des délais indisponible : date d'expiration non calculée",
                       ["CPC:641", "CPC:642"])
        return ""
    try:
        resultat = echeance(date_acte, f"{delai[0]} {delai[1]}", lieu=_lieu_recours(siege, dossier),
                            demeurant=demeurant_du_destinataire(dossier), pourvoi=voie == "pourvoi")
    except ActesErreur as exc:
        collecte.noter("recours.echeance", f"date d'expiration non calculée : {exc.message}", ["CPC:641", "CPC:642"],
                       "avertissement")
        return ""
    for point in resultat.a_verifier:
        collecte.noter("recours.echeance", f"échéance à vérifier : {point}", ["CPC:642"], "avertissement")
    return (f"Le présent acte étant signifié le {date_fr(date_acte)}, ce délai expire le {date_fr(resultat.date)} "
            "à vingt-quatre heures (articles 640 à 642 du code de procédure civile).")


def _remise(donnees: dict | None, collecte: _Collecte) -> dict:
    """Modalités de remise (CPC:654 à 659, 663) : renseignées par le dossier ou laissées au commissaire de justice."""
    if not donnees:
        collecte.noter("remise", "modalités de remise à compléter par le commissaire de justice lors de la remise",
                       ["CPC:654", "CPC:655", "CPC:656", "CPC:659", "CPC:663"])
        return {"consigne": "À compléter par le commissaire de justice lors de la remise : cocher le mode retenu et "
                            "relater les diligences.",
                "cases": {mode: CASE_VIDE for mode in MODES_REMISE}, "recit": POINTILLES}
    return {"consigne": "", "recit": str(donnees["recit"]),
            "cases": {mode: CASE_COCHEE if mode == donnees["mode"] else CASE_VIDE for mode in MODES_REMISE}}


def _cout(donnees: dict | None, collecte: _Collecte) -> dict:
    """Coût de l'acte : lignes du dossier et leur total (arrondi au centime, ROUND_HALF_UP)."""
    if not donnees:
        return {"lignes": [], "total": collecte.a_completer(
            "cout", "coût de l'acte", (), "avertissement",
            precision="texte qui impose la mention au pied de l'acte à vérifier (réglementation tarifaire)")}
    lignes = [(str(ligne["libelle"]), Decimal(str(ligne["montant"]))) for ligne in donnees["lignes"]]
    total = sum((montant for _, montant in lignes), Decimal("0"))
    return {"lignes": [{"libelle": libelle, "montant": montant_fr(montant)} for libelle, montant in lignes],
            "total": montant_fr(total)}


def construire_contexte(decision: dict, dossier: dict | None = None, *,
                        date_signification: dt.date | None = None) -> tuple[dict, list[Manque]]:
    """Valeurs du modèle de signification et liste de ce qui manque (CPC:648, 654 à 659, 678, 680)."""
    dossier = dossier or {}
    collecte = _Collecte()
    signification = dossier.get("signification") or {}
    date_acte = date_signification or signification.get("date")
    titre, bloc_decision, type_cle = _decision(decision, collecte)
    date_decision = _date(_champ(decision, "date"))
    if date_acte and date_decision and date_acte < date_decision:
        collecte.noter("signification.date", f"la date de l'acte ({date_fr(date_acte)}) précède celle de la décision "
                       f"({date_fr(date_decision)})", ["CPC:648"], "erreur")
    commissaire, etude = _commissaire(dossier.get("commissaire"), collecte)
    requerant_donnees = dossier.get("requerant")
    contexte = {
        "titre": titre,
        "date_acte": date_en_lettres(date_acte) if date_acte else collecte.a_completer(
            "signification.date", "date de l'acte", ["CPC:648"]),
        "reference": str(dossier.get("reference", "")),
        "etude": etude,
        "requerant": {"designation": _personne(requerant_donnees, "requerant", decision, collecte, requerant=True),
                      "avocat": str((requerant_donnees or {}).get("avocat", ""))},
        "commissaire": commissaire,
        "destinataire": {"designation": _personne(dossier.get("destinataire"), "destinataire", decision, collecte,
                                                  requerant=False)},
        "decision": bloc_decision,
        "notification_avocats": _notification_avocats(
            _representation(decision, type_cle, signification, collecte), signification, date_acte, collecte),
        "recours": _recours(decision, dossier, type_cle, date_acte, collecte),
        "remise": _remise(dossier.get("remise"), collecte),
        "cout": _cout(dossier.get("cout"), collecte),
    }
    return contexte, collecte.manques
