"""`actes cout` : le bloc « coût de l'acte » au tarif en vigueur à la date de l'acte (CCOM:A444-x ; CGI:278)."""
from __future__ import annotations

import datetime as dt

AIDE = "Coût d'un acte à sa date : émolument, transport, TVA, débours, taxe forfaitaire (tarif réglementé)."


def configurer(parseur) -> None:
    """Options : type d'acte, date, montant de la créance, débours, transport, format."""
    parseur.add_argument("type_acte", metavar="TYPE_ACTE",
                         help="signification_jugement, commandement_saisie_vente, assignation…")
    parseur.add_argument("--date", help="date de l'acte (JJ/MM/AAAA ou AAAA-MM-JJ ; par défaut, aujourd'hui)")
    parseur.add_argument("--montant", help="montant de l'obligation, pour le coefficient de CCOM:A444-46")
    parseur.add_argument("--debours", default="0", help="débours hors TVA (affranchissement…), par exemple 2,16")
    parseur.add_argument("--sans-transport", dest="transport", action="store_false",
                         help="pas de frais de déplacement (acte non tarifé, signification électronique…)")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte")


def executer(args) -> int:
    """Calcule et affiche le coût de l'acte ; 0 si tout va bien."""
    from ..argent.cout import cout_acte
    from ..argent.montant import en_chaine, formater, formater_taux, lire_date, lire_montant
    from ..sortie import en_json

    jour = lire_date(args.date, "--date") if args.date else dt.date.today()
    resultat = cout_acte(args.type_acte, jour,
                         montant_creance=lire_montant(args.montant, "--montant") if args.montant else None,
                         transport=args.transport, debours=lire_montant(args.debours, "--debours"))
    if args.format == "json":
        print(en_json({
            "lignes": [{"libelle": ligne.libelle, "montant": en_chaine(ligne.montant),
                        "references": list(ligne.references), "a_verifier": ligne.a_verifier}
                       for ligne in resultat.lignes],
            "total_ht": en_chaine(resultat.total_ht),
            "taux_tva": f"{resultat.taux_tva:f}",
            "tva": en_chaine(resultat.tva),
            "total_ttc": en_chaine(resultat.total_ttc),
        }), end="")
        return 0
    reserves: list[str] = []
    print(f"Coût de l'acte ({args.type_acte}) au {jour:%d/%m/%Y}" + ("" if args.date else " (date du jour)"))

    def afficher(libelle, montant, reserve=None):
        marque = ""
        if reserve:
            reserves.extend([] if reserve in reserves else [reserve])
            marque = f" [{reserves.index(reserve) + 1}]"
        print(f"{libelle:<70} {formater(montant, ' '):>10} €{marque}")

    hors_tva = {"Taxe forfaitaire", "Débours (affranchissement…)"}
    for ligne in resultat.lignes:
        if ligne.libelle not in hors_tva:
            afficher(ligne.libelle, ligne.montant, ligne.a_verifier)
    afficher("Total HT", resultat.total_ht)
    afficher(f"TVA {formater_taux(resultat.taux_tva)}", resultat.tva)
    for ligne in resultat.lignes:
        if ligne.libelle in hors_tva:
            afficher(ligne.libelle, ligne.montant, ligne.a_verifier)
    afficher("TOTAL TTC", resultat.total_ttc)
    for rang, reserve in enumerate(reserves, 1):
        print(f"[{rang}] à vérifier : {reserve}")
    return 0
