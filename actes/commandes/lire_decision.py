"""Commande `actes lire-decision` : données structurées d'une décision et voie de recours."""
from __future__ import annotations

AIDE = "Lire une décision (.txt, .json Judilibre, .docx, .pdf) : parties, dispositif, voie de recours."


def configurer(parseur) -> None:
    """Options de la commande."""
    parseur.add_argument("fichier", metavar="FICHIER", help="décision à lire")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte", help="format de sortie")
    parseur.add_argument("--demeurant", metavar="LIEU",
                         help="lieu où demeure le destinataire (ville, code postal ou pays) : délais de distance CPC:643/644")


# Les valeurs du JSON dites comme un clerc les écrit.
LIBELLES = {
    "repute_contradictoire": "réputé contradictoire", "par_defaut": "par défaut", "contradictoire": "contradictoire",
    "premier": "en premier ressort", "dernier": "en dernier ressort",
    "de_droit": "de droit", "ordonnee": "ordonnée", "ecartee": "écartée", "requete_rejetee": "requête rejetée",
    "article_700": "article 700 du code de procédure civile", "depens": "dépens", "principal": "principal",
    "indemnite_occupation": "indemnité d'occupation", "dommages_interets": "dommages et intérêts",
    "fixation_au_passif": "fixation au passif", "demandeur": "demandeur", "defendeur": "défendeur",
    "cour_d_appel": "cour d'appel", "tribunal_de_commerce": "tribunal de commerce",
    "conseil_de_prud_hommes": "conseil de prud'hommes", "tribunal_de_proximite": "tribunal de proximité",
    "cour_de_cassation": "Cour de cassation", "juge_de_l_execution": "juge de l'exécution",
    "juge_des_referes": "juge des référés", "premier_president": "premier président",
    "arret": "arrêt",
}


def _dire(valeur) -> str | None:
    """Valeur du JSON en mots : libellé connu, sinon tirets bas en espaces ; une date ISO en toutes lettres."""
    import datetime as dt
    import re

    if valeur in (None, ""):
        return None
    texte = str(valeur)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", texte):
        from ..delais.dates import en_lettres

        return en_lettres(dt.date.fromisoformat(texte), avec_jour=False)
    return LIBELLES.get(texte, texte.replace("_", " "))


def _euros(montant: str) -> str:
    from decimal import Decimal

    from ..argent.montant import formater

    return f"{formater(Decimal(montant), ' ')} €"


def _ligne(etiquette: str, valeur) -> str:
    return f"{etiquette:<22} {valeur if valeur not in (None, '') else '—'}"


def _texte(resultat: dict) -> str:
    juridiction = resultat["juridiction"] or {}
    lignes = [
        _ligne("Juridiction", f"{_dire(juridiction.get('type')) or '—'} ({juridiction.get('ville') or '?'})"
               if juridiction else None),
        _ligne("Formation", resultat["formation"]["libelle"]),
        _ligne("Juge", _dire(resultat["formation"]["juge"])),
        _ligne("Date", _dire(resultat["date"])), _ligne("N° RG", resultat["numero_rg"]),
        _ligne("Type", _dire(resultat["type_decision"])), _ligne("Nature", _dire(resultat["nature"])),
        _ligne("Ressort", _dire(resultat["ressort"])),
        _ligne("Exécution provisoire", _dire(resultat["execution_provisoire"])),
        "Parties :",
    ]
    for partie in resultat["parties"]:
        avocat = f" — avocat : {partie['avocat']}" if partie["avocat"] else ""
        lignes.append(f"  - {partie['nom']} ({_dire(partie['role'])}){avocat}")
    lignes.append("Condamnations :")
    for c in resultat["condamnations"]:
        depuis = f", avec intérêts à compter du {_dire(c['depuis'])}" if c["depuis"] else ""
        lignes.append(f"  - {_dire(c['objet'])} : {_euros(c['montant']) if c['montant'] else 'non liquidé'}{depuis}")
    voie = resultat["voie_de_recours"]
    lieu = f" — {voie['juridiction']} (siège : {voie['siege']})" if voie["juridiction"] else ""
    delai = f", délai de {voie['delai']}" if voie["delai"] else ""
    lignes.append(_ligne("Voie de recours", f"{_dire(voie['voie'])}{delai}{lieu}"))
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

    if args.fichier == "-":                      # l'entrée standard, reconnue à sa signature comme un fichier
        from .verifier import lire_entree_standard

        resultat = analyser_decision(texte=lire_entree_standard().texte, demeurant=args.demeurant)
    else:
        resultat = analyser_decision(args.fichier, demeurant=args.demeurant)
    sys.stdout.write(en_json(resultat) if args.format == "json" else _texte(resultat))
    return 0
