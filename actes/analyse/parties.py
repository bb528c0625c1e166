"""Parties d'un acte : requérant et destinataire (personne physique ou morale), commissaire de justice, juridiction.

Les motifs (bornés) cherchent sur le texte plié ; chaque valeur est reprise du texte d'origine aux mêmes positions,
pour garder casse et accents. Un champ que l'acte ne donne pas vaut None (jamais deviné).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from .dates import DateTrouvee
from .faits import JUGES, JURIDICTIONS, RE_CODE_POSTAL, RE_DECISION
from .sections import Section


@dataclass(frozen=True)
class Naissance:
    """Date et lieu de naissance d'une personne physique."""

    date: dt.date | None
    lieu: str | None


@dataclass(frozen=True)
class Personne:
    """Une partie telle que l'acte la désigne ; `nom` est le nom de famille (écrit en capitales), ou la désignation
    entière quand la casse ne distingue pas nom et prénoms ; [debut, fin) : le bloc qui la désigne."""

    nature: str | None                 # physique | morale
    debut: int
    fin: int
    civilite: str | None = None
    nom: str | None = None
    prenoms: str | None = None
    denomination: str | None = None
    forme: str | None = None
    capital: Decimal | None = None
    rcs: str | None = None
    siren: str | None = None
    adresse: str | None = None
    code_postal: str | None = None
    commune: str | None = None
    representant: str | None = None
    naissance: Naissance | None = None
    nationalite: str | None = None
    profession: str | None = None


@dataclass(frozen=True)
class Officier:
    """Le commissaire de justice instrumentaire."""

    debut: int
    fin: int
    nom: str | None = None
    prenoms: str | None = None
    qualite: str | None = None
    office: str | None = None
    ville: str | None = None


@dataclass(frozen=True)
class Juridiction:
    """La juridiction qui a rendu la décision citée : type (valeurs de `faits.JURIDICTIONS` et `faits.JUGES`), siège, formation, RG."""

    debut: int
    fin: int
    type: str | None = None
    ville: str | None = None
    formation: str | None = None
    numero_rg: str | None = None


CIVILITES = [(r"monsieur|m\.|mr\.?", "Monsieur"), (r"madame|mme\.?", "Madame"), (r"mademoiselle|mlle\.?", "Mademoiselle")]
RE_CIVILITE = re.compile(r"(?:monsieur|madame|mademoiselle|mme\.?|mlle\.?|mr\.?|m\.)(?=\s)\s*")
# Formes sociales, la plus longue d'abord : (motif plié, forme normalisée).
FORMES = [
    (r"societe d'exercice liberal a responsabilite limitee", "SELARL"),
    (r"societe d'exercice liberal par actions simplifiee", "SELAS"),
    (r"societe par actions simplifiee unipersonnelle", "SASU"),
    (r"societe par actions simplifiee", "SAS"),
    (r"entreprise unipersonnelle a responsabilite limitee|societe a responsabilite limitee unipersonnelle", "EURL"),
    (r"societe a responsabilite limitee", "SARL"),
    (r"societe civile immobiliere", "SCI"),
    (r"societe civile professionnelle", "SCP"),
    (r"societe civile d'exploitation agricole", "SCEA"),
    (r"societe en nom collectif", "SNC"),
    (r"societe en commandite par actions", "SCA"),
    (r"societe anonyme", "SA"),
    (r"societe cooperative", "société coopérative"),
    (r"societe civile", "société civile"),
    (r"groupement d'interet economique", "GIE"),
    (r"association", "association"),
]
SIGLES = {"selarl": "SELARL", "selas": "SELAS", "sasu": "SASU", "sas": "SAS", "eurl": "EURL", "sarl": "SARL",
          "sci": "SCI", "scp": "SCP", "scea": "SCEA", "snc": "SNC", "sa": "SA", "gie": "GIE"}
RE_FORME = re.compile("|".join(f"(?P<f{i}>{m})" for i, (m, _f) in enumerate(FORMES)))
RE_SIGLE = re.compile(r"\b(?P<sigle>" + "|".join(r"\.?".join(s) for s in sorted(SIGLES, key=len, reverse=True))
                      + r")\.?(?![\w.'])")
RE_MORALE = re.compile(
    r"(?:la |le |l')?(?:societe|banque|caisse|association|syndicat|office|etablissement|commune|mutuelle|groupement|"
    r"fonds|compagnie|entreprise|(?:" + "|".join(r"\.?".join(s) for s in SIGLES) + r")\.?(?![\w']))")
RE_CAPITAL = re.compile(r"au capital(?: social)? de\s*(?P<m>\d{1,3}(?:[ .]?\d{3})*(?:,\d{1,2})?)\s*(?:euros?|eur\b|€)")
RE_RCS = re.compile(r"(?:registre du commerce et des societes|\br\.?\s?c\.?\s?s\.?)\s*(?:de |d'|:\s*)?(?=[a-z])")
RE_SIREN = re.compile(r"(?:\bsiren|\bsiret|numero|\bno|\brcs[^,;]{0,40}?)\s*:?\s*(?:[ab]\s+)?"
                      r"(?P<s>\d{3}[ .]?\d{3}[ .]?\d{3})(?![ .]?\d{1,2}\b)")
RE_ADRESSE = re.compile(
    r"(?:(?:demeurant|domiciliee?s?|residant)(?: ensemble)?|dernier domicile connu|derniere adresse connue(?: est)?|\bsise?\b|"
    r"(?:dont le |ayant son |en son )?siege(?: social)?(?: est)?(?: situe| sis)?(?: au| a)?)\s*:?\s*(?=\d|[a-z])")
RE_FIN_IDENTITE = re.compile(r",?\s*(?:represente|prise? en|agissant|poursuites|ayant pour|elisant)")
RE_REPRESENTANT = re.compile(
    r"(?:representee? par|prise? en la personne d[e']|agissant poursuites et diligences d[e']|agissant par|"
    r"pris(?:e)? en (?:sa|son) (?:qualite de )?)\s*(?P<r>[^,;\n]{2,60}?(?:, (?:monsieur|madame|m\.|mme) [^,;\n]{2,50})?)"
    r"(?=\s*(?:,|;|\.|\n|$| domicilie| en cette| demeurant))")
RE_NAISSANCE = re.compile(r"\bnee? le\s*")
RE_NATIONALITE = re.compile(r"de nationalite (?P<n>[a-z-]+)")
RE_DEBUT_SEGMENT_CONNU = re.compile(
    r"(?:nee? |de nationalite|demeurant|domicili|residant|dernier domicile|epouse|veuve|divorce|exploitant|agissant|"
    r"en (?:sa |qualite)|pris|represent|dont|immatricul|inscrit|au capital|ayant|elisant|sans profession|\d)")
# Fin d'un bloc de partie : ligne vide, ou ligne qui passe à autre chose (avocat, titre, suite de l'acte).
RE_LIGNE_HORS_PARTIE = re.compile(r"\s*(?:ayant pour|elisant|assiste|pour lequel|en vertu|d'un |d'une |le present|"
                                  r"j'ai|je |nous |$)")
RE_TETE = {
    "requerant": re.compile(r"\W*(?:agissant )?a la (?:requete|demande) (?:de la |de l'|de |d'|du |des )?\s*:?\s*"),
    "destinataire": re.compile(r"\W*(?:(?:ai|avons|j'ai|a ete|nous avons)\s+)?(?:[a-z']+\s+){1,5}?(?:a|aux?)\b\s*:?\s*"),
}
MOTS_LIEU = re.compile(r"[^\W\d_][\w'’]*(?:-[\w'’]+)*")
LIAISONS = {"sur", "sous", "en", "les", "lès", "le", "la", "de", "du", "des", "d", "l", "aux"}
RE_OFFICE = re.compile(r"(?P<o>(?:selarl|selas|selafa|scp|sasu|sas|sarl|societe)\b[^,\n]{2,60}?)"
                       r"(?=\s*(?:,|\n|$| titulaire| a la residence| y demeurant| soussigne| representee?))")
RE_QUALITE = re.compile(r"(?:commissaire|huissier)s? de justice(?: (?:associee?s?|salariee?s?|suppleante?|"
                        r"stagiaire|audiencier|ayant droit))?")
RE_VILLE_OFFICE = re.compile(r"(?:titulaire d'un office|a la residence|residence)\s*(?:a la residence\s*)?(?:de |d'|a )\s*"
                             r"|commissaire de justice(?: associee?)? a (?=[a-z])")
RE_MAITRE = re.compile(r"\b(?:maitre|me)\s+(?=[a-z])")
RE_JE = re.compile(r"\W*(?:j'ai|je|nous|ai|avons)\s*,?\s*(?:soussignee?s?\s*,?\s*)?")
RE_RG = re.compile(r"(?:\brg\b|repertoire general|numero de role|\brole\b)(?:\s*(?:no|numero|n\.))?\s*:?\s*"
                   r"(?P<n>\d{2,4}\s?[/ -]?\s?[a-z]?\s?\d{3,6}(?:/\d+)?)(?!\d)"
                   r"|(?:\bno|numero)\s*(?:de )?(?:rg|role)\s*:?\s*(?P<m>\d{2,4}\s?[/ -]?\s?[a-z]?\s?\d{3,6})(?!\d)")
RE_FORMATION = re.compile(
    r"\d+\s*(?:e|eme|ere|er|re)\s+chambre(?: [a-z'-]+){0,2}|chambre(?: [a-z'-]+){1,3}|"
    r"pole [a-z'-]+(?: [a-z'-]+){0,2}|juge des referes|juge de la mise en etat|juge aux affaires familiales|"
    r"formation de refere|(?:(?<=par le )|(?<=par la )|(?<=devant le ))presidente?\b")
MOTS_PAS_LIEU = {"tribunal", "judiciaire", "commerce", "instance", "grande", "proximite", "la", "l", "cour", "appel",
                 "chambre", "juge", "conseil", "premier", "dernier", "section", "pole", "referes", "execution",
                 "activites", "economiques", "prud'hommes", "prudhommes", "protection"}


def _lieu(original: str, debut: int, fin: int) -> tuple[str, int] | None:
    """Nom de lieu qui commence à `debut` (« Saint-Denis », « Aix-en-Provence », « Lille Métropole ») et sa fin."""
    m = MOTS_LIEU.match(original, debut, fin)
    if not m or (m.group()[0].islower() and re.search(r"[A-ZÀ-Ý]", original[max(0, debut - 300):debut])):
        return None
    fin_lieu = m.end()
    suite = re.compile(r"[ ](?:(?:sur|sous|en|les|lès|le|la|de|du|des|aux|d'|l')[ ]?)*(?P<mot>[^\W\d_][\w'’]*(?:-[\w'’]+)*)")
    while (s := suite.match(original, fin_lieu, fin)) and s.group("mot")[0].isupper() and not s.group("mot").isupper() \
            and m.group()[0].isupper():
        fin_lieu = s.end()
    return original[debut:fin_lieu], fin_lieu


def _propre(texte: str) -> str | None:
    texte = " ".join(texte.split()).strip(" ,;:")
    return texte or None


def _noms(original: str) -> tuple[str | None, str | None]:
    """(nom, prénoms) : le nom est la suite de mots en capitales ; sans distinction de casse, tout est le nom."""
    mots = original.split()
    if not mots:
        return None, None
    capitales = [m.isupper() and len(m.strip(".-'")) > 1 for m in mots]
    if all(capitales) or not any(capitales):
        return " ".join(mots), None
    premier = capitales.index(True)
    if not all(capitales[premier:]):
        return " ".join(mots), None
    return " ".join(mots[premier:]), " ".join(mots[:premier]) or None


def _bloc(plie: str, section: Section, nom: str) -> tuple[int, int] | None:
    """Portée de la désignation de la partie : après la formule d'ouverture, jusqu'à la fin du paragraphe."""
    tete = RE_TETE[nom].match(plie, section.debut, section.fin)
    debut = tete.end() if tete else section.debut
    while debut < section.fin and plie[debut] in " \n:-":
        debut += 1
    fin = min(section.fin, debut + 1200)
    position = debut
    while True:
        saut = plie.find("\n", position, fin)
        if saut == -1:
            break
        if saut == position or RE_LIGNE_HORS_PARTIE.match(plie, saut + 1, fin):
            fin = saut
            break
        position = saut + 1
    return (debut, fin) if fin > debut else None


def _forme(plie: str, debut: int, fin: int) -> tuple[str, int, int] | None:
    m = RE_FORME.search(plie, debut, fin)
    s = RE_SIGLE.search(plie, debut, fin)
    if m and (not s or m.start() <= s.start()):
        return FORMES[int(m.lastgroup[1:])][1], m.start(), m.end()
    if s:
        return SIGLES[s.group("sigle").replace(".", "")], s.start(), s.end()
    return None


def _adresse(original: str, plie: str, debut: int, fin: int) -> dict:
    m = RE_ADRESSE.search(plie, debut, fin)
    if not m:
        return {}
    cp = RE_CODE_POSTAL.search(plie, m.end(), min(fin, m.end() + 150))
    if cp:
        commune = re.match(r"[^,;\n(]{1,50}", original[cp.end():fin])
        nom_commune = _propre(commune.group()) if commune else None
        fin_adresse = cp.end() + (commune.end() if commune else 0)
        return {"adresse": _propre(original[m.end():fin_adresse]), "code_postal": cp.group(), "commune": nom_commune}
    arret = re.search(r",\s*(?:represent|prise?|agissant|en (?:sa |qualite)|locataire|$)|\n", plie[m.end():min(fin, m.end() + 150)])
    fin_adresse = m.end() + arret.start() if arret else min(fin, m.end() + 150)
    return {"adresse": _propre(original[m.end():fin_adresse])}


def _siren(plie: str, debut: int, fin: int) -> str | None:
    m = RE_SIREN.search(plie, debut, fin)
    return re.sub(r"\D", "", m.group("s")) if m else None


def lire_personne(original: str, plie: str, debut: int, fin: int, dates: list[DateTrouvee] = ()) -> Personne | None:
    """Personne désignée dans [debut, fin) du texte (plié et d'origine, mêmes positions)."""
    champs: dict = {}
    civilite = RE_CIVILITE.match(plie, debut, fin)
    fin_identite = RE_FIN_IDENTITE.search(plie, debut, fin)
    fin_id = fin_identite.start() if fin_identite else fin
    if civilite:
        nature = "physique"
        mot = plie[civilite.start():civilite.end()].strip()
        champs["civilite"] = next(v for motif, v in CIVILITES if re.fullmatch(motif, mot))
        debut_nom = civilite.end()
        if (couple := re.match(r"et (?:madame|mme\.?)(?=\s)\s*", plie[debut_nom:fin])) is not None:
            champs["civilite"] += " et Madame"            # le nom suit la seconde civilité
            debut_nom += couple.end()
        fin_nom = re.search(r"[,;(\n]|\s(?:nee?|demeurant|domicilie|epouse|veuve)\b|$", plie[debut_nom:fin])
        champs["nom"], champs["prenoms"] = _noms(original[debut_nom:debut_nom + fin_nom.start()])
        if (n := RE_NAISSANCE.search(plie, debut, fin)) is not None:
            date = next((d for d in dates if n.end() <= d.debut <= n.end() + 2), None)
            lieu = None
            if date is not None and (a := re.match(r"\s*a\s+(?P<l>[^,;\n]{2,60})", plie[date.fin:fin])):
                lieu = _propre(original[date.fin + a.start("l"):date.fin + a.end("l")])
            champs["naissance"] = Naissance(date.date if date else None, lieu)
        if (n := RE_NATIONALITE.search(plie, debut, fin)) is not None:
            champs["nationalite"] = original[n.start("n"):n.end("n")]
        champs["profession"] = _profession(original, plie, debut_nom + fin_nom.start(), fin)
    elif RE_MORALE.match(plie, debut, fin) or (
            _forme(plie, debut, fin_id) and re.search(r"\bsiege\b|au capital", plie[debut:fin_id])
            and not re.match(r"(?:maitre|me)\b", plie[debut:fin_id])):
        nature = "morale"
        forme = _forme(plie, debut, fin_id)
        if forme:
            champs["forme"] = forme[0]
        champs["denomination"] = _denomination(original, plie, debut, fin_id, forme)
        if (c := RE_CAPITAL.search(plie, debut, fin_id)) is not None:
            champs["capital"] = Decimal(re.sub(r"[ .]", "", c.group("m")).replace(",", "."))
        if (r := RE_RCS.search(plie, debut, fin_id)) is not None:
            lieu = _lieu(original, r.end(), fin_id)
            if lieu and not re.match(r"sous\b|numero\b|no\b", plie[r.end():]):
                champs["rcs"] = lieu[0]
        champs["siren"] = _siren(plie, debut, fin_id)
        if (r := RE_REPRESENTANT.search(plie, debut, fin)) is not None:
            champs["representant"] = _propre(original[r.start("r"):r.end("r")])
    else:
        return None
    champs.update(_adresse(original, plie, debut, fin))
    return Personne(nature, debut, fin, **champs)


def _denomination(original: str, plie: str, debut: int, fin: int, forme) -> str | None:
    """Nom de la personne morale : après l'article, « société » et une forme écrite en tête, jusqu'à la virgule."""
    position = re.compile(r"(?:la |le |l')?(?:societe )?").match(plie, debut, fin).end()
    if forme and forme[1] <= position + 1 and forme[2] > position:
        position = forme[2]
    elif forme is None or forme[1] > position:
        sigle = RE_SIGLE.match(plie, position, fin)
        if sigle:
            position = sigle.end()
    arret = re.compile(r"[,;(\n]|\s(?:societe (?:anonyme|civile|par|a |en |d')|au capital|immatricul|dont|inscrite?)\b")
    fin_nom = arret.search(plie, position, fin)
    return _propre(original[position:fin_nom.start() if fin_nom else fin])


def _profession(original: str, plie: str, debut: int, fin: int) -> str | None:
    """Premier segment entre virgules, avant l'adresse, qui n'est ni naissance, ni nationalité, ni autre mention connue."""
    for segment in re.finditer(r"[^,]+", plie[debut:fin]):
        texte = segment.group().strip()
        if re.match(r"demeurant|domicili|residant|dernier domicile|derniere adresse", texte):
            return None
        if texte and not RE_DEBUT_SEGMENT_CONNU.match(texte) and len(texte.split()) <= 5 and not re.search(r"\d", texte):
            return _propre(original[debut + segment.start():debut + segment.end()])
    return None


def lire_officier(original: str, plie: str, section: Section) -> Officier | None:
    """Commissaire de justice qui instrumente : nom, qualité, office, ville de résidence."""
    debut = section.debut
    fin = plie.find("\n", debut, section.fin)
    fin = section.fin if fin == -1 else fin
    champs: dict = {}
    maitre = RE_MAITRE.search(plie, debut, fin)
    if maitre:
        debut_nom = maitre.end()
    else:
        je = RE_JE.match(plie, debut, fin)
        debut_nom = je.end() if je and not RE_OFFICE.match(plie, je.end(), fin) and original[je.end():je.end() + 1].isupper() \
            else None
    if debut_nom is not None:
        fin_nom = re.compile(r"[,;(\n]|\s(?:commissaire|huissier|soussigne)").search(plie, debut_nom, fin)
        champs["nom"], champs["prenoms"] = _noms(original[debut_nom:fin_nom.start() if fin_nom else fin])
    apres = debut_nom or debut
    if (q := RE_QUALITE.search(plie, apres, fin)) is not None:
        champs["qualite"] = original[q.start():q.end()]
    if (o := RE_OFFICE.search(plie, debut, fin)) is not None:
        champs["office"] = _propre(original[o.start("o"):o.end("o")])
    if (v := RE_VILLE_OFFICE.search(plie, debut, fin)) is not None:
        lieu = _lieu(original, v.end(), fin)
        champs["ville"] = lieu[0] if lieu else None
    if not champs:
        return None
    return Officier(debut, fin, **champs)


def lire_juridiction(original: str, plie: str, debut: int, fin: int) -> Juridiction | None:
    """Juridiction de la décision citée dans [debut, fin) : celle de la phrase qui nomme la décision, sinon la première
    nommée ; son siège, sa formation, le n° RG."""
    zones = []
    if (decision := RE_DECISION.search(plie, debut, fin)) is not None:
        fin_phrase = plie.find(".", decision.end(), min(fin, decision.end() + 400))
        zones.append((decision.start(), fin_phrase if fin_phrase != -1 else min(fin, decision.end() + 400)))
    zones.append((debut, fin))
    trouvees = []
    for zone_debut, zone_fin in zones:
        noms = sorted((m.start(), -m.end(), valeur) for motif, valeur in (*JURIDICTIONS, *JUGES)
                      for m in re.finditer(motif, plie[zone_debut:zone_fin]))
        trouvees += [lire_juridiction_en(original, plie, debut, fin, valeur, zone_debut + d, zone_debut - f)
                     for d, f, valeur in noms]
    return min(trouvees, key=lambda j: -(j.ville is not None) - (j.numero_rg is not None), default=None)


def lire_juridiction_en(original: str, plie: str, debut: int, fin: int, type_: str, d: int, f: int) -> Juridiction:
    """Juridiction nommée en [d, f) : siège dans la suite de la phrase, formation et RG autour."""
    champs: dict = {"type": type_}
    fin_phrase = plie.find(".", f, min(fin, f + 400))
    fin_phrase = min(fin, f + 400) if fin_phrase == -1 else fin_phrase
    for m in re.finditer(r"\b(?:de |d'|du )\s*(?=[a-z])", plie[f:min(fin_phrase, f + 120)]):
        mot = re.match(r"[a-z'-]+", plie[f + m.end():]).group().strip("'")
        if mot.split("'")[0] not in MOTS_PAS_LIEU:
            lieu = _lieu(original, f + m.end(), fin_phrase)
            champs["ville"] = lieu[0] if lieu else None
            break
    debut_phrase = max(plie.rfind(".", max(debut, d - 200), d) + 1, plie.rfind("\n", max(debut, d - 200), d) + 1,
                       max(debut, d - 200))
    if (fo := RE_FORMATION.search(plie, debut_phrase, min(fin_phrase, f + 150))) is not None:
        champs["formation"] = original[fo.start():fo.end()]
    rg = RE_RG.search(plie, debut_phrase, fin_phrase) or RE_RG.search(plie, debut, fin)
    if rg is not None:
        groupe = "n" if rg.group("n") else "m"
        champs["numero_rg"] = original[rg.start(groupe):rg.end(groupe)]
    return Juridiction(d, f, **champs)


def lire_parties(original: str, plie: str, sections: dict[str, Section], dates: list[DateTrouvee],
                 zone_decision: tuple[int, int]) -> dict:
    """`{"requerant", "destinataire", "officier", "juridiction"}` de l'acte, chacun None s'il est introuvable."""
    parties: dict = {}
    for nom in ("requerant", "destinataire"):
        section = sections.get(nom)
        portee = _bloc(plie, section, nom) if section else None
        parties[nom] = lire_personne(original, plie, *portee, dates) if portee else None
    officier = sections.get("officier")
    parties["officier"] = lire_officier(original, plie, officier) if officier else None
    parties["juridiction"] = lire_juridiction(original, plie, *zone_decision)
    return parties
