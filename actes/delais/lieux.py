"""Lieux : code postal, département ou pays → territoire, jours fériés applicables et délais de distance.

Choix documentés :
- un code postal 57xxx, 67xxx ou 68xxx relève de l'Alsace-Moselle (CT:L3134-13) ; `holidays` nomme « 57 » la Moselle
  et « 6AE » le Bas-Rhin et le Haut-Rhin (les codes 67 et 68 n'y existent pas) ;
- 97133 est Saint-Barthélemy et 97150 Saint-Martin : ces collectivités ont quitté la Guadeloupe en 2007 et ont leurs
  propres journées de l'abolition de l'esclavage (CT:L3422-2) ; les codes INSEE 977 et 978 sont acceptés aussi ;
- les autres 971xx sont la Guadeloupe ; 975xx Saint-Pierre-et-Miquelon ; 984 TAAF, 986 Wallis-et-Futuna,
  987 Polynésie française, 988 Nouvelle-Calédonie ; 980xx (Monaco) est l'étranger ;
- un lieu vide (None ou "") désigne la France métropolitaine sans jour férié local.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..erreurs import EntreeInvalide

METROPOLE = "metropole"
ETRANGER = "etranger"

# territoire → (libellé, subdivision `holidays`) ; le libellé des territoires d'outre-mer est celui de la table des
# distances (regles/recours/distance.yaml), qui dit aussi lesquels ouvrent une augmentation de délai (CPC:643, 644).
TERRITOIRES = {
    METROPOLE: ("France métropolitaine", None),
    "57": ("Moselle", "57"),
    "67": ("Bas-Rhin", "6AE"),
    "68": ("Haut-Rhin", "6AE"),
    "971": (None, "971"),
    "972": (None, "972"),
    "973": (None, "973"),
    "974": (None, "974"),
    "975": (None, "PM"),
    "976": (None, "976"),
    "977": (None, "BL"),
    "978": (None, "MF"),
    "984": (None, "TF"),
    "986": (None, "WF"),
    "987": (None, "PF"),
    "988": (None, "NC"),
}
ALSACE_MOSELLE = frozenset({"57", "67", "68"})
# codes ISO 3166-1 des territoires d'outre-mer (pour `demeurant`)
ISO_OUTRE_MER = {"GP": "971", "MQ": "972", "GF": "973", "RE": "974", "PM": "975", "YT": "976", "BL": "977",
                 "MF": "978", "TF": "984", "WF": "986", "PF": "987", "NC": "988", "FR": METROPOLE, "FX": METROPOLE}


@dataclass(frozen=True)
class Lieu:
    """Un lieu résolu : territoire (département d'Alsace-Moselle, collectivité d'outre-mer, métropole ou étranger)."""

    saisie: str
    territoire: str
    departement: str | None = None
    pays: str | None = None

    @property
    def libelle(self) -> str:
        """Nom du lieu en français."""
        if self.territoire == ETRANGER:
            return f"étranger ({nom_pays(self.pays)})"
        from .distance import nom_du_territoire

        nom = TERRITOIRES[self.territoire][0] or nom_du_territoire(self.territoire)
        if self.territoire == METROPOLE and self.departement:
            return f"{nom} (département {self.departement})"
        return nom

    @property
    def subdivision(self) -> str | None:
        """Subdivision de la bibliothèque `holidays` dont les jours fériés locaux s'appliquent."""
        return None if self.territoire == ETRANGER else TERRITOIRES[self.territoire][1]

    @property
    def est_etranger(self) -> bool:
        """Vrai hors de France."""
        return self.territoire == ETRANGER

    @property
    def est_outre_mer(self) -> bool:
        """Vrai pour un département ou une collectivité d'outre-mer."""
        from .distance import est_outre_mer

        return est_outre_mer(self.territoire)


def _territoire_du_departement(departement: str) -> str:
    if departement in TERRITOIRES:
        return departement
    return METROPOLE


def _departement_du_code_postal(code: str) -> str:
    if code == "97133":
        return "977"
    if code == "97150":
        return "978"
    if code.startswith(("97", "98")):
        return code[:3]
    if code.startswith("20"):
        return "2A" if code[:3] in ("200", "201") else "2B"
    return code[:2]


def _departement_valide(departement: str) -> bool:
    if departement in ("2A", "2B") or departement in TERRITOIRES:
        return True
    return departement.isdigit() and len(departement) == 2 and 1 <= int(departement) <= 95 and departement != "20"


def lire_lieu(lieu: str | None, *, champ: str = "lieu") -> Lieu:
    """Lieu français d'un acte : code postal, code de département, ou vide pour la métropole sans fête locale."""
    saisie = (lieu or "").strip().upper()
    if not saisie:
        return Lieu("", METROPOLE)
    if re.fullmatch(r"\d{5}", saisie):
        if saisie.startswith("980"):
            raise EntreeInvalide(champ, f"« {lieu} » est un code postal de Monaco, pas un lieu en France")
        departement = _departement_du_code_postal(saisie)
    elif re.fullmatch(r"\d{2,3}|2[AB]", saisie):
        departement = saisie
    else:
        raise EntreeInvalide(champ, f"« {lieu} » n'est ni un code postal (5 chiffres) ni un code de département "
                                    "(« 57 », « 2A », « 971 »)")
    if not _departement_valide(departement):
        raise EntreeInvalide(champ, f"« {lieu} » : département « {departement} » inconnu")
    return Lieu(saisie, _territoire_du_departement(departement), departement)


def _normaliser(texte: str) -> str:
    texte = "".join(c for c in unicodedata.normalize("NFD", texte) if unicodedata.category(c) != "Mn")
    return re.sub(r"[\s'’-]+", " ", texte.lower()).strip()


@lru_cache(maxsize=1)
def _pays() -> dict[str, str]:
    """Nom français normalisé ou code ISO alpha-2 → code ISO alpha-2 (noms du CLDR, via babel)."""
    from babel import Locale

    table: dict[str, str] = {}
    for code, nom in Locale("fr").territories.items():
        if re.fullmatch(r"[A-Z]{2}", code) and code not in ("ZZ", "EU", "EZ", "UN", "QO"):
            table[_normaliser(nom)] = code
            table[code.lower()] = code
    return table


def nom_pays(code: str | None) -> str:
    """Nom français d'un pays d'après son code ISO alpha-2 (CLDR, via babel)."""
    from babel import Locale

    return Locale("fr").territories.get(code or "", code or "pays inconnu")


def lire_demeurant(demeurant: str | None) -> Lieu | None:
    """Lieu où demeure le destinataire : code postal, département, pays (nom français ou code ISO) ; None si absent."""
    if demeurant is None or not str(demeurant).strip():
        return None
    texte = str(demeurant).strip()
    if re.fullmatch(r"980\d\d", texte):
        return Lieu(texte, ETRANGER, pays="MC")
    if re.fullmatch(r"\d{2,5}|2[aAbB]", texte):
        return lire_lieu(texte, champ="demeurant")
    code = _pays().get(_normaliser(texte))
    if code is None:
        raise EntreeInvalide("demeurant", f"« {demeurant} » n'est ni un code postal ni un pays reconnu "
                                          "(nom en français ou code ISO à deux lettres : « Belgique », « BE »)")
    if code in ISO_OUTRE_MER:
        territoire = ISO_OUTRE_MER[code]
        return Lieu(texte, territoire, None if territoire == METROPOLE else territoire)
    return Lieu(texte, ETRANGER, pays=code)
