"""Correction d'une liste d'après le corrigé d'un exercice, et d'une cohorte : rapprochement par lieu et article,
reformulations notées juste / acceptable / fausse avec la raison, éléments non confirmés sans effet sur la note."""
from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from docx import Document

from actes.cli import main
from actes.correction.cohorte import corriger_cohorte, csv_cohorte, html_cohorte
from actes.correction.liste import NON_CONFIRMEE, _articles, attendues_du_corrige, corriger_items, lire_liste, \
    lire_liste_texte

DONNEES = Path(__file__).parent / "donnees" / "correction"
CORRIGE = DONNEES / "exercice" / "corrige.yaml"
COPIES = DONNEES / "cohorte"


@pytest.fixture(scope="module")
def corrige() -> dict:
    return yaml.safe_load(CORRIGE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("citation, attendue", [
    ("art. 680 CPC", "CPC:680"), ("article 680 du code de procédure civile", "CPC:680"), ("CPC 680", "CPC:680"),
    ("CPC:680", "CPC:680"), ("art. 655 al. 3 C. pr. civ.", "CPC:655"), ("article 680 du CPC", "CPC:680"),
    ("art. R. 211-3 CPCE", "CPCE:R211-3"), ("CPCE R. 211-3", "CPCE:R211-3"),
])
def test_les_facons_usuelles_de_citer_un_article(citation, attendue):
    assert attendue in _articles("", citation)


def test_la_copie_est_notee_d_apres_le_corrige(corrige):
    correction = corriger_items(lire_liste(COPIES / "alice.txt"), attendues_du_corrige(corrige))
    verdicts = {t.faute.code: (t.item.numero, t.reformulation.verdict) for t in correction.trouves}
    assert verdicts == {
        "TERM-TGI-TI": (1, "juste"),
        "CPC678-NOTIFICATION-AVOCAT-ABSENTE": (2, "acceptable"),     # autres mots, la règle s'en satisfait
        "CPC680-DELAI-ERRONE": (3, "acceptable"),                    # « un mois » y est
        "CPC680-COUR-D-APPEL-ABSENTE": (4, "juste"),                 # la suggestion de la règle, [ville] remplie
        "CPC680-AMENDE-MONTANT": (5, "faux"),                        # reprend le plafond fautif
    }
    raisons = {t.faute.code: t.reformulation.raison for t in correction.trouves}
    assert raisons["CPC680-AMENDE-MONTANT"] == "la proposition reprend la formulation fautive « 3 000 euros »"
    assert "remplit l'exigence de CPC678-NOTIFICATION-AVOCAT-ABSENTE" in raisons["CPC678-NOTIFICATION-AVOCAT-ABSENTE"]
    assert [f.code for f in correction.manques] == ["CPC655-AVIS-DE-PASSAGE-ABSENT"]
    assert [i.numero for i in correction.non_confirmes] == [6]
    # 2 + (0,5 + 0,375) + (1 + 0,75) + 2 + 0,5 = 7,125 sur 9
    assert (correction.obtenus, correction.possibles, correction.note) == (
        Decimal("7.125"), Decimal("9.00"), Decimal("15.83"))
    assert correction.en_dict()["non_confirmes"][0]["statut"] == NON_CONFIRMEE


def test_une_faute_que_le_corrige_ne_connait_pas_ne_coute_rien(corrige, tmp_path):
    sans = tmp_path / "sans.txt"
    sans.write_text("\n".join((COPIES / "alice.txt").read_text(encoding="utf-8").splitlines()[:-1]), encoding="utf-8")
    fautes = attendues_du_corrige(corrige)
    avec = corriger_items(lire_liste(COPIES / "alice.txt"), fautes)
    assert corriger_items(lire_liste(sans), fautes).note == avec.note


def test_lieu_et_article_en_yaml(corrige):
    correction = corriger_items(lire_liste(COPIES / "chloe.yaml"), attendues_du_corrige(corrige))
    assert [(t.faute.code, t.rapprochement, t.reformulation.verdict) for t in correction.trouves] == [
        ("CPC680-DELAI-ERRONE", "lieu + article + mots", "juste"),
        ("CPC655-AVIS-DE-PASSAGE-ABSENT", "lieu + article + mots", "acceptable")]


def _copie_docx(chemin: Path, lignes: list[str]) -> None:
    document = Document()
    for ligne in lignes:
        document.add_paragraph(ligne)
    document.save(str(chemin))


def test_la_cohorte_note_chaque_copie_et_signale_la_copie_illisible(corrige, tmp_path):
    for copie in COPIES.iterdir():
        (tmp_path / copie.name).write_bytes(copie.read_bytes())
    _copie_docx(tmp_path / "bruno.docx", ["Le tribunal de grande instance n'existe plus (ligne 13).",
                                           "Le délai d'appel de quinze jours est faux (article 538 du CPC)."])
    cohorte = corriger_cohorte(tmp_path, corrige, nom_corrige="corrige.yaml")
    assert [c.candidat for c in cohorte.copies] == ["alice", "bruno", "chloe"]
    assert [Path(c).name for c, _ in cohorte.illisibles] == ["denis.docx"]
    taux = {f.code: sum(v for k, v in compte.items() if k != "manquee") for f, compte in cohorte.par_faute()}
    assert taux == {"TERM-TGI-TI": 2, "CPC678-NOTIFICATION-AVOCAT-ABSENTE": 1, "CPC680-DELAI-ERRONE": 3,
                    "CPC680-COUR-D-APPEL-ABSENTE": 1, "CPC680-AMENDE-MONTANT": 1, "CPC655-AVIS-DE-PASSAGE-ABSENT": 1}
    assert dict((n, (t, a)) for n, t, a in cohorte.par_famille()) == {
        "CPC655": (1, 3), "CPC678": (1, 3), "CPC680": (5, 9), "TERM": (2, 3)}
    lignes = list(csv.reader(io.StringIO(csv_cohorte(cohorte)), delimiter=";"))
    assert lignes[0][:3] == ["candidat", "note", "sur"] and lignes[1][:2] == ["alice", "15.83"]
    page = html_cohorte(cohorte)
    assert page.count("<svg") == 6 and "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "la grille officielle de correction du CQP n'est pas publiée" in page


def test_la_commande_cohorte_ecrit_csv_et_html_et_sort_en_2_pour_la_copie_illisible(tmp_path, capsys):
    csv_sortie, html_sortie = tmp_path / "notes.csv", tmp_path / "cohorte.html"
    code = main(["corriger", str(COPIES), "--corrige", str(CORRIGE), "--csv", str(csv_sortie), "--html",
                 str(html_sortie)])
    sortie = capsys.readouterr()
    assert code == 2 and "denis.docx" in sortie.err
    assert "alice" in sortie.out and "Détection par famille" in sortie.out
    assert csv_sortie.read_text(encoding="utf-8").startswith("candidat;note;sur")
    assert html_sortie.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_un_bareme_du_formateur_change_les_poids(corrige, tmp_path):
    from actes.correction.bareme import charger_bareme

    bareme = (Path(__file__).parent.parent / "regles" / "correction" / "bareme.yaml").read_text(encoding="utf-8")
    mien = tmp_path / "bareme.yaml"
    mien.write_text(bareme.replace('reformulation: {part: "0.5"', 'reformulation: {part: "0"'), encoding="utf-8")
    correction = corriger_items(lire_liste(COPIES / "alice.txt"), attendues_du_corrige(corrige),
                                bareme=charger_bareme(str(mien)))
    assert correction.obtenus == Decimal("8")                   # détection seule : 2 + 1 + 2 + 2 + 1


def test_une_reformulation_renvoyee_a_la_ligne_reste_avec_sa_non_conformite():
    # une copie en PDF coupe ses lignes : la flèche, ou le guillemet après une flèche, continue la ligne précédente
    items = lire_liste_texte("1. Ligne 13 : « nouveau code de procédure civile » est obsolète\n"
                             "→ « code de procédure civile »\n"
                             "2. Ligne 14 : notification aux avocats absente (CPC:678) →\n"
                             "« Ce jugement a été préalablement notifié aux avocats. »\n"
                             "« tribunal de grande instance » n'existe plus (ligne 13)\n")
    assert [(i.numero, i.lieux, i.proposition) for i in items] == [
        (1, (13,), "code de procédure civile"),
        (2, (14,), "Ce jugement a été préalablement notifié aux avocats."),
        (3, (13,), None)]


@pytest.mark.parametrize("trouvees, total, attendu", [(4, 6, "67 %"), (1, 6, "17 %"), (1, 8, "13 %"), (5, 6, "83 %"),
                                                       (0, 3, "0 %"), (3, 3, "100 %"), (0, 0, "0 %")])
def test_le_taux_de_detection_en_pour_cent_est_arrondi_au_plus_proche(trouvees, total, attendu):
    from actes.correction.cohorte import _pourcent

    assert _pourcent(trouvees, total) == attendu            # comme le taux du CSV (0,67 pour 4 sur 6)
