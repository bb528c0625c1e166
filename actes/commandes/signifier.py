"""`actes signifier` : rédiger l'acte de signification d'une décision (.docx ou .txt)."""
from __future__ import annotations

AIDE = "Rédiger l'acte de signification d'une décision (.docx ou .txt) à partir de la décision et d'un dossier."

EPILOGUE = """\
codes de sortie : 0 acte complet ; 1 acte écrit mais à compléter ou à corriger (chaque mention « [À COMPLÉTER : …] »
et chaque point à vérifier est signalé sur la sortie d'erreur) ; 2 entrée invalide (rien n'est écrit).
exemple : actes signifier examples/decision-exemple.txt --dossier examples/dossier-signification.yaml -o acte.docx
"""

SORTIES = (".docx", ".txt")


def configurer(parseur) -> None:
    """Options de la commande."""
    import argparse

    parseur.formatter_class = argparse.RawDescriptionHelpFormatter
    parseur.epilog = EPILOGUE
    parseur.add_argument("decision", metavar="DECISION",
                         help="décision (.docx, .pdf, .txt, JSON Judilibre) ou décision déjà lue "
                              "(JSON de « actes lire-decision --format json »)")
    parseur.add_argument("--dossier", metavar="DOSSIER.yaml",
                         help="requérant, commissaire de justice, destinataire, date… (YAML ou JSON ; "
                              "schéma : regles/schemas/dossier-signification.json)")
    parseur.add_argument("--date-signification", metavar="DATE", dest="date_signification",
                         help="date de l'acte (remplace celle du dossier) ; donne la date d'expiration du délai")
    parseur.add_argument("-o", "--sortie", metavar="ACTE.docx", required=True,
                         help="fichier à écrire : .docx (modèle Word) ou .txt")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte",
                         help="compte rendu : texte sur la sortie d'erreur (défaut) ou JSON sur la sortie standard")


def _date(texte: str | None, option: str = "--date-signification"):
    from ..delais.dates import lire_date

    return None if texte is None else lire_date(texte, option)


def lire_decision(chemin, demeurant: str | None, octets: bytes | None = None) -> dict:
    """Décision déjà lue (JSON de `actes lire-decision`) ou lue par `actes.decisions.analyser_decision` ; `octets` :
    le contenu du fichier déjà en mémoire (service), `chemin` n'étant alors que son nom."""
    import json
    from pathlib import Path

    from ..documents import lire
    from ..documents.lecture import lire_octets
    from ..erreurs import EntreeInvalide

    if chemin == "-" and octets is None:         # l'entrée standard, reconnue à sa signature comme un fichier
        from ..decisions import analyser_decision
        from .verifier import lire_entree_standard

        return analyser_decision(texte=lire_entree_standard().texte, demeurant=demeurant)
    source = Path(chemin)
    if source.suffix.lower() == ".json":
        brut = (lire(source) if octets is None else lire_octets(octets, str(source))).texte   # mêmes gardes
        try:
            donnees = json.loads(brut)
        except json.JSONDecodeError as exc:
            raise EntreeInvalide(source, f"JSON illisible : {exc.msg} (ligne {exc.lineno})") from None
        except (RecursionError, ValueError):            # imbrication démesurée, entier de milliers de chiffres
            raise EntreeInvalide(source, "JSON refusé : imbrication ou nombre démesuré") from None
        if isinstance(donnees, dict) and ("voie_de_recours" in donnees or "type_decision" in donnees):
            return donnees
    try:
        from ..decisions import analyser_decision
    except ImportError:
        raise EntreeInvalide(source, "le lecteur de décisions (actes lire-decision) n'est pas disponible dans cette "
                                     "version : fournir la décision déjà lue, au format JSON") from None
    return analyser_decision(source, demeurant=demeurant, octets=octets)


def executer(args) -> int:
    """0 acte complet, 1 acte à compléter, 2 entrée invalide."""
    from pathlib import Path

    from ..erreurs import EntreeInvalide
    from ..redaction import charger_dossier, rediger_signification
    from ..redaction.contexte import demeurant_du_destinataire
    from ..sortie import ecrire_atomique

    sortie = Path(args.sortie)
    if sortie.suffix.lower() not in SORTIES:
        raise EntreeInvalide(sortie, "le fichier de sortie doit finir par .docx ou .txt")
    date_signification = _date(args.date_signification)
    dossier = charger_dossier(args.dossier) if args.dossier else {}
    decision = lire_decision(args.decision, demeurant_du_destinataire(dossier))
    if not isinstance(decision, dict):
        raise EntreeInvalide(args.decision, "la décision lue n'est pas un dictionnaire")
    redaction = rediger_signification(decision, dossier, date_signification=date_signification)
    contenu = redaction.texte() if sortie.suffix.lower() == ".txt" else redaction.docx
    entrees = tuple(x for x in (args.decision, args.dossier) if x and x != "-")
    ecrire_atomique(sortie, contenu, entrees=entrees)
    return rapporter(redaction, sortie, args.format)


def rapporter(redaction, sortie, format_sortie: str) -> int:
    """Bilan d'un acte rédigé (JSON sur la sortie, ou un manque par ligne sur la sortie d'erreur) ; 0 s'il est
    complet, 1 s'il reste à compléter ou à corriger."""
    import sys

    from ..sortie import en_json

    a_corriger = [m for m in redaction.manques if m.gravite in ("erreur", "avertissement")]
    if format_sortie == "json":
        sys.stdout.write(en_json({"sortie": str(sortie), "complet": redaction.est_complet,
                                  "constats": [m.en_dict() for m in redaction.manques]}))
    else:
        for manque in redaction.manques:
            references = f" [{', '.join(manque.references)}]" if manque.references else ""
            print(f"{sortie} : {manque.gravite} : {manque.champ} : {manque.message}{references}", file=sys.stderr)
        bilan = "acte complet" if redaction.est_complet else f"{len(a_corriger)} point(s) à compléter ou à corriger"
        print(f"{sortie} : écrit ; {bilan}", file=sys.stderr)
    return 0 if redaction.est_complet else 1
