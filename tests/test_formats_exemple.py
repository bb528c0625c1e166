"""Le même acte fautif, converti par LibreOffice en .odt et en .pdf, donne les mêmes constats que le .docx (sauf la
règle de forme, qui ne juge que les documents qui portent leur mise en forme et dont le PDF est exclu)."""
from __future__ import annotations

from pathlib import Path

import pytest

from actes import Verificateur
from actes.documents.lire_pdf import recoller

RACINE = Path(__file__).resolve().parent.parent
DONNEES = RACINE / "tests" / "donnees" / "documents"


@pytest.fixture(scope="module")
def verificateur():
    return Verificateur()


def _codes(verificateur, chemin):
    return [c.code for c in verificateur.verifier(chemin).constats]


def test_odt_et_pdf_donnent_les_constats_du_docx(verificateur):
    docx = _codes(verificateur, RACINE / "examples" / "signification-jugement-erreurs.docx")
    assert _codes(verificateur, DONNEES / "signification-jugement-erreurs.odt") == docx
    assert _codes(verificateur, DONNEES / "signification-jugement-erreurs.pdf") == [
        c for c in docx if c != "CPC680-DELAI-PEU-APPARENT"]


def test_lignes_coupees_recollees_titres_et_paragraphes_courts_gardes():
    lignes = [
        "SIGNIFICATION DE JUGEMENT",
        "rendu le 17 septembre 2026 par le tribunal de ",                     # coupure : espace finale
        "grande instance de Lyon (10e chambre civile), RG n° 25/06120, condamnant Madame Nadia BERGER à payer",
        "la somme de 12 480,00 euros au titre du solde d'un prêt, avec intérêts au taux légal à compter du 6 janvier",
        "2025.",
        "Fait à Lyon",
        "le 3 octobre",
    ]
    assert recoller(lignes) == [
        (0, 0, "SIGNIFICATION DE JUGEMENT"),
        (1, 4, "rendu le 17 septembre 2026 par le tribunal de grande instance de Lyon (10e chambre civile), RG n° "
               "25/06120, condamnant Madame Nadia BERGER à payer la somme de 12 480,00 euros au titre du solde d'un "
               "prêt, avec intérêts au taux légal à compter du 6 janvier 2025."),
        (5, 5, "Fait à Lyon"),
        (6, 6, "le 3 octobre"),
    ]
