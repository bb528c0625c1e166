"""Contrôle des lignes d'intérêts d'un décompte (CMF:L313-2, D313-1-A, L313-3 ; CC:1231-7) : chiffres vérifiés à la main.

Taux de l'intérêt légal du 1er semestre 2026 (arrêté du 15/12/2025, JORF du 26/12/2025) : 6,67 % (créancier personne
physique n'agissant pas pour des besoins professionnels), 2,62 % (autres cas). Base 365, jour d'arrêt non compté.
"""
from __future__ import annotations

import datetime as dt

from actes.argent.controle import controler_interets

SOCIETE = "La société TRANSPORTS VERDIER, société à responsabilité limitée, dont le siège est 3 allée des Tanneurs, 37100 TOURS,"
PERSONNE = "Monsieur Paul GIRARD, demeurant 4 rue de la Paix, 37000 TOURS,"

# 8 750 × 2,62 × 71 / 36 500 = 44,59 (du 08/01 au 20/03/2026 : 23 + 28 + 20 = 71 jours)
# 8 750 × 7,62 × 25 / 36 500 = 45,67 (du 20/03 au 14/04/2026 : 11 + 14 = 25 jours)
# 1 200 × 2,62 × 71 / 36 500 = 6,12
LIGNES = """Principal ........................................ 8 750,00 €
Intérêts au taux légal de 2,62 % du 08/01/2026 au 20/03/2026 ........ 44,59 €
Intérêts au taux légal majoré de 7,62 % du 20/03/2026 au 14/04/2026 ... 45,67 €
Article 700 du code de procédure civile .......... 1 200,00 €
Intérêts au taux légal de 2,62 % sur l'article 700 du 08/01/2026 au 20/03/2026 ..... 6,12 €
TOTAL ........................................... 10 046,38 €"""


def acte(lignes: str = LIGNES, requerant: str = SOCIETE,
         titre: str = "signifié le 20 janvier 2026 et devenu exécutoire le 20 janvier 2026,") -> str:
    return (f"COMMANDEMENT DE PAYER AUX FINS DE SAISIE-VENTE\n\nL'AN DEUX MILLE VINGT-SIX ET LE QUATORZE AVRIL\n\n"
            f"A LA REQUETE DE :\n{requerant}\n\nEN VERTU D'un jugement contradictoire rendu le 8 janvier 2026 par le "
            f"tribunal judiciaire de Tours, {titre}\n\nDÉCOMPTE ARRÊTÉ AU 14 AVRIL 2026\n{lignes}\n\nSous réserve.\n")


def test_decompte_juste_ne_donne_rien():
    assert controler_interets(acte()) == []


def test_montant_faux_donne_le_chiffre_recalcule_et_la_ligne_a_ecrire():
    texte = acte(LIGNES.replace("44,59 €", "54,59 €"))
    [anomalie] = controler_interets(texte)
    assert anomalie.references == ("CMF:L313-2",)
    assert "donne 44,59 €" in anomalie.message
    assert anomalie.suggestion == "Intérêts au taux légal de 2,62 % du 08/01/2026 au 20/03/2026 ........ 44,59 €"
    assert texte[anomalie.debut:anomalie.fin].startswith("Intérêts au taux légal de 2,62 %")


def test_ecart_d_un_jour_admis_au_dela_signale():
    # écart admis : 1 € + un jour (8 750 × 2,62 / 36 500 = 0,63) + un cent par ligne = 1,64 € ; 44,59 + 1,64 = 46,23
    assert controler_interets(acte(LIGNES.replace("44,59 €", "46,23 €"))) == []
    assert len(controler_interets(acte(LIGNES.replace("44,59 €", "46,24 €")))) == 1


def test_creancier_personne_physique_deux_categories_sans_suggestion():
    # particulier : 8 750 × 6,67 × 71 / 36 500 = 113,53 ; autres : 44,59 ; majoration possible (date exécutoire non écrite)
    lignes = ("Principal ........ 8 750,00 €\nIntérêts au taux légal du 08/01/2026 au 08/03/2026 ........ 10,00 €\n"
              "TOTAL ........ 8 760,00 €")
    # du 08/01 au 08/03/2026 : 59 jours ; autres 8 750 × 2,62 × 59 / 36 500 = 37,06 ; particulier 94,34
    [anomalie] = controler_interets(acte(lignes, requerant=PERSONNE, titre=""))
    assert "94,34 €" in anomalie.message and "37,06 €" in anomalie.message
    assert anomalie.suggestion is None
    bonne = lignes.replace("10,00 €", "94,34 €").replace("8 760,00", "8 844,34")
    assert controler_interets(acte(bonne, requerant=PERSONNE, titre="")) == []


def test_taux_d_un_autre_semestre_signale():
    texte = acte(LIGNES.replace("de 2,62 % du 08/01/2026 au 20/03/2026", "de 2,76 % du 08/01/2026 au 20/03/2026"))
    [anomalie] = controler_interets(texte)
    assert anomalie.references == ("CMF:D313-1-A",)
    assert "2,62 %" in anomalie.message
    assert anomalie.suggestion.startswith("Intérêts au taux légal de 2,62 % du 08/01/2026")
    assert anomalie.suggestion.endswith("44,59 €")


def test_majoration_avant_deux_mois_apres_le_caractere_executoire():
    # exécutoire le 20/01/2026 : majoration à compter du 20/03/2026 (CMF:L313-3)
    # 8 750 × 2,62 × 12 / 36 500 = 7,54 (08/03 → 20/03) ; 8 750 × 7,62 × 25 / 36 500 = 45,67
    lignes = ("Principal ........ 8 750,00 €\n"
              "Intérêts au taux légal majoré de 7,62 % du 08/03/2026 au 14/04/2026 ........ 67,58 €\n"
              "TOTAL ........ 8 817,58 €")
    [anomalie] = controler_interets(acte(lignes))
    assert anomalie.references == ("CMF:L313-3",)
    assert "20/03/2026" in anomalie.message
    assert anomalie.suggestion == (
        "Intérêts au taux légal de 2,62 % du 08/03/2026 au 20/03/2026 ..... 7,54 €\n"
        "Intérêts au taux légal majoré de 7,62 % du 20/03/2026 au 14/04/2026 ..... 45,67 €")


def test_interets_de_l_article_700_avant_la_decision():
    texte = acte(LIGNES.replace("sur l'article 700 du 08/01/2026", "sur l'article 700 du 05/11/2025"))
    [anomalie] = controler_interets(texte)
    assert anomalie.references == ("CC:1231-7",)
    assert anomalie.suggestion.endswith("sur l'article 700 du 08/01/2026 au 20/03/2026 ..... 6,12 €")


def test_ligne_ouverte_arretee_a_la_date_du_decompte_ou_de_l_acte():
    lignes = ("Principal ........ 8 750,00 €\nIntérêts au taux légal de 2,62 % à compter du 08/01/2026 ........ 44,59 €\n"
              "TOTAL ........ 8 794,59 €")
    # arrêté au 14/04/2026 : 96 jours, 8 750 × 2,62 × 96 / 36 500 = 2 200 800 / 36 500 = 60,296 → 60,30
    [anomalie] = controler_interets(acte(lignes))
    assert "60,30 €" in anomalie.message
    sans_arrete = acte(lignes).replace("DÉCOMPTE ARRÊTÉ AU 14 AVRIL 2026", "DÉCOMPTE").replace(
        "L'AN DEUX MILLE VINGT-SIX ET LE QUATORZE AVRIL", "")
    assert controler_interets(sans_arrete) == []  # fin de période inconnue : rien
    assert controler_interets(sans_arrete, dt.date(2026, 3, 20)) == []  # 71 jours : 44,59
    [anomalie] = controler_interets(sans_arrete, dt.date(2026, 4, 14))
    assert anomalie.suggestion.endswith("60,30 €")


def test_semestre_sans_taux_saisi_ou_versement_pendant_la_periode_ne_donne_rien():
    avant_2015 = LIGNES.replace("du 08/01/2026 au 20/03/2026 ........ 44,59", "du 08/01/2014 au 20/03/2014 ........ 44,59")
    assert [a for a in controler_interets(acte(avant_2015)) if "08/01/2014" in a.message] == []
    # un acompte non daté a pu réduire le capital : un montant plus bas que le calcul n'est pas une faute montrable
    bas = LIGNES.replace("44,59 €", "30,00 €").replace("TOTAL", "Acompte reçu ........ -500,00 €\nTOTAL")
    assert controler_interets(acte(bas)) == []


def test_taux_conventionnel_recalcule():
    # 8 750 × 5 × 71 / 36 500 = 85,10 ; « intérêts à 5 % » sans le mot « taux » n'est pas lu
    conventionnel = LIGNES.replace("au taux légal de 2,62 % du 08/01", "au taux conventionnel de 5 % du 08/01")
    [anomalie] = controler_interets(acte(conventionnel))
    assert anomalie.references == ("CC:1343-1",) and anomalie.suggestion.endswith("85,10 €")
    assert controler_interets(acte(LIGNES.replace("au taux légal de 2,62 % du 08/01", "à 5 % du 08/01"))) == []
