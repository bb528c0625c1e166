"""Lecture de la couche texte d'un PDF avec pypdf : un bloc par ligne, la page dans `Bloc.source` (« page2/l5 »).

Un PDF chiffré n'est lu que si son mot de passe d'ouverture est vide (simples restrictions de droits) ; un PDF sans
couche texte (numérisé) est refusé avec le conseil de le faire passer par une reconnaissance de caractères.
"""
from __future__ import annotations

import io
import logging
import struct
import zlib

from ..erreurs import DocumentChiffre, DocumentCorrompu, DocumentSansTexte
from .document import Bloc, Document, Segment

PAGES_MAX = 300
# Ce que pypdf lève sur un fichier abîmé : ses propres erreurs, et des erreurs Python venues d'objets mal formés.
_ECHECS_PYPDF_BASE = (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError, zlib.error,
                      struct.error)
logging.getLogger("pypdf").addHandler(logging.NullHandler())   # ses avertissements ne vont pas sur stderr


def lire_pdf(donnees: bytes, nom: str) -> Document:
    """Document fait de la couche texte d'un PDF (au plus `PAGES_MAX` pages)."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PyPdfError

    echecs = (PyPdfError, *_ECHECS_PYPDF_BASE)
    try:
        lecteur = PdfReader(io.BytesIO(donnees), strict=False)
        if lecteur.is_encrypted:
            try:
                dechiffre = lecteur.decrypt("")
            except DependencyError as exc:
                raise DocumentChiffre(nom, "PDF chiffré (AES) : enregistrez-en une copie non protégée") from exc
            if not dechiffre:
                raise DocumentChiffre(nom, "PDF protégé par mot de passe : enregistrez-en une copie non protégée")
        pages = lecteur.pages
        nombre = len(pages)
    except echecs as exc:
        raise DocumentCorrompu(nom, "PDF illisible (tronqué ou corrompu)") from exc

    avertissements, blocs, sans_texte = [], [], []
    if nombre > PAGES_MAX:
        avertissements.append(f"PDF de {nombre} pages : seules les {PAGES_MAX} premières sont lues")
    for rang_page in range(min(nombre, PAGES_MAX)):
        try:
            texte = pages[rang_page].extract_text() or ""
        except echecs:
            avertissements.append(f"page {rang_page + 1} illisible : ignorée")
            continue
        if not texte.strip():
            sans_texte.append(rang_page + 1)
            continue
        lignes = texte.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
        for rang_ligne, ligne in enumerate(lignes):
            blocs.append(Bloc(indice=len(blocs), texte=ligne, segments=[Segment(0, len(ligne))] if ligne else [],
                              partie="corps", source=f"page{rang_page + 1}/l{rang_ligne + 1}", ligne=len(blocs) + 1))
    if not blocs:
        raise DocumentSansTexte(nom, "le PDF n'a pas de couche texte (document numérisé ?) : faites-le passer par "
                                     "une reconnaissance de caractères")
    if sans_texte:
        avertissements.append("pages sans couche texte (numérisées ?) : " + ", ".join(map(str, sans_texte)))
    return Document(chemin=nom, format="pdf", blocs=blocs, avertissements=avertissements)
