"""La ligne de commande comme un utilisateur la lance : codes de sortie, messages en français, fichiers illisibles."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent
CONFORME = RACINE / "tests" / "regles" / "actes" / "signification-jugement.txt"


def actes(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "actes", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_acte_conforme_code_0_et_resume():
    resultat = actes("verifier", CONFORME)
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.strip().endswith("1 fichier vérifié : 0 erreur(s), 0 avertissement(s), 0 information(s)")


def test_acte_fautif_code_1_format_compilateur(tmp_path):
    fautif = tmp_path / "fautif.txt"
    fautif.write_text(CONFORME.read_text(encoding="utf-8").replace("tribunal judiciaire de Lyon",
                                                                   "tribunal de grande instance de Lyon"),
                      encoding="utf-8")
    resultat = actes("verifier", fautif)
    assert resultat.returncode == 1
    premiere = resultat.stdout.splitlines()[0]
    assert premiere.startswith(f"{fautif}:19:83: ")
    assert " TERM-TGI-TI erreur " in premiere and premiere.endswith("[L2019-222:95]")
    assert resultat.stdout.splitlines()[1] == "    suggestion : « tribunal judiciaire »"


def test_fichier_illisible_n_empeche_pas_les_autres(tmp_path):
    faux_docx = tmp_path / "image.docx"
    faux_docx.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    resultat = actes("verifier", faux_docx, tmp_path / "absent.txt", CONFORME, "--format", "json")
    assert resultat.returncode == 2
    assert "Traceback" not in resultat.stderr
    fichiers = json.loads(resultat.stdout)["fichiers"]
    assert [f["chemin"] for f in fichiers] == [str(faux_docx), str(tmp_path / "absent.txt"), str(CONFORME)]
    assert fichiers[0]["erreur"] and fichiers[1]["erreur"]
    assert fichiers[2]["type_acte"] == "signification_jugement" and "erreur" not in fichiers[2]
    assert str(faux_docx) in resultat.stderr and str(tmp_path / "absent.txt") in resultat.stderr


@pytest.mark.parametrize("contenu, mot", [
    (b"", "vide"),
    (b"PK\x03\x04tronque", "archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "mot de passe"),
])
def test_entrees_defectueuses_message_francais_et_code_2(tmp_path, contenu, mot):
    chemin = tmp_path / "acte.docx"
    chemin.write_bytes(contenu)
    resultat = actes("verifier", chemin)
    assert resultat.returncode == 2
    assert "Traceback" not in resultat.stderr
    assert str(chemin) in resultat.stderr and mot in resultat.stderr.lower()


def test_bombe_zip_refusee_sans_la_decompresser(tmp_path):
    chemin = tmp_path / "bombe.docx"
    with zipfile.ZipFile(chemin, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    resultat = actes("verifier", chemin)
    assert resultat.returncode == 2 and "Traceback" not in resultat.stderr
    assert str(chemin) in resultat.stderr


def test_option_inconnue_et_date_invalide_code_2():
    assert actes("verifier", CONFORME, "--date", "2026-13-01").returncode == 2
    resultat = actes("verifier", CONFORME, "--type", "inexistant")
    assert resultat.returncode == 2 and "type d'acte « inexistant » inconnu" in resultat.stderr


def test_sortie_dans_un_fichier_jamais_sur_l_entree(tmp_path):
    copie = tmp_path / "acte.txt"
    copie.write_text(CONFORME.read_text(encoding="utf-8"), encoding="utf-8")
    avant = copie.read_bytes()
    resultat = actes("verifier", copie, "-o", copie)
    assert resultat.returncode == 2 and copie.read_bytes() == avant
    rapport = tmp_path / "rapport.json"
    assert actes("verifier", copie, "--format", "json", "-o", rapport).returncode == 0
    assert json.loads(rapport.read_text(encoding="utf-8"))["fichiers"][0]["constats"] == []


def test_texte_pathologique_reste_rapide(tmp_path):
    chemin = tmp_path / "long.txt"
    chemin.write_text("A LA REQUETE DE " + "a" * 400_000 + " 1 " * 50_000 + "le 12 " * 20_000, encoding="utf-8")
    resultat = actes("verifier", chemin, "--format", "json")
    assert resultat.returncode in (0, 1), resultat.stderr


def test_regles_json_liste_les_cles_documentees():
    resultat = actes("regles", "--format", "json")
    assert resultat.returncode == 0
    regles = json.loads(resultat.stdout)
    assert {"code", "titre", "gravite", "references", "depuis", "jusqu_au", "fichier"} <= set(regles[0])
    assert len({(r["code"], r["depuis"]) for r in regles}) == len(regles)
