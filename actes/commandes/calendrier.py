"""`actes calendrier` : plan des échéances d'un dossier (texte, JSON ou iCalendar)."""
from __future__ import annotations

AIDE = "Établir le plan des échéances d'un dossier (délais de recours, saisies, expulsion…) en texte, JSON ou .ics."


def configurer(parseur) -> None:
    """Arguments de `actes calendrier`."""
    parseur.add_argument("dossier", metavar="DOSSIER.yaml", help="fichier du dossier : lieu, demeurant, évènements")
    parseur.add_argument("--format", choices=("texte", "json", "ics"), default=None,
                         help="format de sortie (texte ; avec -o, celui de l'extension .txt, .json ou .ics)")
    parseur.add_argument("-o", "--sortie", metavar="FICHIER", default=None,
                         help="écrire dans ce fichier (sinon la sortie standard)")


def _texte(plan) -> str:
    from ..delais.dates import en_lettres

    lignes = [f"Plan des échéances — {plan.dossier}", ""]
    for entree in plan.entrees:
        statut = f" [{entree.statut}]" if entree.statut else ""
        lignes.append(f"{entree.date.isoformat()}  {entree.titre}{statut}  ({', '.join(entree.references)})")
        lignes.append(f"    {entree.message}")
        lignes.append(f"    évènement : {entree.evenement.type} du {en_lettres(entree.evenement.date)}")
        for etape in entree.etapes:
            lignes.append(f"    - {etape.article} : {etape.texte}")
        for point in entree.a_verifier:
            lignes.append(f"    ! à vérifier : {point}")
    if plan.alertes:
        lignes += ["", "Alertes :"] + [f"  ! {alerte}" for alerte in plan.alertes]
    return "\n".join(lignes) + "\n"


def _json(plan) -> str:
    from ..sortie import en_json

    return en_json({
        "dossier": plan.dossier,
        "lieu": plan.lieu,
        "echeances": [{
            "date": e.date.isoformat(),
            "code": e.code,
            "titre": e.titre,
            "sorte": e.sorte,
            "message": e.message,
            "references": list(e.references),
            "evenement": {"rang": e.evenement.rang, "type": e.evenement.type, "date": e.evenement.date.isoformat()},
            "statut": e.statut,
            "etapes": [{"article": s.article, "texte": s.texte} for s in e.etapes],
            "a_verifier": list(e.a_verifier),
        } for e in plan.entrees],
        "alertes": list(plan.alertes),
    })


_EXTENSIONS = {".txt": "texte", ".json": "json", ".ics": "ics"}


def _format(demande: str | None, sortie: str | None) -> str:
    """Format du plan : celui demandé, sinon celui de l'extension de la sortie ; une extension d'un autre format est
    refusée (un .ics écrit dans plan.txt ne s'ouvrirait pas dans un agenda)."""
    from pathlib import Path

    from ..erreurs import EntreeInvalide

    if not sortie:
        return demande or "texte"
    extension = Path(sortie).suffix.lower()
    du_nom = _EXTENSIONS.get(extension)
    if du_nom is None:
        raise EntreeInvalide(sortie, "le plan s'écrit en .txt, .json ou .ics, pas en "
                                     f"« {extension or 'sans extension'} »")
    if demande and demande != du_nom:
        raise EntreeInvalide(sortie, f"--format {demande} : le fichier de sortie doit finir par "
                                     f"{next(e for e, f in _EXTENSIONS.items() if f == demande)}")
    return du_nom


def executer(args) -> int:
    """Lit le dossier, calcule le plan, l'affiche ou l'écrit."""
    import sys

    from ..delais.plan import lire_plan
    from ..sortie import ecrire_atomique

    format_ = _format(args.format, args.sortie)
    plan = lire_plan(args.dossier)
    if format_ == "ics":
        from ..delais.ics import en_ics
        contenu: bytes | str = en_ics(plan)
    else:
        contenu = _json(plan) if format_ == "json" else _texte(plan)
    if args.sortie:
        ecrire_atomique(args.sortie, contenu, entrees=(args.dossier,))
    elif isinstance(contenu, bytes):
        sys.stdout.buffer.write(contenu)
    else:
        sys.stdout.write(contenu)
    return 0
