"""Commande `actes corriger` : note une copie de signification d'après la décision, ou une liste de non-conformités."""
from __future__ import annotations

AIDE = "Corriger une épreuve (CQP) : acte de signification d'après la décision, ou liste de non-conformités."


def configurer(parseur) -> None:
    """Options de la commande."""
    parseur.add_argument("copie", metavar="COPIE", help="acte du candidat (--decision) ou acte fautif (--liste)")
    source = parseur.add_mutually_exclusive_group(required=True)
    source.add_argument("--decision", metavar="DECISION", help="décision signifiée (.txt, .json, .docx, .pdf)")
    source.add_argument("--liste", metavar="LISTE",
                        help="non-conformités relevées par le candidat (.txt, une par ligne, ou .yaml)")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte", help="format de sortie")


def executer(args) -> int:
    """Affiche la correction et la note (0), ou une erreur d'entrée (2)."""
    import sys

    from ..correction import corriger_copie, corriger_liste, lire_liste
    from ..correction.rapport import texte_copie, texte_liste
    from ..sortie import en_json

    if args.decision:
        correction = corriger_copie(args.copie, args.decision)
        texte = texte_copie(correction)
    else:
        correction = corriger_liste(args.copie, lire_liste(args.liste))
        texte = texte_liste(correction)
    sys.stdout.write(en_json(correction.en_dict()) if args.format == "json" else texte)
    return 0
