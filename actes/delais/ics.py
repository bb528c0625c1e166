"""Export iCalendar (RFC 5545) du plan des échéances : un évènement d'une journée par échéance, article en description."""
from __future__ import annotations

import datetime as dt
import hashlib

from .plan import Plan

PRODID = "-//actes//plan des echeances//FR"


def en_ics(plan: Plan) -> bytes:
    """Fichier .ics importable (Outlook, Thunderbird, Google Agenda) ; mêmes entrées, mêmes octets."""
    from icalendar import Alarm, Calendar, Event

    calendrier = Calendar()
    calendrier.add("prodid", PRODID)
    calendrier.add("version", "2.0")
    calendrier.add("calscale", "GREGORIAN")
    calendrier.add("x-wr-calname", f"Échéances — {plan.dossier}")
    for entree in plan.entrees:
        cle = f"{plan.dossier}|{entree.code}|{entree.evenement.rang}|{entree.date.isoformat()}"
        evenement = Event()
        evenement.add("uid", hashlib.sha256(cle.encode("utf-8")).hexdigest()[:32] + "@actes")
        # horodatage dérivé de l'évènement du dossier (et non de l'heure courante) : sortie reproductible
        evenement.add("dtstamp", dt.datetime.combine(entree.evenement.date, dt.time(0, 0), tzinfo=dt.timezone.utc))
        evenement.add("dtstart", entree.date)
        evenement.add("dtend", entree.date + dt.timedelta(days=1))
        evenement.add("summary", f"{entree.titre} — {plan.dossier}")
        lignes = [entree.message, f"Fondement : {', '.join(entree.references)}",
                  f"Évènement : {entree.evenement.type} du {entree.evenement.date.isoformat()}"]
        lignes += [f"{etape.article} : {etape.texte}" for etape in entree.etapes]
        if entree.statut:
            lignes.append(f"Statut : {entree.statut}")
        lignes += [f"À vérifier : {point}" for point in entree.a_verifier]
        evenement.add("description", "\n".join(lignes))
        evenement.add("categories", [entree.sorte])
        evenement.add("transp", "TRANSPARENT")
        if entree.sorte == "echeance":
            rappel = Alarm()
            rappel.add("action", "DISPLAY")
            rappel.add("description", f"Échéance : {entree.titre}")
            rappel.add("trigger", dt.timedelta(days=-3))
            evenement.add_component(rappel)
        calendrier.add_component(evenement)
    return calendrier.to_ical()
