"""Les genres de règles : une table fermée ; un genre inconnu est une faute de chargement qui nomme les genres admis.

Tous sont des données sauf `argent` (la seule trappe de code, `TRAPPE = True`) : ses règles nomment un recalcul.
"""
from __future__ import annotations

from .ancre import ValeurPresAncre
from .argent import Argent
from .condition import Condition
from .delai import Delai
from .forme import Forme
from .formulation import FormulationInterdite
from .mention import MentionObligatoire
from .ordre import OrdreDesDates
from .table import ValeurDeTable

GENRES = {
    "mention_obligatoire": MentionObligatoire,
    "formulation_interdite": FormulationInterdite,
    "delai": Delai,
    "forme": Forme,
    "condition": Condition,
    "ordre_des_dates": OrdreDesDates,
    "valeur_de_table": ValeurDeTable,
    "valeur_pres_ancre": ValeurPresAncre,
    "argent": Argent,
}


def regles_a_controle_python(regles) -> list:
    """Les règles dont le genre est une trappe de code (nombre donné par le README)."""
    return [r for r in regles if getattr(GENRES[r.genre_nom], "TRAPPE", False)]
