"""Parties d'un acte : requérant, destinataire, commissaire de justice, juridiction (actes.analyse.parties)."""
from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from actes.analyse import analyser
from actes.documents.document import document_de_texte
from actes.moteur.verificateur import Verificateur

ACTES = Path(__file__).parent / "regles" / "actes"


def parties_de(texte: str) -> dict:
    return analyser(document_de_texte(texte)).parties


def test_societe_requerante_tous_les_champs():
    # Extrait de tests/regles/actes/commandement-saisie-vente.txt, vérifié à la main.
    p = parties_de((ACTES / "commandement-saisie-vente.txt").read_text(encoding="utf-8"))
    r = p["requerant"]
    assert (r.nature, r.denomination, r.forme, r.capital) == ("morale", "CRÉDIT FLANDRES FINANCEMENT", "SA",
                                                               Decimal("2000000"))
    assert (r.rcs, r.siren) == ("Lille Métropole", "401227563")
    assert (r.adresse, r.code_postal, r.commune) == ("18 boulevard de la Liberté, 59800 LILLE", "59800", "LILLE")
    assert r.representant == "son directeur général"
    assert r.civilite is r.nom is r.naissance is r.profession is None
    d = p["destinataire"]
    assert (d.nature, d.civilite, d.prenoms, d.nom, d.code_postal) == ("physique", "Madame", "Sandrine", "LEFEBVRE",
                                                                       "59000")
    o = p["officier"]
    assert (o.prenoms, o.nom, o.qualite, o.office, o.ville) == ("Rémi", "DELANNOY", "commissaire de justice associé",
                                                                "SELARL ACTA NORD", "LILLE")
    j = p["juridiction"]
    assert (j.type, j.ville, j.numero_rg) == ("tribunal_judiciaire", "Lille", "25/06612")


def test_personne_physique_naissance_nationalite_profession():
    # Extrait de tests/regles/actes/signification-jugement.txt.
    p = parties_de((ACTES / "signification-jugement.txt").read_text(encoding="utf-8"))
    r = p["requerant"]
    assert (r.civilite, r.prenoms, r.nom) == ("Madame", "Claire", "VERNET")
    assert (r.naissance.date, r.naissance.lieu) == (dt.date(1979, 9, 4), "Villeurbanne (Rhône)")
    assert (r.nationalite, r.profession) == ("française", "architecte")
    assert r.denomination is r.forme is r.capital is r.siren is None
    j = p["juridiction"]
    assert (j.formation, j.numero_rg) == ("4e chambre civile", "25/04417")


def test_valeurs_reprises_du_texte_d_origine_aux_memes_positions():
    texte = (ACTES / "signification-jugement.txt").read_text(encoding="utf-8")
    r = parties_de(texte)["requerant"]
    assert texte[r.debut:r.fin].startswith("Madame Claire VERNET")
    assert "Ayant pour avocat" not in texte[r.debut:r.fin]


def test_acte_en_capitales_forme_ecrite_en_tete():
    texte = ("SIGNIFICATION DE JUGEMENT\n\nL'AN DEUX MILLE VINGT-SIX ET LE DOUZE OCTOBRE\n\n"
             "A LA REQUETE DE :\nLA SARL BOIS ET MATÉRIAUX, AU CAPITAL DE 7 622,45 EUROS, RCS ANGERS B 412 345 678, "
             "DONT LE SIÈGE SOCIAL EST 4 RUE D'ALSACE 49100 ANGERS, REPRÉSENTÉE PAR SON GÉRANT EN EXERCICE,\n\n"
             "J'AI, MAÎTRE PAUL MARTIN, COMMISSAIRE DE JUSTICE, À LA RÉSIDENCE D'ANGERS, SOUSSIGNÉ,\n\n"
             "SIGNIFIÉ À :\nMONSIEUR JEAN DUPONT, DEMEURANT 3 PLACE DU RALLIEMENT 49000 ANGERS,\n\n"
             "D'UN JUGEMENT RENDU LE 2 SEPTEMBRE 2026 PAR LE TRIBUNAL JUDICIAIRE D'ANGERS, N° RG 26/00123.\n")
    p = parties_de(texte)
    r = p["requerant"]
    assert (r.nature, r.forme, r.denomination, r.capital) == ("morale", "SARL", "BOIS ET MATÉRIAUX", Decimal("7622.45"))
    assert (r.siren, r.code_postal, r.commune, r.representant) == ("412345678", "49100", "ANGERS",
                                                                   "SON GÉRANT EN EXERCICE")
    d = p["destinataire"]
    # Tout en capitales : nom et prénoms indiscernables, la désignation entière est gardée comme nom.
    assert (d.civilite, d.nom, d.prenoms, d.code_postal) == ("Monsieur", "JEAN DUPONT", None, "49000")
    assert (p["officier"].nom, p["officier"].prenoms) == ("PAUL MARTIN", None)
    assert p["officier"].ville == "ANGERS"
    j = p["juridiction"]
    assert (j.type, j.ville, j.numero_rg) == ("tribunal_judiciaire", "ANGERS", "26/00123")


def test_representant_legal_et_champs_absents():
    texte = ("A LA REQUETE DE :\nLa société DUVAL IMMOBILIER, société par actions simplifiée au capital de 40 000 euros, "
             "immatriculée au RCS de Paris sous le numéro 837 205 661, dont le siège social est 12 rue de Rivoli, "
             "75004 Paris, prise en la personne de son représentant légal domicilié en cette qualité audit siège,\n\n"
             "SIGNIFIÉ À :\nM. Karim HADDAD, demeurant 48 rue Royale, 1000 BRUXELLES (BELGIQUE),\n")
    p = parties_de(texte)
    r = p["requerant"]
    assert (r.forme, r.capital, r.rcs, r.siren) == ("SAS", Decimal("40000"), "Paris", "837205661")
    assert r.representant == "son représentant légal"
    d = p["destinataire"]
    assert (d.civilite, d.prenoms, d.nom) == ("Monsieur", "Karim", "HADDAD")
    assert d.adresse == "48 rue Royale, 1000 BRUXELLES (BELGIQUE)"
    assert d.code_postal is d.commune is d.naissance is d.nationalite is d.profession is None   # adresse étrangère
    assert p["officier"] is None and p["juridiction"] is None


def test_officier_sans_maitre_et_office_nommant_l_etude():
    texte = ("À la requête de Madame Anne ROUX, demeurant 2 rue Vieille, 13002 Marseille,\n\n"
             "Je, Laurent PICARD, commissaire de justice à Marseille, soussigné,\n\n"
             "Ai signifié à la SCI LES PINS, dont le siège est 8 avenue du Prado, 13008 Marseille,\n")
    p = parties_de(texte)
    assert (p["officier"].prenoms, p["officier"].nom, p["officier"].ville) == ("Laurent", "PICARD", "Marseille")
    assert p["officier"].office is None
    d = p["destinataire"]
    assert (d.nature, d.forme, d.denomination, d.code_postal) == ("morale", "SCI", "LES PINS", "13008")
    assert p["requerant"].profession is None


def test_rg_ecrit_de_plusieurs_facons():
    for ecrit, attendu in [("RG n° 24/02214", "24/02214"), ("n° RG 2026R00891", "2026R00891"),
                           ("RG : 25/04417", "25/04417"), ("sous le numéro de rôle 2026F00318", "2026F00318")]:
        texte = f"D'un jugement rendu le 2 mars 2026 par le tribunal de commerce de Nanterre, {ecrit}, condamnant X.\n"
        j = parties_de(texte)["juridiction"]
        assert (j.type, j.ville, j.numero_rg) == ("tribunal_de_commerce", "Nanterre", attendu), ecrit


def test_juridiction_de_la_phrase_de_la_decision():
    # Le juge de l'exécution cité plus loin (contestations) n'est pas l'auteur du jugement.
    texte = ((ACTES / "commandement-quitter-les-lieux.txt").read_text(encoding="utf-8"))
    j = parties_de(texte)["juridiction"]
    assert (j.type, j.ville, j.numero_rg) == ("juge_des_contentieux_de_la_protection", "Nantes", "26/00931")


def test_faits_requerant_nature_et_lieu_viennent_des_parties():
    texte = ("A LA REQUETE DE :\nL'association LES AMIS DU PORT, dont le siège est 1 quai Nord, 17000 La Rochelle,\n\n"
             "SIGNIFIÉ À :\nMadame Lucie PETIT, demeurant 5 rue du Palais, 17000 LA ROCHELLE, locataire du 17300,\n")
    a = analyser(document_de_texte(texte))
    assert a.faits["requerant_nature"] == "morale"
    assert a.parties["requerant"].forme == "association"
    assert a.faits["lieu"] == "17000"


def test_json_de_verifier_porte_les_faits_et_les_parties():
    rapport = Verificateur().verifier(ACTES / "commandement-saisie-vente.txt")
    donnees = json.loads(json.dumps(rapport.en_dict()))
    faits = donnees["faits"]
    assert faits["date_acte"] == "2026-10-14"
    assert not any(cle.startswith("_") for cle in faits)
    requerant = faits["parties"]["requerant"]
    assert requerant["capital"] == "2000000.00" and requerant["siren"] == "401227563"
    assert "debut" not in requerant and faits["parties"]["juridiction"]["numero_rg"] == "25/06612"


PRENOMS = st.sampled_from(["Claire", "Jean-Marc", "Éloïse", "Yann", "Anne Marie"])
NOMS = st.from_regex(r"[A-Z][A-Z]{2,9}(?:-[A-Z]{3,8})?", fullmatch=True)
FORMES = st.sampled_from([("société par actions simplifiée", "SAS"), ("société à responsabilité limitée", "SARL"),
                          ("société anonyme", "SA"), ("société civile immobilière", "SCI"),
                          ("société en nom collectif", "SNC")])
VILLES = st.sampled_from(["LYON", "Saint-Étienne", "Aix-en-Provence", "BORDEAUX", "Nantes"])
CODES_POSTAUX = st.from_regex(r"(?:0[1-9]|[1-8]\d|9[0-5])\d{3}", fullmatch=True)


@settings(max_examples=60, deadline=None)
@given(denomination=NOMS, forme=FORMES, capital=st.integers(1, 99_999_999), siren=st.from_regex(r"\d{9}", fullmatch=True),
       numero=st.integers(1, 250), cp=CODES_POSTAUX, ville=VILLES, majuscules=st.booleans())
def test_propriete_bloc_societe_requerante_rendu_champ_par_champ(denomination, forme, capital, siren, numero, cp,
                                                                 ville, majuscules):
    capital_ecrit = f"{capital:,}".replace(",", " ")
    siren_ecrit = f"{siren[:3]} {siren[3:6]} {siren[6:]}"
    bloc = (f"La société {denomination}, {forme[0]} au capital de {capital_ecrit} euros, immatriculée au registre du "
            f"commerce et des sociétés de {ville} sous le numéro {siren_ecrit}, dont le siège social est {numero} rue "
            f"des Lilas, {cp} {ville}, représentée par son président domicilié en cette qualité audit siège,")
    if majuscules:
        bloc = bloc.upper()
    r = parties_de(f"A LA REQUETE DE :\n{bloc}\n\nSIGNIFIÉ À :\nMonsieur Paul NOËL, demeurant 1 rue Haute, 69001 LYON,\n")[
        "requerant"]
    assert r.nature == "morale" and r.forme == forme[1]
    assert r.denomination == (denomination.upper() if majuscules else denomination)
    assert r.capital == Decimal(capital) and r.siren == siren
    assert (r.code_postal, r.commune) == (cp, ville.upper() if majuscules else ville)
    assert r.rcs == (ville.upper() if majuscules else ville)
    assert r.representant.lower() == "son président"


@settings(max_examples=60, deadline=None)
@given(civilite=st.sampled_from([("Monsieur", "Monsieur"), ("M.", "Monsieur"), ("Madame", "Madame"),
                                 ("Mme", "Madame")]), prenoms=PRENOMS, nom=NOMS, cp=CODES_POSTAUX, ville=VILLES)
def test_propriete_bloc_personne_physique(civilite, prenoms, nom, cp, ville):
    texte = (f"A LA REQUETE DE :\n{civilite[0]} {prenoms} {nom}, de nationalité française, demeurant 3 rue du Pont, "
             f"{cp} {ville},\n")
    r = parties_de(texte)["requerant"]
    assert (r.nature, r.civilite, r.prenoms, r.nom) == ("physique", civilite[1], prenoms, nom)
    assert (r.code_postal, r.commune, r.nationalite) == (cp, ville, "française")
    assert re.fullmatch(r"3 rue du Pont, \d{5} .+", r.adresse)


def test_couple_syndicat_et_adresse_sise():
    p = parties_de("A LA REQUETE DE :\nMonsieur et Madame Paul DUPONT, demeurant ensemble 3 rue Haute, 69001 LYON,\n")
    r = p["requerant"]
    assert (r.civilite, r.prenoms, r.nom, r.adresse) == ("Monsieur et Madame", "Paul", "DUPONT", "3 rue Haute, 69001 LYON")
    r = parties_de("À la requête du Syndicat des copropriétaires de la résidence LES ALPES, sis 4 rue Lesdiguières, "
                   "38000 Grenoble, représenté par son syndic,\n")["requerant"]
    assert (r.nature, r.forme, r.code_postal, r.representant) == ("morale", None, "38000", "son syndic")
    assert r.denomination == "Syndicat des copropriétaires de la résidence LES ALPES"
    # Un avocat ou mandataire (« Maître ») n'est classé ni physique ni morale par l'extracteur : rien n'est deviné.
    assert parties_de("A LA REQUETE DE :\nMaître Anne GIRARD, mandataire judiciaire, ès qualités de liquidateur de la "
                      "SARL X, dont le siège est 1 rue A, 69001 LYON,\n")["requerant"] is None
