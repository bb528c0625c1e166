"""Dispositif d'une décision : condamnations, exécution provisoire, matière (CPC:514, CPC:537, CCOM:R661-3)."""
from __future__ import annotations

import re

from .dates import DATE, lire_date
from .montants import en_chaine, trouver_montants

CONDAMNE = re.compile(r"\bcondamn(?:e|ons|ent)\b|\bfixation\s+au\s+passif|\bfixe\b[^;]{0,80}\bpassif", re.I)


def zone(texte: str) -> tuple[str, str | None]:
    """Texte du dispositif (après le dernier « PAR CES MOTIFS »), ou la raison de son absence."""
    i = texte.upper().rfind("PAR CES MOTIFS")
    if i < 0:
        return "", "pas de dispositif « PAR CES MOTIFS » trouvé"
    return texte[i:], None


VERBE_CHEF = (r"(?:Y\s+ajoutant|Statuant|Confirm|Infirm|Condamn|D[ée]clar|Dit\b|Disons|Rejet|D[ée]bout|Ordonn|Rappel|Fix|"
              r"Laiss|Renvoi|Constat|Donn|CONFIRM|INFIRM|CONDAMN|D[ÉE]CLAR|DIT\b|REJET|D[ÉE]BOUT|ORDONN|RAPPEL)")


def chefs(dispositif: str) -> list[str]:
    """Chefs du dispositif : un paragraphe ou une phrase terminée par « ; » ou « . »."""
    morceaux = re.split(r";\s*\n|\.\s*\n|\n\s*\n|;\s+(?=[A-ZÉ])|,\s*\n(?=\s*" + VERBE_CHEF + ")", dispositif)
    return [re.sub(r"\s*\n\s*", " ", m).strip() for m in morceaux if m.strip()]


def _objet(texte: str) -> str:
    t = texte.lower()
    for objet, motif in (("article_700", r"article\s+700"), ("astreinte", r"astreinte"),
                         ("indemnite_occupation", r"indemnit[ée] d'occupation"), ("provision", r"provision"), ("dommages_interets", r"dommages"),
                         ("fixation_au_passif", r"passif")):
        if re.search(motif, t):
            return objet
    return "principal"


NON_PRONONCE = re.compile(r"(?:soit\s+(?:un\s+total\s+de|au\s+total)|sur\s+le\s+montant\s+de|dans\s+la\s+limite\s+de(?:\s+la\s+somme\s+de)?|"
                          r"d[ée]duction\s+(?:faite\s+)?des?\s+provisions?\s+(?:d[ée]j[àa]\s+)?vers[ée]es\s+(?:à\s+hauteur\s+de)?|"
                          r"(?:à\s+)?concurrence\s+d'un\s+montant\s+maximal\s+de)\s*$", re.I)
CONFIRME_SAUF = re.compile(r"\bsauf\s+en\s+ce\s+qu'(?:il|elle)s?\b.{0,3000}?(?=statuant\s+(?:de|à)\s+nouveau|y\s+ajoutant)", re.I | re.S)


def condamnations(dispositif: str) -> list[dict]:
    """Chaque somme ou charge prononcée : objet, libellé tel qu'écrit, montant (« 1234.56 » ou None), depuis."""
    resultat = []
    dispositif = CONFIRME_SAUF.sub(" ", dispositif)   # chefs du jugement déféré confirmés ou infirmés : pas prononcés ici
    for chef in chefs(dispositif):
        if not CONDAMNE.search(chef) or re.search(r"n'y\s+avoir\s+lieu\s+à\s+condamn", chef, re.I) and not re.search(r"\bcondamn(?:e|ons)\b", chef, re.I):
            continue
        montants = [(d, f, v) for d, f, v in trouver_montants(chef)
                    if not re.search(r"(liquid[ée]s?|dont|frais\s+de\s+greffe)[^,;]{0,40}$", chef[max(0, d - 60):d], re.I)
                    and not re.search(r"mensualit|chacune|capital\s+de|au\s+capital", chef[max(0, d - 40):d], re.I)
                    and not NON_PRONONCE.search(chef[max(0, d - 80):d])]
        for n, (debut, fin, valeur) in enumerate(montants):
            suite = chef[fin: montants[n + 1][0] if n + 1 < len(montants) else len(chef)]
            libelle_fin = montants[n + 1][0] if n + 1 < len(montants) else len(chef)
            libelle = chef[max(0, debut - 120):libelle_fin].strip()
            depuis = None
            if m := re.search(r"(?:à\s+compter\s+du|depuis\s+le|à\s+partir\s+du)\s+(" + DATE.pattern + ")", suite, re.I):
                jour = lire_date(DATE.search(m.group(1)))
                depuis = jour.isoformat() if jour else None
            fois = 1
            if re.match(r"\s*chacun\b", chef[fin:fin + 15], re.I):
                beneficiaires = re.search(r"payer\s+(?:à\s+)?(.*?)la\s+somme", chef[:debut], re.I)
                fois = 1 + len(re.findall(r"\bet\s+à\b|,\s*à\b", beneficiaires.group(1))) if beneficiaires else 2
            for _ in range(fois):
                resultat.append({"objet": "astreinte" if re.search(r"astreinte", suite[:80], re.I) else _objet(chef if len(montants) == 1 else libelle[-200:]),
                                 "libelle": libelle, "montant": None if re.search(r"\bpar\s+jour|astreinte", suite[:60], re.I)
                                 else en_chaine(valeur), "depuis": depuis, "preuve": chef})
        if re.search(r"d[ée]pens", chef, re.I) and re.search(r"\bcondamn\w*\b.*d[ée]pens|d[ée]pens[^;]{0,40}\bcondamn", chef, re.I):
            resultat.append({"objet": "depens", "libelle": chef, "montant": None, "depuis": None, "preuve": chef})
        elif not montants and re.search(r"indemnit[ée]|astreinte", chef, re.I):
            resultat.append({"objet": _objet(chef), "libelle": chef, "montant": None, "depuis": None, "preuve": chef})
    return resultat


def execution_provisoire(texte: str, dispositif: str, type_juridiction: str | None, type_decision: str | None,
                         matiere: str | None) -> tuple[str | None, str | None, str | None]:
    """Exécution provisoire : ordonnée, écartée, de droit (rappelée, ou CPC:514 si le dispositif se tait), ou None."""
    for chef in chefs(dispositif):
        if not re.search(r"ex[ée]cution\s+provisoire|ex[ée]cutoire", chef, re.I):
            continue
        if re.search(r"[ée]carte|n'y\s+avoir\s+lieu|exclu|pas\s+lieu|arr[êe]t", chef, re.I):
            return "ecartee", chef, None
        if re.search(r"de\s+(?:plein\s+)?droit|rappel", chef, re.I):
            return "de_droit", chef, None
        if re.search(r"ordonn", chef, re.I):
            return "ordonnee", chef, None
    if matiere == "mesure_administration_judiciaire":
        return None, None, "mesure d'administration judiciaire, sans recours : rien à exécuter provisoirement"
    if type_juridiction == "cour_d_appel" or type_decision in (None, "arret"):
        return None, None, "arrêt d'appel ou décision non identifiée : l'exécution provisoire ne se pose pas"
    introduction = re.search(r"(?:assignation|acte\s+(?:de\s+commissaire\s+de\s+justice|d'huissier)|exploit|requ[êe]te)"
                             r"[^.\n]{0,60}?(?:du|le|en\s+date\s+du|délivrée\s+le)\s*:?\s*(" + DATE.pattern + ")", texte, re.I)
    if introduction:
        jour = lire_date(DATE.search(introduction.group(1)))
        if jour and _de_droit(jour):
            return "de_droit", introduction.group(0), None
        if jour:
            return None, None, (f"instance introduite avant le {_depuis_de_droit():%d/%m/%Y} et dispositif muet : "
                                "l'exécution provisoire n'est pas de droit")
    return "de_droit", None, ("dispositif muet : décision de première instance, de droit exécutoire à titre provisoire "
                              f"(CPC:514) si l'instance a été introduite depuis le {_depuis_de_droit():%d/%m/%Y} — "
                              "date d'introduction non trouvée")


def _de_droit(introduction) -> bool:
    """Exécution provisoire de droit pour une instance introduite ce jour (CPC:514, paramètre daté)."""
    from ..parametres import parametre

    return bool(parametre("execution_provisoire_de_droit").au(introduction))


def _depuis_de_droit():
    """Date depuis laquelle l'exécution provisoire est de droit (CPC:514)."""
    from ..parametres import parametre

    return next(v.depuis for v in parametre("execution_provisoire_de_droit").valeurs if v.valeur)


def matiere(texte: str, dispositif: str, type_decision: str | None) -> tuple[str | None, str | None]:
    """Régime spécial : mesure d'administration judiciaire, procédure collective, matière gracieuse, requête rejetée."""
    essais = (("mesure_administration_judiciaire", r"mesure\s+d'administration\s+judiciaire", texte),
              ("procedure_collective", r"\b(?:ouvr(?:e|ant)|pronon(?:ce|[çc]ant)|convert(?:it|issant)|arr[êe]t(?:e|ant))\b[^;]{0,80}(?:sauvegarde|redressement\s+judiciaire|"
                                       r"liquidation\s+judiciaire|plan\s+de\s+(?:cession|continuation|redressement))", dispositif),
              ("gracieuse", r"mati[èe]re\s+gracieuse", texte))
    for nom, motif, zone_ in essais:
        if m := re.search(motif, zone_, re.I):
            return nom, m.group(0)
    if type_decision == "ordonnance_sur_requete" and (m := re.search(r"rejetons\s+la\s+requ[êe]te|disons\s+n'y\s+avoir\s+lieu", dispositif, re.I)):
        return "requete_rejetee", m.group(0)
    return None, None
