"""Correction de la liste des non-conformités relevées par un candidat (CQP clerc, bloc 2, épreuve 2, 1re production).

Les fautes à trouver sont celles du corrigé du formateur (`actes exercice --corrige`), qui fait foi ; sans corrigé,
les constats (erreur, avertissement) de `actes verifier` sur l'acte. Chaque élément de la liste est rapproché d'une
faute par son lieu (ligne ou paragraphe cité), ses articles (toutes les façons usuelles de les citer) et ses mots ; sa
reformulation est notée juste, acceptable (même contenu juridique, autres mots) ou fausse, avec la raison. Un élément
qu'aucune faute ne confirme est « non confirmé — à revoir par le correcteur » et ne coûte rien : la note ne dépend
pas des oublis du vérificateur.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..analyse.citations import chercher_citations
from ..analyse.texte import plier
from ..donnees import lire_dossier_utilisateur
from ..erreurs import EntreeInvalide, FichierIntrouvable
from .bareme import Bareme, charger_bareme, note_sur

RE_CANONIQUE = re.compile(r"^\s*([A-Z][A-Z0-9-]*)\s*:\s*([LRDA]?\d[\w-]*(?: (?:bis|ter|quater))?)\s*$")
# « CPC 680 », « CPC art. 680 », « CPCE R. 211-3 », « C. pr. civ. 655 » : le code avant le numéro
RE_CODE_PUIS_NUMERO = re.compile(
    r"\b(CPCE|CPC|CCOM|CC|COJ|CGI|CMF|CCH)\s*[:.]?\s*(?:art(?:icle)?\.?\s*)?([LRDA]\.?\s?\d+(?:-\d+)*|\d+(?:-\d+)*)\b")
ABREVIATIONS = ((re.compile(r"\bc\.\s*pr\.\s*civ\.?|\bc\.p\.c\.?", re.I), "code de procédure civile"),
                (re.compile(r"\bc\.\s*civ\.?", re.I), "code civil"),
                # « al. 3 » serait lu « à L. 3 » (une plage d'articles) : l'alinéa ne compte pas pour le rapprochement
                (re.compile(r"\b(?:al\.|alinéa|alinea)\s*\d+", re.I), ""))
RE_PUCE = re.compile(r"^\s*(?:[-*•–]|\d+[.)]|[a-z][.)])\s+")
RE_LIEU = re.compile(r"(?:\bligne|\bl\.|\bparagraphe|\bpara\.|§)\s*(?:n[o°]\s*)?(\d{1,4})\b", re.I)
RE_PROPOSITION = re.compile(
    r"(?:→|=>|->|\bproposition\s*:|\breformulation\s*:|\bcorrection\s*:|\bremplacer par\b|\bà remplacer par\b|"
    r"\bécrire\s*:?|\bà écrire\s*:?|\bil faut écrire\s*:?)\s*(?P<texte>.+)$", re.I | re.S)
MOTS_VIDES = frozenset("dans pour avec sans sous leur leurs elle elles sont acte l'acte mention indique indiquee "
                       "absente absent manque manquante faute ligne paragraphe".split())
TAILLE_MAX = 1024 * 1024
FLECHES = ("→", "->", "=>")
JUSTE, ACCEPTABLE, FAUX, ABSENTE = "juste", "acceptable", "faux", "absente"
NON_CONFIRMEE = "non confirmée — à revoir par le correcteur"


@dataclass(frozen=True)
class Item:
    """Une non-conformité écrite par le candidat : son texte, ses articles, les lieux cités, sa reformulation."""

    numero: int
    texte: str
    articles: tuple[str, ...]
    lieux: tuple[int, ...] = ()
    proposition: str | None = None

    def en_dict(self) -> dict:
        """Forme JSON."""
        return {"numero": self.numero, "texte": self.texte, "articles": list(self.articles), "lieux": list(self.lieux),
                "proposition": self.proposition}


@dataclass(frozen=True)
class Attendue:
    """Une faute à trouver : d'après le corrigé, ou d'après un constat de `actes verifier`."""

    numero: int
    code: str
    gravite: str
    references: tuple[str, ...]
    message: str
    points: Decimal
    famille: str
    lieux: tuple[int, ...] = ()
    attendu: str | None = None          # formulation de l'acte conforme
    suggestion: str | None = None       # suggestion de la règle
    fautif: str | None = None           # ce qu'écrit l'acte fautif à cet endroit

    def en_dict(self) -> dict:
        """Forme JSON."""
        return {"numero": self.numero, "code": self.code, "famille": self.famille, "gravite": self.gravite,
                "references": list(self.references), "lieux": list(self.lieux), "points": f"{self.points:.2f}",
                "attendu": self.attendu, "suggestion": self.suggestion, "message": self.message}


@dataclass(frozen=True)
class Reformulation:
    """Note de la reformulation proposée : juste, acceptable, faux ou absente, et pourquoi."""

    verdict: str
    raison: str


@dataclass
class Trouvee:
    """Un élément de la liste rapproché d'une faute, et ses points."""

    item: Item
    faute: Attendue
    rapprochement: str
    reformulation: Reformulation
    points: Decimal

    def en_dict(self) -> dict:
        """Forme JSON."""
        return {"item": self.item.en_dict(), "faute": self.faute.en_dict(), "rapprochement": self.rapprochement,
                "reformulation": {"verdict": self.reformulation.verdict, "raison": self.reformulation.raison},
                "points": f"{self.points:.2f}"}


@dataclass
class CorrectionListe:
    """Résultat : fautes trouvées (et reformulations notées), manquées, éléments non confirmés ; note."""

    acte: str | None
    source: str                         # corrigé | verificateur
    trouves: list[Trouvee]
    manques: list[Attendue]
    non_confirmes: list[Item]
    note: Decimal
    sur: Decimal
    obtenus: Decimal = Decimal(0)
    possibles: Decimal = Decimal(0)
    candidat: str | None = None
    erreur: str | None = None
    notes_par_faute: dict = field(default_factory=dict)

    def en_dict(self) -> dict:
        """Forme JSON documentée (voir actes/correction/__init__.py)."""
        return {"acte": self.acte, "candidat": self.candidat, "source": self.source, "note": f"{self.note:.2f}",
                "sur": f"{self.sur:.2f}", "points_obtenus": f"{self.obtenus:.2f}",
                "points_possibles": f"{self.possibles:.2f}", "attendus": len(self.trouves) + len(self.manques),
                "trouves": [t.en_dict() for t in self.trouves], "manques": [m.en_dict() for m in self.manques],
                "non_confirmes": [{**i.en_dict(), "statut": NON_CONFIRMEE} for i in self.non_confirmes]}


# --- lecture de la liste -------------------------------------------------------------------------------------------
def _articles(article: str, texte: str) -> tuple[str, ...]:
    references: list[str] = []
    for morceau in (article, texte):
        if not morceau:
            continue
        canonique = RE_CANONIQUE.match(morceau)
        if canonique:
            references.append(f"{canonique.group(1)}:{canonique.group(2).replace(' ', '')}")
            continue
        for m in RE_CODE_PUIS_NUMERO.finditer(morceau):
            references.append(f"{m.group(1)}:{re.sub(r'[ .]', '', m.group(2))}")
        for motif, code in ABREVIATIONS:
            morceau = motif.sub(code, morceau)
        plie = plier(morceau)
        if morceau is article and not re.match(r"\s*art", plie):
            plie = "article " + plie
        for citation in chercher_citations(plie):
            references.extend(citation.references)
    return tuple(dict.fromkeys(references))


def _proposition(texte: str) -> tuple[str, str | None]:
    """(constat, reformulation) d'une ligne « constat → « reformulation » »."""
    m = RE_PROPOSITION.search(texte)
    if not m:
        return texte, None
    proposition = m.group("texte").strip().strip("«»\"“”' ").strip()
    return texte[:m.start()].strip(), proposition or None


def _item(numero: int, texte: str, article: str = "", lieu=None, proposition: str | None = None) -> Item:
    constat, lue = _proposition(texte) if proposition is None else (texte, proposition)
    lieux = [int(lieu)] if isinstance(lieu, int) or (isinstance(lieu, str) and lieu.isdigit()) else []
    lieux += [int(n) for n in RE_LIEU.findall(constat + " " + str(lieu or ""))]
    complet = (f"{article} — {texte}" if article and texte else article or texte).strip()
    return Item(numero, complet, _articles(article, constat), tuple(dict.fromkeys(lieux)), lue)


def lire_liste_texte(brut: str, chemin: str | Path = "liste") -> list[Item]:
    """Liste en texte : une non-conformité par ligne (puces et numéros ôtés, « # » : commentaire). Une ligne qui
    commence par la flèche, ou par un guillemet après une ligne finie par la flèche, continue la précédente : c'est
    sa reformulation, renvoyée à la ligne (un PDF coupe ses lignes)."""
    lignes: list[str] = []
    for ligne in (RE_PUCE.sub("", ligne).strip() for ligne in brut.splitlines()):
        if not ligne or ligne.startswith("#"):
            continue
        if lignes and (ligne.startswith(FLECHES) or (ligne.startswith("«") and lignes[-1].endswith(FLECHES))):
            lignes[-1] = f"{lignes[-1]} {ligne}"
        else:
            lignes.append(ligne)
    return [_item(numero, ligne) for numero, ligne in enumerate(lignes, 1)]


def lire_liste(chemin: str | Path) -> list[Item]:
    """Liste du candidat : texte (une non-conformité par ligne), YAML (chaînes ou {article, texte, lieu,
    proposition}), ou copie .docx, .odt, .pdf (un paragraphe par non-conformité)."""
    chemin = Path(chemin)
    if not chemin.is_file():
        raise FichierIntrouvable(chemin, "fichier introuvable ou n'est pas un fichier")
    if chemin.stat().st_size > TAILLE_MAX:
        raise EntreeInvalide(chemin, "liste trop volumineuse")
    if chemin.suffix.lower() not in (".yaml", ".yml"):      # texte ou document, reconnu à sa signature
        from ..documents import lire

        return lire_liste_texte(lire(chemin).texte, chemin)
    donnees = lire_dossier_utilisateur(chemin)
    if not isinstance(donnees, list):
        raise EntreeInvalide(chemin, "liste YAML attendue : des lignes « - texte » ou « - {article, texte} »")
    items = []
    for numero, element in enumerate(donnees, 1):
        if isinstance(element, str):
            items.append(_item(numero, element))
        elif isinstance(element, dict) and (element.get("texte") or element.get("article")):
            proposition = element.get("proposition")
            items.append(_item(numero, str(element.get("texte") or ""), str(element.get("article") or ""),
                               element.get("lieu"), str(proposition) if proposition else None))
        else:
            raise EntreeInvalide(f"{chemin}:{numero}", "élément attendu : un texte ou {article, texte, lieu, "
                                                       "proposition}")
    return items


# --- les fautes attendues ------------------------------------------------------------------------------------------
def _famille(code: str) -> str:
    from .exercice import famille

    return famille(code)


def attendues_du_corrige(corrige: dict, chemin: str | Path = "corrigé") -> list[Attendue]:
    """Fautes du corrigé d'un exercice (il fait foi)."""
    if not isinstance(corrige, dict) or not isinstance(corrige.get("fautes"), list):
        raise EntreeInvalide(chemin, "corrigé attendu : le fichier YAML écrit par `actes exercice --corrige`")
    fautes = []
    for rang, faute in enumerate(corrige["fautes"], 1):
        try:
            lieu = faute.get("lieu") or {}
            ligne = int(lieu["ligne"]) if lieu.get("ligne") is not None else None
            # une mention absente est signalée à la fin de sa section : le candidat peut citer la ligne suivante
            lieux = () if ligne is None else (ligne, ligne + 1) if faute.get("nature") == "omission" else (ligne,)
            fautes.append(Attendue(int(faute.get("numero", rang)), str(faute["code"]), str(faute["gravite"]),
                                   tuple(faute["references"]), str(faute.get("message") or ""),
                                   Decimal(str(faute["points"])), str(faute.get("famille") or _famille(faute["code"])),
                                   lieux, faute.get("attendu"), faute.get("suggestion"), faute.get("fautif")))
        except (KeyError, TypeError, ValueError, ArithmeticError):
            raise EntreeInvalide(chemin, f"faute n° {rang} : code, gravite, references et points attendus") from None
    return fautes


def attendues_du_verificateur(rapport, bareme: Bareme) -> list[Attendue]:
    """Constats erreur et avertissement d'un acte, comme fautes à trouver (points selon la gravité)."""
    fautes = []
    for rang, constat in enumerate((c for c in rapport.constats if c.gravite.value in ("erreur", "avertissement")), 1):
        fautes.append(Attendue(rang, constat.code, constat.gravite.value, tuple(constat.references), constat.message,
                               bareme.points_exercice[constat.gravite.value], _famille(constat.code),
                               (constat.emplacement.ligne,), None, constat.suggestion, constat.emplacement.extrait
                               if constat.emplacement.fin > constat.emplacement.debut else None))
    return fautes


# --- rapprochement -------------------------------------------------------------------------------------------------
def _mots(texte: str) -> set[str]:
    return {m for m in re.findall(r"[a-z0-9']{4,}", plier(texte)) if m not in MOTS_VIDES}


def _rapprochement(item: Item, faute: Attendue, regle) -> tuple[int, str] | None:
    """Force du rapprochement (None : aucun) et ce qui l'a fait : lieu, articles, mots."""
    texte = plier(item.texte)
    articles = bool(set(item.articles) & set(faute.references))
    lieu = bool(set(item.lieux) & set(faute.lieux))
    mots_cles = regle.correction.get("mots_cles", ()) if regle else ()
    mots = sum(1 for expression in mots_cles if expression in texte)
    mots += len(_mots(regle.titre if regle else "") & _mots(item.texte))
    if not ((articles and (lieu or mots)) or (lieu and mots) or mots >= 2):
        return None
    raisons = [r for r, present in (("lieu", lieu), ("article", articles), ("mots", mots)) if present]
    return 4 * lieu + 3 * articles + mots, " + ".join(raisons)


def _norme(texte: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", plier(texte)).strip()


def _modele(suggestion: str) -> re.Pattern:
    """Suggestion de la règle où « [date] », « [ville] » acceptent tout texte court."""
    morceaux = re.split(r"\[[^\]]{1,40}\]", suggestion)
    return re.compile(r"^" + r" .{1,80}? ".join(re.escape(_norme(m)) for m in morceaux).replace(r"\ ", " ") + r"$")


def noter_reformulation(proposition: str | None, faute: Attendue, regle) -> Reformulation:
    """Juste (la formulation attendue, ou la suggestion de la règle), acceptable (autres mots, même contenu : la règle
    s'en satisfait ou l'élément exigé y est), faux (la raison), absente."""
    if not proposition:
        return Reformulation(ABSENTE, "aucune reformulation proposée")
    propose = _norme(proposition)
    for modele in (faute.attendu, faute.suggestion):
        if not modele:
            continue
        if propose == _norme(modele) or _modele(modele).match(propose) or difflib.SequenceMatcher(
                None, propose, _norme(modele)).ratio() >= 0.9:
            return Reformulation(JUSTE, f"formulation attendue : « {modele} »")
    if faute.fautif and _norme(faute.fautif) and re.search(rf"\b{re.escape(_norme(faute.fautif))}\b", propose):
        return Reformulation(FAUX, f"la proposition reprend la formulation fautive « {faute.fautif} »")
    if regle is not None and regle.genre_nom == "mention_obligatoire":
        from ..redaction.formulations import motif_exige

        plie = plier(proposition)
        if all(motif_exige(regle, g).search(plie) for g in range(len(regle.genre.groupes))):
            return Reformulation(ACCEPTABLE, f"autres mots, même contenu : la formulation remplit l'exigence de "
                                             f"{faute.code} ({', '.join(faute.references)})")
        return Reformulation(FAUX, "la proposition ne contient pas la mention exigée"
                             + (f" ; attendu : « {faute.attendu or faute.suggestion} »"
                                if faute.attendu or faute.suggestion else ""))
    element = faute.attendu or faute.suggestion
    if element and re.search(rf"\b{re.escape(_norme(element))}\b", propose):
        return Reformulation(ACCEPTABLE, f"autres mots, même contenu : « {element} » y figure")
    return Reformulation(FAUX, f"attendu : « {element} »" if element else "formulation attendue inconnue")


def corriger_items(liste: list[Item], fautes: list[Attendue], *, bareme: Bareme | None = None, regles=None,
                   acte: str | None = None, source: str = "corrigé") -> CorrectionListe:
    """Rapproche chaque élément d'une faute (le plus fort d'abord, une faute par élément), note les reformulations."""
    bareme = bareme or charger_bareme()
    if regles is None:
        from ..redaction.formulations import regles_livrees

        regles = regles_livrees()
    candidats = []
    for item in liste:
        for indice, faute in enumerate(fautes):
            rapproche = _rapprochement(item, faute, regles.get(faute.code))
            if rapproche:
                candidats.append(((-rapproche[0], item.numero, indice), item, indice, rapproche[1]))
    candidats.sort(key=lambda c: c[0])
    pris_items, pris_fautes, trouves = set(), set(), []
    reformulation = bareme.reformulation
    for _, item, indice, raison in candidats:
        if item.numero in pris_items or indice in pris_fautes:
            continue
        pris_items.add(item.numero)
        pris_fautes.add(indice)
        faute = fautes[indice]
        note = noter_reformulation(item.proposition, faute, regles.get(faute.code))
        points = faute.points * ((1 - reformulation["part"]) + reformulation["part"] * reformulation[note.verdict])
        trouves.append(Trouvee(item, faute, raison, note, points))
    trouves.sort(key=lambda t: t.item.numero)
    manques = [f for i, f in enumerate(fautes) if i not in pris_fautes]
    non_confirmes = [i for i in liste if i.numero not in pris_items]
    obtenus = sum((t.points for t in trouves), Decimal(0))
    possibles = sum((f.points for f in fautes), Decimal(0))
    note = note_sur(obtenus, possibles, bareme.sur)
    return CorrectionListe(acte, source, trouves, manques, non_confirmes, note, bareme.sur, obtenus, possibles)


def corriger_liste(acte, liste: list[Item], *, corrige: dict | None = None, bareme: Bareme | None = None,
                   verificateur=None) -> CorrectionListe:
    """Liste corrigée d'après le corrigé (s'il est donné) ou d'après `actes verifier` sur l'acte."""
    from ..documents import lire
    from ..documents.document import Document

    bareme = bareme or charger_bareme()
    if corrige is not None:
        chemin = acte.chemin if isinstance(acte, Document) else acte
        return corriger_items(liste, attendues_du_corrige(corrige), bareme=bareme,
                              acte=str(chemin) if chemin else None)
    from .. import Verificateur

    verificateur = verificateur or Verificateur()
    document = acte if isinstance(acte, Document) else lire(acte)
    rapport = verificateur.verifier(document)
    return corriger_items(liste, attendues_du_verificateur(rapport, bareme), bareme=bareme,
                          regles={r.code: r for r in verificateur.regles}, acte=document.chemin,
                          source="verificateur")
