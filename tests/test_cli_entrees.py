"""Entrées de la CLI : date du jour par défaut là où la date est facultative, `-` pour l'entrée standard, rapport
JSON validé par son schéma livré."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from actes.rapport.donnees_json import valider

RACINE = Path(__file__).resolve().parent.parent
EXEMPLES = RACINE / "examples"


def actes(*args, entree: str | None = None):
    return subprocess.run([sys.executable, "-m", "actes", *map(str, args)], capture_output=True, text=True,
                          input=entree, timeout=120)


def test_quotite_sans_date_au_bareme_du_jour():
    sans = actes("quotite", "2150")
    assert sans.returncode == 0, sans.stderr
    assert sans.stdout.splitlines()[0] == f"Barème au {dt.date.today():%d/%m/%Y} (date du jour)"
    avec = actes("quotite", "2150", "--date", dt.date.today().strftime("%d/%m/%Y"))
    assert avec.stdout.splitlines()[1:] == sans.stdout.splitlines()[1:]


def test_quotite_date_en_jj_mm_aaaa_comme_en_iso():
    assert actes("quotite", "2150", "--date", "15/03/2026").stdout == \
        actes("quotite", "2150", "--date", "2026-03-15").stdout


def test_cout_date_impossible_code_2_message():
    resultat = actes("cout", "signification_jugement", "--date", "30/02/2026")
    assert resultat.returncode == 2
    assert "n'est pas une date qui existe" in resultat.stderr and "Traceback" not in resultat.stderr


def test_signifier_lit_la_decision_sur_l_entree_standard(tmp_path):
    decision = (EXEMPLES / "decision-exemple.txt").read_text(encoding="utf-8")
    par_fichier = actes("signifier", EXEMPLES / "decision-exemple.txt", "-o", tmp_path / "a.txt")
    par_entree = actes("signifier", "-", "-o", tmp_path / "b.txt", entree=decision)
    assert par_entree.returncode == par_fichier.returncode == 1          # dossier absent : acte à compléter
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == (tmp_path / "a.txt").read_text(encoding="utf-8")


def test_corriger_lit_la_copie_sur_l_entree_standard():
    copie = EXEMPLES / "correction" / "copie-candidat.txt"
    decision = EXEMPLES / "decision-exemple.txt"
    par_fichier = actes("corriger", copie, "--decision", decision)
    par_entree = actes("corriger", "-", "--decision", decision, entree=copie.read_text(encoding="utf-8"))
    assert par_entree.returncode == par_fichier.returncode == 0
    assert par_entree.stdout.splitlines()[-1] == par_fichier.stdout.splitlines()[-1]
    assert par_fichier.stdout.splitlines()[-1].startswith("Note : ")


def test_corriger_lit_la_liste_sur_l_entree_standard():
    acte = EXEMPLES / "correction" / "acte-fautif.txt"
    liste = EXEMPLES / "correction" / "liste-candidat.txt"
    par_fichier = actes("corriger", acte, "--liste", liste)
    par_entree = actes("corriger", acte, "--liste", "-", entree=liste.read_text(encoding="utf-8"))
    assert par_entree.returncode == 0 and par_entree.stdout.splitlines()[-1] == par_fichier.stdout.splitlines()[-1]


def test_entree_standard_une_seule_fois():
    resultat = actes("corriger", "-", "--liste", "-", entree="")
    assert resultat.returncode == 2
    assert resultat.stderr.strip() == "actes : - : l'entrée standard ne peut servir qu'une fois (copie, décision ou liste)"


def test_rapport_hors_schema_refuse():
    bon = {"version": 1, "fichiers": []}
    valider(bon)
    with pytest.raises(ValueError, match="rapport hors schéma"):
        valider({"version": 2, "fichiers": []})


def test_la_suite_valide_chaque_rapport_json_de_la_cli():
    import os

    assert os.environ.get("ACTES_CONTROLE_SCHEMA") == "1"          # posé par conftest.py, hérité par la CLI
    resultat = actes("verifier", EXEMPLES / "signification-jugement-erreurs.docx", "--format", "json")
    assert resultat.returncode == 1 and "Traceback" not in resultat.stderr
    valider(json.loads(resultat.stdout))
