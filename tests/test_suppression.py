"""Constats tus là où le clerc décide : commentaire « actes: ignorer CODE… » (Word, LibreOffice), `par-fichier`."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import jsonschema
from lxml import etree

from actes.cli import main
from actes.documents.document import codes_a_ignorer
from actes.documents.lecture import lire_octets
from actes.moteur.verificateur import Verificateur

RACINE = Path(__file__).resolve().parent.parent
ERREURS_DOCX = RACINE / "examples" / "signification-jugement-erreurs.docx"
ERREURS_ODT = RACINE / "tests" / "donnees" / "documents" / "signification-jugement-erreurs.odt"
SCHEMA_SARIF = RACINE / "tests" / "donnees" / "sarif-schema-2.1.0.json"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def _docx_commente(*commentaires: tuple[int, str]) -> bytes:
    """L'acte fautif, avec des commentaires (rang du paragraphe, texte) sur tout un paragraphe."""
    document = docx.Document(str(ERREURS_DOCX))
    for rang, texte in commentaires:
        paragraphe = document.paragraphs[rang]
        document.add_comment(paragraphe.runs, text=texte, author="Clerc", initials="C")
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()


def _constats(donnees: bytes, nom: str = "acte.docx") -> list[dict]:
    return Verificateur().verifier(lire_octets(donnees, nom)).en_dict()["constats"]


def test_codes_d_un_commentaire():
    assert codes_a_ignorer("actes: ignorer TERM-NCPC") == ("TERM-NCPC",)
    assert codes_a_ignorer("Actes : ignorer term-ncpc, CPC680-DELAI-ERRONE vu avec Me X") == \
        ("TERM-NCPC", "CPC680-DELAI-ERRONE")
    assert codes_a_ignorer("à revoir : actes: ignorer TERM-NCPC") is None      # au début seulement
    assert codes_a_ignorer("actes: ignorer") == ()


def test_commentaire_word_tait_exactement_son_constat():
    donnees = _docx_commente((12, "actes: ignorer TERM-TGI-TI (la décision citée le nomme ainsi)"))
    constats = {c["code"]: c for c in _constats(donnees)}
    assert constats["TERM-TGI-TI"]["supprime"] == {
        "genre": "commentaire", "justification": "actes: ignorer TERM-TGI-TI (la décision citée le nomme ainsi)"}
    # la mention absente ancrée sur le même paragraphe n'est pas nommée : elle reste
    assert constats["CPC678-NOTIFICATION-AVOCAT-ABSENTE"]["supprime"] is None
    assert [c for c, v in constats.items() if v["supprime"]] == ["TERM-TGI-TI"]


def test_commentaire_ailleurs_ne_tait_rien_et_est_signale():
    donnees = _docx_commente((15, "actes: ignorer TERM-TGI-TI"))     # pas sur le paragraphe du constat
    constats = _constats(donnees)
    assert not any(c["supprime"] for c in constats)
    inutile = [c for c in constats if c["code"] == "SUPPRESSION-INUTILE"]
    assert len(inutile) == 1 and inutile[0]["gravite"] == "information"
    assert inutile[0]["emplacement"]["bloc"] == 15 and "TERM-TGI-TI" in inutile[0]["message"]
    assert "inconnu" in _constats(_docx_commente((12, "actes: ignorer TERM-INEXISTANT")))[-1]["message"]


def _odt_annote(nom_region: bool) -> bytes:
    """L'acte fautif .odt, avec une annotation « actes: ignorer CPC680-DELAI-ERRONE » sur le paragraphe du délai."""
    with zipfile.ZipFile(ERREURS_ODT) as archive:
        parties = {i.filename: archive.read(i.filename) for i in archive.infolist()}
    contenu = etree.fromstring(parties["content.xml"])
    paragraphe = next(p for p in contenu.iter(f"{{{TEXT}}}p") if "quinze jours" in "".join(p.itertext()))
    annotation = etree.SubElement(paragraphe, f"{{{OFFICE}}}annotation")
    if nom_region:
        annotation.set(f"{{{OFFICE}}}name", "n1")
        etree.SubElement(paragraphe, f"{{{OFFICE}}}annotation-end").set(f"{{{OFFICE}}}name", "n1")
        paragraphe.remove(annotation)
        paragraphe.insert(0, annotation)
        annotation.tail, paragraphe.text = paragraphe.text, None
    etree.SubElement(annotation, f"{{{TEXT}}}p").text = "actes: ignorer CPC680-DELAI-ERRONE"
    parties["content.xml"] = etree.tostring(contenu)
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as sortie:
        for nom, donnees in parties.items():
            sortie.writestr(nom, donnees)
    return tampon.getvalue()


def test_annotation_libreoffice_tait_son_constat():
    for nom_region in (True, False):
        constats = _constats(_odt_annote(nom_region), "acte.odt")
        tus = [c["code"] for c in constats if c["supprime"]]
        assert tus == ["CPC680-DELAI-ERRONE"], nom_region
        assert not any(c["code"] == "SUPPRESSION-INUTILE" for c in constats)


def test_json_sarif_et_code_de_sortie(tmp_path, capsys):
    acte = tmp_path / "acte.docx"
    acte.write_bytes(_docx_commente((12, "actes: ignorer TERM-TGI-TI"),
                                    (14, "actes: ignorer CPC680-DELAI-ERRONE"),
                                    (17, "actes: ignorer CPC656-VERIFICATIONS-ABSENTES")))
    assert main(["verifier", str(acte), "--format", "sarif"]) == 0     # les trois erreurs sont tues
    journal = json.loads(capsys.readouterr().out)
    jsonschema.Draft4Validator(json.loads(SCHEMA_SARIF.read_text(encoding="utf-8"))).validate(journal)
    resultats = journal["runs"][0]["results"]
    tus = {r["ruleId"]: r["suppressions"] for r in resultats if "suppressions" in r}
    assert set(tus) == {"TERM-TGI-TI", "CPC680-DELAI-ERRONE", "CPC656-VERIFICATIONS-ABSENTES"}
    assert tus["TERM-TGI-TI"] == [{"kind": "inSource", "justification": "actes: ignorer TERM-TGI-TI"}]
    assert main(["verifier", str(acte)]) == 0
    sortie = capsys.readouterr().out
    assert "TERM-TGI-TI" not in sortie and "3 constat(s) tu(s)" in sortie


def test_par_fichier_dans_la_configuration(tmp_path, capsys):
    dossier = tmp_path / "anciens"
    dossier.mkdir()
    texte = lire_octets(ERREURS_DOCX.read_bytes(), "a").texte
    (dossier / "acte.txt").write_text(texte, encoding="utf-8")
    (tmp_path / "acte.txt").write_text(texte, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.actes.par-fichier]\n"anciens/*.txt" = ["TERM-TGI-TI"]\n', encoding="utf-8")
    assert main(["verifier", str(dossier / "acte.txt"), str(tmp_path / "acte.txt"), "--format", "json"]) == 1
    fichiers = json.loads(capsys.readouterr().out)["fichiers"]
    tus = [[c["code"] for c in f["constats"] if c["supprime"]] for f in fichiers]
    assert tus == [["TERM-TGI-TI"], []]
    supprime = next(c for c in fichiers[0]["constats"] if c["supprime"])["supprime"]
    assert supprime == {"genre": "configuration",
                        "justification": "configuration pyproject.toml : par-fichier « anciens/*.txt »"}


def test_copie_relue_ne_commente_pas_un_constat_tu():
    from actes.annotation import annoter
    from tests.annotation_commun import commentaires_docx

    donnees = _docx_commente((12, "actes: ignorer TERM-TGI-TI"))
    copie = annoter(donnees, "acte.docx", _constats(donnees))
    textes = [t for auteur, t, _ in commentaires_docx(copie) if auteur == "actes"]
    assert not any(t.startswith("TERM-TGI-TI") for t in textes) and len(textes) == 6
