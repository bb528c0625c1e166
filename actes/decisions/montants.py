"""Montants écrits dans une décision : en chiffres (« 1.234,56 € », « 1 234,56 euros ») ou en lettres."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")

MONTANT = re.compile(
    r"(?<![\d/])(?P<entier>\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(?P<dec>\d{1,2})|\.(?P<decp>\d{1,2}))?(?!\d)"
    r"\s*(?P<unite>€|euros?\b|EUR\b)", re.I)

UNITES = {"zero": 0, "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
          "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
          "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
          "septante": 70, "octante": 80, "huitante": 80, "nonante": 90}
MOTS_NOMBRE = set(UNITES) | {"cent", "cents", "mille", "million", "millions", "et"}
EN_LETTRES = re.compile(
    r"(?P<euros>(?:(?:" + "|".join(sorted(MOTS_NOMBRE, key=len, reverse=True)) + r")[\s-]+)+)euros?"
    r"(?:\s+et\s+(?P<centimes>(?:(?:" + "|".join(sorted(MOTS_NOMBRE, key=len, reverse=True)) + r")[\s-]+)+)centimes?)?",
    re.I)


def arrondir(valeur: Decimal) -> Decimal:
    """Arrondi au centime, au plus proche, la moitié vers le haut (ROUND_HALF_UP)."""
    return valeur.quantize(CENT, rounding=ROUND_HALF_UP)


def en_chaine(valeur: Decimal) -> str:
    """Montant en chaîne à deux décimales, « 1234.56 »."""
    return f"{arrondir(valeur):.2f}"


def nombre_en_lettres(mots: str) -> int | None:
    """Entier écrit en lettres françaises (« douze mille sept cent trente-six ») ; None si illisible."""
    jetons = [j for j in re.split(r"[\s-]+", mots.lower().strip()) if j and j != "et"]
    if not jetons:
        return None
    total, courant = 0, 0
    for jeton in jetons:
        if jeton in UNITES:
            if jeton.startswith("vingt") and courant % 100 in (4,):
                courant = courant - 4 + 80          # quatre-vingt(s)
            else:
                courant += UNITES[jeton]
        elif jeton in ("cent", "cents"):
            courant = (courant or 1) * 100
        elif jeton == "mille":
            total += (courant or 1) * 1000
            courant = 0
        elif jeton in ("million", "millions"):
            total += (courant or 1) * 1_000_000
            courant = 0
        else:
            return None
    return total + courant


def lire_chiffres(correspondance: re.Match) -> Decimal:
    """Valeur d'un montant en chiffres trouvé par `MONTANT`."""
    entier = re.sub(r"[ .]", "", correspondance.group("entier"))
    decimales = correspondance.group("dec") or correspondance.group("decp") or "0"
    return arrondir(Decimal(f"{entier}.{decimales.ljust(2, '0')}"))


def trouver_montants(texte: str) -> list[tuple[int, int, Decimal]]:
    """Montants du texte (début, fin, valeur) ; un montant en lettres qui répète le précédent entre parenthèses est ignoré."""
    trouves = [(m.start(), m.end(), lire_chiffres(m)) for m in MONTANT.finditer(texte)]
    for m in EN_LETTRES.finditer(texte):
        euros = nombre_en_lettres(m.group("euros"))
        if euros is None:
            continue
        centimes = nombre_en_lettres(m.group("centimes")) if m.group("centimes") else 0
        valeur = arrondir(Decimal(euros) + Decimal(centimes or 0) / 100)
        avant = texte[max(0, m.start() - 3):m.start()]
        if any(abs(d - m.start()) < 40 and v == valeur for d, _f, v in trouves) or "(" in avant:
            continue
        trouves.append((m.start(), m.end(), valeur))
    return sorted(trouves)
