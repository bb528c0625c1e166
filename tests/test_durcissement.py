"""Entrées et sorties hostiles : chaque cas finit par un rapport ou par un message en français et le code 2.

Les entrées sont construites par les tests (aucun gros fichier stocké).
"""
from __future__ import annotations

import io
import json
import random
import string
from pathlib import Path

import docx
import pytest

from actes.cli import main
from actes.documents.garde import TEXTE_MAX
from tests.minuterie import borne

RACINE = Path(__file__).resolve().parent.parent
CONFORME = RACINE / "tests" / "regles" / "actes" / "signification-jugement.txt"
DECISION = RACINE / "examples" / "decision-exemple.txt"


def lancer(capsys, *args) -> tuple[int, str, str]:
    """Code de sortie, sortie standard et sortie d'erreur de `actes ARGS` lancé dans ce processus."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:          # argparse
        code = exc.code
    sortie = capsys.readouterr()
    assert "Traceback" not in sortie.err
    return code, sortie.out, sortie.err


def _docx(texte: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(texte)
    flux = io.BytesIO()
    document.save(flux)
    return flux.getvalue()


# 1. Texte trop long : une erreur pour ce fichier seulement, le lot continue, code 2.

@pytest.mark.parametrize("format_", ["txt", "docx"])
def test_texte_trop_long_erreur_pour_ce_fichier_seul(tmp_path, capsys, format_):
    hasard = random.Random(13)          # texte peu compressible : pas une bombe zip
    mots = " ".join("".join(hasard.choices(string.ascii_lowercase, k=7)) for _ in range(TEXTE_MAX // 8 + 10))
    texte = "SIGNIFICATION DE JUGEMENT\n" + mots
    long = tmp_path / f"long.{format_}"
    if format_ == "txt":
        long.write_text(texte, encoding="utf-8")
    else:
        long.write_bytes(_docx(texte))
    code, sortie, erreur = lancer(capsys, "verifier", long, CONFORME, "--format", "json")
    assert code == 2
    fichiers = json.loads(sortie)["fichiers"]
    assert fichiers[0]["chemin"] == str(long) and "texte trop long" in fichiers[0]["erreur"]
    assert "limite 1\u202f000\u202f000" in fichiers[0]["erreur"]
    assert fichiers[1]["type_acte"] == "signification_jugement" and "erreur" not in fichiers[1]
    assert erreur.count("texte trop long") == 1


def test_texte_trop_long_corriger_et_api(tmp_path, capsys):
    from actes import verifier
    from actes.erreurs import TexteTropLong

    copie = tmp_path / "copie.txt"
    copie.write_text("x " * (TEXTE_MAX // 2 + 1), encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "corriger", copie, "--decision", DECISION)
    assert code == 2 and "texte trop long" in erreur
    code, _sortie, erreur = lancer(capsys, "lire-decision", copie)
    assert code == 2 and "texte trop long" in erreur
    with pytest.raises(TexteTropLong):
        verifier(copie)


# 2. Lecture des décisions et segmentation en temps linéaire.

@pytest.mark.parametrize("contenu", [
    "JUGEMENT\n" + "\n" * 10_000,                       # 10 ko de lignes vides (52 s auparavant)
    "JUGEMENT\n" + " " * 20_000,                        # 20 000 espaces (19 s)
    "JUGEMENT\n" + " " * 100_000 + ".",                 # 100 000 espaces (plus de 120 s)
    "JUGEMENT\n" + (" " * 50 + "\n") * 2_000,
    "JUGEMENT\n" + "\u2003\n" * 20_000,
    "JUGEMENT\n" + "[" * 40_000,
], ids=["lignes-vides", "espaces", "espaces-point", "lignes-blanches", "cadratins", "crochets"])
def test_decision_pathologique_lue_sans_s_enliser(tmp_path, capsys, contenu):
    import time

    decision = tmp_path / "decision.txt"
    decision.write_text(contenu, encoding="utf-8")
    debut = time.perf_counter()
    code, sortie, _erreur = lancer(capsys, "lire-decision", decision, "--format", "json")
    assert time.perf_counter() - debut < borne(10)          # borne large : les motifs fautifs prenaient des minutes
    assert code in (0, 2)
    if code == 0:
        assert json.loads(sortie)["juridiction"] is None


def test_normalisation_des_blancs_d_une_decision():
    from actes.decisions.texte import normaliser

    assert normaliser("A\n\n\n\n\nB  ,  C\u2003D\tE ( F ) .") == "A\n\nB, C D E (F)."


def test_mots_demesures_coupes_pour_le_segmenteur():
    from actes.analyse.nlp import MOT_MAX, borner, segmenter

    texte = "le [" + "[" * 1000 + "] fin"
    borne = borner(texte)
    assert len(borne) == len(texte) and max(len(m) for m in borne.split()) == MOT_MAX
    assert borner("signifie a personne, le 3 mars") == "signifie a personne, le 3 mars"
    assert segmenter(texte).text == borne


def test_acte_de_crochets_verifie_vite(tmp_path, capsys):
    import time

    acte = tmp_path / "acte.txt"
    acte.write_text("SIGNIFICATION DE JUGEMENT\n" + "[" * 40_000 + "\n" + "l'" * 20_000, encoding="utf-8")
    debut = time.perf_counter()
    code, _sortie, _erreur = lancer(capsys, "verifier", acte)
    assert code in (0, 1) and time.perf_counter() - debut < borne(10)


def test_segmentation_sans_verrou_entre_fils():
    from concurrent.futures import ThreadPoolExecutor

    from actes.analyse.nlp import segmenter

    textes = [f"acte {i} : signifie a personne le {i} mars, [a completer] ; l'huissier" for i in range(40)]
    attendus = [[t.text for t in segmenter(x)] for x in textes]
    with ThreadPoolExecutor(4) as fils:
        obtenus = list(fils.map(lambda x: [t.text for t in segmenter(x)], textes))
    assert obtenus == attendus


# 3. YAML : bombes d'alias, imbrication, valeurs impossibles.

def _bombe_yaml() -> str:
    """1,3 ko qui se développent en 9⁹ valeurs (« billion laughs »)."""
    lignes = ['a: &a ["rire", "rire", "rire", "rire", "rire", "rire", "rire", "rire", "rire"]']
    for i in range(8):
        precedent, courant = chr(97 + i), chr(98 + i)
        lignes.append(f"{courant}: &{courant} [{', '.join(['*' + precedent] * 9)}]")
    return "\n".join(lignes) + "\n"


@pytest.mark.parametrize("commande", [
    lambda d, t: ("signifier", DECISION, "--dossier", d, "-o", t / "acte.txt"),
    lambda d, t: ("decompte", d, "--au", "2026-01-01"),
    lambda d, t: ("calendrier", d),
    lambda d, t: ("verifier", CONFORME, "--regles", d.parent),
    lambda d, t: ("regles", "--regles", d.parent),
    lambda d, t: ("corriger", CONFORME, "--liste", d),
], ids=["signifier", "decompte", "calendrier", "verifier-regles", "regles", "corriger-liste"])
def test_bombe_d_alias_refusee(tmp_path, capsys, commande):
    regles = tmp_path / "regles"
    regles.mkdir()
    bombe = regles / "bombe.yaml"
    bombe.write_text(_bombe_yaml(), encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, *commande(bombe, tmp_path))
    assert code == 2
    assert "bombe.yaml" in erreur and "alias" in erreur
    assert not (tmp_path / "acte.txt").exists()


@pytest.mark.parametrize("contenu, attendu", [
    ("[" * 100_000 + "]" * 100_000, "imbrication"),
    ("[" * 1_000 + "]" * 1_000, "imbrication"),
    ("date: 2026-02-30\n", "ligne 1 : YAML invalide : date impossible « 2026-02-30 »"),
    ("date: 2026-02-28T10:00:00+25:00\n", "date impossible"),
    ("montant: " + "9" * 5_000 + "\n", "nombre impossible"),
    ("? [a, b]\n: 1\n", "une clé doit être un texte"),
    ("a: &a [*a]\n", "alias récursif"),
])
def test_yaml_utilisateur_hostile(tmp_path, contenu, attendu):
    from actes.donnees import lire_dossier_utilisateur
    from actes.erreurs import EntreeInvalide

    chemin = tmp_path / "dossier.yaml"
    chemin.write_text(contenu, encoding="utf-8")
    with pytest.raises(EntreeInvalide, match=attendu):
        lire_dossier_utilisateur(chemin)


def test_yaml_illisible(tmp_path, monkeypatch):
    import errno

    from actes.donnees import lire_dossier_utilisateur
    from actes.erreurs import EntreeInvalide

    chemin = tmp_path / "dossier.yaml"
    chemin.write_text("a: 1\n", encoding="utf-8")

    def refus(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission non accordée")

    monkeypatch.setattr(Path, "read_bytes", refus)
    with pytest.raises(EntreeInvalide, match="lecture impossible"):
        lire_dossier_utilisateur(chemin)


def test_alias_ordinaires_acceptes(tmp_path):
    from actes.donnees import lire_dossier_utilisateur

    chemin = tmp_path / "dossier.yaml"
    chemin.write_text("actes: &liste [a, b]\nautres: *liste\n", encoding="utf-8")
    assert lire_dossier_utilisateur(chemin) == {"actes": ["a", "b"], "autres": ["a", "b"]}


def test_json_demesure_d_une_decision(tmp_path, capsys):
    decision = tmp_path / "decision.json"
    decision.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "lire-decision", decision)
    assert code == 2 and "décision.json" not in erreur and "decision.json" in erreur
    decision.write_text('{"text": ' + "9" * 5_000 + "}", encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "lire-decision", decision)
    assert code == 2 and "decision.json" in erreur


# 4. Sorties : rien d'autre qu'un fichier ordinaire qui n'a pas été lu ; atomique, droits du masque, erreurs en clair.

REGLE_UTILISATEUR = """\
- code: ETUDE-MOT-ABSENT
  titre: Mot témoin absent
  gravite: avertissement
  references: ["CPC:648"]
  genre: mention_obligatoire
  un_de: ["mot témoin"]
  message: Le mot témoin manque.
"""


def test_sortie_sur_un_fichier_de_regles_refusee(tmp_path, capsys):
    regles = tmp_path / "regles"
    regles.mkdir()
    regle = regles / "etude.yaml"
    regle.write_text(REGLE_UTILISATEUR, encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "verifier", CONFORME, "--regles", regles, "-o", regle)
    assert code == 2 and "fichier lu par cette commande" in erreur
    assert regle.read_text(encoding="utf-8") == REGLE_UTILISATEUR


def test_sortie_sur_la_configuration_en_usage_refusee(tmp_path, capsys):
    acte = tmp_path / "acte.txt"
    acte.write_text(CONFORME.read_text(encoding="utf-8"), encoding="utf-8")
    configuration = tmp_path / "actes.toml"
    configuration.write_text('ignorer = ["TERM-NCPC"]\n', encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "verifier", acte, "-o", configuration)
    assert code == 2 and "fichier lu" in erreur
    assert configuration.read_text(encoding="utf-8") == 'ignorer = ["TERM-NCPC"]\n'


def test_sortie_sur_l_acte_par_un_lien_refusee(tmp_path, capsys):
    acte = tmp_path / "acte.txt"
    acte.write_text(CONFORME.read_text(encoding="utf-8"), encoding="utf-8")
    lien = tmp_path / "lien.txt"
    lien.symlink_to(acte)
    code, _sortie, erreur = lancer(capsys, "verifier", acte, "-o", lien)
    assert code == 2 and acte.read_text(encoding="utf-8") == CONFORME.read_text(encoding="utf-8")


@pytest.mark.parametrize("sorte", ["tube", "peripherique", "dossier"])
def test_sortie_qui_n_est_pas_un_fichier_ordinaire_refusee(tmp_path, capsys, sorte):
    import os
    import stat

    cible = tmp_path / "sortie.txt"
    if sorte == "tube":
        os.mkfifo(cible)
    elif sorte == "peripherique":
        cible.symlink_to("/dev/null")          # par un lien : le périphérique lui-même n'est jamais en jeu
    else:
        cible.mkdir()
    code, _sortie, erreur = lancer(capsys, "verifier", CONFORME, "-o", cible)
    assert code == 2 and str(cible) in erreur
    if sorte == "tube":
        assert stat.S_ISFIFO(os.lstat(cible).st_mode)
    elif sorte == "peripherique":
        assert cible.is_symlink() and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sortie.txt"]


def test_sortie_nouvelle_aux_droits_du_masque(tmp_path, capsys):
    import os

    ancien = os.umask(0o022)
    try:
        code, _sortie, _erreur = lancer(capsys, "verifier", CONFORME, "-o", tmp_path / "rapport.txt")
    finally:
        os.umask(ancien)
    assert code == 0
    assert (tmp_path / "rapport.txt").stat().st_mode & 0o777 == 0o644


def test_sortie_remplacee_garde_ses_droits(tmp_path, capsys):
    rapport = tmp_path / "rapport.txt"
    rapport.write_text("ancien", encoding="utf-8")
    rapport.chmod(0o640)
    code, _sortie, _erreur = lancer(capsys, "verifier", CONFORME, "-o", rapport)
    assert code == 0 and rapport.stat().st_mode & 0o777 == 0o640 and "fichier vérifié" in rapport.read_text("utf-8")


def test_disque_plein_message_et_aucun_temporaire(tmp_path, capsys, monkeypatch):
    import errno
    import os

    import actes.sortie

    def plein(_descripteur):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(actes.sortie.os, "fsync", plein)
    code, _sortie, erreur = lancer(capsys, "verifier", CONFORME, "-o", tmp_path / "rapport.txt")
    assert code == 2 and "disque plein" in erreur and "rapport.txt" in erreur
    assert list(tmp_path.iterdir()) == []


def test_dossier_de_sortie_absent_ou_interdit(tmp_path, capsys, monkeypatch):
    import errno

    import actes.sortie

    code, _sortie, erreur = lancer(capsys, "verifier", CONFORME, "-o", tmp_path / "absent" / "rapport.txt")
    assert code == 2 and "n'existe pas" in erreur

    def interdit(**_options):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(actes.sortie.tempfile, "mkstemp", interdit)
    code, _sortie, erreur = lancer(capsys, "verifier", CONFORME, "-o", tmp_path / "rapport.txt")
    assert code == 2 and "droits insuffisants" in erreur


@pytest.mark.parametrize("commande", [
    ("verifier", CONFORME, "-o", "rapport.docx"),
    ("calendrier", RACINE / "examples" / "dossier-calendrier.yaml", "-o", "plan.pdf"),
    ("decompte", RACINE / "examples" / "dossier-decompte.yaml", "--format", "docx", "-o", "decompte.txt"),
])
def test_extension_que_la_commande_ne_sait_pas_ecrire(tmp_path, capsys, commande):
    *debut, sortie = commande
    code, _sortie, erreur = lancer(capsys, *debut, tmp_path / sortie)
    assert code == 2 and sortie in erreur
    assert list(tmp_path.iterdir()) == []


# 5. Une garde pour toute entrée : décisions comme actes ; une API aux entrées explicites.

def _utf16_sans_bom(texte: str) -> bytes:
    return texte.encode("utf-16-le")


@pytest.mark.parametrize("octets, attendu", [
    (b"\x00\x01\x02binaire\x00" * 50, "binaire"),
    (b"TRIBUNAL\x00JUDICIAIRE" * 10, "octets nuls"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image PNG"),
    (_utf16_sans_bom("TRIBUNAL JUDICIAIRE DE PARIS\nJUGEMENT du 3 mars 2026\n"), "octets nuls"),
])
def test_decision_binaire_refusee(tmp_path, capsys, octets, attendu):
    decision = tmp_path / "decision.txt"
    decision.write_bytes(octets)
    code, _sortie, erreur = lancer(capsys, "lire-decision", decision)
    assert code == 2 and attendu in erreur and "decision.txt" in erreur
    code, _sortie, erreur = lancer(capsys, "signifier", decision, "-o", tmp_path / "acte.txt")
    assert code == 2 and not (tmp_path / "acte.txt").exists()


def test_decision_utf16_avec_bom_lue(tmp_path):
    from actes.decisions import analyser_decision

    decision = tmp_path / "decision.txt"
    decision.write_bytes(b"\xff\xfe" + DECISION.read_text(encoding="utf-8").encode("utf-16-le"))
    lue, attendue = analyser_decision(decision), analyser_decision(DECISION)
    assert lue["juridiction"] == attendue["juridiction"] and lue["juridiction"] is not None
    assert lue["numero_rg"] == attendue["numero_rg"] and lue["date"] == attendue["date"]


@pytest.mark.parametrize("nom", ["decision", "decision.doc", "decision.md"])
def test_chemin_absent_jamais_pris_pour_le_texte(tmp_path, capsys, nom):
    code, sortie, erreur = lancer(capsys, "corriger", CONFORME, "--decision", tmp_path / nom)
    assert code == 2 and "introuvable" in erreur and "Note" not in sortie
    code, _sortie, erreur = lancer(capsys, "lire-decision", tmp_path / nom)
    assert code == 2 and "introuvable" in erreur


def test_decision_sans_extension_lue_d_apres_son_contenu(tmp_path, capsys):
    decision = tmp_path / "decision"
    decision.write_bytes(DECISION.read_bytes())
    code, sortie, _erreur = lancer(capsys, "lire-decision", decision, "--format", "json")
    assert code == 0 and json.loads(sortie)["juridiction"] is not None


def test_api_chemin_octets_flux_texte(tmp_path):
    from actes import FichierIntrouvable, FormatNonReconnu, verifier

    attendu = verifier(CONFORME).en_dict()["constats"]
    assert verifier(str(CONFORME)).en_dict()["constats"] == attendu
    assert verifier(CONFORME.read_bytes()).en_dict()["constats"] == attendu
    with CONFORME.open("rb") as flux:
        assert verifier(flux).en_dict()["constats"] == attendu
    assert verifier(texte=CONFORME.read_text(encoding="utf-8")).en_dict()["constats"] == attendu
    with pytest.raises(FichierIntrouvable):
        verifier("ancien.doc")
    with pytest.raises(FichierIntrouvable, match="texte="):
        verifier("SIGNIFICATION DE JUGEMENT\nà la requête de …")
    with pytest.raises(FormatNonReconnu):
        verifier(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(TypeError):
        verifier(CONFORME, texte="x")


def test_api_date_et_type_controles():
    import datetime as dt

    from actes import EntreeInvalide, verifier

    assert verifier(CONFORME, date="2026-11-15").date_acte == dt.date(2026, 11, 15)
    assert verifier(CONFORME, date="15/11/2026").date_acte == dt.date(2026, 11, 15)
    assert verifier(CONFORME, date=dt.datetime(2026, 11, 15, 10)).date_acte == dt.date(2026, 11, 15)
    with pytest.raises(EntreeInvalide, match="n'est pas une date qui existe"):
        verifier(CONFORME, date="2026-02-30")
    with pytest.raises(EntreeInvalide, match="vouliez-vous dire « signification_jugement »"):
        verifier(CONFORME, type_acte="signification_jugemnt")


def test_api_noms_publics_visibles():
    import actes

    for nom in actes.__all__:
        assert getattr(actes, nom) is not None
    assert issubclass(actes.TexteTropLong, actes.ActesErreur)
    assert (RACINE / "actes" / "py.typed").exists()
    source = (RACINE / "actes" / "__init__.py").read_text(encoding="utf-8")
    assert "if TYPE_CHECKING:" in source and "import Rapport, Verificateur, verifier" in source


def test_rapports_conformes_au_schema_livre(tmp_path, capsys):
    import jsonschema

    from actes.rapport.donnees_json import schema

    illisible = tmp_path / "image.docx"
    illisible.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    fautif = tmp_path / "fautif.txt"
    fautif.write_text(CONFORME.read_text(encoding="utf-8").replace("tribunal judiciaire", "tribunal de grande instance"),
                      encoding="utf-8")
    code, sortie, _erreur = lancer(capsys, "verifier", CONFORME, fautif, illisible,
                                   RACINE / "examples" / "signification-jugement-erreurs.docx", "--format", "json")
    assert code == 2
    rapport = json.loads(sortie)
    jsonschema.validate(rapport, schema())
    assert len(rapport["fichiers"]) == 4 and rapport["fichiers"][1]["constats"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": 1, "fichiers": [{"chemin": "x", "erreur": "illisible", "type_acte": None,
                                                         "date_acte": None, "avertissements": [],
                                                         "constats": [{"code": "X"}]}]}, schema())


# 6. Valeurs des fichiers de l'utilisateur contrôlées par type ; échéancier au plus proche.

DOSSIER_DECOMPTE = RACINE / "examples" / "dossier-decompte.yaml"


@pytest.mark.parametrize("valeur", ['"non"', '"false"', "0", "oui"])
def test_capitalisation_non_booleenne_refusee(tmp_path, capsys, valeur):
    dossier = tmp_path / "dossier.yaml"
    dossier.write_text(DOSSIER_DECOMPTE.read_text(encoding="utf-8").replace(
        "interets: {depuis: 2024-01-15}", f"interets: {{depuis: 2024-01-15, capitalisation: {valeur}}}"),
        encoding="utf-8")
    code, sortie, erreur = lancer(capsys, "decompte", dossier)
    assert code == 2 and sortie == ""
    assert f"{dossier}:13" in erreur and "« capitalisation » : attendu true ou false" in erreur


def test_capitalisation_false_egale_absente(tmp_path, capsys):
    dossier = tmp_path / "dossier.yaml"
    dossier.write_text(DOSSIER_DECOMPTE.read_text(encoding="utf-8").replace(
        "interets: {depuis: 2024-01-15}", "interets: {depuis: 2024-01-15, capitalisation: false}"), encoding="utf-8")
    assert lancer(capsys, "decompte", dossier, "--format", "json")[1] == \
        lancer(capsys, "decompte", DOSSIER_DECOMPTE, "--format", "json")[1]


def test_echeancier_au_plus_proche_convention_dite(capsys):
    code, sortie, _erreur = lancer(capsys, "echeancier", "500", "--mois", "12", "--premiere", "05/01/2027")
    assert code == 0
    lignes = sortie.splitlines()
    assert sum(" 41,67 " in ligne for ligne in lignes) == 11 and " 41,63 " in lignes[12]
    assert "demi supérieur" in sortie and "dernière échéance absorbe la différence" in sortie
    code, sortie, _erreur = lancer(capsys, "echeancier", "500", "--mois", "12", "--premiere", "2027-01-05",
                                   "--format", "json")
    donnees = json.loads(sortie)
    assert [e["montant"] for e in donnees["echeances"]] == ["41.67"] * 11 + ["41.63"] and "demi" in donnees["arrondi"]


@pytest.mark.parametrize("arguments, attendu", [
    (("echeancier", "500", "--mois", "12", "--premiere", "2026-02-30"), "n'est pas une date qui existe"),
    (("echeancier", "500", "--mois", "12", "--premiere", "9999-12-01"), "année 9999"),
    (("echeancier", "4800", "--mois", "24", "--premiere", "2027-01-05", "--taux", "1e-30"), "n'est pas un taux"),
    (("echeancier", "9" * 29, "--mois", "3", "--premiere", "2027-01-05"), "montant démesuré"),
    (("echeancier", "500", "--mois", "9" * 5000, "--premiere", "2027-01-05"), "--mois"),
    (("interets", "12500", "--depuis", "31/02/2024", "--jusqu-au", "2026-01-01"), "n'est pas une date qui existe"),
    (("interets", "1" + "0" * 4999, "--depuis", "2024-01-01", "--jusqu-au", "2026-01-01"), "montant"),
    (("delai", "2026-13-01", "1 mois"), "n'est pas une date qui existe"),
    (("delai", "9999-12-31", "1 mois"), "année 9999"),
    (("quotite", "2150", "--date", "2024-06-01T10:00+25:00"), "date"),
    (("cout", "signification_jugement", "--date", "2025-05-02", "--montant", "1e400"), "montant"),
])
def test_valeurs_impossibles_code_2(capsys, arguments, attendu):
    code, _sortie, erreur = lancer(capsys, *arguments)
    assert code == 2 and attendu in erreur


def test_dossier_aux_dates_impossibles(tmp_path, capsys):
    dossier = tmp_path / "dossier.yaml"
    dossier.write_text(DOSSIER_DECOMPTE.read_text(encoding="utf-8").replace("au: 2026-06-30", "au: 2026-06-31"),
                       encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "decompte", dossier)
    assert code == 2 and "ligne 6" in erreur and "date impossible « 2026-06-31 »" in erreur
    calendrier = tmp_path / "calendrier.yaml"
    calendrier.write_text("lieu: '75001'\nevenements:\n  - {type: signification_jugement, date: 2026-02-30}\n",
                          encoding="utf-8")
    code, _sortie, erreur = lancer(capsys, "calendrier", calendrier)
    assert code == 2 and "date impossible" in erreur


# 7. Expressions des règles de l'utilisateur contrôlées au chargement.

def _regles_avec(tmp_path, motif: str) -> Path:
    regles = tmp_path / "regles"
    regles.mkdir(exist_ok=True)
    (regles / "etude.yaml").write_text(REGLE_UTILISATEUR.replace('un_de: ["mot témoin"]', f"un_de: [{motif}]"),
                                       encoding="utf-8")
    return regles


@pytest.mark.parametrize("motif, attendu", [
    ('{regex: "(a+)+$"}', "quantificateur porte sur un groupe"),
    ('{regex: "(\\\\w+\\\\s?)+$"}', "quantificateur porte sur un groupe"),
    ('{regex: "(a|aa)+$"}', "textes d'essai"),
    ('{regex: "\\\\s*x\\\\s*y"}', "textes d'essai"),
    ('{regex: "(abc"}', "expression régulière invalide « (abc » : missing ), unterminated subpattern"),
    ('[{LOWER: {REGEX: "(a*)*b"}}]', "quantificateur porte sur un groupe"),
])
def test_expression_hostile_ou_invalide_refusee(tmp_path, capsys, motif, attendu):
    import time

    debut = time.perf_counter()
    code, _sortie, erreur = lancer(capsys, "verifier", CONFORME, "--regles", _regles_avec(tmp_path, motif))
    assert time.perf_counter() - debut < borne(20)
    assert code == 2 and attendu in erreur and "etude.yaml" in erreur and "ETUDE-MOT-ABSENT" in erreur


def test_expression_ordinaire_acceptee(tmp_path, capsys):
    code, sortie, _erreur = lancer(capsys, "verifier", CONFORME, "--regles",
                                   _regles_avec(tmp_path, '{regex: "mot\\\\s+t[eé]moin|(?:abc)+x{2,}"}'))
    assert code == 0 and "ETUDE-MOT-ABSENT" in sortie


def test_expressions_livrees_sans_quantificateur_imbrique():
    import yaml

    from actes.expressions import compiler_sure

    def expressions(noeud):
        if isinstance(noeud, dict):
            for cle, valeur in noeud.items():
                if cle in ("regex", "REGEX") and isinstance(valeur, str):
                    yield valeur
                else:
                    yield from expressions(valeur)
        elif isinstance(noeud, list):
            for valeur in noeud:
                yield from expressions(valeur)

    toutes = [e for f in sorted((RACINE / "regles").rglob("*.yaml"))
              for e in expressions(yaml.safe_load(f.read_text(encoding="utf-8")))]
    assert len(toutes) > 50
    for expression in toutes:
        compiler_sure(expression, sonder=False)


# 8. Une ligne de commande en français d'abord.

@pytest.mark.parametrize("arguments, attendu", [
    (("verifer", "acte.txt"), "commande « verifer » inconnue ; vouliez-vous dire « verifier » ?"),
    (("verifier", "--ignorr", "X", "acte.txt"), "vouliez-vous dire « --ignorer » ?"),
    (("verifier", "--format", "jsn", "acte.txt"), "choix « jsn » invalide"),
    (("verifier",), "argument(s) obligatoire(s) manquant(s) : FICHIER"),
    (("interets", "100", "--depuis", "2025-01-01", "--jusqu-au", "2026-01-01", "--executoire", "2025-01-01",
      "--majoration-depuis", "2025-03-01"), "argument --majoration-depuis : incompatible avec --executoire"),
    (("interets", "100", "--depuis", "2025-01-01"), "argument(s) obligatoire(s) manquant(s) : --jusqu-au"),
    (("echeancier", "500", "--mois", "douze", "--premiere", "2027-01-05"), "« douze » n'est pas un nombre entier"),
    (("verifier", "--type", "signification_jugemnt", CONFORME), "vouliez-vous dire « signification_jugement » ?"),
    (("verifier", "--ignorer", "TERM-TGI", CONFORME), "règle « TERM-TGI » inconnue ; vouliez-vous dire « TERM-TGI-TI » ?"),
    (("regles", "--code", "CPC680-DELAI-ERONE"), "vouliez-vous dire « CPC680-DELAI-ERRONE » ?"),
    (("verifier", "--date", "31/02/2026", CONFORME), "n'est pas une date qui existe"),
])
def test_erreurs_d_usage_en_francais(capsys, arguments, attendu):
    code, _sortie, erreur = lancer(capsys, *arguments)
    assert code == 2 and attendu in erreur
    assert not any(mot in erreur for mot in ("usage:", "error:", "invalid choice", "invalid int", "required",
                                             "unrecognized"))
    assert erreur.count(attendu) == 1


def test_aide_en_francais(capsys):
    for arguments in (("--help",), ("verifier", "--help"), ("signifier", "--help")):
        code, sortie, _erreur = lancer(capsys, *arguments)
        assert code == 0 and sortie.startswith("utilisation : actes")
        assert "options :" in sortie and "afficher cette aide et quitter" in sortie
        assert not any(mot in sortie for mot in ("usage:", "positional arguments", "show this help"))


def test_dates_jj_mm_aaaa_partout(capsys):
    assert lancer(capsys, "verifier", CONFORME, "--date", "15/11/2026", "--format", "json")[0] in (0, 1)
    code, sortie, _erreur = lancer(capsys, "delai", "31/01/2026", "1 mois", "--lieu", "75001")
    assert code == 0 and sortie.startswith("2026-03-02")
    assert lancer(capsys, "interets", "1000", "--depuis", "01/01/2025", "--jusqu-au", "01/01/2026")[0] == 0


def test_entree_standard(capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CONFORME.read_bytes())))
    code, sortie, _erreur = lancer(capsys, "verifier", "-", "--format", "json")
    assert code == 0 and json.loads(sortie)["fichiers"][0]["type_acte"] == "signification_jugement"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DECISION.read_bytes())))
    code, sortie, _erreur = lancer(capsys, "lire-decision", "-")
    assert code == 0 and "tribunal judiciaire (Lyon)" in sortie


def test_dossier_verifie_recursivement(tmp_path, capsys):
    (tmp_path / "sous").mkdir()
    (tmp_path / ".cache").mkdir()
    for nom in ("b.txt", "sous/a.txt", "~$b.docx", ".cache/c.txt", ".cache.txt", "notes.md"):
        (tmp_path / nom).write_bytes(CONFORME.read_bytes() if nom.endswith(".txt") else b"\x00verrou")
    code, sortie, _erreur = lancer(capsys, "verifier", tmp_path, "--format", "json")
    assert code == 0
    assert [f["chemin"] for f in json.loads(sortie)["fichiers"]] == [str(tmp_path / "b.txt"),
                                                                     str(tmp_path / "sous" / "a.txt")]


def test_chaque_erreur_une_seule_fois_sur_la_sortie_d_erreur(tmp_path, capsys):
    illisible = tmp_path / "image.docx"
    illisible.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    code, sortie, erreur = lancer(capsys, "verifier", illisible, CONFORME)
    assert code == 2 and erreur.count("image PNG") == 1 and "image PNG" not in sortie
    assert sortie.rstrip().endswith("1 fichier(s) illisible(s)")


def test_actes_toml_accepte_la_table_tool_actes(tmp_path, capsys):
    acte = tmp_path / "acte.txt"
    acte.write_text(CONFORME.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "actes.toml").write_text('[tool.actes]\nformat = "json"\n', encoding="utf-8")
    code, sortie, _erreur = lancer(capsys, "verifier", acte)
    assert code == 0 and json.loads(sortie)["version"] == 1


def test_lire_decision_en_mots_de_clerc(capsys):
    code, sortie, _erreur = lancer(capsys, "lire-decision", DECISION)
    assert code == 0
    assert "Date                   10 mars 2026" in sortie and "14 250,00 €" in sortie
    assert "en premier ressort" in sortie and "(défendeur)" in sortie and "de_droit" not in sortie
    assert "article 700 du code de procédure civile : 1 800,00 €" in sortie


def test_crochet_pre_commit_ne_voit_que_des_actes():
    import re

    import yaml

    (crochet,) = yaml.safe_load((RACINE / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    retenus = [n for n in ("acte.docx", "x/acte.odt", "a.pdf", "actes/2026/sig.txt", "notes.txt", "doc/README.txt",
                           "actes/~$sig.docx", "actes/.brouillon.txt")
               if re.search(crochet["files"], n) and not re.search(crochet["exclude"], n)]
    assert retenus == ["acte.docx", "x/acte.odt", "a.pdf", "actes/2026/sig.txt"]


# 9. Paquet : licence, journal, dépendances déclarées.

DISTRIBUTIONS = {"yaml": "pyyaml", "docx": "python-docx", "dateutil": "python-dateutil"}


def test_chaque_import_est_une_dependance_declaree():
    import ast
    import re
    import sys

    tomllib = pytest.importorskip("tomllib")

    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = [d for groupe in projet.get("optional-dependencies", {}).values() for d in groupe]  # actes[serveur]…
    declarees = {re.split(r"[<>=;\[ ]", d)[0].lower() for d in [*projet["dependencies"], *extras]}
    importes = set()
    for fichier in (RACINE / "actes").rglob("*.py"):
        for noeud in ast.walk(ast.parse(fichier.read_text(encoding="utf-8"))):
            if isinstance(noeud, ast.Import):
                importes |= {a.name.split(".")[0] for a in noeud.names}
            elif isinstance(noeud, ast.ImportFrom) and noeud.level == 0 and noeud.module:
                importes.add(noeud.module.split(".")[0])
    tiers = {m for m in importes if m not in sys.stdlib_module_names and m != "actes"}
    assert {DISTRIBUTIONS.get(m, m).lower() for m in tiers} <= declarees, tiers


def test_licence_et_journal():
    tomllib = pytest.importorskip("tomllib")

    projet = tomllib.loads((RACINE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    licence = (RACINE / "LICENSE").read_text(encoding="utf-8")
    assert projet["license"]["text"] == "MIT" and licence.startswith("MIT License")
    assert "## [Non publié]" in (RACINE / "CHANGELOG.md").read_text(encoding="utf-8")
