"""Faits d'un acte utiles aux règles : date de l'acte, décision signifiée (date, type, nature, ressort, juridiction),
lieu de la signification, heure, mode de remise, voie et délai de recours indiqués.

Chaque fait est lu avec des motifs bornés sur le texte plié ; un fait introuvable vaut None (jamais deviné).
"""
from __future__ import annotations

import datetime as dt
import re

from .dates import DateTrouvee
from .sections import Section

RE_CODE_POSTAL = re.compile(r"(?<![\d])(?<!\d )(?<!\d\.)(?:(?:0[1-9]|[1-8]\d|9[0-5])\d{3}|97[1-6]\d\d|98[6-8]\d\d|20[0-2]\d\d)(?![\d])(?! \d)(?!,\d)")

TYPES_DECISION = [  # (motif, type) : le premier qui répond l'emporte
    (r"ordonnance (?:portant |d')injonction de payer|injonction de payer", "ordonnance_d_injonction_de_payer"),
    (r"ordonnance (?:de |rendue en (?:la forme des )?)refere", "ordonnance_de_refere"),
    (r"ordonnance sur requete", "ordonnance_sur_requete"),
    (r"\barret\b", "arret"),
    (r"\bjugement\b", "jugement"),
    (r"\bordonnance\b", "ordonnance"),
]
NATURES = [
    (r"repute(?:e)? contradictoire", "repute_contradictoire"),
    (r"par defaut", "par_defaut"),
    (r"contradictoire", "contradictoire"),
]
# Juge d'une formation particulière du tribunal judiciaire (valeurs de `juge` dans regles/recours/voies.yaml).
JUGES = [
    (r"juge de l'execution", "juge_de_l_execution"),
    (r"juge des contentieux de la protection", "juge_des_contentieux_de_la_protection"),
]
RESSORTS = [(r"(?:en |a charge d')?premier ressort", "premier"), (r"(?:en )?dernier ressort", "dernier")]
JURIDICTIONS = [
    (r"tribunal de grande instance", "tribunal_de_grande_instance"),
    (r"tribunal d'instance", "tribunal_d_instance"),
    (r"tribunal de proximite", "tribunal_de_proximite"),
    (r"tribunal judiciaire", "tribunal_judiciaire"),
    (r"tribunal de commerce|tribunal des activites economiques", "tribunal_de_commerce"),
    (r"conseil de prud'?hommes", "conseil_de_prud_hommes"),
    (r"cour d'appel", "cour_d_appel"),
]
MODES_REMISE = [
    (r"recherches? infructueuses?|article 659|n'a (?:pu|plus) (?:etre )?(?:trouve|de domicile)", "proces_verbal_659"),
    (r"(?:depose|depot)e? (?:de la copie )?(?:en|a) (?:l'|notre |mon |son )?etude|a l'etude|en (?:mon|notre) etude", "etude"),
    (r"(?:a|au) (?:son )?domicile.{0,200}(?:remis|remise|laisse)|remise a domicile|entre les mains de (?:m|mme|monsieur|madame)[^,]{0,60}, (?:son|sa|ses)",
     "domicile"),
    (r"personne morale|habilite(?:e)? a recevoir", "personne_morale"),
    (r"(?:a|en) personne|a sa personne|parlant a (?:sa|la) personne", "personne"),
]
_NOMBRE_DELAI = (r"(?:un|une|deux|trois|quatre|six|huit|dix|quinze|trente|\d{1,3})")
RE_DELAI = re.compile(
    r"(?:delai(?: d'appel| d'opposition| de pourvoi(?: en cassation)?| de recours| de contestation| pour (?:agir|contester)"
    r"| pour (?:interjeter|former|faire) (?:un |une )?(?:appel|opposition|pourvoi(?: en cassation)?))?"
    r"(?: est| sera| legal)?(?: de | d'| d'| ?: ?)\s*|dans (?:les |un delai d[e'] ?|le delai d[e'] ?)|sous )"
    rf"(?P<nombre>{_NOMBRE_DELAI})\s*"
    r"(?:\(\d+\)\s*)?(?P<unite>jours?|mois|semaines?|ans?)\b")
RE_VOIE = re.compile(r"\b(?:d'un |d'une |l')?(?P<voie>appel|opposition|pourvoi(?: en cassation)?|contredit)\b")
RE_VOIE_OUVERTE = re.compile(
    r"(?:faire l'objet d'une? |etre frappee? d'une? |former (?:une? )?|interjeter |delai d'|delai de |par la voie de l'|"
    r"par voie d'|voie de recours (?:est |ouverte est )?(?:l'|un |une )?)(?P<voie>appel|opposition|pourvoi)\b")
RE_NEGATION = re.compile(r"(?:\bpas|\bnon|\bni|aucune?|n'est plus|exclu\w*)\W+(?:\w+\W+){0,3}$")


def voie_ouverte(texte: str) -> tuple[str, int] | None:
    """Voie de recours que l'acte dit ouverte, et sa position : formulation positive d'abord (« peut faire l'objet
    d'un appel »), sinon la seule voie nommée sans négation ; None si l'acte est ambigu."""
    for m in RE_VOIE_OUVERTE.finditer(texte):
        if not RE_NEGATION.search(texte[max(0, m.start() - 40):m.start()]):
            return m.group("voie"), m.start("voie")
    nommees = {}
    for m in RE_VOIE.finditer(texte):
        if not RE_NEGATION.search(texte[max(0, m.start() - 40):m.start()]):
            nommees.setdefault(m.group("voie").split()[0], m.start("voie"))
    if len(nommees) == 1:
        return next(iter(nommees.items()))
    return None


def _premier(motifs, texte: str) -> tuple[str | None, tuple[int, int] | None]:
    for motif, valeur in motifs:
        m = re.search(motif, texte)
        if m:
            return valeur, m.span()
    return None, None


RE_PERSONNE_PHYSIQUE = re.compile(r"(?:monsieur|madame|mademoiselle|m\.|mme|mlle|m )\s*[a-z]")
RE_PERSONNE_MORALE = re.compile(
    r"(?:la |le |l')?(?:societe|sarl|sas|sasu|sa |sci|snc|eurl|selarl|scp|association|banque|caisse|syndicat|office|"
    r"etablissement|commune|mutuelle|groupement|gie|fonds|organisme|compagnie|etude|cabinet|s\.a\.|s\.a\.r\.l)")


def nature_du_requerant(texte: str) -> str | None:
    """« physique » ou « morale » d'après le début de la section requérant ; None si on ne peut le dire."""
    corps = re.sub(r"^\W*(?:a la (?:requete|demande) (?:de|d'|du|des)\s*:?\s*|agissant a la requete de\s*)", "", texte[:400])
    corps = corps.lstrip(" :\n-")
    if RE_PERSONNE_MORALE.match(corps):
        return "morale"
    if RE_PERSONNE_PHYSIQUE.match(corps):
        return "physique"
    return None


def texte_de(section: Section | None, texte: str) -> str:
    """Texte (plié) d'une section, ou chaîne vide."""
    return texte[section.debut:section.fin] if section else ""


RE_DECISION = re.compile(r"\b(?:jugement|arret|ordonnance|decision|sentence)\b")
# Dates qui ne sont jamais celle de la décision (point de départ d'intérêts, naissance, notification…).
RE_DATE_ECARTEE = re.compile(r"(?:compter d[ue']|depuis l[ea']?|nee? le|notifiee? (?:[a-z ]{0,30})?le|signifiee? le|interets? [^.]{0,40}du|echeance du)\s*$")
# « le », « au » : écartées aussi, sauf si la décision est dite rendue ou datée (« rendu par défaut … le 10 mai »).
RE_DATE_DOUTEUSE = re.compile(r"\b(?:le|au)\s*$")
RE_DATE_RENDUE = re.compile(r"(?:(?:rendue?|prononcee?)\b[^.;\d]{0,60}?|en date|date|du)\s*(?:le\s*)?$")


def date_de_la_decision(texte_plie: str, dates: list[DateTrouvee], objet: Section | None) -> DateTrouvee | None:
    """Date de la décision signifiée ou servant de titre : première date qui suit le mot « jugement » (ou « arrêt »,
    « ordonnance »…) dans la même phrase, hors dates de naissance, de notification ou de point de départ d'intérêts."""
    zones = [(objet.debut, objet.fin)] if objet else []
    zones.append((0, len(texte_plie)))
    for debut, fin in zones:
        for m in RE_DECISION.finditer(texte_plie, debut, fin):
            fin_phrase = texte_plie.find(".", m.end(), m.end() + 400)
            limite = fin_phrase if fin_phrase != -1 else m.end() + 400
            for date in dates:
                if not m.end() <= date.debut < limite:
                    continue
                avant = texte_plie[max(m.end(), date.debut - 40):date.debut]
                if RE_DATE_ECARTEE.search(avant):
                    continue
                if RE_DATE_DOUTEUSE.search(avant) and not RE_DATE_RENDUE.search(texte_plie[m.end():date.debut]):
                    continue
                return date
    return None


def lire_delai(texte: str) -> tuple[str, tuple[int, int]] | None:
    """Premier délai écrit dans un texte plié (« un mois », « 15 jours »), normalisé, et sa position."""
    from .nombres import lire_nombre_en_lettres

    m = RE_DELAI.search(texte)
    if not m:
        return None
    nombre = m.group("nombre")
    valeur = int(nombre) if nombre.isdigit() else lire_nombre_en_lettres(nombre)
    unite = m.group("unite")
    unite = {"jour": "jours", "semaine": "semaines", "an": "ans"}.get(unite, unite)
    if unite == "ans" and valeur == 1:
        unite = "an"
    return f"{valeur} {unite}", (m.start("nombre"), m.end("unite"))


def _empechement(jour, heure, lieu) -> str | None:
    """Ce qui interdit de signifier à ce jour et à cette heure en ce lieu (CPC:664), ou None."""
    if jour is None:
        return None
    from ..delais import signification_permise

    permise, raison = signification_permise(dt.datetime.combine(jour, heure) if heure else jour, lieu or "")
    return None if permise else raison


def lire_faits(texte_plie: str, sections: dict[str, Section], dates: list[DateTrouvee], heures,
               parties: dict | None = None) -> dict:
    """Dictionnaire des faits de l'acte (valeurs simples, None quand introuvable) et positions utiles ; `parties`
    (`parties.lire_parties`) donne, quand il les connaît, la nature du requérant et le code postal du destinataire."""
    parties = parties or {}
    objet = sections.get("objet")
    texte_objet = texte_de(objet, texte_plie) or texte_plie[:3000]
    faits: dict = {}

    date_section = sections.get("date")
    date_acte = None
    if date_section:
        date_acte = next((d for d in dates if date_section.debut <= d.debut < date_section.fin), None)
    if date_acte is None:
        date_acte = next((d for d in dates if d.forme == "formule"), None)
    faits["date_acte"] = date_acte.date if date_acte else None
    faits["_position_date_acte"] = (date_acte.debut, date_acte.fin) if date_acte else None

    decision = date_de_la_decision(texte_plie, dates, objet)
    faits["date_decision"] = decision.date if decision else None
    faits["_position_date_decision"] = (decision.debut, decision.fin) if decision else None

    faits["type_decision"], _ = _premier(TYPES_DECISION, texte_objet)
    faits["nature"], _ = _premier(NATURES, texte_objet)
    faits["ressort"], _ = _premier(RESSORTS, texte_objet)
    faits["juridiction"], _ = _premier(JURIDICTIONS, texte_objet)
    faits["juge"], _ = _premier(JUGES, texte_objet)
    if faits["juge"] and faits["juridiction"] is None:
        faits["juridiction"] = "tribunal_judiciaire"   # le JEX et le JCP sont des juges du tribunal judiciaire (COJ:L213-5, L213-4-1)
    from ..decisions.dispositif import matiere

    faits["matiere"], _ = matiere(texte_objet, texte_objet, faits["type_decision"])

    destinataire = texte_de(sections.get("destinataire"), texte_plie)
    code_postal = RE_CODE_POSTAL.search(destinataire[:600]) if destinataire else None
    faits["lieu"] = code_postal.group() if code_postal else None
    if (personne := parties.get("destinataire")) is not None and personne.adresse is not None:
        faits["lieu"] = personne.code_postal
    faits["destinataire_personne_morale"] = bool(destinataire and re.match(
        r"\W*(?:ai |avons |j'ai )?[a-z' ]{0,40}(?:a|au|aux)?\s*:?\s*(?:la |a la )?(?:societe|sarl|sas|sa |sci|eurl|snc|selarl|scp|association|banque|caisse|syndicat|office|etablissement|commune)",
        destinataire))

    from .distance import augmentation

    faits["augmentation_distance"] = (augmentation(texte_objet, destinataire, faits["date_acte"])
                                      if destinataire else None)
    faits["destinataire_trouve"] = bool(destinataire)
    requerant = parties.get("requerant")
    faits["requerant_nature"] = (requerant.nature if requerant is not None
                                 else nature_du_requerant(texte_de(sections.get("requerant"), texte_plie)))

    modalites = texte_de(sections.get("modalites_remise"), texte_plie)
    faits["mode_remise"], _ = _premier(MODES_REMISE, modalites) if modalites else (None, None)
    if faits["mode_remise"] == "personne" and faits["destinataire_personne_morale"]:
        faits["mode_remise"] = "personne_morale"     # remise « à personne » d'une personne morale (CPC:654 al. 2)
    zone_heure = sections.get("modalites_remise") or date_section
    heure = None
    if zone_heure:
        heure = next((h for h in heures if zone_heure.debut <= h.debut < zone_heure.fin), None)
    faits["heure_signification"] = heure.heure if heure else None
    faits["signification_interdite"] = _empechement(faits["date_acte"], faits["heure_signification"], faits["lieu"])

    recours = sections.get("voies_de_recours")
    texte_recours = texte_de(recours, texte_plie)
    delai = lire_delai(texte_recours) if texte_recours else None
    faits["delai_indique"] = delai[0] if delai else None
    faits["_position_delai_indique"] = (recours.debut + delai[1][0], recours.debut + delai[1][1]) if delai else None
    voie = voie_ouverte(texte_recours) if texte_recours else None
    faits["voie_indiquee"] = voie[0] if voie else None
    faits["_position_voie_indiquee"] = (recours.debut + voie[1], recours.debut + voie[1] + len(voie[0])) if voie else None
    return faits


def en_donnees(valeur):
    """Valeur JSON d'un fait : dates ISO, Decimal en chaîne à deux décimales (ROUND_HALF_UP), objets en dictionnaires
    sans leurs positions."""
    import dataclasses
    import datetime as dt
    from decimal import ROUND_HALF_UP, Decimal

    if isinstance(valeur, Decimal):
        return str(valeur.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    if isinstance(valeur, (dt.date, dt.time)):
        return valeur.isoformat()
    if dataclasses.is_dataclass(valeur):
        return {c.name: en_donnees(getattr(valeur, c.name)) for c in dataclasses.fields(valeur)
                if c.name not in ("debut", "fin")}
    if isinstance(valeur, dict):
        return {str(cle): en_donnees(v) for cle, v in valeur.items()}
    if isinstance(valeur, (list, tuple)):
        return [en_donnees(v) for v in valeur]
    return valeur


def faits_en_json(faits: dict, parties: dict) -> dict:
    """Faits de l'acte pour la sortie JSON (clé `faits`) : sans les positions internes, avec les parties."""
    donnees = {cle: en_donnees(valeur) for cle, valeur in faits.items() if not cle.startswith("_")}
    donnees["parties"] = en_donnees(parties)
    return donnees
