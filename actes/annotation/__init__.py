"""Copie relue d'un acte : les constats en commentaires sur les mots visés, les corrections en modifications suivies.

`annoter(donnees, nom, constats)` choisit .docx ou .odt d'après le contenu ; l'entrée n'est jamais modifiée.
"""
from __future__ import annotations

import io
import zipfile

from ..erreurs import FormatNonReconnu

__all__ = ["annoter", "extension"]


def extension(donnees: bytes) -> str | None:
    """« docx » ou « odt » selon le paquet ; None pour un autre format (pas de copie relue possible)."""
    if not donnees.startswith(b"PK"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(donnees)) as archive:
            noms = set(archive.namelist())
            if "mimetype" in noms:
                return "odt" if archive.read("mimetype").strip() == b"application/vnd.oasis.opendocument.text" else None
            return "docx" if "[Content_Types].xml" in noms else None
    except (zipfile.BadZipFile, KeyError, ValueError):
        return None


def annoter(donnees: bytes, nom: str, constats: list[dict]) -> bytes:
    """Octets de la copie relue (.docx ou .odt, comme l'entrée) ; `constats` : ceux du rapport JSON de ce document."""
    genre = extension(donnees)
    constats = [c for c in constats if not c.get("supprime")]     # le clerc a déjà dit son mot sur ceux-là
    if genre == "docx":
        from .docx import annoter_docx
        return annoter_docx(donnees, nom, constats)
    if genre == "odt":
        from .odt import annoter_odt
        return annoter_odt(donnees, nom, constats)
    raise FormatNonReconnu(nom, "copie relue possible seulement pour un .docx ou un .odt")
