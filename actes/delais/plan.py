"""Plan des échéances d'un dossier : évènements déclarés → délais et prochaines étapes, chacun avec son texte.

Les règles sont des données datées (`regles/calendrier/*.yaml`) ; ce module ne connaît aucune procédure en particulier.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..donnees import lire_dossier_utilisateur, lire_yaml
from ..erreurs import EntreeInvalide, RegleInvalide
from ..ressources import dossier_regles
from .calcul import Echeance, Etape, echeance
from .dates import en_lettres, lire_date
from .duree import Duree, lire_duree
from .feries import jour_ferie
from .lieux import lire_demeurant, lire_lieu

DOSSIER_REGLES = "calendrier"
FICHIERS_NON_REGLES = {"evenements.yaml", "jours-feries.yaml"}
SORTES = ("echeance", "au_plus_tot", "information")
CHAMPS_COMMUNS = {"type", "date", "lieu", "demeurant", "note"}
CLES_REGLE = {"code", "titre", "evenement", "si", "validite", "depart", "duree", "sorte", "distance", "pourvoi",
              "references", "message", "realise_par", "apres", "execution", "treve", "a_verifier"}


@dataclass(frozen=True)
class Evenement:
    """Un évènement du dossier, champs complétés par leurs valeurs par défaut."""

    rang: int
    type: str
    date: dt.date
    champs: dict[str, Any]
    lieu: str
    demeurant: str | None


@dataclass(frozen=True)
class Entree:
    """Une ligne du plan : date, ce qui se passe, sur quel fondement, et comment la date a été obtenue."""

    date: dt.date
    code: str
    titre: str
    sorte: str
    message: str
    references: tuple[str, ...]
    evenement: Evenement
    etapes: tuple[Etape, ...] = ()
    statut: str | None = None
    a_verifier: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Plan:
    """Le plan d'un dossier : ses entrées triées par date et les alertes."""

    dossier: str
    lieu: str
    entrees: tuple[Entree, ...]
    alertes: tuple[str, ...]


@lru_cache(maxsize=1)
def catalogue_evenements() -> dict[str, dict]:
    """Types d'évènements admis et leurs champs (`regles/calendrier/evenements.yaml`)."""
    chemin = dossier_regles() / DOSSIER_REGLES / "evenements.yaml"
    contenu = lire_yaml(chemin)
    if not isinstance(contenu, dict):
        raise RegleInvalide(chemin, "un catalogue d'évènements est un dictionnaire type → définition")
    return contenu


def _verifier_regle(regle: Any, chemin: Path, evenements: dict) -> None:
    ligne = getattr(regle, "ligne", None)
    if not isinstance(regle, dict) or "code" not in regle:
        raise RegleInvalide(chemin, "chaque règle est un dictionnaire avec un « code »", ligne)
    code = regle["code"]
    inconnues = set(regle) - CLES_REGLE
    if inconnues:
        raise RegleInvalide(chemin, f"clés inconnues : {', '.join(sorted(inconnues))}", ligne, code)
    for cle in ("titre", "evenement", "sorte", "references", "message", "validite"):
        if cle not in regle:
            raise RegleInvalide(chemin, f"clé « {cle} » manquante", ligne, code)
    if regle["evenement"] not in evenements:
        raise RegleInvalide(chemin, f"évènement « {regle['evenement']} » absent de evenements.yaml", ligne, code)
    if regle["sorte"] not in SORTES:
        raise RegleInvalide(chemin, f"sorte « {regle['sorte']} » inconnue ; possibles : {', '.join(SORTES)}", ligne, code)
    if regle["sorte"] != "information" and "duree" not in regle:
        raise RegleInvalide(chemin, "une règle datée a besoin d'une « duree »", ligne, code)
    duree = regle.get("duree")
    if isinstance(duree, str):
        try:
            lire_duree(duree)
        except EntreeInvalide as exc:
            raise RegleInvalide(chemin, exc.message, ligne, code) from None
    champs = set(evenements[regle["evenement"]].get("champs") or {}) | CHAMPS_COMMUNS
    for nom in (regle.get("si") or {}):
        if nom not in champs:
            raise RegleInvalide(chemin, f"condition sur un champ inconnu « {nom} »", ligne, code)
    realise = regle.get("realise_par")
    if realise not in (None, "date") and not all(t in evenements for t in realise):
        raise RegleInvalide(chemin, "« realise_par » cite un évènement inconnu", ligne, code)


@lru_cache(maxsize=1)
def regles_calendrier() -> tuple[dict, ...]:
    """Toutes les règles du plan des échéances, vérifiées ; un code en double est une faute."""
    evenements = catalogue_evenements()
    dossier = dossier_regles() / DOSSIER_REGLES
    regles, vus = [], {}
    for chemin in sorted(dossier.glob("*.yaml")):
        if chemin.name in FICHIERS_NON_REGLES:
            continue
        contenu = lire_yaml(chemin)
        if not isinstance(contenu, list):
            raise RegleInvalide(chemin, "un fichier de règles du calendrier est une liste")
        for regle in contenu:
            _verifier_regle(regle, chemin, evenements)
            for code in (regle["code"], (regle.get("apres") or {}).get("code")):
                if code and code in vus:
                    raise RegleInvalide(chemin, f"code déjà utilisé dans {vus[code]}", regle.ligne, code)
                if code:
                    vus[code] = chemin.name
            regles.append(regle)
    return tuple(regles)


def _valeur_champ(definition: dict, valeur: Any, chemin: str) -> Any:
    sorte = definition.get("type", "texte")
    if sorte == "date":
        return lire_date(valeur, chemin)
    if sorte == "booleen":
        if not isinstance(valeur, bool):
            raise EntreeInvalide(chemin, f"« {valeur} » : écrire true ou false")
        return valeur
    if sorte == "choix":
        if valeur not in definition["valeurs"]:
            raise EntreeInvalide(chemin, f"« {valeur} » inconnu ; possibles : {', '.join(definition['valeurs'])}")
        return valeur
    if sorte == "duree":
        try:
            lire_duree(str(valeur))
        except EntreeInvalide as exc:
            raise EntreeInvalide(chemin, exc.message) from None
        return str(valeur)
    return str(valeur)


def lire_evenements(donnees: Any, chemin: Path | str) -> tuple[str, str, str | None, list[Evenement]]:
    """Dossier validé : (intitulé, lieu, demeurant, évènements) ; toute faute lève `EntreeInvalide` avec sa ligne."""
    if not isinstance(donnees, dict) or not isinstance(donnees.get("evenements"), list) or not donnees["evenements"]:
        raise EntreeInvalide(chemin, "un dossier est un dictionnaire avec une liste non vide « evenements »")
    inconnues = set(donnees) - {"dossier", "lieu", "demeurant", "evenements"}
    if inconnues:
        raise EntreeInvalide(chemin, f"clés inconnues : {', '.join(sorted(map(str, inconnues)))} "
                                     "(admises : dossier, lieu, demeurant, evenements)")
    lieu = str(donnees.get("lieu") or "")
    demeurant = donnees.get("demeurant")
    catalogue = catalogue_evenements()
    resultat = []
    for rang, brut in enumerate(donnees["evenements"], start=1):
        ligne = getattr(brut, "ligne", None)
        ou = f"{chemin}:{ligne}" if ligne else str(chemin)
        if not isinstance(brut, dict) or "type" not in brut or "date" not in brut:
            raise EntreeInvalide(ou, f"évènement n° {rang} : il faut au moins « type » et « date »")
        type_ = brut["type"]
        if type_ not in catalogue:
            raise EntreeInvalide(ou, f"évènement « {type_} » inconnu ; possibles : {', '.join(catalogue)}")
        definitions = catalogue[type_].get("champs") or {}
        inconnus = set(brut) - CHAMPS_COMMUNS - set(definitions)
        if inconnus:
            raise EntreeInvalide(ou, f"{type_} : champ(s) inconnu(s) {', '.join(sorted(map(str, inconnus)))} ; "
                                     f"admis : {', '.join(sorted(CHAMPS_COMMUNS | set(definitions)))}")
        champs = {}
        for nom, definition in definitions.items():
            if nom in brut:
                champs[nom] = _valeur_champ(definition, brut[nom], f"{ou} : {type_}.{nom}")
            elif definition.get("obligatoire"):
                raise EntreeInvalide(ou, f"{type_} : champ « {nom} » obligatoire")
            else:
                champs[nom] = definition.get("defaut")
        date = lire_date(brut["date"], f"{ou} : {type_}.date")
        lieu_evenement = str(brut.get("lieu") or lieu)
        demeurant_evenement = brut.get("demeurant", demeurant)
        try:
            lire_lieu(lieu_evenement)
            lire_demeurant(demeurant_evenement)
        except EntreeInvalide as exc:
            raise EntreeInvalide(ou, f"{type_} : {exc.chemin} : {exc.message}") from None
        resultat.append(Evenement(rang, type_, date, champs, lieu_evenement,
                                  str(demeurant_evenement) if demeurant_evenement else None))
    return str(donnees.get("dossier") or Path(chemin).stem), lieu, demeurant, resultat


def _en_vigueur(regle: dict, jour: dt.date) -> bool:
    validite = regle["validite"]
    return validite.get("depuis", dt.date.min) <= jour <= validite.get("jusqu_au", dt.date.max)


def _s_applique(regle: dict, evenement: Evenement) -> bool:
    if regle["evenement"] != evenement.type:
        return False
    return all(evenement.champs.get(nom) in valeurs for nom, valeurs in (regle.get("si") or {}).items())


def _duree(regle: dict, evenement: Evenement, depart: dt.date) -> Duree:
    duree = regle["duree"]
    if isinstance(duree, dict) and "parametre" in duree:
        from ..parametres import valeur_datee
        return lire_duree(str(valeur_datee(duree, depart)))
    if isinstance(duree, dict) and "champ" in duree:
        return lire_duree(evenement.champs[duree["champ"]])
    return lire_duree(str(duree))


def _jour_d_execution(jour: dt.date, lieu: str, etapes: list[Etape]) -> dt.date:
    """Premier jour ni dimanche ni férié à partir de `jour` (CPCE:L141-1)."""
    debut = jour
    while jour.weekday() == 6 or jour_ferie(jour, lieu):
        jour += dt.timedelta(days=1)
    if jour != debut:
        etapes.append(Etape("CPCE:L141-1", f"aucune mesure d'exécution un dimanche ou un jour férié → "
                                           f"{en_lettres(jour)}"))
    return jour


def _hors_treve(jour: dt.date, etapes: list[Etape], alertes: list[str], lieu: str) -> dt.date:
    """Report après la trêve hivernale si le jour y tombe (CPCE:L412-6)."""
    from ..parametres import parametre

    debut = parametre("treve_hivernale_debut").au(jour)
    fin = parametre("treve_hivernale_fin").au(jour)
    cle = jour.strftime("%m-%d")
    if cle >= debut or cle <= fin:
        annee_fin = jour.year + 1 if cle >= debut else jour.year
        mois, quantieme = (int(x) for x in fin.split("-"))
        reprise = dt.date(annee_fin, mois, quantieme) + dt.timedelta(days=1)
        etapes.append(Etape("CPCE:L412-6", f"trêve hivernale ({debut[3:]}/{debut[:2]} – {fin[3:]}/{fin[:2]}) : "
                                           f"sursis jusqu'au {en_lettres(reprise - dt.timedelta(days=1))} inclus → "
                                           f"{en_lettres(reprise)}"))
        jour = reprise
    if lire_lieu(lieu).est_outre_mer:
        alertes.append("outre-mer : la période de sursis hivernal est fixée par le préfet (CPCE, livre VI) ; "
                       "la trêve métropolitaine a été appliquée, à vérifier")
    return jour


def _statut(regle: dict, evenement: Evenement, date: dt.date, evenements: list[Evenement]) -> str | None:
    realise = regle.get("realise_par")
    if realise is None:
        return None
    if realise == "date":
        fait = evenement.date
    else:
        suivants = sorted(e.date for e in evenements if e.type in realise and e.date >= evenement.date)
        if not suivants:
            return None
        fait = suivants[0]
    if regle["sorte"] == "au_plus_tot":
        return "respecté" if fait >= date else f"prématuré (acte du {fait.isoformat()})"
    return "respecté" if fait <= date else f"dépassé (acte du {fait.isoformat()})"


def _entrees_de_la_regle(regle: dict, evenement: Evenement, evenements: list[Evenement],
                         alertes: list[str]) -> list[Entree]:
    references = tuple(regle["references"])
    a_verifier = (regle["a_verifier"],) if regle.get("a_verifier") else ()
    if regle["sorte"] == "information":
        return [Entree(evenement.date, regle["code"], regle["titre"], "information", regle["message"], references,
                       evenement, a_verifier=a_verifier)]
    champ_depart = regle.get("depart", "date")
    depart = evenement.date if champ_depart == "date" else evenement.champs.get(champ_depart)
    if depart is None:
        alertes.append(f"{regle['code']} : le champ « {champ_depart} » de l'évènement n° {evenement.rang} "
                       f"({evenement.type}) manque ; échéance non calculée")
        return []
    calcul: Echeance = echeance(depart, _duree(regle, evenement, depart), lieu=evenement.lieu,
                                demeurant=evenement.demeurant if regle.get("distance") else None,
                                pourvoi=bool(regle.get("pourvoi")))
    etapes = list(calcul.etapes)
    a_verifier += calcul.a_verifier
    date = calcul.date
    if regle["sorte"] == "au_plus_tot":
        date = date + dt.timedelta(days=1)
        etapes.append(Etape(references[0], f"le délai doit être expiré : au plus tôt le {en_lettres(date)}"))
        if regle.get("treve"):
            date = _hors_treve(date, etapes, alertes, evenement.lieu)
        if regle.get("execution"):
            date = _jour_d_execution(date, evenement.lieu, etapes)
    message = regle["message"].format(date=en_lettres(date))
    entrees = [Entree(date, regle["code"], regle["titre"], regle["sorte"], message, references, evenement,
                      tuple(etapes), _statut(regle, evenement, date, evenements), a_verifier)]
    suite = regle.get("apres")
    if suite:
        lendemain = date + dt.timedelta(days=1)
        entrees.append(Entree(lendemain, suite["code"], suite["titre"], "au_plus_tot",
                              suite["message"].format(date=en_lettres(lendemain)), tuple(suite["references"]),
                              evenement, (Etape(references[0], f"lendemain de l'échéance du {en_lettres(date)}"),)))
    return entrees


def construire_plan(donnees: Any, chemin: Path | str = "dossier") -> Plan:
    """Plan des échéances d'un dossier déjà lu (dictionnaire) ; les entrées sont triées par date."""
    intitule, lieu, _, evenements = lire_evenements(donnees, chemin)
    entrees: list[Entree] = []
    alertes: list[str] = []
    for evenement in evenements:
        applicables = [r for r in regles_calendrier() if _s_applique(r, evenement)]
        en_vigueur = [r for r in applicables if _en_vigueur(r, evenement.date)]
        if not en_vigueur:
            alertes.append(f"évènement n° {evenement.rang} ({evenement.type} du {evenement.date.isoformat()}) : "
                           "aucune règle du calendrier en vigueur à cette date pour ce cas")
        for regle in en_vigueur:
            entrees.extend(_entrees_de_la_regle(regle, evenement, evenements, alertes))
    for entree in entrees:
        if entree.statut and not entree.statut.startswith("respecté"):
            alertes.append(f"{entree.code} : {entree.titre.lower()} — {entree.statut}")
    entrees.sort(key=lambda e: (e.date, e.evenement.rang, e.code))
    return Plan(intitule, lieu, tuple(entrees), tuple(dict.fromkeys(alertes)))


def lire_plan(chemin: Path | str) -> Plan:
    """Plan des échéances d'un fichier dossier YAML."""
    return construire_plan(lire_dossier_utilisateur(chemin), chemin)
