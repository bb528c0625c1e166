"""Ligne de commande `actes` : un sous-parseur par commande, codes de sortie 0/1/2.

Chaque commande vit dans `actes/commandes/<nom>.py` et expose `AIDE`, `configurer(parseur)` et
`executer(args) -> int`. Les modules de commande n'importent rien de lourd à leur chargement : le démarrage à froid
de `actes verifier` en dépend.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from .erreurs import ActesErreur

# verbe → module de actes.commandes
COMMANDES = {
    "verifier": "verifier",
    "regles": "regles",
    "expliquer": "expliquer",
    "delai": "delai",
    "calendrier": "calendrier",
    "lire-decision": "lire_decision",
    "signifier": "signifier",
    "rediger": "rediger",
    "corriger": "corriger",
    "exercice": "exercice",
    "interets": "interets",
    "decompte": "decompte",
    "cout": "cout",
    "echeancier": "echeancier",
    "quotite": "quotite",
}


class _Parseur(argparse.ArgumentParser):
    """argparse en français : une erreur d'usage sort avec le code 2 et un message clair."""

    def error(self, message: str):  # noqa: D401 - signature imposée par argparse
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")


def construire_parseur() -> argparse.ArgumentParser:
    """Parseur complet, une sous-commande par module disponible."""
    from . import __version__

    parseur = _Parseur(prog="actes", description="Rédiger et vérifier les actes des commissaires de justice.")
    parseur.add_argument("--version", action="version", version=f"actes {__version__}")
    sous = parseur.add_subparsers(dest="commande", metavar="COMMANDE", parser_class=_Parseur)
    for verbe, nom_module in COMMANDES.items():
        try:
            module = importlib.import_module(f"actes.commandes.{nom_module}")
        except ModuleNotFoundError as exc:
            if exc.name == f"actes.commandes.{nom_module}":
                continue
            raise
        sous_parseur = sous.add_parser(verbe, help=module.AIDE, description=module.AIDE)
        module.configurer(sous_parseur)
        sous_parseur.set_defaults(executer=module.executer)
    return parseur


def main(argv: list[str] | None = None) -> int:
    """Point d'entrée de la commande `actes`."""
    parseur = construire_parseur()
    args = parseur.parse_args(argv)
    if not getattr(args, "executer", None):
        parseur.print_help(sys.stderr)
        return 2
    try:
        return args.executer(args)
    except ActesErreur as exc:
        print(f"actes : {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
