"""`actes delai` : échéance d'un délai de procédure, avec les étapes du calcul (CPC:640 à 644)."""
from __future__ import annotations

AIDE = "Calculer l'échéance d'un délai de procédure (CPC 640 à 644), avec son explication."


def configurer(parseur) -> None:
    """Arguments de `actes delai`."""
    parseur.add_argument("depart", metavar="DEPART", help="point de départ AAAA-MM-JJ (ou évènement avec --a-rebours)")
    parseur.add_argument("duree", metavar="DUREE", help="durée à la française : « 15 jours », « 1 mois », « 6 semaines »")
    parseur.add_argument("--lieu", default="", metavar="CP",
                         help="code postal ou département du lieu où l'acte doit être fait (jours fériés locaux)")
    parseur.add_argument("--demeurant", default=None, metavar="CP_OU_PAYS",
                         help="où demeure le destinataire : code postal ou pays (délais de distance, CPC:643 et 644)")
    parseur.add_argument("--pourvoi", action="store_true", help="délai de pourvoi en cassation (CPC:644 ne l'augmente pas)")
    parseur.add_argument("--a-rebours", action="store_true",
                         help="délai à rebours : dernier jour pour agir au moins DUREE avant la date DEPART")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte", help="format de sortie")


def executer(args) -> int:
    """Calcule et affiche l'échéance."""
    from ..sortie import en_json
    from .. import delais
    from ..delais.dates import en_lettres, lire_date

    depart = lire_date(args.depart, "départ")
    if args.a_rebours:
        if args.demeurant:
            from ..erreurs import EntreeInvalide
            raise EntreeInvalide("demeurant", "les délais de distance ne s'appliquent pas à un délai à rebours")
        resultat = delais.echeance_a_rebours(depart, args.duree, lieu=args.lieu)
    else:
        resultat = delais.echeance(depart, args.duree, lieu=args.lieu, demeurant=args.demeurant, pourvoi=args.pourvoi)
    if args.format == "json":
        print(en_json({
            "depart": resultat.depart.isoformat(),
            "duree": str(resultat.duree),
            "lieu": resultat.lieu,
            "demeurant": resultat.demeurant,
            "echeance": resultat.date.isoformat(),
            "etapes": [{"article": e.article, "texte": e.texte} for e in resultat.etapes],
            "a_verifier": list(resultat.a_verifier),
        }), end="")
        return 0
    print(resultat.date.isoformat())
    libelle = "dernier jour pour agir" if args.a_rebours else "échéance"
    print(f"  {libelle} : {en_lettres(resultat.date)}")
    for etape in resultat.etapes:
        print(f"  - {etape.article} : {etape.texte}")
    for point in resultat.a_verifier:
        print(f"  ! à vérifier : {point}")
    return 0
