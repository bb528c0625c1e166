"""Lecture de décisions réelles publiées (corpus de développement, copié dans tests/donnees/decisions)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from actes.decisions import analyser_decision
from actes.decisions.montants import nombre_en_lettres, trouver_montants
from actes.decisions.texte import normaliser

DONNEES = Path(__file__).parent / "donnees" / "decisions"


def test_lit_un_jugement_jcp_repute_contradictoire():
    # Attendus écrits à la main depuis le texte (TJ Paris, JCP, 15/12/2023, RG 23/05254)
    r = analyser_decision(DONNEES / "tj-paris-jcp-2023-12-15-23-05254.txt")
    assert r["juridiction"] == {"type": "tribunal_judiciaire", "ville": "Paris"}
    assert (r["date"], r["numero_rg"], r["type_decision"]) == ("2023-12-15", "23/05254", "jugement")
    assert (r["nature"], r["ressort"], r["execution_provisoire"]) == ("repute_contradictoire", "premier", "de_droit")
    assert r["formation"]["juge"] == "juge_des_contentieux_de_la_protection"
    assert [(p["nom"], p["role"]) for p in r["parties"]] == [
        ("BNP PARIBAS", "demandeur"), ("Monsieur Amélie Édouard Catherine", "defendeur")]
    assert [(c["objet"], c["montant"]) for c in r["condamnations"]] == [("principal", "12736.01"), ("depens", None)]
    voie = r["voie_de_recours"]
    assert (voie["voie"], voie["delai"], voie["juridiction"], voie["siege"]) == ("appel", "1 mois", "cour d'appel de Paris", "Paris")
    assert "RAPPELLE" in r["preuves"]["execution_provisoire"]


def test_lit_une_source_tokenisee_et_repete_la_somme_due_a_chacun():
    # CA Aix, 25/3/2010 : « la somme de 600 euros chacun » à deux bénéficiaires ; texte tokenisé « d' appel »
    r = analyser_decision(DONNEES / "ca-aix-2010-03-25-09-00907-refere-pp.txt")
    assert r["juridiction"] == {"type": "cour_d_appel", "ville": "Aix-en-Provence"}
    assert r["type_decision"] == "ordonnance_de_refere" and r["nature"] == "contradictoire"
    assert [c["montant"] for c in r["condamnations"] if c["montant"]] == ["600.00", "600.00"]
    assert len(r["parties"]) == 4
    assert r["execution_provisoire"] is None and "execution_provisoire" in r["raisons"]


def test_tribunal_de_commerce_refere_va_devant_la_cour_d_angers_et_ignore_les_frais_de_greffe_liquides():
    r = analyser_decision(DONNEES / "tcom-le-mans-2024-10-22-2024006456-refere.txt")
    assert r["juridiction"] == {"type": "tribunal_de_commerce", "ville": "Le Mans"}
    assert [c["montant"] for c in r["condamnations"]] == [None]          # dépens seuls ; 57,72 € = part liquidée
    assert [(p["nom"], p["role"], p["avocat"]) for p in r["parties"]] == [
        ("La société [A]", "demandeur", "[B]"), ("La société [C]", "defendeur", None)]
    voie = r["voie_de_recours"]
    assert (voie["voie"], voie["delai"], voie["juridiction"]) == ("appel", "15 jours", "cour d'appel d'Angers")


def test_interets_depuis_des_dates_differentes():
    r = analyser_decision(DONNEES / "tj-bordeaux-2023-12-19-22-05028.txt")
    assert [(c["montant"], c["depuis"]) for c in r["condamnations"] if c["montant"]] == [
        ("6720.00", "2020-12-14"), ("580.00", "2021-01-14"), ("1500.00", None)]


def test_mesure_d_administration_judiciaire_sans_recours_ni_nature():
    r = analyser_decision(DONNEES / "tcom-la-roche-sur-yon-2024-12-11-2022004816.txt")
    assert r["nature"] is None and "nature" in r["raisons"]
    assert r["voie_de_recours"]["voie"] == "aucune"
    assert r["voie_de_recours"]["articles"] == ["CPC:537"]
    assert r["condamnations"] == []


def test_lit_l_export_json_judilibre(tmp_path):
    texte = (DONNEES / "tj-paris-jcp-2023-12-15-23-05254.txt").read_text(encoding="utf-8").split("\n", 2)[2]
    chemin = tmp_path / "decision.json"
    chemin.write_text(json.dumps({"text": texte, "jurisdiction": "tj", "number": "23/05254",
                                  "decision_date": "2023-12-15", "solution": "Condamnation"}), encoding="utf-8")
    r = analyser_decision(chemin)
    assert (r["date"], r["numero_rg"], r["juridiction"]["type"]) == ("2023-12-15", "23/05254", "tribunal_judiciaire")


def test_la_commande_sort_du_json_et_2_sur_un_fichier_absent(tmp_path):
    ok = subprocess.run([sys.executable, "-m", "actes", "lire-decision", str(DONNEES / "tj-bordeaux-2023-12-19-22-05028.txt"),
                         "--format", "json"], capture_output=True, text=True)
    assert ok.returncode == 0 and json.loads(ok.stdout)["numero_rg"] == "22/05028"
    ko = subprocess.run([sys.executable, "-m", "actes", "lire-decision", str(tmp_path / "absent.txt")],
                        capture_output=True, text=True)
    assert ko.returncode == 2 and ko.stderr.startswith("actes : ") and "Traceback" not in ko.stderr


def test_normalise_les_sources_tokenisees():
    assert normaliser("COUR D' APPEL D' AIX , le 25 Mars 2010 .") == "COUR D'APPEL D'AIX, le 25 Mars 2010."


@pytest.mark.parametrize("ecrit, attendu", [
    ("1.234,56 €", "1234.56"), ("1 234,56 euros", "1234.56"), ("12 736.01 euros", "12736.01"), ("1.500 euros", "1500.00"),
    ("quatre-vingt-dix euros", "90.00"), ("deux mille euros et cinquante centimes", "2000.50")])
def test_montants_en_chiffres_et_en_lettres(ecrit, attendu):
    assert [f"{v:.2f}" for _d, _f, v in trouver_montants(ecrit)] == [attendu]


@given(st.integers(min_value=0, max_value=999_999))
def test_nombre_en_lettres_inverse_num2words(n):
    assert nombre_en_lettres(num2words(n, lang="fr")) == n
