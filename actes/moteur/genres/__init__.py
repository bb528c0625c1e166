"""Les genres de règles : une table fermée ; un genre inconnu est une faute de chargement qui nomme les genres admis."""
from __future__ import annotations

from .coherence import Coherence
from .delai import Delai
from .forme import Forme
from .formulation import FormulationInterdite
from .mention import MentionObligatoire

GENRES = {
    "mention_obligatoire": MentionObligatoire,
    "formulation_interdite": FormulationInterdite,
    "delai": Delai,
    "coherence": Coherence,
    "forme": Forme,
}
