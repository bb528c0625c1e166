"""Choix du lecteur d'après la signature du contenu (jamais d'après l'extension) ; octets → `Document`.

Le fichier d'entrée est seulement lu, jamais écrit ni verrouillé.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..erreurs import (ArchiveCorrompue, DocumentChiffre, DocumentSansTexte, FichierIllisible, FichierIntrouvable,
                       FormatNonReconnu)
from ..sortie import noter_lecture
from . import garde
from .document import Document

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_TYPE_ODT = b"application/vnd.oasis.opendocument.text"
_RELATION_PRINCIPALE = "/officeDocument"
_TYPES_WORD = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Signatures de formats connus mais non lus : le message dit ce qu'est le fichier.
_AUTRES_FORMATS = (
    (b"\x89PNG\r\n\x1a\n", "image PNG"),
    (b"\xff\xd8\xff", "image JPEG"),
    (b"GIF87a", "image GIF"),
    (b"GIF89a", "image GIF"),
    (b"II*\x00", "image TIFF"),
    (b"MM\x00*", "image TIFF"),
    (b"{\\rtf", "document RTF"),
    (b"\x1f\x8b", "archive gzip"),
    (b"Rar!", "archive RAR"),
    (b"7z\xbc\xaf\x27\x1c", "archive 7-Zip"),
)


def format_binaire(donnees: bytes) -> str | None:
    """Ce qu'est un contenu reconnu à sa signature qui n'est pas du texte brut (document, image, archive), ou None."""
    if donnees.startswith(_OLE):
        return "document Word 97-2003 (.doc) ou protégé par mot de passe"
    if donnees.startswith(_ZIP):
        return "archive zip (document .docx, .odt ou autre)"
    if b"%PDF-" in donnees[:1024]:
        return "document PDF"
    return next((description for signature, description in _AUTRES_FORMATS if donnees.startswith(signature)), None)


def lire(chemin: str | Path) -> Document:
    """Document lu depuis un fichier .docx, .odt, .txt ou .pdf, reconnu à sa signature."""
    fichier = Path(chemin)
    nom = str(chemin)
    try:
        if fichier.is_dir():
            raise FichierIntrouvable(nom, "c'est un dossier, pas un fichier")
        if not fichier.exists():
            raise FichierIntrouvable(nom, "fichier introuvable")
        if not fichier.is_file():
            raise FichierIntrouvable(nom, "ce n'est pas un fichier ordinaire")
        garde.verifier_taille(nom, fichier.stat().st_size)
        noter_lecture(fichier)
        with fichier.open("rb") as flux:
            donnees = flux.read(garde.TAILLE_MAX_FICHIER + 1)
    except OSError as exc:
        raise FichierIllisible(nom, f"lecture impossible ({exc.strerror or exc.__class__.__name__})") from exc
    garde.verifier_taille(nom, len(donnees))
    return lire_octets(donnees, nom)


def lire_octets(donnees: bytes, nom: str) -> Document:
    """Document lu depuis des octets en mémoire (logiciel de bureau) ; `nom` sert aux messages et à `chemin`."""
    document = _lire_selon_signature(donnees, nom)
    if not any(bloc.texte.strip() for bloc in document.blocs):
        raise DocumentSansTexte(nom, "document vide : aucun texte à vérifier")
    return document


def _lire_selon_signature(donnees: bytes, nom: str) -> Document:
    """Lecteur choisi d'après les premiers octets."""
    garde.verifier_taille(nom, len(donnees))
    if not donnees:
        raise DocumentSansTexte(nom, "document vide (0 octet)")
    if donnees.startswith(_OLE):
        raise DocumentChiffre(nom, "document protégé par mot de passe ou au format Word 97-2003 (.doc) : "
                                   "enregistrez-le en .docx")
    if donnees.startswith(_ZIP):
        return _lire_archive(donnees, nom)
    if b"%PDF-" in donnees[:1024]:
        from .lire_pdf import lire_pdf
        return lire_pdf(donnees, nom)
    for signature, description in _AUTRES_FORMATS:
        if donnees.startswith(signature):
            raise FormatNonReconnu(nom, f"{description}, pas un document texte : formats lus .docx, .odt, .pdf, .txt")
    from .lire_txt import lire_txt
    return lire_txt(donnees, nom)


def _lire_archive(donnees: bytes, nom: str) -> Document:
    """Archive zip : .odt d'après l'entrée `mimetype`, .docx d'après la relation principale et son type."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(donnees))
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as exc:   # version de zip inconnue
        raise ArchiveCorrompue(nom, "archive tronquée ou corrompue (fichier .docx/.odt abîmé ou incomplet)") from exc
    with archive:
        garde.verifier_archive(archive, nom)
        noms = set(archive.namelist())
        if "mimetype" in noms:
            mimetype = (garde.lire_entree(archive, "mimetype", nom) or b"").strip()
            if mimetype == _TYPE_ODT:
                from .lire_odt import lire_odt
                return lire_odt(archive, nom)
            raise FormatNonReconnu(nom, f"document OpenDocument de type « {mimetype[:80].decode('ascii', 'replace')} »"
                                        ", pas un texte (.odt)")
        if "[Content_Types].xml" in noms:
            partie = _partie_principale_word(archive, nom)
            from .lire_docx import lire_docx
            return lire_docx(archive, nom, partie)
    raise FormatNonReconnu(nom, "archive zip qui n'est ni un .docx ni un .odt")


def _partie_principale_word(archive: zipfile.ZipFile, nom: str) -> str:
    """Nom de la partie principale d'un paquet Word (souvent word/document.xml)."""
    types = garde.analyser_xml(garde.lire_entree(archive, "[Content_Types].xml", nom) or b"", nom,
                               "[Content_Types].xml")
    surcharges = {e.get("PartName", "").lstrip("/"): e.get("ContentType", "") for e in types.iter(f"{_CT}Override")}
    relations = garde.lire_entree(archive, "_rels/.rels", nom)
    cible = None
    if relations is not None:
        for relation in garde.analyser_xml(relations, nom, "_rels/.rels").iter(f"{_PR}Relationship"):
            if relation.get("Type", "").endswith(_RELATION_PRINCIPALE):
                cible = relation.get("Target", "").lstrip("/")
                break
    if cible is None:
        cible = next((partie for partie, type_ in surcharges.items() if type_ in _TYPES_WORD), None)
    if cible is None:
        if any("spreadsheetml" in t or "presentationml" in t for t in surcharges.values()):
            raise FormatNonReconnu(nom, "classeur ou présentation Office, pas un document Word (.docx)")
        raise ArchiveCorrompue(nom, "archive Word incomplète : partie principale (word/document.xml) introuvable")
    type_ = surcharges.get(cible)
    if type_ is not None and type_ not in _TYPES_WORD:
        raise FormatNonReconnu(nom, "classeur ou présentation Office, pas un document Word (.docx)")
    if cible not in archive.namelist():
        raise ArchiveCorrompue(nom, f"archive Word incomplète : partie principale « {cible} » absente")
    return cible
