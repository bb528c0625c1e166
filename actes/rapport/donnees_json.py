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


def rendre(entrees: list[dict]) -> str:
    """Document JSON stable (mêmes entrées, mêmes octets)."""
    return en_json({"version": VERSION, "fichiers": entrees})
