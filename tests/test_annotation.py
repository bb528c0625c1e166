"""Copie relue (.docx, .odt) : commentaires sur les mots visés, corrections en modifications suivies, aller-retour
« tout accepter » puis nouvelle vérification."""
from __future__ import annotations

import copy
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from actes.annotation import annoter
from actes.cli import main
from actes.documents.lecture import lire_octets
from actes.moteur.verificateur import Verificateur
from tests.annotation_commun import OFFICE, TEXT, W, accepter_docx, accepter_odt, commentaires_docx

RACINE = Path(__file__).resolve().parent.parent
ERREURS_DOCX = RACINE / "examples" / "signification-jugement-erreurs.docx"
CONFORME_DOCX = RACINE / "examples" / "signification-jugement-conforme.docx"
ERREURS_ODT = RACINE / "tests" / "donnees" / "documents" / "signification-jugement-erreurs.odt"


@pytest.fixture(scope="module")
def verificateur():
    return Verificateur()


def _constats(verificateur, donnees: bytes, nom: str = "acte") -> list[dict]:
    return verificateur.verifier(lire_octets(donnees, nom)).en_dict()["constats"]


def _acte_tableau_entete_zone() -> bytes:
    """L'acte conforme, avec « nouveau code de procédure civile » dans l'en-tête, une cellule de tableau et une zone
    de texte (trois constats TERM-NCPC)."""
    document = docx.Document(str(CONFORME_DOCX))
    document.sections[0].header.paragraphs[0].text = "Rappel : nouveau code de procédure civile"
    tableau = document.add_table(rows=1, cols=2)
    tableau.cell(0, 0).text = "Texte"
    tableau.cell(0, 1).text = "article 700 du nouveau code de procédure civile"
    paragraphe = document.add_paragraph("Note : ")
    zone = etree.fromstring(
        f'<w:r xmlns:w="{W[1:-1]}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
        f'<w:txbxContent><w:p><w:r><w:t xml:space="preserve">selon le nouveau code de procédure civile</w:t></w:r>'
        f'</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    paragraphe._p.append(zone)
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()


def test_docx_un_commentaire_par_constat_sur_ses_mots(verificateur):
    donnees = ERREURS_DOCX.read_bytes()
    constats = _constats(verificateur, donnees)
    copie = annoter(donnees, "acte.docx", constats)
    commentaires = commentaires_docx(copie)
    assert len(commentaires) == len(constats) + 1
    assert {auteur for auteur, _, _ in commentaires} == {"actes"}
    par_code = {texte.split(" — ")[0]: (texte, ancre) for _, texte, ancre in commentaires}
    texte, ancre = par_code["TERM-TGI-TI"]
    assert ancre == "tribunal de grande instancetribunal judiciaire"     # le mot barré puis le mot proposé
    assert "erreur" in texte and "L2019-222:95" in texte and "Suggestion : « tribunal judiciaire »" in texte
    assert par_code["CPC680-DELAI-PEU-APPARENT"][1].startswith("dans le délai de quinze jours")
    resume = next(t for _, t, _ in commentaires if t.startswith("actes — "))
    assert "3 erreur(s), 3 avertissement(s), 0 information(s)" in resume
    titre = next(a for _, t, a in commentaires if t.startswith("actes — "))
    assert titre == "SIGNIFICATION DE JUGEMENT"


def test_docx_remplacement_en_modification_suivie(verificateur):
    donnees = ERREURS_DOCX.read_bytes()
    copie = annoter(donnees, "acte.docx", _constats(verificateur, donnees))
    corps = etree.fromstring(zipfile.ZipFile(io.BytesIO(copie)).read("word/document.xml"))
    supprime = ["".join(d.itertext()) for d in corps.iter(W + "del")]
    insere = ["".join(i.itertext()) for i in corps.iter(W + "ins") if i.getparent().tag != W + "rPr"]
    assert supprime == ["tribunal de grande instance", "quinze jours"]
    assert "tribunal judiciaire" in insere and "un mois" in insere
    assert all(e.get(W + "author") == "actes" for e in [*corps.iter(W + "del"), *corps.iter(W + "ins")])
    assert any(t.startswith("Cette décision a été préalablement notifiée") for t in insere)   # mention absente insérée


def test_docx_aller_retour_tout_accepter(verificateur):
    donnees = ERREURS_DOCX.read_bytes()
    avant = _constats(verificateur, donnees)
    acceptee = accepter_docx(annoter(donnees, "acte.docx", avant))
    apres = _constats(verificateur, acceptee)
    corriges = {c["code"] for c in avant if c["correction"]}
    assert corriges == {"TERM-TGI-TI", "CPC680-DELAI-ERRONE", "CPC678-NOTIFICATION-AVOCAT-ABSENTE",
                        "CPC680-AMENDE-ABSENTE", "CPC656-VERIFICATIONS-ABSENTES"}
    assert [c["code"] for c in apres] == [c["code"] for c in avant if not c["correction"]]
    assert apres[0]["emplacement"]["extrait"] == "dans le délai de un mois"     # recouvrait « quinze jours »
    _rien_d_autre_n_a_change(donnees, acceptee, avant)


def _rien_d_autre_n_a_change(avant: bytes, apres: bytes, constats: list[dict]) -> None:
    """Les blocs qu'aucune correction ne touche se retrouvent tels quels, dans le même ordre."""
    touches = {c["emplacement"]["bloc"] for c in constats if c["correction"]}
    blocs_avant = [b.texte for b in lire_octets(avant, "a").blocs]
    blocs_apres = iter(b.texte for b in lire_octets(apres, "b").blocs)
    for rang, texte in enumerate(blocs_avant):
        if rang not in touches:
            assert texte in blocs_apres, texte     # sous-suite : rien n'est perdu ni modifié ailleurs


def test_docx_tableau_entete_zone_de_texte(verificateur):
    donnees = _acte_tableau_entete_zone()
    constats = _constats(verificateur, donnees)
    assert [c["code"] for c in constats].count("TERM-NCPC") == 3
    copie = annoter(donnees, "acte.docx", constats)
    ancres = [(t, a) for _, t, a in commentaires_docx(copie) if t.startswith("TERM-NCPC")]
    assert len(ancres) == 3
    assert sorted(a for _, a in ancres).count("nouveau code de procédure civilecode de procédure civile") == 2
    entete = next(t for t, a in ancres if "en-tête" in t)
    assert "« nouveau code de procédure civile »" in entete
    acceptee = accepter_docx(copie)
    assert [c["code"] for c in _constats(verificateur, acceptee)].count("TERM-NCPC") == 1    # reste l'en-tête


def test_odt_annotations_et_modifications_suivies(verificateur, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    donnees = ERREURS_ODT.read_bytes()
    constats = _constats(verificateur, donnees)
    copie = annoter(donnees, "acte.odt", constats)
    assert copie == annoter(donnees, "acte.odt", constats)                # mêmes entrées, mêmes octets
    contenu = etree.fromstring(zipfile.ZipFile(io.BytesIO(copie)).read("content.xml"))
    annotations = list(contenu.iter(OFFICE + "annotation"))
    assert len(annotations) == len(constats) + 1 == len(list(contenu.iter(OFFICE + "annotation-end")))
    assert {a.findtext("{http://purl.org/dc/elements/1.1/}creator") for a in annotations} == {"actes"}
    regions = list(contenu.iter(TEXT + "changed-region"))
    supprime = ["".join(r.itertext()).split("actes")[-1] for r in regions if r.find(TEXT + "deletion") is not None]
    assert [s.replace("2027-01-01T00:00:00", "") for s in supprime] == ["quinze jours", "tribunal de grande instance"]
    avant = constats
    acceptee = accepter_odt(copie)
    apres = _constats(verificateur, acceptee)
    assert [c["code"] for c in apres] == [c["code"] for c in avant if not c["correction"]]
    _rien_d_autre_n_a_change(donnees, acceptee, avant)


def test_copie_relue_sans_constat_garde_le_texte(verificateur):
    donnees = CONFORME_DOCX.read_bytes()
    copie = annoter(donnees, "acte.docx", _constats(verificateur, donnees))
    assert [b.texte for b in lire_octets(copie, "c").blocs] == [b.texte for b in lire_octets(donnees, "d").blocs]
    assert len(commentaires_docx(copie)) == 1
    assert copie == annoter(donnees, "acte.docx", [])


def test_cli_annoter_ecrit_une_copie_et_jamais_l_entree(tmp_path, capsys):
    acte = tmp_path / "acte.docx"
    shutil.copy(ERREURS_DOCX, acte)
    origine = acte.read_bytes()
    assert main(["verifier", str(acte), "--annoter"]) == 1
    assert acte.read_bytes() == origine
    assert len(commentaires_docx((tmp_path / "acte.annote.docx").read_bytes())) == 7
    assert main(["verifier", str(acte), "--annoter", "-o", str(tmp_path / "relu.docx")]) == 1
    assert (tmp_path / "relu.docx").is_file()
    assert main(["verifier", str(acte), "--annoter", "-o", str(acte)]) == 2
    assert acte.read_bytes() == origine
    texte = tmp_path / "acte.txt"
    texte.write_text(lire_octets(origine, "x").texte, encoding="utf-8")
    capsys.readouterr()
    assert main(["verifier", str(texte), "--annoter"]) == 2
    assert "pas de copie relue pour ce format" in capsys.readouterr().err


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (paquet libreoffice-writer-nogui) absent")
@pytest.mark.parametrize("source,cible", [(ERREURS_DOCX, "odt"), (ERREURS_ODT, "docx")])
def test_libreoffice_ouvre_la_copie_relue(verificateur, tmp_path, source, cible):
    """LibreOffice (sans interface) convertit la copie relue : il y voit chaque commentaire et chaque modification."""
    donnees = source.read_bytes()
    constats = _constats(verificateur, donnees)
    relue = tmp_path / f"relue{source.suffix}"
    relue.write_bytes(annoter(donnees, relue.name, constats))
    profil = tmp_path / "profil"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profil}", "--headless", "--convert-to", cible,
                    "--outdir", str(tmp_path / "sortie"), str(relue)], check=True, capture_output=True, timeout=180)
    convertie = zipfile.ZipFile(tmp_path / "sortie" / f"relue.{cible}")
    if cible == "odt":
        contenu = etree.fromstring(convertie.read("content.xml"))
        assert len(list(contenu.iter(OFFICE + "annotation"))) == len(constats) + 1
        genres = [e[0].tag for e in contenu.iter(TEXT + "changed-region")]
        assert genres.count(TEXT + "deletion") == 2
        assert genres.count(TEXT + "insertion") >= 5
    else:
        corps = etree.fromstring(convertie.read("word/document.xml"))
        assert len(list(corps.iter(W + "commentRangeStart"))) == len(constats) + 1
        assert ["".join(d.itertext()) for d in corps.iter(W + "del")] == ["tribunal de grande instance",
                                                                          "quinze jours"]
