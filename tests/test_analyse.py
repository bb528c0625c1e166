"""Analyse d'un acte : pliage, dates, heures, montants, citations — cas vérifiés à la main et propriétés."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from actes.analyse.citations import chercher_citations
from actes.analyse.dates import MOIS, chercher_dates
from actes.analyse.heures import chercher_heures
from actes.analyse.montants import chercher_montants
from actes.analyse.texte import plier

NOMS_DES_MOIS = {numero: nom for nom, numero in MOIS.items()}
ACCENTS_DES_MOIS = {"fevrier": "février", "aout": "août", "decembre": "décembre"}


def une_date(texte: str) -> dt.date:
    (trouvee,) = chercher_dates(plier(texte))
    return trouvee.date


# --- Pliage ------------------------------------------------------------------------------------------------------------

@given(st.text())
def test_plier_garde_la_longueur(texte):
    assert len(plier(texte)) == len(texte)


def test_plier_minuscules_sans_accents():
    assert plier("SIGNIFIÉ À L’ÉTUDE – Œuvre «\u00a0n°\u00a0»") == "signifie a l'etude - ouvre \" no \""


# --- Dates -------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("texte, attendu", [
    ("L'AN DEUX MILLE VINGT-SIX ET LE CINQ OCTOBRE", dt.date(2026, 10, 5)),
    ("L'an deux mille vingt-six, le premier décembre", dt.date(2026, 12, 1)),
    ("L'AN DEUX MILLE VINGT-SIX ET LE VINGT ET UN MAI", dt.date(2026, 5, 21)),
    ("le samedi onze juillet deux mille vingt-six", dt.date(2026, 7, 11)),
    ("rendu le 1er avril 2026", dt.date(2026, 4, 1)),
    ("le 03/02/2025", dt.date(2025, 2, 3)),
    ("le 3.2.2025", dt.date(2025, 2, 3)),
])
def test_dates_ecrites_a_la_main(texte, attendu):
    assert une_date(texte) == attendu


def test_date_impossible_ignoree():
    assert chercher_dates(plier("le 31 avril 2026 et le 30/02/2026")) == []


def _jour_en_lettres(jour: dt.date) -> str:
    return "premier" if jour.day == 1 else num2words(jour.day, lang="fr")


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["chiffres", "mots", "lettres", "formule", "formule_majuscules"]))
def test_une_date_ecrite_se_relit(jour, forme):
    mois = NOMS_DES_MOIS[jour.month]
    mois = ACCENTS_DES_MOIS.get(mois, mois)
    annee = num2words(jour.year, lang="fr")
    if forme == "chiffres":
        texte = f"fait le {jour.day:02d}/{jour.month:02d}/{jour.year}."
    elif forme == "mots":
        texte = f"rendu le {'1er' if jour.day == 1 else jour.day} {mois} {jour.year}, "
    elif forme == "lettres":
        texte = f"le {_jour_en_lettres(jour)} {mois} {annee}"
    else:
        texte = f"L'an {annee} et le {_jour_en_lettres(jour)} {mois}"
        if forme == "formule_majuscules":
            texte = texte.upper()
    assert une_date(texte) == jour, texte


# --- Heures ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("texte, attendu", [
    ("à 14 h 30", dt.time(14, 30)), ("à 9h05", dt.time(9, 5)), ("à 21 heures 30", dt.time(21, 30)),
    ("à quatorze heures", dt.time(14, 0)), ("à 8 h", dt.time(8, 0)),
])
def test_heures(texte, attendu):
    (heure,) = chercher_heures(plier(texte))
    assert heure.heure == attendu


def test_un_taux_n_est_pas_une_heure():
    assert chercher_heures(plier("TVA 20 % ....... 7,46")) == []


# --- Montants ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("texte, attendu", [
    ("1 234,56 €", Decimal("1234.56")), ("1.234,56 euros", Decimal("1234.56")),
    ("21\u00a0600,00 EUR", Decimal("21600.00")), ("la somme de 10 000 euros", Decimal("10000")),
    ("Émolument ....... 27,91", Decimal("27.91")),
])
def test_montants_ecrits_a_la_main(texte, attendu):
    (montant,) = chercher_montants(plier(texte))
    assert montant.valeur == attendu


def test_un_entier_nu_n_est_pas_un_montant():
    assert chercher_montants(plier("RG n° 25/04417, 2026")) == []


def _a_la_francaise(valeur: Decimal, separateur: str) -> str:
    entier, decimales = f"{valeur:.2f}".split(".")
    groupes = []
    while entier:
        groupes.insert(0, entier[-3:])
        entier = entier[:-3]
    return f"{separateur.join(groupes)},{decimales}"


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=Decimal("99999999.99"), places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from([" ", "\u00a0", "\u202f", "."]), st.sampled_from([" €", " euros", " EUR", "€"]))
def test_un_montant_ecrit_a_la_francaise_se_relit(valeur, separateur, devise):
    texte = f"la somme de {_a_la_francaise(valeur, separateur)}{devise} au titre du principal"
    (montant,) = chercher_montants(plier(texte))
    assert montant.valeur == valeur, texte
    assert montant.avec_devise
    assert texte[montant.debut:montant.fin].startswith(_a_la_francaise(valeur, separateur))


# --- Citations ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("texte, attendu", [
    ("article 680 du code de procédure civile", ("CPC:680",)),
    ("art. R. 211-3 du CPCE", ("CPCE:R211-3",)),
    ("articles 654 à 659 du code de procédure civile", tuple(f"CPC:{n}" for n in range(654, 660))),
    ("l'article L. 412-1 du code des procédures civiles d'exécution", ("CPCE:L412-1",)),
])
def test_citations_normalisees(texte, attendu):
    (citation,) = chercher_citations(plier(texte))
    assert citation.references == attendu
