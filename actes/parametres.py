"""Paramètres datés (taux, barèmes, tarifs, seuils) : chaque valeur a sa date d'effet et le texte qui la fixe.

Format d'un fichier `regles/parametres/*.yaml` (à la manière d'OpenFisca) :

    taux_interet_legal_particulier:
      description: Taux de l'intérêt légal, créancier personne physique (CMF:L313-2, D313-1-A)
      references: [CMF:L313-2]
      unite: pourcent
      valeurs:
        2026-01-01: {valeur: "6.67", source: "arrêté du … (JO du …)"}
        2025-07-01: {valeur: "…", source: "…", a_verifier: "raison"}

Une valeur `null` à une date marque la fin d'un paramètre (par exemple une taxe supprimée).
Les montants sont écrits en chaînes pour que `Decimal` ne passe jamais par un flottant.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

from .donnees import lire_yaml
from .erreurs import ParametreSansValeur, RegleInvalide
from .ressources import dossier_regles

UNITES_DECIMALES = {"EUR", "pourcent", "nombre"}


@dataclass(frozen=True)
class Valeur:
    """Une valeur d'un paramètre, en vigueur à partir de `depuis`, avec sa source."""

    depuis: dt.date
    valeur: Any
    source: str
    a_verifier: str | None = None


@dataclass(frozen=True)
class Parametre:
    """Un paramètre daté ; `valeurs` est trié du plus récent au plus ancien."""

    nom: str
    description: str
    unite: str | None
    references: tuple[str, ...]
    valeurs: tuple[Valeur, ...]
    fichier: str

    def valeur_au(self, jour: dt.date) -> Valeur:
        """Valeur en vigueur au jour donné : la plus récente dont la date d'effet est ≤ jour."""
        for valeur in self.valeurs:
            if valeur.depuis <= jour:
                if valeur.valeur is None:
                    break
                return valeur
        raise ParametreSansValeur(self.fichier, f"paramètre « {self.nom} » sans valeur au {jour.isoformat()}")

    def au(self, jour: dt.date) -> Any:
        """Raccourci : la donnée seule (Decimal pour les montants et taux)."""
        return self.valeur_au(jour).valeur

    def est_en_vigueur(self, jour: dt.date) -> bool:
        """Vrai si une valeur non nulle est en vigueur au jour donné."""
        try:
            self.valeur_au(jour)
        except ParametreSansValeur:
            return False
        return True


def _convertir(valeur: Any, unite: str | None, chemin: Path, ligne: int, nom: str) -> Any:
    if valeur is None or unite not in UNITES_DECIMALES:
        return valeur
    if isinstance(valeur, float):
        raise RegleInvalide(chemin, f"paramètre {nom} : écrire le nombre entre guillemets (pas de flottant)", ligne)
    try:
        return Decimal(str(valeur))
    except InvalidOperation:
        raise RegleInvalide(chemin, f"paramètre {nom} : « {valeur} » n'est pas un nombre", ligne) from None


def lire_fichier_parametres(chemin: Path, racine: Path | None = None) -> list[Parametre]:
    """Paramètres d'un fichier YAML ; une faute lève `RegleInvalide` avec la ligne."""
    contenu = lire_yaml(chemin)
    relatif = str(chemin.relative_to(racine)) if racine else chemin.name
    if not isinstance(contenu, dict):
        raise RegleInvalide(chemin, "un fichier de paramètres est un dictionnaire nom → définition")
    resultat = []
    for nom, definition in contenu.items():
        ligne = getattr(definition, "ligne", None)
        if not isinstance(definition, dict) or not isinstance(definition.get("valeurs"), dict):
            raise RegleInvalide(chemin, f"paramètre {nom} : « valeurs » (date → valeur) manquant", ligne)
        unite = definition.get("unite")
        valeurs = []
        for depuis, entree in definition["valeurs"].items():
            if not isinstance(depuis, dt.date):
                raise RegleInvalide(chemin, f"paramètre {nom} : « {depuis} » n'est pas une date AAAA-MM-JJ", ligne)
            if not isinstance(entree, dict) or "valeur" not in entree or "source" not in entree:
                raise RegleInvalide(chemin, f"paramètre {nom} au {depuis} : il faut « valeur » et « source »",
                                    getattr(entree, "ligne", ligne))
            valeurs.append(Valeur(
                depuis=depuis,
                valeur=_convertir(entree["valeur"], unite, chemin, getattr(entree, "ligne", ligne), nom),
                source=str(entree["source"]),
                a_verifier=entree.get("a_verifier"),
            ))
        valeurs.sort(key=lambda v: v.depuis, reverse=True)
        resultat.append(Parametre(
            nom=str(nom),
            description=str(definition.get("description", "")),
            unite=unite,
            references=tuple(definition.get("references", ()) or ()),
            valeurs=tuple(valeurs),
            fichier=relatif,
        ))
    return resultat


def charger_parametres(dossiers: Iterable[Path] = ()) -> dict[str, Parametre]:
    """Tous les paramètres de `regles/parametres/` et des dossiers supplémentaires ; un nom en double est une faute."""
    catalogue: dict[str, Parametre] = {}
    for dossier in [dossier_regles(), *dossiers]:
        base = Path(dossier) / "parametres"
        if not base.is_dir():
            continue
        for chemin in sorted(base.rglob("*.yaml")):
            for parametre in lire_fichier_parametres(chemin, Path(dossier)):
                if parametre.nom in catalogue:
                    raise RegleInvalide(chemin, f"paramètre « {parametre.nom} » déjà défini dans "
                                                f"{catalogue[parametre.nom].fichier}")
                catalogue[parametre.nom] = parametre
    return catalogue


@lru_cache(maxsize=1)
def parametres_livres() -> dict[str, Parametre]:
    """Catalogue des paramètres livrés avec le paquet (chargé une fois)."""
    return charger_parametres()


def parametre(nom: str) -> Parametre:
    """Un paramètre livré, par son nom."""
    try:
        return parametres_livres()[nom]
    except KeyError:
        raise ParametreSansValeur("regles/parametres", f"paramètre « {nom} » inconnu") from None


def valeur_datee(valeur: Any, jour: dt.date) -> Any:
    """Valeur écrite dans une règle : telle quelle, ou celle du paramètre nommé (`{parametre: nom}`) au jour donné."""
    if isinstance(valeur, dict) and "parametre" in valeur:
        return parametre(valeur["parametre"]).au(jour)
    return valeur


def verifier_reference(valeur: Any, ou: str) -> None:
    """Un `{parametre: nom}` d'une règle doit nommer un paramètre livré (ValueError sinon)."""
    if isinstance(valeur, dict) and "parametre" in valeur and valeur["parametre"] not in parametres_livres():
        from .moteur.vocabulaire import proches

        raise ValueError(f"{ou} : paramètre « {valeur['parametre']} » inconnu"
                         f"{proches(valeur['parametre'], parametres_livres())}")
