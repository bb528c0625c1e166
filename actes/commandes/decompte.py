"""`actes decompte` : décompte d'un dossier à une date, chaque ligne expliquée par son article."""
from __future__ import annotations

AIDE = "Décompte d'un dossier (principal, intérêts, article 700, dépens, frais, versements imputés) à une date."


def configurer(parseur) -> None:
    """Options : dossier YAML, date d'arrêt, format, fichier de sortie."""
    parseur.add_argument("dossier", help="dossier YAML (créances, frais, paiements) ; "
                                         "modèle : examples/dossier-decompte.yaml")
    parseur.add_argument("--au", help="date d'arrêt du décompte (AAAA-MM-JJ) ; défaut : « au » du dossier")
    parseur.add_argument("--format", choices=("texte", "json", "docx"), default="texte")
    parseur.add_argument("-o", "--sortie", help="fichier à écrire (obligatoire pour docx)")


def executer(args) -> int:
    """Calcule le décompte et l'écrit au format demandé ; 0 si tout va bien."""
    from ..argent.decompte import decompte, en_docx, en_donnees, en_texte, lire_dossier
    from ..argent.montant import lire_date
    from ..erreurs import EntreeInvalide
    from ..sortie import ecrire_atomique, en_json

    dette, paiements, au = lire_dossier(args.dossier)
    if args.au:
        au = lire_date(args.au, "--au")
    if au is None:
        raise EntreeInvalide(args.dossier, "date d'arrêt absente : donner --au ou « au » dans le dossier")
    resultat = decompte(dette, paiements, au)
    if args.format == "docx":
        if not args.sortie:
            raise EntreeInvalide("--sortie", "le format docx s'écrit dans un fichier : ajouter -o FICHIER.docx")
        ecrire_atomique(args.sortie, en_docx(resultat), entrees=(args.dossier,))
        return 0
    contenu = en_json(en_donnees(resultat)) if args.format == "json" else en_texte(resultat)
    if args.sortie:
        ecrire_atomique(args.sortie, contenu, entrees=(args.dossier,))
    else:
        print(contenu, end="")
    return 0
