"""`actes echeancier` : échéances mensuelles égales, la dernière absorbant l'arrondi (CC:1343-5)."""
from __future__ import annotations

AIDE = "Échéancier mensuel d'une somme, avec ou sans intérêts ; délai de grâce limité à deux ans (CC:1343-5)."


def configurer(parseur) -> None:
    """Options : montant, nombre de mois, première échéance, taux, délai judiciaire, format."""
    parseur.add_argument("montant", help="somme à échelonner, par exemple 4800")
    parseur.add_argument("--mois", type=int, required=True, help="nombre d'échéances mensuelles")
    parseur.add_argument("--premiere", required=True, help="date de la première échéance (JJ/MM/AAAA ou AAAA-MM-JJ)")
    parseur.add_argument("--taux", help="taux annuel en %% appliqué au capital restant dû (défaut : sans intérêts)")
    parseur.add_argument("--judiciaire", action="store_true",
                         help="délai de grâce accordé par le juge : limite de deux années (CC:1343-5)")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte")


def executer(args) -> int:
    """Calcule et affiche l'échéancier ; 0 si tout va bien."""
    from ..argent.echeancier import CONVENTION, echeancier
    from ..argent.montant import en_chaine, formater, lire_date, lire_montant, lire_taux
    from ..sortie import en_json

    resultat = echeancier(lire_montant(args.montant, "montant"), args.mois, lire_date(args.premiere, "--premiere"),
                          taux=lire_taux(args.taux, "--taux") if args.taux else None, judiciaire=args.judiciaire)
    if args.format == "json":
        print(en_json({
            "echeances": [{"date": e.date.isoformat(), "montant": en_chaine(e.montant),
                           "interets": en_chaine(e.interets), "capital": en_chaine(e.capital),
                           "restant_du": en_chaine(e.restant_du)} for e in resultat.echeances],
            "total": en_chaine(resultat.total),
            "arrondi": CONVENTION,
            "alertes": list(resultat.alertes),
        }), end="")
        return 0
    print(f"{'N°':>3}  {'Date':<10} {'Échéance':>12} {'Intérêts':>10} {'Capital':>12} {'Reste dû':>12}")
    for rang, e in enumerate(resultat.echeances, 1):
        print(f"{rang:>3}  {e.date:%d/%m/%Y} {formater(e.montant, ' '):>12} {formater(e.interets, ' '):>10} "
              f"{formater(e.capital, ' '):>12} {formater(e.restant_du, ' '):>12}")
    print(f"Total payé : {formater(resultat.total, ' ')} €")
    print(f"Arrondi : {CONVENTION}.")
    for alerte in resultat.alertes:
        print(f"Attention : {alerte}")
    return 0
