"""Contrôle de l'argent écrit dans un acte : décompte, coût de l'acte, frais d'une lettre amiable (extraits rédigés)."""
import datetime as dt
from decimal import Decimal as D

from actes.argent.controle import controler_cout_acte, controler_decompte, controler_frais_amiable, lire_decompte

J = dt.date

COUT_AVEC_TAXE = """MODALITES DE REMISE
Acte remis à personne le 9 février 2026.

COÛT DE L'ACTE
Emolument ................... 51,58
Transport ................... 9,40
Total HT .................... 60,98
TVA 20 % .................... 12,20
Frais postaux ............... 2,16
Taxe forfaitaire ............ 14,89
TOTAL TTC ................... 90,23 €

Maître Anne LEROY
"""


def test_signale_la_taxe_forfaitaire_d_un_acte_de_2026_et_corrige_le_total():
    anomalies = controler_cout_acte(COUT_AVEC_TAXE, J(2026, 2, 9), "signification_jugement")
    assert len(anomalies) == 1
    anomalie = anomalies[0]
    assert anomalie.references == ("CGI:302 bis Y",)
    assert COUT_AVEC_TAXE[anomalie.debut:anomalie.fin].startswith("Taxe forfaitaire")
    assert anomalie.suggestion == "TOTAL TTC ................... 75,34 €"  # 90,23 − 14,89
    assert "75,34" in anomalie.message


def test_taxe_forfaitaire_permise_en_2020():
    assert controler_cout_acte(COUT_AVEC_TAXE, J(2020, 11, 3)) == []


def test_cout_sur_une_ligne_conforme_silencieux():
    texte = "COUT DE L'ACTE\nEmolument 55,80 – Transport 9,40 – Total HT 65,20 – TVA 13,04 – Frais postaux 2,16 – TOTAL TTC 80,40 €\n"
    assert controler_cout_acte(texte, J(2025, 3, 17)) == []


def test_cout_au_taux_de_tva_perime():
    texte = "Coût de l'acte : Emolument 55,80 – Transport 9,40 – Total HT 65,20 – TVA 19,6 % 12,78 – TOTAL TTC 77,98 €"
    anomalies = controler_cout_acte(texte, J(2025, 3, 17))
    tva = anomalies[0]
    assert tva.references == ("CGI:278",) and texte[tva.debut:tva.fin] == "TVA 19,6 % 12,78"
    assert tva.suggestion == "TVA 20 % 13,04"  # 65,20 × 20 % = 13,04
    assert anomalies[1].suggestion == "TOTAL TTC 78,24 €"  # 65,20 + 13,04


def test_cout_en_tableau_dont_le_total_ne_tombe_pas_juste():
    texte = ("COUT DE L'ACTE\nEmolument\t48,77\nVacation\t6,70\nTransport\t9,40\nTotal HT\t64,87\nTVA 20 %\t12,97\n"
             "Frais postaux\t2,16\nTOTAL TTC\t81,00 €\n")
    anomalies = controler_cout_acte(texte, J(2026, 7, 7))
    assert [a.suggestion for a in anomalies] == ["TOTAL TTC\t80,00 €"]  # 64,87 + 12,97 + 2,16


def test_ligne_de_decompte_cout_du_present_acte_n_est_pas_le_bloc():
    texte = "| Principal | 1 000,00 € |\n| Coût du présent acte | 165,59 € |\n| TOTAL | 1 165,59 € |\n"
    assert controler_cout_acte(texte, J(2026, 1, 5)) == []


DECOMPTE = """pour avoir paiement des sommes suivantes :

| Principal | 6 750,00 € |
| Intérêts échus du 18/11/2025 au 07/07/2026 | 284,77 € |
| Article 700 du code de procédure civile | 1 000,00 € |
| Dépens | 188,40 € |
| Acomptes versés à déduire | 500,00 € |
| Coût du présent acte | 61,82 € |
| TOTAL | {total} |

Le débiteur est averti qu'à défaut de paiement il pourra y être contraint par la vente forcée de ses biens meubles.
"""


def test_lit_un_decompte_en_tableau_avec_acompte_a_deduire():
    lu = lire_decompte(DECOMPTE.format(total="7 784,99 €"))
    assert [(l.nature, l.signe, l.montant) for l in lu.lignes] == [
        ("principal", 1, D("6750.00")), ("interets", 1, D("284.77")), ("article_700", 1, D("1000.00")),
        ("depens", 1, D("188.40")), ("versement", -1, D("500.00")), ("frais", 1, D("61.82"))]
    assert lu.total.montant == D("7784.99")
    assert controler_decompte(lu) == []


def test_signale_un_total_faux_et_propose_la_ligne_juste():
    texte = DECOMPTE.format(total="8 284,99 €")  # l'acompte oublié
    lu = lire_decompte(texte)
    anomalies = controler_decompte(lu, "commandement_saisie_vente")
    assert len(anomalies) == 1
    anomalie = anomalies[0]
    assert texte[anomalie.debut:anomalie.fin] == "| TOTAL | 8 284,99 € |"
    assert anomalie.suggestion == "| TOTAL | 7 784,99 € |"
    assert anomalie.references == ("CPCE:R221-1",) and "7 784,99" in anomalie.message


def test_decompte_en_capitales_points_de_suite_et_separateur_point():
    texte = ("DECOMPTE\nPRINCIPAL ........................ 12.500,00 EUR\n"
             "INTERETS AU TAUX LEGAL DU 15/03/2024 AU 23/11/2026 ... 3.859,32 EUR\n"
             "DEPENS ........................... 245,30 euros\nTOTAL A PAYER .................... 16.504,62 EUR\n")
    lu = lire_decompte(texte)
    anomalie = controler_decompte(lu)[0]
    assert anomalie.suggestion == "TOTAL A PAYER .................... 16.604,62 EUR"


def test_pas_de_decompte_dans_la_prose():
    texte = ("condamnant Madame ARNAUD à payer la somme de 21 600,00 euros au titre du prix, 1 800,00 euros au titre "
             "de l'article 700 et les dépens.\nSolde bancaire insaisissable : 646,52 €\n")
    assert lire_decompte(texte) is None


def test_bloc_de_cout_n_est_pas_un_decompte():
    assert lire_decompte(COUT_AVEC_TAXE) is None


def test_versement_au_signe_douteux_ne_declenche_rien():
    texte = "Principal ..... 1 000,00 €\nRèglement reçu ..... 200,00 €\nTotal ..... 1 200,00 €\n"
    assert controler_decompte(lire_decompte(texte)) == []


LETTRE = """Nous vous mettons en demeure de régler la somme détaillée ci-dessous :

| Principal (factures impayées de mars et avril 2026) | 412,50 € |
| Intérêts au taux légal depuis la mise en demeure du 2 mai 2026 | 1,35 € |
| Frais de dossier | 35,00 € |
| TOTAL | 448,85 € |

Article L. 111-8 du code des procédures civiles d'exécution, alinéas 2 et 3 :
« Les frais de recouvrement entrepris sans titre exécutoire restent à la charge du créancier, sauf s'ils concernent un acte dont l'accomplissement est prescrit par la loi au créancier. »
"""


def test_frais_de_dossier_reclames_dans_une_lettre_amiable():
    anomalies = controler_frais_amiable(LETTRE)
    assert len(anomalies) == 1
    anomalie = anomalies[0]
    assert anomalie.references == ("CPCE:L111-8",)
    assert LETTRE[anomalie.debut:anomalie.fin] == "| Frais de dossier | 35,00 € |\n| TOTAL | 448,85 € |"
    assert anomalie.suggestion == "| TOTAL | 413,85 € |"


def test_texte_de_l_article_et_indemnite_legale_de_40_euros_silencieux():
    texte = LETTRE.replace("| Frais de dossier | 35,00 € |", "| Indemnité forfaitaire pour frais de recouvrement (C. com. art. L. 441-10) | 40,00 € |")
    assert controler_frais_amiable(texte) == []


def test_frais_de_recouvrement_hors_tableau():
    texte = "Principal : 412,50 €\n\nFrais de recouvrement : 50,00 €\n\nVeuillez régler sous huitaine."
    anomalie = controler_frais_amiable(texte)[0]
    assert texte[anomalie.debut:anomalie.fin] == "Frais de recouvrement : 50,00 €" and anomalie.suggestion is None
