"""Les actes d'exemple livrés (`examples/*.docx`) : constats exacts, par la ligne de commande comme un utilisateur."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RACINE = Path(__file__).resolve().parent.parent
EXEMPLES = RACINE / "examples"


def verifier(*arguments: str) -> tuple[int, dict, str]:
    """Lance `python -m actes verifier … --format json` ; code de sortie, JSON lu, erreur standard."""
    fini = subprocess.run([sys.executable, "-m", "actes", "verifier", *arguments, "--format", "json"],
                          capture_output=True, text=True, cwd=RACINE, timeout=120)
    return fini.returncode, json.loads(fini.stdout), fini.stderr


def resume(constat: dict) -> tuple:
    return constat["code"], constat["gravite"], tuple(constat["references"]), constat["suggestion"]


def test_la_signification_conforme_est_silencieuse():
    code, rapport, erreur = verifier("examples/signification-jugement-conforme.docx")
    assert code == 0, erreur
    (fichier,) = rapport["fichiers"]
    assert fichier["type_acte"] == "signification_jugement"
    assert fichier["date_acte"] == "2026-10-14"
    assert fichier["constats"] == []


def test_la_signification_fautive_donne_ses_six_constats():
    code, rapport, _ = verifier("examples/signification-jugement-erreurs.docx")
    assert code == 1
    (fichier,) = rapport["fichiers"]
    assert fichier["type_acte"] == "signification_jugement"
    assert [resume(c) for c in fichier["constats"]] == [
        ("CPC678-NOTIFICATION-AVOCAT-ABSENTE", "avertissement", ("CPC:678",),
         "Cette décision a été préalablement notifiée aux avocats des parties le [date], conformément à l'article 678 "
         "du code de procédure civile."),
        ("TERM-TGI-TI", "erreur", ("L2019-222:95",), "tribunal judiciaire"),
        ("CPC680-DELAI-PEU-APPARENT", "avertissement", ("CPC:680",), "Mettre la mention du délai en gras ou en capitales."),
        ("CPC680-DELAI-ERRONE", "erreur", ("CPC:680", "CPC:538"), "un mois"),
        ("CPC680-AMENDE-ABSENTE", "avertissement", ("CPC:680", "CPC:559"),
         "L'auteur d'un recours abusif ou dilatoire peut être condamné à une amende civile d'un maximum de "
         "10\u00a0000\u00a0€ et au paiement d'une indemnité à l'autre partie."),
        ("CPC656-VERIFICATIONS-ABSENTES", "erreur", ("CPC:656", "CPC:693"),
         "J'ai vérifié que le destinataire demeure bien à cette adresse : [son nom figure sur la boîte aux lettres "
         "et l'interphone ; le voisin / le gardien, M. …, me l'a confirmé]."),
    ]
    extraits = {c["code"]: c["emplacement"]["extrait"] for c in fichier["constats"]}
    assert extraits["TERM-TGI-TI"] == "tribunal de grande instance"
    assert extraits["CPC680-DELAI-ERRONE"] == "quinze jours"
    assert extraits["CPC680-DELAI-PEU-APPARENT"] == "dans le délai de quinze jours"


def test_le_proces_verbal_de_recherches_signale_la_lettre_tardive():
    code, rapport, _ = verifier("examples/proces-verbal-recherches-infructueuses.docx")
    assert code == 1
    (fichier,) = rapport["fichiers"]
    assert fichier["type_acte"] == "proces_verbal_recherches_infructueuses"
    # PV du lundi 16 novembre 2026 : la lettre devait partir au plus tard le mardi 17 (CPC:659 al. 2).
    assert [resume(c) for c in fichier["constats"]] == [
        ("CPC659-LRAR-TARDIVE", "erreur", ("CPC:659",),
         "Envoyer la lettre recommandée avec demande d'avis de réception au plus tard le 17/11/2026 (le jour même "
         "ou le premier jour ouvrable suivant)."),
    ]
    assert fichier["constats"][0]["emplacement"]["extrait"] == "19 novembre 2026"


def test_plusieurs_exemples_dans_une_seule_execution():
    code, rapport, _ = verifier("examples/signification-jugement-conforme.docx",
                                "examples/proces-verbal-recherches-infructueuses.docx")
    assert code == 1
    assert [f["chemin"] for f in rapport["fichiers"]] == [
        "examples/signification-jugement-conforme.docx", "examples/proces-verbal-recherches-infructueuses.docx"]


@pytest.mark.parametrize("nom", ["signification-jugement-conforme.docx", "signification-jugement-erreurs.docx",
                                 "proces-verbal-recherches-infructueuses.docx"])
def test_les_exemples_livres_sont_ceux_que_fabrique_le_script(nom, tmp_path):
    from actes.documents import lire

    sys.path.insert(0, str(EXEMPLES))
    try:
        import fabriquer
    finally:
        sys.path.remove(str(EXEMPLES))
    fabriquer.ecrire(fabriquer.ACTES[nom](), tmp_path / nom)
    livre, refait = lire(EXEMPLES / nom), lire(tmp_path / nom)
    assert refait.texte == livre.texte
    assert [[(s.gras, s.souligne) for s in b.segments] for b in refait.blocs] == \
        [[(s.gras, s.souligne) for s in b.segments] for b in livre.blocs]


REDIGES = {"commandement-saisie-vente-redige.docx": "commandement_saisie_vente",
           "denonciation-saisie-attribution-redigee.docx": "denonciation_saisie_attribution",
           "lettre-recouvrement-amiable-redigee.docx": "lettre_recouvrement_amiable",
           "commandement-payer-clause-resolutoire-redige.docx": "commandement_payer_clause_resolutoire",
           "requete-injonction-de-payer-redigee.docx": "requete_injonction_de_payer"}


@pytest.mark.parametrize("nom", sorted(REDIGES))
def test_chaque_acte_redige_livre_est_celui_du_dossier_d_exemple_et_il_est_silencieux(nom):
    sys.path.insert(0, str(EXEMPLES))
    try:
        import fabriquer
    finally:
        sys.path.remove(str(EXEMPLES))
    assert fabriquer.REDIGES[nom][0] == REDIGES[nom]
    assert (EXEMPLES / nom).read_bytes() == fabriquer.rediger(*fabriquer.REDIGES[nom])      # mêmes octets
    code, rapport, erreur = verifier(f"examples/{nom}")
    (fichier,) = rapport["fichiers"]
    assert (code, fichier["type_acte"], fichier["constats"]) == (0, REDIGES[nom], []), erreur
