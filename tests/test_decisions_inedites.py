"""Lecture de décisions publiées inédites (tests/donnees/decisions/inedites) : champs attendus lus à la main."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from actes.decisions.analyse import analyser_decision
from tests.decisions_commun import SCALAIRES, lire_corrige, plier

DOSSIER = Path(__file__).parent / "donnees" / "decisions" / "inedites"
ATTENDUS = lire_corrige(DOSSIER)


@pytest.fixture(scope="module", params=sorted(ATTENDUS), ids=str)
def cas(request):
    return ATTENDUS[request.param], analyser_decision(DOSSIER / request.param)


def test_juridiction(cas):
    attendu, lu = cas
    assert plier(lu["juridiction"]["type"]) == plier(attendu["juridiction"]["type"])
    if attendu["juridiction"]["ville"]:
        assert plier(lu["juridiction"]["ville"]) == plier(attendu["juridiction"]["ville"])


@pytest.mark.parametrize("champ", SCALAIRES)
def test_champs_de_l_entete(cas, champ):
    attendu, lu = cas
    if attendu.get(champ) is None:
        pytest.skip("le texte ne le dit pas")
    assert plier(lu[champ]) == plier(attendu[champ])


def test_parties_noms_et_roles(cas):
    attendu, lu = cas
    if not attendu.get("parties"):
        pytest.skip("parties non évaluées")
    lues = [(" ".join(p["nom"].split()), plier(p["role"])) for p in lu["parties"]]
    voulues = [(" ".join(p["nom"].split()), plier(p["role"])) for p in attendu["parties"]]
    assert len(lues) == len(voulues)
    for nom, role in voulues:  # le nom lu peut garder la qualité qui suit (« LE FONDS DE GARANTIE …, organisme … »)
        assert any(n.startswith(nom) and r == role for n, r in lues), (nom, role, lues)


def test_montants_des_condamnations(cas):
    attendu, lu = cas
    voulus = sorted(Decimal(c["montant"]) for c in attendu.get("condamnations") or [] if c["montant"] is not None)
    assert sorted(Decimal(c["montant"]) for c in lu["condamnations"] if c["montant"] is not None) == voulus


def test_voie_de_recours(cas):
    attendu, lu = cas
    voie = attendu.get("voie_de_recours") or {}
    if voie.get("incertain"):
        pytest.skip(voie["raison"])
    assert plier(lu["voie_de_recours"]["voie"]) == plier(voie["voie"])
    assert lu["voie_de_recours"]["delai"] == voie["delai"]
    if voie.get("juridiction"):
        assert plier(lu["voie_de_recours"]["juridiction"]) == plier(voie["juridiction"])


def test_montant_total_et_base_des_interets_ne_sont_pas_des_condamnations():
    # TC Paris 30/10/2024 : « soit un total de 119.682,71 € » ; intérêts « sur le montant de 115.000 € »
    lu = analyser_decision(DOSSIER / "tcom-paris-2024-10-30-2024038196.json")
    montants = {c["montant"] for c in lu["condamnations"]}
    assert "119682.71" not in montants and "115000.00" not in montants and "4682.71" in montants


def test_chefs_confirmes_non_repris():
    # CA Lyon 22/10/2024 : « Infirme … sauf en ce qu'il … condamne … 3 000 euros » (confirmé) puis 3.000 € en appel
    lu = analyser_decision(DOSSIER / "ca-lyon-2024-22-06147.txt")
    assert [c["montant"] for c in lu["condamnations"] if c["objet"] == "article_700"] == ["3000.00"]


def test_date_en_lettres_et_ville_pseudonymisee():
    # CA « DE [Localité 1] », « LE VINGT DEUX OCTOBRE DEUX MILLE VINGT QUATRE »
    lu = analyser_decision(DOSSIER / "ca-reims-jex-2024-24-01361.txt")
    assert lu["date"] == "2024-10-22"
    assert lu["juridiction"] == {"type": "cour_d_appel", "ville": None}


def test_arret_de_cassation_sans_recours():
    lu = analyser_decision(DOSSIER / "cass-52401070.txt")
    assert lu["numero_rg"] == "22-15.203"
    assert lu["voie_de_recours"]["voie"] == "aucune" and lu["voie_de_recours"]["delai"] is None
