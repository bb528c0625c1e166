"""Voie de recours, délai, juridiction et siège (CPC:680), d'après la table `regles/recours/voies.yaml`."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

from ..donnees import lire_yaml
from ..erreurs import EntreeInvalide
from ..ressources import dossier_regles
from .juridictions import cour_d_appel, territoire_du_siege
from .texte import replier

NOMS_JURIDICTIONS = {
    "tribunal_judiciaire": "tribunal judiciaire", "tribunal_de_grande_instance": "tribunal de grande instance",
    "tribunal_d_instance": "tribunal d'instance", "tribunal_de_proximite": "tribunal de proximité",
    "tribunal_de_commerce": "tribunal de commerce", "conseil_de_prud_hommes": "conseil de prud'hommes",
    "cour_d_appel": "cour d'appel", "cour_de_cassation": "Cour de cassation", "tribunal_de_premiere_instance": "tribunal de première instance",
}
CONDITIONS = ("juridiction", "type_decision", "nature", "ressort", "juge", "matiere")
PREMIERE_INSTANCE = set(NOMS_JURIDICTIONS) - {"cour_d_appel", "cour_de_cassation"}


@lru_cache(maxsize=1)
def table_des_voies() -> list[dict]:
    """Entrées de `regles/recours/voies.yaml`, dans l'ordre (la première qui convient s'applique)."""
    return list(lire_yaml(dossier_regles() / "recours" / "voies.yaml"))


def _etat(entree: dict, faits: dict, incertains) -> str | None:
    """« certaine » si toutes les conditions de l'entrée sont remplies, « possible » si seules manquent des conditions
    sur des faits `incertains` restés inconnus, None sinon."""
    etat = "certaine"
    for condition, attendu in (entree.get("si") or {}).items():
        valeurs = attendu if isinstance(attendu, list) else [attendu]
        valeur = faits.get(condition)
        if valeur in valeurs:
            continue
        if valeur is None and condition in incertains:
            etat = "possible"
            continue
        return None
    return etat


def entrees_possibles(faits: dict, incertains=frozenset()) -> list[dict]:
    """Entrées de la table qui peuvent régir la décision, dans l'ordre, jusqu'à la première certaine incluse.

    Sans fait incertain, c'est au plus une entrée : celle que `voie_de_recours` applique. Un fait de `incertains`
    inconnu (l'acte ne dit pas le ressort, par exemple) laisse possibles toutes les entrées qui en dépendent.
    """
    possibles = []
    for entree in table_des_voies():
        etat = _etat(entree, faits, incertains)
        if etat:
            possibles.append(entree)
        if etat == "certaine":
            break
    return possibles


def libelle_delai(delai: dict | None) -> str | None:
    """« 15 jours », « 1 mois », « 2 mois »."""
    if not delai:
        return None
    if "mois" in delai:
        return f"{delai['mois']} mois"
    return f"{delai['jours']} jours"


def nom_juridiction(type_juridiction: str, ville: str | None) -> str:
    """« tribunal judiciaire de Paris », « cour d'appel d'Angers »."""
    nom = NOMS_JURIDICTIONS.get(type_juridiction, type_juridiction.replace("_", " "))
    if not ville:
        return nom
    liaison = "d'" if replier(ville)[:1] in "aeiouy" else ("du " if ville.startswith("Le ") else "de ")
    return f"{nom} {liaison}{ville[3:] if liaison == 'du ' else ville}"


def augmentation_distance(voie: str, siege_recours: str | None, demeurant: str | None,
                          jour: dt.date | None = None) -> dict | None:
    """Augmentation du délai de recours à raison de la distance (CPC:643, 644, 647), calculée par
    `actes.delais.distance` pour la juridiction de recours (son siège) et le lieu où demeure le destinataire."""
    from ..delais.distance import augmentation_distance as augmenter
    from ..delais.distance import lieu_de_l_adresse
    from ..delais.lieux import lire_lieu

    if not demeurant or voie not in ("appel", "opposition", "pourvoi_en_cassation"):
        return None
    chez = lieu_de_l_adresse(demeurant)
    if chez is None:
        return {"mois": None, "articles": ["CPC:643", "CPC:644"],
                "raison": f"lieu « {demeurant} » non reconnu : augmentation éventuelle à déterminer"}
    territoire = territoire_du_siege(siege_recours, cour=True)
    if territoire is None:
        return {"mois": None, "articles": ["CPC:643", "CPC:644"], "lieu": chez.libelle,
                "raison": f"siège de la juridiction de recours « {siege_recours} » non reconnu : augmentation à "
                          "déterminer"}
    try:
        duree, etape = augmenter(lire_lieu("" if territoire == "metropole" else territoire), chez,
                                 pourvoi=voie == "pourvoi_en_cassation", jour=jour)
    except EntreeInvalide as exc:
        return {"mois": None, "articles": ["CPC:643", "CPC:644"], "lieu": chez.libelle, "raison": str(exc)}
    article = etape.article if etape else ("CPC:644" if territoire != "metropole" else "CPC:643")
    resultat = {"mois": duree.total_mois if duree else 0, "articles": [article, "CPC:647"], "lieu": chez.libelle}
    if etape and not duree:
        resultat["raison"] = etape.texte
    return resultat


def _taux_ressort(type_juridiction: str, jour: dt.date | None):
    from ..parametres import parametre
    propre = f"taux_ressort_{type_juridiction}"      # regles/parametres/ressort.yaml ; à défaut, celui du TJ
    nom = propre if type_juridiction in ("tribunal_de_commerce", "conseil_de_prud_hommes") else "taux_ressort_tribunal_judiciaire"
    try:
        return parametre(nom).au(jour or dt.date.today())
    except Exception:  # noqa: BLE001 - un taux absent n'empêche pas de dire que le ressort est inconnu
        return None


def voie_de_recours(juridiction_type, type_decision, nature, ressort, matiere=None, juge=None, date_decision=None,
                    demeurant=None, *, ville=None) -> dict:
    """Voie ouverte, délai, point de départ, juridiction de recours et siège, articles (CPC:680 ; table regles/recours)."""
    if isinstance(date_decision, str):
        try:
            date_decision = dt.date.fromisoformat(date_decision)
        except ValueError:
            raise EntreeInvalide("date_decision", f"« {date_decision} » n'est pas une date AAAA-MM-JJ") from None
    ressort = {"premier_ressort": "premier", "dernier_ressort": "dernier", "inconnu": None}.get(ressort, ressort)
    faits = {"juridiction": juridiction_type, "type_decision": type_decision, "nature": nature, "ressort": ressort,
             "juge": juge, "matiere": matiere}
    vide = {"voie": "inconnue", "delai": None, "point_de_depart": None, "juridiction": None, "siege": None,
            "modalites": None, "articles": [], "amende_civile": None, "augmentation_distance": None, "regle": None,
            "raison": None, "a_verifier": None}
    entree = next(iter(entrees_possibles(faits)), None)
    if entree is None:
        if juridiction_type in PREMIERE_INSTANCE and ressort is None:
            taux = _taux_ressort(juridiction_type, date_decision)
            seuil = f" de {taux} €" if taux is not None else ""
            delais = {e["voie"]: libelle_delai(e["delai"]) for e in entrees_possibles(dict(faits, ressort=None),
                                                                                      frozenset({"ressort"}))}
            vide["raison"] = (f"la décision n'indique pas si elle est rendue en premier ou en dernier ressort : appel "
                              f"({delais.get('appel', '?')}) si la demande excède le taux de ressort{seuil}, sinon "
                              f"pourvoi ({delais.get('pourvoi', '?')})")
        else:
            vide["raison"] = "aucune entrée de la table des voies de recours ne correspond à cette décision"
        return vide
    voie = "pourvoi_en_cassation" if entree["voie"] == "pourvoi" else entree["voie"]
    resultat = dict(vide, voie=voie, delai=libelle_delai(entree.get("delai")),
                    point_de_depart=entree.get("point_de_depart"), modalites=entree.get("modalites"),
                    articles=list(entree.get("articles") or []), amende_civile=entree.get("amende_civile"),
                    regle=entree["code"], raison=entree.get("raison"), a_verifier=entree.get("a_verifier"))
    devant = entree.get("recours_devant")
    if devant == "cour_de_cassation":
        resultat.update(juridiction="Cour de cassation", siege="Paris")
    elif devant == "cour_d_appel":
        if juridiction_type == "cour_d_appel":
            cour = cour_d_appel("cour_d_appel", ville or "") if ville else None
        else:
            cour = cour_d_appel(juridiction_type, ville or "") if ville and juridiction_type else None
        if cour:
            resultat.update(juridiction=cour["nom"][0].lower() + cour["nom"][1:], siege=cour["siege"])
        else:
            resultat["raison"] = (f"cour d'appel non trouvée pour « {nom_juridiction(juridiction_type or '', ville)} » "
                                  f"dans regles/juridictions")
    elif devant in ("meme_juridiction", "juge_saisi"):
        resultat.update(juridiction=nom_juridiction(juridiction_type or "", ville), siege=ville)
    resultat["augmentation_distance"] = augmentation_distance(voie, resultat["siege"], demeurant, date_decision)
    return resultat


def delais_possibles(faits: dict, voie: str | None, incertains=frozenset()) -> list[dict]:
    """Entrées de la table qui peuvent régir la décision décrite par `faits` (mêmes conditions que `voie_de_recours`)
    et ouvrent la voie indiquée (toutes voies si elle est inconnue), avec un délai : ce que le contrôle du délai
    indiqué dans l'acte confronte (CPC:680)."""
    voie = "pourvoi" if voie and voie.startswith("pourvoi") else voie
    return [e for e in entrees_possibles(faits, incertains)
            if e.get("delai") and (voie is None or e["voie"] == voie)]
