"""SARIF qui porte la correction et la documentation ; `actes expliquer` ; `actes regles --format json`."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from actes.cli import main
from actes.documents.lecture import lire_octets

RACINE = Path(__file__).resolve().parent.parent
ERREURS_DOCX = RACINE / "examples" / "signification-jugement-erreurs.docx"
SCHEMA_SARIF = RACINE / "tests" / "donnees" / "sarif-schema-2.1.0.json"


def _appliquer(texte: str, remplacement: dict) -> str:
    """Applique un remplacement SARIF (lignes et colonnes comptées à partir de 1) à un texte."""
    lignes = texte.split("\n")
    region = remplacement["deletedRegion"]
    ligne = lignes[region["startLine"] - 1]
    lignes[region["startLine"] - 1] = (ligne[:region["startColumn"] - 1] + remplacement["insertedContent"]["text"]
                                       + ligne[region["endColumn"] - 1:])
    return "\n".join(lignes)


def test_sarif_fixes_pour_un_fichier_texte(tmp_path, capsys):
    acte = tmp_path / "acte.txt"
    texte = lire_octets(ERREURS_DOCX.read_bytes(), "a").texte
    acte.write_text(texte, encoding="utf-8")
    main(["verifier", str(acte), "--format", "sarif"])
    journal = json.loads(capsys.readouterr().out)
    jsonschema.Draft4Validator(json.loads(SCHEMA_SARIF.read_text(encoding="utf-8"))).validate(journal)
    (run,) = journal["runs"]
    avec_correctif = {r["ruleId"]: r["fixes"] for r in run["results"] if "fixes" in r}
    assert set(avec_correctif) == {"TERM-TGI-TI", "CPC680-DELAI-ERRONE"}
    remplacements = [f["artifactChanges"][0]["replacements"][0] for fixes in avec_correctif.values() for f in fixes]
    assert {r["insertedContent"]["text"] for r in remplacements} == {"tribunal judiciaire", "un mois"}
    corrige = texte
    for remplacement in sorted(remplacements, key=lambda r: (r["deletedRegion"]["startLine"],
                                                              r["deletedRegion"]["startColumn"]), reverse=True):
        corrige = _appliquer(corrige, remplacement)
    assert "par le tribunal judiciaire de Lyon" in corrige and "dans le délai de un mois" in corrige
    acte.write_text(corrige, encoding="utf-8")
    main(["verifier", str(acte), "--format", "json"])
    codes = [c["code"] for c in json.loads(capsys.readouterr().out)["fichiers"][0]["constats"]]
    assert "TERM-TGI-TI" not in codes and "CPC680-DELAI-ERRONE" not in codes

    regles = {d["id"]: d for d in run["tool"]["driver"]["rules"]}
    delai = regles["CPC680-DELAI-ERRONE"]
    assert delai["fullDescription"]["text"].startswith("Le délai écrit dans l'acte ne correspond pas")
    assert delai["helpUri"].startswith("https://www.legifrance.gouv.fr/search/code?")
    assert "Exemple fautif" in delai["help"]["text"]


def test_sarif_sans_fixes_pour_un_docx(capsys):
    main(["verifier", str(ERREURS_DOCX), "--format", "sarif"])
    journal = json.loads(capsys.readouterr().out)
    assert not any("fixes" in r for r in journal["runs"][0]["results"])     # pas de région de texte dans un zip


def test_expliquer_comme_ruff_rule(capsys):
    assert main(["expliquer", "cpc680-delai-errone"]) == 0
    sortie = capsys.readouterr().out
    assert sortie.startswith("CPC680-DELAI-ERRONE — Délai de recours indiqué faux\n")
    assert "Validité : depuis le 1981-05-14" in sortie
    assert "CPC:680  https://www.legifrance.gouv.fr/search/code?" in sortie
    for titre in ("Ce qu'elle vérifie :", "Pourquoi :", "Exemple fautif :", "Exemple conforme :"):
        assert titre in sortie
    assert main(["expliquer", "TERM-NCPC", "--format", "json"]) == 0
    donnees = json.loads(capsys.readouterr().out)
    assert donnees["code"] == "TERM-NCPC" and donnees["a_verifier"] and "L2007-1787:26" in donnees["liens"]


def test_expliquer_code_inconnu_propose_les_proches(capsys):
    assert main(["expliquer", "CPC680-DELAI-ERONE"]) == 2
    erreur = capsys.readouterr().err
    assert "règle inconnue" in erreur and "CPC680-DELAI-ERRONE" in erreur and "Traceback" not in erreur


def test_regles_json_donne_message_suggestion_et_doc(capsys):
    assert main(["regles", "--format", "json"]) == 0
    regles = {r["code"]: r for r in json.loads(capsys.readouterr().out)}
    regle = regles["CPC680-AMENDE-ABSENTE"]
    assert regle["message"].startswith("L'acte n'indique pas")
    assert "amende civile" in regle["suggestion"]
    assert set(regles["CPC680-DELAI-ERRONE"]["doc"]) == {"quoi", "pourquoi", "fautif", "conforme"}
