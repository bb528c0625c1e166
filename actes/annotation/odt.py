"""Copie relue d'un .odt : une annotation (office:annotation … office:annotation-end) par constat sur ses mots, et les
corrections en modifications suivies (text:tracked-changes) de l'auteur « actes », que « Accepter » applique.

Le texte est parcouru par `documents.lire_odt.parcourir` (mêmes blocs, mêmes positions que la vérification) ; une
position du texte lu est ramenée à sa place dans le nœud XML d'origine (blancs repliés compris). Un remplacement
n'est écrit que si les mots visés sont dans un seul nœud de texte ; sinon, le commentaire seul. Comme dans Word, pas
d'annotation dans un en-tête ou un pied de page : le constat est commenté sur le titre.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from collections import Counter

from lxml import etree

from ..documents import garde
from ..documents.lire_odt import _BLANCS, parcourir
from ..erreurs import ArchiveCorrompue
from .texte import AUTEUR, lignes_du_commentaire, lignes_du_resume

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_ESPACES = {"office": _OFFICE, "text": _TEXT, "dc": _DC}


def _el(nom: str, attributs: dict | None = None, texte: str | None = None) -> etree._Element:
    prefixe, local = nom.split(":")
    element = etree.Element(f"{{{_ESPACES[prefixe]}}}{local}", nsmap={"dc": _DC} if prefixe == "dc" else None)
    for cle, valeur in (attributs or {}).items():
        p, l = cle.split(":")
        element.set(f"{{{_ESPACES[p]}}}{l}", valeur)
    element.text = texte
    return element


def _carte(brut: str, omis: bool) -> list[int]:
    """Index dans le nœud brut de chaque caractère lu (blancs repliés en une espace), plus la fin."""
    carte, position = [], 0
    for blanc in _BLANCS.finditer(brut):
        carte.extend(range(position, blanc.start()))
        carte.append(blanc.start())
        position = blanc.end()
    carte.extend(range(position, len(brut)))
    if omis and carte:
        carte = carte[1:]
    return carte + [len(brut)]


class _Bloc:
    """Insertions dans un bloc, de la fin vers le début ; à position égale, la dernière insérée passe devant."""

    def __init__(self, paragraphe: etree._Element, pieces: list):
        self.paragraphe, self.pieces = paragraphe, pieces
        self.ancres: dict[int, etree._Element] = {}

    def _piece(self, position: int):
        for piece in self.pieces:
            if piece[0] <= position < piece[1]:
                return piece
        for piece in reversed(self.pieces):
            if piece[1] == position:
                return piece
        return None

    def piece_unique(self, debut: int, fin: int):
        """Morceau de texte brut qui contient à lui seul [debut, fin), ou None."""
        piece = self._piece(debut)
        if piece is None or piece[3] is None or fin > piece[1]:
            return None
        return piece

    def inserer(self, position: int, noeuds: list[etree._Element], jusqu_a: int | None = None) -> bool:
        """Insère `noeuds` à la position ; avec `jusqu_a`, le texte [position, jusqu_a) est retiré (même nœud)."""
        if position in self.ancres and jusqu_a is None:
            for noeud in noeuds:
                self.ancres[position].addprevious(noeud)
            self.ancres[position] = noeuds[0]
            return True
        piece = self.piece_unique(position, jusqu_a) if jusqu_a is not None else self._piece(position)
        if piece is None:
            if jusqu_a is not None or self.pieces:
                return False
            for noeud in noeuds:
                self.paragraphe.append(noeud)
            self.ancres[position] = noeuds[0]
            return True
        debut, _, element, attribut, omis = piece
        if attribut is None:                          # text:s, text:tab, text:line-break
            parent = element.getparent()
            if position == debut:
                rang = parent.index(element)
                for decalage, noeud in enumerate(noeuds):
                    parent.insert(rang + decalage, noeud)
            else:
                noeuds[-1].tail, element.tail = element.tail, None
                for noeud in reversed(noeuds):
                    element.addnext(noeud)
        else:
            brut = getattr(element, attribut) or ""
            carte = _carte(brut, omis)
            coupe = carte[min(position - debut, len(carte) - 1)]
            reprise = carte[min(jusqu_a - debut, len(carte) - 1)] if jusqu_a is not None else coupe
            setattr(element, attribut, brut[:coupe] or None)
            noeuds[-1].tail = (noeuds[-1].tail or "") + brut[reprise:] or None
            if attribut == "text":
                for noeud in reversed(noeuds):
                    element.insert(0, noeud)
            else:
                for noeud in reversed(noeuds):
                    element.addnext(noeud)
        self.ancres[position] = noeuds[0]
        return True


def _horodatage() -> str:
    """Date des modifications suivies (ODF l'exige) : le jour à 0 h UTC, ou SOURCE_DATE_EPOCH s'il est donné, pour que
    la même entrée donne les mêmes octets."""
    epoque = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoque.isdigit():
        return dt.datetime.fromtimestamp(int(epoque), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT00:00:00")


class _Annotateur:
    def __init__(self, corps: etree._Element):
        self.corps = corps
        self.date = _horodatage()
        self.numero = 0
        self.regions: list[etree._Element] = []

    def nom(self) -> str:
        self.numero += 1
        return f"actes-{self.numero}"

    def annotation(self, lignes: list[str]) -> tuple[etree._Element, etree._Element]:
        nom = self.nom()
        annotation = _el("office:annotation", {"office:name": nom})
        annotation.append(_el("dc:creator", texte=AUTEUR))
        for ligne in lignes:
            annotation.append(_el("text:p", texte=ligne))
        return annotation, _el("office:annotation-end", {"office:name": nom})

    def region(self, genre: str, supprime: str | None = None) -> str:
        identifiant = self.nom()
        region = _el("text:changed-region", {"text:id": identifiant})
        changement = _el(f"text:{genre}")
        info = _el("office:change-info")
        info.append(_el("dc:creator", texte=AUTEUR))
        info.append(_el("dc:date", texte=self.date))
        changement.append(info)
        if supprime is not None:
            changement.append(_el("text:p", texte=supprime))
        region.append(changement)
        self.regions.append(region)
        return identifiant

    def inscrire_regions(self) -> None:
        if not self.regions:
            return
        liste = self.corps.find(f"{{{_TEXT}}}tracked-changes")
        if liste is None:
            liste = _el("text:tracked-changes")
            self.corps.insert(0, liste)
        liste.extend(self.regions)


def annoter_odt(donnees: bytes, nom: str, constats: list[dict]) -> bytes:
    """Octets de la copie relue ; `constats` : ceux du rapport JSON (version 1) de ce même document."""
    with zipfile.ZipFile(io.BytesIO(donnees)) as archive:
        entrees = [(info, archive.read(info.filename)) for info in archive.infolist()]
    parties = dict((info.filename, contenu) for info, contenu in entrees)
    if "content.xml" not in parties:
        raise ArchiveCorrompue(nom, "archive OpenDocument incomplète : partie « content.xml » absente")
    contenu = garde.analyser_xml(parties["content.xml"], nom, "content.xml")
    styles = garde.analyser_xml(parties["styles.xml"], nom, "styles.xml") if "styles.xml" in parties else None
    blocs, traces, _ = parcourir(contenu, styles, nom, suivre=True)
    corps = contenu.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    annotateur = _Annotateur(corps)
    etats = [_Bloc(paragraphe, pieces) for paragraphe, pieces in traces]
    titre = _titre(blocs)

    operations: list[tuple[int, int, int, object]] = []     # (bloc, position, 1 début | 0 fin, action)
    en_fin: list = []                                        # ajouts en fin de paragraphe ou après lui
    portees = {}
    for constat in constats:
        lieu = constat["emplacement"]
        if lieu["fin"] > lieu["debut"]:
            portees.setdefault(lieu["bloc"], []).append((lieu["debut"], lieu["fin"]))
    for constat in constats:
        lieu = constat["emplacement"]
        if not 0 <= lieu["bloc"] < len(blocs):
            continue
        bloc = blocs[lieu["bloc"]]
        lignes = lignes_du_commentaire(constat)
        rang, debut, fin = lieu["bloc"], lieu["debut"], lieu["fin"]
        if bloc.partie in ("entete", "pied") or fin <= debut and not bloc.texte:
            if titre is None:
                continue
            ou = {"entete": "dans l’en-tête : ", "pied": "dans le pied de page : "}.get(bloc.partie, "")
            lignes = [lignes[0], f"({ou}« {lieu['extrait']} »)", *lignes[1:]]
            rang, debut, fin = titre, 0, len(blocs[titre].texte)
            constat = {**constat, "correction": None}
        elif fin <= debut:
            debut, fin = 0, len(bloc.texte)
        annotation, fin_annotation = annotateur.annotation(lignes)
        correction, suggestion = constat.get("correction"), constat.get("suggestion")
        if correction == "remplacer" and suggestion and lieu["fin"] > lieu["debut"] \
                and etats[rang].piece_unique(debut, fin) is not None \
                and not any(debut <= p < fin for d, f in portees.get(rang, []) if (d, f) != (debut, fin)
                            for p in (d, f)):
            operations.append((rang, debut, 1, ("remplacer", annotation, fin_annotation, suggestion, fin,
                                                bloc.texte[debut:fin])))
            continue
        operations.append((rang, fin, 0, ("noeuds", [fin_annotation])))
        operations.append((rang, debut, 1, ("noeuds", [annotation])))
        if correction == "inserer" and suggestion:
            if lieu["fin"] > lieu["debut"]:
                operations.append((rang, fin, 0, ("inserer", suggestion)))
            elif suggestion[:1].isupper():
                en_fin.append(("paragraphe", rang, suggestion))
            else:
                en_fin.append(("ajout", rang, suggestion))
    if titre is not None:
        annotation, fin_annotation = annotateur.annotation(lignes_du_resume(Counter(c["gravite"] for c in constats)))
        operations.append((titre, len(blocs[titre].texte), 0, ("noeuds", [fin_annotation])))
        operations.append((titre, 0, 1, ("noeuds", [annotation])))

    for rang, position, _, action in sorted(operations, key=lambda o: (o[0], o[1], o[2]), reverse=True):
        etat = etats[rang]
        if action[0] == "noeuds":
            etat.inserer(position, action[1])
        elif action[0] == "inserer":
            etat.inserer(position, _insertion(annotateur, _fragment(action[1])))
        else:
            _, annotation, fin_annotation, suggestion, jusqu_a, supprime = action
            suppression = annotateur.region("deletion", supprime)
            noeuds = [annotation, _el("text:change", {"text:change-id": suppression}),
                      *_insertion(annotateur, suggestion), fin_annotation]
            if not etat.inserer(position, noeuds, jusqu_a=jusqu_a):
                annotateur.regions.pop()
                etat.inserer(jusqu_a, [fin_annotation])
                etat.inserer(position, [annotation])
    for genre, rang, suggestion in en_fin:
        paragraphe = etats[rang].paragraphe
        if genre == "ajout":
            paragraphe.extend(_insertion(annotateur, _fragment(suggestion)))
        else:
            identifiant = annotateur.region("insertion")
            debut_insertion = _el("text:change-start", {"text:change-id": identifiant})
            paragraphe.append(debut_insertion)
            nouveau = _el("text:p", texte=suggestion)
            style = paragraphe.get(f"{{{_TEXT}}}style-name")
            if style:
                nouveau.set(f"{{{_TEXT}}}style-name", style)
            nouveau.append(_el("text:change-end", {"text:change-id": identifiant}))
            paragraphe.addnext(nouveau)
    annotateur.inscrire_regions()
    parties["content.xml"] = etree.tostring(contenu, xml_declaration=True, encoding="UTF-8")
    return _enregistrer(entrees, parties)


def _fragment(suggestion: str) -> str:
    return suggestion if suggestion[:1] in ",.;:)" else " " + suggestion


def _insertion(annotateur: _Annotateur, texte: str) -> list[etree._Element]:
    identifiant = annotateur.region("insertion")
    debut = _el("text:change-start", {"text:change-id": identifiant})
    debut.tail = texte
    return [debut, _el("text:change-end", {"text:change-id": identifiant})]


def _titre(blocs) -> int | None:
    """Rang du bloc du titre (celui qui annonce le type d'acte), à défaut du premier bloc non vide du corps."""
    from ..analyse.texte import plier
    from ..analyse.type_acte import reconnaitre

    _, rang = reconnaitre([plier(bloc.texte) for bloc in blocs], "")
    if rang is not None and blocs[rang].partie not in ("entete", "pied"):
        return rang
    return next((i for i, bloc in enumerate(blocs) if bloc.partie not in ("entete", "pied") and bloc.texte.strip()),
                None)


def _enregistrer(entrees, parties: dict) -> bytes:
    """Archive réécrite : `mimetype` d'abord et non compressé, dates d'entrée fixes (mêmes entrées, mêmes octets)."""
    sortie = io.BytesIO()
    with zipfile.ZipFile(sortie, "w") as cible:
        for info, _ in entrees:
            entree = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entree.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            entree.external_attr = 0o644 << 16
            cible.writestr(entree, parties[info.filename])
    return sortie.getvalue()
