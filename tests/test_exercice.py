"""`actes exercice` : fautes semées d'après les règles, sujet reproductible, corrigé fidèle à `actes verifier`."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from actes import Verificateur
from actes.cli import main
from actes.correction.exercice import fautes_possibles, preparer_exercice
from actes.documents.lecture import lire_octets
from actes.erreurs import EntreeInvalide

EXEMPLES = Path(__file__).parent.parent / "examples"
CONFORME = EXEMPLES / "signification-jugement-conforme.docx"


@pytest.fixture(scope="module")
def verificateur() -> Verificateur:
    return Verificateur()


def _notes(verificateur, octets: bytes, nom: str, type_acte: str) -> list[str]:
    rapport = verificateur.verifier(lire_octets(octets, nom), type_acte=type_acte)
    return sorted(c.code for c in rapport.constats if c.gravite.value in ("erreur", "avertissement"))


# Les exemples livrés où `actes verifier` ne relève rien : chacun donne un sujet (la liste est vérifiée ci-dessous).
CONFORMES = ["commandement-payer-clause-resolutoire-redige.docx", "commandement-saisie-vente-redige.docx",
             "denonciation-saisie-attribution-redigee.docx", "lettre-recouvrement-amiable-redigee.docx",
             "requete-injonction-de-payer-redigee.docx", "signification-jugement-conforme.docx"]


def test_les_exemples_conformes_sont_ceux_ou_verifier_ne_releve_rien(verificateur):
    silencieux = [chemin.name for chemin in sorted(EXEMPLES.glob("*.docx"))
                  if not any(c.gravite.value in ("erreur", "avertissement") for c in verificateur.verifier(chemin).constats)]
    assert silencieux == CONFORMES


@pytest.mark.parametrize("nom", CONFORMES)
def test_chaque_exemple_conforme_donne_un_sujet_aux_constats_exacts(nom, verificateur):
    chemin = EXEMPLES / nom
    _, _, possibles = fautes_possibles(chemin, verificateur=verificateur)
    nombre = min(6, len({f.code for f in possibles}))
    while True:                     # autant de fautes indépendantes que l'acte en permet, six au plus
        try:
            exercice = preparer_exercice(chemin, nombre, graine=3, verificateur=verificateur)
            break
        except EntreeInvalide:
            nombre -= 1
    assert nombre >= 2, chemin
    semees = sorted(f["code"] for f in exercice.corrige["fautes"])
    assert len(semees) == nombre == len(set(semees))
    assert _notes(verificateur, exercice.sujet, chemin.name, exercice.corrige["type_acte"]) == semees
    assert preparer_exercice(chemin, nombre, graine=3, verificateur=verificateur).sujet == exercice.sujet


def test_meme_graine_memes_octets_autre_graine_autre_sujet(verificateur):
    premier = preparer_exercice(CONFORME, 4, graine=11, verificateur=verificateur)
    second = preparer_exercice(CONFORME, 4, graine=11, verificateur=verificateur)
    autre = preparer_exercice(CONFORME, 4, graine=12, verificateur=verificateur)
    assert premier.sujet == second.sujet and premier.corrige == second.corrige
    assert (autre.sujet, autre.corrige["fautes"]) != (premier.sujet, premier.corrige["fautes"])


def test_le_corrige_donne_lieu_article_formulation_attendue_et_points(verificateur):
    exercice = preparer_exercice(CONFORME, 6, graine=1, verificateur=verificateur)
    fautes = {f["code"]: f for f in exercice.corrige["fautes"]}
    delai = fautes["CPC680-DELAI-ERRONE"]
    assert (delai["nature"], delai["fautif"], delai["attendu"]) == ("valeur_fausse", "QUINZE JOURS", "UN MOIS")
    assert delai["references"] == ["CPC:680", "CPC:538"] and delai["points"] == "2.00"       # erreur : 2 points
    assert delai["lieu"]["paragraphe_conforme"] == 16 and delai["lieu"]["ligne"] == 15    # ligne du sujet
    notification = fautes["CPC678-NOTIFICATION-AVOCAT-ABSENTE"]
    assert notification["nature"] == "omission" and notification["fautif"] is None
    assert notification["attendu"].startswith("Ce jugement a été préalablement notifié aux avocats des parties le 1er")
    assert notification["points"] == "1.00"                                                   # avertissement
    assert exercice.corrige["points"] == f"{sum(float(f['points']) for f in fautes.values()):.2f}"


def test_les_familles_limitent_le_tirage(verificateur):
    exercice = preparer_exercice(CONFORME, 2, graine=0, familles=("TERM",), verificateur=verificateur)
    assert {f["famille"] for f in exercice.corrige["fautes"]} == {"TERM"}


def test_trop_de_fautes_demandees_est_refuse(verificateur):
    with pytest.raises(EntreeInvalide, match="ne permet que"):
        preparer_exercice(CONFORME, 40, verificateur=verificateur)


def test_un_acte_non_conforme_est_refuse_en_ligne_de_commande(tmp_path, capsys):
    code = main(["exercice", str(EXEMPLES / "signification-jugement-erreurs.docx"), "--fautes", "2",
                 "-o", str(tmp_path / "s.docx"), "--corrige", str(tmp_path / "c.yaml")])
    assert code == 2
    assert "n'est pas conforme" in capsys.readouterr().err
    assert not (tmp_path / "s.docx").exists()


def test_la_commande_ecrit_le_sujet_et_le_corrige(tmp_path):
    sujet, corrige = tmp_path / "sujet.docx", tmp_path / "corrige.yaml"
    assert main(["exercice", str(CONFORME), "--fautes", "3", "--graine", "5", "-o", str(sujet),
                 "--corrige", str(corrige)]) == 0
    donnees = yaml.safe_load(corrige.read_text(encoding="utf-8"))
    assert donnees["sujet"] == "sujet.docx" and len(donnees["fautes"]) == 3
    assert main(["verifier", str(sujet)]) == 1
