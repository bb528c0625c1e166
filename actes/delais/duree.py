"""Durées de délais écrites à la française : « 15 jours », « un mois et quinze jours », « 6 semaines », « 1 an »."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..erreurs import EntreeInvalide

NOMBRE_MAX = 400

_UNITES = {
    "jour": "jours", "jours": "jours",
    "semaine": "semaines", "semaines": "semaines",
    "mois": "mois",
    "an": "annees", "ans": "annees", "annee": "annees", "annees": "annees",
}
_SEPARATEUR = re.compile(r"\s*(?:,|\bet\b|\+)?\s*")
_BLANCS = re.compile(r"\s*")
_MORCEAU = re.compile(r"([a-z0-9][a-z0-9 -]*?)\s+(jours|jour|semaines|semaine|mois|annees|annee|ans|an)(?![a-z])")


@dataclass(frozen=True)
class Duree:
    """Durée d'un délai ; les années et les semaines sont gardées pour l'affichage (CPC:641)."""

    annees: int = 0
    mois: int = 0
    semaines: int = 0
    jours: int = 0

    @property
    def total_mois(self) -> int:
        """Mois à compter selon CPC:641 al. 2 (une année = douze mois, même quantième)."""
        return self.annees * 12 + self.mois

    @property
    def total_jours(self) -> int:
        """Jours à compter selon CPC:641 al. 1 (une semaine = sept jours)."""
        return self.semaines * 7 + self.jours

    def est_nulle(self) -> bool:
        """Vrai si la durée ne compte ni mois ni jours."""
        return self.total_mois == 0 and self.total_jours == 0

    def __add__(self, autre: Duree) -> Duree:
        return Duree(self.annees + autre.annees, self.mois + autre.mois,
                     self.semaines + autre.semaines, self.jours + autre.jours)

    def __str__(self) -> str:
        morceaux = []
        for nombre, singulier, pluriel in ((self.annees, "an", "ans"), (self.mois, "mois", "mois"),
                                           (self.semaines, "semaine", "semaines"), (self.jours, "jour", "jours")):
            if nombre:
                morceaux.append(f"{nombre} {singulier if nombre == 1 else pluriel}")
        if not morceaux:
            return "0 jour"
        return morceaux[0] if len(morceaux) == 1 else ", ".join(morceaux[:-1]) + " et " + morceaux[-1]


def _sans_accents(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texte) if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=1)
def _nombres_en_lettres() -> dict[str, int]:
    from num2words import num2words

    table = {}
    for n in range(1, NOMBRE_MAX + 1):
        ecrit = _sans_accents(num2words(n, lang="fr"))
        table[ecrit] = n
        table[ecrit.replace("-", " ")] = n
    table["une"] = 1
    return table


def _nombre(texte: str) -> int | None:
    texte = texte.strip()
    if texte.isascii() and texte.isdigit():
        return int(texte) if len(texte) <= len(str(NOMBRE_MAX)) else NOMBRE_MAX + 1    # borné avant int()
    return _nombres_en_lettres().get(re.sub(r"\s+", " ", texte))


def lire_duree(texte: str) -> Duree:
    """Durée lue dans « 15 jours », « deux mois », « un mois et quinze jours », « 6 semaines », « 1 an »…"""
    if not isinstance(texte, str) or not texte.strip():
        raise EntreeInvalide("durée", "durée vide : écrire par exemple « 15 jours », « 1 mois » ou « 6 semaines »")
    normal = _sans_accents(texte.strip().lower()).replace("\u00a0", " ")
    valeurs: dict[str, int] = {}
    position = 0
    while position < len(normal):
        separateur = (_SEPARATEUR if valeurs else _BLANCS).match(normal, position)
        position = separateur.end()
        correspondance = _MORCEAU.match(normal, position)
        nombre = _nombre(correspondance.group(1)) if correspondance else None
        if correspondance is None or nombre is None:
            raise EntreeInvalide("durée", f"« {texte} » n'est pas une durée lisible : écrire par exemple « 15 jours », "
                                          "« 1 mois », « 2 mois et 15 jours », « 6 semaines » ou « 1 an »")
        position = correspondance.end()
        unite = _UNITES[correspondance.group(2)]
        if unite in valeurs:
            raise EntreeInvalide("durée", f"« {texte} » : l'unité « {correspondance.group(2)} » est répétée")
        if nombre > NOMBRE_MAX:
            ecrit = correspondance.group(1).strip()
            raise EntreeInvalide("durée", f"« {texte[:60]} » : {ecrit[:20] + '…' if len(ecrit) > 20 else ecrit} "
                                          f"dépasse {NOMBRE_MAX}")
        valeurs[unite] = nombre
    duree = Duree(**valeurs)
    if duree.est_nulle():
        raise EntreeInvalide("durée", f"« {texte} » : une durée de délai ne peut être nulle")
    return duree


def en_duree(valeur: Duree | str) -> Duree:
    """`Duree` telle quelle, ou lue depuis son écriture française."""
    return valeur if isinstance(valeur, Duree) else lire_duree(valeur)
