"""Sujet d'exercice (CQP clerc, bloc 2, épreuve 2) : un acte conforme où l'on sème N fautes, et son corrigé.

Les fautes viennent des règles qui s'appliquent au type de l'acte : omission de la phrase qui porte une mention
exigée (`mention_obligatoire`), formulation obsolète remise à la place de la bonne (`formulation_interdite`), valeur
fausse décrite dans la règle (`correction.fautes`). Une faute n'est retenue que si, seule dans l'acte, elle fait
relever exactement sa règle ; les fautes choisies sont dans des paragraphes distincts, et le sujet entier fait relever
exactement les règles semées (ni plus, ni moins). Même acte, même graine : mêmes octets, même corrigé.
"""
from __future__ import annotations

import hashlib
import random
import re
import weakref
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..analyse.texte import plier
from ..erreurs import EntreeInvalide
from .sujet import Acte, Modification

GRAVITES_NOTEES = ("erreur", "avertissement")
RE_FIN_PHRASE = re.compile(r"(?<=[.;!?])\s+")


@dataclass
class Faute:
    """Une faute semée : sa règle, où elle est, ce que l'acte disait et ce que le candidat doit proposer."""

    code: str
    famille: str
    nature: str                      # omission | valeur_fausse | formulation_obsolete
    modification: Modification
    attendu: str                     # ce qu'écrivait l'acte conforme
    fautif: str | None               # ce qu'écrit le sujet (None : mention supprimée)
    points: Decimal | None = None
    constat: dict = field(default_factory=dict)

    @property
    def cle(self) -> tuple:
        return (self.modification.paragraphe, self.modification.debut, self.code)


@dataclass
class Exercice:
    """Le sujet (octets du .docx ou du .txt) et son corrigé (dictionnaire prêt pour YAML)."""

    sujet: bytes
    corrige: dict


def famille(code: str) -> str:
    """Famille d'une règle : le texte qu'elle fait respecter, en tête de son code (CPC680, CPC655, TERM…)."""
    return code.split("-", 1)[0]


def _phrase(texte: str, debut: int, fin: int) -> tuple[int, int]:
    """Portée de la phrase qui contient [debut, fin) dans un paragraphe (le paragraphe entier s'il n'en a qu'une)."""
    gauche = max((m.end() for m in RE_FIN_PHRASE.finditer(texte, 0, debut)), default=0)
    droite = RE_FIN_PHRASE.search(texte, fin)
    fin_phrase = droite.end() if droite else len(texte)
    if texte[:gauche].strip() == "" and texte[fin_phrase:].strip() == "":
        return 0, len(texte)
    return gauche, fin_phrase


def _omissions(regle, pliees: list[str], originaux: list[str]) -> list[Faute]:
    from ..redaction.formulations import motif_exige

    fautes = []
    for groupe in range(len(regle.genre.groupes)):
        motif = motif_exige(regle, groupe)
        trouvees = [(rang, m.start(), m.end()) for rang, texte in enumerate(pliees) for m in motif.finditer(texte)]
        if not trouvees:
            continue
        phrases = {(rang, *_phrase(originaux[rang], d, f)) for rang, d, f in trouvees}
        if len(phrases) != 1:
            continue                 # mention écrite deux fois : en ôter une ne fait pas une faute
        rang, debut, fin = phrases.pop()
        fautes.append(Faute(regle.code, famille(regle.code), "omission", Modification(rang, debut, fin, ""),
                            originaux[rang][debut:fin].strip(), None))
    return fautes


def _remplacements(regle, pliees: list[str], originaux: list[str], paires, nature: str,
                   points: Decimal | None = None) -> list[Faute]:
    from ..moteur.genres.formulation import accorder_casse

    fautes = []
    for motif, fautif in paires:
        for rang, texte in enumerate(pliees):
            m = re.search(motif, texte)
            if m and m.end() > m.start():
                avant = originaux[rang][m.start():m.end()]
                nouveau = accorder_casse(avant, fautif)
                fautes.append(Faute(regle.code, famille(regle.code), nature,
                                    Modification(rang, m.start(), m.end(), nouveau), avant, nouveau, points))
                break
    return fautes


def fautes_de_la_regle(regle, pliees: list[str], originaux: list[str]) -> list[Faute]:
    """Fautes qu'une règle sait faire naître dans ces paragraphes (avant de vérifier qu'elles la déclenchent)."""
    fautes = []
    for donnee in regle.correction.get("fautes", ()):
        points = Decimal(donnee["points"]) if donnee.get("points") else None
        if donnee.get("remplacer"):
            fautes += _remplacements(regle, pliees, originaux, donnee["remplacer"].items(), "valeur_fausse", points)
        if donnee.get("supprimer") and regle.genre_nom == "mention_obligatoire":
            fautes += _omissions(regle, pliees, originaux)
    if regle.genre_nom == "mention_obligatoire" and not regle.correction.get("fautes"):
        fautes += _omissions(regle, pliees, originaux)
    elif regle.genre_nom == "formulation_interdite":
        paires = [(rf"(?<![a-z]){re.escape(plier(bon))}(?![a-z])", motif.libelle)
                  for motif, bon in regle.genre.remplacements if motif.regex is None and "*" not in motif.libelle]
        fautes += _remplacements(regle, pliees, originaux, paires, "formulation_obsolete")
    return fautes


class _Semeur:
    """Vérifie des versions modifiées de l'acte avec le vérificateur, à type d'acte constant."""

    def __init__(self, acte: Acte, verificateur, type_acte: str | None):
        self.acte, self.verificateur, self.type_acte = acte, verificateur, type_acte

    def constats(self, fautes: list[Faute]) -> tuple[bytes, list[dict]]:
        from ..documents.lecture import lire_octets

        octets = self.acte.modifier([f.modification for f in fautes])
        rapport = self.verificateur.verifier(lire_octets(octets, self.acte.chemin.name), type_acte=self.type_acte)
        return octets, [c.en_dict() for c in rapport.constats if c.gravite.value in GRAVITES_NOTEES]


def _meme_liste(constats: list[dict], fautes: list[Faute]) -> bool:
    return sorted(c["code"] for c in constats) == sorted(f.code for f in fautes)


_DEJA_ESSAYEES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fautes_possibles(chemin: Path | str, *, familles: tuple[str, ...] = (), verificateur=None,
                     type_acte: str | None = None) -> tuple[Acte, _Semeur, list[Faute]]:
    """Fautes que l'on peut semer une à une dans l'acte conforme (chacune fait relever exactement sa règle) ; pour
    un même vérificateur, le résultat est gardé par contenu de l'acte (mêmes octets, mêmes fautes)."""
    from .. import Verificateur

    acte = Acte(chemin)
    verificateur = verificateur or Verificateur()
    memoire = _DEJA_ESSAYEES.setdefault(verificateur, {})
    cle = (hashlib.sha256(acte.octets).hexdigest(), acte.format, tuple(familles), type_acte)
    if cle not in memoire:
        memoire[cle] = _essayer(acte, verificateur, familles, type_acte)
    semeur, fautes = memoire[cle]
    return acte, _Semeur(acte, verificateur, semeur.type_acte), list(fautes)


def _essayer(acte: Acte, verificateur, familles: tuple[str, ...], type_acte: str | None):
    from ..analyse import analyser
    from ..documents import lire

    document = lire(acte.chemin)
    rapport = verificateur.verifier(document, type_acte=type_acte)
    notes = [c for c in rapport.constats if c.gravite.value in GRAVITES_NOTEES]
    if notes:
        codes = ", ".join(sorted({c.code for c in notes}))
        raise EntreeInvalide(acte.chemin, f"l'acte n'est pas conforme ({len(notes)} constat(s) : {codes}) ; un sujet "
                                          "se prépare à partir d'un acte où `actes verifier` ne relève rien")
    analyse = analyser(document, type_acte=type_acte)
    semeur = _Semeur(acte, verificateur, type_acte or rapport.type_acte)
    originaux = acte.paragraphes()
    pliees = [plier(p) for p in originaux]
    jour = analyse.date_acte
    fautes = []
    for regle in verificateur.regles:
        if familles and famille(regle.code) not in familles:
            continue
        if not regle.s_applique_au_type(analyse.types_acte) or (jour and not regle.en_vigueur(jour)):
            continue
        for faute in fautes_de_la_regle(regle, pliees, originaux):
            _, constats = semeur.constats([faute])
            if _meme_liste(constats, [faute]):
                fautes.append(faute)
    uniques = {}
    for faute in sorted(fautes, key=lambda f: f.cle):
        uniques.setdefault((faute.modification, faute.code), faute)
    return semeur, tuple(uniques.values())


def preparer_exercice(chemin: Path | str, nombre: int, *, graine: int = 0, familles: tuple[str, ...] = (),
                      verificateur=None, type_acte: str | None = None) -> Exercice:
    """Sujet à `nombre` fautes indépendantes et son corrigé ; `EntreeInvalide` si l'acte n'en permet pas autant."""
    from .bareme import charger_bareme

    if nombre < 1:
        raise EntreeInvalide(chemin, "--fautes : au moins une faute")
    acte, semeur, possibles = fautes_possibles(chemin, familles=familles, verificateur=verificateur,
                                               type_acte=type_acte)
    par_code: dict[str, list[Faute]] = {}
    for faute in possibles:
        par_code.setdefault(faute.code, []).append(faute)
    hasard = random.Random(graine)
    codes = sorted(par_code)
    hasard.shuffle(codes)
    choisies: list[Faute] = []
    for code in codes:
        if len(choisies) == nombre:
            break
        pris = {f.modification.paragraphe for f in choisies}
        options = [f for f in par_code[code] if f.modification.paragraphe not in pris]
        if not options:
            continue
        essai = choisies + [hasard.choice(options)]
        _, constats = semeur.constats(essai)
        if _meme_liste(constats, essai):
            choisies = essai
    if len(choisies) < nombre:
        raise EntreeInvalide(chemin, f"cet acte ne permet que {len(choisies)} faute(s) indépendante(s)"
                                     + (f" des familles {', '.join(familles)}" if familles else "")
                                     + f" (demandé : {nombre})")
    choisies.sort(key=lambda f: f.cle)
    octets, constats = semeur.constats(choisies)
    bareme = charger_bareme()
    par_code_constat = {c["code"]: c for c in constats}
    fautes = []
    for numero, faute in enumerate(choisies, 1):
        constat = par_code_constat[faute.code]
        points = faute.points or bareme.points_exercice[constat["gravite"]]
        lieu = constat["emplacement"]
        fautes.append({
            "numero": numero, "code": faute.code, "famille": faute.famille, "gravite": constat["gravite"],
            "references": list(constat["references"]), "nature": faute.nature,
            "lieu": {"ligne": lieu["ligne"], "section": lieu.get("section"), "extrait": lieu.get("extrait") or None,
                     "paragraphe_conforme": faute.modification.paragraphe + 1},
            "fautif": faute.fautif, "attendu": faute.attendu, "suggestion": constat.get("suggestion"),
            "message": constat["message"], "points": f"{points:.2f}",
        })
    total = sum((Decimal(f["points"]) for f in fautes), Decimal(0))
    corrige = {"version": 1, "acte": acte.chemin.name, "type_acte": semeur.type_acte, "graine": graine,
               "points": f"{total:.2f}", "fautes": fautes}
    return Exercice(octets, corrige)
