"""Actes d'exécution et lettres amiables rédigés à l'aveugle (tests/donnees/robustesse2) : aucune fausse alerte
`erreur`, chaque faute attendue trouvée, avec la reformulation attendue."""
from __future__ import annotations

from pathlib import Path

import pytest

from actes import Verificateur
from tests.robustesse_commun import fichiers_du_jeu, lire_attendus, verifier_entree

DOSSIER = Path(__file__).parent / "donnees" / "robustesse2"
ATTENDUS = lire_attendus(DOSSIER)


@pytest.fixture(scope="module")
def verificateur():
    return Verificateur()


def test_jeu_complet_et_varie():
    fichiers = fichiers_du_jeu(DOSSIER)
    assert fichiers == sorted(e["fichier"] for e in ATTENDUS)
    assert len(fichiers) >= 18
    assert sum(1 for e in ATTENDUS if not e["attendus"]) >= len(ATTENDUS) // 3
    assert sum(1 for f in fichiers if f.endswith(".docx")) >= 4
    assert (DOSSIER / "answers.yaml").resolve() == (DOSSIER / "attendus.yaml").resolve()
    types = {e["type"] for e in ATTENDUS}
    assert {"commandement_saisie_vente", "proces_verbal_saisie_vente", "proces_verbal_saisie_attribution",
            "denonciation_saisie_attribution", "commandement_saisie_remunerations", "commandement_quitter_les_lieux",
            "commandement_payer_clause_resolutoire", "signification_ordonnance_injonction_de_payer",
            "lettre_recouvrement_amiable"} <= types


@pytest.mark.parametrize("entree", ATTENDUS, ids=[e["fichier"] for e in ATTENDUS])
def test_acte(entree, verificateur):
    verifier_entree(verificateur, DOSSIER, entree)
