"""Commande `actes rediger` : rédige un acte d'exécution ou une lettre amiable d'après un dossier YAML validé par
son schéma (regles/schemas/), dans le modèle Word du type (modeles/)."""
from __future__ import annotations

AIDE = "Rédiger un acte d'un dossier (commandement, dénonciation, lettre amiable…) d'après un dossier YAML."


def configurer(parseur) -> None:
    """Options de la commande."""
    parseur.add_argument("type_acte", metavar="TYPE", help="type de l'acte (actes rediger --types pour la liste)")
    parseur.add_argument("--dossier", metavar="DOSSIER.yaml", required=True, help="dossier (schéma du type)")
    parseur.add_argument("--date", metavar="AAAA-MM-JJ", help="date de l'acte (sinon celle du dossier)")
    parseur.add_argument("-o", "--sortie", metavar="ACTE.docx", required=True, help="acte à écrire (.docx ou .txt)")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte", help="format du bilan")


def executer(args) -> int:
    """0 acte complet, 1 acte à compléter (marques « [À COMPLÉTER : …] »), 2 entrée invalide."""
    import sys
    from pathlib import Path

    from ..erreurs import EntreeInvalide
    from ..redaction.dossier import charger_dossier
    from ..redaction.execution import rediger_acte, types_rediges
    from ..sortie import ecrire_atomique, en_json
    from .signifier import SORTIES, _date

    description = types_rediges().get(args.type_acte)
    if description is None:
        raise EntreeInvalide(args.type_acte, "type non rédigé ; types possibles : " + ", ".join(sorted(types_rediges())))
    if description["indisponible"]:
        raise EntreeInvalide(args.type_acte, f"rédaction impossible : {description['indisponible']}")
    sortie = Path(args.sortie)
    if sortie.suffix.lower() not in SORTIES:
        raise EntreeInvalide(sortie, "le fichier de sortie doit finir par .docx ou .txt")
    dossier = charger_dossier(args.dossier, description["schema"])
    redaction = rediger_acte(args.type_acte, dossier, date=_date(args.date))
    contenu = redaction.texte() if sortie.suffix.lower() == ".txt" else redaction.docx
    ecrire_atomique(sortie, contenu, entrees=(args.dossier,))
    a_corriger = [m for m in redaction.manques if m.gravite in ("erreur", "avertissement")]
    if args.format == "json":
        sys.stdout.write(en_json({"sortie": str(sortie), "complet": redaction.est_complet,
                                  "constats": [m.en_dict() for m in redaction.manques]}))
    else:
        for manque in redaction.manques:
            references = f" [{', '.join(manque.references)}]" if manque.references else ""
            print(f"{sortie} : {manque.gravite} : {manque.champ} : {manque.message}{references}", file=sys.stderr)
        bilan = "acte complet" if redaction.est_complet else f"{len(a_corriger)} point(s) à compléter ou à corriger"
        print(f"{sortie} : écrit ; {bilan}", file=sys.stderr)
    return 0 if redaction.est_complet else 1
