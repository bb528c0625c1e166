"""Service local (`actes serveur`) : un vrai client HTTP contre le serveur lancé sur la boucle locale ; chaque
réponse comparée octet pour octet à celle de la ligne de commande ; la page dans Chromium sans interface."""
from __future__ import annotations

import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from actes.cli import main
from tests.annotation_commun import commentaires_docx
from tests.navigateur import erreurs_de_console, ouvrir_chromium
from tests.service_commun import service_lance

httpx = pytest.importorskip("httpx")
pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

RACINE = Path(__file__).resolve().parent.parent
ERREURS = RACINE / "examples" / "signification-jugement-erreurs.docx"
CONFORME = RACINE / "examples" / "signification-jugement-conforme.docx"
ERREURS_ODT = RACINE / "tests" / "donnees" / "documents" / "signification-jugement-erreurs.odt"
DECISION = RACINE / "examples" / "decision-exemple.txt"
DOSSIER = RACINE / "examples" / "dossier-signification.yaml"
EPOQUE = "1798761600"                 # date des modifications suivies d'un .odt : la même pour les deux
SECRET = "CONFIDENTIEL-ZORGLUB"        # mot qui ne doit paraître nulle part hors des réponses


@pytest.fixture(scope="module")
def dossier_temporaire(tmp_path_factory):
    return tmp_path_factory.mktemp("tmp-service")


@pytest.fixture(scope="module")
def service(dossier_temporaire):
    """Le service, ses fichiers temporaires dans un dossier à lui (pour vérifier qu'il n'y laisse rien)."""
    with service_lance(env={"TMPDIR": str(dossier_temporaire), "SOURCE_DATE_EPOCH": EPOQUE}) as (adresse, processus):
        yield adresse, processus


@pytest.fixture(scope="module")
def client(service):
    with httpx.Client(base_url=service[0], timeout=60) as client:
        yield client


def cli(monkeypatch, capsys, dossier: Path, *argv: str, entree: bytes | None = None) -> tuple[int, str]:
    """Code et sortie standard d'`actes ARGV` lancé dans `dossier` (sans configuration), l'entrée standard donnée."""
    monkeypatch.chdir(dossier)
    if entree is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(entree)))
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().out


def copie(tmp_path: Path, source: Path, nom: str | None = None) -> Path:
    cible = tmp_path / (nom or source.name)
    shutil.copyfile(source, cible)
    return cible


def test_verifier_multipart_comme_la_ligne_de_commande(client, tmp_path, monkeypatch, capsys):
    copie(tmp_path, ERREURS)
    code, attendu = cli(monkeypatch, capsys, tmp_path, "verifier", ERREURS.name, "--format", "json")
    reponse = client.post("/verifier", files={"acte": (ERREURS.name, ERREURS.read_bytes())})
    assert (reponse.status_code, reponse.headers["X-Actes-Code"], code) == (200, "1", 1)
    assert reponse.headers["content-type"] == "application/json"
    assert reponse.text == attendu
    assert any(c["code"] == "TERM-TGI-TI" for c in reponse.json()["fichiers"][0]["constats"])


def test_verifier_corps_brut_comme_l_entree_standard(client, tmp_path, monkeypatch, capsys):
    donnees = ERREURS.read_bytes()
    _, attendu = cli(monkeypatch, capsys, tmp_path, "verifier", "-", "--format", "json", entree=donnees)
    reponse = client.post("/verifier", content=donnees, headers={"Content-Type": "application/octet-stream"})
    assert reponse.status_code == 200 and reponse.text == attendu
    assert reponse.json()["fichiers"][0]["chemin"] == "-"


@pytest.mark.parametrize("format_", ["sarif", "html", "texte"])
def test_verifier_autres_formats_et_options(client, tmp_path, monkeypatch, capsys, format_):
    copie(tmp_path, ERREURS)
    _, attendu = cli(monkeypatch, capsys, tmp_path, "verifier", ERREURS.name, "--format", format_,
                     "--ignorer", "TERM-TGI-TI", "--date", "2026-10-20")
    reponse = client.post("/verifier", params={"format": format_, "ignorer": "TERM-TGI-TI", "date": "20/10/2026"},
                          files={"acte": (ERREURS.name, ERREURS.read_bytes())})
    assert reponse.status_code == 200 and reponse.text == attendu
    assert "TERM-TGI-TI" not in reponse.text


def test_acte_conforme_code_zero(client):
    reponse = client.post("/verifier", files={"acte": (CONFORME.name, CONFORME.read_bytes())})
    assert reponse.headers["X-Actes-Code"] == "0"
    assert not [c for c in reponse.json()["fichiers"][0]["constats"] if c["gravite"] == "erreur"]


@pytest.mark.parametrize("nom, donnees, statut", [
    ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), 415),
    ("acte.docx", b"PK\x03\x04 ceci n'est pas une archive", 422),
    ("vide.txt", b"   \n", 422),
])
def test_envoi_illisible_4xx_comme_la_ligne_de_commande(client, tmp_path, monkeypatch, capsys, nom, donnees, statut):
    (tmp_path / nom).write_bytes(donnees)
    code, attendu = cli(monkeypatch, capsys, tmp_path, "verifier", nom, "--format", "json")
    reponse = client.post("/verifier", files={"acte": (nom, donnees)})
    assert (code, reponse.status_code, reponse.headers["X-Actes-Code"]) == (2, statut, "2")
    assert reponse.text == attendu
    assert reponse.json()["fichiers"][0]["erreur"]                    # le message français de la ligne de commande


@pytest.mark.parametrize("parametres, message", [
    ({"type": "signification_jugemnt"}, "type d'acte « signification_jugemnt » inconnu ; vouliez-vous dire « signification_jugement » ?"),
    ({"ignorer": "TERM-TGI"}, "règle « TERM-TGI » inconnue"),
    ({"date": "31/02/2026"}, "date"),
    ({"format": "pdf"}, "format « pdf » inconnu"),
])
def test_option_invalide_400_en_francais(client, parametres, message):
    reponse = client.post("/verifier", params=parametres, files={"acte": (ERREURS.name, ERREURS.read_bytes())})
    assert reponse.status_code == 400 and message in reponse.json()["erreur"]


def test_sans_piece_ni_route(client):
    assert client.post("/verifier").json() == {
        "erreur": "pièce « acte » absente : l'envoyer en multipart (champ « acte ») ou en corps brut"}
    assert client.get("/inconnue").status_code == 404 and "route inconnue" in client.get("/inconnue").json()["erreur"]
    assert client.get("/verifier").status_code == 405


def test_annoter_meme_copie_que_la_ligne_de_commande(client, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOQUE)
    copie(tmp_path, ERREURS)
    code, _ = cli(monkeypatch, capsys, tmp_path, "verifier", ERREURS.name, "--annoter", "-o", "relu.docx")
    reponse = client.post("/annoter", files={"acte": (ERREURS.name, ERREURS.read_bytes())})
    assert reponse.status_code == 200 and code == 1
    assert reponse.headers["content-disposition"] == \
        "attachment; filename*=UTF-8''signification-jugement-erreurs.annote.docx"
    assert reponse.content == (tmp_path / "relu.docx").read_bytes()
    textes = [texte for _, texte, _ in commentaires_docx(reponse.content)]
    assert any(t.startswith("TERM-TGI-TI") for t in textes)
    docx.Document(io.BytesIO(reponse.content))                            # python-docx la rouvre


def test_annoter_odt_et_refus_d_un_texte(client, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOQUE)
    copie(tmp_path, ERREURS_ODT)
    cli(monkeypatch, capsys, tmp_path, "verifier", ERREURS_ODT.name, "--annoter", "-o", "relu.odt")
    reponse = client.post("/annoter", files={"acte": (ERREURS_ODT.name, ERREURS_ODT.read_bytes())})
    assert reponse.status_code == 200 and reponse.headers["content-type"] == "application/vnd.oasis.opendocument.text"
    assert reponse.content == (tmp_path / "relu.odt").read_bytes()
    refus = client.post("/annoter", files={"acte": ("acte.txt", DECISION.read_bytes())})
    assert refus.status_code == 415
    assert refus.json() == {"erreur": "acte.txt : pas de copie relue pour ce format (seulement .docx et .odt)"}


def test_regles_comme_la_ligne_de_commande(client, tmp_path, monkeypatch, capsys):
    _, attendu = cli(monkeypatch, capsys, tmp_path, "regles", "--format", "json")
    reponse = client.get("/regles")
    assert reponse.status_code == 200 and reponse.text == attendu


def test_lire_decision_comme_la_ligne_de_commande(client, tmp_path, monkeypatch, capsys):
    copie(tmp_path, DECISION)
    _, attendu = cli(monkeypatch, capsys, tmp_path, "lire-decision", DECISION.name, "--format", "json",
                     "--demeurant", "Fort-de-France")
    reponse = client.post("/lire-decision", params={"demeurant": "Fort-de-France"},
                          files={"decision": (DECISION.name, DECISION.read_bytes())})
    assert reponse.status_code == 200 and reponse.text == attendu
    refus = client.post("/lire-decision", files={"decision": ("d.txt", b"\x00\x01\x02" * 10)})
    assert refus.status_code == 415 and refus.json()["erreur"].startswith("d.txt : ")


def test_signifier_comme_la_ligne_de_commande(client, tmp_path, monkeypatch, capsys):
    copie(tmp_path, DECISION)
    copie(tmp_path, DOSSIER)
    code, bilan = cli(monkeypatch, capsys, tmp_path, "signifier", DECISION.name, "--dossier", DOSSIER.name,
                      "-o", "signification.txt", "--format", "json")
    pieces = {"decision": (DECISION.name, DECISION.read_bytes()), "dossier": (DOSSIER.name, DOSSIER.read_bytes())}
    reponse = client.post("/signifier", params={"sortie": "txt"}, files=pieces)
    assert reponse.status_code == 200
    assert reponse.content == (tmp_path / "signification.txt").read_bytes()
    assert reponse.headers["X-Actes-Complet"] == ("oui" if code == 0 else "non")
    en_json = client.post("/signifier", params={"sortie": "txt", "format": "json"}, files=pieces).json()
    assert {k: v for k, v in en_json.items() if k != "document"} == json.loads(bilan)
    en_word = client.post("/signifier", files=pieces)
    assert "24/03187" in "\n".join(p.text for p in docx.Document(io.BytesIO(en_word.content)).paragraphs)
    faux = client.post("/signifier", files={**pieces, "dossier": ("d.yaml", b"requerant: [")})
    assert faux.status_code == 400 and faux.json()["erreur"].startswith("d.yaml : ligne")


def test_openapi_decrit_chaque_route(client):
    description = client.get("/openapi.json").json()
    assert description["openapi"].startswith("3.")
    assert set(description["paths"]) == {"/", "/openapi.json", "/regles", "/verifier", "/annoter", "/lire-decision",
                                         "/signifier"}


def test_rien_d_un_acte_sur_le_disque_ni_dans_le_journal(dossier_temporaire, tmp_path):
    """Un acte de plus de 1 Mo (la pièce multipart passe par un fichier temporaire anonyme) : rien ne reste dans
    le dossier temporaire du service, et son journal ne contient ni le nom ni le texte de l'acte."""
    document = docx.Document(str(ERREURS))
    document.add_paragraph(f"{SECRET} " * 20)
    image = io.BytesIO()
    document.save(image)
    gros = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(image.getvalue())) as source, zipfile.ZipFile(gros, "w") as cible:
        for info in source.infolist():
            cible.writestr(info.filename, source.read(info.filename), zipfile.ZIP_DEFLATED)
        cible.writestr("word/media/bourrage.bin", bytes(range(256)) * 6000, zipfile.ZIP_STORED)  # 1,5 Mo
    donnees = gros.getvalue()
    assert len(donnees) > 1024 * 1024
    with service_lance(env={"TMPDIR": str(tmp_path)}) as (adresse, processus):
        reponse = httpx.post(adresse + "/verifier", files={"acte": (f"{SECRET}.docx", donnees)}, timeout=60)
        assert reponse.status_code == 200 and SECRET in reponse.text
        assert httpx.post(adresse + "/annoter", content=donnees, timeout=60).status_code == 200
        assert list(tmp_path.iterdir()) == []
    journal = processus.journal
    assert "POST /verifier 200" in journal and "POST /annoter 200" in journal
    assert SECRET not in journal
    assert list(dossier_temporaire.iterdir()) == []


def test_requetes_concurrentes_des_le_demarrage():
    """Huit requêtes à la fois sur un service qui vient de démarrer (chargements paresseux pris par plusieurs fils) :
    huit réponses identiques."""
    from concurrent.futures import ThreadPoolExecutor

    donnees = ERREURS.read_bytes()
    with service_lance() as (adresse, _):
        def envoyer(_):
            return httpx.post(adresse + "/verifier", files={"acte": (ERREURS.name, donnees)}, timeout=120)
        with ThreadPoolExecutor(8) as groupe:
            reponses = list(groupe.map(envoyer, range(8)))
    assert {r.status_code for r in reponses} == {200}
    assert len({r.text for r in reponses}) == 1


def test_envoi_trop_gros_413(tmp_path):
    with service_lance("--taille-max", "1") as (adresse, _):
        reponse = httpx.post(adresse + "/verifier", content=b"a" * (2 * 1024 * 1024), timeout=60)
        assert reponse.status_code == 413 and reponse.json()["erreur"].startswith("envoi trop volumineux")


def test_jeton_exige_quand_il_est_donne():
    with service_lance("--jeton", "s3cret") as (adresse, _):
        assert httpx.get(adresse + "/").status_code == 200                 # la page, sans acte, reste libre
        refus = httpx.get(adresse + "/regles")
        assert refus.status_code == 401 and "jeton absent ou invalide" in refus.json()["erreur"]
        assert httpx.get(adresse + "/regles", headers={"Authorization": "Bearer faux"}).status_code == 401
        assert httpx.get(adresse + "/regles", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert 'data-jeton="oui"' in httpx.get(adresse + "/").text


def test_hors_de_la_boucle_locale_sans_jeton_refuse(capsys, monkeypatch):
    monkeypatch.delenv("ACTES_JETON", raising=False)
    assert main(["serveur", "--hote", "0.0.0.0"]) == 2
    assert "hors de la boucle locale, le service exige un jeton" in capsys.readouterr().err


def test_page_dans_chromium_deposer_voir_telecharger(service, tmp_path):
    """Le clerc dépose un acte sur la page : les constats s'affichent à côté du texte, la copie relue se
    télécharge et contient les commentaires."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    adresse, _ = service
    telechargements = tmp_path / "telechargements"
    telechargements.mkdir()
    navigateur = ouvrir_chromium(tmp_path / "profil")
    try:
        navigateur.execute_cdp_cmd("Browser.setDownloadBehavior",
                                   {"behavior": "allow", "downloadPath": str(telechargements)})
        navigateur.get(adresse + "/")
        assert navigateur.find_element(By.TAG_NAME, "h1").text == "actes — vérifier un acte"
        navigateur.find_element(By.ID, "acte").send_keys(str(ERREURS))
        attendre = WebDriverWait(navigateur, 60)
        lien = attendre.until(lambda n: n.find_element(By.ID, "telecharger") if n.find_element(
            By.ID, "telecharger").is_displayed() else None)
        assert "au moins une erreur" in navigateur.find_element(By.ID, "etat").text
        navigateur.switch_to.frame(navigateur.find_element(By.ID, "rapport"))
        marque = navigateur.find_element(By.CSS_SELECTOR, "mark.g-erreur")
        assert marque.text and marque.is_displayed()
        assert any("TERM-TGI-TI" in c.text for c in navigateur.find_elements(By.CSS_SELECTOR, ".constat"))
        navigateur.switch_to.default_content()
        assert lien.text == "Télécharger la copie relue (signification-jugement-erreurs.annote.docx)"
        lien.click()
        cible = telechargements / "signification-jugement-erreurs.annote.docx"
        attendre.until(lambda n: cible.exists() and cible.stat().st_size > 0)
        assert any(texte.startswith("TERM-TGI-TI") for _, texte, _ in commentaires_docx(cible.read_bytes()))

        image = tmp_path / "photo.png"
        image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
        navigateur.find_element(By.ID, "acte").send_keys(str(image))
        attendre.until(lambda n: "erreur" in n.find_element(By.ID, "etat").get_attribute("class"))
        assert navigateur.find_element(By.ID, "etat").text.startswith("photo.png : ")
        assert not navigateur.find_element(By.ID, "telecharger").is_displayed()
        assert erreurs_de_console(navigateur) == [] or all(
            "/verifier" in m["message"] for m in erreurs_de_console(navigateur))   # le 4xx voulu, rien d'autre
    finally:
        navigateur.quit()
