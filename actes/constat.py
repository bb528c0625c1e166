"""Le modèle des constats : ce qui ne va pas, où, selon quel article, quoi écrire à la place.

Les noms des champs sont les clés JSON du format version 1. Un `Constat` ne sait rien de JSON ni de SARIF.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import Enum


class Gravite(str, Enum):
    """Gravité selon la sanction attachée par la loi."""

    ERREUR = "erreur"                   # nullité, caducité, ou mention fausse
    AVERTISSEMENT = "avertissement"     # sanctionné sur preuve d'un grief, ou bonne pratique
    INFORMATION = "information"         # style, renseignement

    @property
    def rang(self) -> int:
        """0 pour erreur, 1 pour avertissement, 2 pour information (tri)."""
        return ("erreur", "avertissement", "information").index(self.value)


@dataclass(frozen=True)
class Emplacement:
    """Où se trouve le constat : bloc et positions dans son texte ; pour une mention absente, la section attendue."""

    bloc: int
    debut: int
    fin: int
    ligne: int
    colonne: int
    extrait: str
    section: str | None = None


@dataclass(frozen=True)
class Constat:
    """Une non-conformité d'un acte."""

    code: str
    gravite: Gravite
    message: str
    references: tuple[str, ...]
    emplacement: Emplacement
    suggestion: str | None
    regle: str
    a_verifier: str | None = None
    correction: str | None = None       # « remplacer » l'extrait par la suggestion, ou l'« inserer » (mention absente)
    supprime: dict | None = None        # {« genre » : commentaire | configuration, « justification »} : constat tu

    def en_dict(self) -> dict:
        """Dictionnaire prêt pour JSON (format version 1)."""
        donnees = asdict(self)
        donnees["gravite"] = self.gravite.value
        donnees["references"] = list(self.references)
        return donnees

    def taire(self, genre: str, justification: str) -> Constat:
        """Le même constat, tu par un commentaire de l'acte ou par la configuration (il reste listé comme tel)."""
        return replace(self, supprime={"genre": genre, "justification": justification})

    def cle_de_tri(self) -> tuple:
        """Ordre stable : position dans le document, puis code."""
        return (self.emplacement.bloc, self.emplacement.debut, self.gravite.rang, self.code)
