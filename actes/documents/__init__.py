"""Lecture des documents : octets → `Document` (modèle commun à tous les formats).

`lire(chemin)` choisit le lecteur d'après la signature du fichier, pas d'après son extension.
"""
from .document import Bloc, Document, Segment, document_de_texte

__all__ = ["Bloc", "Document", "Segment", "document_de_texte", "lire"]


def lire(chemin):
    """Document lu depuis un fichier .docx, .odt, .txt ou .pdf (voir `lecture.lire`)."""
    from .lecture import lire as _lire
    return _lire(chemin)
