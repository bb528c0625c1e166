"""`actes calendrier` : plan des échéances d'un dossier (texte, JSON ou iCalendar)."""
from __future__ import annotations

AIDE = "Établir le plan des échéances d'un dossier (délais de recours, saisies, expulsion…) en texte, JSON ou .ics."


def configurer(parseur) -> None:
    """Arguments de `actes calendrier`."""
    parseur.add_argument("dossier", metavar="DOSSIER.yaml", help="fichier du dossier : lieu, demeurant, évènements")
    parseur.add_argument("--format", choices=("texte", "json", "ics"), default="texte", help="format de sortie")
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


def executer(args) -> int:
    """Lit le dossier, calcule le plan, l'affiche ou l'écrit."""
    import sys

    from ..delais.plan import lire_plan
    from ..sortie import ecrire_atomique

    plan = lire_plan(args.dossier)
    if args.format == "ics":
        from ..delais.ics import en_ics
        contenu: bytes | str = en_ics(plan)
    else:
        contenu = _json(plan) if args.format == "json" else _texte(plan)
    if args.sortie:
        ecrire_atomique(args.sortie, contenu, entrees=(args.dossier,))
    elif isinstance(contenu, bytes):
        sys.stdout.buffer.write(contenu)
    else:
        sys.stdout.write(contenu)
    return 0
