"""Commande `actes exercice` : sujet à N fautes semées dans un acte conforme, et son corrigé."""
from __future__ import annotations

AIDE = "Préparer un sujet d'exercice : N fautes semées dans un acte conforme, et le corrigé (YAML)."


def configurer(parseur) -> None:
    """Options de la commande."""
    parseur.add_argument("acte", metavar="ACTE_CONFORME", help="acte conforme (.docx ou .txt)")
    parseur.add_argument("--fautes", type=int, default=6, metavar="N", help="nombre de fautes à semer (6)")
    parseur.add_argument("--graine", type=int, default=0, metavar="N",
                         help="graine du tirage : même graine, même sujet (0)")
    parseur.add_argument("--familles", metavar="FAMILLES", default="",
                         help="familles de règles où choisir, séparées par des virgules (CPC680,CPC655,TERM…)")
    parseur.add_argument("--type", dest="type_acte", metavar="TYPE", help="type de l'acte (sinon reconnu)")
    parseur.add_argument("-o", "--sortie", required=True, metavar="SUJET", help="sujet à écrire (.docx ou .txt)")
    parseur.add_argument("--corrige", required=True, metavar="CORRIGE", help="corrigé à écrire (.yaml)")


def executer(args) -> int:
    """Écrit le sujet et le corrigé (0), ou une erreur d'entrée (2)."""
    import sys
    from pathlib import Path

    import yaml

    from ..correction.exercice import preparer_exercice
    from ..erreurs import EntreeInvalide
    from ..sortie import ecrire_atomique

    if Path(args.sortie).suffix.lower() != Path(args.acte).suffix.lower():
        raise EntreeInvalide(args.sortie, f"le sujet garde le format de l'acte ({Path(args.acte).suffix})")
    if Path(args.sortie).resolve() == Path(args.corrige).resolve():
        raise EntreeInvalide(args.corrige, "le corrigé et le sujet ne peuvent pas être le même fichier")
    familles = tuple(f.strip().upper() for f in args.familles.split(",") if f.strip())
    exercice = preparer_exercice(args.acte, args.fautes, graine=args.graine, familles=familles,
                                 type_acte=args.type_acte)
    exercice.corrige["sujet"] = Path(args.sortie).name
    ecrire_atomique(args.sortie, exercice.sujet, entrees=(args.acte,))
    ecrire_atomique(args.corrige, yaml.safe_dump(exercice.corrige, allow_unicode=True, sort_keys=False, width=110),
                    entrees=(args.acte, args.sortie))
    for faute in exercice.corrige["fautes"]:
        print(f"{faute['numero']}. {faute['code']} (ligne {faute['lieu']['ligne']}, {faute['nature']}) "
              f"[{', '.join(faute['references'])}] — {faute['points']} pt", file=sys.stdout)
    return 0
