"""Fabrique les modèles Word des actes d'exécution (`python modeles/fabriquer.py`), un par type rédigé par
`actes rediger` (regles/redaction/actes/*.yaml). Un clerc peut ensuite modifier chaque modèle dans Word : en-tête de
l'étude, titre, mise en page ; les champs entre accolades (docxtpl) sont remplis à la rédaction.

Champs : `etude` (nom, adresse), `titre`, `date_acte`, `sections` (titre, paragraphes : texte riche, gras pour les
mentions très apparentes), `decompte` (lignes libelle/montant, total), `cout` (lignes, total), `commissaire`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

DOSSIER = Path(__file__).resolve().parent
RACINE = DOSSIER.parent


def fabriquer(titre: str) -> Document:
    """Le modèle d'un type : en-tête, titre, date, sections, décompte, coût, signature."""
    document = Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph("{{ etude.nom }}").runs[0].bold = True
    document.add_paragraph("{{ etude.adresse }}")
    document.add_paragraph("Dossier : {{ reference }}")
    entete = document.add_paragraph()
    entete.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = entete.add_run(titre)
    run.bold = True
    run.font.size = Pt(14)
    document.add_paragraph("{{ date_acte }}")
    document.add_paragraph("{%p for section in sections %}")
    document.add_paragraph("{%p if section.titre %}")
    document.add_paragraph("{{ section.titre }}").runs[0].bold = True
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p for paragraphe in section.paragraphes %}")
    document.add_paragraph("{{r paragraphe }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if section.decompte %}")
    tableau = document.add_table(rows=4, cols=2)
    tableau.style = "Table Grid"
    tableau.cell(0, 0).text = "{%tr for ligne in decompte.lignes %}"
    tableau.cell(1, 0).text = "{{ ligne.libelle }}"
    tableau.cell(1, 1).text = "{{ ligne.montant }}"
    tableau.cell(2, 0).text = "{%tr endfor %}"
    tableau.cell(3, 0).text = "TOTAL"
    tableau.cell(3, 1).text = "{{ decompte.total }}"
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p if cout.lignes %}")
    document.add_paragraph("COÛT DE L'ACTE").runs[0].bold = True
    document.add_paragraph("{%p for ligne in cout.lignes %}")
    document.add_paragraph("{{ ligne.libelle }} : {{ ligne.montant }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("TOTAL TTC : {{ cout.total }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{{ commissaire.signature }}")
    document.add_paragraph("{{ commissaire.qualite }}")
    return document


def main() -> int:
    sys.path.insert(0, str(RACINE))
    import yaml

    for chemin in sorted((RACINE / "regles" / "redaction" / "actes").glob("*.yaml")):
        donnees = yaml.safe_load(chemin.read_text(encoding="utf-8"))
        document = fabriquer(donnees["titre"])
        document.core_properties.author = "actes"
        document.core_properties.title = donnees["titre"]
        document.save(str(DOSSIER / donnees["modele"]))
        print(DOSSIER / donnees["modele"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
