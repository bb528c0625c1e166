"""Actes de styles variés (tests/donnees/robustesse) : aucune fausse alerte `erreur`, chaque faute attendue trouvée."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from actes import Verificateur

DOSSIER = Path(__file__).parent / "donnees" / "robustesse"
ATTENDUS = yaml.safe_load((DOSSIER / "attendus.yaml").read_text(encoding="utf-8"))


def _norme(ref: str) -> str:
    """Référence comparable : « CPC:680 », « cpc : 680 » et « CPC:art. 680 » se valent (comme le jeu de développement)."""
    code, _, article = ref.partition(":")
    article = re.sub(r"^(art\.?|article)\s*", "", article.strip(), flags=re.I)
    return (code.strip() + ":" + article).upper().replace(" ", "").replace(".", "")


def _refs(entree: dict) -> set[str]:
    return {_norme(r) for r in [entree["ref"], *entree.get("alt", [])]}


@pytest.fixture(scope="module")
def verificateur():
    return Verificateur()


def test_jeu_complet_et_varie():
    fichiers = sorted(p.name for p in DOSSIER.iterdir() if p.suffix in (".txt", ".docx"))
    assert fichiers == sorted(e["fichier"] for e in ATTENDUS)
    assert len(fichiers) >= 16
    assert sum(1 for e in ATTENDUS if not e["attendus"]) >= len(ATTENDUS) // 3
    assert sum(1 for f in fichiers if f.endswith(".docx")) >= 2


@pytest.mark.parametrize("entree", ATTENDUS, ids=[e["fichier"] for e in ATTENDUS])
def test_acte(entree, verificateur):
    rapport = verificateur.verifier(DOSSIER / entree["fichier"])
    assert rapport.type_acte == entree["type"]
    signales = [c for c in rapport.constats if c.gravite.value in ("erreur", "avertissement")]
    attendues = set().union(*(_refs(a) for a in entree["attendus"])) if entree["attendus"] else set()
    fausses = [f"{c.code} {c.message}" for c in signales
               if c.gravite.value == "erreur" and not {_norme(r) for r in c.references} & attendues]
    assert not fausses, fausses
    for attendu in entree["attendus"]:
        trouves = [c for c in signales if {_norme(r) for r in c.references} & _refs(attendu)]
        assert trouves, f"manqué : {attendu['ref']} — {attendu['quoi']}"
        if "suggestion" in attendu:
            assert any(attendu["suggestion"].lower() in (c.suggestion or "").lower() for c in trouves), \
                [c.suggestion for c in trouves]
