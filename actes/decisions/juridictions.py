"""Carte judiciaire : cour d'appel et siège d'une juridiction (COJ tableau IV ; C. com. annexe 7-1)."""
from __future__ import annotations

from functools import lru_cache

from ..donnees import lire_yaml
from ..erreurs import EntreeInvalide
from ..ressources import dossier_regles
from .texte import replier

TYPES_TJ = {"tribunal_judiciaire", "tribunal_de_grande_instance", "tribunal_d_instance", "tribunal_de_proximite",
            "tribunal_de_premiere_instance", "juge_de_l_execution"}
TYPES_CONNUS = TYPES_TJ | {"tribunal_de_commerce", "conseil_de_prud_hommes", "cour_d_appel"}


def _cle(ville: str) -> str:
    return replier(ville).replace("saint ", "st ").replace("sainte ", "ste ")


@lru_cache(maxsize=1)
def carte() -> dict:
    """Tables chargées : cours (clé → nom, siège), ville repliée → clé de cour pour TJ et tribunaux de commerce, et
    département → chambre d'appel détachée."""
    dossier = dossier_regles() / "juridictions"
    contenu = lire_yaml(dossier / "cours_d_appel.yaml")
    cours = contenu["cours_d_appel"]
    commerce = lire_yaml(dossier / "tribunaux_de_commerce.yaml")["tribunaux_de_commerce"]
    prudhommes = lire_yaml(dossier / "conseils_de_prudhommes.yaml")["conseils_de_prudhommes"] or {}
    par_tj, par_tc, par_cph, sieges, chambres, villes_tj = {}, {}, {}, {}, {}, {}
    for cle, cour in cours.items():
        sieges[_cle(cour["siege"])] = cle
        for chambre in cour.get("chambres_d_appel") or []:
            sieges[_cle(chambre["siege"])] = cle
            for departement in chambre["departements"]:
                chambres[departement] = chambre
        for tj in cour["tribunaux_judiciaires"]:
            par_tj[_cle(tj["ville"])] = cle
            villes_tj[_cle(tj["ville"])] = tj
    for cle, villes in commerce.items():
        for ville in villes:
            par_tc[_cle(ville)] = cle
    for cle, villes in prudhommes.items():
        for ville in villes:
            par_cph[_cle(ville)] = cle
    return {"cours": cours, "tj": par_tj, "tc": par_tc, "cph": par_cph, "sieges": sieges, "chambres": chambres,
            "villes_tj": villes_tj, "autres_sieges": list(contenu.get("autres_sieges") or [])}


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
    tribunal = tables["villes_tj"].get(cle_ville)
    chambre = tables["chambres"].get(tribunal["departement"]) if tribunal and type != "cour_d_appel" else None
    if chambre:
        return {"nom": chambre["nom"], "siege": chambre["siege"]}
    return {"nom": cour["nom"], "siege": cour["siege"]}


@lru_cache(maxsize=1)
def _territoires_des_sieges() -> dict[str, set[str]]:
    """Ville repliée (et ses variantes écrites) → territoires (« metropole » ou code d'outre-mer) où siège une
    juridiction de ce nom ; une ville `homonyme` n'est reconnue sous son seul nom que s'il n'y a pas d'ambiguïté."""
    from ..delais.distance import territoire_du_nom

    tables = carte()
    resultat: dict[str, set[str]] = {}

    def noter(ville: str, departement: str, *, variantes=(), homonyme=False):
        territoire = territoire_du_nom(departement) or "metropole"
        for forme in variantes:
            resultat.setdefault(_cle(forme), set()).add(territoire)
        resultat.setdefault(_cle(ville), set()).update({territoire, "homonyme"} if homonyme else {territoire})

    for cour in tables["cours"].values():
        for tj in cour["tribunaux_judiciaires"]:
            noter(tj["ville"], tj["departement"], variantes=tj.get("variantes") or (), homonyme=tj.get("homonyme"))
        for chambre in cour.get("chambres_d_appel") or []:
            noter(chambre["siege"], chambre["departements"][0])
    for siege in tables["autres_sieges"]:
        noter(siege["ville"], siege["departement"], variantes=siege.get("variantes") or (), homonyme=siege.get("homonyme"))
    for cour in tables["cours"].values():      # siège d'une cour : celui de ses tribunaux du même nom
        territoires = resultat.get(_cle(cour["siege"]), set()) - {"homonyme"}
        if len(territoires) == 1:
            resultat.setdefault(_cle(cour["siege"]) + " (cour)", set()).update(territoires)
    for tables_villes in (tables["tc"], tables["cph"]):     # autres juridictions : le territoire de leur cour
        for ville, cle_cour in tables_villes.items():
            territoires = resultat.get(_cle(tables["cours"][cle_cour]["siege"]) + " (cour)")
            if territoires and ville not in resultat:
                resultat[ville] = set(territoires)
    return resultat


def territoire_du_siege(ville: str | None, *, cour: bool = False) -> str | None:
    """Territoire où siège la juridiction de cette ville : « metropole », un code d'outre-mer (« 974 », « 976 »), ou
    None si la ville est inconnue ou ambiguë (« Saint-Denis » seul ; `cour` : la ville est le siège d'une cour
    d'appel ou d'une chambre d'appel, sans ambiguïté)."""
    if not ville:
        return None
    cle = _cle(ville)
    if cour and (territoires := _territoires_des_sieges().get(cle + " (cour)")):
        return next(iter(territoires))
    territoires = _territoires_des_sieges().get(cle)
    if not territoires or "homonyme" in territoires or len(territoires) > 1:
        return None
    return next(iter(territoires))
