"""`actes regles` : liste les règles chargées, avec leurs articles et leur validité."""
from __future__ import annotations

import argparse
import sys

AIDE = "liste les règles (code, titre, gravité, articles, validité, fichier)"


def configurer(parseur: argparse.ArgumentParser) -> None:
    """Options de `actes regles`."""
    parseur.add_argument("--format", choices=("texte", "json"), default="texte")
    parseur.add_argument("--regles", action="append", default=[], metavar="DOSSIER",
                         help="dossier de règles supplémentaires (répétable)")
    parseur.add_argument("--code", metavar="CODE", help="n'afficher que cette règle, avec sa documentation")


def executer(args: argparse.Namespace) -> int:
    """Affiche le catalogue ; 2 si un fichier de règles est invalide ou le code inconnu."""
    from ..erreurs import EntreeInvalide
    from ..moteur.verificateur import Verificateur
    from ..sortie import en_json

    regles = Verificateur(regles=args.regles).regles
    if args.code:
        from ..suggestions import proposer

        choisies = [r for r in regles if r.code == args.code]
        if not choisies:
            raise EntreeInvalide("--code", f"règle « {args.code} » inconnue{proposer(args.code, {r.code for r in regles})}")
        regles = choisies
    if args.format == "json":
        sys.stdout.write(en_json([r.resume() for r in regles]))
        return 0
    for regle in regles:
        validite = f"depuis {regle.depuis}" if regle.depuis else ""
        if regle.jusqu_au:
            validite += f" jusqu'au {regle.jusqu_au}"
        print(f"{regle.code} [{regle.gravite.value}] {regle.titre} — {', '.join(regle.references)}"
              f"{' — ' + validite.strip() if validite else ''} ({regle.fichier})")
        if args.code:
            for cle, libelle in (("quoi", "Quoi"), ("pourquoi", "Pourquoi"), ("fautif", "Exemple fautif"),
                                 ("conforme", "Exemple conforme")):
                if regle.doc.get(cle):
                    print(f"  {libelle} : {regle.doc[cle]}")
            if regle.a_verifier:
                print(f"  À vérifier : {regle.a_verifier}")
    return 0
