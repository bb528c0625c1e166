"""Entrées hostiles ou abîmées : chaque cas donne une `ActesErreur` précise, en français, en temps et mémoire bornés."""
from __future__ import annotations

import io
import os
import struct
import time
import warnings
import zipfile

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actes.documents import lire
from actes.documents.garde import TAILLE_MAX_FICHIER
from actes.documents.lecture import lire_octets
from actes.erreurs import (ActesErreur, ArchiveCorrompue, ArchiveTropVolumineuse, DocumentChiffre, DocumentCorrompu,
                           DocumentSansTexte, FichierIntrouvable, FichierTropVolumineux, FormatNonReconnu, XmlRefuse)
from tests.minuterie import borne

try:                                       # tests/ en paquet ou en simple dossier, selon la configuration
    from .test_documents import pdf_texte
except ImportError:
    from test_documents import pdf_texte


def _docx(texte: str = "Signification d'un jugement", entete: str = "Étude") -> bytes:
    d = docx.Document()
    d.add_paragraph(texte)
    d.sections[0].header.paragraphs[0].text = entete
    flux = io.BytesIO()
    d.save(flux)
    return flux.getvalue()


def _reemballer(octets: bytes, remplacer: dict[str, bytes | None]) -> bytes:
    """Copie d'une archive où certaines entrées sont remplacées (None : supprimée) ou ajoutées."""
    sortie = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(octets)) as source, zipfile.ZipFile(sortie, "w", zipfile.ZIP_DEFLATED) as cible:
        for entree in source.infolist():
            if entree.filename not in remplacer:
                cible.writestr(entree.filename, source.read(entree))
        for nom, contenu in remplacer.items():
            if contenu is not None:
                cible.writestr(nom, contenu)
    return sortie.getvalue()


def _echec(tmp_path, octets: bytes, nom: str = "acte.docx") -> ActesErreur:
    fichier = tmp_path / nom
    fichier.write_bytes(octets)
    with pytest.raises(ActesErreur) as info:
        lire(fichier)
    assert info.value.chemin == str(fichier) and str(info.value).startswith(str(fichier) + " : ")
    return info.value


# --- le chemin lui-même -------------------------------------------------------------------------------------------

def test_dossier_refuse(tmp_path):
    with pytest.raises(FichierIntrouvable, match="c'est un dossier, pas un fichier"):
        lire(tmp_path)


def test_fichier_absent(tmp_path):
    with pytest.raises(FichierIntrouvable, match="fichier introuvable") as info:
        lire(tmp_path / "absent.docx")
    assert info.value.chemin.endswith("absent.docx")


def test_fichier_special_refuse_sans_etre_ouvert():
    with pytest.raises(FichierIntrouvable, match="ce n'est pas un fichier ordinaire"):
        lire("/dev/zero")


def test_fichier_vide(tmp_path):
    erreur = _echec(tmp_path, b"", "vide.docx")
    assert isinstance(erreur, DocumentSansTexte) and erreur.message == "document vide (0 octet)"


@pytest.mark.parametrize("octets", [b"  \r\n\t\n", "\n\n".encode("utf-16")])
def test_texte_fait_de_blancs(tmp_path, octets):
    erreur = _echec(tmp_path, octets, "blanc.txt")
    assert isinstance(erreur, DocumentSansTexte) and erreur.message == "document vide : aucun texte à vérifier"


def test_docx_sans_texte(tmp_path):
    erreur = _echec(tmp_path, _docx("", entete=""))
    assert isinstance(erreur, DocumentSansTexte)


def test_fichier_trop_gros_refuse_sans_etre_lu(tmp_path):
    fichier = tmp_path / "enorme.txt"
    with fichier.open("wb") as flux:                     # fichier creux : rien n'est écrit sur le disque
        flux.truncate(TAILLE_MAX_FICHIER + 1)
    debut = time.perf_counter()
    with pytest.raises(FichierTropVolumineux, match=r"fichier trop volumineux \(50 Mo, limite 50 Mo\)"):
        lire(fichier)
    assert time.perf_counter() - debut < borne(0.5)


# --- formats non lus ----------------------------------------------------------------------------------------------

def test_png_renomme_en_docx(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(20)
    erreur = _echec(tmp_path, png)
    assert isinstance(erreur, FormatNonReconnu)
    assert erreur.message == "image PNG, pas un document texte : formats lus .docx, .odt, .pdf, .txt"


def test_contenu_binaire_inconnu(tmp_path):
    erreur = _echec(tmp_path, bytes(range(256)) * 4, "donnees.txt")
    assert isinstance(erreur, FormatNonReconnu) and "contenu binaire (octets nuls)" in erreur.message


def test_caracteres_de_controle_en_masse(tmp_path):
    erreur = _echec(tmp_path, b"\x01\x02\x03\x04abc" * 100, "donnees.txt")
    assert isinstance(erreur, FormatNonReconnu) and "caractères de contrôle" in erreur.message


def test_ole_word_97_ou_docx_protege_par_mot_de_passe(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    erreur = _echec(tmp_path, ole)
    assert isinstance(erreur, DocumentChiffre)
    assert erreur.message == ("document protégé par mot de passe ou au format Word 97-2003 (.doc) : "
                              "enregistrez-le en .docx")


def test_zip_ordinaire(tmp_path):
    flux = io.BytesIO()
    with zipfile.ZipFile(flux, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")
    erreur = _echec(tmp_path, flux.getvalue())
    assert isinstance(erreur, FormatNonReconnu) and erreur.message == "archive zip qui n'est ni un .docx ni un .odt"


def test_classeur_excel_renomme(tmp_path):
    types = (b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override '
             b'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             b'spreadsheetml.sheet.main+xml"/></Types>')
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            b'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            b'Target="xl/workbook.xml"/></Relationships>')
    flux = io.BytesIO()
    with zipfile.ZipFile(flux, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    erreur = _echec(tmp_path, flux.getvalue())
    assert isinstance(erreur, FormatNonReconnu) and "pas un document Word" in erreur.message


def test_tableur_opendocument(tmp_path):
    flux = io.BytesIO()
    with zipfile.ZipFile(flux, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    erreur = _echec(tmp_path, flux.getvalue(), "tableau.odt")
    assert isinstance(erreur, FormatNonReconnu)
    assert "« application/vnd.oasis.opendocument.spreadsheet », pas un texte" in erreur.message


# --- archives abîmées -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.95])
def test_docx_tronque(tmp_path, fraction):
    octets = _docx()
    erreur = _echec(tmp_path, octets[: int(len(octets) * fraction)])
    assert isinstance(erreur, ArchiveCorrompue)
    assert erreur.message == "archive tronquée ou corrompue (fichier .docx/.odt abîmé ou incomplet)"


def test_docx_sans_word_document_xml(tmp_path):
    erreur = _echec(tmp_path, _reemballer(_docx(), {"word/document.xml": None}))
    assert isinstance(erreur, ArchiveCorrompue)
    assert erreur.message == "archive Word incomplète : partie principale « word/document.xml » absente"


def test_docx_xml_mal_forme(tmp_path):
    erreur = _echec(tmp_path, _reemballer(_docx(), {"word/document.xml": b"<w:document><w:body>"}))
    assert isinstance(erreur, ArchiveCorrompue)
    assert erreur.message.startswith("la partie « word/document.xml » n'est pas du XML valide")


def test_xml_trop_profond_refuse_sans_recursion(tmp_path):
    ns = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    profond = b"<w:sdt><w:sdtContent>" * 5000 + b"</w:sdtContent></w:sdt>" * 5000
    xml = b"<w:document " + ns + b"><w:body>" + profond + b"</w:body></w:document>"
    erreur = _echec(tmp_path, _reemballer(_docx(), {"word/document.xml": xml}))
    assert isinstance(erreur, ArchiveCorrompue) and "n'est pas du XML valide" in erreur.message


def test_odt_sans_content_xml(tmp_path):
    flux = io.BytesIO()
    with zipfile.ZipFile(flux, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    erreur = _echec(tmp_path, flux.getvalue(), "acte.odt")
    assert isinstance(erreur, ArchiveCorrompue)
    assert erreur.message == "archive OpenDocument incomplète : partie « content.xml » absente"


def _entete_central(octets: bytearray, nom: bytes) -> int:
    """Position de l'en-tête central (signature PK\\1\\2) de l'entrée `nom`."""
    position = -1
    while True:
        position = octets.index(b"PK\x01\x02", position + 1)
        longueur_nom = struct.unpack_from("<H", octets, position + 28)[0]
        if octets[position + 46:position + 46 + longueur_nom] == nom:
            return position


def test_entree_chiffree_dans_l_archive(tmp_path):
    octets = bytearray(_docx())
    central = _entete_central(octets, b"word/document.xml")
    drapeaux = struct.unpack_from("<H", octets, central + 8)[0]
    struct.pack_into("<H", octets, central + 8, drapeaux | 0x1)   # drapeau « chiffré » du répertoire central
    erreur = _echec(tmp_path, bytes(octets))
    assert isinstance(erreur, DocumentChiffre) and "« word/document.xml » de l'archive est chiffrée" in erreur.message


def test_chemin_d_entree_suspect(tmp_path):
    erreur = _echec(tmp_path, _reemballer(_docx(), {"../../etc/cron.d/x": b"x"}))
    assert isinstance(erreur, ArchiveCorrompue)
    assert erreur.message == "archive refusée : chemin d'entrée suspect « ../../etc/cron.d/x »"


def test_entree_en_double(tmp_path):
    octets = _docx()
    flux = io.BytesIO(octets)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")                  # zipfile avertit d'un nom en double : c'est le but
        with zipfile.ZipFile(flux, "a") as archive:
            archive.writestr("word/document.xml", b"<autre/>")
    erreur = _echec(tmp_path, flux.getvalue())
    assert isinstance(erreur, ArchiveCorrompue)
    assert erreur.message == "archive refusée : entrée « word/document.xml » en double"


def test_trop_d_entrees(tmp_path):
    flux = io.BytesIO()
    with zipfile.ZipFile(flux, "w") as archive:
        for rang in range(5001):
            archive.writestr(f"x/{rang}", b"")
    erreur = _echec(tmp_path, flux.getvalue())
    assert isinstance(erreur, ArchiveTropVolumineuse)
    assert erreur.message.startswith("archive de 5001 entrées (limite 5000)")


@pytest.fixture(scope="module")
def bombe_zip():
    """Un Go de zéros compressé (environ 1 Mo) à la place de word/document.xml."""
    flux = io.BytesIO()
    with zipfile.ZipFile(flux, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as membre:
            zeros = bytes(1 << 20)
            for _ in range(1024):
                membre.write(zeros)
    return flux.getvalue()


def test_bombe_zip_refusee_avant_decompression(tmp_path, bombe_zip):
    assert len(bombe_zip) < 2 * 1024 * 1024
    debut = time.perf_counter()
    erreur = _echec(tmp_path, bombe_zip)
    assert time.perf_counter() - debut < borne(0.5)
    assert isinstance(erreur, ArchiveTropVolumineuse)
    assert erreur.message.startswith("archive refusée (bombe zip ?) : l'entrée « word/document.xml » se décompresse")


def test_bombe_zip_en_petites_entrees(tmp_path):
    flux = io.BytesIO()
    zeros = bytes(900 * 1024)                            # sous le seuil du taux, mais 600 entrées : 527 Mo
    with zipfile.ZipFile(flux, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for rang in range(600):
            archive.writestr(f"word/media/{rang}.bin", zeros)
    erreur = _echec(tmp_path, flux.getvalue())
    assert isinstance(erreur, ArchiveTropVolumineuse)
    assert erreur.message == "archive refusée (bombe zip ?) : 527 Mo une fois décompressée (limite 500 Mo)"


def test_taille_annoncee_mensongere_bornee_par_l_annonce(tmp_path):
    """Entrée qui annonce 200 octets mais en contient 20 Mo : la lecture s'arrête à 200 et le CRC la trahit."""
    vrai = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>' + b" " * (20 * 1024 * 1024) + b"</w:body>"
    octets = bytearray(_reemballer(_docx(), {"word/document.xml": vrai}))
    central = _entete_central(octets, b"word/document.xml")   # taille décompressée : octet 24
    struct.pack_into("<I", octets, central + 24, 200)
    local = struct.unpack_from("<I", octets, central + 42)[0]     # en-tête local : octet 22
    struct.pack_into("<I", octets, local + 22, 200)
    debut = time.perf_counter()
    erreur = _echec(tmp_path, bytes(octets))
    assert time.perf_counter() - debut < borne(1)
    assert isinstance(erreur, ArchiveCorrompue)
    assert erreur.message == "archive tronquée ou corrompue : la partie « word/document.xml » est illisible"


# --- XML avec DTD ou entités -------------------------------------------------------------------------------------

_MILLIARD_DE_RIRES = b"""<?xml version="1.0"?>
<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

_ENTITE_EXTERNE = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("partie, xml", [
    ("word/document.xml", _MILLIARD_DE_RIRES),
    ("word/document.xml", _ENTITE_EXTERNE),
    ("word/document.xml", _ENTITE_EXTERNE.decode("ascii").replace('"1.0"?', '"1.0" encoding="UTF-16"?')
     .encode("utf-16")),
    ("word/header1.xml", _ENTITE_EXTERNE),
    ("[Content_Types].xml", b'<?xml version="1.0"?><!DOCTYPE Types SYSTEM "http://exemple.invalid/t.dtd"><Types/>'),
])
def test_xml_avec_doctype_ou_entites_refuse(tmp_path, partie, xml):
    erreur = _echec(tmp_path, _reemballer(_docx(), {partie: xml}))
    assert isinstance(erreur, XmlRefuse)
    assert erreur.message.startswith(f"la partie « {partie} » contient une déclaration DOCTYPE ou ENTITY")


# --- PDF ------------------------------------------------------------------------------------------------------------

def test_pdf_protege_par_mot_de_passe(tmp_path):
    import pypdf

    ecrivain = pypdf.PdfWriter()
    ecrivain.append(pypdf.PdfReader(io.BytesIO(pdf_texte([["Texte secret"]]))))
    ecrivain.encrypt(user_password="secret", owner_password="proprietaire", algorithm="RC4-128")
    flux = io.BytesIO()
    ecrivain.write(flux)
    erreur = _echec(tmp_path, flux.getvalue(), "protege.pdf")
    assert isinstance(erreur, DocumentChiffre)
    assert erreur.message == "PDF protégé par mot de passe : enregistrez-en une copie non protégée"


def test_pdf_sans_couche_texte(tmp_path):
    import pypdf

    ecrivain = pypdf.PdfWriter()
    ecrivain.add_blank_page(612, 792)
    flux = io.BytesIO()
    ecrivain.write(flux)
    erreur = _echec(tmp_path, flux.getvalue(), "scan.pdf")
    assert isinstance(erreur, DocumentSansTexte)
    assert erreur.message == ("le PDF n'a pas de couche texte (document numérisé ?) : faites-le passer par une "
                              "reconnaissance de caractères")


@pytest.mark.parametrize("coupe", [40, 300, -30])
def test_pdf_tronque(tmp_path, coupe):
    octets = pdf_texte([["Signification"], ["Deuxième page"]])
    erreur = _echec(tmp_path, octets[:coupe], "tronque.pdf")
    assert isinstance(erreur, DocumentCorrompu) and erreur.message == "PDF illisible (tronqué ou corrompu)"


# --- jamais d'écriture sur l'entrée -----------------------------------------------------------------------------------

def test_lecture_en_echec_ne_modifie_pas_l_entree(tmp_path):
    fichier = tmp_path / "tronque.docx"
    octets = _docx()[:500]
    fichier.write_bytes(octets)
    os.chmod(fichier, 0o444)
    mtime = fichier.stat().st_mtime_ns
    with pytest.raises(ArchiveCorrompue):
        lire(fichier)
    assert fichier.read_bytes() == octets and fichier.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tronque.docx"]


def test_lire_octets_applique_les_memes_gardes():
    with pytest.raises(DocumentChiffre):
        lire_octets(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "piece-jointe.doc")
    with pytest.raises(FichierTropVolumineux):
        lire_octets(bytes(TAILLE_MAX_FICHIER + 1), "enorme.bin")


# --- fichiers abîmés au hasard : une ActesErreur ou un document, jamais une autre exception --------------------------

def _docx_non_compresse() -> bytes:
    """Le même .docx, entrées stockées sans compression : une mutation touche directement le XML."""
    sortie = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as source, zipfile.ZipFile(sortie, "w", zipfile.ZIP_STORED) as cible:
        for entree in source.infolist():
            cible.writestr(entree.filename, source.read(entree))
    return sortie.getvalue()


_BASES = {"docx": _docx(), "docx-stocke": _docx_non_compresse(), "pdf": pdf_texte([["Signification", "du jugement"]])}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_BASES)), st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255),
                                                           st.sampled_from(["remplacer", "couper", "inserer"])),
                                                 min_size=1, max_size=8))
def test_fichier_abime_au_hasard_donne_une_actes_erreur_ou_un_document(base, mutations):
    octets = bytearray(_BASES[base])
    for position, valeur, operation in mutations:
        rang = int(position * len(octets))
        if operation == "remplacer":
            octets[rang] = valeur
        elif operation == "couper":
            del octets[rang:rang + 1 + valeur // 5]
        else:
            octets[rang:rang] = bytes([valeur]) * (1 + valeur % 7)
    debut = time.perf_counter()
    try:
        lire_octets(bytes(octets), f"abime.{base}")
    except ActesErreur as erreur:
        assert erreur.chemin == f"abime.{base}" and erreur.message
    assert time.perf_counter() - debut < borne(2)
