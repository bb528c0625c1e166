"""Rédaction de l'acte de signification : modèle, contexte, dossier, mentions CPC:648, 678, 680, délais."""
from __future__ import annotations

import copy
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from actes.cli import main
from actes.donnees import lire_yaml
from actes.erreurs import EntreeInvalide
from actes.parametres import parametre
from actes.redaction import MARQUE, construire_contexte, rediger_signification, valider_dossier
from actes.redaction.formats import date_en_lettres, montant_fr
from actes.redaction.rendu import texte_docx, variables_modele

DONNEES = Path(__file__).parent / "donnees" / "redaction"
DATE_ACTE = dt.date(2026, 4, 14)


@pytest.fixture
def decision() -> dict:
    return json.loads((DONNEES / "decision-tj-lyon.json").read_text(encoding="utf-8"))


@pytest.fixture
def dossier() -> dict:
    return valider_dossier(lire_yaml(DONNEES / "dossier-complet.yaml"), "dossier-complet.yaml")


def texte_de(docx: bytes) -> str:
    return texte_docx(docx)


def gravites(manques) -> set[str]:
    return {m.gravite for m in manques}


def test_le_modele_attend_exactement_les_cles_du_contexte(decision, dossier):
    contexte, _ = construire_contexte(decision, dossier)
    assert variables_modele() == set(contexte)


def test_un_dossier_complet_ne_laisse_aucune_mention_a_completer(decision, dossier):
    redaction = rediger_signification(decision, dossier)
    texte = redaction.texte()
    assert MARQUE not in texte
    assert redaction.est_complet
    assert gravites(redaction.manques) <= {"information"}
    assert "L'AN DEUX MILLE VINGT-SIX ET LE QUATORZE AVRIL" in texte
    assert "Nous, Maître Camille LEROY, commissaire de justice associé" in texte
    assert "préalablement notifiée aux avocats des parties le 24 mars 2026" in texte          # CPC:678


def test_une_esperluette_est_echappee_et_le_docx_s_ouvre(decision, dossier):
    dossier["requerant"]["denomination"] = "Dupont & Fils <SAS>"
    redaction = rediger_signification(decision, dossier)
    document = Document(io.BytesIO(redaction.docx))
    paragraphes = "\n".join(p.text for p in document.paragraphs)
    assert "Dupont & Fils <SAS>, société par actions simplifiée" in paragraphes


def test_le_docx_porte_la_voie_le_delai_la_cour_et_son_siege_en_gras(decision, dossier):
    document = Document(io.BytesIO(rediger_signification(decision, dossier).docx))
    cadre = document.tables[0].rows[0].cells[0]
    texte = "\n".join(p.text for p in cadre.paragraphs)
    assert "PEUT FAIRE L'OBJET D'UN APPEL DANS UN DÉLAI D'UN MOIS À COMPTER DE LA DATE DE LA SIGNIFICATION" in texte
    assert "L'APPEL EST PORTÉ DEVANT LA COUR D'APPEL DE LYON, QUI SIÈGE À LYON." in texte
    assert "AU GREFFE DE LA COUR D'APPEL" in texte
    assert "AMENDE CIVILE D'UN MAXIMUM DE 10\u00a0000\u00a0€ ET AU PAIEMENT D'UNE INDEMNITÉ" in texte   # suggestion de la règle
    assert "ARTICLES 680 ET 559" in texte
    annonce = cadre.paragraphs[0]
    assert annonce.text.startswith("CETTE DÉCISION") and all(r.bold for r in annonce.runs if r.text.strip())


def test_un_domicile_manquant_laisse_une_marque_et_un_constat(decision, dossier):
    del dossier["destinataire"]["domicile"]
    redaction = rediger_signification(decision, dossier)
    assert "Monsieur Karim BENALI, demeurant [À COMPLÉTER : domicile du destinataire]," in redaction.texte()
    manque = next(m for m in redaction.manques if m.champ == "destinataire.domicile")
    assert manque.gravite == "erreur" and manque.references == ("CPC:648",)
    assert not redaction.est_complet


def test_sans_dossier_chaque_mention_de_648_est_signalee(decision):
    redaction = rediger_signification(decision, {})
    champs = {m.champ for m in redaction.manques if m.gravite == "erreur"}
    assert {"requerant", "destinataire", "commissaire.nom", "commissaire.prenoms", "commissaire.adresse",
            "signification.date", "signification.notification_avocats"} <= champs
    requerant = next(m for m in redaction.manques if m.champ == "requerant")
    assert "SAS MENUISERIES DUPONT & FILS (demandeur)" in requerant.message       # aide : les parties lues
    assert redaction.texte().count(MARQUE) >= 7
    assert "ce délai expire" not in redaction.texte()                          # pas de date d'acte : pas d'échéance


def test_echeance_prorogee_apres_l_ascension(decision, dossier):
    # 14/4/2026 + 1 mois = jeudi 14/5/2026, Ascension (Pâques le 5/4/2026) → vendredi 15/5/2026 (CPC:641, 642)
    texte = rediger_signification(decision, dossier).texte()
    assert "signifié le 14 avril 2026, ce délai expire le 15 mai 2026 à vingt-quatre heures" in texte


def test_la_date_de_l_option_remplace_celle_du_dossier(decision, dossier):
    # 2/3/2026 + 1 mois = jeudi 2/4/2026, jour ouvrable
    texte = rediger_signification(decision, dossier, date_signification=dt.date(2026, 3, 2)).texte()
    assert "L'AN DEUX MILLE VINGT-SIX ET LE DEUX MARS" in texte
    assert "ce délai expire le 2 avril 2026" in texte


def test_un_destinataire_a_l_etranger_a_deux_mois_de_plus(decision, dossier):
    # CPC:643 2° : juridiction en métropole, destinataire en Belgique → 1 + 2 = 3 mois ;
    # 14/4/2026 + 3 mois = mardi 14/7/2026, fête nationale → mercredi 15/7/2026
    dossier["destinataire"]["domicile"] = {"voie": "12 rue Haute", "code_postal": "10000", "commune": "Bruxelles",
                                           "pays": "Belgique"}
    texte = rediger_signification(decision, dossier).texte()
    assert ("CE DÉLAI EST AUGMENTÉ DE DEUX MOIS EN RAISON DE LA DISTANCE, LE DESTINATAIRE DEMEURANT À L'ÉTRANGER "
            "(BELGIQUE) (ARTICLES 643 ET 644 DU CODE DE PROCÉDURE CIVILE)") in texte
    assert "ce délai expire le 15 juillet 2026" in texte


def test_ordonnance_de_refere_quinze_jours_sans_mention_678(decision, dossier):
    decision.update(type_decision="ordonnance_de_refere", formation={"libelle": "juge des référés",
                                                                     "juge": "juge_des_referes"})
    decision["voie_de_recours"].update(delai="15 jours", articles=["CPC:490"])
    del dossier["signification"]["notification_avocats"]
    texte = rediger_signification(decision, dossier).texte()
    assert "SIGNIFICATION D'UNE ORDONNANCE DE RÉFÉRÉ" in texte
    assert "Une ordonnance de référé contradictoire rendue en premier ressort le 10 mars 2026" in texte
    assert "DANS UN DÉLAI DE QUINZE JOURS" in texte
    assert "article 678" not in texte


def test_arret_pourvoi_devant_la_cour_de_cassation(decision, dossier):
    decision.update(type_decision="arrêt", juridiction={"type": "cour d'appel", "ville": "Aix-en-Provence"},
                    ressort=None, nature="réputé contradictoire",
                    voie_de_recours={"voie": "pourvoi en cassation", "delai": "2 mois",
                                     "juridiction": "Cour de cassation", "articles": ["CPC:612"]})
    redaction = rediger_signification(decision, dossier)
    texte = redaction.texte()
    assert "Un arrêt réputé contradictoire rendu le 10 mars 2026 par le cour d'appel d'Aix-en-Provence" not in texte
    assert "par la cour d'appel d'Aix-en-Provence" in texte
    assert "D'UN POURVOI EN CASSATION DANS UN DÉLAI DE DEUX MOIS" in texte
    assert "LE POURVOI EST PORTÉ DEVANT LA COUR DE CASSATION, QUI SIÈGE À PARIS." in texte
    assert "ARTICLES 680 ET 628" in texte


def test_une_voie_inconnue_est_a_completer(decision, dossier):
    decision["voie_de_recours"] = {"voie": "inconnue", "raison": "matière non couverte"}
    redaction = rediger_signification(decision, dossier)
    manque = next(m for m in redaction.manques if m.champ == "recours.voie")
    assert manque.gravite == "erreur" and "matière non couverte" in manque.message
    assert "[À COMPLÉTER : voie de recours ouverte" in redaction.texte()


def test_une_date_d_acte_anterieure_a_la_decision_est_une_erreur(decision, dossier):
    redaction = rediger_signification(decision, dossier, date_signification=dt.date(2026, 3, 1))
    assert any(m.champ == "signification.date" and m.references == ("CPC:648",) for m in redaction.manques)
    assert not redaction.est_complet


def test_les_champs_avec_preuve_sont_lus(decision, dossier):
    decision["numero_rg"] = {"valeur": "24/03187", "preuve": "N° RG 24/03187"}
    assert "RG n° 24/03187" in rediger_signification(decision, dossier).texte()


def test_cout_de_l_acte_total_calcule(decision, dossier):
    texte = rediger_signification(decision, dossier).texte()
    # 27,91 + 9,40 + 7,46 + 2,16 = 46,93
    assert "46,93\u00a0€" in texte


@pytest.mark.parametrize("modification, attendu", [
    ({"cout": {"lignes": [{"libelle": "Émolument", "montant": 27.91}]}}, "montant attendu entre guillemets"),
    ({"signification": {"date": "14/04/2026"}}, "date attendue au format AAAA-MM-JJ"),
    ({"destinataire": {"nom": "X", "adresse": "1 rue Y"}}, "champ inconnu « adresse »"),
    ({"remise": {"mode": "par_pigeon", "recit": "…"}}, "valeur « par_pigeon » non prévue"),
    ({"signification": {"date": "2026-02-30"}}, "n'est pas une date du calendrier"),
])
def test_un_dossier_invalide_est_refuse_en_francais(modification, attendu):
    with pytest.raises(EntreeInvalide) as erreur:
        valider_dossier(modification, "dossier.yaml")
    assert attendu in erreur.value.message


def test_l_erreur_de_dossier_indique_la_ligne(tmp_path, decision):
    (tmp_path / "d.json").write_text(json.dumps(decision), encoding="utf-8")
    (tmp_path / "dossier.yaml").write_text("requerant:\n  nom: X\n  age: 3\n", encoding="utf-8")
    assert main(["signifier", str(tmp_path / "d.json"), "--dossier", str(tmp_path / "dossier.yaml"),
                 "-o", str(tmp_path / "acte.docx")]) == 2
    assert not (tmp_path / "acte.docx").exists()


def test_amende_civile_datee():
    amende = parametre("amende_civile_maximale")
    assert amende.au(dt.date(2017, 5, 11)) == Decimal("10000")      # décret 2017-892
    assert amende.au(dt.date(2017, 5, 10)) == Decimal("3000")


def test_date_en_lettres_cas_verifies():
    assert date_en_lettres(dt.date(2026, 4, 14)) == "L'AN DEUX MILLE VINGT-SIX ET LE QUATORZE AVRIL"
    assert date_en_lettres(dt.date(2026, 5, 1)) == "L'AN DEUX MILLE VINGT-SIX ET LE PREMIER MAI"
    assert date_en_lettres(dt.date(2031, 8, 21)) == "L'AN DEUX MILLE TRENTE ET UN ET LE VINGT ET UN AOÛT"


def test_montant_arrondi_demi_vers_le_haut():
    assert montant_fr(Decimal("0.005")) == "0,01\u00a0€"
    assert montant_fr(Decimal("1234.565")) == "1\u202f234,57\u00a0€"


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_date_en_lettres_sans_chiffre(jour):
    texte = date_en_lettres(jour)
    assert texte.startswith("L'AN DEUX MILLE") and texte == texte.upper()
    assert not any(c.isdigit() for c in texte)


@given(st.decimals(min_value=Decimal("0"), max_value=Decimal("99999999"), places=3))
def test_montant_fr_relu_egale_l_arrondi(montant):
    relu = Decimal(montant_fr(montant).replace("\u202f", "").replace("\u00a0€", "").replace(",", "."))
    assert relu == montant.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# --- ligne de commande -------------------------------------------------------------------------------------------

def test_cli_acte_complet_code_0_et_sortie_texte(tmp_path, capsys):
    sortie = tmp_path / "acte.txt"
    code = main(["signifier", str(DONNEES / "decision-tj-lyon.json"), "--dossier",
                 str(DONNEES / "dossier-complet.yaml"), "-o", str(sortie)])
    assert code == 0
    assert "SIGNIFICATION D'UN JUGEMENT" in sortie.read_text(encoding="utf-8")
    assert "acte complet" in capsys.readouterr().err


def test_cli_acte_incomplet_code_1_et_constats_sur_stderr(tmp_path, capsys):
    sortie = tmp_path / "acte.docx"
    code = main(["signifier", str(DONNEES / "decision-tj-lyon.json"), "-o", str(sortie)])
    erreur = capsys.readouterr().err
    assert code == 1 and sortie.exists()
    assert "erreur : destinataire : destinataire (CPC:648 4°)" in erreur


def test_cli_json(tmp_path, capsys):
    code = main(["signifier", str(DONNEES / "decision-tj-lyon.json"), "--dossier",
                 str(DONNEES / "dossier-complet.yaml"), "-o", str(tmp_path / "a.docx"), "--format", "json"])
    rapport = json.loads(capsys.readouterr().out)
    assert code == 0 and rapport["complet"] is True


@pytest.mark.parametrize("arguments, attendu", [
    (["-o", "acte.pdf"], "doit finir par .docx ou .txt"),
    (["-o", "acte.docx", "--date-signification", "31/04/2026"], "n'est pas une date qui existe"),
    (["-o", "acte.docx", "--date-signification", "le 14 avril"], "n'est pas une date AAAA-MM-JJ"),
])
def test_cli_entree_invalide_code_2(tmp_path, capsys, monkeypatch, arguments, attendu):
    monkeypatch.chdir(tmp_path)
    assert main(["signifier", str(DONNEES / "decision-tj-lyon.json"), *arguments]) == 2
    assert attendu in capsys.readouterr().err


def test_cli_dit_quand_le_lecteur_de_decisions_manque(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "actes.decisions", None)
    (tmp_path / "decision.txt").write_text("TRIBUNAL JUDICIAIRE DE LYON\nJUGEMENT\n", encoding="utf-8")
    assert main(["signifier", str(tmp_path / "decision.txt"), "-o", str(tmp_path / "acte.docx")]) == 2
    assert "lecteur de décisions" in capsys.readouterr().err


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) non installé")
def test_libreoffice_convertit_l_acte_en_pdf(tmp_path, decision, dossier):
    from pypdf import PdfReader

    acte = tmp_path / "acte.docx"
    acte.write_bytes(rediger_signification(copy.deepcopy(decision), dossier).docx)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profil", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(acte)], check=True, capture_output=True, timeout=120)
    texte = " ".join(page.extract_text() for page in PdfReader(tmp_path / "acte.pdf").pages)
    assert "SIGNIFICATION D'UN JUGEMENT" in texte and "COUR D'APPEL DE LYON" in texte
