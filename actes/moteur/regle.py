"""Une règle chargée : ce qu'elle vérifie (son genre), à quels actes, à quelles dates, selon quels articles."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..constat import Gravite


@dataclass(frozen=True)
class Trouvaille:
    """Ce qu'un genre a trouvé : une portée du texte (ou None : mention absente) et les valeurs du message."""

    debut: int | None = None
    fin: int | None = None
    valeurs: dict = field(default_factory=dict)
    suggestion: str | None = None
    section: str | None = None
    references: tuple[str, ...] | None = None       # remplace celles de la règle (ex. délai d'une autre base)
    correction: str | None = None                   # « remplacer » la portée ou y « inserer » la suggestion


@dataclass
class Regle:
    """Une règle déclarative ; `genre` est l'objet qui sait la vérifier."""

    code: str
    titre: str
    gravite: Gravite
    message: str
    references: tuple[str, ...]
    genre_nom: str
    fichier: str
    ligne: int
    genre: Any = None
    actes: tuple[str, ...] | None = None
    sauf_actes: tuple[str, ...] = ()
    si: dict = field(default_factory=dict)
    depuis: dt.date | None = None
    jusqu_au: dt.date | None = None
    a_verifier: str | None = None
    suggestion: str | None = None
    section: str | None = None
    doc: dict = field(default_factory=dict)
    correction: dict = field(default_factory=dict)   # mots-clés de la correction, fautes des exercices

    def en_vigueur(self, jour: dt.date) -> bool:
        """Vrai si la règle est en vigueur au jour donné (validité depuis … jusqu'au … inclus)."""
        return (self.depuis is None or self.depuis <= jour) and (self.jusqu_au is None or jour <= self.jusqu_au)

    def s_applique_au_type(self, types_acte: tuple[str, ...]) -> bool:
        """Vrai si la règle vise l'un des types de l'acte (une règle sans `actes` vise tous les actes)."""
        if any(t in self.sauf_actes for t in types_acte):
            return False
        return self.actes is None or any(t in self.actes for t in types_acte)

    def conditions_remplies(self, faits: dict) -> bool:
        """Vrai si chaque condition `si` est remplie par les faits de l'acte (« connu » / « inconnu » admis)."""
        for nom, attendu in self.si.items():
            valeur = faits.get(nom)
            permis = attendu if isinstance(attendu, list) else [attendu]
            if "connu" in permis and valeur is not None:
                continue
            if "inconnu" in permis and valeur is None:
                continue
            if valeur not in permis:
                return False
        return True

    def resume(self) -> dict:
        """Description pour `actes regles` (JSON)."""
        return {
            "code": self.code,
            "titre": self.titre,
            "gravite": self.gravite.value,
            "genre": self.genre_nom,
            "references": list(self.references),
            "actes": list(self.actes) if self.actes else None,
            "depuis": self.depuis.isoformat() if self.depuis else None,
            "jusqu_au": self.jusqu_au.isoformat() if self.jusqu_au else None,
            "a_verifier": self.a_verifier,
            "fichier": self.fichier,
            "message": self.message,
            "suggestion": self.suggestion,
            "doc": dict(self.doc),
        }
