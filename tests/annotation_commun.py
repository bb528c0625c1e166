"""Aides des tests de la copie relue : « tout accepter » par transformation XML, lecture des commentaires."""
from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _reecrire(donnees: bytes, parties: dict) -> bytes:
    sortie = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(donnees)) as source, zipfile.ZipFile(sortie, "w", zipfile.ZIP_DEFLATED) as cible:
        for info in source.infolist():
            contenu = source.read(info.filename)
            if info.filename in parties:
                contenu = parties[info.filename](contenu)
            cible.writestr(info, contenu)
    return sortie.getvalue()


def accepter_docx(donnees: bytes) -> bytes:
    """Ce que fait « Accepter toutes les modifications » de Word : w:del retiré, w:ins déballé, marques ôtées."""
    def accepter(xml: bytes) -> bytes:
        racine = etree.fromstring(xml)
        for suppression in list(racine.iter(W + "del")):
            parent = suppression.getparent()
            if parent.tag == W + "rPr":
                paragraphe = parent.getparent().getparent()   # marque de paragraphe supprimée : fusion
                parent.remove(suppression)
                continue
            parent.remove(suppression)
        for insertion in list(racine.iter(W + "ins")):
            parent = insertion.getparent()
            if parent.tag == W + "rPr":
                parent.remove(insertion)
                continue
            position = parent.index(insertion)
            for enfant in reversed(list(insertion)):
                parent.insert(position, enfant)
            parent.remove(insertion)
        return etree.tostring(racine, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(io.BytesIO(donnees)) as archive:
        parties = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
    return _reecrire(donnees, {n: accepter for n in parties})


def accepter_odt(donnees: bytes) -> bytes:
    """« Accepter tout » de LibreOffice : régions supprimées oubliées, marques d'insertion ôtées, liste vidée."""
    def accepter(xml: bytes) -> bytes:
        racine = etree.fromstring(xml)
        for liste in list(racine.iter(TEXT + "tracked-changes")):
            liste.getparent().remove(liste)
        for tag in ("change", "change-start", "change-end"):
            for marque in list(racine.iter(TEXT + tag)):
                _retirer_en_gardant_la_suite(marque)
        return etree.tostring(racine, xml_declaration=True, encoding="UTF-8")
    return _reecrire(donnees, {"content.xml": accepter})


def _retirer_en_gardant_la_suite(element) -> None:
    parent = element.getparent()
    if element.tail:
        precedent = element.getprevious()
        if precedent is not None:
            precedent.tail = (precedent.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def commentaires_docx(donnees: bytes) -> list[tuple[str, str, str]]:
    """(auteur, texte du commentaire, texte ancré) de chaque commentaire, lus avec python-docx et lxml."""
    import docx

    document = docx.Document(io.BytesIO(donnees))
    ancres: dict[str, list[str]] = {}
    ouverts: set[str] = set()
    for element in document.element.body.iter():
        if element.tag == W + "commentRangeStart":
            ouverts.add(element.get(W + "id"))
            ancres.setdefault(element.get(W + "id"), [])
        elif element.tag == W + "commentRangeEnd":
            ouverts.discard(element.get(W + "id"))
        elif element.tag in (W + "t", W + "delText") and element.text:
            for identifiant in ouverts:
                ancres[identifiant].append(element.text)
    return [(c.author, c.text, "".join(ancres.get(str(c.comment_id), []))) for c in document.comments]
