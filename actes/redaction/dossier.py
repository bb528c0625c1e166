"""Dossier de signification (YAML ou JSON) : lecture, validation par son schéma, messages en français."""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..donnees import lire_dossier_utilisateur
from ..erreurs import EntreeInvalide
from ..ressources import dossier_regles

SCHEMA = "dossier-signification.json"


@lru_cache(maxsize=1)
def _registre():
    """Tous les schémas de `regles/schemas/`, chacun sous son nom de fichier : un schéma de dossier d'acte renvoie
    aux définitions communes (personne, adresse, montant, titre, décompte) sans les recopier."""
    from referencing import Registry, Resource

    ressources = []
    for chemin in sorted(dossier_regles().joinpath("schemas").glob("*.json")):
        ressources.append((chemin.name, Resource.from_contents(json.loads(chemin.read_text(encoding="utf-8")))))
    return Registry().with_resources(ressources)


@lru_cache(maxsize=16)
def schema_dossier(nom: str = SCHEMA) -> dict:
    """Schéma JSON d'un dossier livré dans `regles/schemas/` (par défaut celui de la signification)."""
    return json.loads(dossier_regles().joinpath("schemas", nom).read_text(encoding="utf-8"))


def charger_dossier(chemin: Path | str, schema: str = SCHEMA) -> dict:
    """Dossier lu et validé ; une faute lève `EntreeInvalide` avec le champ et la ligne."""
    return valider_dossier(lire_dossier_utilisateur(chemin), chemin, schema)


def valider_dossier(donnees: Any, chemin: Path | str = "dossier", schema: str = SCHEMA) -> dict:
    """Dossier validé par le schéma ; dates rendues en `datetime.date`, le reste tel quel."""
    from jsonschema import Draft202012Validator

    if donnees is None:
        return {}
    if not isinstance(donnees, dict):
        raise EntreeInvalide(chemin, "un dossier est un dictionnaire (requerant, destinataire…)")
    textuel = _dates_en_texte(donnees)
    validateur = Draft202012Validator(schema_dossier(schema), registry=_registre())
    erreurs = sorted(validateur.iter_errors(textuel),
                     key=lambda e: (list(map(str, e.absolute_path)), e.validator))
    if erreurs:
        erreur = erreurs[0]
        chemin_champ = list(erreur.absolute_path)
        lieu = ".".join(str(c) for c in chemin_champ) or "dossier"
        ligne = _ligne(donnees, chemin_champ)
        prefixe = f"ligne {ligne} : " if ligne else ""
        raise EntreeInvalide(chemin, f"{prefixe}{lieu} : {_message(erreur)}")
    return _dates_en_objets(textuel, chemin)


def _dates_en_texte(valeur: Any) -> Any:
    if isinstance(valeur, dict):
        return {str(cle): _dates_en_texte(v) for cle, v in valeur.items()}
    if isinstance(valeur, list):
        return [_dates_en_texte(v) for v in valeur]
    if isinstance(valeur, dt.date) and not isinstance(valeur, dt.datetime):
        return valeur.isoformat()
    return valeur


CHAMPS_DATE = {"date", "date_naissance", "notification_avocats"}


def _dates_en_objets(valeur: Any, chemin: Path | str, cle: str = "") -> Any:
    if isinstance(valeur, dict):
        return {k: _dates_en_objets(v, chemin, k) for k, v in valeur.items()}
    if isinstance(valeur, list):
        return [_dates_en_objets(v, chemin, cle) for v in valeur]
    if cle in CHAMPS_DATE and isinstance(valeur, str):
        try:
            return dt.date.fromisoformat(valeur)
        except ValueError:
            raise EntreeInvalide(chemin, f"{cle} : « {valeur} » n'est pas une date du calendrier") from None
    return valeur


def _ligne(donnees: Any, chemin_champ: list) -> int | None:
    ligne, courant = getattr(donnees, "ligne", None), donnees
    for cle in chemin_champ:
        try:
            courant = courant[cle]
        except (KeyError, IndexError, TypeError):
            break
        ligne = getattr(courant, "ligne", None) or ligne
    return ligne


def _message(erreur) -> str:
    """Message français pour une erreur de validation jsonschema."""
    genre, instance, schema = erreur.validator, erreur.instance, erreur.schema
    if genre == "additionalProperties":
        connus = ", ".join(sorted(erreur.schema.get("properties", {})))
        inconnus = ", ".join(sorted(set(instance) - set(erreur.schema.get("properties", {}))))
        return f"champ inconnu « {inconnus} » ; champs possibles : {connus}"
    if genre == "required":
        manquant = erreur.message.split("'")[1] if "'" in erreur.message else erreur.message
        return f"champ « {manquant} » obligatoire"
    if genre == "enum":
        return f"valeur « {instance} » non prévue ; valeurs possibles : {', '.join(map(str, erreur.validator_value))}"
    if genre == "pattern" and "\\d{4}" in erreur.validator_value:
        return f"« {instance} » : date attendue au format AAAA-MM-JJ"
    if genre in {"pattern", "type"} and "montant" in str(list(erreur.absolute_path)[-1:]):
        return f"« {instance} » : montant attendu entre guillemets, en euros avec un point décimal (\"27.91\")"
    if genre == "pattern":
        return f"« {instance} » : forme non reconnue ({schema.get('description', 'voir le schéma')})"
    if genre == "type":
        attendu = {"string": "un texte", "object": "un dictionnaire", "array": "une liste",
                   "boolean": "oui/non (true/false)"}.get(erreur.validator_value, erreur.validator_value)
        return f"« {instance} » : valeur attendue : {attendu}"
    if genre == "oneOf":
        return "adresse attendue : une ligne de texte, ou {voie, code_postal, commune, pays}"
    if genre == "minLength":
        return "valeur vide"
    if genre == "minItems":
        return "liste vide"
    return erreur.message
