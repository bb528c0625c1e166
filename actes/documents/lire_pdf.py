"""Lecture de la couche texte d'un PDF avec pypdf : un bloc par paragraphe, la page et les lignes dans `Bloc.source`
(« page2/l5-7 »).

Les lignes qu'une mise en page a coupées sont recollées (le texte d'un acte se lit par phrases : « tribunal de
grande » + « instance ») : une ligne se poursuit sur la suivante quand pypdf la termine par une espace (retour à la
ligne automatique), ou quand elle occupe presque toute la largeur du texte, ne finit pas par une ponctuation finale et
que la suivante commence par une minuscule ou un chiffre (« 6 janvier » / « 2025 »). Un titre en capitales n'est jamais prolongé. Un trait d'union en fin de ligne est gardé, sans espace.

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


_FIN_DE_PHRASE = tuple(".:;!?»)")


LARGEUR_MIN_JUSTIFIEE = 60       # caractères : en dessous, une page n'a pas de lignes de texte courant coupées


def _continue(ligne: str, suivante: str, largeur: int) -> bool:
    if not ligne.strip() or not suivante.strip():
        return False
    if ligne.endswith((" ", "\t")):
        return True                                   # retour à la ligne automatique (pypdf garde l'espace)
    fin = ligne.rstrip()
    lettres = [c for c in fin if c.isalpha()]
    if lettres and all(c.isupper() for c in lettres):
        return False                                  # un titre en capitales finit son paragraphe
    pleine = largeur >= LARGEUR_MIN_JUSTIFIEE and len(fin) >= 0.75 * largeur
    debut = suivante.lstrip()[:1]
    return pleine and not fin.endswith(_FIN_DE_PHRASE) and (debut.islower() or debut.isdigit())


def recoller(lignes: list[str]) -> list[tuple[int, int, str]]:
    """Paragraphes (première ligne, dernière ligne, texte) recollés depuis les lignes d'une page."""
    largeur = max((len(l.rstrip()) for l in lignes), default=0)
    paragraphes: list[tuple[int, int, str]] = []
    for rang, ligne in enumerate(lignes):
        if paragraphes and _continue(lignes[rang - 1], ligne, largeur):
            premiere, _, texte = paragraphes[-1]
            fin = texte.rstrip()
            liant = "" if fin.endswith("-") and ligne.lstrip()[:1].islower() else " "
            paragraphes[-1] = (premiere, rang, fin + liant + ligne.strip())
        else:
            paragraphes.append((rang, rang, ligne.rstrip()))
    return paragraphes


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
        for premiere, derniere, paragraphe in recoller(lignes):
            lieu = f"l{premiere + 1}" if premiere == derniere else f"l{premiere + 1}-{derniere + 1}"
            blocs.append(Bloc(indice=len(blocs), texte=paragraphe,
                              segments=[Segment(0, len(paragraphe))] if paragraphe else [],
                              partie="corps", source=f"page{rang_page + 1}/{lieu}", ligne=len(blocs) + 1))
    if not blocs:
        raise DocumentSansTexte(nom, "le PDF n'a pas de couche texte (document numérisé ?) : faites-le passer par "
                                     "une reconnaissance de caractères")
    if sans_texte:
        avertissements.append("pages sans couche texte (numérisées ?) : " + ", ".join(map(str, sans_texte)))
    return Document(chemin=nom, format="pdf", blocs=blocs, avertissements=avertissements)
