"""Carte judiciaire : cour d'appel et siège d'une juridiction (COJ tableau IV ; C. com. annexe 7-1)."""
from __future__ import annotations

from functools import lru_cache

from ..donnees import lire_yaml
from ..erreurs import EntreeInvalide
from ..ressources import dossier_regles
from .texte import replier

TYPES_TJ = {"tribunal_judiciaire", "tribunal_de_grande_instance", "tribunal_d_instance", "tribunal_de_proximite",
            "tribunal_de_premiere_instance", "juge_de_l_execution"}
ALIAS_TYPES = {"conseil_de_prudhommes": "conseil_de_prud_hommes", "tj": "tribunal_judiciaire",
               "tgi": "tribunal_de_grande_instance", "tcom": "tribunal_de_commerce", "cph": "conseil_de_prud_hommes",
               "ca": "cour_d_appel"}
TYPES_CONNUS = TYPES_TJ | {"tribunal_de_commerce", "conseil_de_prud_hommes", "cour_d_appel"}


def _cle(ville: str) -> str:
    return replier(ville).replace("saint ", "st ").replace("sainte ", "ste ")


@lru_cache(maxsize=1)
def carte() -> dict:
    """Tables chargées : cours (clé → nom, siège), et ville repliée → clé de cour pour TJ et tribunaux de commerce."""
    dossier = dossier_regles() / "juridictions"
    cours = lire_yaml(dossier / "cours_d_appel.yaml")["cours_d_appel"]
    commerce = lire_yaml(dossier / "tribunaux_de_commerce.yaml")["tribunaux_de_commerce"]
    prudhommes = lire_yaml(dossier / "conseils_de_prudhommes.yaml")["conseils_de_prudhommes"] or {}
    par_tj, par_tc, par_cph, sieges = {}, {}, {}, {}
    for cle, cour in cours.items():
        sieges[_cle(cour["siege"])] = cle
        for tj in cour["tribunaux_judiciaires"]:
            par_tj[_cle(tj["ville"])] = cle
    for cle, villes in commerce.items():
        for ville in villes:
            par_tc[_cle(ville)] = cle
    for cle, villes in prudhommes.items():
        for ville in villes:
            par_cph[_cle(ville)] = cle
    return {"cours": cours, "tj": par_tj, "tc": par_tc, "cph": par_cph, "sieges": sieges}


@lru_cache(maxsize=1)
def villes_connues() -> dict[str, str]:
    """Ville repliée → graphie officielle, pour toutes les villes sièges connues (calculé une fois)."""
    tables = carte()
    resultat = {}
    for cour in tables["cours"].values():
        resultat[_cle(cour["siege"])] = cour["siege"]
        for tj in cour["tribunaux_judiciaires"]:
            resultat[_cle(tj["ville"])] = tj["ville"]
    for villes in lire_yaml(dossier_regles() / "juridictions" / "tribunaux_de_commerce.yaml")["tribunaux_de_commerce"].values():
        for ville in villes:
            resultat.setdefault(_cle(ville), ville)
    return resultat


def canoniser_ville(ville: str) -> str | None:
    """Graphie officielle d'une ville siège (« AIX EN PROVENCE » → « Aix-en-Provence ») ; None si inconnue."""
    return villes_connues().get(_cle(ville))


def cour_d_appel(type: str, ville: str) -> dict | None:
    """Cour d'appel (nom, siège) dont relève la juridiction de ce type siégeant dans cette ville ; None si inconnue."""
    type = ALIAS_TYPES.get(type, type)
    if type not in TYPES_CONNUS:
        raise EntreeInvalide("juridiction", f"type de juridiction « {type} » inconnu ; possibles : "
                                            f"{', '.join(sorted(TYPES_CONNUS))}")
    tables = carte()
    cle_ville = _cle(ville or "")
    if type == "cour_d_appel":
        cle = tables["sieges"].get(cle_ville)
    elif type == "tribunal_de_commerce":
        cle = tables["tc"].get(cle_ville) or tables["tj"].get(cle_ville)
    elif type == "conseil_de_prud_hommes":
        cle = tables["cph"].get(cle_ville) or tables["tj"].get(cle_ville) or tables["tc"].get(cle_ville)
    else:
        cle = tables["tj"].get(cle_ville)
    if cle is None:
        return None
    cour = tables["cours"][cle]
    return {"nom": cour["nom"], "siege": cour["siege"]}


def departements_de_la_cour(siege: str) -> set[str]:
    """Départements et collectivités du ressort de la cour dont le siège est donné."""
    tables = carte()
    cle = tables["sieges"].get(_cle(siege))
    if cle is None:
        return set()
    return {tj["departement"] for tj in tables["cours"][cle]["tribunaux_judiciaires"]}
