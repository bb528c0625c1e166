"""`actes expliquer CODE` : la documentation d'une règle (titre, articles et leurs liens, validité, quoi, pourquoi,
exemples fautif et conforme), comme `ruff rule`."""
from __future__ import annotations

import argparse
import sys

AIDE = "explique une règle : articles (avec leur lien Légifrance), validité, ce qu'elle vérifie et pourquoi, exemples"


def configurer(parseur: argparse.ArgumentParser) -> None:
    """Options de `actes expliquer`."""
    parseur.add_argument("code", metavar="CODE", help="code de la règle (majuscules ou minuscules)")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte")
    parseur.add_argument("--regles", action="append", default=[], metavar="DOSSIER",
                         help="dossier de règles supplémentaires (répétable)")


def executer(args: argparse.Namespace) -> int:
    """Affiche la règle ; 2 si le code est inconnu (avec les codes les plus proches)."""
    import difflib

    from ..erreurs import EntreeInvalide
    from ..moteur.verificateur import Verificateur
    from ..rapport.legifrance import lien
    from ..sortie import en_json

    regles = {r.code.upper(): r for r in Verificateur(regles=args.regles).regles}
    regle = regles.get(args.code.strip().upper())
    if regle is None:
        proches = difflib.get_close_matches(args.code.strip().upper(), list(regles), n=3, cutoff=0.6)
        conseil = (" ; vouliez-vous dire « " + " » ou « ".join(proches) + " » ?") if proches else " ; la liste : actes regles"
        raise EntreeInvalide(args.code, f"règle inconnue{conseil}")
    if args.format == "json":
        sys.stdout.write(en_json({**regle.resume(), "liens": {r: lien(r) for r in regle.references}}))
        return 0
    validite = f"depuis le {regle.depuis.isoformat()}" if regle.depuis else "sans date de début"
    if regle.jusqu_au:
        validite += f", jusqu'au {regle.jusqu_au.isoformat()}"
    lignes = [f"{regle.code} — {regle.titre}", "",
              f"Gravité : {regle.gravite.value}    Genre : {regle.genre_nom}    Validité : {validite}",
              f"Actes : {', '.join(regle.actes) if regle.actes else 'tous'}", "", "Articles :"]
    lignes += [f"  {reference}  {lien(reference)}" for reference in regle.references]
    for cle, libelle in (("quoi", "Ce qu'elle vérifie"), ("pourquoi", "Pourquoi"), ("fautif", "Exemple fautif"),
                         ("conforme", "Exemple conforme")):
        if regle.doc.get(cle):
            lignes += ["", f"{libelle} :", f"  {regle.doc[cle].strip()}"]
    lignes += ["", "Message :", f"  {' '.join(regle.message.split())}"]
    if regle.suggestion:
        lignes += ["", "Suggestion :", f"  {regle.suggestion.strip()}"]
    if regle.a_verifier:
        lignes += ["", "À vérifier :", f"  {' '.join(regle.a_verifier.split())}"]
    lignes += ["", f"Source : {regle.fichier}, ligne {regle.ligne}"]
    sys.stdout.write("\n".join(lignes) + "\n")
    return 0
