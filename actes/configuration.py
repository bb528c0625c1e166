"""Configuration à la manière des linters : `[tool.actes]` d'un pyproject.toml ou `actes.toml`, cherché en remontant
depuis le fichier vérifié (ou le dossier courant).

Clés : `regles` (dossiers de règles supplémentaires, relatifs au fichier de configuration), `ignorer` (codes),
`gravites` (code → erreur | avertissement | information), `format` (texte | json | sarif), `par-fichier` (motif de
chemin, relatif au fichier de configuration → codes tus pour les fichiers qu'il désigne ; `*` traverse les dossiers).
"""
from __future__ import annotations

import fnmatch
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .erreurs import EntreeInvalide

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CLES = {"regles", "ignorer", "gravites", "format", "par-fichier"}


@dataclass
class Configuration:
    """Réglages lus (vides si aucun fichier)."""

    chemin: Path | None = None
    regles: list[Path] = field(default_factory=list)
    ignorer: list[str] = field(default_factory=list)
    gravites: dict[str, str] = field(default_factory=dict)
    format: str | None = None
    par_fichier: dict[str, list[str]] = field(default_factory=dict)

    def a_taire(self, fichier: Path) -> dict[str, str]:
        """Codes tus pour ce fichier par `par-fichier` → justification (le motif qui le désigne)."""
        if not self.par_fichier or self.chemin is None:
            return {}
        try:
            relatif = fichier.resolve().relative_to(self.chemin.parent.resolve()).as_posix()
        except ValueError:
            return {}
        taire: dict[str, str] = {}
        for motif, codes in self.par_fichier.items():
            if fnmatch.fnmatchcase(relatif, motif):
                for code in codes:
                    taire.setdefault(code, f"configuration {self.chemin.name} : par-fichier « {motif} »")
        return taire

    def controler_codes(self, codes: set[str]) -> None:
        """Chaque code nommé (ignorer, gravites, par-fichier) doit être celui d'une règle chargée."""
        from .suggestions import proposer

        nommes = [*self.ignorer, *self.gravites, *(c for liste in self.par_fichier.values() for c in liste)]
        for code in nommes:
            if code not in codes:
                raise EntreeInvalide(self.chemin or "configuration",
                                     f"règle « {code} » inconnue{proposer(code, codes)} "
                                     "(actes regles : la liste des codes)")


def _lire(chemin: Path, section_outil: bool) -> dict | None:
    from .sortie import noter_lecture

    from .documents.lire_txt import decoder_donnees
    from .erreurs import FormatNonReconnu

    noter_lecture(chemin)
    try:
        donnees = tomllib.loads(decoder_donnees(chemin.read_bytes(), str(chemin)))
    except FormatNonReconnu as exc:
        raise EntreeInvalide(chemin, f"configuration illisible : {exc.message}") from None
    except OSError as exc:
        raise EntreeInvalide(chemin, f"configuration illisible ({exc.strerror or exc.__class__.__name__})") from None
    except tomllib.TOMLDecodeError as exc:
        lieu = re.search(r"at line (\d+), column (\d+)", str(exc))
        ou = f"ligne {lieu.group(1)}, colonne {lieu.group(2)}" if lieu else "fin du fichier"
        raise EntreeInvalide(chemin, f"configuration illisible : syntaxe TOML invalide ({ou})") from None
    if section_outil or "tool" in donnees:     # actes.toml accepte aussi la table [tool.actes] du pyproject.toml
        outil = donnees.get("tool")
        return outil.get("actes") if isinstance(outil, dict) else None
    return donnees


def trouver(depart: Path) -> Configuration:
    """Première configuration trouvée en remontant depuis `depart` (fichier ou dossier)."""
    dossier = depart if depart.is_dir() else depart.parent
    for courant in [dossier.resolve(), *dossier.resolve().parents]:
        for nom, section_outil in (("actes.toml", False), ("pyproject.toml", True)):
            chemin = courant / nom
            if chemin.is_file():
                donnees = _lire(chemin, section_outil)
                if donnees is not None:
                    return _construire(chemin, donnees)
    return Configuration()


def _textes(chemin: Path, donnees: dict, cle: str) -> list[str]:
    """Valeur d'une clé qui doit être une liste de textes (`ignorer = ["CODE"]`)."""
    valeur = donnees.get(cle, [])
    if not isinstance(valeur, list) or not all(isinstance(v, str) for v in valeur):
        raise EntreeInvalide(chemin, f"« {cle} » : attendu une liste de textes, par exemple {cle} = [\"…\"]")
    return list(valeur)


def _construire(chemin: Path, donnees: object) -> Configuration:
    if not isinstance(donnees, dict):
        raise EntreeInvalide(chemin, "la configuration doit être une table TOML ([tool.actes] ou clés à la racine)")
    inconnues = set(donnees) - CLES
    if inconnues:
        raise EntreeInvalide(chemin, f"clé(s) inconnue(s) dans la configuration : {', '.join(sorted(inconnues))}")
    gravites = donnees.get("gravites", {})
    if not isinstance(gravites, dict):
        raise EntreeInvalide(chemin, "« gravites » : attendu une table CODE = \"erreur\" | \"avertissement\" | "
                                     "\"information\"")
    if not isinstance(donnees.get("format", ""), str):
        raise EntreeInvalide(chemin, "« format » : attendu un texte (texte, json, sarif, html)")
    for code, gravite in gravites.items():
        if gravite not in ("erreur", "avertissement", "information"):
            raise EntreeInvalide(chemin, f"gravité « {gravite} » inconnue pour {code}")
    par_fichier = donnees.get("par-fichier", {})
    if not isinstance(par_fichier, dict) or not all(isinstance(v, list) and all(isinstance(c, str) for c in v)
                                                    for v in par_fichier.values()):
        raise EntreeInvalide(chemin, "par-fichier : attendu une table motif = [\"CODE\", …]")
    return Configuration(
        chemin=chemin,
        par_fichier={motif: list(codes) for motif, codes in par_fichier.items()},
        regles=[(chemin.parent / d).resolve() for d in _textes(chemin, donnees, "regles")],
        ignorer=_textes(chemin, donnees, "ignorer"),
        gravites=dict(gravites),
        format=donnees.get("format"),
    )
