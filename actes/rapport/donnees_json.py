"""Sortie JSON, format version 1 : `{"version": 1, "fichiers": [{"chemin", "type_acte", "date_acte", "avertissements",
"faits", "constats"}]}`.

`faits` : les faits lus dans l'acte (`analyse.faits.faits_en_json`) : dates ISO, Decimal en chaînes à deux décimales,
None quand l'acte ne le dit pas, et `parties` {`requerant`, `destinataire` (nature, civilite, nom, prenoms,
denomination, forme, capital, rcs, siren, adresse, code_postal, commune, representant, naissance {date, lieu},
nationalite, profession), `officier` (nom, prenoms, qualite, office, ville), `juridiction` (type, ville, formation,
numero_rg)}, chacun null s'il est introuvable. Clé ajoutée sans changer de version (les lecteurs ignorent l'inconnu).

Chaque constat : `code`, `gravite`, `message`, `references`, `emplacement` {`bloc`, `debut`, `fin`, `ligne`,
`colonne`, `extrait`, `section`}, `suggestion`, `regle`, `a_verifier`, `correction` (`remplacer` | `inserer` |
null : ce que la copie relue en fait), `supprime` (null, ou {`genre` : `commentaire` | `configuration`,
`justification`} : constat tu par un commentaire « actes: ignorer … » ou par `par-fichier`, qui reste listé). Un fichier illisible a `erreur` et aucun constat.
"""
from __future__ import annotations

from ..sortie import en_json

VERSION = 1


def schema() -> dict:
    """Schéma JSON du format version 1, livré avec le paquet (`actes/rapport-v1.schema.json`)."""
    import json
    from importlib.resources import files

    return json.loads(files("actes").joinpath("rapport-v1.schema.json").read_text(encoding="utf-8"))


def rendre(entrees: list[dict]) -> str:
    """Document JSON stable (mêmes entrées, mêmes octets) ; avec `ACTES_CONTROLE_SCHEMA=1` dans l'environnement
    (ce que fait la suite de tests), chaque rapport est d'abord validé contre son schéma."""
    import os

    document = {"version": VERSION, "fichiers": entrees}
    if os.environ.get("ACTES_CONTROLE_SCHEMA") == "1":
        valider(document)
    return en_json(document)


def valider(document: dict) -> None:
    """Lève `ValueError` si le rapport ne suit pas le schéma de la version 1 (chemin et raison de l'écart)."""
    import json

    import jsonschema

    erreur = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema()).iter_errors(
        json.loads(en_json(document))))
    if erreur is not None:
        chemin = "/".join(map(str, erreur.absolute_path))
        raise ValueError(f"rapport hors schéma en /{chemin} : {erreur.message}")
