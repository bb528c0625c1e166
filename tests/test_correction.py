"""Correction d'une épreuve du CQP : copies de signification écrites à la main, listes de non-conformités."""
import copy
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from actes.correction import corriger_copie, corriger_liste, lire_liste
from actes.correction.bareme import charger_bareme, note_sur
from actes.correction.copie import nom_present
from actes.decisions import analyser_decision

DONNEES = Path(__file__).parent / "donnees" / "correction"
DECISION = DONNEES / "decision-tj-lyon.txt"     # jugement contradictoire, TJ Lyon, 10/3/2026, RG 24/03187 (fictif)


def _verdicts(correction) -> dict:
    resultat = {}
    for point in correction.points:
        resultat.setdefault(point.code, []).append(point.verdict)
    return resultat


def test_le_bareme_fait_vingt_points():
    bareme = charger_bareme()
    assert sum(e.points for e in bareme.elements.values()) == bareme.sur == Decimal("20")


def test_une_bonne_copie_a_tout_juste():
    correction = corriger_copie(DONNEES / "copie-bonne.txt", DECISION)
    assert {code: set(v) for code, v in _verdicts(correction).items()} == {
        code: {"juste"} for code in ("parties", "date_decision", "juridiction", "numero_rg", "type_decision", "nature",
                                     "voie", "delai", "juridiction_recours", "siege", "amende_civile",
                                     "notification_avocats", "mentions")}
    assert len(_verdicts(correction)["parties"]) == 2
    assert correction.note == Decimal("20.00") and correction.constats == []


def test_un_delai_et_une_cour_faux_sont_notes_faux_avec_la_bonne_redaction():
    # copie-bonne avec « QUINZE JOURS » et « cour d'appel de Grenoble, dont le siège est à Grenoble »
    correction = corriger_copie(DONNEES / "copie-delai-cour-faux.txt", DECISION)
    perdus = {p.code: p for p in correction.points if p.verdict != "juste"}
    assert {code: p.verdict for code, p in perdus.items()} == {
        "delai": "faux", "juridiction_recours": "faux", "siege": "faux"}
    assert (perdus["delai"].trouve, perdus["delai"].attendu) == ("15 jours", "un mois")
    assert perdus["delai"].constats == ["CPC680-DELAI-ERRONE"]          # constat rattaché, non compté deux fois
    assert perdus["juridiction_recours"].trouve == "cour d'appel de Grenoble"
    assert perdus["juridiction_recours"].attendu == "L'APPEL EST PORTÉ DEVANT LA COUR D'APPEL DE LYON, QUI SIÈGE À LYON."
    assert perdus["siege"].attendu == "Lyon" and perdus["siege"].references == ("CPC:680",)
    # 20 − 2,5 (délai) − 2 (cour) − 1 (siège) = 14,5
    assert correction.note == Decimal("14.50")


def test_une_copie_sans_amende_civile():
    correction = corriger_copie(DONNEES / "copie-sans-amende.txt", DECISION)
    perdus = [(p.code, p.verdict, p.constats) for p in correction.points if p.verdict != "juste"]
    assert perdus == [("amende_civile", "absent", ["CPC680-AMENDE-ABSENTE"])]
    amende = next(p for p in correction.points if p.code == "amende_civile")
    assert "AMENDE CIVILE D'UN MAXIMUM DE 10\u00a0000\u00a0€" in amende.attendu      # suggestion de la règle
    assert correction.note == Decimal("18.50")                        # 20 − 1,5


def test_sans_voie_de_recours_les_points_du_recours_sont_sans_objet_et_la_note_est_ramenee_sur_vingt():
    decision = copy.deepcopy(analyser_decision(DECISION))
    decision["voie_de_recours"] = {"voie": "aucune", "raison": "décision insusceptible de recours (essai)"}
    correction = corriger_copie(DONNEES / "copie-bonne.txt", decision)
    sans_objet = [p.code for p in correction.points if p.verdict == "sans_objet"]
    assert sans_objet == ["voie", "delai", "juridiction_recours", "siege", "amende_civile"]
    assert correction.en_dict()["points_possibles"] == "10.50" and correction.note == Decimal("20.00")


def test_note_ramenee_sur_vingt_arrondie_au_centime():
    # 10,5 × 20 / 15,5 = 13,548… → 13,55 (ROUND_HALF_UP) ; bornée à [0, 20]
    assert note_sur(Decimal("10.5"), Decimal("15.5"), Decimal("20")) == Decimal("13.55")
    assert note_sur(Decimal("-1"), Decimal("3"), Decimal("20")) == Decimal("0.00")


@pytest.mark.parametrize("nom, texte, attendu", [
    ("Monsieur Karim BENALI", "signifie a monsieur benali karim, demeurant", True),      # ordre inversé
    ("[X] [Y]", "a la requete de madame [x] [y], demeurant [adresse]", True),            # pseudonymisé
    ("M. [E] [O]", "a monsieur [e] [o]", True),
    ("M. [E] [O]", "a monsieur [e] [z]", False),
    ("SAS MENUISERIES DUPONT & FILS", "la societe menuiseries dupont & fils, sas", True),
    ("Monsieur Karim BENALI", "monsieur karim benaliou", False),
])
def test_nom_present_tel_qu_ecrit(nom, texte, attendu):
    assert nom_present(nom, texte) is attendu


def test_liste_texte_trouvees_manquees_et_non_confirmees():
    # acte-fautif : délai de quinze jours, amende civile et notification aux avocats (CPC:678) retirées ; sans
    # corrigé, les fautes sont les constats de actes verifier (erreur : 2 points, avertissement : 1)
    correction = corriger_liste(DONNEES / "acte-fautif.txt", lire_liste(DONNEES / "liste-candidat.txt"))
    assert [(t.item.numero, t.faute.code) for t in correction.trouves] == [
        (1, "CPC680-DELAI-ERRONE"), (2, "CPC680-AMENDE-ABSENTE")]
    assert [f.code for f in correction.manques] == ["CPC678-NOTIFICATION-AVOCAT-ABSENTE"]
    # la date de naissance d'une société requérante n'est pas une faute que le vérificateur confirme : à revoir
    # par le correcteur, sans effet sur la note
    assert [(i.numero, i.articles) for i in correction.non_confirmes] == [(3, ("CPC:648",))]
    assert [t.reformulation.verdict for t in correction.trouves] == ["absente", "absente"]
    assert correction.note == Decimal("7.50")                          # 20 × (2 × 0,5 + 1 × 0,5) / 4


def test_liste_yaml_toutes_trouvees():
    items = lire_liste(DONNEES / "liste-candidat.yaml")
    assert [i.articles for i in items] == [("CPC:680",), ("CPC:678",), ("CPC:680",)]
    correction = corriger_liste(DONNEES / "acte-fautif.txt", items)
    assert [(t.item.numero, t.faute.code) for t in correction.trouves] == [
        (1, "CPC680-DELAI-ERRONE"), (2, "CPC678-NOTIFICATION-AVOCAT-ABSENTE"), (3, "CPC680-AMENDE-ABSENTE")]
    assert correction.manques == [] and correction.non_confirmes == []
    assert correction.note == Decimal("10.00")                         # détection seule : la moitié des points


def _actes(*args):
    return subprocess.run([sys.executable, "-m", "actes", *args], capture_output=True, text=True, timeout=60)


def test_commande_json_stable_et_documentee():
    args = ("corriger", str(DONNEES / "copie-sans-amende.txt"), "--decision", str(DECISION), "--format", "json")
    premier, second = _actes(*args), _actes(*args)
    assert premier.returncode == 0 and premier.stdout == second.stdout
    donnees = json.loads(premier.stdout)
    assert (donnees["note"], donnees["sur"], donnees["points_possibles"]) == ("18.50", "20.00", "20.00")
    amende = next(p for p in donnees["points"] if p["code"] == "amende_civile")
    assert (amende["verdict"], amende["points"], amende["sur"]) == ("absent", "0.00", "1.50")


def test_commande_liste_texte_et_entree_absente():
    resultat = _actes("corriger", str(DONNEES / "acte-fautif.txt"), "--liste", str(DONNEES / "liste-candidat.txt"))
    assert resultat.returncode == 0
    assert "Trouvées (2/3)" in resultat.stdout and resultat.stdout.rstrip().endswith("Note : 7,50/20,00")
    absent = _actes("corriger", str(DONNEES / "absent.txt"), "--decision", str(DECISION))
    assert absent.returncode == 2 and absent.stderr.startswith("actes : ") and "Traceback" not in absent.stderr


def test_liste_yaml_mal_formee(tmp_path):
    chemin = tmp_path / "liste.yaml"
    chemin.write_text("{article: CPC:680}\n", encoding="utf-8")
    resultat = _actes("corriger", str(DONNEES / "acte-fautif.txt"), "--liste", str(chemin))
    assert resultat.returncode == 2 and "liste YAML attendue" in resultat.stderr


def test_date_et_nature_fausses_relevees_avec_ce_que_la_copie_ecrit():
    decision = copy.deepcopy(analyser_decision(DECISION))
    decision["date"], decision["nature"] = "2026-03-03", "repute_contradictoire"
    points = {p.code: p for p in corriger_copie(DONNEES / "copie-bonne.txt", decision).points}
    assert (points["date_decision"].verdict, points["date_decision"].trouve) == ("faux", "10 mars 2026")
    assert points["date_decision"].attendu == "3 mars 2026"
    assert (points["nature"].verdict, points["nature"].trouve, points["nature"].explication) == (
        "faux", "contradictoire", "la décision est réputée contradictoire")
