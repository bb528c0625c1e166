"""Reconnaissance du type d'acte d'après son titre (données : `regles/types.yaml`)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..donnees import lire_yaml
from ..ressources import dossier_regles

BLOCS_DU_TITRE = 20


@lru_cache(maxsize=1)
def types_connus() -> dict[str, dict]:
    """Types d'actes : libellé et motifs compilés (titre, corps)."""
    donnees = lire_yaml(dossier_regles() / "types.yaml")
    return {
        nom: {
            "libelle": d["libelle"],
            "titre": [re.compile(m) for m in d.get("titre", [])],
            "corps": [re.compile(m) for m in d.get("corps", [])],
        }
        for nom, d in donnees.items()
    }


def reconnaitre(blocs_plies: list[str], texte_plie: str) -> tuple[str | None, int | None]:
    """Type d'acte et rang du bloc qui l'a révélé (None si inconnu)."""
    vus = 0
    for rang, texte in enumerate(blocs_plies):
        texte = texte.strip()
        if not texte:
            continue
        vus += 1
        if vus > BLOCS_DU_TITRE:
            break
        if len(texte) > 160:
            continue                    # un titre est court ; une phrase longue n'en est pas un
        for nom, definition in types_connus().items():
            if any(m.search(texte) for m in definition["titre"]):
                return nom, rang
    for nom, definition in types_connus().items():
        if any(m.search(texte_plie) for m in definition["corps"]):
            return nom, None
    return None, None
