"""Jeux de robustesse (actes + corrigé au format du jeu de développement) : lecture et comparaison au rapport."""
from __future__ import annotations

import re
from pathlib import Path

import yaml


def norme(ref: str) -> str:
    """Référence comparable : « CPC:680 », « cpc : 680 » et « CPC:art. 680 » se valent (comme le jeu de développement)."""
    code, _, article = ref.partition(":")
    article = re.sub(r"^(art\.?|article)\s*", "", article.strip(), flags=re.I)
    return (code.strip() + ":" + article).upper().replace(" ", "").replace(".", "")


def refs(entree: dict) -> set[str]:
    return {norme(r) for r in [entree["ref"], *entree.get("alt", [])]}


def lire_attendus(dossier: Path) -> list[dict]:
    return yaml.safe_load((dossier / "attendus.yaml").read_text(encoding="utf-8"))


def fichiers_du_jeu(dossier: Path) -> list[str]:
    return sorted(p.name for p in dossier.iterdir() if p.suffix in (".txt", ".docx"))


def verifier_entree(verificateur, dossier: Path, entree: dict) -> None:
    """Type reconnu, aucune `erreur` hors des articles attendus, chaque attendu signalé (et sa suggestion)."""
    rapport = verificateur.verifier(dossier / entree["fichier"])
    assert rapport.type_acte == entree["type"]
    signales = [c for c in rapport.constats if c.gravite.value in ("erreur", "avertissement")]
    attendues = set().union(*(refs(a) for a in entree["attendus"])) if entree["attendus"] else set()
    fausses = [f"{c.code} {c.message}" for c in signales
               if c.gravite.value == "erreur" and not {norme(r) for r in c.references} & attendues]
    assert not fausses, fausses
    for attendu in entree["attendus"]:
        trouves = [c for c in signales if {norme(r) for r in c.references} & refs(attendu)]
        assert trouves, f"manqué : {attendu['ref']} — {attendu['quoi']}"
        if "suggestion" in attendu:
            assert any(attendu["suggestion"].lower() in (c.suggestion or "").lower() for c in trouves), \
                [c.suggestion for c in trouves]
