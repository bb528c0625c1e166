"""Le moteur de vérification : chargement des règles, validité datée, options, sorties JSON et SARIF, configuration."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from actes.documents import document_de_texte
from actes.erreurs import RegleInvalide
from actes.moteur.chargement import charger_catalogue

RACINE = Path(__file__).resolve().parent.parent
ACTE = Path(__file__).parent / "regles" / "actes" / "signification-jugement.txt"
SCHEMA_SARIF = Path(__file__).parent / "donnees" / "sarif-schema-2.1.0.json"

REGLE_VALIDE = """\
- code: ESSAI-MOT-ABSENT
  titre: Mot témoin absent
  gravite: avertissement
  references: ["CPC:648"]
  genre: mention_obligatoire
  un_de: ["mot témoin"]
  message: Le mot témoin manque.
"""


def ecrire_regles(dossier: Path, contenu: str, nom: str = "essai.yaml") -> Path:
    dossier.mkdir(parents=True, exist_ok=True)
    (dossier / nom).write_text(contenu, encoding="utf-8")
    return dossier


def cli(*arguments: str, cwd: Path = RACINE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "actes", *arguments], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


# --- Chargement : un fichier fautif est nommé avec sa ligne et sa règle ---------------------------------------------

@pytest.mark.parametrize("contenu, ligne, fragment", [
    (REGLE_VALIDE.replace("genre: mention_obligatoire", "genre: inconnu"), 1, "genre"),
    (REGLE_VALIDE.replace("  titre: Mot témoin absent\n", ""), 1, "titre"),
    (REGLE_VALIDE.replace('references: ["CPC:648"]', 'references: ["article 648 CPC"]'), 4, "references"),
    (REGLE_VALIDE.replace("gravite: avertissement", "gravite: grave"), 1, "gravite"),   # ligne de la règle
], ids=["genre-inconnu", "champ-manquant", "reference-mal-formee", "gravite-inconnue"])
def test_regle_invalide_nomme_fichier_ligne_et_code(tmp_path, contenu, ligne, fragment):
    dossier = ecrire_regles(tmp_path / "regles", contenu)
    with pytest.raises(RegleInvalide) as info:
        charger_catalogue((dossier,), livrees=False)
    erreur = info.value
    assert erreur.chemin.endswith("essai.yaml")
    assert erreur.code == "ESSAI-MOT-ABSENT"
    assert erreur.ligne == ligne
    assert fragment in erreur.message


def test_cle_en_double_refusee_avec_sa_ligne(tmp_path):
    contenu = REGLE_VALIDE + "  gravite: erreur\n"
    dossier = ecrire_regles(tmp_path / "regles", contenu)
    with pytest.raises(RegleInvalide) as info:
        charger_catalogue((dossier,), livrees=False)
    assert info.value.chemin.endswith("essai.yaml")
    assert info.value.ligne == 8
    assert "« gravite » en double" in info.value.message


def test_versions_qui_se_chevauchent_refusees(tmp_path):
    v1 = REGLE_VALIDE + "  validite: {depuis: 2020-01-01, jusqu_au: 2024-12-31}\n"
    v2 = REGLE_VALIDE + "  validite: {depuis: 2024-06-01}\n"
    dossier = ecrire_regles(tmp_path / "regles", v1 + v2)
    with pytest.raises(RegleInvalide) as info:
        charger_catalogue((dossier,), livrees=False)
    assert info.value.code == "ESSAI-MOT-ABSENT"
    assert info.value.ligne == 9
    assert "chevauchent" in info.value.message


def test_regle_invalide_en_ligne_de_commande(tmp_path):
    dossier = ecrire_regles(tmp_path / "regles", REGLE_VALIDE.replace("genre: mention_obligatoire", "genre: inconnu"))
    fini = cli("verifier", str(ACTE), "--regles", str(dossier))
    assert fini.returncode == 2
    assert "Traceback" not in fini.stderr
    assert fini.stderr.startswith("actes : ")
    assert "essai.yaml" in fini.stderr and "ligne 1" in fini.stderr and "ESSAI-MOT-ABSENT" in fini.stderr


# --- Validité datée : la date de l'acte choisit la version en vigueur -------------------------------------------------

VERSIONS = """\
- code: ESSAI-PLAFOND
  titre: Plafond d'essai
  gravite: avertissement
  references: ["CPC:680"]
  validite: {depuis: 2020-01-01, jusqu_au: 2026-06-30}
  genre: mention_obligatoire
  un_de: ["ancien plafond"]
  message: Version ancienne.
- code: ESSAI-PLAFOND
  titre: Plafond d'essai
  gravite: erreur
  references: ["CPC:680"]
  validite: {depuis: 2026-07-01}
  genre: mention_obligatoire
  un_de: ["nouveau plafond"]
  message: Version nouvelle.
"""


@pytest.mark.parametrize("jour, message, gravite", [
    (dt.date(2026, 6, 30), "Version ancienne.", "avertissement"),
    (dt.date(2026, 7, 1), "Version nouvelle.", "erreur"),
])
def test_la_date_de_l_acte_choisit_la_version(tmp_path, jour, message, gravite):
    from actes import Verificateur

    verificateur = Verificateur(regles=[ecrire_regles(tmp_path / "r", VERSIONS)], livrees=False)
    (constat,) = verificateur.verifier(document_de_texte("Un acte sans plafond."), date=jour).constats
    assert (constat.code, constat.message, constat.gravite.value) == ("ESSAI-PLAFOND", message, gravite)


def test_avant_la_premiere_version_la_regle_se_tait(tmp_path):
    from actes import Verificateur

    verificateur = Verificateur(regles=[ecrire_regles(tmp_path / "r", VERSIONS)], livrees=False)
    assert verificateur.verifier(document_de_texte("Un acte."), date=dt.date(2019, 12, 31)).constats == []


def test_date_lue_dans_l_acte_choisit_la_version(tmp_path):
    from actes import Verificateur

    verificateur = Verificateur(regles=[ecrire_regles(tmp_path / "r", VERSIONS)], livrees=False)
    texte = "ACTE\n\nL'AN DEUX MILLE VINGT-CINQ ET LE DOUZE MAI\n\nRien d'autre."
    (constat,) = verificateur.verifier(document_de_texte(texte)).constats
    assert constat.message == "Version ancienne."


# --- Ignorer, changer la gravité ---------------------------------------------------------------------------------------

TEXTE_FAUTIF = ACTE.read_text(encoding="utf-8").replace("DÉLAI D'UN MOIS", "DÉLAI DE QUINZE JOURS")


def test_ignorer_une_regle(tmp_path):
    from actes import Verificateur

    assert [c.code for c in Verificateur().verifier(texte=TEXTE_FAUTIF).constats] == ["CPC680-DELAI-ERRONE"]
    assert Verificateur(ignorer=["CPC680-DELAI-ERRONE"]).verifier(texte=TEXTE_FAUTIF).constats == []


def test_changer_la_gravite_d_une_regle():
    from actes import Verificateur

    (constat,) = Verificateur(gravites={"CPC680-DELAI-ERRONE": "information"}).verifier(texte=TEXTE_FAUTIF).constats
    assert constat.gravite.value == "information"


def test_ignorer_en_ligne_de_commande(tmp_path):
    acte = tmp_path / "acte.txt"
    acte.write_text(TEXTE_FAUTIF, encoding="utf-8")
    assert cli("verifier", str(acte)).returncode == 1
    fini = cli("verifier", str(acte), "--ignorer", "CPC680-DELAI-ERRONE", "--format", "json")
    assert fini.returncode == 0
    assert json.loads(fini.stdout)["fichiers"][0]["constats"] == []


# --- Configuration trouvée en remontant depuis le fichier vérifié -----------------------------------------------------

def test_pyproject_tool_actes_trouve_en_remontant(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "greffe"\n\n[tool.actes]\nignorer = ["CPC680-DELAI-ERRONE"]\nformat = "json"\n',
        encoding="utf-8")
    (tmp_path / "dossiers" / "2026").mkdir(parents=True)
    acte = tmp_path / "dossiers" / "2026" / "acte.txt"
    acte.write_text(TEXTE_FAUTIF, encoding="utf-8")
    fini = cli("verifier", str(acte), cwd=tmp_path)
    assert fini.returncode == 0, fini.stderr
    assert json.loads(fini.stdout)["fichiers"][0]["constats"] == []          # format json venu de la configuration


def test_actes_toml_gravite_et_format(tmp_path):
    (tmp_path / "actes.toml").write_text(
        'format = "json"\n[gravites]\n"CPC680-DELAI-ERRONE" = "avertissement"\n', encoding="utf-8")
    acte = tmp_path / "acte.txt"
    acte.write_text(TEXTE_FAUTIF, encoding="utf-8")
    fini = cli("verifier", str(acte), cwd=tmp_path)
    assert fini.returncode == 0, fini.stderr
    (constat,) = json.loads(fini.stdout)["fichiers"][0]["constats"]
    assert (constat["code"], constat["gravite"]) == ("CPC680-DELAI-ERRONE", "avertissement")


def test_configuration_avec_cle_inconnue_refusee(tmp_path):
    (tmp_path / "actes.toml").write_text('ignorrer = ["X"]\n', encoding="utf-8")
    acte = tmp_path / "acte.txt"
    acte.write_text(TEXTE_FAUTIF, encoding="utf-8")
    fini = cli("verifier", str(acte), cwd=tmp_path)
    assert fini.returncode == 2
    assert "ignorrer" in fini.stderr and "Traceback" not in fini.stderr


def test_regles_supplementaires_de_la_configuration(tmp_path):
    ecrire_regles(tmp_path / "mes-regles", REGLE_VALIDE)
    (tmp_path / "actes.toml").write_text('regles = ["mes-regles"]\n', encoding="utf-8")
    acte = tmp_path / "acte.txt"
    acte.write_text(ACTE.read_text(encoding="utf-8"), encoding="utf-8")
    fini = cli("verifier", str(acte), "--format", "json", cwd=tmp_path)
    codes = [c["code"] for c in json.loads(fini.stdout)["fichiers"][0]["constats"]]
    assert codes == ["ESSAI-MOT-ABSENT"]


# --- Sorties -----------------------------------------------------------------------------------------------------------

def test_actes_regles_json():
    fini = cli("regles", "--format", "json")
    assert fini.returncode == 0
    regles = json.loads(fini.stdout)
    assert {"code", "titre", "gravite", "references", "depuis", "jusqu_au", "fichier"} <= set(regles[0])
    par_code = {r["code"]: r for r in regles}
    assert par_code["TERM-HUISSIER"]["depuis"] == "2026-07-01"
    assert par_code["TERM-HUISSIER"]["jusqu_au"] is None
    assert par_code["CPC680-DELAI-ERRONE"]["fichier"] == "verification/signification/jugement.yaml"
    assert par_code["CPC664-JOUR-OU-HEURE-INTERDIT"]["references"] == ["CPC:664", "CPC:693"]


def test_json_version_1(tmp_path):
    acte = tmp_path / "acte.txt"
    acte.write_text(TEXTE_FAUTIF, encoding="utf-8")
    fini = cli("verifier", str(acte), str(tmp_path / "absent.docx"), "--format", "json")
    assert fini.returncode == 2                                    # un fichier illisible l'emporte
    rapport = json.loads(fini.stdout)
    assert rapport["version"] == 1
    lu, absent = rapport["fichiers"]
    assert {"chemin", "type_acte", "date_acte", "constats"} <= set(lu)
    assert (lu["type_acte"], lu["date_acte"]) == ("signification_jugement", "2026-10-12")
    (constat,) = lu["constats"]
    assert {"code", "gravite", "message", "references", "emplacement", "suggestion", "regle"} <= set(constat)
    assert {"bloc", "debut", "fin", "ligne", "colonne", "extrait"} <= set(constat["emplacement"])
    assert constat["regle"] == "verification/signification/jugement.yaml"
    assert absent["erreur"] and absent["constats"] == []


def test_sortie_sarif_valide_selon_le_schema_2_1_0(tmp_path):
    import jsonschema

    acte = tmp_path / "acte.txt"
    acte.write_text(TEXTE_FAUTIF.replace("tribunal judiciaire", "tribunal de grande instance"), encoding="utf-8")
    fini = cli("verifier", str(acte), str(tmp_path / "absent.docx"), "--format", "sarif")
    journal = json.loads(fini.stdout)
    schema = json.loads(SCHEMA_SARIF.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(journal)
    assert journal["version"] == "2.1.0"
    (run,) = journal["runs"]
    assert [r["ruleId"] for r in run["results"]] == ["TERM-TGI-TI", "CPC680-DELAI-ERRONE"]
    regles = [d["id"] for d in run["tool"]["driver"]["rules"]]
    assert all(regles[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    assert run["invocations"][0]["executionSuccessful"] is False   # le fichier absent est notifié


def test_sarif_invalide_est_refuse_par_le_schema():
    """Le schéma livré dans les tests refuse bien un journal mal formé (le test précédent peut échouer)."""
    import jsonschema

    schema = json.loads(SCHEMA_SARIF.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(schema).validate({"version": "2.1.0", "runs": [{"results": []}]})


def test_meme_entree_memes_octets(tmp_path):
    acte = tmp_path / "acte.txt"
    acte.write_text(TEXTE_FAUTIF, encoding="utf-8")
    premiers = cli("verifier", str(acte), "--format", "json").stdout
    assert premiers == cli("verifier", str(acte), "--format", "json").stdout
    from actes import Verificateur

    verificateur = Verificateur()
    assert verificateur.verifier(texte=TEXTE_FAUTIF).en_dict() == verificateur.verifier(texte=TEXTE_FAUTIF).en_dict()


def test_type_inconnu_donne_une_information():
    from actes import Verificateur

    rapport = Verificateur().verifier(texte="ACTE QUELCONQUE\n\nL'AN DEUX MILLE VINGT-SIX ET LE DOUZE OCTOBRE\n")
    assert rapport.type_acte is None
    assert [(c.code, c.gravite.value) for c in rapport.constats] == [("TYPE-INCONNU", "information")]
