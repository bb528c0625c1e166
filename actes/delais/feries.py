"""Jours fériés ou chômés d'un lieu (CT:L3133-1, L3134-13, L3422-2) et jours ouvrables au sens de CPC:642.

Les dates viennent de la bibliothèque `holidays` (Pâques, Ascension, jours locaux, historique) ; le tri entre jours
retenus et jours écartés est une donnée : `regles/calendrier/jours-feries.yaml`.

Sens de « jour ouvrable » : ici, un jour où un délai peut expirer selon CPC:642 al. 2, c'est-à-dire ni samedi, ni
dimanche, ni jour férié ou chômé du lieu. Le samedi est exclu parce que CPC:642 proroge au « premier jour ouvrable
suivant » un délai qui expire un samedi : le code du travail compte le samedi parmi les jours ouvrables, mais lire
ainsi 642 rendrait la prorogation du samedi sans objet.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
import threading

from ..donnees import lire_yaml
from ..erreurs import RegleInvalide
from ..ressources import dossier_regles
from .lieux import Lieu, lire_lieu

FICHIER = "calendrier/jours-feries.yaml"


@dataclass(frozen=True)
class JourFerie:
    """Un jour férié ou chômé d'un lieu, avec le texte qui le qualifie tel."""

    jour: dt.date
    nom: str
    references: tuple[str, ...]
    a_verifier: str | None = None


@dataclass(frozen=True)
class FeteEcartee:
    """Un jour que `holidays` donne comme férié local mais qu'aucun texte trouvé ne qualifie tel."""

    jour: dt.date
    nom: str
    raison: str


@lru_cache(maxsize=1)
def _table() -> dict:
    chemin = dossier_regles() / FICHIER
    contenu = lire_yaml(chemin)
    if not isinstance(contenu, dict) or "subdivisions" not in contenu or "nationaux" not in contenu:
        raise RegleInvalide(chemin, "il faut les clés « nationaux » et « subdivisions »")
    return contenu


def _date_regle(regle: str, annee: int) -> dt.date:
    from dateutil.easter import easter

    if regle.startswith("paques+"):
        return easter(annee) + dt.timedelta(days=int(regle.removeprefix("paques+")))
    mois, jour = regle.split("-")
    return dt.date(annee, int(mois), int(jour))


def _ajoutes(entrees, annee: int) -> list[JourFerie]:
    resultat = []
    for entree in entrees or ():
        annees = entree.get("annees") or {}
        if annees.get("depuis", annee) <= annee <= annees.get("jusqu_a", annee):
            resultat.append(JourFerie(_date_regle(str(entree["regle"]), annee), entree["nom"],
                                      tuple(entree.get("references", ())), entree.get("a_verifier")))
    return resultat


_VERROU_FRANCE = threading.Lock()


@lru_cache(maxsize=1)
def _france():
    """La classe `holidays.France` sans les quelque 250 autres pays : `holidays.countries/__init__.py` les importe
    tous (0,2 s au démarrage) ; on importe seulement son module `france`, le paquet `countries` vide le temps de
    l'import (ensuite `holidays.countries` se charge normalement). Sous verrou : deux fils (le service) ne doivent pas
    voir le paquet vide l'un de l'autre."""
    with _VERROU_FRANCE:
        return _france_seule()


def _france_seule():
    import importlib.util
    import sys
    import types

    if "holidays.countries" in sys.modules:
        from holidays.countries.france import France
        return France
    import holidays

    paquet = types.ModuleType("holidays.countries")
    paquet.__path__ = list(importlib.util.find_spec("holidays.countries").submodule_search_locations)
    sys.modules["holidays.countries"] = paquet
    try:
        from holidays.countries.france import France
    finally:
        if sys.modules.get("holidays.countries") is paquet:
            del sys.modules["holidays.countries"]
        if getattr(holidays, "countries", None) is paquet:
            del holidays.countries
    return France


@lru_cache(maxsize=256)
def _jours_de_l_annee(subdivision: str | None, annee: int) -> tuple[dict[dt.date, JourFerie], dict[dt.date, FeteEcartee]]:
    France = _france()
    table = _table()
    chemin = dossier_regles() / FICHIER
    nationaux = France(years=annee, language="en_US")
    noms_fr = France(years=annee, language="fr", subdiv=subdivision)
    a_verifier_par_nom = table["nationaux"].get("a_verifier_par_nom") or {}
    references = tuple(table["nationaux"].get("references", ()))
    retenus: dict[dt.date, JourFerie] = {}
    for jour, nom in nationaux.items():
        douteux = next((a_verifier_par_nom[n] for n in nom.split("; ") if n in a_verifier_par_nom), None)
        retenus[jour] = JourFerie(jour, noms_fr.get(jour, nom), references, douteux)
    for ferie in _ajoutes(table["nationaux"].get("ajoutes"), annee):
        retenus.setdefault(ferie.jour, ferie)
    ecartes: dict[dt.date, FeteEcartee] = {}
    if subdivision is None:
        return retenus, ecartes
    regles = table["subdivisions"].get(subdivision)
    if regles is None:
        raise RegleInvalide(chemin, f"subdivision « {subdivision} » absente : trancher ses jours fériés locaux")
    gardes, refuses = regles.get("retenus") or {}, regles.get("ecartes") or {}
    for jour, nom in France(subdiv=subdivision, years=annee, language="en_US").items():
        if jour in nationaux:
            continue
        for nom_local in nom.split("; "):
            if nom_local in gardes:
                regle = gardes[nom_local]
                retenus[jour] = JourFerie(jour, regle["nom"], tuple(regle.get("references", ())),
                                          regle.get("a_verifier"))
            elif nom_local in refuses:
                ecartes[jour] = FeteEcartee(jour, noms_fr.get(jour, nom_local), str(refuses[nom_local]))
            else:
                raise RegleInvalide(chemin, f"fête « {nom_local} » de la subdivision {subdivision} ni retenue ni "
                                            "écartée : trancher son statut au regard de CPC:642")
    for ferie in _ajoutes(regles.get("ajoutes"), annee):
        retenus.setdefault(ferie.jour, ferie)
    return retenus, ecartes


def _lieu(lieu: str | Lieu | None) -> Lieu:
    return lieu if isinstance(lieu, Lieu) else lire_lieu(lieu)


def jour_ferie(jour: dt.date, lieu: str | Lieu | None) -> JourFerie | None:
    """Le jour férié ou chômé retenu à cette date et en ce lieu, ou None (CT:L3133-1, L3134-13, L3422-2)."""
    return _jours_de_l_annee(_lieu(lieu).subdivision, jour.year)[0].get(jour)


def fete_ecartee(jour: dt.date, lieu: str | Lieu | None) -> FeteEcartee | None:
    """La fête locale sans texte trouvé tombant ce jour-là en ce lieu, ou None."""
    return _jours_de_l_annee(_lieu(lieu).subdivision, jour.year)[1].get(jour)


def est_ferie(jour: dt.date, lieu: str | Lieu | None) -> bool:
    """Vrai si le jour est férié ou chômé au lieu donné (CT:L3133-1, L3134-13, L3422-2)."""
    return jour_ferie(jour, lieu) is not None


def nom_ferie(jour: dt.date, lieu: str | Lieu | None) -> str | None:
    """Nom français du jour férié retenu, ou None."""
    ferie = jour_ferie(jour, lieu)
    return ferie.nom if ferie else None


def est_jour_ouvrable(jour: dt.date, lieu: str | Lieu | None) -> bool:
    """Vrai si un délai peut expirer ce jour-là : ni samedi, ni dimanche, ni jour férié ou chômé (CPC:642 al. 2)."""
    return jour.weekday() < 5 and not est_ferie(jour, lieu)


def premier_jour_ouvrable_suivant(jour: dt.date, lieu: str | Lieu | None) -> dt.date:
    """Premier jour ouvrable strictement après `jour` (CPC:642 al. 2)."""
    lieu = _lieu(lieu)
    suivant = jour + dt.timedelta(days=1)
    while not est_jour_ouvrable(suivant, lieu):
        suivant += dt.timedelta(days=1)
    return suivant


def raison_non_ouvrable(jour: dt.date, lieu: str | Lieu | None) -> str | None:
    """Pourquoi le jour n'est pas ouvrable (« samedi », « dimanche », « jour férié : Noël »), ou None."""
    ferie = jour_ferie(jour, lieu)
    if ferie:
        return f"jour férié ({ferie.nom})"
    if jour.weekday() == 5:
        return "samedi"
    if jour.weekday() == 6:
        return "dimanche"
    return None


def verifier_table(annees: range = range(1984, 2041)) -> None:
    """Charge toutes les subdivisions sur une plage d'années : une fête locale non tranchée lève `RegleInvalide`."""
    for subdivision in [None, *_table()["subdivisions"]]:
        for annee in annees:
            _jours_de_l_annee(subdivision, annee)
