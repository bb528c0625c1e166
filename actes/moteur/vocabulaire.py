"""Le vocabulaire des règles : faits déclarés (`regles/faits.yaml`), types d'actes (`regles/types.yaml`), sections
(`regles/sections.yaml`), genres ; et le schéma JSON des fichiers de règles qui en découle.

Le schéma livré (`regles/schema.json`) est tenu à jour par `schema_des_regles` : ses énumérations (types d'actes,
sections, faits et leurs valeurs, genres, tables et calculs) et les clés admises par chaque genre sont tirées de ces données
et des genres ; un test vérifie que le fichier livré est celui que cette fonction produit.
"""
from __future__ import annotations

import copy
import difflib
import re
from functools import lru_cache

from ..donnees import lire_yaml
from ..ressources import dossier_regles

RE_CHAMP = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
PRESENCE = ("connu", "inconnu")
TYPES_DATES = ("date",)
# Section que le lecteur de sections ouvre sans motif : ce qui précède la première section reconnue
# (actes.analyse.sections).
SECTIONS_IMPLICITES = ("entete",)


@lru_cache(maxsize=1)
def faits_declares() -> dict:
    """Faits déclarés : nom → {type, valeurs, sens, origine}."""
    return dict(lire_yaml(dossier_regles() / "faits.yaml"))


@lru_cache(maxsize=1)
def types_acte() -> tuple[str, ...]:
    """Les types d'actes reconnus, dans l'ordre de `regles/types.yaml`."""
    return tuple(lire_yaml(dossier_regles() / "types.yaml"))


@lru_cache(maxsize=1)
def noms_sections() -> tuple[str, ...]:
    """Les sections d'un acte (`regles/sections.yaml`)."""
    return (*SECTIONS_IMPLICITES, *lire_yaml(dossier_regles() / "sections.yaml"))


def proches(nom: str, possibles) -> str:
    """« (voulu : « x » ?) » quand un nom admis ressemble au nom fautif."""
    voisins = difflib.get_close_matches(str(nom), [str(p) for p in possibles], n=1, cutoff=0.75)
    return f" (voulu : « {voisins[0]} » ?)" if voisins else ""


def valeurs_admises(nom: str) -> list | None:
    """Valeurs qu'une condition `si` peut donner au fait (None : seulement connu / inconnu)."""
    fait = faits_declares()[nom]
    if fait["type"] == "enumeration":
        return [*fait["valeurs"], *PRESENCE]
    if fait["type"] == "booleen":
        return [True, False, *PRESENCE]
    return list(PRESENCE)


def verifier_conditions(si: dict, ou: str = "si") -> None:
    """Chaque clé d'une condition est un fait déclaré, chaque valeur une valeur de ce fait (ValueError sinon)."""
    faits = faits_declares()
    for nom, attendu in (si or {}).items():
        if nom not in faits:
            raise ValueError(f"{ou} : fait « {nom} » non déclaré dans regles/faits.yaml{proches(nom, faits)}")
        admises = valeurs_admises(nom)
        for valeur in attendu if isinstance(attendu, list) else [attendu]:
            if valeur not in admises:
                raise ValueError(f"{ou} : valeur « {valeur} » impossible pour le fait « {nom} »"
                                 f"{proches(valeur, admises)} ; possibles : {', '.join(map(str, admises))}")


def verifier_fait(nom: str, ou: str, *, date: bool = False) -> None:
    """Un fait que lit un genre doit être déclaré (et être une date si le genre compare des dates)."""
    faits = faits_declares()
    if nom not in faits:
        raise ValueError(f"{ou} : fait « {nom} » non déclaré dans regles/faits.yaml{proches(nom, faits)}")
    if date and faits[nom]["type"] not in TYPES_DATES:
        raise ValueError(f"{ou} : le fait « {nom} » n'est pas une date")


def verifier_champs(modele: str | None, fournis: set[str], ou: str) -> None:
    """Chaque {champ} d'un message ou d'une suggestion est une valeur du genre, un fait déclaré ou un paramètre."""
    for champ in RE_CHAMP.findall(modele or ""):
        if champ in fournis or champ in faits_declares():
            continue
        from ..parametres import parametres_livres

        if champ in parametres_livres():
            continue
        possibles = sorted(fournis | set(faits_declares()))
        raise ValueError(f"{ou} : champ « {{{champ}}} » inconnu{proches(champ, possibles)} ; le genre fournit : "
                         f"{', '.join(sorted(fournis)) or 'rien'} (et les faits déclarés, les paramètres)")


def _schema_condition() -> dict:
    proprietes = {}
    for nom, fait in faits_declares().items():
        admises = valeurs_admises(nom)
        proprietes[nom] = {"description": fait["sens"],
                           "anyOf": [{"enum": admises}, {"type": "array", "items": {"enum": admises}, "minItems": 1}]}
    return {"type": "object", "additionalProperties": False, "properties": proprietes}


def schema_des_regles(schema: dict) -> dict:
    """Le schéma des fichiers de règles, énumérations et clés par genre tirées des données et des genres ; les
    définitions des propriétés écrites à la main dans `schema` sont gardées."""
    from .genres import GENRES
    from .genres.ancre import CALCULS as CALCULS_DATES, LECTURES
    from .genres.argent import CALCULS as CALCULS_ARGENT
    from .genres.table import TABLES

    resultat = copy.deepcopy(schema)
    defs = resultat["$defs"]
    regle = defs["regle"]
    props = regle["properties"]
    types = {"enum": list(types_acte())}
    sections = {"enum": list(noms_sections())}
    faits = list(faits_declares())
    dates = [n for n, f in faits_declares().items() if f["type"] in TYPES_DATES]
    defs["si"] = _schema_condition()
    props["actes"] = {"type": "array", "items": types, "minItems": 1}
    props["sauf_actes"] = {"type": "array", "items": types, "minItems": 1}
    props["section"] = sections
    props["sections"] = {"type": "array", "items": sections, "minItems": 1}
    props["sauf_sections"] = {"type": "array", "items": sections, "minItems": 1}
    props["si"] = {"$ref": "#/$defs/si"}
    props["genre"] = {"enum": sorted(GENRES)}
    props.pop("controle", None)
    props.pop("parametre", None)
    props["calcul"] = {"enum": list(CALCULS_ARGENT)}
    props["table"] = {"enum": sorted(TABLES)}
    props["lire"] = {"enum": list(LECTURES)}
    props["ancre_fait"] = {"enum": faits}
    props["augmente_de"] = {"enum": [n for n, f in faits_declares().items() if f["type"] == "duree"]}
    props["au_plus_tard"] = {"type": "object", "required": ["calcul", "de"], "additionalProperties": False,
                             "properties": {"calcul": {"enum": sorted(CALCULS_DATES)}, "de": {"enum": dates}}}
    props["depart"] = {"enum": dates}
    props["limite"] = {"enum": dates}
    props["fait"] = {"enum": faits}
    props["avant"] = {"enum": dates}
    props["apres"] = {"enum": dates}
    props["incertains"] = {"type": "array", "items": {"enum": faits}}
    props["attendus"]["items"]["properties"]["si"] = {"$ref": "#/$defs/si"}
    from ..parametres import parametres_livres

    noms_parametres = sorted(parametres_livres())
    defs["parametre"] = {"description": "valeur lue dans le paramètre daté nommé, à la date de l'acte",
                         "type": "object", "required": ["parametre"], "additionalProperties": False,
                         "properties": {"parametre": {"enum": noms_parametres}}}
    props["duree"] = {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/parametre"}]}
    props["attendu"] = {"anyOf": [{"type": "string"}, {"$ref": "#/$defs/parametre"}]}
    specifiques = {nom: set(genre.CLES) for nom, genre in GENRES.items()}
    propres = set().union(*specifiques.values())
    communes = [cle for cle in props if cle not in propres]
    branches = []
    anciennes = {b["if"]["properties"]["genre"]["const"]: b["then"] for b in regle.get("allOf", [])}
    for nom in sorted(GENRES):
        alors = {cle: valeur for cle, valeur in anciennes.get(nom, {}).items() if cle != "propertyNames"}
        alors["propertyNames"] = {"enum": [c for c in props if c in communes or c in specifiques[nom]]}
        branches.append({"if": {"properties": {"genre": {"const": nom}}, "required": ["genre"]}, "then": alors})
    regle["allOf"] = branches
    return resultat
