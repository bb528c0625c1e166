"""Lecture d'un texte brut : UTF-8 (avec ou sans BOM), UTF-16 avec BOM, sinon cp1252 puis latin-1 avec avertissement.

Un bloc par ligne (`Bloc.ligne` = numéro de ligne). Un octet NUL ou trop de caractères de contrôle : ce n'est pas
du texte (`FormatNonReconnu`).
"""
from __future__ import annotations

import codecs
import re

from ..erreurs import FormatNonReconnu
from .document import Document, document_de_texte

_CONTROLES = re.compile(rb"[\x01-\x08\x0b\x0e-\x1f\x7f]")
_ECHANTILLON = 64 * 1024
_PART_CONTROLES_MAX = 0.01


_FORMATS_LUS = "ni un texte ni un format lu (.docx, .odt, .pdf, .txt)"


def _decoder(donnees: bytes, nom: str, *, formats: str = _FORMATS_LUS,
             repli: bool = True) -> tuple[str, str | None]:
    """Texte décodé et, s'il n'était pas en UTF-8, l'avertissement à donner ; sans `repli`, seul l'UTF-8 (ou
    l'UTF-16 annoncé par son BOM) est admis."""
    for bom, codage in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if donnees.startswith(bom):
            try:
                return donnees[len(bom):].decode(codage), None
            except UnicodeDecodeError as exc:
                raise FormatNonReconnu(nom, "texte UTF-16 mal formé") from exc
    if b"\x00" in donnees:
        raise FormatNonReconnu(nom, f"contenu binaire (octets nuls) : ce n'est {formats}")
    echantillon = donnees[:_ECHANTILLON]
    if len(_CONTROLES.findall(echantillon)) > _PART_CONTROLES_MAX * len(echantillon) + 2:
        raise FormatNonReconnu(nom, f"contenu binaire (caractères de contrôle) : ce n'est {formats}")
    try:
        return donnees.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        if not repli:
            raise FormatNonReconnu(nom, "le fichier n'est pas encodé en UTF-8") from None
    try:
        codage, texte = "cp1252", donnees.decode("cp1252")
    except UnicodeDecodeError:                      # 0x81, 0x8D, 0x8F, 0x90, 0x9D : inconnus en cp1252
        codage, texte = "latin-1", donnees.decode("latin-1")
    return texte, f"encodage {codage} : le fichier n'est pas en UTF-8, lu en {codage}"


def decoder_donnees(donnees: bytes, nom: str) -> str:
    """Texte d'un fichier de données (YAML, JSON) : UTF-8 ou UTF-16 avec BOM ; un document ou du binaire est refusé
    avec ce qu'il est."""
    from .lecture import format_binaire

    description = format_binaire(donnees)
    if description:
        raise FormatNonReconnu(nom, f"{description}, pas un fichier de données texte (YAML ou JSON)")
    return _decoder(donnees, nom, formats="pas un fichier de données texte (YAML ou JSON)", repli=False)[0]


def lire_txt(donnees: bytes, nom: str) -> Document:
    """Document d'un fichier texte, un bloc par ligne."""
    texte, avertissement = _decoder(donnees, nom)
    document = document_de_texte(texte, chemin=nom, format="txt")
    if avertissement:
        document.avertissements.append(avertissement)
    return document
