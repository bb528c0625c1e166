"""Ce que fait un utilisateur : installer la roue construite dans un environnement neuf et lancer `actes verifier`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent


@pytest.mark.lent
def test_la_roue_installee_verifie_un_exemple(tmp_path):
    roues = tmp_path / "roues"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(roues), str(RACINE)],
                   check=True, capture_output=True, cwd=tmp_path)
    roue = next(roues.glob("actes-*.whl"))
    dossier_env = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(dossier_env)
    python = dossier_env / "bin" / "python"
    # Les dépendances viennent de l'environnement de test (pas de réseau) ; la roue, elle, est installée pour de vrai.
    site_env = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              check=True, capture_output=True, text=True).stdout.strip()
    Path(site_env, "dependances-de-test.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(roue)],
                   check=True, capture_output=True)
    exemple = RACINE / "tests" / "regles" / "actes" / "signification-jugement.txt"
    environnement = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    resultat = subprocess.run([str(dossier_env / "bin" / "actes"), "verifier", str(exemple), "--format", "json"],
                              capture_output=True, text=True, cwd=tmp_path, env=environnement)
    assert resultat.returncode == 0, resultat.stderr
    rapport = json.loads(resultat.stdout)
    assert rapport["version"] == 1
    assert rapport["fichiers"][0]["type_acte"] == "signification_jugement"
    assert rapport["fichiers"][0]["constats"] == []
    origine = subprocess.run([str(python), "-c", "import actes, actes.regles; print(actes.__file__)"],
                             capture_output=True, text=True, cwd=tmp_path, env=environnement).stdout
    assert str(dossier_env) in origine          # c'est bien la roue qui a servi, pas les sources
