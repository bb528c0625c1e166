"""Commandes interets, decompte, cout, echeancier, quotite : sorties JSON documentées, code 2 sur entrée fautive."""
import json
from pathlib import Path

import docx

from actes.cli import main

DOSSIER = Path(__file__).parent / "donnees" / "argent" / "dossier-decompte.yaml"


def _json(capsys, *argv):
    assert main([*argv, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_interets_json(capsys):
    sortie = _json(capsys, "interets", "12500", "--depuis", "2024-03-15", "--jusqu-au", "2024-08-10",
                   "--majoration-depuis", "2024-08-01")
    assert [set(l) >= {"du", "au", "jours", "base", "taux", "montant"} for l in sortie["lignes"]] == [True] * 3
    assert sortie["lignes"][0] == {**sortie["lignes"][0], "du": "2024-03-15", "au": "2024-07-01", "jours": 108,
                                   "base": 365, "taux": "8.01", "montant": "296.26"}
    # 12 500 × 8,16 × 31 / 36 500 = 86,6301 → 86,63 ; 12 500 × 13,16 × 9 / 36 500 = 40,5616 → 40,56
    assert [l["montant"] for l in sortie["lignes"]] == ["296.26", "86.63", "40.56"]
    assert sortie["lignes"][2]["taux"] == "13.16" and sortie["total"] == "423.45"


def test_interets_texte_et_executoire(capsys):
    assert main(["interets", "1000", "--depuis", "2024-01-01", "--jusqu-au", "2024-12-31", "--executoire",
                 "2024-03-15", "--categorie", "autres"]) == 0
    sortie = capsys.readouterr().out
    assert "Majoration de cinq points à compter du 15/05/2024" in sortie and "10,07 %" in sortie


def test_interets_entree_fautive_code_2(capsys):
    assert main(["interets", "douze", "--depuis", "2024-01-01", "--jusqu-au", "2024-12-31"]) == 2
    assert capsys.readouterr().err.startswith("actes : montant : « douze » n'est pas un montant")
    assert main(["interets", "100", "--depuis", "2024-02-30", "--jusqu-au", "2024-12-31"]) == 2
    assert main(["interets", "100", "--depuis", "2024-01-01", "--jusqu-au", "2024-12-31", "--taux", "4",
                 "--executoire", "2024-01-01"]) == 2
    assert "CMF:L313-3" in capsys.readouterr().err


def test_decompte_json_texte_et_docx(capsys, tmp_path):
    sortie = _json(capsys, "decompte", str(DOSSIER))
    assert sortie["au"] == "2026-06-30" and sortie["total_du"] == "14810.92"
    assert {"libelle", "montant", "references"} <= set(sortie["lignes"][0])
    assert main(["decompte", str(DOSSIER), "--au", "2026-03-31"]) == 0
    assert "Décompte arrêté au 31/03/2026" in capsys.readouterr().out
    cible = tmp_path / "decompte.docx"
    assert main(["decompte", str(DOSSIER), "--format", "docx", "-o", str(cible)]) == 0
    assert docx.Document(str(cible)).tables[0].rows[-1].cells[0].text == "TOTAL DÛ"
    assert main(["decompte", str(DOSSIER), "--format", "docx"]) == 2
    assert main(["decompte", str(DOSSIER), "-o", str(DOSSIER)]) == 2  # jamais sur le fichier d'entrée
    assert main(["decompte", str(tmp_path / "absent.yaml")]) == 2


def test_decompte_json_reproductible(capsys):
    premiere = _json(capsys, "decompte", str(DOSSIER))
    assert _json(capsys, "decompte", str(DOSSIER)) == premiere


def test_cout_json(capsys):
    sortie = _json(capsys, "cout", "signification_jugement", "--date", "2025-05-02", "--montant", "5000",
                   "--debours", "2,16")
    assert (sortie["total_ht"], sortie["tva"], sortie["total_ttc"]) == ("60.98", "12.20", "75.34")
    assert [l["montant"] for l in sortie["lignes"]] == ["51.58", "9.40", "2.16"]
    assert main(["cout", "signification_jugement", "--date", "2026-05-02"]) == 2


def test_echeancier_json(capsys):
    sortie = _json(capsys, "echeancier", "4800", "--mois", "24", "--premiere", "2027-01-05")
    assert len(sortie["echeances"]) == 24 and sortie["echeances"][-1] == {**sortie["echeances"][-1],
                                                                          "date": "2028-12-05", "montant": "200.00"}
    assert sortie["total"] == "4800.00" and sortie["alertes"] == []


def test_quotite_json(capsys):
    sortie = _json(capsys, "quotite", "2150", "--personnes-a-charge", "2", "--date", "2024-06-01")
    assert sortie["quotite_saisissable"] == "418.25" and len(sortie["lignes"]) == 7
    assert sortie["solde_bancaire_insaisissable"] == "635.71"
