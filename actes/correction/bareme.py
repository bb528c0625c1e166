"""Barème de correction (regles/correction/bareme.yaml) : points par élément, par faute d'exercice, en Decimal."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from ..donnees import lire_dossier_utilisateur, lire_yaml
from ..erreurs import EntreeInvalide
from ..ressources import dossier_regles

CENTIME = Decimal("0.01")


@dataclass(frozen=True)
class Element:
    """Un point du barème de la copie."""

    code: str
    libelle: str
    points: Decimal
    references: tuple[str, ...]
    constats: tuple[str, ...] = ()


@dataclass(frozen=True)
class Bareme:
    """Barème complet : éléments de la copie, retraits du point « mentions », points des fautes d'une liste et part
    de la reformulation."""

    sur: Decimal
    elements: dict[str, Element]
    retraits: dict[str, Decimal]
    points_exercice: dict[str, Decimal]
    reformulation: dict[str, Decimal]

    def element_du_constat(self, code_regle: str) -> str | None:
        """Élément du barème auquel le constat de cette règle est rattaché ; None pour le point « mentions »."""
        for element in self.elements.values():
            if code_regle in element.constats:
                return element.code
        return None


def _decimal(valeur, chemin: str) -> Decimal:
    if not isinstance(valeur, str):
        raise EntreeInvalide(chemin, "montant de points attendu entre guillemets (jamais un nombre flottant)")
    try:
        return Decimal(valeur)
    except InvalidOperation:
        raise EntreeInvalide(chemin, f"« {valeur} » n'est pas un nombre") from None


@lru_cache(maxsize=4)
def charger_bareme(chemin: str | None = None) -> Bareme:
    """Barème livré avec le paquet, ou celui du formateur (même forme) ; une clé absente est une `EntreeInvalide`."""
    if chemin is None:
        chemin = dossier_regles() / "correction" / "bareme.yaml"
        donnees = lire_yaml(chemin)
    else:
        donnees = lire_dossier_utilisateur(chemin)
    try:
        return _bareme(donnees, chemin)
    except (KeyError, TypeError, AttributeError) as exc:
        raise EntreeInvalide(chemin, f"barème incomplet ({exc}) : reprendre la forme de regles/correction/bareme.yaml"
                             ) from None


def _bareme(donnees: dict, chemin) -> Bareme:
    elements = {}
    for code, definition in donnees["copie"].items():
        elements[code] = Element(code, definition["libelle"], _decimal(definition["points"], f"{chemin}:{code}"),
                                 tuple(definition.get("references") or ()), tuple(definition.get("constats") or ()))
    retraits = {g: _decimal(v, f"{chemin}:mentions") for g, v in donnees["copie"]["mentions"]["retrait"].items()}
    exercice = {g: _decimal(v, f"{chemin}:exercice") for g, v in donnees["exercice"]["points"].items()}
    reformulation = {c: _decimal(v, f"{chemin}:reformulation") for c, v in donnees["exercice"]["reformulation"].items()}
    return Bareme(_decimal(donnees["sur"], f"{chemin}:sur"), elements, retraits, exercice, reformulation)


def note_sur(obtenus: Decimal, possibles: Decimal, sur: Decimal) -> Decimal:
    """Note ramenée au total du barème, bornée à [0, sur], arrondie au centime (ROUND_HALF_UP)."""
    if possibles <= 0:
        return sur.quantize(CENTIME)
    note = min(max(obtenus, Decimal(0)) * sur / possibles, sur)
    return note.quantize(CENTIME, rounding=ROUND_HALF_UP)
