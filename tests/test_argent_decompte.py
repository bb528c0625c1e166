"""Imputation des paiements et décompte d'un dossier (CC:1343-1, 1342-10, 1343-2 ; CPCE:L111-8)."""
import datetime as dt
import io
from decimal import Decimal as D
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actes.argent.decompte import decompte, en_docx, en_donnees, en_texte, lire_dossier
from actes.argent.imputation import Creance, Dette, Frais, Paiement, imputer
from actes.argent.interets import Regime
from actes.erreurs import EntreeInvalide

J = dt.date
DONNEES = Path(__file__).parent / "donnees" / "argent"


def _principal(montant="10000", depuis=J(2024, 1, 1), categorie="autres", **autres):
    return Creance("principal", "Principal", D(montant), depuis, (), depuis, Regime(categorie), **autres)


def test_paiement_impute_sur_les_interets_puis_le_capital_reduit():
    # 1er semestre 2024 (autres, 5,07 %) : 10 000 × 5,07 × 182 / 36 500 = 9 227 400 / 36 500 = 252,8055 → 252,81
    # versement de 1 000 le 1/7/2024 : 252,81 sur intérêts, 747,19 sur capital → capital 9 252,81
    # 2e semestre (4,92 %) : 9 252,81 × 4,92 × 184 / 36 500 = 229,4900 → 229,49
    situation = imputer(Dette((_principal(),)), [Paiement(J(2024, 7, 1), D("1000"))], J(2025, 1, 1))
    parts = situation.imputations[0].parts
    assert [(p.poste, p.montant) for p in parts] == [("interets", D("252.81")), ("capital", D("747.19"))]
    assert [l.montant for l in situation.interets["principal"]] == [D("252.81"), D("229.49")]
    assert situation.reste_capital["principal"] == D("9252.81")
    assert situation.total_du == D("9482.30")


def test_frais_des_actes_deja_delivres_passent_avant_les_interets():
    frais = (Frais(J(2024, 2, 1), "Signification", D("73.26")), Frais(J(2024, 8, 1), "Commandement", D("62.45")))
    situation = imputer(Dette((_principal(),), frais), [Paiement(J(2024, 7, 1), D("300"))], J(2024, 9, 1))
    # le commandement du 1/8 n'existe pas encore au paiement du 1/7 : il reste dû en entier
    assert [(p.poste, p.montant) for p in situation.imputations[0].parts] == [
        ("frais", D("73.26")), ("interets", D("226.74"))]
    assert [reste for _, reste in situation.reste_frais] == [D("0"), D("62.45")]


def test_un_trop_percu_ne_rend_aucun_solde_negatif():
    situation = imputer(Dette((_principal("100", categorie="autres"),)), [Paiement(J(2024, 1, 1), D("150"))],
                        J(2024, 1, 1))
    assert situation.reste_capital["principal"] == 0 and situation.trop_percu == D("50")
    assert situation.total_du == D("-50")


def test_paiement_affecte_par_le_debiteur_a_une_creance():
    article_700 = Creance("article_700", "Article 700", D("1500"), J(2024, 1, 1))
    situation = imputer(Dette((_principal(), article_700)),
                        [Paiement(J(2024, 1, 1), D("500"), impute_sur="article_700")], J(2024, 1, 1))
    assert situation.reste_capital == {"principal": D("10000"), "article_700": D("1000")}


def test_sans_indication_les_capitaux_portant_interet_sont_payes_d_abord():
    depens = Creance("depens", "Dépens", D("200"), J(2023, 1, 1))
    situation = imputer(Dette((depens, _principal())), [Paiement(J(2024, 1, 1), D("500"))], J(2024, 1, 1))
    assert situation.reste_capital == {"depens": D("200"), "principal": D("9500")}


def test_capitalisation_dans_le_decompte():
    # 2023 (autres) : 102,15 + 212,73 = 314,88 capitalisés au 1/1/2024 (CC:1343-2)
    creance = _principal(depuis=J(2023, 1, 1), capitalisation=True)
    resultat = decompte(Dette((creance,)), [], J(2024, 7, 1))
    assert resultat.situation.capitalise["principal"] == D("314.88")
    assert resultat.situation.reste_capital["principal"] == D("10314.88")
    assert resultat.total_du == D("10575.65")  # 10 000 + 102,15 + 212,73 + 260,77


def test_dossier_realiste_juste_au_cent_et_chaque_ligne_a_son_article():
    dette, paiements, au = lire_dossier(DONNEES / "dossier-decompte.yaml")
    resultat = decompte(dette, paiements, au)
    assert au == J(2026, 6, 30)
    assert sum(l.montant for l in resultat.lignes) == resultat.total_du == D("14810.92")
    assert all(l.references for l in resultat.lignes)
    premiere = resultat.lignes[1]  # 12 500 × 8,01 × 147 / 36 500 = 403,2432 → 403,24 (15/01 → 10/06/2024)
    assert (premiere.montant, premiere.references) == (D("403.24"), ("CMF:L313-2",))
    assert resultat.lignes[2].references == ("CMF:L313-2", "CMF:L313-3")  # majoration au 10/06/2024
    versement = next(l for l in resultat.lignes if l.nature == "versement")
    # 2 000 = 73,26 + 62,45 (frais) + 906,93 (intérêts du principal) + 90,07 (intérêts art. 700) + 867,29 (capital)
    assert "867,29" in versement.detail and versement.montant == D("-2000.00")
    donnees = en_donnees(resultat)
    assert donnees["total_du"] == "14810.92" and donnees["au"] == "2026-06-30"
    assert all(isinstance(l["montant"], str) for l in donnees["lignes"])
    assert "TOTAL DÛ" in en_texte(resultat)
    tableau = docx.Document(io.BytesIO(en_docx(resultat))).tables[0]
    assert tableau.rows[-1].cells[1].text == "14\u00a0810,92 €"


def _dossier(tmp_path, texte):
    chemin = tmp_path / "dossier.yaml"
    chemin.write_text(texte, encoding="utf-8")
    return chemin


def test_dossier_fautif_designe_la_ligne(tmp_path):
    chemin = _dossier(tmp_path, "au: 2025-01-01\ncreances:\n  - code: principal\n    date: 2024-01-01\n")
    with pytest.raises(EntreeInvalide, match="ligne 3.*montant"):
        lire_dossier(chemin)


def test_dossier_refuse_un_montant_flottant_et_une_cle_inconnue(tmp_path):
    with pytest.raises(EntreeInvalide, match="guillemets"):
        lire_dossier(_dossier(tmp_path, "creances:\n  - {code: principal, date: 2024-01-01, montant: 12.5}\n"))
    with pytest.raises(EntreeInvalide, match="inconnue"):
        lire_dossier(_dossier(tmp_path, "creance: []\n"))


def test_paiement_posterieur_au_decompte_refuse():
    with pytest.raises(EntreeInvalide):
        imputer(Dette((_principal(),)), [Paiement(J(2025, 1, 1), D("10"))], J(2024, 1, 1))


montant = st.decimals(min_value=D("0.01"), max_value=D("20000"), places=2)
jour = st.dates(min_value=J(2023, 1, 1), max_value=J(2026, 6, 30))


@settings(max_examples=50, deadline=None)
@given(montant, st.lists(st.tuples(jour, montant), max_size=5), st.lists(st.tuples(jour, montant), max_size=3))
def test_l_imputation_conserve_l_argent_et_aucun_solde_n_est_negatif(principal, versements, actes):
    dette = Dette((_principal(principal, depuis=J(2023, 1, 1)), Creance("depens", "Dépens", D("100"), J(2023, 1, 1))),
                  tuple(Frais(j, "Acte", m) for j, m in actes))
    paiements = [Paiement(j, m) for j, m in versements]
    resultat = decompte(dette, paiements, J(2026, 6, 30))
    situation = resultat.situation
    assert all(v >= 0 for v in [*situation.reste_capital.values(), *situation.reste_interets.values(),
                                *(r for _, r in situation.reste_frais)])
    for imputation in situation.imputations:
        assert sum(p.montant for p in imputation.parts) + imputation.trop_percu == imputation.paiement.montant
    du = principal + D("100") + sum(m for _, m in actes) + sum(
        sum(l.montant for l in lignes) for lignes in situation.interets.values())
    assert resultat.total_du == du - sum(m for _, m in versements)
