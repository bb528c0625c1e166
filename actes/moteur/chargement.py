"""Chargement des règles : YAML → validation par le schéma JSON livré → objets `Regle` prêts à vérifier.

Un fichier fautif lève `RegleInvalide` avec le fichier, la ligne et le code de la règle.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..constat import Gravite
from ..donnees import lire_yaml
from ..erreurs import RegleInvalide
from ..ressources import dossier_regles
from .genres import GENRES
from .motifs import SONDER
from .regle import Regle
from .vocabulaire import proches, verifier_champs, verifier_conditions

SOUS_DOSSIER_VERIFICATION = "verification"


@dataclass
class Catalogue:
    """Les règles chargées et le chercheur de motifs qui les sert toutes."""

    regles: list[Regle]
    chercheur: object


@lru_cache(maxsize=1)
def _validateur():
    import jsonschema

    schema = json.loads((dossier_regles() / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _ligne_de(contenu, chemin_json) -> int | None:
    noeud, ligne = contenu, getattr(contenu, "ligne", None)
    for morceau in chemin_json:
        try:
            noeud = noeud[morceau]
        except (KeyError, IndexError, TypeError):
            break
        ligne = getattr(noeud, "ligne", ligne)
    return ligne


def _en_francais(erreur) -> str:
    """Message d'une erreur de schéma, en français, avec le nom admis le plus proche."""
    valeur = erreur.instance
    if "propertyNames" in erreur.schema_path:
        return f"clé « {valeur} » sans objet pour ce genre de règle{proches(valeur, erreur.validator_value)} ; " \
               f"clés admises : {', '.join(erreur.validator_value)}"
    if erreur.validator == "enum":
        return f"« {valeur} » inconnu{proches(valeur, erreur.validator_value)} ; possibles : " \
               f"{', '.join(map(str, erreur.validator_value))}"
    if erreur.validator == "additionalProperties":
        admises = sorted(erreur.schema.get("properties", {}))
        inconnues = sorted(set(valeur) - set(admises))
        return (f"clé « {inconnues[0]} » inconnue{proches(inconnues[0], admises)} ; possibles : {', '.join(admises)}"
                if inconnues else erreur.message)
    if erreur.validator == "required":
        return f"clé obligatoire absente : {erreur.message.split(' ')[0]}"
    if erreur.validator in ("anyOf", "oneOf") and erreur.context:
        return _en_francais(min(erreur.context, key=lambda e: len(list(e.absolute_path))))
    return erreur.message


def fichiers_de_regles(dossier: Path) -> list[Path]:
    """Fichiers de règles d'un dossier : `verification/` pour le dossier livré, tout le dossier sinon."""
    base = dossier / SOUS_DOSSIER_VERIFICATION if (dossier / SOUS_DOSSIER_VERIFICATION).is_dir() else dossier
    return sorted(base.rglob("*.yaml"))


def lire_fichier_regles(chemin: Path, racine: Path, chercheur) -> list[Regle]:
    """Règles d'un fichier, validées et compilées."""
    contenu = lire_yaml(chemin)
    relatif = str(chemin.relative_to(racine)) if chemin.is_relative_to(racine) else str(chemin)
    if contenu is None:
        return []
    erreurs = sorted(_validateur().iter_errors(contenu), key=lambda e: list(map(str, e.absolute_path)))
    if erreurs:
        erreur = erreurs[0]
        chemin_json = list(erreur.absolute_path)
        code = None
        if chemin_json and isinstance(chemin_json[0], int) and isinstance(contenu[chemin_json[0]], dict):
            code = contenu[chemin_json[0]].get("code")
        ou = "/".join(map(str, chemin_json[1:])) or "règle"
        raise RegleInvalide(chemin, f"{ou} : {_en_francais(erreur)}", ligne=_ligne_de(contenu, chemin_json), code=code)
    regles = []
    for donnees in contenu:
        validite = donnees.get("validite", {})
        regle = Regle(
            code=donnees["code"], titre=donnees["titre"], gravite=Gravite(donnees["gravite"]),
            message=donnees["message"].strip(), references=tuple(donnees["references"]),
            genre_nom=donnees["genre"], fichier=relatif, ligne=donnees.ligne,
            actes=tuple(donnees["actes"]) if "actes" in donnees else None,
            sauf_actes=tuple(donnees.get("sauf_actes", ())), si=dict(donnees.get("si", {})),
            depuis=validite.get("depuis"), jusqu_au=validite.get("jusqu_au"),
            a_verifier=donnees.get("a_verifier"), suggestion=donnees.get("suggestion"),
            section=donnees.get("section"), doc=dict(donnees.get("doc", {})),
            correction=dict(donnees.get("correction", {})),
        )
        for borne in (regle.depuis, regle.jusqu_au):
            if borne is not None and not isinstance(borne, dt.date):
                raise RegleInvalide(chemin, "validité : date AAAA-MM-JJ attendue", ligne=donnees.ligne, code=regle.code)
        try:
            verifier_conditions(regle.si)
            regle.genre = GENRES[regle.genre_nom](regle, donnees, chercheur)
            fournis = set(getattr(regle.genre, "valeurs", None) or getattr(regle.genre, "VALEURS", ()))
            verifier_champs(regle.message, fournis, "message")
            verifier_champs(regle.suggestion, fournis, "suggestion")
        except (ValueError, KeyError, TypeError) as exc:
            raise RegleInvalide(chemin, str(exc), ligne=donnees.ligne, code=regle.code) from None
        regles.append(regle)
    return regles


def _verifier_codes(regles: list[Regle]) -> None:
    par_code: dict[str, list[Regle]] = {}
    for regle in regles:
        par_code.setdefault(regle.code, []).append(regle)
    for code, versions in par_code.items():
        versions.sort(key=lambda r: r.depuis or dt.date.min)
        for avant, apres in zip(versions, versions[1:]):
            fin = avant.jusqu_au or dt.date.max
            if apres.depuis is None or apres.depuis <= fin:
                raise RegleInvalide(apres.fichier, "deux versions de la même règle se chevauchent",
                                    ligne=apres.ligne, code=code)


def charger_catalogue(dossiers: tuple[Path, ...] = (), *, livrees: bool = True) -> Catalogue:
    """Règles livrées (`regles/verification/`) et celles des dossiers supplémentaires."""
    from ..analyse.nlp import Chercheur

    chercheur = Chercheur()
    regles: list[Regle] = []
    racines = ([dossier_regles()] if livrees else []) + [Path(d) for d in dossiers]
    for racine in racines:
        if not racine.is_dir():
            raise RegleInvalide(racine, "dossier de règles introuvable")
        jeton = SONDER.set(not (livrees and racine == racines[0]))     # règles de l'utilisateur : sondées
        try:
            for chemin in fichiers_de_regles(racine):
                regles.extend(lire_fichier_regles(chemin, racine, chercheur))
        finally:
            SONDER.reset(jeton)
    _verifier_codes(regles)
    return Catalogue(regles, chercheur)
