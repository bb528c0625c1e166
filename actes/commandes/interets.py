"""`actes interets` : intérêts d'une somme sur une période, une ligne par taux (CMF:L313-2, L313-3 ; CC:1343-2)."""
from __future__ import annotations

AIDE = "Intérêts d'une somme au taux légal (majoré, capitalisé), commercial ou conventionnel, ligne par ligne."

LIBELLES = {
    "particulier": "taux légal, créancier personne physique n'agissant pas pour des besoins professionnels",
    "autres": "taux légal, tous les autres cas",
    "commercial": "pénalités de retard, taux BCE majoré (CCOM:L441-10)",
    "conventionnel": "taux conventionnel",
}


def configurer(parseur) -> None:
    """Options de la commande (montant, période, catégorie, majoration, capitalisation, base, format)."""
    parseur.add_argument("montant", help="principal, par exemple 12500 ou 12 500,50")
    parseur.add_argument("--depuis", required=True, help="point de départ des intérêts (AAAA-MM-JJ)")
    parseur.add_argument("--jusqu-au", dest="jusqu_au", required=True, help="date d'arrêt, non comptée (AAAA-MM-JJ)")
    parseur.add_argument("--categorie", choices=("particulier", "autres", "commercial"), default="particulier",
                         help="particulier : créancier personne physique n'agissant pas pour des besoins "
                              "professionnels (défaut) ; autres : tous les autres cas ; commercial : CCOM:L441-10")
    majoration = parseur.add_mutually_exclusive_group()
    majoration.add_argument("--executoire", help="date à laquelle la décision est devenue exécutoire : la majoration "
                                                 "de CMF:L313-3 court à l'expiration du délai que fixe cet article")
    majoration.add_argument("--majoration-depuis", dest="majoration_depuis",
                            help="premier jour au taux majoré, donné directement")
    parseur.add_argument("--capitalisation", action="store_true",
                         help="capitalisation annuelle des intérêts ordonnée par le titre (CC:1343-2)")
    parseur.add_argument("--base", choices=("365", "exacte"), default="365",
                         help="365 : toute année compte 365 jours (défaut) ; exacte : 366 les années bissextiles")
    parseur.add_argument("--taux", help="taux conventionnel annuel en %% (remplace le taux légal)")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte")


def executer(args) -> int:
    """Calcule et affiche les intérêts ; 0 si tout va bien."""
    from ..argent.interets import debut_majoration, interets
    from ..argent.montant import en_chaine, formater, formater_taux, lire_date, lire_montant, lire_taux
    from ..erreurs import EntreeInvalide
    from ..sortie import en_json

    montant = lire_montant(args.montant, "montant")
    depuis, jusqu_au = lire_date(args.depuis, "--depuis"), lire_date(args.jusqu_au, "--jusqu-au")
    taux = lire_taux(args.taux, "--taux") if args.taux is not None else None
    if taux is not None and (args.executoire or args.majoration_depuis):
        raise EntreeInvalide("--taux", "la majoration de CMF:L313-3 ne s'applique qu'au taux de l'intérêt légal")
    majoration = (debut_majoration(lire_date(args.executoire, "--executoire")) if args.executoire
                  else lire_date(args.majoration_depuis, "--majoration-depuis") if args.majoration_depuis else None)
    resultat = interets(montant, depuis, jusqu_au, categorie=args.categorie, taux=taux, majoration_depuis=majoration,
                        capitalisation=args.capitalisation, base=args.base)
    if args.format == "json":
        print(en_json({
            "lignes": [{
                "du": ligne.du.isoformat(), "au": ligne.au.isoformat(), "jours": ligne.jours, "base": ligne.base,
                "taux": f"{ligne.taux:f}", "capital": en_chaine(ligne.capital), "montant": en_chaine(ligne.montant),
                "majore": ligne.majore, "references": list(ligne.references), "a_verifier": ligne.a_verifier,
            } for ligne in resultat.lignes],
            "total": en_chaine(resultat.total),
            "capital_final": en_chaine(resultat.capital_final),
        }), end="")
        return 0
    regime = "conventionnel" if taux is not None else args.categorie
    print(f"Intérêts de {formater(montant, ' ')} € du {depuis:%d/%m/%Y} au {jusqu_au:%d/%m/%Y} (jour d'arrêt non "
          f"compté) — {LIBELLES[regime]}")
    if majoration:
        from num2words import num2words

        from ..parametres import parametre

        points = num2words(int(parametre("majoration_interet_legal").au(majoration)), lang="fr")
        print(f"Majoration de {points} points à compter du {majoration:%d/%m/%Y} (CMF:L313-3)")
    print(f"{'Du':<11} {'Au':<11} {'Jours':>5} {'Base':>4} {'Taux':>9} {'Capital':>13} {'Intérêts':>12}")
    reserves: list[str] = []
    for ligne in resultat.lignes:
        marque = ""
        if ligne.a_verifier:
            reserves += [] if ligne.a_verifier in reserves else [ligne.a_verifier]
            marque = f" [{reserves.index(ligne.a_verifier) + 1}]"
        print(f"{ligne.du:%d/%m/%Y}  {ligne.au:%d/%m/%Y}  {ligne.jours:>5} {ligne.base:>4} "
              f"{formater_taux(ligne.taux):>9} {formater(ligne.capital, ' '):>13} {formater(ligne.montant, ' '):>12}"
              f"{marque}")
    print(f"{'Total des intérêts':<58} {formater(resultat.total, ' '):>12} €")
    if args.capitalisation:
        print(f"{'Capital après capitalisation (CC:1343-2)':<58} {formater(resultat.capital_final, ' '):>12} €")
    for rang, reserve in enumerate(reserves, 1):
        print(f"[{rang}] taux non vérifié dans un texte officiel : {reserve}")
    return 0
