"""Heures d'un acte : « à 14 h 30 », « 10h00 », « 9 heures 15 », « à quatorze heures »."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .nombres import MOTIF_NOMBRE_EN_LETTRES, lire_nombre_en_lettres

RE_HEURE = re.compile(
    r"(?<![\d,.])(?P<h>[0-2]?\d)\s*(?:h|heures?)\s*(?P<m>[0-5]\d)?(?![\d])(?!\s*(?:%|eur))")
RE_HEURE_LETTRES = re.compile(rf"\b(?P<h>{MOTIF_NOMBRE_EN_LETTRES})\s+heures?(?:\s+(?P<m>{MOTIF_NOMBRE_EN_LETTRES}))?\b")


@dataclass(frozen=True)
class HeureTrouvee:
    """Une heure lue dans le texte, avec sa position."""

    debut: int
    fin: int
    heure: dt.time


def chercher_heures(texte_plie: str) -> list[HeureTrouvee]:
    """Heures du texte plié, dans l'ordre."""
    trouvees = []
    for m in RE_HEURE.finditer(texte_plie):
        h, mn = int(m.group("h")), int(m.group("m") or 0)
        if h <= 23:
            trouvees.append(HeureTrouvee(m.start(), m.end(), dt.time(h, mn)))
    for m in RE_HEURE_LETTRES.finditer(texte_plie):
        h = lire_nombre_en_lettres(m.group("h"))
        mn = lire_nombre_en_lettres(m.group("m")) if m.group("m") else 0
        if h is not None and h <= 23 and mn is not None and mn < 60:
            trouvees.append(HeureTrouvee(m.start(), m.end(), dt.time(h, mn)))
    trouvees.sort(key=lambda x: x.debut)
    return trouvees
