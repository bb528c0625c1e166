"""Correction d'une liste de non-conformités relevées par un candidat dans un acte fautif (constats de actes verifier)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ..analyse.citations import chercher_citations
from ..analyse.texte import plier
from ..donnees import lire_yaml, lire_yaml_texte
from ..sortie import noter_lecture
from ..erreurs import EntreeInvalide, FichierIntrouvable
from ..ressources import dossier_regles
from .bareme import Bareme, charger_bareme, note_sur

RE_CANONIQUE = re.compile(r"^\s*([A-Z][A-Z0-9-]*)\s*:\s*([LRDA]?\d[\w-]*(?: (?:bis|ter|quater))?)\s*$")
RE_PUCE = re.compile(r"^\s*(?:[-*•–]|\d+[.)]|[a-z][.)])\s+")
MOTS_VIDES = frozenset("dans pour avec sans sous leur leurs elle elles sont acte l'acte mention indique indiquee "
                       "absente absent manque manquante faute".split())
TAILLE_MAX = 1024 * 1024


@dataclass(frozen=True)
class Item:
    """Une non-conformité écrite par le candidat : son texte et les articles qu'il cite (forme CODE:ARTICLE)."""

    numero: int
    texte: str
    articles: tuple[str, ...]


def _articles(article: str, texte: str) -> tuple[str, ...]:
    references: list[str] = []
    for morceau in (article, texte):
        if not morceau:
            continue
        canonique = RE_CANONIQUE.match(morceau)
        if canonique:
            references.append(f"{canonique.group(1)}:{canonique.group(2).replace(' ', '')}")
            continue
        plie = plier(morceau)
        if morceau is article and not re.match(r"\s*art", plie):
            plie = "article " + plie
        for citation in chercher_citations(plie):
            references.extend(citation.references)
    return tuple(dict.fromkeys(references))


def lire_liste(chemin: str | Path) -> list[Item]:
    """Liste du candidat : texte (une non-conformité par ligne) ou YAML (chaînes ou {article, texte})."""
    chemin = Path(chemin)
    if not chemin.is_file():
        raise FichierIntrouvable(chemin, "fichier introuvable ou n'est pas un fichier")
    if chemin.stat().st_size > TAILLE_MAX:
        raise EntreeInvalide(chemin, "liste trop volumineuse")
    noter_lecture(chemin)
    brut = chemin.read_bytes().decode("utf-8-sig", errors="replace")
    if chemin.suffix.lower() in (".yaml", ".yml"):
        donnees = lire_yaml_texte(brut, chemin, erreur=EntreeInvalide)
        if not isinstance(donnees, list):
            raise EntreeInvalide(chemin, "liste YAML attendue : des lignes « - texte » ou « - {article, texte} »")
        items = []
        for numero, element in enumerate(donnees, 1):
            if isinstance(element, str):
                article, texte = "", element
            elif isinstance(element, dict) and (element.get("texte") or element.get("article")):
                article, texte = str(element.get("article") or ""), str(element.get("texte") or "")
            else:
                raise EntreeInvalide(f"{chemin}:{numero}", "élément attendu : un texte ou {article, texte}")
            items.append(Item(numero, (f"{article} — {texte}" if article and texte else article or texte).strip(),
                              _articles(article, texte)))
        return items
    lignes = [RE_PUCE.sub("", ligne).strip() for ligne in brut.splitlines()]
    lignes = [ligne for ligne in lignes if ligne and not ligne.startswith("#")]
    return [Item(numero, ligne, _articles("", ligne)) for numero, ligne in enumerate(lignes, 1)]


@lru_cache(maxsize=1)
def _mots_cles() -> dict[str, tuple[str, ...]]:
    donnees = lire_yaml(dossier_regles() / "correction" / "mots-cles.yaml") or {}
    return {code: tuple(mots) for code, mots in donnees.items()}


def _mots(texte: str) -> set[str]:
    return {m for m in re.findall(r"[a-z0-9']{4,}", plier(texte)) if m not in MOTS_VIDES}


def _affinite(item: Item, constat: dict, titre: str) -> tuple[int, int]:
    """(articles en commun, mots en commun) entre un élément de la liste et un constat."""
    texte = plier(item.texte)
    communs_articles = len(set(item.articles) & set(constat["references"]))
    mots = sum(1 for expression in _mots_cles().get(constat["code"], ()) if expression in texte)
    mots += len(_mots(titre) & _mots(item.texte))
    return communs_articles, mots


@dataclass
class CorrectionListe:
    """Résultat : non-conformités trouvées, manquées, revendiquées à tort ; note."""

    acte: str | None
    trouves: list[tuple[Item, dict]]
    manques: list[dict]
    errones: list[Item]
    note: Decimal
    sur: Decimal

    def en_dict(self) -> dict:
        """Forme JSON documentée (voir actes/correction/__init__.py)."""
        def item(i: Item) -> dict:
            return {"numero": i.numero, "texte": i.texte, "articles": list(i.articles)}

        def constat(c: dict) -> dict:
            return {"code": c["code"], "gravite": c["gravite"], "references": c["references"],
                    "message": c["message"]}

        return {"acte": self.acte, "note": f"{self.note:.2f}", "sur": f"{self.sur:.2f}",
                "attendus": len(self.trouves) + len(self.manques),
                "trouves": [{"item": item(i), "constat": constat(c)} for i, c in self.trouves],
                "manques": [constat(c) for c in self.manques], "errones": [item(i) for i in self.errones]}


def corriger_liste(acte, liste: list[Item], *, bareme: Bareme | None = None) -> CorrectionListe:
    """Rapproche chaque élément de la liste d'un constat (article commun et mot-clé, ou deux mots-clés)."""
    from .. import Verificateur
    from ..documents import lire
    from ..documents.document import Document

    bareme = bareme or charger_bareme()
    verificateur = Verificateur()
    titres = {r.code: r.titre for r in verificateur.regles}
    document = acte if isinstance(acte, Document) else lire(acte)
    rapport = verificateur.verifier(document, type_acte="signification_jugement")
    attendus = [c.en_dict() for c in rapport.constats if c.gravite.value in ("erreur", "avertissement")]
    candidats = []
    for item in liste:
        for indice, constat in enumerate(attendus):
            articles, mots = _affinite(item, constat, titres.get(constat["code"], ""))
            if (articles and mots) or mots >= 2:
                candidats.append(((-articles - mots, item.numero, indice), item, indice))
    candidats.sort(key=lambda c: c[0])
    pris_items, pris_constats, trouves = set(), set(), []
    for _, item, indice in candidats:
        if item.numero in pris_items or indice in pris_constats:
            continue
        pris_items.add(item.numero)
        pris_constats.add(indice)
        trouves.append((item, attendus[indice]))
    trouves.sort(key=lambda t: t[0].numero)
    manques = [c for i, c in enumerate(attendus) if i not in pris_constats]
    errones = [i for i in liste if i.numero not in pris_items]
    obtenus = Decimal(len(trouves)) - bareme.penalite_liste * len(errones)
    note = note_sur(obtenus, Decimal(len(attendus)), bareme.sur) if attendus else (
        bareme.sur if not errones else Decimal("0.00"))
    return CorrectionListe(document.chemin, trouves, manques, errones, note, bareme.sur)
