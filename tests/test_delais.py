"""Computation des délais (CPC:640 à 644), jours fériés du lieu, délais à rebours et fenêtre de signification."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actes.delais import (Duree, ajouter_mois, echeance, echeance_a_rebours, est_ferie, est_jour_ouvrable,
                          lire_duree, nom_ferie, premier_jour_ouvrable_suivant, signification_permise)
from actes.delais.feries import verifier_table
from actes.delais.lieux import lire_demeurant, lire_lieu
from actes.erreurs import EntreeInvalide

D = dt.date.fromisoformat

# (départ, durée, lieu, demeurant, échéance attendue) — vérifiés à la main sur un calendrier :
CAS = [
    # CPC:641 al. 2 : pas de 28 février samedi → prorogé au lundi 2 mars (exemple de l'issue)
    ("2026-01-31", "1 mois", "75001", None, "2026-03-02"),
    # année bissextile : 31 janvier 2024 + 1 mois → jeudi 29 février 2024
    ("2024-01-31", "1 mois", "75001", None, "2024-02-29"),
    ("2023-01-31", "1 mois", "75001", None, "2023-02-28"),
    # 29 février + 1 an → pas de 29 février 2025 : dernier jour du mois, vendredi 28
    ("2024-02-29", "1 an", "", None, "2025-02-28"),
    ("2025-03-31", "1 mois", "", None, "2025-04-30"),
    # Pâques 2026 : lundi 6 avril ; 20 mars + 15 jours = samedi 4 avril → mardi 7 avril
    ("2026-03-20", "15 jours", "75001", None, "2026-04-07"),
    # Vendredi saint 3 avril 2026 : férié en Moselle (CT:L3134-13), pas à Paris
    ("2026-03-19", "15 jours", "57000", None, "2026-04-07"),
    ("2026-03-19", "15 jours", "75001", None, "2026-04-03"),
    ("2026-03-19", "15 jours", "68100", None, "2026-04-07"),
    # 26 décembre 2025 (vendredi) : férié en Alsace → lundi 29 ; ouvrable à Paris
    ("2025-12-18", "8 jours", "67000", None, "2025-12-29"),
    ("2025-12-18", "8 jours", "75001", None, "2025-12-26"),
    # Martinique : 22 mai 2026 vendredi (CT:L3422-2), puis week-end et lundi de Pentecôte 25 mai → mardi 26
    ("2026-05-07", "15 jours", "97200", None, "2026-05-26"),
    ("2026-05-07", "15 jours", "75001", None, "2026-05-22"),
    # Saint-Martin : 27 (texte) et 28 mai (circulaires) comptés → vendredi 29 ; Guadeloupe : 27 mai seulement
    ("2026-05-12", "15 jours", "97150", None, "2026-05-29"),
    ("2026-05-12", "15 jours", "97100", None, "2026-05-28"),
    # Guyane 10 juin 2026 (mercredi) → jeudi 11 ; La Réunion 20 décembre 2027 (lundi) → mardi 21
    ("2026-05-26", "15 jours", "97300", None, "2026-06-11"),
    ("2027-12-05", "15 jours", "97400", None, "2027-12-21"),
    # Mi-Carême en Guadeloupe (12 mars 2026) : fête d'usage écartée, ne proroge pas
    ("2026-02-25", "15 jours", "97100", None, "2026-03-12"),
    # 14 juillet 2026 (mardi) ; 11 novembre 2026 (mercredi)
    ("2025-07-14", "1 an", "75001", None, "2026-07-15"),
    ("2026-10-28", "14 jours", "75001", None, "2026-11-12"),
    # semaines : 6 semaines = 42 jours, même jour de la semaine
    ("2025-10-06", "6 semaines", "75001", None, "2025-11-17"),
    # CPC:641 al. 3 : mois d'abord (16 février) puis jours → 3 mars ; l'ordre inverse donnerait le 28 février
    ("2026-01-16", "1 mois et 15 jours", "75001", None, "2026-03-03"),
    # CPC:643 : juridiction à Paris ; destinataire en Guadeloupe +1 mois (15 mars dimanche → 16), en Belgique +2 mois
    ("2026-01-15", "1 mois", "75001", "97100", "2026-03-16"),
    ("2026-01-15", "1 mois", "75001", "Belgique", "2026-04-15"),
    ("2026-01-15", "1 mois", "75001", "BE", "2026-04-15"),
    ("2026-01-15", "1 mois", "75001", "13001", "2026-02-16"),
    # CPC:644 : juridiction en Guadeloupe ; destinataire à Paris +1 mois, sur place rien, à l'étranger +2 mois
    ("2026-01-15", "15 jours", "97100", "75001", "2026-03-02"),
    ("2026-01-15", "15 jours", "97100", "97110", "2026-01-30"),
    ("2026-01-15", "1 mois", "97100", "Canada", "2026-04-15"),
]


@pytest.mark.parametrize("depart,duree,lieu,demeurant,attendu", CAS)
def test_echeance_verifiee_a_la_main(depart, duree, lieu, demeurant, attendu):
    assert echeance(D(depart), duree, lieu=lieu, demeurant=demeurant).date == D(attendu)


def test_explique_la_prorogation_avec_ses_articles():
    resultat = echeance(D("2026-01-31"), "1 mois", lieu="75001")
    articles = [e.article for e in resultat.etapes]
    assert articles == ["CPC:640", "CPC:641 al. 2", "CPC:642 al. 1", "CPC:642 al. 2"]
    assert "28 février 2026" in resultat.etapes[1].texte and "dernier jour du mois" in resultat.etapes[1].texte
    assert "lundi 2 mars 2026" in resultat.etapes[-1].texte
    assert resultat.depart == D("2026-01-31") and resultat.duree == Duree(mois=1)


def test_signale_le_vendredi_saint_a_verifier_en_alsace_moselle():
    resultat = echeance(D("2026-03-19"), "15 jours", lieu="57000")
    assert any("Vendredi saint" in point and "commune" in point for point in resultat.a_verifier)
    assert echeance(D("2026-03-19"), "15 jours", lieu="75001").a_verifier == ()


def test_signale_une_fete_locale_ecartee_tombant_a_l_echeance():
    resultat = echeance(D("2026-02-25"), "15 jours", lieu="97100")
    assert any("Mi-Carême" in point for point in resultat.a_verifier)


def test_pourvoi_non_augmente_devant_une_juridiction_d_outre_mer():
    # CPC:644 ne vise pas le pourvoi ; CPC:643 (juridiction en métropole) si
    assert echeance(D("2026-01-15"), "2 mois", lieu="97100", demeurant="75001", pourvoi=True).date == D("2026-03-16")
    assert echeance(D("2026-01-15"), "2 mois", lieu="75001", demeurant="97100", pourvoi=True).date == D("2026-04-15")


@pytest.mark.parametrize("texte,attendu", [
    ("15 jours", Duree(jours=15)), ("1 mois", Duree(mois=1)), ("2 mois", Duree(mois=2)),
    ("6 semaines", Duree(semaines=6)), ("1 an", Duree(annees=1)), ("deux mois", Duree(mois=2)),
    ("un mois et quinze jours", Duree(mois=1, jours=15)), ("quinze jours", Duree(jours=15)),
    ("huit jours", Duree(jours=8)), ("vingt et un jours", Duree(jours=21)), ("Un Mois", Duree(mois=1)),
    ("1 an, 2 mois et 3 jours", Duree(annees=1, mois=2, jours=3)), ("3 années", Duree(annees=3)),
])
def test_lit_les_durees_a_la_francaise(texte, attendu):
    assert lire_duree(texte) == attendu


@pytest.mark.parametrize("texte", ["", "15", "quinze", "2 heures", "0 jour", "1 mois et 2 mois", "abc jours",
                                   "15 jours 3", "et 15 jours", "1 moi"])
def test_refuse_une_duree_mal_formee(texte):
    with pytest.raises(EntreeInvalide):
        lire_duree(texte)


def test_ecrit_la_duree_en_francais():
    assert str(Duree(mois=1, jours=15)) == "1 mois et 15 jours"
    assert str(Duree(annees=1)) == "1 an" and str(Duree(semaines=6)) == "6 semaines"
    assert str(Duree(annees=2, mois=1, jours=1)) == "2 ans, 1 mois et 1 jour"


@pytest.mark.parametrize("depart,mois,attendu", [
    ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-08-31", 1, "2026-09-30"),
    ("2026-03-31", -1, "2026-02-28"), ("2025-12-15", 2, "2026-02-15"), ("2024-02-29", 12, "2025-02-28"),
    ("2026-05-31", 6, "2026-11-30"),
])
def test_ajoute_des_mois_au_meme_quantieme_sinon_au_dernier_jour(depart, mois, attendu):
    assert ajouter_mois(D(depart), mois) == D(attendu)


def test_jours_feries_du_lieu():
    assert nom_ferie(D("2026-04-03"), "57000") == "Vendredi saint"
    assert nom_ferie(D("2026-04-03"), "75001") is None
    assert nom_ferie(D("2026-12-26"), "68") == "26 décembre (Saint-Étienne)"
    assert est_ferie(D("2026-10-09"), "97133") and not est_ferie(D("2026-10-09"), "97100")
    assert est_ferie(D("2026-04-27"), "976") and est_ferie(D("2026-12-20"), "97400")
    assert not est_ferie(D("2026-07-21"), "97200")       # Schœlcher : écarté, faute de texte
    assert est_ferie(D("2006-06-05"), "75001")           # lundi de Pentecôte 2006, que `holidays` omet
    assert nom_ferie(D("2026-05-25"), "") == "Lundi de Pentecôte"


def test_jour_ouvrable_exclut_le_samedi():
    assert not est_jour_ouvrable(D("2026-02-28"), "75001")  # samedi
    assert est_jour_ouvrable(D("2026-03-02"), "75001")
    assert premier_jour_ouvrable_suivant(D("2026-12-24"), "67000") == D("2026-12-28")
    assert premier_jour_ouvrable_suivant(D("2026-04-02"), "57000") == D("2026-04-07")


def test_chaque_fete_locale_de_holidays_est_tranchee():
    verifier_table(range(1984, 2041))


@pytest.mark.parametrize("lieu,territoire", [
    ("75001", "metropole"), ("57000", "57"), ("67000", "67"), ("68100", "68"), ("97300", "973"),
    ("97100", "971"), ("97133", "977"), ("97150", "978"), ("20000", "metropole"), ("2A", "metropole"),
    ("971", "971"), ("", "metropole"), (None, "metropole"), ("98800", "988"), ("97500", "975"),
])
def test_resout_le_lieu(lieu, territoire):
    assert lire_lieu(lieu).territoire == territoire


@pytest.mark.parametrize("lieu", ["7500", "00000", "96000", "abc", "98000", "20"])
def test_refuse_un_lieu_inconnu(lieu):
    with pytest.raises(EntreeInvalide):
        lire_lieu(lieu)


def test_resout_le_demeurant_pays_ou_code_postal():
    assert lire_demeurant("Allemagne").pays == "DE" and lire_demeurant("de").est_etranger
    assert lire_demeurant("États-Unis").pays == "US"
    assert lire_demeurant("Guadeloupe").territoire == "971" and lire_demeurant("GP").territoire == "971"
    assert lire_demeurant("98000").est_etranger          # Monaco
    assert lire_demeurant(None) is None
    with pytest.raises(EntreeInvalide):
        lire_demeurant("Atlantide")


@pytest.mark.parametrize("evenement,duree,lieu,attendu", [
    # audience mardi 26 mai 2026, 15 jours au moins avant : ni le 26 ni l'échéance ne comptent → dimanche 10 mai,
    # pas de signification un dimanche (CPC:664), pas de prorogation (642) → samedi 9 mai
    ("2026-05-26", "15 jours", "75001", "2026-05-09"),
    # vendredi 26 juin 2026 − 15 jours = 11 juin ; délai franc → mercredi 10 juin
    ("2026-06-26", "15 jours", "75001", "2026-06-10"),
    # 26 décembre 2026 − 8 jours = 18 ; → jeudi 17 décembre
    ("2026-12-26", "8 jours", "67000", "2026-12-17"),
])
def test_delai_a_rebours(evenement, duree, lieu, attendu):
    resultat = echeance_a_rebours(D(evenement), duree, lieu=lieu)
    assert resultat.date == D(attendu)
    assert resultat.a_verifier


@pytest.mark.parametrize("moment,lieu,permis,motif", [
    (dt.datetime(2026, 3, 2, 6, 0), "75001", True, None),
    (dt.datetime(2026, 3, 2, 21, 0), "75001", True, None),
    (dt.datetime(2026, 3, 2, 5, 59), "75001", False, "six heures"),
    (dt.datetime(2026, 3, 2, 21, 1), "75001", False, "vingt et une heures"),
    (dt.datetime(2026, 2, 28, 10, 0), "75001", True, None),          # samedi : permis par CPC:664
    (dt.datetime(2026, 3, 1, 10, 0), "75001", False, "dimanche"),
    (dt.datetime(2026, 4, 3, 10, 0), "57000", False, "Vendredi saint"),
    (dt.datetime(2026, 4, 3, 10, 0), "75001", True, None),
    (D("2026-05-22"), "97200", False, "esclavage"),
])
def test_fenetre_de_signification(moment, lieu, permis, motif):
    resultat, raison = signification_permise(moment, lieu)
    assert resultat is permis
    assert (raison is None) if permis else (motif in raison and "CPC:664" in raison)


LIEUX = st.sampled_from(["75001", "57000", "67000", "68100", "97100", "97200", "97300", "97400", "97600", "97133",
                         "97150", "97500", "", "98800"])
JOURS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2039, 12, 31))


@settings(max_examples=300, deadline=None)
@given(depart=JOURS, jours=st.integers(1, 400), lieu=LIEUX)
def test_une_echeance_en_jours_est_ouvrable_et_jamais_avant_depart_plus_n(depart, jours, lieu):
    resultat = echeance(depart, Duree(jours=jours), lieu=lieu)
    assert resultat.date.weekday() < 5 and not est_ferie(resultat.date, lieu)
    assert depart + dt.timedelta(days=jours) <= resultat.date <= depart + dt.timedelta(days=jours + 6)


@settings(max_examples=200, deadline=None)
@given(depart=JOURS, mois=st.integers(1, 36), lieu=LIEUX)
def test_une_echeance_en_mois_est_ouvrable_et_garde_le_quantieme(depart, mois, lieu):
    resultat = echeance(depart, Duree(mois=mois), lieu=lieu)
    assert est_jour_ouvrable(resultat.date, lieu)
    brut = ajouter_mois(depart, mois)
    assert brut.day == depart.day or brut.month != (brut + dt.timedelta(days=1)).month
    assert brut <= resultat.date


@settings(max_examples=200, deadline=None)
@given(depart=JOURS, ecart=st.integers(0, 60), duree=st.sampled_from(["8 jours", "15 jours", "1 mois", "2 mois",
                                                                       "6 semaines", "1 mois et 15 jours", "1 an"]),
       lieu=LIEUX)
def test_un_depart_plus_tardif_ne_donne_jamais_une_echeance_plus_tot(depart, ecart, duree, lieu):
    plus_tard = depart + dt.timedelta(days=ecart)
    assert echeance(depart, duree, lieu=lieu).date <= echeance(plus_tard, duree, lieu=lieu).date


@settings(max_examples=200, deadline=None)
@given(depart=JOURS, jours=st.integers(1, 90), lieu=LIEUX,
       demeurant=st.sampled_from(["75001", "97100", "97200", "Belgique", "Japon", "98800"]))
def test_la_distance_n_avance_jamais_l_echeance(depart, jours, lieu, demeurant):
    if lieu in ("98800",):
        return
    sans = echeance(depart, Duree(jours=jours), lieu=lieu).date
    avec = echeance(depart, Duree(jours=jours), lieu=lieu, demeurant=demeurant).date
    assert sans <= avec


@settings(max_examples=200, deadline=None)
@given(evenement=JOURS, jours=st.integers(1, 60), lieu=LIEUX)
def test_un_delai_a_rebours_laisse_n_jours_francs_et_un_jour_de_signification(evenement, jours, lieu):
    resultat = echeance_a_rebours(evenement, Duree(jours=jours), lieu=lieu).date
    assert resultat <= evenement - dt.timedelta(days=jours + 1)
    assert signification_permise(resultat, lieu)[0]
