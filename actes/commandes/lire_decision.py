"""Commande `actes lire-decision` : données structurées d'une décision et voie de recours."""
from __future__ import annotations

AIDE = "Lire une décision (.txt, .json Judilibre, .docx, .pdf) : parties, dispositif, voie de recours."


def configurer(parseur) -> None:
    """Options de la commande."""
    parseur.add_argument("fichier", metavar="FICHIER", help="décision à lire")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte", help="format de sortie")
    parseur.add_argument("--demeurant", metavar="LIEU",
                         help="lieu où demeure le destinataire (ville, code postal ou pays) : délais de distance CPC:643/644")


def _ligne(etiquette: str, valeur) -> str:
    return f"{etiquette:<22} {valeur if valeur not in (None, '') else '—'}"


def _texte(resultat: dict) -> str:
    juridiction = resultat["juridiction"] or {}
    lignes = [
        _ligne("Juridiction", f"{juridiction.get('type', '—')} ({juridiction.get('ville') or '?'})" if juridiction else None),
        _ligne("Formation", resultat["formation"]["libelle"]),
        _ligne("Juge", resultat["formation"]["juge"]),
        _ligne("Date", resultat["date"]), _ligne("N° RG", resultat["numero_rg"]),
        _ligne("Type", resultat["type_decision"]), _ligne("Nature", resultat["nature"]),
        _ligne("Ressort", resultat["ressort"]), _ligne("Exécution provisoire", resultat["execution_provisoire"]),
        "Parties :",
    ]
    for partie in resultat["parties"]:
        avocat = f" — avocat : {partie['avocat']}" if partie["avocat"] else ""
        lignes.append(f"  - {partie['nom']} ({partie['role']}){avocat}")
    lignes.append("Condamnations :")
    for c in resultat["condamnations"]:
        depuis = f", depuis le {c['depuis']}" if c["depuis"] else ""
        lignes.append(f"  - {c['objet']} : {c['montant'] + ' €' if c['montant'] else 'non liquidé'}{depuis}")
    voie = resultat["voie_de_recours"]
    lieu = f" — {voie['juridiction']} (siège : {voie['siege']})" if voie["juridiction"] else ""
    lignes.append(_ligne("Voie de recours", f"{voie['voie']} {voie['delai'] or ''}".strip() + lieu))
    if voie["articles"]:
        lignes.append(_ligne("Articles", ", ".join(voie["articles"])))
    if (distance := voie.get("augmentation_distance")) and distance.get("mois"):
        lignes.append(_ligne("Distance", f"+{distance['mois']} mois ({', '.join(distance['articles'])})"))
    for champ, raison in resultat["raisons"].items():
        lignes.append(f"  ? {champ} : {raison}")
    return "\n".join(lignes) + "\n"


def executer(args) -> int:
    """Lit la décision et affiche ses données (0), ou une erreur d'entrée (2)."""
    import sys

    from ..decisions import analyser_decision
    from ..sortie import en_json

    resultat = analyser_decision(args.fichier, demeurant=args.demeurant)
    sys.stdout.write(en_json(resultat) if args.format == "json" else _texte(resultat))
    return 0
