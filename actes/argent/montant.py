"""Montants en euros : arrondi au cent (demi supérieur), lecture des saisies, écriture à la française."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ..erreurs import EntreeInvalide

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
MONTANT_MAX = Decimal("1e12")      # borne de saisie, mille milliards d euros : au-delà, une faute de frappe
_ESPACES = " \u00a0\u202f"


def arrondir(valeur: Decimal) -> Decimal:
    """Arrondi au cent, au demi supérieur (ROUND_HALF_UP) : la seule règle d'arrondi du paquet."""
    return valeur.quantize(CENT, rounding=ROUND_HALF_UP)


def en_chaine(valeur: Decimal) -> str:
    """Montant pour le JSON : chaîne à deux décimales, point décimal (« 1234.56 »)."""
    return str(arrondir(valeur))


def formater(valeur: Decimal, separateur: str = "\u00a0") -> str:
    """Montant à la française : « 1 234,56 » (séparateur des milliers au choix)."""
    signe = "-" if valeur < 0 else ""
    entier, decimales = f"{abs(arrondir(valeur)):f}".split(".")
    groupes = []
    while len(entier) > 3:
        groupes.insert(0, entier[-3:])
        entier = entier[:-3]
    groupes.insert(0, entier)
    return f"{signe}{separateur.join(groupes)},{decimales}"


def formater_taux(taux: Decimal) -> str:
    """Taux à la française, sans zéros inutiles au-delà de deux décimales : « 8,01 % »."""
    normal = taux.normalize()
    if -normal.as_tuple().exponent < 2:
        normal = taux.quantize(CENT)
    return f"{normal:f}".replace(".", ",") + " %"


def lire_montant(texte: str | Decimal | int, chemin: str = "montant", *, positif: bool = True) -> Decimal:
    """Montant saisi (« 12500 », « 12 500,50 », « 12500.50 ») ; négatif ou mal formé : `EntreeInvalide`."""
    if isinstance(texte, Decimal | int) and not isinstance(texte, bool):
        valeur = Decimal(texte)
    elif isinstance(texte, str):
        brut = texte.strip().replace("€", "").strip()
        for espace in _ESPACES:
            brut = brut.replace(espace, "")
        if re.fullmatch(r"-?\d+(,\d+)?", brut):
            brut = brut.replace(",", ".")
        elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", brut):
            brut = brut.replace(".", "").replace(",", ".")
        elif not re.fullmatch(r"-?\d+(\.\d+)?", brut):
            raise EntreeInvalide(chemin, f"« {texte} » n'est pas un montant (exemple : 12500 ou 12 500,50)")
        try:
            valeur = Decimal(brut)
        except InvalidOperation:
            raise EntreeInvalide(chemin, f"« {texte} » n'est pas un montant") from None
    else:
        raise EntreeInvalide(chemin, f"« {texte} » n'est pas un montant : l'écrire entre guillemets (« 1234.56 »)")
    if not valeur.is_finite() or abs(valeur) >= MONTANT_MAX:
        raise EntreeInvalide(chemin, f"montant démesuré « {str(texte)[:40]} » (limite : {formater(MONTANT_MAX - 1, ' ')} €)")
    if positif and valeur < 0:
        raise EntreeInvalide(chemin, f"le montant {texte} est négatif")
    if valeur != valeur.quantize(CENT) and positif:
        raise EntreeInvalide(chemin, f"le montant {texte} a plus de deux décimales")
    return valeur


def lire_taux(texte: str | Decimal, chemin: str = "taux") -> Decimal:
    """Taux annuel en pour cent (« 4,5 » ou « 4.5 ») ; négatif ou supérieur à 100 : `EntreeInvalide`."""
    brut = str(texte).strip().rstrip("%").strip().replace(",", ".")
    try:
        if not re.fullmatch(r"\d{1,3}(\.\d{1,6})?", brut):      # ni notation 1e-30, ni 40 décimales
            raise InvalidOperation
        valeur = Decimal(brut)
    except InvalidOperation:
        raise EntreeInvalide(chemin, f"« {texte} » n'est pas un taux (exemple : 4,5 pour 4,5 %)") from None
    if not valeur.is_finite() or valeur < 0 or valeur > 100:
        raise EntreeInvalide(chemin, f"le taux {texte} doit être compris entre 0 et 100 %")
    return valeur


def lire_date(texte: str | dt.date, chemin: str = "date") -> dt.date:
    """Date AAAA-MM-JJ ou JJ/MM/AAAA ; sinon `EntreeInvalide` (le lecteur commun, `actes.delais.dates`)."""
    from ..delais.dates import lire_date as lire

    return lire(texte, chemin)


def ajouter_mois(jour: dt.date, mois: int) -> dt.date:
    """Même quantième `mois` mois plus tard ; à défaut, le dernier jour du mois (31/12 + 2 mois = 28 ou 29/2)."""
    annee, mois_cible = divmod(jour.year * 12 + jour.month - 1 + mois, 12)
    dernier = calendar.monthrange(annee, mois_cible + 1)[1]
    return dt.date(annee, mois_cible + 1, min(jour.day, dernier))
