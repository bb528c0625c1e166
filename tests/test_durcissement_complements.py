"""Entrées et sorties hostiles, suite : chaque commande qui lit ou écrit, pas seulement la première essayée.

Chaque cas finit par un rapport ou par un message en français et le code 2 ; entrées construites par les tests.
"""
from __future__ import annotations

import io
import json
import os
import random
import stat
import string
import time
import zipfile
from pathlib import Path

import docx
import pytest

from actes.cli import main
from actes.documents.garde import TEXTE_MAX
from tests.minuterie import borne
from tests.test_durcissement import lancer

RACINE = Path(__file__).resolve().parent.parent
CONFORME = RACINE / "tests" / "regles" / "actes" / "signification-jugement.txt"
DECISION = RACINE / "examples" / "decision-exemple.txt"
DOSSIER_SIGNIFICATION = RACINE / "examples" / "dossier-signification.yaml"
DOSSIER_DECOMPTE = RACINE / "examples" / "dossier-decompte.yaml"
DOSSIER_CALENDRIER = RACINE / "examples" / "dossier-calendrier.yaml"
DOSSIER_REDACTION = RACINE / "examples" / "dossier-lettre-recouvrement-amiable.yaml"
LISTE = RACINE / "tests" / "donnees" / "correction" / "liste-candidat.txt"
FAUTIF = RACINE / "tests" / "donnees" / "correction" / "acte-fautif.txt"


def _mots(nombre: int) -> str:
    hasard = random.Random(13)          # texte peu compressible : pas une bombe zip
    return " ".join("".join(hasard.choices(string.ascii_lowercase, k=7)) for _ in range(nombre))


def _docx(texte: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(texte)
    flux = io.BytesIO()
    document.save(flux)
    return flux.getvalue()


def _odt(texte: str) -> bytes:
    flux = io.BytesIO()
    with zipfile.ZipFile(flux, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
            f"<text:p>{texte}</text:p></office:text></office:body></office:document-content>"),
            compress_type=zipfile.ZIP_DEFLATED)
    return flux.getvalue()


# 1. Texte trop long : toute commande qui lit un acte ou une décision, tout format.

@pytest.fixture(scope="module")
def trop_long() -> str:
    return "SIGNIFICATION DE JUGEMENT\n" + _mots(TEXTE_MAX // 8 + 10)


def test_texte_trop_long_odt_et_jsonl(tmp_path, capsys, trop_long):
    long = tmp_path / "long.odt"
    long.write_bytes(_odt(trop_long))
    code, sortie, erreur = lancer(capsys, "verifier", long, CONFORME, "--format", "json")
    assert code == 2 and erreur.count("texte trop long") == 1
    fichiers = json.loads(sortie)["fichiers"]
    assert "texte trop long" in fichiers[0]["erreur"] and fichiers[1]["type_acte"] == "signification_jugement"


def test_texte_trop_long_en_caracteres_et_non_en_octets(tmp_path, capsys):
    accents = tmp_path / "accents.txt"            # 1,5 million d'octets, 750 000 caractères : sous la limite
    accents.write_text("SIGNIFICATION DE JUGEMENT\n" + "é " * 375_000, encoding="utf-8")
    euros = tmp_path / "euros.txt"                # 3 millions d'octets sous les 50 Mo, mais 1 000 001 caractères
    euros.write_text("€" * (TEXTE_MAX + 1), encoding="utf-8")
    code, sortie, _erreur = lancer(capsys, "verifier", accents, euros, "--format", "json")
    fichiers = json.loads(sortie)["fichiers"]
    assert code == 2 and "erreur" not in fichiers[0] and "texte trop long" in fichiers[1]["erreur"]


@pytest.mark.parametrize("role", ["signifier", "corriger", "lire-decision-json", "exercice"])
def test_decision_ou_acte_trop_long_ailleurs(tmp_path, capsys, trop_long, role):
    long = tmp_path / "long.txt"
    long.write_text(trop_long, encoding="utf-8")
    if role == "signifier":
        arguments = ("signifier", long, "--dossier", DOSSIER_SIGNIFICATION, "-o", tmp_path / "acte.txt")
    elif role == "corriger":
        arguments = ("corriger", CONFORME, "--decision", long)
    elif role == "lire-decision-json":
        judilibre = tmp_path / "decision.json"
        judilibre.write_text(json.dumps({"text": trop_long}), encoding="utf-8")
        arguments = ("lire-decision", judilibre)
    else:
        arguments = ("exercice", long, "-o", tmp_path / "sujet.txt", "--corrige", tmp_path / "corrige.yaml")
    code, _sortie, erreur = lancer(capsys, *arguments)
    assert code == 2 and "texte trop long" in erreur
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in tmp_path.iterdir()
                                                                 if p.suffix in (".txt", ".json") and
                                                                 p.name in ("long.txt", "decision.json"))


# 2. Suites pathologiques : temps linéaire dans la vérification, la lecture d'une décision et la rédaction.

PATHOLOGIQUES = {
    "points": "." * 100_000,
    "tirets": "-" * 100_000,
    "exclamations": "!?" * 50_000,
    "apostrophes": "'" * 100_000,
    "guillemets": "«" * 50_000 + "»" * 50_000,
    "parentheses": "(" * 40_000 + ")" * 40_000,
    "ponctuation-melee": ".,;:!?()[]{}«»" * 8_000,
    "chiffres": "1" * 200_000,
    "mot-geant": "a" * 500_000,
    "espaces-points": " ." * 50_000,
    "lignes-vides-crlf": "\r\n" * 50_000,
    "tabulations": "\t" * 100_000 + "x",
    "blancs-insecables": "\u00a0\u202f" * 50_000,
}


@pytest.mark.parametrize("nom", sorted(PATHOLOGIQUES))
def test_acte_pathologique_verifie_en_temps_borne(tmp_path, capsys, nom):
    acte = tmp_path / "acte.txt"
    acte.write_text("SIGNIFICATION DE JUGEMENT\n" + PATHOLOGIQUES[nom] + "\nfin", encoding="utf-8")
    debut = time.perf_counter()
    code, _sortie, _erreur = lancer(capsys, "verifier", acte, "--format", "json")
    assert time.perf_counter() - debut < borne(15)
    assert code in (0, 1)


@pytest.mark.parametrize("nom", sorted(PATHOLOGIQUES))
def test_decision_pathologique_lue_et_signifiee_en_temps_borne(tmp_path, capsys, nom):
    decision = tmp_path / "decision.txt"
    decision.write_text("TRIBUNAL JUDICIAIRE DE LYON\nJUGEMENT\n" + PATHOLOGIQUES[nom] + "\nPAR CES MOTIFS\n",
                        encoding="utf-8")
    debut = time.perf_counter()
    code, _sortie, _erreur = lancer(capsys, "signifier", decision, "--dossier", DOSSIER_SIGNIFICATION,
                                    "-o", tmp_path / "acte.txt")
    assert code in (0, 1, 2)
    code, _sortie, _erreur = lancer(capsys, "corriger", CONFORME, "--decision", decision)
    assert time.perf_counter() - debut < borne(20)
    assert code in (0, 1, 2)


# 3. Bombes d'alias et fichiers qui ne sont pas du YAML, dans chaque lecteur de dossier.

def _bombe_yaml() -> str:
    lignes = ['a: &a ["rire", "rire", "rire", "rire", "rire", "rire", "rire", "rire", "rire"]']
    for i in range(8):
        precedent, courant = chr(97 + i), chr(98 + i)
        lignes.append(f"{courant}: &{courant} [{', '.join(['*' + precedent] * 9)}]")
    return "\n".join(lignes) + "\n"


LECTEURS_DE_DOSSIER = {
    "rediger": lambda d, t: ("rediger", "lettre_recouvrement_amiable", "--dossier", d, "-o", t / "acte.txt"),
    "signifier": lambda d, t: ("signifier", DECISION, "--dossier", d, "-o", t / "acte.txt"),
    "decompte": lambda d, t: ("decompte", d),
    "calendrier": lambda d, t: ("calendrier", d),
    "corriger-corrige": lambda d, t: ("corriger", t, "--corrige", d),
    "corriger-bareme": lambda d, t: ("corriger", FAUTIF, "--liste", LISTE, "--bareme", d),
    "corriger-liste": lambda d, t: ("corriger", FAUTIF, "--liste", d),
}


@pytest.mark.parametrize("lecteur", sorted(LECTEURS_DE_DOSSIER))
def test_bombe_d_alias_dans_chaque_lecteur(tmp_path, capsys, lecteur):
    bombe = tmp_path / "bombe.yaml"
    bombe.write_text(_bombe_yaml(), encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, *LECTEURS_DE_DOSSIER[lecteur](bombe, tmp_path))
    assert code == 2 and "bombe.yaml" in erreur and "alias" in erreur
    assert not (tmp_path / "acte.txt").exists()


@pytest.mark.parametrize("octets, attendu", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image PNG"),
    (b"lieu: '75001'\x00\x00\x00" * 20, "octets nuls"),
    ("lieu: '75001'\n".encode("utf-16-le"), "octets nuls"),
    (b"\xff\xfe\x00\x00garbage", ""),
    (b"PK\x03\x04" + b"\x00" * 60, ""),
    (b"%PDF-1.7\n" + b"\x00" * 64, "document PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Word 97-2003"),
], ids=["png", "nul", "utf16-sans-bom", "utf32", "zip", "pdf", "ole"])
@pytest.mark.parametrize("lecteur", sorted(LECTEURS_DE_DOSSIER))
def test_dossier_binaire_refuse_par_chaque_lecteur(tmp_path, capsys, lecteur, octets, attendu):
    dossier = tmp_path / "dossier.yaml"
    dossier.write_bytes(octets)
    code, _sortie, erreur = lancer(capsys, *LECTEURS_DE_DOSSIER[lecteur](dossier, tmp_path))
    assert code == 2 and "dossier.yaml" in erreur and attendu in erreur
    assert not (tmp_path / "acte.txt").exists()


@pytest.mark.parametrize("lecteur", sorted(LECTEURS_DE_DOSSIER))
def test_dossier_absent_ou_dossier_refuse_par_chaque_lecteur(tmp_path, capsys, lecteur):
    code, _sortie, erreur = lancer(capsys, *LECTEURS_DE_DOSSIER[lecteur](tmp_path / "absent.yaml", tmp_path))
    assert code == 2 and "absent.yaml" in erreur and "introuvable" in erreur
    repertoire = tmp_path / "rep.yaml"
    repertoire.mkdir()
    code, _sortie, erreur = lancer(capsys, *LECTEURS_DE_DOSSIER[lecteur](repertoire, tmp_path))
    assert code == 2 and "rep.yaml" in erreur


def test_evenement_qui_n_est_pas_une_table_nomme_son_fichier_sans_ligne_inventee(tmp_path, capsys):
    dossier = tmp_path / "calendrier.yaml"
    dossier.write_text("lieu: '75001'\nevenements: [1, 2]\n", encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "calendrier", dossier)
    assert code == 2 and erreur == f"actes : {dossier} : évènement n° 1 : il faut au moins « type » et « date »\n"


def test_dossier_utf16_avec_bom_lu(tmp_path, capsys):
    dossier = tmp_path / "dossier.yaml"
    dossier.write_bytes(b"\xff\xfe" + DOSSIER_CALENDRIER.read_text(encoding="utf-8").encode("utf-16-le"))
    assert lancer(capsys, "calendrier", dossier)[:2] == lancer(capsys, "calendrier", DOSSIER_CALENDRIER)[:2]


def test_fichier_trop_gros_refuse_sans_etre_lu_partout(tmp_path, capsys):
    enorme = tmp_path / "enorme.yaml"
    with enorme.open("wb") as flux:                  # fichier creux : 60 Mo annoncés, rien d'écrit
        flux.truncate(60 * 1024 * 1024)
    for arguments in (("decompte", enorme), ("calendrier", enorme), ("lire-decision", enorme),
                      ("signifier", DECISION, "--dossier", enorme, "-o", tmp_path / "acte.txt")):
        debut = time.perf_counter()
        code, _sortie, erreur = lancer(capsys, *arguments)
        assert code == 2 and "enorme.yaml" in erreur and "volumineux" in erreur, arguments
        assert time.perf_counter() - debut < borne(5)


# 4. Sorties : aucune commande ne remplace une entrée, un tube, un dossier, ni sa propre autre sortie.

ECRIVAINS = {
    "signifier": lambda o: ("signifier", DECISION, "--dossier", DOSSIER_SIGNIFICATION, "-o", o),
    "rediger": lambda o: ("rediger", "lettre_recouvrement_amiable", "--dossier", DOSSIER_REDACTION, "-o", o),
    "calendrier": lambda o: ("calendrier", DOSSIER_CALENDRIER, "-o", o),
    "decompte": lambda o: ("decompte", DOSSIER_DECOMPTE, "-o", o),
    "verifier": lambda o: ("verifier", CONFORME, "-o", o),
}


@pytest.mark.parametrize("sorte", ["tube", "dossier", "peripherique"])
@pytest.mark.parametrize("ecrivain", sorted(ECRIVAINS))
def test_aucun_ecrivain_ne_remplace_un_tube_ou_un_dossier(tmp_path, capsys, ecrivain, sorte):
    cible = tmp_path / "sortie.txt"
    if sorte == "tube":
        os.mkfifo(cible)
    elif sorte == "dossier":
        cible.mkdir()
    else:
        cible.symlink_to("/dev/null")
    code, _sortie, erreur = lancer(capsys, *ECRIVAINS[ecrivain](cible))
    assert code == 2 and str(cible) in erreur
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sortie.txt"]
    if sorte == "tube":
        assert stat.S_ISFIFO(os.lstat(cible).st_mode)


@pytest.mark.parametrize("ecrivain, entree", [
    ("signifier", DECISION), ("signifier", DOSSIER_SIGNIFICATION), ("rediger", DOSSIER_REDACTION),
    ("calendrier", DOSSIER_CALENDRIER), ("decompte", DOSSIER_DECOMPTE), ("verifier", CONFORME),
])
def test_aucun_ecrivain_ne_remplace_son_entree(tmp_path, capsys, ecrivain, entree):
    copie = tmp_path / (entree.stem + ".txt")
    copie.write_bytes(entree.read_bytes())
    arguments = [copie if a == entree else a for a in ECRIVAINS[ecrivain](copie)]
    code, _sortie, erreur = lancer(capsys, *arguments)
    assert code == 2 and "fichier lu" in erreur
    assert copie.read_bytes() == entree.read_bytes()


@pytest.mark.parametrize("sortie, format_, attendu", [
    ("plan.txt", "ics", "doit finir par .ics"),
    ("plan.ics", "json", "doit finir par .json"),
    ("plan.docx", "ics", "pas en « .docx »"),
    ("plan", None, "sans extension"),
])
def test_calendrier_extension_et_format_accordes(tmp_path, capsys, sortie, format_, attendu):
    options = ("--format", format_) if format_ else ()
    code, _sortie, erreur = lancer(capsys, "calendrier", DOSSIER_CALENDRIER, *options, "-o", tmp_path / sortie)
    assert code == 2 and attendu in erreur and list(tmp_path.iterdir()) == []


def test_calendrier_format_d_apres_l_extension(tmp_path, capsys):
    code, _sortie, _erreur = lancer(capsys, "calendrier", DOSSIER_CALENDRIER, "-o", tmp_path / "plan.ics")
    assert code == 0 and (tmp_path / "plan.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_sorties_d_une_meme_commande_distinctes(tmp_path, capsys):
    meme = tmp_path / "sujet.txt"
    code, _sortie, erreur = lancer(capsys, "exercice", CONFORME, "-o", meme, "--corrige", meme)
    assert code == 2 and "sujet.txt" in erreur
    assert list(tmp_path.iterdir()) == []


def test_cohorte_csv_et_html_distincts(tmp_path, capsys):
    correction = RACINE / "tests" / "donnees" / "correction"
    meme = tmp_path / "notes.csv"
    code, _sortie, erreur = lancer(capsys, "corriger", correction / "cohorte", "--corrige",
                                   correction / "exercice" / "corrige.yaml", "--csv", meme, "--html", meme)
    assert code == 2 and "--csv et --html ne peuvent pas être le même fichier" in erreur
    assert list(tmp_path.iterdir()) == []


def test_sortie_sur_la_configuration_d_un_dossier_parent_refusee(tmp_path, capsys, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.actes]\nformat = "texte"\n', encoding="utf-8")
    sous = tmp_path / "sous"
    sous.mkdir()
    acte = sous / "acte.txt"
    acte.write_bytes(CONFORME.read_bytes())
    monkeypatch.chdir(sous)
    code, _sortie, erreur = lancer(capsys, "verifier", acte, "-o", tmp_path / "pyproject.toml")
    assert code == 2 and "fichier lu" in erreur
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == '[tool.actes]\nformat = "texte"\n'


@pytest.mark.parametrize("ecrivain", sorted(ECRIVAINS))
def test_chaque_ecrivain_suit_le_masque(tmp_path, capsys, ecrivain):
    cible = tmp_path / ("sortie.docx" if ecrivain in ("signifier", "rediger") else "sortie.txt")
    ancien = os.umask(0o027)
    try:
        code, _sortie, _erreur = lancer(capsys, *ECRIVAINS[ecrivain](cible))
    finally:
        os.umask(ancien)
    assert code in (0, 1) and cible.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == [cible.name]


@pytest.mark.parametrize("ecrivain", sorted(ECRIVAINS))
def test_chaque_ecrivain_disque_plein(tmp_path, capsys, monkeypatch, ecrivain):
    import errno

    import actes.sortie

    def plein(_descripteur):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(actes.sortie.os, "fsync", plein)
    cible = tmp_path / ("sortie.docx" if ecrivain in ("signifier", "rediger") else "sortie.txt")
    code, _sortie, erreur = lancer(capsys, *ECRIVAINS[ecrivain](cible))
    assert code == 2 and "disque plein" in erreur and cible.name in erreur
    assert list(tmp_path.iterdir()) == []


# 5. Lecteur de décisions : mêmes gardes que celui des actes, dans corriger et l'API.

@pytest.mark.parametrize("octets, attendu", [
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image PNG"),
    ("TRIBUNAL JUDICIAIRE DE PARIS\nJUGEMENT\n".encode("utf-16-le"), "octets nuls"),
    ("TRIBUNAL JUDICIAIRE DE PARIS\nJUGEMENT\n".encode("utf-16-be"), "octets nuls"),
])
@pytest.mark.parametrize("nom", ["decision.txt", "decision.docx", "decision.json", "decision"])
def test_decision_illisible_refusee_par_corriger(tmp_path, capsys, octets, attendu, nom):
    decision = tmp_path / nom
    decision.write_bytes(octets)
    code, sortie, erreur = lancer(capsys, "corriger", CONFORME, "--decision", decision)
    assert code == 2 and nom in erreur and "Note" not in sortie


def test_decision_utf16_big_endian_avec_bom_lue(tmp_path):
    from actes.decisions import analyser_decision

    decision = tmp_path / "decision.txt"
    decision.write_bytes(b"\xfe\xff" + DECISION.read_text(encoding="utf-8").encode("utf-16-be"))
    assert analyser_decision(decision)["juridiction"] == analyser_decision(DECISION)["juridiction"]


def test_api_entrees_ambigues_refusees(tmp_path):
    from actes import ActesErreur, EntreeInvalide, Verificateur, verifier

    texte = verifier(texte=CONFORME.read_text(encoding="utf-8")).en_dict()["constats"]
    assert verifier(io.StringIO(CONFORME.read_text(encoding="utf-8"))).en_dict()["constats"] == texte
    with pytest.raises(TypeError):
        verifier(12)
    with pytest.raises(ActesErreur):
        verifier(tmp_path)
    with pytest.raises(EntreeInvalide):
        verifier(CONFORME, date="demain")
    with pytest.raises((EntreeInvalide, TypeError)):
        verifier(CONFORME, date=20261115)
    with pytest.raises(EntreeInvalide):
        verifier(CONFORME, type_acte="")
    verificateur = Verificateur()
    with pytest.raises(ActesErreur):
        verificateur.verifier(str(tmp_path / "ancien.doc"))
    with CONFORME.open("rb") as flux:
        assert verificateur.verifier(flux).type_acte == "signification_jugement"


def test_api_decision_aux_entrees_explicites(tmp_path):
    from actes import ActesErreur
    from actes.decisions import analyser_decision

    with pytest.raises(ActesErreur):
        analyser_decision(str(tmp_path / "decision"))
    with pytest.raises(TypeError):
        analyser_decision(DECISION.read_bytes())
    assert analyser_decision(texte=DECISION.read_text(encoding="utf-8"))["juridiction"] is not None


# 6. Valeurs typées partout : un booléen est true ou false ; README dit l'arrondi de l'échéancier.

def test_readme_dit_les_limites_les_codes_et_l_arrondi():
    readme = (RACINE / "README.md").read_text(encoding="utf-8")
    for attendu in ("1 000 000", "50 Mo", "demi supérieur", "dernière échéance", "code 2", "masque"):
        assert attendu.replace(" ", "") in readme.replace(" ", "").replace("\u202f", ""), attendu


# 7. Valeurs démesurées dans chaque commande d'argent et de délai.

@pytest.mark.parametrize("arguments, attendu", [
    (("interets", "12500", "--depuis", "2024-01-01", "--jusqu-au", "9999-12-31"), "9999"),
    (("interets", "12500", "--depuis", "2024-01-01", "--jusqu-au", "2026-01-01", "--taux", "1e-30"), "taux"),
    (("interets", "12500", "--depuis", "2024-01-01", "--jusqu-au", "2026-01-01", "--taux", "nan"), "taux"),
    (("interets", "12500", "--depuis", "2024-01-01", "--jusqu-au", "2026-01-01", "--taux", "1e400"), "taux"),
    (("interets", "9" * 29, "--depuis", "2024-01-01", "--jusqu-au", "2026-01-01"), "montant"),
    (("interets", "-5", "--depuis", "2024-01-01", "--jusqu-au", "2026-01-01"), "montant"),
    (("echeancier", "inf", "--mois", "3", "--premiere", "2027-01-05"), "montant"),
    (("echeancier", "500", "--mois", "0", "--premiere", "2027-01-05"), "au moins une échéance"),
    (("echeancier", "500", "--mois", "-3", "--premiere", "2027-01-05"), "au moins une échéance"),
    (("quotite", "9" * 29), "montant"),
    (("quotite", "1" + "0" * 4999), "montant"),
    (("quotite", "nan"), "montant"),
    (("quotite", "2150", "--date", "9999-12-31"), "9999"),
    (("cout", "signification_jugement", "--date", "9999-12-31"), "9999"),
    (("cout", "signification_jugement", "--date", "2026-02-30"), "n'est pas une date qui existe"),
    (("cout", "signification_jugement", "--montant", "9" * 29), "montant"),
    (("delai", "2026-01-01", "9" * 5000 + " mois"), "durée"),
    (("delai", "2026-01-01", "99999999 ans"), "durée"),
    (("delai", "0001-01-01", "1 jour"), "année 1 hors de la plage"),
    (("delai", "2026-01-01", "-1 jour"), "durée"),
    (("verifier", CONFORME, "--date", "9999-12-31"), "9999"),
    (("verifier", CONFORME, "--date", "0000-01-01"), "date"),
    (("decompte", DOSSIER_DECOMPTE, "--au", "9999-12-31"), "--au : année 9999"),
    (("rediger", "lettre_recouvrement_amiable", "--dossier", DOSSIER_REDACTION, "--date", "2026-02-30", "-o", "x.txt"),
     "--date : « 2026-02-30 » n'est pas une date qui existe"),
    (("signifier", DECISION, "--dossier", DOSSIER_SIGNIFICATION, "--date-signification", "9999-12-31", "-o", "x.txt"),
     "--date-signification : année 9999"),
])
def test_valeurs_demesurees_code_2(capsys, arguments, attendu):
    code, _sortie, erreur = lancer(capsys, *arguments)
    derniere = erreur.strip().splitlines()[-1]
    assert code == 2 and attendu in derniere and erreur.count(derniere) == 1


def test_dossier_aux_valeurs_demesurees(tmp_path, capsys):
    source = DOSSIER_DECOMPTE.read_text(encoding="utf-8")
    for remplace, par, attendu in (("au: 2026-06-30", "au: 9999-12-31", "9999"),
                                   ("au: 2026-06-30", "au: 1e400", "date"),
                                   ("au: 2026-06-30", "au: [2026, 6, 30]", "date")):
        dossier = tmp_path / "dossier.yaml"
        dossier.write_text(source.replace(remplace, par), encoding="utf-8")
        code, _sortie, erreur = lancer(capsys, "decompte", dossier)
        assert code == 2 and "dossier.yaml" in erreur and attendu in erreur, par


# 8. Ligne de commande : aide en français dans chaque commande, NO_COLOR, erreurs une seule fois.

COMMANDES = ("verifier", "regles", "expliquer", "delai", "calendrier", "lire-decision", "signifier", "rediger",
             "corriger", "exercice", "interets", "decompte", "cout", "echeancier", "quotite")


@pytest.mark.parametrize("commande", COMMANDES)
def test_aide_de_chaque_commande_en_francais(capsys, commande):
    code, sortie, _erreur = lancer(capsys, commande, "--help")
    assert code == 0 and sortie.startswith(f"utilisation : actes {commande}")
    anglais = ("usage:", "positional arguments", "optional arguments", "show this help", "default:", "(default",
               "--types")
    assert not any(mot in sortie for mot in anglais), [m for m in anglais if m in sortie]


@pytest.mark.parametrize("arguments, attendu", [
    (("corriger", CONFORME, "--decision", DECISION, "--liste", LISTE), "incompatible avec"),
    (("verifier", "-o"), "une valeur est attendue"),
    (("rediger", "lettre_recouvrement_amiabl", "--dossier", DOSSIER_REDACTION, "-o", "x.txt"), "vouliez-vous dire"),
    (("expliquer", "TERM-TGI"), "vouliez-vous dire"),
    (("cout", "signification_jugemnt", "--date", "2026-01-01"), "vouliez-vous dire"),
    (("exercice", CONFORME, "--fautes", "beaucoup", "-o", "s.txt", "--corrige", "c.yaml"), "n'est pas un nombre"),
    (("verifier", CONFORME, "--regles", "absent"), "absent"),
])
def test_erreurs_d_usage_une_fois_en_francais(capsys, arguments, attendu):
    code, _sortie, erreur = lancer(capsys, *arguments)
    assert code == 2 and erreur.count(attendu) == 1
    assert not any(mot in erreur for mot in ("usage:", "error:", "expected", "invalid", "required", "not allowed"))


def test_pas_de_couleur_hors_terminal_ni_avec_no_color(tmp_path, capsys, monkeypatch):
    fautif = tmp_path / "fautif.txt"
    texte = CONFORME.read_text(encoding="utf-8")
    fautif.write_text(texte.replace("tribunal judiciaire", "tribunal de grande instance"), encoding="utf-8")
    code, sortie, erreur = lancer(capsys, "verifier", fautif)
    assert code == 1 and "\x1b[" not in sortie + erreur
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    code, sortie, erreur = lancer(capsys, "verifier", fautif)
    assert code == 1 and "\x1b[" not in sortie + erreur


def test_journal_des_versions():
    journal = (RACINE / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "0.1.0" in journal


# Configuration (actes.toml, [tool.actes]) : chaque valeur contrôlée par type, chaque code connu.

@pytest.mark.parametrize("contenu, attendu", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image PNG"),
    (b"\xff\xfe" + 'ignorer = ["TERM-NCPC"]\n'.encode("utf-16-le"), None),
    (b"ignorer = [", "syntaxe TOML invalide (fin du fichier)"),
    (b'ignorer = "TERM-NCPC"\n', "« ignorer » : attendu une liste de textes"),
    (b'gravites = ["a"]\n', "« gravites » : attendu une table"),
    (b"[tool]\nactes = 1\n", "doit être une table"),
    (b'regles = "r"\n', "« regles » : attendu une liste de textes"),
    (b"format = 3\n", "« format » : attendu un texte"),
    (b'ignorer = ["TERM-NCP"]\n', "règle « TERM-NCP » inconnue ; vouliez-vous dire « TERM-NCPC » ?"),
    (b'[gravites]\nTERM-INEXISTANT = "erreur"\n', "règle « TERM-INEXISTANT » inconnue"),
    (b'[par-fichier]\n"*.txt" = ["XX"]\n', "règle « XX » inconnue"),
])
def test_configuration_hostile(tmp_path, capsys, contenu, attendu):
    acte = tmp_path / "acte.txt"
    acte.write_bytes(CONFORME.read_bytes())
    (tmp_path / "actes.toml").write_bytes(contenu)
    code, _sortie, erreur = lancer(capsys, "verifier", acte)
    if attendu is None:
        assert code == 0 and erreur == ""
    else:
        assert code == 2 and attendu in erreur and "actes.toml" in erreur


def test_lire_decision_reputee_contradictoire_en_mots_de_clerc(tmp_path, capsys):
    decision = tmp_path / "decision.txt"
    decision.write_text(DECISION.read_text(encoding="utf-8")
                        .replace("JUGEMENT : Contradictoire", "JUGEMENT : Réputé contradictoire")
                        .replace("par jugement contradictoire", "par jugement réputé contradictoire"), encoding="utf-8")
    code, sortie, _erreur = lancer(capsys, "lire-decision", decision)
    assert code == 0 and "Nature                 réputé contradictoire" in sortie and "repute_" not in sortie
