"""Ce que chaque genre reçoit pour vérifier un acte."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...analyse import Analyse
from ..motifs import Motif, Recherche, compiler


@dataclass
class Contexte:
    """L'acte analysé, les positions de tous les motifs, et le jour qui fixe le droit applicable."""

    analyse: Analyse
    recherche: Recherche
    jour: dt.date

    def dans_sections(self, positions: list[tuple[int, int]], noms: list[str]) -> list[tuple[int, int]]:
        """Positions comprises dans l'une des sections nommées."""
        portees = [(s.debut, s.fin) for s in self.analyse.sections if s.nom in noms]
        return [p for p in positions if any(d <= p[0] < f for d, f in portees)]


def compiler_liste(bruts, prefixe: str, chercheur) -> list[Motif]:
    """Motifs compilés d'une liste YAML (clé de Matcher : préfixe + rang)."""
    return [compiler(brut, f"{prefixe}#{rang}", chercheur) for rang, brut in enumerate(bruts or [])]
