"""Table des voies de recours, carte judiciaire et délais de distance (référentiel procédure §3 et §4)."""
import pytest

from actes.decisions import cour_d_appel, voie_de_recours
from actes.erreurs import EntreeInvalide


@pytest.mark.parametrize("juridiction, type_decision, nature, ressort, juge, voie, delai, articles", [
    # procédure §3, tableau des voies et délais de recours
    ("tribunal_judiciaire", "jugement", "contradictoire", "premier", None, "appel", "1 mois", "CPC:538"),
    ("tribunal_judiciaire", "jugement", "contradictoire", "dernier", None, "pourvoi_en_cassation", "2 mois", "CPC:612"),
    ("tribunal_de_commerce", "jugement", "par_defaut", "dernier", None, "opposition", "1 mois", "CPC:571"),
    ("tribunal_judiciaire", "ordonnance_de_refere", "contradictoire", "premier", "juge_des_referes", "appel", "15 jours", "CPC:490"),
    ("tribunal_judiciaire", "ordonnance_de_refere", "par_defaut", "dernier", "juge_des_referes", "opposition", "15 jours", "CPC:490"),
    ("tribunal_judiciaire", "jugement", "contradictoire", "premier", "juge_de_l_execution", "appel", "15 jours", "CPCE:R121-20"),
    ("tribunal_judiciaire", "ordonnance_d_injonction_de_payer", None, None, None, "opposition", "1 mois", "CPC:1416"),
    ("cour_d_appel", "arret", "contradictoire", None, None, "pourvoi_en_cassation", "2 mois", "CPC:612"),
    ("conseil_de_prud_hommes", "jugement", "contradictoire", "premier", None, "appel", "1 mois", "CT:R1461-1"),
])
def test_table_des_voies(juridiction, type_decision, nature, ressort, juge, voie, delai, articles):
    r = voie_de_recours(juridiction, type_decision, nature, ressort, juge=juge, ville="Lyon")
    assert (r["voie"], r["delai"]) == (voie, delai)
    assert articles in r["articles"]


def test_appel_devant_la_cour_du_ressort_avec_son_siege():
    r = voie_de_recours("tribunal_judiciaire", "jugement", "contradictoire", "premier", ville="Gap")
    assert (r["juridiction"], r["siege"]) == ("cour d'appel de Grenoble", "Grenoble")
    assert r["amende_civile"] == "CPC:559"


def test_procedure_collective_dix_jours():
    # CCOM:R661-3 al. 1 (texte vu : legifrance, doctrine.fr, version du 2/7/2014)
    r = voie_de_recours("tribunal_de_commerce", "jugement", None, None, matiere="procedure_collective", ville="Nantes")
    assert (r["voie"], r["delai"], r["juridiction"]) == ("appel", "10 jours", "cour d'appel de Rennes")


def test_ressort_non_dit_donne_une_voie_inconnue_avec_le_taux():
    r = voie_de_recours("tribunal_judiciaire", "jugement", "contradictoire", None, date_decision="2023-05-02", ville="Paris")
    assert r["voie"] == "inconnue" and "5000" in r["raison"]


@pytest.mark.parametrize("demeurant, mois", [
    ("12 rue X, 75011 Paris", 0), ("97110 Pointe-à-Pitre", 1), ("Nouméa", 1), ("Bruxelles, Belgique", 2)])
def test_distance_juridiction_en_metropole(demeurant, mois):
    # CPC:643 : +1 mois outre-mer, +2 mois à l'étranger
    r = voie_de_recours("tribunal_judiciaire", "jugement", "contradictoire", "premier", ville="Paris", demeurant=demeurant)
    assert r["augmentation_distance"]["mois"] == mois


def test_distance_juridiction_outre_mer_ne_joue_pas_pour_le_pourvoi_mais_pour_l_appel():
    # CPC:644 : juridiction en Martinique ; destinataire en métropole : +1 mois en appel
    appel = voie_de_recours("tribunal_judiciaire", "jugement", "contradictoire", "premier", ville="Fort-de-France",
                            demeurant="69003 Lyon")
    assert appel["siege"] == "Fort-de-France" and appel["augmentation_distance"]["mois"] == 1


@pytest.mark.parametrize("type_, ville, siege", [
    ("tribunal_judiciaire", "Bobigny", "Paris"), ("tribunal_judiciaire", "Pointe-à-Pitre", "Basse-Terre"),
    ("tribunal_de_commerce", "Antibes", "Aix-en-Provence"), ("tribunal_judiciaire", "Mamoudzou", "Mamoudzou"),
    ("cour_d_appel", "FORT DE FRANCE", "Fort-de-France"), ("conseil_de_prud_hommes", "Nanterre", "Versailles")])
def test_cour_d_appel_et_siege(type_, ville, siege):
    assert cour_d_appel(type_, ville)["siege"] == siege


def test_cour_d_appel_inconnue_et_type_invalide():
    assert cour_d_appel("tribunal_judiciaire", "Atlantis") is None
    with pytest.raises(EntreeInvalide):
        cour_d_appel("tribunal_administratif", "Paris")


def test_chaque_cour_a_un_siege_et_des_tribunaux():
    from actes.decisions.juridictions import carte
    cours = carte()["cours"]
    assert len(cours) == 36
    assert sum(len(c["tribunaux_judiciaires"]) for c in cours.values()) == 167   # 164 TJ + 3 TPI (Nouméa, Papeete, Mata-Utu)
    assert all(c["siege"] and c["tribunaux_judiciaires"] for c in cours.values())


def test_appel_d_une_decision_de_mayotte_devant_la_chambre_d_appel_de_mamoudzou():
    # COJ (dispositions particulières à Mayotte) : la chambre d'appel de la cour d'appel de Saint-Denis siège à
    # Mamoudzou ; le lieu du recours fait partie de ses modalités (CPC:680).
    r = voie_de_recours("tribunal_judiciaire", "jugement", "contradictoire", "premier", ville="Mamoudzou",
                        demeurant="97600 Mamoudzou")
    assert (r["juridiction"], r["siege"]) == ("chambre d'appel de Mamoudzou de la cour d'appel de Saint-Denis",
                                              "Mamoudzou")
    assert r["augmentation_distance"]["mois"] == 0
    ailleurs = voie_de_recours("tribunal_judiciaire", "jugement", "contradictoire", "premier", ville="Mamoudzou",
                               demeurant="97400 Saint-Denis")
    assert ailleurs["augmentation_distance"] == {"mois": 1, "articles": ["CPC:644", "CPC:647"], "lieu": "La Réunion"}


def test_saint_denis_seul_est_ambigu_sauf_pour_le_siege_d_une_cour():
    from actes.decisions.juridictions import territoire_du_siege

    assert territoire_du_siege("Saint-Denis") is None
    assert territoire_du_siege("Saint-Denis de La Réunion") == "974"
    assert territoire_du_siege("Saint-Denis", cour=True) == "974"
    assert territoire_du_siege("Saint-Pierre-et-Miquelon") == "975"


def test_une_seule_table_des_distances_et_des_sieges():
    """Les collectivités de CPC:643 et 644 et les sièges d'outre-mer ne sont écrits que dans regles/."""
    from pathlib import Path

    import actes

    racine = Path(actes.__file__).parent
    for chemin in racine.rglob("*.py"):
        texte = chemin.read_text(encoding="utf-8").lower()
        for copie in ("collectivites_644", "outre_mer_643", "sieges_hors_metropole", "fort de france", "mamoudzou",
                      "sieges_outre_mer"):
            assert copie not in texte, f"{chemin.relative_to(racine)} : copie de la table ({copie})"


def test_la_distance_est_datee():
    from actes.delais.distance import hors_des_versions, version_au
    import datetime as dt

    assert version_au(dt.date(2026, 1, 1))["depuis"] == dt.date(2017, 5, 11)
    assert hors_des_versions(dt.date(2010, 1, 1)) and not hors_des_versions(dt.date(2018, 1, 1))
