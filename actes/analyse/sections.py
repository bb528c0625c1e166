"""Sections d'un acte (date, requérant, officier, destinataire, objet, voies de recours, modalités de remise, coût…).

Les marqueurs sont des données (`regles/sections.yaml`) : un bloc ouvre une section quand son début y répond.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..donnees import lire_yaml
from ..ressources import dossier_regles


@dataclass(frozen=True)
class Section:
    """Une section : son nom et sa portée dans le texte entier [debut, fin)."""

    nom: str
    debut: int
    fin: int


@lru_cache(maxsize=1)
def marqueurs() -> dict[str, list[re.Pattern]]:
    """Motifs d'ouverture de chaque section, compilés une fois."""
    donnees = lire_yaml(dossier_regles() / "sections.yaml")
    return {nom: [re.compile(m) for m in d["debut"]] for nom, d in donnees.items()}


def decouper(blocs_plies: list[str], debuts: list[int], longueur: int) -> list[Section]:
    """Sections du document, dans l'ordre ; un nom peut revenir (plusieurs portées)."""
    ouvertures: list[tuple[int, str]] = []
    for rang, texte in enumerate(blocs_plies):
        tete = texte.lstrip(" \t-*•>").lstrip()[:200]
        if not tete:
            continue
        for nom, motifs in marqueurs().items():
            if any(m.match(tete) for m in motifs):
                if not ouvertures or ouvertures[-1][1] != nom:     # deux blocs de suite : une seule section
                    ouvertures.append((rang, nom))
                break
    sections = []
    if ouvertures and ouvertures[0][0] > 0:
        sections.append(Section("entete", 0, debuts[ouvertures[0][0]] - 1))
    for i, (rang, nom) in enumerate(ouvertures):
        fin = debuts[ouvertures[i + 1][0]] - 1 if i + 1 < len(ouvertures) else longueur
        sections.append(Section(nom, debuts[rang], max(fin, debuts[rang])))
    return sections
