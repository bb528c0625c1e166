"""Correction d'une copie : acte de signification rédigé par un candidat, comparé à la décision (CPC:648, 678, 680)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..analyse.dates import chercher_dates
from ..analyse.texte import plier
from ..redaction.contexte import NATURES, TYPES, construire_contexte, libelle_juridiction
from ..redaction.formats import analyser_duree, date_fr, de_devant, duree_en_lettres
from ..redaction.formulations import motif_exige
from ..redaction.recours import cle, normaliser_voie
from .bareme import Bareme, charger_bareme, note_sur

JUSTE, FAUX, ABSENT, SANS_OBJET = "juste", "faux", "absent", "sans_objet"

CIVILITES = re.compile(
    r"^(?:(?:monsieur|madame|mademoiselle|m\.|mme|mlle|me|maitre|la|le|les|societe|ste|sas|sasu|sarl|sa|eurl|sci|"
    r"snc|selarl|scp|association|epoux|consorts)\s+)+")
# type de juridiction → motif sur texte plié (anciennes juridictions comprises : une copie peut les nommer à tort)
MOTIFS_JURIDICTION = {
    "tribunal_judiciaire": r"tribunal judiciaire", "tribunal_de_proximite": r"tribunal de proximite",
    "tribunal_de_commerce": r"tribunal de commerce", "conseil_de_prudhommes": r"conseil de prud'? ?hommes",
    "cour_d_appel": r"cour d'appel", "tribunal_des_activites_economiques": r"tribunal des activites economiques",
    "tribunal_de_grande_instance": r"tribunal de grande instance", "tribunal_d_instance": r"tribunal d'instance",
}
_VILLE = r"(?P<ville>[a-z][a-z'-]*(?:[ -](?:sur|sous|en|de|du|la|le|les|d'|l')?[ -]?[a-z][a-z'-]*){0,4})"
MOTIFS_TYPE = {
    "jugement": r"\bjugements?\b", "arret": r"\barrets?\b",
    "ordonnance_de_refere": r"ordonnance (?:de |en |rendue en (?:la forme des )?)?referes?",
    "ordonnance_sur_requete": r"ordonnance sur requete",
    "ordonnance_injonction_de_payer": r"injonction de payer",
}
MOTIFS_NATURE = {"repute_contradictoire": r"reputee? contradictoire", "par_defaut": r"(?:rendue?|statuant) par defaut|"
                 r"(?:jugement|arret|ordonnance|decision) (?:rendue? )?par defaut",
                 "contradictoire": r"(?<!repute )(?<!reputee )\bcontradictoire"}
RE_RG = re.compile(r"(?:\brg\b|r\.g\.|repertoire general)\s*(?:n\s*[o°]?\.?\s*|numero\s*|:\s*)*(?P<numero>\d[\d /.-]{2,18}\d)")
# Règles dont la correction reprend la formulation exigée (un seul texte pour le vérificateur et le correcteur).
REGLE_SIEGE, REGLE_NOTIFICATION = "CPC680-SIEGE-ABSENT", "CPC678-NOTIFICATION-AVOCAT-ABSENTE"
RE_DATE_DE_DECISION = re.compile(
    r"(?:jugement|arret|ordonnance|decision)\b[^.;]{0,120}?(?:(?:rendue?|prononcee?)[^.;]{0,40}?\ble|en date du|date du|du)"
    r"\s*$")


@dataclass
class Point:
    """Un élément corrigé : verdict, points, article et rédaction attendue."""

    code: str
    libelle: str
    verdict: str
    points: Decimal
    sur: Decimal
    references: tuple[str, ...]
    attendu: str | None = None
    trouve: str | None = None
    explication: str = ""
    constats: list[str] = field(default_factory=list)

    def en_dict(self) -> dict:
        """Forme JSON (points en chaînes à deux décimales)."""
        return {"code": self.code, "libelle": self.libelle, "verdict": self.verdict, "points": f"{self.points:.2f}",
                "sur": f"{self.sur:.2f}", "references": list(self.references), "attendu": self.attendu,
                "trouve": self.trouve, "explication": self.explication, "constats": list(self.constats)}


@dataclass
class CorrectionCopie:
    """Résultat de la correction d'une copie."""

    copie: str | None
    decision: str | None
    points: list[Point]
    note: Decimal
    sur: Decimal
    constats: list[dict]

    def en_dict(self) -> dict:
        """Forme JSON documentée (voir actes/correction/__init__.py)."""
        obtenus = sum((p.points for p in self.points), Decimal(0))
        possibles = sum((p.sur for p in self.points if p.verdict != SANS_OBJET), Decimal(0))
        return {"copie": self.copie, "decision": self.decision, "note": f"{self.note:.2f}", "sur": f"{self.sur:.2f}",
                "points_obtenus": f"{obtenus:.2f}", "points_possibles": f"{possibles:.2f}",
                "points": [p.en_dict() for p in self.points], "constats": self.constats}


def _norme(texte: str) -> str:
    """Texte plié, espaces et tirets unifiés, pour comparer des noms."""
    return re.sub(r"[\s-]+", " ", plier(texte)).strip()


def _jetons_nom(nom: str) -> list[str]:
    coeur = CIVILITES.sub("", _norme(nom))
    return re.findall(r"\[[a-z0-9]+\]|[a-z0-9][a-z0-9'&.]*[a-z0-9]|[a-z0-9]", coeur)


def nom_present(nom: str, texte: str) -> bool:
    """Vrai si tous les mots du nom (civilité et forme sociale ôtées) figurent à moins de 60 signes l'un de l'autre."""
    jetons = _jetons_nom(nom)
    if not jetons:
        return False
    pivot = max(jetons, key=len)
    for m in re.finditer(rf"(?<![a-z0-9]){re.escape(pivot)}(?![a-z0-9])", texte):
        fenetre = texte[max(0, m.start() - 60):m.end() + 60]
        if all(re.search(rf"(?<![a-z0-9]){re.escape(j)}(?![a-z0-9])", fenetre) for j in jetons):
            return True
    return False


def _mentions_juridictions(texte: str) -> list[tuple[str, str, int, int]]:
    """(type, ville pliée, début, fin) de chaque juridiction nommée avec sa ville."""
    trouvees = []
    for type_cle, motif in MOTIFS_JURIDICTION.items():
        for m in re.finditer(rf"\b{motif} (?:de |d'|du |des )\s*{_VILLE}", texte):
            trouvees.append((type_cle, _norme(m.group("ville")), m.start(), m.end()))
    trouvees.sort(key=lambda t: t[2])
    return trouvees


def _meme_ville(ecrite: str, attendue: str) -> bool:
    attendue = _norme(attendue)
    return ecrite == attendue or ecrite.startswith(attendue + " ")


class _Correcteur:
    """Compare une copie (texte plié) à la décision lue, élément par élément du barème."""

    def __init__(self, original: str, decision: dict, contexte: dict, bareme: Bareme, codes_constats: dict[str, list],
                 regles: dict):
        self.original, self.texte = original, plier(original)
        self.re_siege = motif_exige(regles[REGLE_SIEGE])
        self.re_notification = motif_exige(regles[REGLE_NOTIFICATION])
        self.decision, self.contexte, self.bareme = decision, contexte, bareme
        self.codes_constats = codes_constats
        self.points: list[Point] = []
        self.voie = normaliser_voie((decision.get("voie_de_recours") or {}).get("voie"))

    def noter(self, code: str, verdict: str, attendu=None, trouve=None, explication="", part=Decimal(1)) -> None:
        element = self.bareme.elements[code]
        constats = [c["code"] for c in self.codes_constats.get(code, [])]
        if verdict == JUSTE and constats:
            verdict = ABSENT if all(c.endswith(("-ABSENTE", "-ABSENT")) for c in constats) else FAUX
            explication = "; ".join(c["message"] for c in self.codes_constats[code])
        sur = element.points * part
        self.points.append(Point(code, element.libelle, verdict, sur if verdict == JUSTE else Decimal(0), sur,
                                 element.references, attendu, trouve, explication, constats))

    # --- la décision signifiée -------------------------------------------------------------------------------
    def parties(self) -> None:
        parties = [p for p in self.decision.get("parties") or [] if isinstance(p, dict) and p.get("nom")]
        if not parties:
            self.noter("parties", SANS_OBJET, explication="la décision lue ne nomme pas ses parties")
            return
        part = Decimal(1) / len(parties)
        for partie in parties:
            present = nom_present(partie["nom"], self.texte)
            self.noter("parties", JUSTE if present else ABSENT, partie["nom"], partie["nom"] if present else None,
                       "" if present else f"« {partie['nom']} » ({partie.get('role') or 'partie'}) n'est pas nommé(e)"
                       " comme dans la décision", part)

    def date_decision(self, date_acte: dt.date | None) -> None:
        attendue = _date(self.decision.get("date"))
        if not attendue:
            self.noter("date_decision", SANS_OBJET, explication="la décision lue n'est pas datée")
            return
        dates = chercher_dates(self.texte)
        if any(d.date == attendue for d in dates):
            self.noter("date_decision", JUSTE, date_fr(attendue), date_fr(attendue))
            return
        for d in dates:
            if d.date != date_acte and RE_DATE_DE_DECISION.search(self.texte[max(0, d.debut - 130):d.debut]):
                self.noter("date_decision", FAUX, date_fr(attendue), date_fr(d.date),
                           f"la décision est du {date_fr(attendue)}, la copie la date du {date_fr(d.date)}")
                return
        self.noter("date_decision", ABSENT, date_fr(attendue), explication="la date de la décision n'est pas écrite")

    def juridiction(self) -> None:
        juridiction = self.decision.get("juridiction") or {}
        libelle = libelle_juridiction(self.decision)
        if not libelle:
            self.noter("juridiction", SANS_OBJET, explication="la décision lue ne dit pas sa juridiction")
            return
        type_attendu, ville = juridiction.get("type"), juridiction.get("ville") or ""
        mentions = _mentions_juridictions(self.texte)
        if any(t == type_attendu and _meme_ville(v, ville) for t, v, _, _ in mentions):
            self.noter("juridiction", JUSTE, libelle, libelle)
            return
        recours = "cour_d_appel" if self.voie == "appel" and type_attendu != "cour_d_appel" else None
        autres = [self.original[d:f] for t, v, d, f in mentions if t != recours]
        if autres:
            self.noter("juridiction", FAUX, libelle, autres[0], f"la décision a été rendue par le {libelle}"
                       if not libelle.startswith("cour") else f"la décision a été rendue par la {libelle}")
        else:
            self.noter("juridiction", ABSENT, libelle, explication="la juridiction qui a statué n'est pas nommée")

    def numero_rg(self) -> None:
        numero = self.decision.get("numero_rg")
        if not numero:
            self.noter("numero_rg", SANS_OBJET, explication="la décision lue ne donne pas de numéro RG")
            return
        compact = re.sub(r"\s", "", plier(numero))
        if compact in re.sub(r"\s", "", self.texte):
            self.noter("numero_rg", JUSTE, numero, numero)
            return
        ecrit = RE_RG.search(self.texte)
        if ecrit:
            self.noter("numero_rg", FAUX, numero, ecrit.group("numero").strip(), f"le numéro RG est {numero}")
        else:
            self.noter("numero_rg", ABSENT, numero, explication="le numéro RG n'est pas indiqué")

    def type_decision(self) -> None:
        type_cle = cle(self.decision.get("type_decision"))
        if type_cle not in MOTIFS_TYPE:
            self.noter("type_decision", SANS_OBJET, explication="type de la décision non lu")
            return
        attendu = TYPES[type_cle][1]
        if re.search(MOTIFS_TYPE[type_cle], self.texte):
            self.noter("type_decision", JUSTE, attendu, attendu)
            return
        autres = [t for t, motif in MOTIFS_TYPE.items() if t != type_cle and re.search(motif, self.texte)]
        if autres:
            self.noter("type_decision", FAUX, attendu, TYPES[autres[0]][1], f"la décision signifiée est {attendu}")
        else:
            self.noter("type_decision", ABSENT, attendu, explication="le type de la décision n'est pas indiqué")

    def nature(self) -> None:
        nature = cle(self.decision.get("nature"))
        if nature not in MOTIFS_NATURE:
            self.noter("nature", SANS_OBJET, explication="nature de la décision non lue")
            return
        attendu = NATURES[nature][0]
        if re.search(MOTIFS_NATURE[nature], self.texte):
            self.noter("nature", JUSTE, attendu, attendu)
            return
        autres = [n for n, motif in MOTIFS_NATURE.items() if n != nature and re.search(motif, self.texte)]
        if autres:
            self.noter("nature", FAUX, attendu, NATURES[autres[0]][0], f"la décision est {NATURES[nature][1]}")
        else:
            self.noter("nature", ABSENT, attendu, explication="la nature de la décision n'est pas indiquée")

    # --- le recours (CPC:680) ----------------------------------------------------------------------------------
    def recours(self, faits: dict) -> None:
        codes = ("voie", "delai", "juridiction_recours", "siege", "amende_civile")
        vr = self.decision.get("voie_de_recours") or {}
        if self.voie in (None, "inconnue", "aucune") or self.voie not in ("appel", "opposition", "pourvoi"):
            raison = vr.get("raison") or "voie de recours non déterminée d'après la décision"
            for code in codes:
                self.noter(code, SANS_OBJET, explication=raison)
            return
        bloc = self.contexte["recours"]
        indiquee = normaliser_voie(faits.get("voie_indiquee"))
        if indiquee == self.voie:
            self.noter("voie", JUSTE, bloc["annonce"], indiquee)
        elif indiquee:
            self.noter("voie", FAUX, bloc["annonce"], indiquee, f"la voie ouverte est l'{self.voie}"
                       if self.voie != "pourvoi" else "la voie ouverte est le pourvoi en cassation")
        else:
            self.noter("voie", ABSENT, bloc["annonce"], explication="la voie de recours n'est pas indiquée")
        self._delai(vr, faits.get("delai_indique"))
        position = self._juridiction_recours(vr)
        self._siege(vr, position)
        self._amende(bloc["amende"])

    def _delai(self, vr: dict, indique: str | None) -> None:
        attendu = analyser_duree(str(vr.get("delai") or ""))
        if not attendu:
            self.noter("delai", SANS_OBJET, explication="délai non déterminé d'après la décision")
            return
        en_lettres = duree_en_lettres(*attendu)
        ecrit = analyser_duree(indique or "")
        if ecrit == attendu:
            self.noter("delai", JUSTE, en_lettres, en_lettres)
        elif indique:
            articles = ", ".join(vr.get("articles") or [])
            self.noter("delai", FAUX, en_lettres, indique, f"le délai est {de_devant(en_lettres)}"
                       + (f" ({articles})" if articles else ""))
        else:
            self.noter("delai", ABSENT, en_lettres, explication="le délai du recours n'est pas indiqué")

    def _juridiction_recours(self, vr: dict) -> int | None:
        """Note la juridiction de recours ; rend la fin de sa mention dans la copie (pour le siège)."""
        attendue = str(vr.get("juridiction") or "")
        phrase = self.contexte["recours"]["juridiction"]
        if not attendue:
            self.noter("juridiction_recours", SANS_OBJET, explication="juridiction de recours non déterminée")
            return None
        cible = _norme(re.sub(r"^(?:la|le|l')\s+", "", attendue, flags=re.I))
        m = re.search(re.escape(cible).replace(r"\ ", r"[\s-]+"), self.texte)
        if m:
            self.noter("juridiction_recours", JUSTE, phrase, attendue)
            return m.end()
        motif_cour = MOTIFS_JURIDICTION["cour_d_appel"] if self.voie == "appel" else None
        for type_cle, _, debut, fin in _mentions_juridictions(self.texte):
            devant = re.search(r"devant (?:la |le |l')?$", self.texte[max(0, debut - 12):debut])
            if devant or (motif_cour and type_cle == "cour_d_appel"):
                self.noter("juridiction_recours", FAUX, phrase, self.original[debut:fin],
                           f"le recours est porté devant : {attendue}")
                return fin
        self.noter("juridiction_recours", ABSENT, phrase, explication="la juridiction de recours n'est pas désignée")
        return None

    def _siege(self, vr: dict, position: int | None) -> None:
        siege = str(vr.get("siege") or "")
        if not siege:
            self.noter("siege", SANS_OBJET, explication="siège de la juridiction de recours non déterminé")
            return
        if position is None:
            self.noter("siege", ABSENT, siege, explication="sans juridiction de recours désignée, pas de siège")
            return
        fin_phrase = self.texte.find(".", position)
        fin = fin_phrase if 0 <= fin_phrase - position <= 200 else position + 200
        fenetre, ecrite = self.texte[position:fin], self.original[position:fin]
        if not self.re_siege.search(fenetre):
            self.noter("siege", ABSENT, siege, explication="le siège de la juridiction de recours n'est pas indiqué")
        elif re.search(rf"(?<![a-z]){re.escape(_norme(siege))}(?![a-z])", _norme(fenetre)):
            self.noter("siege", JUSTE, siege, siege)
        else:
            self.noter("siege", FAUX, siege, ecrite.strip(" ,")[:80], f"la juridiction de recours siège à {siege}")

    def _amende(self, attendu: str) -> None:
        if "amende civile" in self.texte:
            self.noter("amende_civile", JUSTE, attendu, "amende civile")
        else:
            self.noter("amende_civile", ABSENT, attendu,
                       explication="l'avertissement de l'amende civile pour recours abusif ou dilatoire manque")

    def notification_avocats(self) -> None:
        attendu = self.contexte["notification_avocats"]
        if not attendu:
            self.noter("notification_avocats", SANS_OBJET,
                       explication="représentation non obligatoire devant la juridiction qui a statué")
        elif self.re_notification.search(self.texte):
            self.noter("notification_avocats", JUSTE, attendu, "notification préalable aux avocats mentionnée")
        else:
            self.noter("notification_avocats", ABSENT, attendu, explication="la représentation étant obligatoire, "
                       "l'acte doit mentionner la notification préalable aux avocats (CPC:678)")

    def mentions(self, autres: list[dict]) -> None:
        element = self.bareme.elements["mentions"]
        retrait = sum((self.bareme.retraits.get(c["gravite"], Decimal(0)) for c in autres), Decimal(0))
        points = max(element.points - retrait, Decimal(0))
        verdict = JUSTE if not autres else FAUX if any(c["gravite"] == "erreur" for c in autres) else ABSENT
        self.points.append(Point("mentions", element.libelle, verdict, points, element.points, element.references,
                                 None, None, "; ".join(f"{c['code']} : {c['message']}" for c in autres),
                                 [c["code"] for c in autres]))


def _date(valeur) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(valeur)) if valeur else None
    except ValueError:
        return None


def corriger_copie(copie, decision, *, bareme: Bareme | None = None) -> CorrectionCopie:
    """Copie (chemin ou Document) corrigée d'après la décision (chemin ou dict de `analyser_decision`)."""
    from .. import Verificateur
    from ..analyse import analyser
    from ..decisions import analyser_decision
    from ..documents import lire
    from ..documents.document import Document

    bareme = bareme or charger_bareme()
    document = copie if isinstance(copie, Document) else lire(copie)
    lue = decision if isinstance(decision, dict) else analyser_decision(decision)
    analyse = analyser(document, type_acte="signification_jugement")
    date_acte = analyse.date_acte
    contexte, _ = construire_contexte(lue, {}, date_signification=date_acte or _date(lue.get("date")))
    verificateur = Verificateur()
    rapport = verificateur.verifier(document, type_acte="signification_jugement")
    constats = [c.en_dict() for c in rapport.constats if c.gravite.value in ("erreur", "avertissement")]
    par_element: dict[str, list] = {}
    autres = []
    for constat in constats:
        code = bareme.element_du_constat(constat["code"])
        (par_element.setdefault(code, []) if code else autres).append(constat)
    correcteur = _Correcteur(document.texte, lue, contexte, bareme, par_element,
                             {r.code: r for r in verificateur.regles})
    correcteur.parties()
    correcteur.date_decision(date_acte)
    correcteur.juridiction()
    correcteur.numero_rg()
    correcteur.type_decision()
    correcteur.nature()
    correcteur.recours(analyse.faits)
    correcteur.notification_avocats()
    correcteur.mentions(autres)
    points = correcteur.points
    obtenus = sum((p.points for p in points), Decimal(0))
    possibles = sum((p.sur for p in points if p.verdict != SANS_OBJET), Decimal(0))
    return CorrectionCopie(document.chemin, lue.get("fichier"), points, note_sur(obtenus, possibles, bareme.sur),
                           bareme.sur, constats)
