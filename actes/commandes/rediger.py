"""Commande `actes rediger` : rédige un acte d'exécution ou une lettre amiable d'après un dossier YAML validé par
son schéma (regles/schemas/), dans le modèle Word du type (modeles/)."""
from __future__ import annotations

AIDE = "Rédiger un acte d'un dossier (commandement, dénonciation, lettre amiable…) d'après un dossier YAML."


def configurer(parseur) -> None:
    """Options de la commande."""
    parseur.add_argument("type_acte", metavar="TYPE",
                         help="type de l'acte à rédiger (un type inconnu affiche la liste des types)")
    parseur.add_argument("--dossier", metavar="DOSSIER.yaml", required=True, help="dossier (schéma du type)")
    parseur.add_argument("--date", metavar="AAAA-MM-JJ", help="date de l'acte (sinon celle du dossier)")
    parseur.add_argument("-o", "--sortie", metavar="ACTE.docx", required=True, help="acte à écrire (.docx ou .txt)")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte", help="format du bilan")


def executer(args) -> int:
    """0 acte complet, 1 acte à compléter (marques « [À COMPLÉTER : …] »), 2 entrée invalide."""
    from pathlib import Path

    from ..erreurs import EntreeInvalide
    from ..redaction.dossier import charger_dossier
    from ..redaction.execution import description_du_type, rediger_acte
    from ..sortie import ecrire_atomique
    from .signifier import SORTIES, _date, rapporter

    description = description_du_type(args.type_acte)
    sortie = Path(args.sortie)
    if sortie.suffix.lower() not in SORTIES:
        raise EntreeInvalide(sortie, "le fichier de sortie doit finir par .docx ou .txt")
    dossier = charger_dossier(args.dossier, description["schema"])
    redaction = rediger_acte(args.type_acte, dossier, date=_date(args.date, "--date"))
    contenu = redaction.texte() if sortie.suffix.lower() == ".txt" else redaction.docx
    ecrire_atomique(sortie, contenu, entrees=(args.dossier,))
    return rapporter(redaction, sortie, args.format)
