"""`actes verifier FICHIER...` : vérifie des actes et rapporte chaque non-conformité (texte, JSON ou SARIF)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

AIDE = "vérifie un ou plusieurs actes et signale chaque non-conformité avec son article et une reformulation"
FORMATS = ("texte", "json", "sarif", "html")


def date_iso(texte: str) -> dt.date:
    """Date JJ/MM/AAAA ou AAAA-MM-JJ d'une option de la ligne de commande."""
    from ..delais.dates import lire_date
    from ..erreurs import EntreeInvalide

    try:
        return lire_date(texte, "--date")
    except EntreeInvalide as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


EXTENSIONS = (".docx", ".odt", ".pdf", ".txt")


def fichiers_a_verifier(noms: list[str]) -> list[str]:
    """Les fichiers donnés, un dossier remplacé par ses actes (récursivement, dans l'ordre alphabétique), sans les
    fichiers de verrou d'Office (« ~$… ») ni les fichiers et dossiers cachés."""
    resultat = []
    for nom in noms:
        dossier = Path(nom)
        if nom != "-" and dossier.is_dir():
            for chemin in sorted(dossier.rglob("*")):
                relatif = chemin.relative_to(dossier).parts
                if (chemin.suffix.lower() in EXTENSIONS and chemin.is_file()
                        and not any(p.startswith((".", "~$")) for p in relatif)):
                    resultat.append(str(chemin))
        else:
            resultat.append(nom)
    return resultat


def lire_entree_standard():
    """Document lu sur l'entrée standard (« - »), reconnu à sa signature comme un fichier."""
    from ..documents.garde import TAILLE_MAX_FICHIER, verifier_taille
    from ..documents.lecture import lire_octets

    donnees = sys.stdin.buffer.read(TAILLE_MAX_FICHIER + 1)
    verifier_taille("-", len(donnees))
    return lire_octets(donnees, "-")


def configurer(parseur: argparse.ArgumentParser) -> None:
    """Options de `actes verifier`."""
    parseur.add_argument("fichiers", nargs="+", metavar="FICHIER", help="acte(s) .docx, .odt, .txt ou .pdf ; un dossier : tous ses actes ; « - » : l'entrée standard")
    parseur.add_argument("--type", dest="type_acte", metavar="T", help="type d'acte (sinon reconnu d'après le titre)")
    parseur.add_argument("--date", type=date_iso, metavar="DATE",
                        help="date de l'acte, JJ/MM/AAAA ou AAAA-MM-JJ (sinon lue dans l'acte)")
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
    from ..sortie import ecrire_atomique
    from ..suggestions import proposer

    if args.annoter and args.sortie and len(args.fichiers) > 1:
        raise EntreeInvalide("-o", "avec --annoter, -o ne vaut que pour un seul acte (sinon ACTE.annote.docx pour "
                                   "chacun)")
    if args.type_acte and args.type_acte not in types_connus():
        raise EntreeInvalide("--type", f"type d'acte « {args.type_acte} » inconnu"
                                       f"{proposer(args.type_acte, types_connus())} ; possibles : "
                                       f"{', '.join(types_connus())}")
    verificateurs: dict = {}
    entrees, illisible, format_choisi = [], False, args.format
    textes: dict[str, list[str]] = {}         # pour le rapport HTML : le texte de chaque bloc
    textes_bruts: set[str] = set()            # fichiers texte : leurs remplacements vont dans les fixes SARIF
    for nom in fichiers_a_verifier(args.fichiers):
        chemin = Path(nom)
        configuration = trouver(chemin if chemin.exists() else Path.cwd())
        format_choisi = format_choisi or configuration.format
        cle = configuration.chemin
        if cle not in verificateurs:
            verificateurs[cle] = Verificateur(
                regles=[*configuration.regles, *args.regles],
                ignorer=[*configuration.ignorer, *args.ignorer],
                gravites=configuration.gravites)
            codes = {r.code for r in verificateurs[cle].regles}
            configuration.controler_codes(codes)
            for code in args.ignorer:
                if code not in codes:
                    raise EntreeInvalide("--ignorer", f"règle « {code} » inconnue{proposer(code, codes)} "
                                                      "(actes regles : la liste des codes)")
        try:
            document = lire_entree_standard() if nom == "-" else lire(chemin)
            document.chemin = nom
            rapport = verificateurs[cle].verifier(document, type_acte=args.type_acte, date=args.date,
                                                  taire=configuration.a_taire(chemin))
        except ActesErreur as exc:
            print(f"actes : {exc}", file=sys.stderr)
            entrees.append({"chemin": nom, "erreur": exc.message, "type_acte": None, "date_acte": None,
                            "avertissements": [], "constats": []})
            illisible = True
            continue
        textes[nom] = [bloc.texte for bloc in document.blocs]
        if document.format == "txt":
            textes_bruts.add(nom)
        entrees.append(rapport.en_dict())
        if args.annoter and not _annoter(chemin, entrees[-1], args.sortie):
            illisible = True
    format_choisi = format_choisi or "texte"
    if format_choisi not in FORMATS:
        raise EntreeInvalide("configuration", f"format « {format_choisi} » inconnu ; possibles : {', '.join(FORMATS)}")
    regles = [r for v in verificateurs.values() for r in v.regles]
    sortie = rendre_rapport(format_choisi, entrees, textes, regles, textes_bruts)
    if args.sortie and not args.annoter:
        ecrire_atomique(args.sortie, sortie, entrees=tuple(args.fichiers))
    else:
        sys.stdout.write(sortie)
    if illisible:
        return 2
    erreurs = any(c["gravite"] == "erreur" and not c.get("supprime") for e in entrees for c in e["constats"])
    return 1 if erreurs else 0


def rendre_rapport(format_choisi: str, entrees: list[dict], textes: dict[str, list[str]], regles: list,
                   textes_bruts: set[str]) -> str:
    """Le rapport des entrées (format JSON version 1) dans le format choisi : texte, json, sarif ou html (partagé par
    la ligne de commande et le service)."""
    from ..rapport import donnees_json, sarif, texte

    if format_choisi == "json":
        return donnees_json.rendre(entrees)
    if format_choisi == "sarif":
        return sarif.rendre(entrees, regles, textes_bruts)
    if format_choisi == "html":
        from ..rapport import html
        return html.rendre(entrees, textes)
    return texte.rendre(entrees)


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
