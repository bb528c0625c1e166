"""`actes rediger` : chaque type rédigé d'après un dossier complet passe `actes verifier` sans constat ; ce que le
dossier ne donne pas reste visible et est une erreur ; les mentions sont les suggestions des règles."""
from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from actes import Verificateur
from actes.cli import main
from actes.documents.lecture import lire_octets
from actes.donnees import lire_yaml
from actes.erreurs import EntreeInvalide
from actes.redaction import MARQUE
from actes.redaction.dossier import charger_dossier, valider_dossier
from actes.redaction.execution import rediger_acte, types_rediges
from actes.redaction.rendu import variables_modele
from actes.ressources import dossier_modeles

DOSSIERS = Path(__file__).parent.parent / "examples"
COMPLETS = {
    "commandement_saisie_vente": "dossier-commandement-saisie-vente.yaml",
    "denonciation_saisie_attribution": "dossier-denonciation-saisie-attribution.yaml",
    "lettre_recouvrement_amiable": "dossier-lettre-recouvrement-amiable.yaml",
    "commandement_payer_clause_resolutoire": "dossier-commandement-payer-clause-resolutoire.yaml",
    "requete_injonction_de_payer": "dossier-requete-injonction-de-payer.yaml",
}


@pytest.fixture(scope="module")
def verificateur() -> Verificateur:
    return Verificateur()


def _dossier(type_acte: str) -> dict:
    return charger_dossier(DOSSIERS / COMPLETS[type_acte], types_rediges()[type_acte]["schema"])


def _constats(verificateur, redaction, type_acte=None) -> list[tuple[str, str]]:
    rapport = verificateur.verifier(lire_octets(redaction.docx, "acte.docx"), type_acte=type_acte)
    return [(c.code, c.gravite.value) for c in rapport.constats]


@pytest.mark.parametrize("type_acte", sorted(COMPLETS))
def test_un_dossier_complet_donne_un_acte_sans_constat_reconnu_par_son_titre(type_acte, verificateur):
    redaction = rediger_acte(type_acte, _dossier(type_acte))
    assert redaction.est_complet, [m.message for m in redaction.manques]
    assert MARQUE not in redaction.texte()
    assert verificateur.verifier(lire_octets(redaction.docx, "acte.docx")).type_acte == type_acte
    assert _constats(verificateur, redaction) == []


@pytest.mark.parametrize("type_acte", sorted(COMPLETS))
def test_chaque_modele_attend_les_cles_du_contexte(type_acte):
    redaction = rediger_acte(type_acte, _dossier(type_acte))
    assert variables_modele(dossier_modeles() / types_rediges()[type_acte]["modele"]) == set(redaction.contexte)


def test_meme_dossier_memes_octets():
    premier = rediger_acte("denonciation_saisie_attribution", _dossier("denonciation_saisie_attribution"))
    second = rediger_acte("denonciation_saisie_attribution", _dossier("denonciation_saisie_attribution"))
    assert premier.docx == second.docx and premier.texte() == second.texte()


def test_la_denonciation_donne_l_expiration_calculee_du_delai_de_contestation():
    # dénonciation du 14/4/2026 + 1 mois = jeudi 14/5/2026, Ascension → vendredi 15/5/2026 (CPCE:R211-11 ; CPC:642)
    texte = rediger_acte("denonciation_saisie_attribution", _dossier("denonciation_saisie_attribution")).texte()
    assert "LE DÉLAI D'UN MOIS POUR CONTESTER EXPIRE LE 15 MAI 2026." in texte
    assert "Une somme de 651,69\u00a0€, à caractère alimentaire (solde bancaire insaisissable)" in texte   # SBI daté
    avant = rediger_acte("denonciation_saisie_attribution", _dossier("denonciation_saisie_attribution"),
                         date=dt.date(2026, 4, 10)).texte()
    assert "EXPIRE LE 11 MAI 2026" in avant                      # 10/5/2026 est un dimanche


def test_le_commandement_porte_le_decompte_calcule_et_les_mentions_des_regles():
    texte = rediger_acte("commandement_saisie_vente", _dossier("commandement_saisie_vente")).texte()
    assert "En vertu de la copie exécutoire du jugement rendu par le tribunal judiciaire de Lyon le 12 mars 2024" in texte
    assert "d'avoir à payer, dans un délai de HUIT JOURS, les sommes suivantes :" in texte
    assert "vous pourrez y être contraint par la vente forcée de vos biens meubles" in texte
    assert "TOTAL ........................................... 15\u202f357,82\u00a0€" in texte


def test_ce_que_le_dossier_ne_donne_pas_reste_visible_et_est_une_erreur(verificateur):
    dossier = copy.deepcopy(_dossier("denonciation_saisie_attribution"))
    del dossier["juge_execution"]
    redaction = rediger_acte("denonciation_saisie_attribution", dossier)
    assert not redaction.est_complet
    assert "[À COMPLÉTER : ville du juge de l'exécution (domicile du débiteur)]" in redaction.texte()
    assert {m.champ for m in redaction.manques if m.gravite == "erreur"} == {"ville_juge", "adresse_juge"}


def test_un_dossier_hors_schema_est_refuse_avec_le_champ():
    donnees = lire_yaml(DOSSIERS / COMPLETS["denonciation_saisie_attribution"])
    donnees["saisie"]["montant"] = 12.5
    with pytest.raises(EntreeInvalide, match="saisie.montant"):
        valider_dossier(donnees, "d.yaml", types_rediges()["denonciation_saisie_attribution"]["schema"])


def test_la_commande_ecrit_l_acte_et_sort_en_1_s_il_manque_quelque_chose(tmp_path, capsys):
    sortie = tmp_path / "acte.docx"
    assert main(["rediger", "lettre_recouvrement_amiable", "--dossier",
                 str(DOSSIERS / COMPLETS["lettre_recouvrement_amiable"]), "-o", str(sortie)]) == 0
    assert main(["verifier", str(sortie)]) == 0
    incomplet = tmp_path / "incomplet.yaml"
    texte = (DOSSIERS / COMPLETS["lettre_recouvrement_amiable"]).read_text(encoding="utf-8")
    incomplet.write_text(texte.split("paiement:")[0], encoding="utf-8")
    assert main(["rediger", "lettre_recouvrement_amiable", "--dossier", str(incomplet), "-o",
                 str(tmp_path / "b.docx")]) == 1
    assert "IBAN du compte de l'étude" in capsys.readouterr().err
    # l'acte à compléter est écrit, et `actes verifier` en fait une erreur : il n'est pas prêt à signer
    assert main(["verifier", str(tmp_path / "b.docx"), "--format", "json"]) == 1
    constats = json.loads(capsys.readouterr().out)["fichiers"][0]["constats"]
    assert constats and {(c["code"], c["gravite"]) for c in constats} == {("ACTE-MENTION-A-COMPLETER", "erreur")}
    assert main(["rediger", "acte_inconnu", "--dossier", str(incomplet), "-o", str(tmp_path / "c.docx")]) == 2


TEXTES = {"commandement_saisie_remunerations": ("dossier-commandement-saisie-remunerations.yaml",
                                                 ["CPCE:R212-1-5", "CPCE:R212-1-6"]),
          "commandement_quitter_les_lieux": ("dossier-commandement-quitter-les-lieux.yaml",
                                             [f"CPCE:L412-{n}" for n in range(1, 7)])}


@pytest.mark.parametrize("type_acte", sorted(TEXTES))
def test_un_texte_a_reproduire_vient_des_textes_officiels_ou_reste_a_completer(type_acte, verificateur):
    fichier, references = TEXTES[type_acte]
    dossier = charger_dossier(DOSSIERS / fichier, types_rediges()[type_acte]["schema"])
    redaction = rediger_acte(type_acte, dossier)
    manquants = [m.champ for m in redaction.manques if m.gravite == "erreur"]
    officiels = [r for r in references if (Path(__file__).parent.parent / "regles" / "textes" /
                                           f"{r.replace(':', '-')}.yaml").is_file()]
    # jamais de mémoire : chaque texte absent de regles/textes/ est une marque à compléter, et seulement ceux-là
    assert set(manquants) <= set(references)
    assert set(references) - set(officiels) <= set(manquants)
    for reference in references:
        if reference in manquants:
            assert f"[À COMPLÉTER : texte de l'article {reference.split(':')[1][0]}." in redaction.texte()
    constats = {code for code, gravite in _constats(verificateur, redaction) if gravite != "information"}
    attendus = {"ACTE-MENTION-A-COMPLETER"} if manquants else set()
    if type_acte == "commandement_quitter_les_lieux" and manquants:
        attendus.add("CPCER412-1-TEXTES-NON-REPRODUITS")
    assert constats == attendus


def test_le_commandement_de_saisie_des_remunerations_donne_la_fin_du_mois_pour_contester():
    dossier = charger_dossier(DOSSIERS / "dossier-commandement-saisie-remunerations.yaml",
                              types_rediges()["commandement_saisie_remunerations"]["schema"])
    texte = rediger_acte("commandement_saisie_remunerations", dossier).texte()
    assert "SOIT AU PLUS TARD LE 15 MAI 2026." in texte                   # 14/5/2026, Ascension → 15/5 (CPC:642)
    assert "d'avoir à payer, dans le délai d'UN MOIS, les sommes ci-dessous" in texte


def test_la_requete_en_injonction_de_payer_porte_le_juge_le_montant_le_fondement_et_le_bordereau():
    # CPC:1406 (juge du lieu où demeure le débiteur), CPC:1407 (montant précis et décompte, fondement, bordereau)
    texte = rediger_acte("requete_injonction_de_payer", _dossier("requete_injonction_de_payer")).texte()
    assert "À Madame, Monsieur le président du tribunal judiciaire de Lyon" in texte
    assert "CONTRE : Monsieur Paul DURAND, demeurant 8 chemin des Bruyères, 69500 BRON, débiteur." in texte
    assert "de lui payer la somme de 4\u202f320,00 €, selon le décompte ci-dessous." in texte
    assert "Cette créance a pour fondement la facture n° 2025-118 du 3 novembre 2025" in texte
    assert ("Bordereau des documents justificatifs joints à la requête : 1. devis accepté du 2 octobre 2025 ; "
            "2. facture n° 2025-118 du 3 novembre 2025 ; 3. mise en demeure") in texte


def test_la_requete_sans_pieces_ni_juge_garde_ses_marques_et_le_verificateur_les_signale(verificateur):
    dossier = copy.deepcopy(_dossier("requete_injonction_de_payer"))
    del dossier["pieces"], dossier["juridiction"]
    redaction = rediger_acte("requete_injonction_de_payer", dossier)
    assert {m.champ for m in redaction.manques if m.gravite == "erreur"} == {"juge", "ville_juridiction", "bordereau"}
    texte = redaction.texte()
    assert "[À COMPLÉTER : pièces justificatives jointes]" in texte
    assert "[À COMPLÉTER : ville du tribunal du lieu où demeure le débiteur]" in texte
    assert ("ACTE-MENTION-A-COMPLETER", "erreur") in _constats(verificateur, redaction)
