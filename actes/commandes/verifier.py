"""`actes verifier FICHIER...` : vérifie des actes et rapporte chaque non-conformité (texte, JSON ou SARIF)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

AIDE = "vérifie un ou plusieurs actes et signale chaque non-conformité avec son article et une reformulation"
FORMATS = ("texte", "json", "sarif", "html")


def date_iso(texte: str) -> dt.date:
    """Date AAAA-MM-JJ d'une option de la ligne de commande."""
    try:
        return dt.date.fromisoformat(texte)
    except ValueError:
        raise argparse.ArgumentTypeError(f"date invalide « {texte} » : attendu AAAA-MM-JJ") from None


def configurer(parseur: argparse.ArgumentParser) -> None:
    """Options de `actes verifier`."""
    parseur.add_argument("fichiers", nargs="+", metavar="FICHIER", help="acte(s) .docx, .odt, .txt ou .pdf")
    parseur.add_argument("--type", dest="type_acte", metavar="T", help="type d'acte (sinon reconnu d'après le titre)")
    parseur.add_argument("--date", type=date_iso, metavar="AAAA-MM-JJ", help="date de l'acte (sinon lue dans l'acte)")
    parseur.add_argument("--format", choices=FORMATS, help="format de sortie (texte par défaut)")
    parseur.add_argument("--regles", action="append", default=[], metavar="DOSSIER",
                         help="dossier de règles supplémentaires (répétable)")
    parseur.add_argument("--ignorer", action="append", default=[], metavar="CODE", help="règle à ignorer (répétable)")
    parseur.add_argument("-o", "--sortie", metavar="FICHIER", help="écrire le rapport dans ce fichier (sinon la sortie standard) ; "
                         "avec --annoter, la copie relue")
    parseur.add_argument("--annoter", action="store_true",
                         help="écrire une copie relue du .docx/.odt (commentaires et modifications suivies de « actes ») ; "
                              "par défaut ACTE.annote.docx à côté de l'acte")


def executer(args: argparse.Namespace) -> int:
    """Vérifie chaque fichier ; 0 sans erreur, 1 si une erreur est constatée, 2 si un fichier est illisible."""
    from ..analyse.type_acte import types_connus
    from ..configuration import trouver
    from ..documents import lire
    from ..erreurs import ActesErreur, EntreeInvalide
    from ..moteur.verificateur import Verificateur
    from ..rapport import donnees_json, sarif, texte
    from ..sortie import ecrire_atomique

    if args.annoter and args.sortie and len(args.fichiers) > 1:
        raise EntreeInvalide("-o", "avec --annoter, -o ne vaut que pour un seul acte (sinon ACTE.annote.docx pour "
                                   "chacun)")
    if args.type_acte and args.type_acte not in types_connus():
        raise EntreeInvalide("--type", f"type d'acte « {args.type_acte} » inconnu ; possibles : "
                                       f"{', '.join(types_connus())}")
    verificateurs: dict = {}
    entrees, illisible, format_choisi = [], False, args.format
    textes: dict[str, list[str]] = {}         # pour le rapport HTML : le texte de chaque bloc
    textes_bruts: set[str] = set()            # fichiers texte : leurs remplacements vont dans les fixes SARIF
    for nom in args.fichiers:
        chemin = Path(nom)
        configuration = trouver(chemin if chemin.exists() else Path.cwd())
        format_choisi = format_choisi or configuration.format
        cle = configuration.chemin
        if cle not in verificateurs:
            verificateurs[cle] = Verificateur(
                regles=[*configuration.regles, *args.regles],
                ignorer=[*configuration.ignorer, *args.ignorer],
                gravites=configuration.gravites)
        try:
            document = lire(chemin)
        except ActesErreur as exc:
            print(f"actes : {exc}", file=sys.stderr)
            entrees.append({"chemin": nom, "erreur": exc.message, "type_acte": None, "date_acte": None,
                            "avertissements": [], "constats": []})
            illisible = True
            continue
        document.chemin = nom
        textes[nom] = [bloc.texte for bloc in document.blocs]
        if document.format == "txt":
            textes_bruts.add(nom)
        rapport = verificateurs[cle].verifier(document, type_acte=args.type_acte, date=args.date,
                                              taire=configuration.a_taire(chemin))
        entrees.append(rapport.en_dict())
        if args.annoter and not _annoter(chemin, entrees[-1], args.sortie):
            illisible = True
    format_choisi = format_choisi or "texte"
    if format_choisi not in FORMATS:
        raise EntreeInvalide("configuration", f"format « {format_choisi} » inconnu ; possibles : {', '.join(FORMATS)}")
    if format_choisi == "json":
        sortie = donnees_json.rendre(entrees)
    elif format_choisi == "sarif":
        regles = [r for v in verificateurs.values() for r in v.regles]
        sortie = sarif.rendre(entrees, regles, textes_bruts)
    elif format_choisi == "html":
        from ..rapport import html
        sortie = html.rendre(entrees, textes)
    else:
        sortie = texte.rendre(entrees)
    if args.sortie and not args.annoter:
        ecrire_atomique(args.sortie, sortie, entrees=tuple(args.fichiers))
    else:
        sys.stdout.write(sortie)
    if illisible:
        return 2
    erreurs = any(c["gravite"] == "erreur" and not c.get("supprime") for e in entrees for c in e["constats"])
    return 1 if erreurs else 0


def _annoter(chemin: Path, entree: dict, sortie: str | None) -> bool:
    """Écrit la copie relue de l'acte ; faux (message sur la sortie d'erreur) si ce n'est ni un .docx ni un .odt."""
    from ..annotation import annoter, extension
    from ..erreurs import ActesErreur
    from ..sortie import ecrire_atomique

    try:
        donnees = chemin.read_bytes()
        genre = extension(donnees)
        if genre is None:
            print(f"actes : {chemin} : pas de copie relue pour ce format (seulement .docx et .odt)", file=sys.stderr)
            return False
        cible = Path(sortie) if sortie else chemin.with_name(f"{chemin.stem}.annote.{genre}")
        ecrire_atomique(cible, annoter(donnees, str(chemin), entree["constats"]), entrees=(chemin,))
    except ActesErreur as exc:
        print(f"actes : {exc}", file=sys.stderr)
        return False
    except OSError as exc:
        print(f"actes : {chemin} : copie relue impossible ({exc.strerror or exc.__class__.__name__})", file=sys.stderr)
        return False
    return True
