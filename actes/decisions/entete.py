"""En-tête d'une décision : juridiction, formation, date, numéro RG, type, nature, ressort."""
from __future__ import annotations

import re

from .dates import DATE, lire_date
from .juridictions import canoniser_ville
from .texte import replier

JURIDICTIONS = [
    ("cour_d_appel", r"COUR\s+D'\s*APPEL"),
    ("tribunal_judiciaire", r"TRIBUNAL\s+JUDICIAIRE"),
    ("tribunal_de_grande_instance", r"TRIBUNAL\s+DE\s+GRANDE\s+INSTANCE"),
    ("tribunal_d_instance", r"TRIBUNAL\s+D'\s*INSTANCE"),
    ("tribunal_de_proximite", r"TRIBUNAL\s+DE\s+PROXIMIT[EÉ]"),
    ("tribunal_de_commerce", r"TRIBUNAL\s+(?:MIXTE\s+)?DE\s+COMMERCE"),
    ("conseil_de_prud_hommes", r"CONSEIL\s+DE\s+PRUD'?\s*HOMMES"),
]
LIAISON = r"\s+(?P<liaison>DE\s+LA\s+|DE\s+L'|DES\s+|DE\s+|D'\s*|DU\s+)(?P<ville>[A-ZÀ-Ÿa-zà-ÿ][A-Za-zÀ-ÿ'\- ]{1,40})"
CONTEXTE_CITE = re.compile(r"appel d'une?|\borigine\b|d[ée]cision attaqu|d[ée]cision\s+du\s*$|rendue? par|jugement du|ordonnance du|"
                           r"d[ée]f[ée]r[ée]|pr[èe]s (?:la|le)|expert|au barreau|greffe d", re.I)
CASSATION = re.compile(r"^\s*COUR\s+DE\s+CASSATION\s*$|(?:ARR[ÊE]T|D[ÉE]CISION)\s+DE\s+LA\s+COUR\s+DE\s+CASSATION", re.M | re.I)
JUDILIBRE = {"cc": "cour_de_cassation", "ca": "cour_d_appel", "tj": "tribunal_judiciaire", "tcom": "tribunal_de_commerce",
             "cph": "conseil_de_prud_hommes"}
# Blancs d'une seule ligne après le saut : « \n\s* » rebalaierait toutes les lignes vides suivantes à chaque saut.
DEBUT_EXPOSE = re.compile(r"\n[^\S\n]*(EXPOS[EÉ]|FAITS|RAPPEL DES FAITS|Exposé du litige|MOTIFS|PROC[EÉ]DURE\b)", re.I)
MOTS_TYPE = r"(ORDONNANCE|JUGEMENT|ARR[EÊ]T)"
JOURS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)?\s*"
JUGES = [
    ("premier_president", r"premier\s+pr[ée]sident"),
    ("juge_de_l_execution", r"juge\s+de\s+l'\s*ex[ée]cution"),
    ("juge_des_contentieux_de_la_protection", r"juge\s+des\s+contentieux\s+de\s+la\s+protection|\bJCP\b"),
    ("juge_aux_affaires_familiales", r"juge\s+aux\s+affaires\s+familiales"),
    ("juge_de_la_mise_en_etat", r"juge\s+de\s+la\s+mise\s+en\s+[ée]tat"),
    ("juge_des_referes", r"juge\s+des\s+r[ée]f[ée]r[ée]s|en\s+[ée]tat\s+de\s+r[ée]f[ée]r[ée]|statuant\s+en\s+r[ée]f[ée]r[ée]"),
]


def _ligne(texte: str, position: int) -> str:
    debut = texte.rfind("\n", 0, position) + 1
    fin = texte.find("\n", position)
    return texte[debut:fin if fin >= 0 else len(texte)].strip()


def zone_entete(texte: str) -> str:
    """Début de la décision, jusqu'à l'exposé du litige (ou 4 000 caractères)."""
    m = DEBUT_EXPOSE.search(texte, 200)
    return texte[: m.start()] if m and m.start() > 500 else texte[:4000]


def juridiction(texte: str, meta: dict) -> tuple[dict | None, str | None, str | None]:
    """Type et ville de la juridiction qui a rendu la décision, la preuve, ou la raison de l'absence."""
    entete = zone_entete(texte)
    if m := CASSATION.search(entete):
        return {"type": "cour_de_cassation", "ville": "Paris"}, re.sub(r"\s+", " ", m.group(0)).strip(), None
    for m in sorted((m for _t, motif in JURIDICTIONS for m in re.finditer(motif + LIAISON, entete, re.I)),
                    key=lambda m: m.start()):
        ligne = _ligne(entete, m.start())
        avant = entete[max(0, m.start() - 60):m.start()]
        if CONTEXTE_CITE.search(ligne[: ligne.find(m.group(0)[:10]) + 1] + " " + avant[-30:]):
            continue
        type_ = next(t for t, motif in JURIDICTIONS if re.match(motif, m.group(0), re.I))
        brut = re.split(r"\s{2,}|\n|\[|\d| - |,|\(", m.group("ville"))[0].strip(" -'")
        liaison = m.group("liaison").upper().replace(" ", "")
        candidat = ("Le " if liaison == "DU" else "La " if liaison == "DELA" else "Les " if liaison == "DES" else "") + brut
        ville = canoniser_ville(candidat) or canoniser_ville(brut)
        if ville is None:
            mots = candidat.split()
            for n in range(len(mots) - 1, 0, -1):
                ville = canoniser_ville(" ".join(mots[:n]))
                if ville:
                    break
        return {"type": type_, "ville": ville or candidat.title()}, re.sub(r"\s+", " ", m.group(0)).strip(), None
    for type_, motif in JURIDICTIONS:
        if m := re.search(r"^\s*" + motif + r"\b", entete, re.I | re.M):   # ville pseudonymisée : « COUR D'APPEL DE [Localité 1] »
            return {"type": type_, "ville": None}, re.sub(r"\s+", " ", _ligne(entete, m.start())), None
    if meta.get("jurisdiction"):
        type_ = JUDILIBRE.get(str(meta["jurisdiction"]).lower())
        lieu = str(meta.get("location", "")).split("_", 1)[-1].replace("_", " ")
        if type_:
            ville = canoniser_ville(lieu) or (lieu.title() if lieu else None)
            return {"type": type_, "ville": ville}, f"métadonnées Judilibre : jurisdiction={meta['jurisdiction']}", None
    return None, None, "aucune juridiction nommée dans l'en-tête"


def juge(texte: str, type_juridiction: str | None) -> tuple[str | None, str | None]:
    """Juge ou formation particulière (juge des référés, JEX, JCP, premier président…) et sa preuve."""
    entete = zone_entete(texte)
    dispositif = texte[texte.rfind("PAR CES MOTIFS"):] if "PAR CES MOTIFS" in texte else ""
    propres = "\n".join(l for l in entete.split("\n") if not CONTEXTE_CITE.search(l))
    for zone in (propres, dispositif[:600]):
        for nom, motif in JUGES:
            m = re.search(motif, zone, re.I)
            if m and not (nom == "premier_president" and type_juridiction != "cour_d_appel"):
                return nom, _ligne(zone, m.start())
    return None, None


def formation(texte: str) -> tuple[str | None, str | None]:
    """Chambre ou pôle tel qu'écrit dans l'en-tête."""
    for ligne in zone_entete(texte).split("\n"):
        if re.search(r"\b(chambre|p[ôo]le)\b", ligne, re.I) and len(ligne) < 90 and not CONTEXTE_CITE.search(ligne) \
                and not re.search(r"greffe|conseil|audience|r[ée]f[ée]r[ée]|pr[ée]sident|\bTJ\b|tribunal|monsieur|madame", ligne, re.I):
            return ligne.strip(" -:"), ligne
    return None, "la décision ne nomme pas de chambre ou de pôle"


def type_decision(texte: str, type_juridiction: str | None) -> tuple[str | None, str | None]:
    """Jugement, arrêt, ordonnance de référé, sur requête, d'injonction de payer."""
    entete = zone_entete(texte)
    propres = "\n".join(l for l in entete.split("\n") if not CONTEXTE_CITE.search(l) or re.match(r"\s*" + MOTS_TYPE + r"\s+DU\b", l))
    essais = [
        ("ordonnance_d_injonction_de_payer", r"injonction\s+de\s+payer"),
        ("ordonnance_sur_requete", r"ordonnance\s+sur\s+requ[êe]te"),
        ("arret", r"\bARR[EÊ]T\b") if type_juridiction in ("cour_d_appel", "cour_de_cassation") else (None, None),
        ("ordonnance_de_refere", r"ordonnance\s+de\s+r[ée]f[ée]r[ée]|en\s+[ée]tat\s+de\s+r[ée]f[ée]r[ée]"),
        ("jugement", r"\bJUGEMENT\b"),
        ("ordonnance", r"\bORDONNANCE\b"),
    ]
    for nom, motif in essais:
        if nom and (m := re.search(motif, propres, re.I)):
            if nom == "ordonnance_d_injonction_de_payer" and not re.search(r"ordonnance|enjoin|requ[êe]te", propres, re.I):
                continue
            return nom, _ligne(propres, m.start())
    return None, None


def date(texte: str, meta: dict) -> tuple[str | None, str | None, str | None]:
    """Date à laquelle la décision a été rendue (ISO), avec la preuve."""
    entete = zone_entete(texte)
    for m in re.finditer(MOTS_TYPE, entete, re.I):
        avant = entete[max(0, m.start() - 25):m.start()]
        if re.search(r"appel d'un|par |attaqu|suivant|vu l", avant, re.I):
            continue
        fenetre = entete[m.end():m.end() + 90]
        d = DATE.search(fenetre)
        if d and re.match(r"[^.;\n]{0,50}\n?[^.;\n]{0,40}$", fenetre[: d.start()]) and lire_date(d):
            lien = fenetre[: d.start()]
            if re.search(r"(du|le|:|rendue?|prononc\w*)\s*" + JOURS + r"$|^\s*" + JOURS + r"$", lien, re.I):
                return lire_date(d).isoformat(), re.sub(r"\s+", " ", m.group(0) + fenetre[: d.end()]), None
    m = re.search(r"prononc[ée]e?s?\b[^.]{0,120}?\ble\s+" + JOURS + r"(" + DATE.pattern + ")", texte, re.I)
    if m:
        d = DATE.search(m.group(0))
        return lire_date(d).isoformat(), re.sub(r"\s+", " ", m.group(0)), None
    m = re.search(r"\bFait\s+(?:et\s+jug[ée]\s+)?à\s+[^\n]{1,40}?\s+le\s+" + JOURS + r"(" + DATE.pattern + ")", texte, re.I)
    if m and (jour := lire_date(DATE.search(m.group(0)))):
        return jour.isoformat(), re.sub(r"\s+", " ", m.group(0)), None
    from ..analyse.dates import chercher_dates  # dates en lettres ; import différé (actes.analyse est lourd)
    for ligne in re.finditer(r"^\s*(?:LE|L'AN)\s+[^\n\d]{10,80}$", entete, re.M | re.I):
        if trouvees := chercher_dates(replier(ligne.group(0))):
            return trouvees[0].date.isoformat(), ligne.group(0).strip(), None
    if meta.get("decision_date"):
        return str(meta["decision_date"])[:10], f"métadonnées Judilibre : decision_date={meta['decision_date']}", None
    return None, None, "date de la décision non trouvée dans l'en-tête"


def numero_rg(texte: str, meta: dict) -> tuple[str | None, str | None, str | None]:
    """Numéro au répertoire général, tel qu'écrit."""
    motif = (r"(?:N°|No|Num[ée]ro)?\s*(?:R\.?\s?G\.?|de\s+r[ôo]le|r[ôo]le\s+N°|D'INSCRIPTION\s+AU\s+REPERTOIRE\s+G[ÉE]N[ÉE]RAL)"
             r"\s*(?:N°|No|:)?\s*(?:N°\s*RG\s*)?:?\s*(?P<rg>\d{2,4}[/ ]?[A-Z]?\d{3,6}|\d{2}/\d{5})"
             r"|Pourvoi\s+n°\s*[A-Z]?\s*(?P<pourvoi>\d{2}-\d{2}\.\d{3})")
    m = re.search(motif, zone_entete(texte), re.I)
    if m and m.group("pourvoi"):
        return m.group("pourvoi"), _ligne(texte, m.start("pourvoi")), None
    if m:
        return m.group("rg").strip(), _ligne(texte, m.start("rg")), None
    if meta.get("number"):
        return str(meta["number"]), f"métadonnées Judilibre : number={meta['number']}", None
    return None, None, "numéro RG non trouvé dans l'en-tête"


def _zones_statuant(texte: str) -> list[str]:
    zones = []
    if "PAR CES MOTIFS" in texte.upper():
        i = texte.upper().rfind("PAR CES MOTIFS")
        zones.append(texte[i:i + 700])
    entete = zone_entete(texte)
    zones.append(entete)
    return zones


def nature(texte: str) -> tuple[str | None, str | None, str | None]:
    """Contradictoire, réputé contradictoire ou par défaut, selon le dispositif ou l'en-tête."""
    for zone in _zones_statuant(texte):
        for nom, motif in (("repute_contradictoire", r"r[ée]put[ée]e?s?\s+contradictoire"),
                           ("par_defaut", r"(?:jugement|arr[êe]t|ordonnance|rendue?|statuant)\s+(?:[\w,]+\s+){0,4}par\s+d[ée]faut"),
                           ("contradictoire", r"\bcontradictoire(?:ment)?\b")):
            if m := re.search(motif, zone, re.I):
                return nom, _ligne(zone, m.start()), None
    return None, None, "la décision ne dit pas si elle est contradictoire, réputée contradictoire ou par défaut"


def ressort(texte: str) -> tuple[str | None, str | None, str | None]:
    """Premier ou dernier ressort, seulement si le texte le dit."""
    for zone in _zones_statuant(texte):
        if m := re.search(r"(premier|dernier)\s+ressort", zone, re.I):
            return m.group(1).lower(), _ligne(zone, m.start()), None
    return None, None, "la décision n'indique pas si elle est rendue en premier ou en dernier ressort"
