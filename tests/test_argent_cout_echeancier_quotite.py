"""Coût d'un acte (CCOM:A444-x ; CGI:278, 302 bis Y), échéancier (CC:1343-5), quotité saisissable (CT:R3252-2)."""
import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actes.argent.cout import cout_acte, droit_proportionnel
from actes.argent.echeancier import echeancier
from actes.argent.quotite import quotite
from actes.erreurs import EntreeInvalide, ParametreSansValeur

J = dt.date


def test_cout_d_une_signification_de_jugement_en_2025():
    # argent.md §5 : 25,79 × 2 (créance > 1 280 €) = 51,58 ; + SCT 9,40 = 60,98 HT ; TVA 12,196 → 12,20 ;
    # 73,18 hors affranchissement ; + 2,16 de débours = 75,34
    cout = cout_acte("signification_jugement", J(2025, 5, 2), montant_creance=D("5000"), debours=D("2.16"))
    assert [l.montant for l in cout.lignes] == [D("51.58"), D("9.40"), D("2.16")]
    assert (cout.total_ht, cout.tva, cout.total_ttc) == (D("60.98"), D("12.20"), D("75.34"))


def test_taxe_forfaitaire_jusqu_au_31_decembre_2020_seulement():
    # 2020 : 20,21 × 1 (créance de 1 000 €), sans transport ; TVA 4,042 → 4,04 ; taxe 14,89 → 39,14
    avant = cout_acte("commandement_saisie_vente", J(2020, 12, 31), montant_creance=D("1000"), transport=False)
    assert avant.total_ttc == D("39.14") and avant.lignes[-1].references == ("CGI:302 bis Y",)
    apres = cout_acte("commandement_saisie_vente", J(2021, 1, 4), montant_creance=D("1000"), transport=False)
    assert all(l.libelle != "Taxe forfaitaire" for l in apres.lignes) and apres.total_ttc == D("24.25")


def test_cout_sans_tarif_connu_ou_type_inconnu():
    with pytest.raises(ParametreSansValeur, match="tarif suivant non trouvé"):
        cout_acte("signification_jugement", J(2026, 4, 1))
    with pytest.raises(EntreeInvalide):
        cout_acte("acte_imaginaire", J(2025, 1, 1))


def test_droits_proportionnels_par_tranches():
    # A444-32 sur 1 000 : 125 × 11,61 % + 485 × 10,64 % + 390 × 10,16 % = 14,5125 + 51,604 + 39,624 = 105,7405
    assert droit_proportionnel(D("1000"), J(2023, 1, 1), "A444-32")[0] == D("105.74")
    assert droit_proportionnel(D("150"), J(2023, 1, 1), "A444-32")[0] == D("21.28")  # forfait jusqu'à 188 €
    assert droit_proportionnel(D("1000000"), J(2023, 1, 1), "A444-32")[0] == D("5540")  # plafond
    # A444-15 sur 10 000 : 304 × 5,6 % + 608 × 2,8 % + 2 128 × 1,4 % + 6 960 × 0,28 % = 83,328 → 83,33
    assert droit_proportionnel(D("10000"), J(2022, 6, 1), "A444-15")[0] == D("83.33")
    with pytest.raises(ParametreSansValeur):
        droit_proportionnel(D("1000"), J(2025, 1, 1), "A444-31")


def test_echeancier_la_derniere_echeance_absorbe_l_arrondi():
    plan = echeancier(D("1000"), 6, J(2027, 1, 31))
    assert [e.montant for e in plan.echeances] == [D("166.67")] * 5 + [D("166.65")]     # demi supérieur
    assert [e.montant for e in echeancier(D("500"), 12, J(2027, 1, 5)).echeances] == [D("41.67")] * 11 + [D("41.63")]
    assert [e.date for e in plan.echeances][:3] == [J(2027, 1, 31), J(2027, 2, 28), J(2027, 3, 31)]
    assert plan.total == D("1000") and plan.echeances[-1].restant_du == 0


def test_echeancier_judiciaire_au_dela_de_deux_ans_signale():
    assert echeancier(D("4800"), 24, J(2027, 1, 5), judiciaire=True).alertes == ()
    assert "CC:1343-5" in echeancier(D("4800"), 25, J(2027, 1, 5), judiciaire=True).alertes[0]
    with pytest.raises(EntreeInvalide):
        echeancier(D("4800"), 0, J(2027, 1, 5))


def test_echeancier_avec_interets_rembourse_tout_le_capital():
    plan = echeancier(D("4800"), 24, J(2027, 1, 5), taux=D("6"))
    # taux mensuel 0,5 % : 4 800 × 0,005 = 24,00 d'intérêts le premier mois
    assert plan.echeances[0].interets == D("24.00")
    assert sum(e.capital for e in plan.echeances) == D("4800") and plan.echeances[-1].restant_du == 0
    assert plan.total == sum(e.montant for e in plan.echeances) > D("4800")


def test_quotite_calculee_a_la_main_bareme_2024():
    # 2 150 × 12 = 25 800 ; seuils 2024 majorés de 2 × 1 690 : 7 750 / 11 900 / 16 070 / 20 200 / 24 350 / 28 580
    # 387,50 + 415 + 834 + 1 032,50 + 1 383,33 + 966,67 = 5 019,00 par an → 418,25 par mois
    resultat = quotite(D("2150"), 2, J(2024, 6, 1))
    assert resultat.quotite_saisissable == D("418.25")
    assert resultat.solde_bancaire_insaisissable == D("635.71")


def test_quotite_laisse_toujours_le_rsa_au_salarie():
    # 2025 : 660 × 12 = 7 920 → 222 + 348 = 570 par an = 47,50 ; mais 660 − 646,52 = 13,48 seulement
    assert quotite(D("660"), 0, J(2025, 6, 1)).quotite_saisissable == D("13.48")
    assert quotite(D("600"), 0, J(2025, 6, 1)).quotite_saisissable == 0
    with pytest.raises(ParametreSansValeur):
        quotite(D("2000"), 0, J(2022, 6, 1))


@settings(max_examples=80, deadline=None)
@given(st.decimals(min_value=D("0.01"), max_value=D("100000"), places=2), st.integers(1, 120),
       st.dates(min_value=J(2020, 1, 1), max_value=J(2030, 12, 31)))
def test_les_echeances_font_le_montant(montant, nombre, premiere):
    plan = echeancier(montant, nombre, premiere)
    assert sum(e.montant for e in plan.echeances) == montant == plan.total
    assert all(e.montant >= 0 for e in plan.echeances)
    assert plan.echeances[-1].montant > 0
    if not plan.alertes:            # arrondi au plus proche : la dernière s'écarte d'au plus un demi-cent par échéance
        assert abs(plan.echeances[-1].montant - plan.echeances[0].montant) <= nombre * D("0.005")


@settings(max_examples=80, deadline=None)
@given(st.decimals(min_value=D("0"), max_value=D("20000"), places=2), st.decimals(min_value=D("0"), max_value=D("500"),
       places=2), st.integers(0, 6), st.dates(min_value=J(2024, 4, 1), max_value=J(2026, 12, 31)))
def test_la_quotite_croit_avec_le_salaire_sans_jamais_le_depasser(salaire, hausse, personnes, jour):
    bas, haut = quotite(salaire, personnes, jour), quotite(salaire + hausse, personnes, jour)
    assert bas.quotite_saisissable <= haut.quotite_saisissable <= salaire + hausse
    assert bas.quotite_saisissable <= salaire
