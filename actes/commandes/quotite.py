"""`actes quotite` : part saisissable d'une rémunération au barème en vigueur (CT:R3252-2, R3252-3, R3252-5)."""
from __future__ import annotations

import datetime as dt

AIDE = "Part saisissable d'une rémunération mensuelle nette et solde bancaire insaisissable à une date."


def configurer(parseur) -> None:
    """Options : rémunération mensuelle nette, personnes à charge, date, format."""
    parseur.add_argument("remuneration", help="rémunération mensuelle nette, par exemple 2150")
    parseur.add_argument("--personnes-a-charge", dest="personnes_a_charge", type=int, default=0)
    parseur.add_argument("--date", help="date du barème (JJ/MM/AAAA ou AAAA-MM-JJ ; par défaut, aujourd'hui)")
    parseur.add_argument("--format", choices=("texte", "json"), default="texte")


def executer(args) -> int:
    """Calcule et affiche la quotité saisissable ; 0 si tout va bien."""
    from ..argent.montant import en_chaine, formater, lire_date, lire_montant
    from ..argent.quotite import quotite
    from ..sortie import en_json

    jour = lire_date(args.date, "--date") if args.date else dt.date.today()
    resultat = quotite(lire_montant(args.remuneration, "remuneration"), args.personnes_a_charge, jour)
    if args.format == "json":
        print(en_json({
            "quotite_saisissable": en_chaine(resultat.quotite_saisissable),
            "lignes": [{"de": en_chaine(t.de), "a": en_chaine(t.a) if t.a is not None else None,
                        "fraction": t.fraction, "assiette": en_chaine(t.assiette), "montant": en_chaine(t.montant)}
                       for t in resultat.lignes],
            "fraction_insaisissable": en_chaine(resultat.fraction_insaisissable),
            "solde_bancaire_insaisissable": en_chaine(resultat.solde_bancaire_insaisissable),
            "references": list(resultat.references),
            "a_verifier": list(resultat.a_verifier),
        }), end="")
        return 0
    print(f"Barème au {jour:%d/%m/%Y}" + ("" if args.date else " (date du jour)"))
    print(f"Tranches mensuelles ({args.personnes_a_charge} personne(s) à charge) :")
    for t in resultat.lignes:
        de = formater(t.de, " ")
        borne = f"au-delà de {de}" if t.a is None else f"de {de} à {formater(t.a, ' ')}"
        print(f"  {borne:<30} {t.fraction:>5} de {formater(t.assiette, ' '):>10} = {formater(t.montant, ' '):>10} €")
    print(f"Quotité saisissable par mois : {formater(resultat.quotite_saisissable, ' ')} €"
          f" (CT:L3252-2, R3252-2, R3252-3)")
    print(f"Somme laissée en tout état de cause au salarié : {formater(resultat.fraction_insaisissable, ' ')} € "
          f"(CT:R3252-5)")
    print(f"Solde bancaire insaisissable : {formater(resultat.solde_bancaire_insaisissable, ' ')} € (CPCE:R162-2)")
    for reserve in resultat.a_verifier:
        print(f"À vérifier : {reserve}")
    return 0
