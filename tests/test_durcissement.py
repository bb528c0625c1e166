"""Entrées et sorties hostiles : chaque cas finit par un rapport ou par un message en français et le code 2.

Les entrées sont construites par les tests (aucun gros fichier stocké).
"""
from __future__ import annotations

import io
import json
import random
import string
from pathlib import Path

import docx
import pytest

from actes.cli import main
from actes.documents.garde import TEXTE_MAX

RACINE = Path(__file__).resolve().parent.parent
CONFORME = RACINE / "tests" / "regles" / "actes" / "signification-jugement.txt"
DECISION = RACINE / "examples" / "decision-exemple.txt"


def lancer(capsys, *args) -> tuple[int, str, str]:
    """Code de sortie, sortie standard et sortie d'erreur de `actes ARGS` lancé dans ce processus."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:          # argparse
        code = exc.code
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err
    return code, sortie.out, sortie.err


def _docx(texte: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(texte)
    flux = io.BytesIO()
    document.save(flux)
    return flux.getvalue()


# 1. Texte trop long : une erreur pour ce fichier seulement, le lot continue, code 2.

@pytest.mark.parametrize("format_", ["txt", "docx"])
def test_texte_trop_long_erreur_pour_ce_fichier_seul(tmp_path, capsys, format_):
    hasard = random.Random(13)          # texte peu compressible : pas une bombe zip
    mots = " ".join("".join(hasard.choices(string.ascii_lowercase, k=7)) for _ in range(TEXTE_MAX // 8 + 10))
    texte = "SIGNIFICATION DE JUGEMENT\n" + mots
    long = tmp_path / f"long.{format_}"
    if format_ == "txt":
        long.write_text(texte, encoding="utf-8")
    else:
        long.write_bytes(_docx(texte))
    code, sortie, erreur = lancer(capsys, "verifier", long, CONFORME, "--format", "json")
    assert code == 2
    fichiers = json.loads(sortie)["fichiers"]
    assert fichiers[0]["chemin"] == str(long) and "texte trop long" in fichiers[0]["erreur"]
    assert "limite 1\u202f000\u202f000" in fichiers[0]["erreur"]
    assert fichiers[1]["type_acte"] == "signification_jugement" and "erreur" not in fichiers[1]
    assert erreur.count("texte trop long") == 1


def test_texte_trop_long_corriger_et_api(tmp_path, capsys):
    from actes import verifier
    from actes.erreurs import TexteTropLong

    copie = tmp_path / "copie.txt"
    copie.write_text("x " * (TEXTE_MAX // 2 + 1), encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "corriger", copie, "--decision", DECISION)
    assert code == 2 and "texte trop long" in erreur
    code, _sortie, erreur = lancer(capsys, "lire-decision", copie)
    assert code == 2 and "texte trop long" in erreur
    with pytest.raises(TexteTropLong):
        verifier(copie)
