"""Ligne de commande `actes` : un sous-parseur par commande, codes de sortie 0/1/2.

Chaque commande vit dans `actes/commandes/<nom>.py` et expose `AIDE`, `configurer(parseur)` et
`executer(args) -> int`. Les modules de commande n'importent rien de lourd à leur chargement : le démarrage à froid
de `actes verifier` en dépend.
"""
from __future__ import annotations

import argparse
import importlib
import re
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
    "serveur": "serveur",
}


# Messages d'argparse (anglais, quelle que soit la langue du système) et leur traduction.
_TRADUCTIONS = [
    (r"the following arguments are required: (.*)", r"argument(s) obligatoire(s) manquant(s) : \1"),
    (r"one of the arguments (.*) is required", r"l'un des arguments \1 est obligatoire"),
    (r"unrecognized arguments: (.*)", r"argument(s) inconnu(s) : \1"),
    (r"ambiguous option: (\S+) could match (.*)", r"option ambiguë \1 : elle peut désigner \2"),
    (r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)",
     r"argument \1 : choix « \2 » invalide (possibles : \3)"),
    (r"argument (\S+): invalid int value: '(.*)'", r"argument \1 : « \2 » n'est pas un nombre entier"),
    (r"argument (\S+): invalid (\S+) value: '(.*)'", r"argument \1 : valeur « \3 » invalide"),
    (r"argument (\S+): expected one argument", r"argument \1 : une valeur est attendue"),
    (r"argument (\S+): expected at least one argument", r"argument \1 : au moins une valeur est attendue"),
    (r"argument (\S+): expected at most one argument", r"argument \1 : une valeur au plus"),
    (r"argument (\S+): not allowed with argument (\S+)", r"argument \1 : incompatible avec \2"),
    (r"argument (\S+): ignored explicit argument '(.*)'", r"argument \1 : valeur « \2 » en trop"),
    (r"argument (\S+): (.*)", r"argument \1 : \2"),
]
_RUBRIQUES = {"positional arguments": "arguments", "optional arguments": "options"}


def traduire(message: str) -> str:
    """Message d'erreur d'argparse en français (les messages déjà français passent tels quels)."""
    for motif, traduction in _TRADUCTIONS:
        if re.fullmatch(motif, message, re.S):
            return re.sub(motif, traduction, message, flags=re.S)
    return message


class _Format(argparse.HelpFormatter):
    """Aide en français : « utilisation : », rubriques traduites."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)

    def start_section(self, heading):
        if heading:                              # argparse ajoute « : » ; la typographie française, une espace avant
            heading = _RUBRIQUES.get(heading, heading).rstrip() + " "
        super().start_section(heading)


class _FormatBrut(_Format, argparse.RawDescriptionHelpFormatter):
    """Aide en français, description et épilogue tels qu'écrits."""


class _Parseur(argparse.ArgumentParser):
    """argparse en français : aide, rubriques, erreurs (code 2) et « vouliez-vous dire … ? »."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Format)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="afficher cette aide et quitter")

    def _get_formatter(self):
        if self.formatter_class is argparse.RawDescriptionHelpFormatter:
            self.formatter_class = _FormatBrut
        return super()._get_formatter()

    def options(self) -> list[str]:
        """Les options longues de ce parseur."""
        return [o for o in self._option_string_actions if o.startswith("--")]

    def error(self, message: str):  # noqa: D401 - signature imposée par argparse
        from .suggestions import proposer

        message = traduire(message)
        if m := re.match(r"argument COMMANDE : choix « ([^»]*) » invalide", message):
            message = f"commande « {m.group(1)} » inconnue{proposer(m.group(1), COMMANDES)} ; possibles : " \
                      f"{', '.join(COMMANDES)}"
        elif m := re.match(r"argument\(s\) inconnu\(s\) : (\S+)", message):
            if m.group(1).startswith("-"):
                message += proposer(m.group(1).split("=")[0], self.options())
        elif m := re.match(r"argument (\S+) : choix « ([^»]*) » invalide \(possibles : (.*)\)$", message):
            message += proposer(m.group(2), [c.strip(" '") for c in m.group(3).split(",")])
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")


def construire_parseur() -> argparse.ArgumentParser:
    """Parseur complet, une sous-commande par module disponible."""
    from . import __version__

    parseur = _Parseur(prog="actes", description="Rédiger et vérifier les actes des commissaires de justice.",
                       epilog="codes de sortie : 0 rien à redire ; 1 au moins une erreur constatée ; 2 entrée "
                              "illisible ou commande mal formée (message sur la sortie d'erreur)")
    parseur.add_argument("--version", action="version", version=f"actes {__version__}",
                         help="afficher la version et quitter")
    sous = parseur.add_subparsers(dest="commande", metavar="COMMANDE", parser_class=_Parseur, title="commandes")
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
    args, reste = parseur.parse_known_args(argv)
    if reste:                                   # options inconnues : le parseur de la commande les signale
        sous = next((a for a in parseur._actions if isinstance(a, argparse._SubParsersAction)), None)
        cible = sous.choices.get(args.commande, parseur) if sous and getattr(args, "commande", None) else parseur
        cible.error(f"unrecognized arguments: {' '.join(reste)}")
    if not getattr(args, "executer", None):
        parseur.print_help(sys.stderr)
        return 2
    from .sortie import nouveau_lancement

    nouveau_lancement()
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
