"""Actes de styles variés (tests/donnees/robustesse) : aucune fausse alerte `erreur`, chaque faute attendue trouvée."""
from __future__ import annotations

from pathlib import Path

import pytest

from actes import Verificateur
from tests.robustesse_commun import fichiers_du_jeu, lire_attendus, verifier_entree

DOSSIER = Path(__file__).parent / "donnees" / "robustesse"
ATTENDUS = lire_attendus(DOSSIER)


@pytest.fixture(scope="module")
def verificateur():
    return Verificateur()


def test_jeu_complet_et_varie():
    fichiers = fichiers_du_jeu(DOSSIER)
    assert fichiers == sorted(e["fichier"] for e in ATTENDUS)
    assert len(fichiers) >= 16
    assert sum(1 for e in ATTENDUS if not e["attendus"]) >= len(ATTENDUS) // 3
    assert sum(1 for f in fichiers if f.endswith(".docx")) >= 2


@pytest.mark.parametrize("entree", ATTENDUS, ids=[e["fichier"] for e in ATTENDUS])
def test_acte(entree, verificateur):
    verifier_entree(verificateur, DOSSIER, entree)
