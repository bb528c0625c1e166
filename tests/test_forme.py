"""Genre `forme` : le délai de recours doit être « très apparent » (CPC:680) — gras, souligné ou capitales — dans un
.docx ; sur un texte brut, l'absence de gras ne prouve rien."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

BASE = Path(__file__).parent / "regles" / "actes" / "signification-jugement.txt"
PHRASE = "CETTE DÉCISION PEUT FAIRE L'OBJET D'UN APPEL DANS LE DÉLAI D'UN MOIS À COMPTER DE LA PRÉSENTE SIGNIFICATION."
CODE = "CPC680-DELAI-PEU-APPARENT"


@pytest.fixture(scope="module")
def verificateur():
    from actes import Verificateur

    return Verificateur()


def acte_docx(chemin: Path, morceaux: list[tuple[str, dict]]) -> Path:
    """L'acte de base en .docx, la phrase du délai remplacée par des runs mis en forme (`gras`, `souligne`, `caps`)."""
    document = Document()
    for ligne in BASE.read_text(encoding="utf-8").split("\n"):
        if ligne != PHRASE:
            document.add_paragraph(ligne)
            continue
        paragraphe = document.add_paragraph()
        for texte, forme in morceaux:
            run = paragraphe.add_run(texte)
            run.bold = forme.get("gras")
            run.underline = forme.get("souligne")
            run.font.all_caps = forme.get("caps")
    document.save(str(chemin))
    return chemin


def codes(verificateur, chemin: Path) -> list[str]:
    return [c.code for c in verificateur.verifier(chemin).constats if c.gravite.value != "information"]


DEBUT = "Cette décision peut faire l'objet d'un appel "
FIN = " à compter de la présente signification."


@pytest.mark.parametrize("morceaux", [
    [(PHRASE, {})],                                                                   # capitales du texte
    [(DEBUT, {}), ("dans le délai d'un mois", {"gras": True}), (FIN, {})],
    [(DEBUT, {}), ("dans le délai d'un mois", {"souligne": True}), (FIN, {})],
    [(DEBUT, {}), ("dans le délai d'un mois", {"caps": True}), (FIN, {})],            # w:caps
    [(DEBUT + "dans le délai d'un mois" + FIN, {"gras": True})],
], ids=["capitales", "gras", "souligne", "petites-capitales-w-caps", "phrase-en-gras"])
def test_delai_mis_en_evidence_est_silencieux(verificateur, tmp_path, morceaux):
    assert CODE not in codes(verificateur, acte_docx(tmp_path / "acte.docx", morceaux))


def test_delai_en_caracteres_ordinaires_est_signale(verificateur, tmp_path):
    chemin = acte_docx(tmp_path / "acte.docx", [(DEBUT + "dans le délai d'un mois" + FIN, {})])
    rapport = verificateur.verifier(chemin)
    (constat,) = [c for c in rapport.constats if c.code == CODE]
    assert [c.code for c in rapport.constats if c.gravite.value != "information"] == [CODE]
    assert constat.gravite.value == "avertissement"
    assert constat.references == ("CPC:680",)
    assert constat.emplacement.extrait == "dans le délai d'un mois"
    assert constat.suggestion == "Mettre la mention du délai en gras ou en capitales."


def test_texte_brut_ne_se_prononce_pas(verificateur):
    from actes.documents import document_de_texte

    texte = BASE.read_text(encoding="utf-8").replace(PHRASE, DEBUT + "dans le délai d'un mois" + FIN)
    rapport = verificateur.verifier(document_de_texte(texte))
    assert CODE not in [c.code for c in rapport.constats]
