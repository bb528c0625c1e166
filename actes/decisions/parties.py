"""Parties d'une décision, telles qu'écrites dans l'en-tête : nom, rôle, avocat."""
from __future__ import annotations

import re

from .texte import replier

ROLES = {
    "demandeur": r"DEMANDE(?:UR|RESSE)S?", "defendeur": r"D[ÉE]FENDE(?:UR|RESSE)S?",
    "appelant": r"APPELANT(?:E|S|ES)?", "intime": r"INTIM[ÉE]E?S?", "creancier_inscrit": r"CR[ÉE]ANCIERS?\s+INSCRITS?",
    "intervenant": r"INTERVENANT(?:E|S|ES)?(?:\s+VOLONTAIRES?|\s+FORC[ÉE]E?S?)?",
    "requerant": r"REQU[ÉE]RANT(?:E|S|ES)?",
}
TITRE_ROLE = re.compile(r"^\s*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in ROLES.items()) + r")\s*(?:\(s\))?\s*:?\s*(?:\d+\s*)?$",
                        re.I)
ROLE_APRES = re.compile(r"^\s*(?:" + "|".join(f"(?P<{k}>{v})" for k, v in ROLES.items()) + r")\s*,", re.I)
FIN_SECTION = re.compile(r"^\s*(COMPOSITION|D[ÉE]BATS|EXPOS[ÉE]|FAITS|PROC[ÉE]DURE|MOTIFS|\*|-=|L'affaire|"
                         r"A l'audience|Nous,|ORDONNANCE\b|JUGEMENT\b|ARR[ÊE]T\b|LE TRIBUNAL|LA COUR|Vu\b|"
                         r"Apr[èe]s avoir|Statuant|RAPPEL)", re.I)
AVOCAT = re.compile(r"^\s*(?:(?:non\s+)?(?:repr[ée]sent[ée]e?s?|assist[ée]e?s?|comparante?s?)(?:\s+et\s+plaidant)?\s+par)\s+(?P<avocat>.+)",
                    re.I)
FIN_PARTIE = re.compile(r"^\s*(?:non\s+comparante?s?|d[ée]faillante?s?|comparante?s?\b(?!\s+par)|ni\s+personne)", re.I)
DEBUT_PARTIE = re.compile(r"^(?:M\.|Mme\b|Mlle\b|Monsieur\b|Madame\b|Mademoiselle\b|Ma[îi]tre\b|Me\b|La\s+soci[ée]t[ée]|"
                          r"Soci[ée]t[ée]\b|S\.?A\.?S\.?U?\b|S\.?A\.?R\.?L\b|S\.?E\.?L\.?A\.?R\.?L\b|S\.?C\.?I\b|La\s+S\.)")
COUPURE_NOM = re.compile(r",?\s+(?:demeurant|domicili[ée]|n[ée]e?\s+le|dont le si[èe]ge|pris(?:e)?\s+en\s+(?:sa|la|leur)|"
                         r"repr[ée]sent[ée]e?\s+par|agissant\s+poursuites|immatricul[ée]e|au\s+capital)\b.*$", re.I)


def _avocat(ligne: str) -> str | None:
    m = AVOCAT.match(ligne)
    if not m:
        return None
    texte = m.group("avocat")
    texte = re.split(r",|\s+avocats?\b|\s+de\s+la\s+(?:SEL|SCP|AARPI|SELAFA|SELEURL|SELAS)|\s+substitu|\s+avou[ée]s?\b|\s+-\s+#",
                     texte, maxsplit=1)[0]
    texte = re.sub(r"^(?:la|le|l')\s+", "", texte.strip(), flags=re.I)
    return texte.strip() or None


def _nom(ligne: str) -> str:
    return COUPURE_NOM.sub("", ligne).strip(" ,;:")


def _est_adresse(ligne: str) -> bool:
    return bool(re.search(r"\d{5}|\[(?:Adresse|Localit)|\b(rue|chemin|boulevard|avenue|place|all[ée]e|impasse|route|"
                          r"quai|cedex|BP)\b|^de nationalit|^n[ée]e? le|^\[\s*\.\.\.\s*\]|^Activit", ligne, re.I))


def _commence_comme_adresse(ligne: str) -> bool:
    return bool(re.match(r"\d|\[(?:Adresse|Localit|\s*\.\.\.)|(?:rue|chemin|boulevard|avenue|place|all[ée]e|impasse|route|quai)\b|"
                         r"de nationalit|n[ée]e? le|Activit", ligne, re.I))


def _role(m: re.Match) -> str:
    return next(k for k, v in m.groupdict().items() if v)


def _sections(lignes: list[str]) -> list[tuple[str, int, int, str]]:
    titres = [(i, _role(m), l) for i, l in enumerate(lignes) if (m := TITRE_ROLE.match(l))]
    sections = []
    for n, (i, role, titre) in enumerate(titres):
        fin = titres[n + 1][0] if n + 1 < len(titres) else len(lignes)
        for j in range(i + 1, fin):
            if FIN_SECTION.match(lignes[j]) and j > i + 1:
                fin = j
                break
        sections.append((role, i + 1, fin, titre))
    return sections


def extraire(texte: str) -> tuple[list[dict], str | None]:
    """Parties (nom, rôle, avocat, preuve) ; la raison si aucune n'est trouvée."""
    lignes = texte.split("\n")[:400]
    parties: list[dict] = []
    for role, debut, fin, _titre in _sections(lignes):
        bloc: list[dict] = []
        apres_avocat = False
        for ligne in lignes[debut:fin]:
            if not ligne.strip():
                continue
            if (avocat := _avocat(ligne)) is not None:
                for partie in bloc:
                    partie["avocat"] = partie["avocat"] or avocat
                parties.extend(bloc)
                bloc, apres_avocat = [], True
                continue
            if FIN_PARTIE.match(ligne):
                parties.extend(bloc)
                bloc, apres_avocat = [], False
                continue
            debut_partie = bool(DEBUT_PARTIE.match(ligne))
            if apres_avocat and not debut_partie:
                continue                        # suite de la ligne de l'avocat
            if (not bloc and not _commence_comme_adresse(ligne)) or (bloc and debut_partie and not _est_adresse(ligne)):
                bloc.append({"nom": _nom(ligne), "role": role, "avocat": None, "preuve": ligne})
                apres_avocat = False
        parties.extend(bloc)
    if not parties:
        parties = _parties_en_ligne(lignes)
    if not parties:
        parties = _debiteur(texte)
    vus, uniques = set(), []
    for partie in parties:
        cle = (replier(partie["nom"]), partie["role"])
        if partie["nom"] and cle not in vus:
            vus.add(cle)
            uniques.append(partie)
    return uniques, None if uniques else "aucune partie identifiée dans l'en-tête"


def _parties_en_ligne(lignes: list[str]) -> list[dict]:
    """Forme « La société [A], … » suivie d'une ligne « Demanderesse, comparante par [B] »."""
    parties = []
    for i, ligne in enumerate(lignes):
        m = ROLE_APRES.match(ligne)
        if not m:
            continue
        j = i - 1
        while j >= 0 and not lignes[j].strip():
            j -= 1
        while j > 0 and lignes[j - 1].strip() and not ROLE_APRES.match(lignes[j - 1]):
            j -= 1
        nom = re.split(r",", lignes[j], maxsplit=1)[0].strip() if j >= 0 else ""
        avocat = re.search(r"comparante?\s+par\s+([^,]+)", ligne, re.I)
        parties.append({"nom": nom, "role": _role(m), "avocat": avocat.group(1).strip() if avocat else None,
                        "preuve": f"{lignes[j] if j >= 0 else ''} … {ligne}"})
    return parties


def _debiteur(texte: str) -> list[dict]:
    """Procédure collective : « … à l'encontre de : [A] » donne le débiteur."""
    m = re.search(r"(?:ouvert|prononc)\w*\s+(?:une\s+)?(?:proc[ée]dure\s+de\s+)?(?:sauvegarde|redressement|liquidation)"
                  r"[^:]{0,80}(?:à l'encontre de|au profit de|de)\s*:?\s*\n+\s*(?P<nom>[^\n]+)", texte, re.I)
    if not m:
        return []
    return [{"nom": _nom(m.group("nom")), "role": "debiteur", "avocat": None, "preuve": m.group(0).strip()}]
