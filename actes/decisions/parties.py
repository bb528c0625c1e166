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
ROLE_APRES = re.compile(r"^\s*(?:Partie\s+)?(?:" + "|".join(f"(?P<{k}>{v})" for k, v in ROLES.items()) + r")\s*[,:]", re.I)
DEBUT_BLOC = re.compile(r"^\s*(?:C\s*/|CONTRE\b|ENTRE\b|ET\s*:|.*\bMINUTE\b|.*N°\s*RG\b|.*Portalis|AFFAIRE\b|"
                        r".*\bd[ée]cision\s+attaqu[ée]e\b)", re.I)
FIN_SECTION = re.compile(r"^\s*(COMPOSITION|D[ÉE]BATS|EXPOS[ÉE]|FAITS|PROC[ÉE]DURE|MOTIFS|\*|-=|L'affaire|"
                         r"A l'audience|Nous,|ORDONNANCE\b|JUGEMENT\b|ARR[ÊE]T\b|LE TRIBUNAL|LA COUR|Vu\b|"
                         r"Apr[èe]s avoir|Statuant|RAPPEL)", re.I)
AVOCAT = re.compile(r"^\s*(?:(?:non\s+)?(?:repr[ée]sent[ée]e?s?|assist[ée]e?s?|comparante?s?)(?:\s+et\s+plaidant)?\s+par|"
                    r"Repr[ée]sentant\s*:)\s+(?P<avocat>.+)",
                    re.I)
FIN_PARTIE = re.compile(r"^\s*(?:non\s+comparante?s?|non\s+repr[ée]sent[ée]e?s?\s*$|d[ée]faillante?s?|comparante?s?\b(?!\s+par)|ni\s+personne)", re.I)
DEBUT_PARTIE = re.compile(r"^(?:M\.|Mme\b|Mlle\b|Monsieur\b|Madame\b|Mademoiselle\b|Ma[îi]tre\b|Me\b|La\s+[sS]oci[ée]t[ée]|"
                          r"Soci[ée]t[ée]\b|S\.?A\.?S\.?U?\b|S\.A\.\s|SA\s|S\.?N\.?C\b|E\.?U\.?R\.?L\b|SCP\b|"
                          r"(?:La\s+|Le\s+|L')?(?:CPAM|Caisse|Mutuelle|Compagnie|Banque|Association|Syndicat|URSSAF)\b|S\.?A\.?R\.?L\b|S\.?E\.?L\.?A\.?R\.?L\b|S\.?C\.?I\b|La\s+S\.)")
COUPURE_NOM = re.compile(r",?\s+(?:demeurant|domicili[ée]|n[ée]e?\s+le|dont le si[èe]ge|pris(?:e)?\s+en\s+(?:sa|la|leur)|"
                         r"repr[ée]sent[ée]e?\s+par|agissant\s+poursuites|immatricul[ée]e|inscrite?\s+au\s+registre|au\s+capital)\b.*$", re.I)


def _avocat(ligne: str) -> str | None:
    m = AVOCAT.match(ligne)
    if not m:
        return None
    texte = m.group("avocat")
    texte = re.split(r",|\s+avocats?\b|\s+de\s+la\s+(?:SEL|SCP|AARPI|SELAFA|SELEURL|SELAS|SARL)|\s+substitu|\s+avou[ée]s?\b|\s+-\s+#",
                     texte, maxsplit=1)[0]
    texte = re.sub(r"^(?:la|le|l')\s+", "", texte.strip(), flags=re.I)
    return texte.strip() or None


def _nom(ligne: str) -> str:
    return COUPURE_NOM.sub("", ligne).strip(" ,;:")


def _est_adresse(ligne: str) -> bool:
    return bool(re.search(r"\d{5}|\[(?:Adresse|Localit)|\b(rue|chemin|boulevard|avenue|place|all[ée]e|impasse|route|"
                          r"quai|cedex|BP)\b|^de nationalit|^n[ée]e? le|^\[\s*\.\.\.\s*\]|^Activit", ligne, re.I))


def _nom_puis_adresse(ligne: str, suivante: str) -> bool:
    """« TRESOR PUBLIC - SIP … » après l'avocat de la partie précédente : un nom, puis une adresse."""
    return (bool(re.match(r"[A-ZÀ-Ý\[]", ligne.strip())) and not _commence_comme_adresse(ligne.strip())
            and _commence_comme_adresse(suivante.strip())
            and not re.match(r"\s*(?:et\s|avocats?\b|Me\b|Ma[îi]tre\b|toque|vestiaire|postulant|plaidant)", ligne, re.I))


def _commence_comme_adresse(ligne: str) -> bool:
    return bool(re.match(r"\d|\[(?:Adresse|Localit|\s*\.\.\.)|(?:rue|chemin|boulevard|avenue|place|all[ée]e|impasse|route|quai)\b|"
                         r"de nationalit|n[ée]e? le|Activit", ligne, re.I))


def _role(m: re.Match) -> str:
    return next(k for k, v in m.groupdict().items() if v)


def _suivante(lignes: list[str], i: int) -> str:
    return next((l for l in lignes[i + 1:i + 6] if l.strip()), "")


def _precedente(lignes: list[str], i: int) -> str:
    return next((l for l in reversed(lignes[max(0, i - 5):i]) if l.strip()), "")


def _sections(lignes: list[str]) -> list[tuple[str, int, int, str]]:
    titres = [(i, _role(m), l) for i, l in enumerate(lignes) if (m := TITRE_ROLE.match(l))]
    if titres and (all(re.match(r"\s*C\s*/|\s*CONTRE\b", _suivante(lignes, i)) or FIN_SECTION.match(_suivante(lignes, i))
                       for i, _r, _t in titres)
                   or all(AVOCAT.match(_precedente(lignes, i)) or FIN_PARTIE.match(_precedente(lignes, i)) for i, _r, _t in titres)):
        sections = []                            # « Mme X … DEMANDEUR / C/ / Société Y … DEFENDEUR » : le rôle suit le bloc
        for i, role, titre in titres:
            debut = i
            while debut > 0 and not DEBUT_BLOC.match(lignes[debut - 1]) and not TITRE_ROLE.match(lignes[debut - 1]):
                debut -= 1
            sections.append((role, debut, i, titre))
        return sections
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
            debut_partie = bool(DEBUT_PARTIE.match(ligne)) or (  # « La CPAM DE PARIS / non comparante » après un avocat
                apres_avocat and len(ligne.split()) > 1 and not ligne.strip()[:1].islower() and bool(FIN_PARTIE.match(_suivante(lignes[debut:fin], lignes[debut:fin].index(ligne)))))
            debut_partie = debut_partie or (apres_avocat and _nom_puis_adresse(ligne, _suivante(lignes[debut:fin], lignes[debut:fin].index(ligne))))
            if apres_avocat and not debut_partie:
                continue                        # suite de la ligne de l'avocat
            if (not bloc and not _commence_comme_adresse(ligne)) or (bloc and debut_partie and not _est_adresse(ligne)):
                bloc.append({"nom": _nom(ligne), "role": role, "avocat": None, "preuve": ligne})
                apres_avocat = False
        parties.extend(bloc)
    if not parties:
        parties = _parties_cassation(texte)
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
        while j > 0 and lignes[j - 1].strip() and not ROLE_APRES.match(lignes[j - 1]) and not DEBUT_BLOC.match(lignes[j - 1]):
            j -= 1
        nom = re.split(r",", lignes[j], maxsplit=1)[0].strip() if j >= 0 else ""
        avocat = re.search(r"comparante?\s+par\s+([^,]+)", ligne, re.I)
        parties.append({"nom": nom, "role": _role(m), "avocat": avocat.group(1).strip() if avocat else None,
                        "preuve": f"{lignes[j] if j >= 0 else ''} … {ligne}"})
    return parties


def _parties_cassation(texte: str) -> list[dict]:
    """Arrêt de la Cour de cassation : « X, domicilié …, a formé le pourvoi … l'opposant : 1°/ à Y, … 2°/ à Z »."""
    m = re.search(r"^\s*(?P<nom>(?!ARR[ÊE]T\b|D[ÉE]CISION\b)[^,\n]+),[^\n]*(?:\n[^\n]*){0,3}?a\s+form[ée]\s+le\s+pourvoi", texte, re.I | re.M)
    if not m:
        return []
    parties = [{"nom": m.group("nom").strip(), "role": "demandeur", "avocat": None, "preuve": m.group(0).strip()}]
    suite = texte[m.end():m.end() + 3000]
    fin = re.search(r"d[ée]fende(?:ur|resse)s?\s+à\s+la\s+cassation", suite, re.I)
    for d in re.finditer(r"(?:\d+°\s*/\s*|l'opposant\s*:?\s*)(?:à\s+la\s+|à\s+l'|à\s+|aux?\s+)(?P<nom>[^,\n]+)",
                         suite[:fin.start()] if fin else suite[:600], re.I):
        parties.append({"nom": d.group("nom").strip(), "role": "defendeur", "avocat": None, "preuve": d.group(0).strip()})
    return parties


def _debiteur(texte: str) -> list[dict]:
    """Procédure collective : « … à l'encontre de : [A] » donne le débiteur."""
    ouverture = r"(?:ouvert|ouvre|prononc)\w*\s+(?:une\s+|la\s+)?(?:proc[ée]dure\s+de\s+)?(?:sauvegarde|redressement|liquidation)"
    m = re.search(ouverture + r"[^:]{0,200}?(?:à l'encontre|au profit|à l'égard)\s+d(?:e\s+la\b|e\s+l'|es|u|e)?"
                  r"(?:[^:\n]{0,60}?\bde\s*:)?\s*:?\s*\n*\s*(?P<nom>[^\n]+)", texte, re.I) \
        or re.search(ouverture + r"[^:]{0,80}\bde\s*:\s*\n+\s*(?P<nom>[^\n]+)", texte, re.I)
    if not m:
        return []
    return [{"nom": _nom(m.group("nom")), "role": "debiteur", "avocat": None, "preuve": m.group(0).strip()}]
