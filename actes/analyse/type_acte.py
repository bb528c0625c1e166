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


def reconnaitre(blocs_plies: list[str], texte_plie: str) -> tuple[tuple[str, ...], int | None]:
    """Types d'acte annoncés par le titre (le principal d'abord : un acte peut en réunir plusieurs, comme la
    « signification de jugement et commandement de payer aux fins de saisie-vente »), et le rang du bloc du titre."""
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
        trouves = []                    # (début, fin, nom) : le premier type du fichier l'emporte sur un chevauchement
        for nom, definition in types_connus().items():
            m = next((m for m in (r.search(texte) for r in definition["titre"]) if m), None)
            if m and not any(m.start() < fin and debut < m.end() for debut, fin, _ in trouves):
                trouves.append((m.start(), m.end(), nom))
        if trouves:
            return tuple(nom for _, _, nom in sorted(trouves)), rang
    for nom, definition in types_connus().items():
        if any(m.search(texte_plie) for m in definition["corps"]):
            return (nom,), None
    return (), None
