"""Computation des délais de procédure (CPC:640 à 647) : échéance, délais à rebours, fenêtre de signification.

Chaque calcul rend ses étapes, chacune avec son article, pour qu'un clerc puisse refaire le raisonnement.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from .dates import en_lettres
from .duree import Duree, en_duree
from .feries import est_ferie, est_jour_ouvrable, fete_ecartee, jour_ferie, raison_non_ouvrable
from .distance import augmentation_distance, hors_des_versions
from .lieux import lire_demeurant, lire_lieu


@dataclass(frozen=True)
class Etape:
    """Un pas du calcul : l'article appliqué et ce qu'il a produit, en français."""

    article: str
    texte: str


@dataclass(frozen=True)
class Echeance:
    """Résultat d'un calcul de délai : date, point de départ, durée (augmentée s'il y a lieu) et étapes."""

    depart: dt.date
    duree: Duree
    date: dt.date
    etapes: tuple[Etape, ...]
    lieu: str = ""
    demeurant: str | None = None
    augmentation: Duree | None = None
    a_verifier: tuple[str, ...] = field(default=())


def ajouter_mois(jour: dt.date, mois: int) -> dt.date:
    """Même quantième `mois` mois plus tard (ou plus tôt si négatif), sinon dernier jour du mois (CPC:641 al. 2)."""
    rang = jour.year * 12 + (jour.month - 1) + mois
    annee, mois_cible = divmod(rang, 12)
    dernier = calendar.monthrange(annee, mois_cible + 1)[1]
    return dt.date(annee, mois_cible + 1, min(jour.day, dernier))


def _compter(depart: dt.date, duree: Duree, etapes: list[Etape]) -> dt.date:
    jour = depart
    if duree.total_mois:
        jour = ajouter_mois(depart, duree.total_mois)
        quantieme = "même quantième" if jour.day == depart.day else "pas de même quantième : dernier jour du mois"
        unite = f"{duree.total_mois} mois" if not duree.annees or duree.mois else str(Duree(annees=duree.annees))
        etapes.append(Etape("CPC:641 al. 2", f"{en_lettres(depart, avec_jour=False)} + {unite} → "
                                              f"{en_lettres(jour, avec_jour=False)} ({quantieme})"))
    if duree.total_jours:
        avant = jour
        jour = jour + dt.timedelta(days=duree.total_jours)
        article = "CPC:641 al. 3" if duree.total_mois else "CPC:641 al. 1"
        semaines = f" ({duree.semaines} semaine{'s' if duree.semaines > 1 else ''} comptées 7 jours)" if duree.semaines else ""
        debut = "puis les jours : " if duree.total_mois else "le jour du départ ne compte pas : "
        etapes.append(Etape(article, f"{debut}{en_lettres(avant, avec_jour=False)} + {duree.total_jours} jours"
                                     f"{semaines} → {en_lettres(jour, avec_jour=False)}"))
    return jour


def echeance(depart: dt.date, duree: Duree | str, *, lieu: str | None, demeurant: str | None = None,
             pourvoi: bool = False) -> Echeance:
    """Dernier jour d'un délai, prorogé au premier jour ouvrable s'il y a lieu (CPC:640, 641, 642, 643, 644)."""
    duree = en_duree(duree)
    ou = lire_lieu(lieu)
    chez = lire_demeurant(demeurant)
    etapes = [Etape("CPC:640", f"point de départ : {en_lettres(depart)}")]
    a_verifier: list[str] = []
    augmentation, etape_distance = augmentation_distance(ou, chez, pourvoi=pourvoi, jour=depart)
    if etape_distance:
        etapes.append(etape_distance)
        if hors_des_versions(depart):
            a_verifier.append("délai parti avant la plus ancienne version de CPC:643 et 644 de "
                              "regles/recours/distance.yaml : augmentation calculée avec elle")
    total = duree + augmentation if augmentation else duree
    jour = _compter(depart, total, etapes)
    etapes.append(Etape("CPC:642 al. 1", f"le délai expire le {en_lettres(jour)} à 24 heures"))
    ecartee = fete_ecartee(jour, ou)
    if ecartee and jour.weekday() < 5:
        etapes.append(Etape("CPC:642 al. 2", f"{ecartee.nom} n'est pas retenu comme jour férié : {ecartee.raison}"))
        a_verifier.append(f"{ecartee.nom} ({jour.isoformat()}) : {ecartee.raison}")
    final = jour
    while not est_jour_ouvrable(final, ou):
        ferie = jour_ferie(final, ou)
        if ferie and ferie.a_verifier:
            a_verifier.append(f"{ferie.nom} ({final.isoformat()}) : {ferie.a_verifier}")
        final += dt.timedelta(days=1)
    if final != jour:
        raisons = []
        courant = jour
        while courant < final:
            raisons.append(f"{en_lettres(courant)} : {raison_non_ouvrable(courant, ou)}")
            courant += dt.timedelta(days=1)
        etapes.append(Etape("CPC:642 al. 2", "prorogé au premier jour ouvrable suivant ("
                                             + " ; ".join(raisons) + f") → {en_lettres(final)}"))
    return Echeance(depart=depart, duree=duree, date=final, etapes=tuple(etapes), lieu=ou.saisie,
                    demeurant=demeurant or None, augmentation=augmentation, a_verifier=tuple(a_verifier))


def echeance_a_rebours(evenement: dt.date, duree: Duree | str, *, lieu: str | None) -> Echeance:
    """Dernier jour où un acte peut encore être signifié « au moins [durée] avant » un évènement.

    Délai à rebours : ni le jour de l'évènement ni celui de l'échéance ne comptent (Cass. 2e civ. 20/10/2005,
    n° 04-10.138) et CPC:642 al. 2 ne proroge pas (Cass. 2e civ. 4/2/1998, n° 96-13.391) ; si ce jour est un
    dimanche ou un jour férié, où CPC:664 interdit de signifier, l'acte doit l'être la veille ou avant.
    """
    duree = en_duree(duree)
    ou = lire_lieu(lieu)
    etapes = [Etape("CPC:640", f"évènement : {en_lettres(evenement)} ; le délai se compte à rebours")]
    a_verifier = ["délais à rebours : règles jurisprudentielles relevées dans une source secondaire "
                  "(Cass. 2e civ. 20/10/2005, n° 04-10.138 ; 4/2/1998, n° 96-13.391), arrêts non lus"]
    jour = evenement
    if duree.total_mois:
        jour = ajouter_mois(evenement, -duree.total_mois)
        etapes.append(Etape("CPC:641 al. 2", f"{en_lettres(evenement, avec_jour=False)} − {duree.total_mois} mois → "
                                              f"{en_lettres(jour, avec_jour=False)} (même quantième, sinon dernier "
                                              "jour du mois)"))
        a_verifier.append("délai à rebours en mois : transposition de CPC:641 al. 2 non confirmée par un arrêt")
    if duree.total_jours:
        avant = jour
        jour = jour - dt.timedelta(days=duree.total_jours)
        etapes.append(Etape("CPC:641 al. 1", f"{en_lettres(avant, avec_jour=False)} − {duree.total_jours} jours → "
                                              f"{en_lettres(jour, avec_jour=False)} (le jour de l'évènement ne compte pas)"))
    jour -= dt.timedelta(days=1)
    etapes.append(Etape("CPC:641", f"délai franc : le jour de l'échéance ne compte pas non plus, l'acte doit être fait "
                                   f"au plus tard le {en_lettres(jour)} (Cass. 2e civ. 20/10/2005, n° 04-10.138)"))
    final = jour
    while final.weekday() == 6 or est_ferie(final, ou):
        final -= dt.timedelta(days=1)
    if final != jour:
        etapes.append(Etape("CPC:664", f"{en_lettres(jour)} : {raison_non_ouvrable(jour, ou)}, pas de signification ; "
                                       "CPC:642 ne proroge pas un délai à rebours (Cass. 2e civ. 4/2/1998, "
                                       f"n° 96-13.391) → au plus tard le {en_lettres(final)}"))
    else:
        etapes.append(Etape("CPC:642 al. 2", "sans objet : un délai à rebours n'est pas prorogé "
                                             "(Cass. 2e civ. 4/2/1998, n° 96-13.391)"))
    return Echeance(depart=evenement, duree=duree, date=final, etapes=tuple(etapes), lieu=ou.saisie,
                    a_verifier=tuple(a_verifier))


def signification_permise(moment: dt.datetime | dt.date, lieu: str | None) -> tuple[bool, str | None]:
    """Une signification est-elle permise à ce moment en ce lieu ? (CPC:664 : 6 h – 21 h, ni dimanche ni férié)."""
    jour = moment.date() if isinstance(moment, dt.datetime) else moment
    ou = lire_lieu(lieu)
    if jour.weekday() == 6:
        return False, f"le {en_lettres(jour)} est un dimanche (CPC:664)"
    ferie = jour_ferie(jour, ou)
    if ferie:
        return False, f"le {en_lettres(jour)} est un jour férié en ce lieu : {ferie.nom} (CPC:664)"
    if isinstance(moment, dt.datetime):
        from ..parametres import parametre

        heure = moment.time().replace(tzinfo=None)
        debut = dt.time.fromisoformat(parametre("heure_debut_signification").au(jour))
        fin = dt.time.fromisoformat(parametre("heure_fin_signification").au(jour))
        if heure < debut:
            return False, f"{heure:%H:%M} est avant {_heure_en_lettres(debut)} (CPC:664)"
        if heure > fin:
            return False, f"{heure:%H:%M} est après {_heure_en_lettres(fin)} (CPC:664)"
    return True, None


def _heure_en_lettres(heure: dt.time) -> str:
    """« six heures », « vingt et une heures »."""
    from num2words import num2words

    mot = num2words(heure.hour, lang="fr")
    mot = mot[:-2] + "une" if mot.endswith("un") else mot         # « vingt et une heures »
    return f"{mot} heure{'s' if heure.hour > 1 else ''}" + (
        f" {heure.minute:02d}" if heure.minute else "")
