"""Lecture sûre des fichiers YAML du projet (règles, paramètres, dossiers).

Un chargeur dérivé de `yaml.SafeLoader` (ou de sa version C) (le chargeur global n'est pas modifié) qui refuse les clés en double et garde le numéro
de ligne de chaque objet, pour que les messages d'erreur désignent la ligne fautive.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .erreurs import EntreeInvalide, RegleInvalide

TAILLE_MAX_YAML = 5 * 1024 * 1024


class DictLigne(dict):
    """Dictionnaire qui sait à quelle ligne de son fichier il commence."""

    ligne: int = 0


class ListeLigne(list):
    """Liste qui sait à quelle ligne de son fichier elle commence."""

    ligne: int = 0


# Le chargeur C de libyaml (livré avec les roues de PyYAML) est 5 à 10 fois plus rapide ; le chargeur Python sert
# de repli. Les deux donnent les mêmes objets et les mêmes numéros de ligne.
class _Chargeur(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


def _construire_dict(chargeur: _Chargeur, noeud: yaml.MappingNode) -> DictLigne:
    resultat = DictLigne()
    resultat.ligne = noeud.start_mark.line + 1
    chargeur.flatten_mapping(noeud)
    for noeud_cle, noeud_valeur in noeud.value:
        cle = chargeur.construct_object(noeud_cle, deep=True)
        if cle in resultat:
            raise yaml.constructor.ConstructorError(
                None, None, f"clé « {cle} » en double", noeud_cle.start_mark)
        resultat[cle] = chargeur.construct_object(noeud_valeur, deep=True)
    return resultat


def _construire_liste(chargeur: _Chargeur, noeud: yaml.SequenceNode) -> ListeLigne:
    resultat = ListeLigne(chargeur.construct_object(n, deep=True) for n in noeud.value)
    resultat.ligne = noeud.start_mark.line + 1
    return resultat


_Chargeur.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construire_dict)
_Chargeur.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construire_liste)


def lire_yaml_texte(texte: str, chemin: Path | str, *, erreur=RegleInvalide) -> Any:
    """Contenu d'un texte YAML ; une syntaxe fautive lève `erreur` avec la ligne."""
    try:
        return yaml.load(texte, Loader=_Chargeur)  # noqa: S506 - chargeur dérivé de SafeLoader
    except yaml.MarkedYAMLError as exc:
        marque = exc.problem_mark or exc.context_mark
        ligne = marque.line + 1 if marque else None
        message = f"YAML invalide : {exc.problem or exc}"
        if erreur is RegleInvalide:
            raise RegleInvalide(chemin, message, ligne=ligne) from None
        raise erreur(chemin, f"ligne {ligne} : {message}" if ligne else message) from None
    except yaml.YAMLError as exc:
        raise erreur(chemin, f"YAML invalide : {exc}") from None


def lire_yaml(chemin: Path | str, *, erreur=RegleInvalide) -> Any:
    """Contenu d'un fichier YAML (UTF-8), avec lignes et sans clés en double."""
    chemin = Path(chemin)
    if not chemin.is_file():
        raise erreur(chemin, "fichier introuvable ou n'est pas un fichier")
    if chemin.stat().st_size > TAILLE_MAX_YAML:
        raise erreur(chemin, "fichier YAML trop volumineux")
    try:
        texte = chemin.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise erreur(chemin, "le fichier n'est pas encodé en UTF-8") from None
    return lire_yaml_texte(texte, chemin, erreur=erreur)


def lire_dossier_utilisateur(chemin: Path | str) -> Any:
    """Fichier YAML ou JSON fourni par l'utilisateur ; toute faute devient `EntreeInvalide`."""
    return lire_yaml(chemin, erreur=EntreeInvalide)
