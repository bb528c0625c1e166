"""Rédaction de l'acte de signification d'une décision : décision lue + dossier → .docx ou .txt (CPC:648, 678, 680)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .contexte import MARQUE, Manque, construire_contexte
from .dossier import charger_dossier, valider_dossier


@dataclass
class Redaction:
    """Un acte rédigé : son contexte, ce qui y manque, le .docx rendu."""

    contexte: dict
    manques: list[Manque] = field(default_factory=list)
    docx: bytes = b""

    @property
    def est_complet(self) -> bool:
        """Vrai si rien n'est à compléter ni à corriger (aucun manque de gravité erreur ou avertissement)."""
        return not any(m.gravite in ("erreur", "avertissement") for m in self.manques)

    def texte(self) -> str:
        """Version texte de l'acte."""
        from .rendu import texte_docx

        return texte_docx(self.docx)


def rediger_signification(decision: dict, dossier: dict | None = None, *,
                          date_signification: dt.date | None = None) -> Redaction:
    """Acte de signification rempli à partir de la décision lue et du dossier (déjà validé)."""
    from .rendu import rendre_docx

    contexte, manques = construire_contexte(decision, dossier, date_signification=date_signification)
    return Redaction(contexte, manques, rendre_docx(contexte))


__all__ = ["MARQUE", "Manque", "Redaction", "charger_dossier", "construire_contexte", "rediger_signification",
           "valider_dossier"]
