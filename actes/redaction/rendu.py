"""Rendu du modèle Word (docxtpl, échappement XML, variables strictes) et sa version texte."""
from __future__ import annotations

import io
from pathlib import Path

from ..ressources import dossier_modeles
from ..sortie import archive_reproductible

MODELE_SIGNIFICATION = "signification-jugement.docx"


def chemin_modele(nom: str = MODELE_SIGNIFICATION) -> Path:
    """Modèle livré avec le paquet."""
    return dossier_modeles() / nom


def _environnement():
    from jinja2 import Environment, StrictUndefined

    return Environment(undefined=StrictUndefined, autoescape=True)


def variables_modele(modele: Path | None = None) -> set[str]:
    """Noms de premier niveau que le modèle attend dans son contexte."""
    from docxtpl import DocxTemplate

    return set(DocxTemplate(str(modele or chemin_modele())).get_undeclared_template_variables(_environnement()))


def rendre_docx(contexte: dict, modele: Path | None = None) -> bytes:
    """Octets du .docx rempli ; « Dupont & Fils » est échappé, une variable absente est une faute (StrictUndefined) ;
    même contexte, mêmes octets."""
    from docxtpl import DocxTemplate

    gabarit = DocxTemplate(str(modele or chemin_modele()))
    gabarit.render(contexte, jinja_env=_environnement(), autoescape=True)
    flux = io.BytesIO()
    gabarit.save(flux)
    return archive_reproductible(flux.getvalue())


def texte_docx(contenu: bytes) -> str:
    """Texte du .docx rendu, paragraphes et tableaux dans l'ordre du document (sortie .txt)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(contenu))
    lignes: list[str] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}p"):
            lignes.append(Paragraph(element, document).text)
        elif element.tag.endswith("}tbl"):
            for rangee in Table(element, document).rows:
                cellules = [c.text.strip() for c in rangee.cells]
                if len(cellules) == 2 and cellules[1]:
                    lignes.append(f"{cellules[0]} {'.' * max(3, 48 - len(cellules[0]))} {cellules[1]}")
                else:
                    lignes.extend("\n".join(cellules).split("\n"))
    texte = "\n".join(lignes)
    while "\n\n\n" in texte:
        texte = texte.replace("\n\n\n", "\n\n")
    return texte.strip() + "\n"
