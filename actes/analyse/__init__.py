"""Analyse d'un document : texte plié, jetons spaCy, dates, heures, montants, citations, sections, type, parties et
faits."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..documents.document import Document
from .citations import Citation, chercher_citations
from .dates import DateTrouvee, chercher_dates
from .faits import lire_faits
from .heures import HeureTrouvee, chercher_heures
from .montants import MontantTrouve, chercher_montants
from .parties import lire_parties
from .sections import Section, decouper
from .texte import plier
from .type_acte import reconnaitre


@dataclass
class Analyse:
    """Tout ce que les règles lisent d'un acte ; positions dans `document.texte`."""

    document: Document
    texte_plie: str
    type_acte: str | None
    types_acte: tuple[str, ...]       # tous les types annoncés par le titre, le principal d'abord
    type_detecte: bool
    date_acte: dt.date | None
    sections: list[Section]
    dates: list[DateTrouvee]
    heures: list[HeureTrouvee]
    montants: list[MontantTrouve]
    citations: list[Citation]
    faits: dict
    parties: dict = field(default_factory=dict)        # requerant, destinataire (Personne), officier, juridiction
    doc: object = field(default=None, repr=False)      # Doc spaCy du texte plié (créé à la demande)

    @property
    def texte(self) -> str:
        """Texte d'origine du document."""
        return self.document.texte

    def section(self, nom: str) -> Section | None:
        """Première section de ce nom."""
        return next((s for s in self.sections if s.nom == nom), None)

    def jetons(self):
        """Doc spaCy du texte plié (segmenté une fois)."""
        if self.doc is None:
            from .nlp import segmenter
            self.doc = segmenter(self.texte_plie)
        return self.doc


def analyser(document: Document, *, type_acte: str | None = None, date: dt.date | None = None) -> Analyse:
    """Analyse complète d'un document ; `type_acte` et `date` imposés l'emportent sur ce qui est lu."""
    texte_plie = plier(document.texte)
    blocs_plies = [texte_plie[d:d + len(b.texte)] for d, b in zip(document.debuts, document.blocs)]
    sections = decouper(blocs_plies, document.debuts, len(texte_plie))
    premieres = {}
    for s in sections:
        premieres.setdefault(s.nom, s)
    dates = chercher_dates(texte_plie)
    heures = chercher_heures(texte_plie)
    objet = premieres.get("objet")
    zone_decision = (objet.debut, objet.fin) if objet else (0, min(3000, len(texte_plie)))
    parties = lire_parties(document.texte, texte_plie, premieres, dates, zone_decision)
    faits = lire_faits(texte_plie, premieres, dates, heures, parties)
    types_lus, _ = reconnaitre(blocs_plies, texte_plie)
    types = (type_acte,) if type_acte else types_lus
    if date is not None:
        faits["date_acte"] = date
    faits["type_acte"] = types[0] if types else None
    return Analyse(
        document=document,
        texte_plie=texte_plie,
        type_acte=types[0] if types else None,
        types_acte=types,
        type_detecte=type_acte is None and bool(types_lus),
        date_acte=faits["date_acte"],
        sections=sections,
        dates=dates,
        heures=heures,
        montants=chercher_montants(texte_plie),
        citations=chercher_citations(texte_plie),
        faits=faits,
        parties=parties,
    )
