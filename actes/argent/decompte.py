"""Décompte d'un dossier à une date : chaque ligne avec son montant, sa date et le texte qui la fonde.

Lignes, dans l'ordre : chaque créance (capital, puis ses intérêts par période et par taux), les frais des actes
délivrés, les versements (négatifs, avec leur imputation), puis le total dû (somme exacte des lignes).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..donnees import lire_booleen
from ..erreurs import EntreeInvalide
from .imputation import REFERENCES_PAIEMENT, Creance, Dette, Frais, Paiement, Situation, imputer
from .interets import CATEGORIES, LigneInterets, Regime, debut_majoration
from .montant import ZERO, en_chaine, formater, formater_taux, lire_date, lire_montant, lire_taux

REFERENCES_PAR_CODE = {"principal": ("CPCE:L111-2",), "article_700": ("CPC:700",), "depens": ("CPC:695", "CPC:696")}
OBJETS_PAR_CODE = {"principal": "le principal", "article_700": "l'article 700", "depens": "les dépens"}
LIBELLES_PAR_CODE = {"principal": "Principal", "article_700": "Article 700 du code de procédure civile",
                     "depens": "Dépens"}
POSTES = {"frais": "frais", "interets": "intérêts", "capital": "capital"}


@dataclass(frozen=True)
class LigneDecompte:
    """Une ligne du décompte ; `montant` négatif pour un versement."""

    nature: str
    libelle: str
    montant: Decimal
    references: tuple[str, ...]
    date: dt.date | None = None
    detail: str | None = None
    a_verifier: str | None = None


@dataclass(frozen=True)
class Decompte:
    """Décompte arrêté au jour `au` ; `total_du` est la somme des lignes et le reste dû de la situation."""

    au: dt.date
    lignes: tuple[LigneDecompte, ...]
    total_du: Decimal
    situation: Situation


def _fr(jour: dt.date) -> str:
    return jour.strftime("%d/%m/%Y")


def _ligne_interets(creance: Creance, ligne: LigneInterets) -> LigneDecompte:
    if creance.regime.categorie == "conventionnel":
        nature = "au taux conventionnel"
    elif creance.regime.categorie == "commercial":
        nature = "de retard (taux BCE majoré, CCOM:L441-10)"
    else:
        nature = "au taux légal majoré" if ligne.majore else "au taux légal"
    objet = OBJETS_PAR_CODE.get(creance.code, creance.libelle)
    libelle = f"Intérêts {nature} sur {objet} du {_fr(ligne.du)} au {_fr(ligne.au)}"
    detail = (f"{formater(ligne.capital)} € × {formater_taux(ligne.taux)} × {ligne.jours} j / {ligne.base}")
    return LigneDecompte("interets", libelle, ligne.montant, ligne.references, ligne.au, detail, ligne.a_verifier)


def decompte(dette: Dette, paiements: tuple[Paiement, ...] | list[Paiement], au: dt.date) -> Decompte:
    """Décompte de la dette au jour `au`, versements imputés (CC:1343-1, 1342-10 ; CPCE:L111-8)."""
    situation = imputer(dette, paiements, au)
    lignes = []
    for creance in dette.creances:
        lignes.append(LigneDecompte(creance.code, creance.libelle, creance.montant, creance.references, creance.date,
                                    creance.detail))
        for ligne in situation.interets[creance.code]:
            lignes.append(_ligne_interets(creance, ligne))
        if situation.capitalise[creance.code]:
            lignes.append(LigneDecompte(
                "capitalisation", f"dont intérêts capitalisés sur {creance.libelle} (pour mémoire, déjà comptés)",
                ZERO, ("CC:1343-2",), detail=formater(situation.capitalise[creance.code]) + " €"))
    for frais in sorted(dette.frais, key=lambda f: f.date):
        lignes.append(LigneDecompte("frais", f"{frais.libelle} du {_fr(frais.date)}", frais.montant, frais.references,
                                    frais.date))
    for imputation in situation.imputations:
        paiement = imputation.paiement
        detail = " ; ".join(f"{formater(p.montant)} € sur {POSTES[p.poste]} ({p.libelle})" for p in imputation.parts)
        if imputation.trop_percu:
            detail += f" ; trop-perçu {formater(imputation.trop_percu)} €"
        references = REFERENCES_PAIEMENT + (("CPCE:L111-8",) if any(p.poste == "frais" for p in imputation.parts)
                                            else ())
        lignes.append(LigneDecompte("versement", f"{paiement.libelle} du {_fr(paiement.date)}", -paiement.montant,
                                    references, paiement.date, "imputé : " + detail))
    total = sum((ligne.montant for ligne in lignes), ZERO)
    if total != situation.total_du:  # les deux calculs doivent concorder au cent : sinon, défaut du programme
        raise AssertionError(f"décompte incohérent : lignes {total}, soldes {situation.total_du}")
    return Decompte(au, tuple(lignes), total, situation)


def _exiger(donnees, cle: str, chemin: str):
    if not isinstance(donnees, dict) or cle not in donnees or donnees[cle] is None:
        ligne = getattr(donnees, "ligne", None)
        raise EntreeInvalide(chemin, (f"ligne {ligne} : " if ligne else "") + f"« {cle} » manquant")
    return donnees[cle]


def _lieu(chemin: Path, objet) -> str:
    ligne = getattr(objet, "ligne", None)
    return f"{chemin}:{ligne}" if ligne else str(chemin)


def _regime(interets: dict, dossier: dict, lieu: str) -> Regime:
    taux = interets.get("taux")
    categorie = "conventionnel" if taux is not None else str(interets.get("categorie", dossier.get("categorie",
                                                                                                  "particulier")))
    majoration = None
    if categorie in CATEGORIES and lire_booleen(interets.get("majoration", True), lieu, "majoration"):
        if interets.get("majoration_depuis"):
            majoration = lire_date(interets["majoration_depuis"], lieu)
        elif interets.get("executoire") or dossier.get("executoire"):
            majoration = debut_majoration(lire_date(interets.get("executoire") or dossier["executoire"], lieu))
    try:
        return Regime(categorie, lire_taux(taux, lieu) if taux is not None else None, majoration,
                      str(interets.get("base", dossier.get("base", "365"))))
    except EntreeInvalide as exc:
        raise EntreeInvalide(lieu, exc.message) from None


def lire_dossier(chemin: Path | str) -> tuple[Dette, tuple[Paiement, ...], dt.date | None]:
    """Dossier YAML : créances, frais des actes, versements et date du décompte (`au`, facultative)."""
    from ..donnees import lire_dossier_utilisateur

    chemin = Path(chemin)
    return interpreter_dossier(lire_dossier_utilisateur(chemin), chemin)


def interpreter_dossier(dossier, chemin: Path | str) -> tuple[Dette, tuple[Paiement, ...], dt.date | None]:
    """Dossier déjà lu (dictionnaire) : créances, frais, versements et date du décompte ; `chemin` pour les messages."""
    if not isinstance(dossier, dict):
        raise EntreeInvalide(chemin, "un dossier est un dictionnaire (creances, frais, paiements, au)")
    inconnues = set(dossier) - {"au", "titre", "categorie", "executoire", "base", "creances", "frais", "paiements"}
    if inconnues:
        raise EntreeInvalide(chemin, f"clé(s) inconnue(s) : {', '.join(sorted(map(str, inconnues)))}")
    creances = []
    liste = _exiger(dossier, "creances", str(chemin))
    if not isinstance(liste, list) or not liste:
        raise EntreeInvalide(chemin, "« creances » : il faut une liste d'au moins une créance")
    titre = dossier.get("titre") if isinstance(dossier.get("titre"), dict) else {}
    date_titre = titre.get("date")
    morceaux = (titre.get("nature"), titre.get("juridiction") and f"du {titre['juridiction']}",
                date_titre and f"du {_fr(lire_date(date_titre, str(chemin)))}", titre.get("rg") and f"(RG {titre['rg']})")
    designation = " ".join(str(x) for x in morceaux if x) or None
    for entree in liste:
        lieu = _lieu(chemin, entree)
        code = str(_exiger(entree, "code", lieu))
        date = lire_date(entree.get("date", date_titre) or _exiger(entree, "date", lieu), lieu)
        interets = entree.get("interets")
        if interets is not None and not isinstance(interets, dict):
            raise EntreeInvalide(lieu, "« interets » : un dictionnaire (depuis, categorie, taux, majoration…)")
        creances.append(Creance(
            code=code,
            libelle=str(entree.get("libelle") or LIBELLES_PAR_CODE.get(code, code)),
            montant=lire_montant(_exiger(entree, "montant", lieu), lieu),
            date=date,
            references=tuple(entree.get("references") or REFERENCES_PAR_CODE.get(code, ())),
            interets_depuis=lire_date(_exiger(interets, "depuis", lieu), lieu) if interets else None,
            regime=_regime(interets, dossier, lieu) if interets else None,
            capitalisation=lire_booleen(interets.get("capitalisation", False), lieu, "capitalisation")
            if interets else False,
            detail=str(entree.get("detail") or designation) if (entree.get("detail") or designation) else None,
        ))
    frais = []
    for entree in dossier.get("frais") or ():
        lieu = _lieu(chemin, entree)
        frais.append(Frais(lire_date(_exiger(entree, "date", lieu), lieu), str(_exiger(entree, "libelle", lieu)),
                           lire_montant(_exiger(entree, "montant", lieu), lieu),
                           tuple(entree.get("references") or ("CPCE:L111-8",))))
    paiements = []
    for entree in dossier.get("paiements") or ():
        lieu = _lieu(chemin, entree)
        paiements.append(Paiement(lire_date(_exiger(entree, "date", lieu), lieu),
                                  lire_montant(_exiger(entree, "montant", lieu), lieu),
                                  str(entree.get("libelle") or "Versement"), entree.get("impute_sur")))
    au = lire_date(dossier["au"], str(chemin)) if dossier.get("au") else None
    return Dette(tuple(creances), tuple(frais)), tuple(paiements), au


def en_donnees(resultat: Decompte) -> dict:
    """Décompte pour le JSON : montants en chaînes à deux décimales, dates ISO."""
    situation = resultat.situation
    return {
        "au": resultat.au.isoformat(),
        "lignes": [{
            "nature": ligne.nature,
            "date": ligne.date.isoformat() if ligne.date else None,
            "libelle": ligne.libelle,
            "montant": en_chaine(ligne.montant),
            "detail": ligne.detail,
            "references": list(ligne.references),
            "a_verifier": ligne.a_verifier,
        } for ligne in resultat.lignes],
        "reste_du": {
            "capital": {code: en_chaine(v) for code, v in situation.reste_capital.items()},
            "interets": {code: en_chaine(v) for code, v in situation.reste_interets.items()},
            "frais": en_chaine(sum((reste for _, reste in situation.reste_frais), ZERO)),
            "trop_percu": en_chaine(situation.trop_percu),
        },
        "total_du": en_chaine(resultat.total_du),
    }


def en_texte(resultat: Decompte) -> str:
    """Décompte lisible : une ligne par poste, son montant, son détail et ses références."""
    sortie = [f"Décompte arrêté au {_fr(resultat.au)}", ""]
    reserves = []
    for ligne in resultat.lignes:
        marque = ""
        if ligne.a_verifier:
            if ligne.a_verifier not in reserves:
                reserves.append(ligne.a_verifier)
            marque = f" [{reserves.index(ligne.a_verifier) + 1}]"
        sortie.append(f"{ligne.libelle:<78} {formater(ligne.montant, ' '):>12} €{marque}")
        precisions = [x for x in (ligne.detail, ", ".join(ligne.references)) if x]
        if precisions:
            sortie.append(f"    {' — '.join(precisions)}")
    sortie += ["", f"{'TOTAL DÛ':<78} {formater(resultat.total_du, ' '):>12} €"]
    if reserves:
        sortie += ["", "Taux non vérifiés dans un texte officiel :"]
        sortie += [f"  [{i}] {reserve}" for i, reserve in enumerate(reserves, 1)]
    return "\n".join(sortie) + "\n"


def en_docx(resultat: Decompte) -> bytes:
    """Tableau Word du décompte (libellé, montant), prêt à coller dans un acte."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph(f"Décompte arrêté au {_fr(resultat.au)}")
    tableau = document.add_table(rows=0, cols=2)
    tableau.style = "Table Grid"
    for libelle, montant in [*((ligne.libelle, ligne.montant) for ligne in resultat.lignes if ligne.montant),
                             ("TOTAL DÛ", resultat.total_du)]:
        cellules = tableau.add_row().cells
        cellules[0].text = libelle
        cellules[1].text = f"{formater(montant)} €"
    tampon = io.BytesIO()
    document.save(tampon)
    return tampon.getvalue()
