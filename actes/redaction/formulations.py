"""Formulations des mentions d'un acte rédigé : la suggestion de la règle qui exige la mention, ou une formulation
de `regles/redaction/formulations.yaml` qui nomme sa règle ; le vérificateur, la rédaction et la correction lisent
ainsi un seul texte (CPC:648, 678, 680)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..donnees import lire_yaml
from ..erreurs import RegleInvalide
from ..ressources import dossier_regles

FICHIER = ("redaction", "formulations.yaml")
RE_CROCHET = re.compile(r"\[([a-z_ ]+)\]")


@dataclass(frozen=True)
class Formulation:
    """Un texte à écrire dans l'acte, les articles qui l'imposent et la règle qu'il satisfait."""

    texte: str
    references: tuple[str, ...]
    regle: str


@lru_cache(maxsize=1)
def regles_livrees() -> dict:
    """Règles livrées, par code (chargées une fois)."""
    from ..moteur.chargement import charger_catalogue

    return {r.code: r for r in charger_catalogue().regles}


def suggestion(code: str, jour: dt.date, valeurs: dict | None = None, crochets: dict | None = None) -> str:
    """Suggestion de la règle `code` : `{champ}` rempli comme dans un constat (valeurs, puis paramètres datés au
    jour de l'acte), `[champ]` remplacé par ce que la rédaction sait (`crochets`) ; un crochet inconnu reste visible."""
    from ..moteur.verificateur import remplir_formulation

    regle = regles_livrees()[code]
    texte = remplir_formulation(" ".join(regle.suggestion.split()), valeurs or {}, jour)
    crochets = crochets or {}
    return RE_CROCHET.sub(lambda m: crochets.get(m.group(1), m.group(0)), texte)


@lru_cache(maxsize=1)
def _donnees() -> dict:
    chemin = dossier_regles().joinpath(*FICHIER)
    donnees = lire_yaml(chemin)
    codes = regles_livrees()
    for nom, regle in _codes_nommes(donnees):
        if regle not in codes:
            raise RegleInvalide(chemin, f"{nom} : règle inconnue « {regle} »", code=regle)
    return donnees


def _codes_nommes(donnees: dict):
    for nom, valeur in donnees.items():
        if isinstance(valeur, dict) and "regle" in valeur:
            yield nom, valeur["regle"]
        elif isinstance(valeur, dict):
            for sous_nom, sous in valeur.items():
                if isinstance(sous, dict) and "regle" in sous:
                    yield f"{nom}.{sous_nom}", sous["regle"]


def modalites(voie: str, representation_obligatoire: bool | None = None) -> Formulation | None:
    """Modalités d'exercice du recours (CPC:680) ; pour l'appel, selon que la représentation est obligatoire."""
    cle = voie if voie != "appel" else ("appel_avec_representation" if representation_obligatoire
                                         else "appel_sans_representation")
    entree = _donnees()["modalites"].get(cle)
    if not entree:
        return None
    return Formulation(" ".join(entree["texte"].split()), tuple(entree["references"]), entree["regle"])


def article_amende(voie: str) -> str:
    """Article qui prévoit l'amende civile pour un recours abusif ou dilatoire de cette voie."""
    return _donnees()["amende_civile"]["articles"][voie]


def toutes() -> dict[str, Formulation]:
    """Toutes les formulations du fichier, par nom (pour les tests et la documentation)."""
    donnees = _donnees()
    return {f"modalites.{cle}": Formulation(" ".join(e["texte"].split()), tuple(e["references"]), e["regle"])
            for cle, e in donnees["modalites"].items()}


def motif_exige(regle, groupe: int = 0) -> re.Pattern:
    """Expression régulière des formulations qu'une règle `mention_obligatoire` exige (`un_de`, ou un groupe de
    `tous`), sur texte plié ; une phrase de la règle est cherchée telle quelle."""
    from ..analyse.texte import plier

    morceaux = [m.regex.pattern if m.regex is not None else re.escape(plier(m.libelle))
                for m in regle.genre.groupes[groupe]]
    return re.compile("|".join(f"(?:{m})" for m in morceaux))
