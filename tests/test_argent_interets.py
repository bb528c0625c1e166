"""Intérêts : découpage par semestre, majoration, bases, capitalisation (CMF:L313-2, L313-3 ; CC:1343-2)."""
import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actes.argent.interets import debut_majoration, interets
from actes.erreurs import EntreeInvalide, ParametreSansValeur

J = dt.date


def test_decoupe_au_premier_juillet_et_calcule_a_la_main():
    # 12 500 × 8,01 × 108 / 36 500 = 296,2603 → 296,26 ; 12 500 × 8,16 × 40 / 36 500 = 111,7808 → 111,78
    # (taux 2024-S1 8,01 %, 2024-S2 8,16 %, créancier particulier)
    resultat = interets(D("12500"), J(2024, 3, 15), J(2024, 8, 10))
    assert [(l.du, l.au, l.jours, l.taux, l.montant) for l in resultat.lignes] == [
        (J(2024, 3, 15), J(2024, 7, 1), 108, D("8.01"), D("296.26")),
        (J(2024, 7, 1), J(2024, 8, 10), 40, D("8.16"), D("111.78")),
    ]
    assert resultat.total == D("408.04")


def test_majoration_de_cinq_points_deux_mois_apres_la_decision_executoire():
    executoire = J(2024, 6, 10)
    assert debut_majoration(executoire) == J(2024, 8, 10)
    lignes = interets(D("12500"), J(2024, 7, 1), J(2024, 9, 1), majoration_depuis=debut_majoration(executoire)).lignes
    # 12 500 × 8,16 × 40 / 36 500 = 111,78 ; puis 12 500 × 13,16 × 22 / 36 500 = 99,1507 → 99,15
    assert [(l.au, l.taux, l.majore, l.montant) for l in lignes] == [
        (J(2024, 8, 10), D("8.16"), False, D("111.78")), (J(2024, 9, 1), D("13.16"), True, D("99.15"))]
    assert lignes[1].references == ("CMF:L313-2", "CMF:L313-3")


def test_deux_mois_apres_un_31_decembre_est_le_dernier_jour_de_fevrier():
    assert debut_majoration(J(2023, 12, 31)) == J(2024, 2, 29)
    assert debut_majoration(J(2024, 12, 31)) == J(2025, 2, 28)


def test_base_exacte_compte_366_jours_en_annee_bissextile():
    # 10 000 × 8,01 × 108 / 36 600 = 236,3607 → 236,36 ; en base 365 : 8 650 800 / 36 500 = 237,0082 → 237,01
    assert interets(D("10000"), J(2024, 3, 15), J(2024, 7, 1), base="exacte").total == D("236.36")
    assert interets(D("10000"), J(2024, 3, 15), J(2024, 7, 1)).total == D("237.01")


def test_categorie_autres_et_penalites_commerciales():
    # autres cas 2024-S1 : 5,07 % ; 1 000 × 5,07 × 182 / 36 500 = 25,2805 → 25,28
    assert interets(D("1000"), J(2024, 1, 1), J(2024, 7, 1), categorie="autres").total == D("25.28")
    # BCE au 1/1/2024 4,50 % + 10 points (CCOM:L441-10) ; 1 000 × 14,5 × 182 / 36 500 = 72,3014 → 72,30
    commercial = interets(D("1000"), J(2024, 1, 1), J(2024, 7, 1), categorie="commercial")
    assert commercial.lignes[0].taux == D("14.50") and commercial.total == D("72.30")


def test_taux_conventionnel_sans_majoration():
    # coupé au 1er janvier seulement : 30 000 × 3,5 × 264 / 36 500 = 759,4521 → 759,45 ;
    # 30 000 × 3,5 × 27 / 36 500 = 77,6712 → 77,67 ; total 837,12 (12/04/2024 → 28/01/2025)
    resultat = interets(D("30000"), J(2024, 4, 12), J(2025, 1, 28), taux=D("3.5"))
    assert resultat.total == D("837.12") and resultat.lignes[0].references == ("CC:1343-1",)
    with pytest.raises(EntreeInvalide):
        interets(D("30000"), J(2024, 4, 12), J(2025, 1, 28), taux=D("3.5"), majoration_depuis=J(2024, 6, 1))


def test_capitalisation_annuelle_ajoute_les_interets_au_capital():
    # 2023 : 10 000 × 2,06 × 181 / 36 500 = 102,15 ; 10 000 × 4,22 × 184 / 36 500 = 212,73 → capital 10 314,88
    # 2024-S1 : 10 314,88 × 5,07 × 182 / 36 500 = 260,7658 → 260,77
    resultat = interets(D("10000"), J(2023, 1, 1), J(2024, 7, 1), categorie="autres", capitalisation=True)
    assert [l.montant for l in resultat.lignes] == [D("102.15"), D("212.73"), D("260.77")]
    assert resultat.lignes[2].capital == D("10314.88")
    assert resultat.capital_final == D("10314.88") and resultat.total == D("575.65")


def test_refuse_de_prolonger_un_taux_au_dela_de_son_semestre():
    with pytest.raises(ParametreSansValeur, match="2027-01-01"):
        interets(D("1000"), J(2026, 12, 1), J(2027, 2, 1))


def test_signale_les_taux_non_verifies():
    lignes = interets(D("1000"), J(2025, 12, 1), J(2026, 2, 1)).lignes
    assert lignes[0].a_verifier and lignes[1].a_verifier is None  # 2026-S1 : arrêté du 15/12/2025 lu


def test_refuse_une_periode_a_l_envers():
    with pytest.raises(EntreeInvalide):
        interets(D("1000"), J(2025, 1, 2), J(2025, 1, 1))


jours = st.dates(min_value=J(2015, 1, 1), max_value=J(2026, 12, 31))
montants = st.decimals(min_value=D("0"), max_value=D("1000000"), places=2)


@settings(max_examples=60, deadline=None)
@given(montants, jours, jours, jours)
def test_les_interets_ne_diminuent_jamais_avec_le_temps(principal, a, b, c):
    debut, milieu, fin = sorted((a, b, c))
    assert interets(principal, debut, milieu).total <= interets(principal, debut, fin).total


@settings(max_examples=60, deadline=None)
@given(montants, jours, jours, jours, st.sampled_from(["particulier", "autres"]))
def test_couper_une_periode_change_le_total_d_un_cent_au_plus(principal, a, b, c, categorie):
    debut, milieu, fin = sorted((a, b, c))
    majoration = debut_majoration(debut)
    entier = interets(principal, debut, fin, categorie=categorie, majoration_depuis=majoration).total
    coupe = (interets(principal, debut, milieu, categorie=categorie, majoration_depuis=majoration).total
             + interets(principal, milieu, fin, categorie=categorie, majoration_depuis=majoration).total)
    assert abs(entier - coupe) <= D("0.01")
