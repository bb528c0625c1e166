"""Commande `actes corriger` : note une copie de signification d'après la décision, une liste de non-conformités
(d'après le corrigé de l'exercice ou d'après `actes verifier`), ou tout un dossier de copies d'après un corrigé."""
from __future__ import annotations

AIDE = ("Corriger une épreuve (CQP) : signification d'après la décision, liste de non-conformités, ou une cohorte "
        "(dossier de copies) d'après le corrigé.")


def configurer(parseur) -> None:
    """Options de la commande."""
    parseur.add_argument("copie", metavar="COPIE",
                         help="acte du candidat (--decision), acte fautif (--liste) ou dossier des copies (--corrige)")
    source = parseur.add_mutually_exclusive_group()
    source.add_argument("--decision", metavar="DECISION", help="décision signifiée (.txt, .json, .docx, .pdf)")
    source.add_argument("--liste", metavar="LISTE",
                        help="non-conformités relevées par le candidat (.txt une par ligne, .yaml, .docx, .odt, .pdf)")
    parseur.add_argument("--corrige", metavar="CORRIGE",
                         help="corrigé de l'exercice (actes exercice --corrige) : il fait foi")
    parseur.add_argument("--bareme", metavar="BAREME", help="barème du formateur (forme de regles/correction/bareme.yaml)")
    parseur.add_argument("--csv", metavar="FICHIER", help="cohorte : notes et taux de détection en CSV")
    parseur.add_argument("--html", metavar="FICHIER", help="cohorte : page HTML autonome, un graphique par faute")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte", help="format de sortie")


def executer(args) -> int:
    """Affiche la correction et la note (0) ; une entrée illisible (2), les autres copies d'une cohorte corrigées."""
    import sys
    from pathlib import Path

    from ..correction import corriger_copie, corriger_liste, lire_liste
    from ..correction.bareme import charger_bareme
    from ..correction.liste import lire_liste_texte
    from ..correction.rapport import texte_copie, texte_liste
    from ..donnees import lire_dossier_utilisateur
    from ..erreurs import EntreeInvalide
    from ..sortie import ecrire_atomique, en_json
    from .verifier import lire_entree_standard

    if [args.copie, args.decision, args.liste].count("-") > 1:
        raise EntreeInvalide("-", "l'entrée standard ne peut servir qu'une fois (copie, décision ou liste)")
    bareme = charger_bareme(args.bareme) if args.bareme else charger_bareme()
    corrige = lire_dossier_utilisateur(args.corrige) if args.corrige else None
    copie = args.copie
    if copie == "-":                             # l'entrée standard, reconnue à sa signature comme un fichier
        copie = lire_entree_standard()
    elif Path(copie).is_dir():
        if corrige is None or args.decision or args.liste:
            raise EntreeInvalide(args.copie, "un dossier de copies se corrige avec --corrige (et sans --decision ni "
                                             "--liste)")
        from ..correction.cohorte import corriger_cohorte, csv_cohorte, html_cohorte, texte_cohorte

        cohorte = corriger_cohorte(args.copie, corrige, nom_corrige=args.corrige, bareme=bareme)
        if args.csv:
            ecrire_atomique(args.csv, csv_cohorte(cohorte), entrees=(args.corrige,))
        if args.html:
            ecrire_atomique(args.html, html_cohorte(cohorte), entrees=(args.corrige,))
        sys.stdout.write(en_json(cohorte.en_dict()) if args.format == "json" else texte_cohorte(cohorte))
        for chemin, message in cohorte.illisibles:
            print(f"actes : {chemin} : {message}", file=sys.stderr)
        return 2 if cohorte.illisibles else 0
    if args.decision:
        decision = args.decision
        if decision == "-":
            from ..decisions import analyser_decision

            decision = analyser_decision(texte=lire_entree_standard().texte)
        correction = corriger_copie(copie, decision, bareme=bareme)
        texte = texte_copie(correction)
    elif args.liste:
        liste = lire_liste_texte(lire_entree_standard().texte, "-") if args.liste == "-" else lire_liste(args.liste)
        correction = corriger_liste(copie, liste, corrige=corrige, bareme=bareme)
        texte = texte_liste(correction)
    else:
        raise EntreeInvalide(args.copie, "préciser --decision (copie de signification) ou --liste (non-conformités)")
    sys.stdout.write(en_json(correction.en_dict()) if args.format == "json" else texte)
    return 0
