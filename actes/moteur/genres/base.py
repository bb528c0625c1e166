"""Ce que chaque genre reçoit pour vérifier un acte, et ce que les genres partagent."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...analyse import Analyse
from ..motifs import Motif, Recherche, compiler

RE_FIN_PHRASE = re.compile(r"[.;\n]")


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

    def position_du_fait(self, nom: str) -> tuple[int | None, int | None]:
        """Portée du texte d'où l'analyse a tiré le fait (None, None s'il n'en a pas)."""
        return self.analyse.faits.get(f"_position_{nom}") or (None, None)


def compiler_liste(bruts, prefixe: str, chercheur) -> list[Motif]:
    """Motifs compilés d'une liste YAML (clé de Matcher : préfixe + rang)."""
    return [compiler(brut, f"{prefixe}#{rang}", chercheur) for rang, brut in enumerate(bruts or [])]


def date_fr(jour: dt.date) -> str:
    """« 05/06/2026 » : la forme des dates dans les messages des genres."""
    return jour.strftime("%d/%m/%Y")


def phrase_autour(texte: str, debut: int, fin: int) -> tuple[int, int]:
    """Bornes de la phrase (au plus 300 caractères avant, 400 après) qui contient la portée."""
    gauche = max((m.end() for m in RE_FIN_PHRASE.finditer(texte, max(0, debut - 300), debut)),
                 default=max(0, debut - 300))
    droite = RE_FIN_PHRASE.search(texte, fin, fin + 400)
    return gauche, droite.start() if droite else min(len(texte), fin + 400)


class AvecSauf:
    """Genres qui se taisent quand l'acte contient l'un des motifs `sauf` (ex. l'autorisation du juge visée)."""

    def _compiler_sauf(self, regle, donnees: dict, chercheur) -> None:
        self.sauf = compiler_liste(donnees.get("sauf"), f"{regle.code}#sauf", chercheur)

    def excepte(self, ctx: Contexte) -> bool:
        """Vrai si l'un des motifs `sauf` est dans l'acte."""
        return bool(self.sauf) and ctx.recherche.premiere(self.sauf) is not None
