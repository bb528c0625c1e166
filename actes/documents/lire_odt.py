"""Lecture d'un .odt par lxml sur `content.xml` (et `styles.xml` pour les styles, en-têtes et pieds de page).

Ordre : en-têtes des pages maîtresses, corps (text:p, text:h, listes, sections, tableaux, cadres et formes avec
texte après leur paragraphe), pieds de page. Les blancs du XML sont repliés comme le veut ODF (suite de blancs →
une espace, blancs de tête de paragraphe omis) ; text:s, text:tab (« \\t ») et text:line-break (« \\n ») sont
explicites. Les notes, annotations et modifications suivies supprimées ne sont pas lues. Mise en forme : propriétés
de texte du style automatique ou nommé (héritage style:parent-style-name), le style d'un text:span l'emportant sur
celui du paragraphe. Source : « corps/p3 », « corps/t0/l1/c2/p0 », « entete:Standard/header/p0 », « …/z0/p0 »
pour un cadre.
"""
from __future__ import annotations

import re
import zipfile

from lxml import etree

from ..erreurs import ArchiveCorrompue
from . import garde
from .document import Bloc, Document, Segment, Suppression, codes_a_ignorer

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"

_PARAGRAPHES = {_TEXT + "p", _TEXT + "h"}
_CONTENEURS = {_TEXT + n for n in ("list", "list-item", "list-header", "section", "index-body",
                                   "table-of-content", "illustration-index", "table-index", "object-index",
                                   "user-index", "alphabetical-index", "bibliography")}
_LIGNES = {_TABLE + n for n in ("table-header-rows", "table-rows", "table-row-group")}
_OMIS = {_TEXT + n for n in ("note", "tracked-changes", "change", "change-start", "change-end", "bookmark",
                             "bookmark-start", "bookmark-end", "reference-mark", "reference-mark-start",
                             "reference-mark-end", "soft-page-break", "toc-mark", "alphabetical-index-mark",
                             "user-index-mark", "sequence-decls", "variable-decls", "user-field-decls",
                             "index-title-template", "table-of-content-source")}
_BLANCS = re.compile(r"[ \t\r\n]+")


def _proprietes(style: etree._Element) -> dict:
    """Faits de mise en forme des style:text-properties d'un style (seulement ceux qui y figurent)."""
    faits: dict = {}
    proprietes = style.find(_STYLE + "text-properties")
    if proprietes is None:
        return faits
    graisse = proprietes.get(_FO + "font-weight")
    if graisse is not None:
        faits["gras"] = graisse == "bold" or (graisse.isdigit() and int(graisse) >= 600)
    italique = proprietes.get(_FO + "font-style")
    if italique is not None:
        faits["italique"] = italique in ("italic", "oblique")
    souligne = proprietes.get(_STYLE + "text-underline-style")
    if souligne is not None:
        faits["souligne"] = souligne != "none"
    casse = proprietes.get(_FO + "text-transform")
    if casse is not None:
        faits["majuscules"] = casse == "uppercase"
    taille = proprietes.get(_FO + "font-size", "")
    if taille.endswith("pt"):
        try:
            faits["taille"] = float(taille[:-2])
        except ValueError:
            pass
    if proprietes.get(_TEXT + "display") == "none":
        faits["cache"] = True
    return faits


class _Styles:
    """Styles ODF par (famille, nom), résolus le long de style:parent-style-name."""

    def __init__(self, *conteneurs: etree._Element | None):
        self._bruts: dict[tuple[str, str], tuple[str | None, dict]] = {}
        self.defauts: dict = {}
        self._resolus: dict[tuple[str, str], dict] = {}
        for conteneur in conteneurs:
            if conteneur is None:
                continue
            for style in conteneur:
                if style.tag == _STYLE + "default-style" and style.get(_STYLE + "family") == "paragraph":
                    self.defauts = _proprietes(style)
                elif style.tag == _STYLE + "style":
                    cle = (style.get(_STYLE + "family", ""), style.get(_STYLE + "name", ""))
                    self._bruts[cle] = (style.get(_STYLE + "parent-style-name"), _proprietes(style))

    def proprietes(self, famille: str, nom: str | None) -> dict:
        """Propriétés de texte d'un style, héritage compris (cycle coupé)."""
        if nom is None:
            return {}
        cle = (famille, nom)
        if cle not in self._resolus:
            chaine, courant = [], nom
            while courant is not None and (famille, courant) in self._bruts and courant not in chaine \
                    and len(chaine) < 50:
                chaine.append(courant)
                courant = self._bruts[(famille, courant)][0]
            faits: dict = {}
            for style in reversed(chaine):
                faits.update(self._bruts[(famille, style)][1])
            self._resolus[cle] = faits
        return self._resolus[cle]


class _Paragraphe:
    """Accumulateur du texte d'un paragraphe, avec repli des blancs et segments de même mise en forme fusionnés."""

    def __init__(self):
        self.morceaux: list[str] = []
        self.longueur = 0
        self.segments: list[Segment] = []
        self.zones: list[etree._Element] = []
        self.blanc_en_attente = True     # début de paragraphe : un blanc de tête est omis
        # (début, fin, élément, « text » | « tail » | None pour text:s/tab/line-break, blanc de tête omis) : annotation
        self.pieces: list[tuple[int, int, etree._Element, str | None, bool]] = []

    def ajouter(self, texte: str, faits: dict, explicite: bool = False,
                origine: tuple[etree._Element, str | None] | None = None) -> None:
        if faits.get("cache") or not texte:
            return
        omis = False
        if not explicite:
            texte = _BLANCS.sub(" ", texte)
            if texte.startswith(" ") and self.blanc_en_attente:
                texte, omis = texte[1:], True
            if not texte:
                return
            self.blanc_en_attente = texte.endswith(" ")
        else:
            self.blanc_en_attente = False
        debut = self.longueur
        if origine is not None:
            self.pieces.append((debut, debut + len(texte), origine[0], origine[1], omis))
        self.morceaux.append(texte)
        self.longueur += len(texte)
        segment = Segment(debut, self.longueur, gras=faits.get("gras", False), italique=faits.get("italique", False),
                          souligne=faits.get("souligne", False), majuscules=faits.get("majuscules", False),
                          taille=faits.get("taille"))
        precedent = self.segments[-1] if self.segments else None
        if precedent is not None and precedent.fin == debut and _meme_forme(precedent, segment):
            self.segments[-1] = Segment(precedent.debut, self.longueur, precedent.gras, precedent.italique,
                                        precedent.souligne, precedent.majuscules, precedent.taille)
        else:
            self.segments.append(segment)


def _meme_forme(a: Segment, b: Segment) -> bool:
    return (a.gras, a.italique, a.souligne, a.majuscules, a.taille) == (b.gras, b.italique, b.souligne,
                                                                         b.majuscules, b.taille)


class _LecteurOdt:
    """Parcours du corps ODF vers une liste de blocs."""

    def __init__(self, styles: _Styles, suivre: bool = False):
        self.styles = styles
        self.blocs: list[Bloc] = []
        self.suivre = suivre             # garder, pour chaque bloc, son paragraphe et ses morceaux (annotation)
        self.traces: list[tuple[etree._Element, list]] = []
        # Annotations « actes: ignorer … » : nom → codes, texte, (bloc, position) du début et de la fin.
        self.annotations: dict[str, dict] = {}

    def conteneur(self, element: etree._Element, partie: str, prefixe: str) -> None:
        """Lit les paragraphes et tableaux d'un corps, d'une cellule, d'une liste ou d'un cadre."""
        rangs = {"p": 0, "t": 0}
        self._enfants(element, partie, prefixe, rangs)

    def _enfants(self, element: etree._Element, partie: str, prefixe: str, rangs: dict) -> None:
        for enfant in element:
            tag = enfant.tag
            if tag in _PARAGRAPHES:
                self.paragraphe(enfant, partie, f"{prefixe}/p{rangs['p']}")
                rangs["p"] += 1
            elif tag == _TABLE + "table":
                self.tableau(enfant, "tableau" if partie == "corps" else partie, f"{prefixe}/t{rangs['t']}")
                rangs["t"] += 1
            elif tag in _CONTENEURS:
                self._enfants(enfant, partie, prefixe, rangs)

    def tableau(self, tableau: etree._Element, partie: str, prefixe: str) -> None:
        """Lit un tableau ligne par ligne ; les cellules couvertes par une fusion sont sautées."""
        for rang_l, ligne in enumerate(_lignes(tableau)):
            cellules = [c for c in ligne if c.tag == _TABLE + "table-cell"]
            for rang_c, cellule in enumerate(cellules):
                self.conteneur(cellule, partie, f"{prefixe}/l{rang_l}/c{rang_c}")

    def paragraphe(self, paragraphe: etree._Element, partie: str, source: str) -> None:
        """Lit un paragraphe en un bloc, puis les cadres de texte qu'il ancre."""
        nom_style = paragraphe.get(_TEXT + "style-name")
        faits = {**self.styles.defauts, **self.styles.proprietes("paragraph", nom_style)}
        etat = _Paragraphe()
        self._contenu(paragraphe, faits, etat)
        self.blocs.append(Bloc(indice=0, texte="".join(etat.morceaux), segments=etat.segments, partie=partie,
                               source=source, style=nom_style))
        if self.suivre:
            self.traces.append((paragraphe, etat.pieces))
        for rang_z, zone in enumerate(etat.zones):
            self.conteneur(zone, "zone_texte", f"{source}/z{rang_z}")

    def _contenu(self, element: etree._Element, faits: dict, etat: _Paragraphe) -> None:
        if element.text:
            etat.ajouter(element.text, faits, origine=(element, "text"))
        for enfant in element:
            tag = enfant.tag
            if tag == _TEXT + "span":
                propres = self.styles.proprietes("text", enfant.get(_TEXT + "style-name"))
                self._contenu(enfant, {**faits, **propres} if propres else faits, etat)
            elif tag == _TEXT + "s":
                try:
                    nombre = max(1, min(int(enfant.get(_TEXT + "c", "1")), 1000))
                except ValueError:
                    nombre = 1
                etat.ajouter(" " * nombre, faits, explicite=True, origine=(enfant, None))
            elif tag == _TEXT + "tab":
                etat.ajouter("\t", faits, explicite=True, origine=(enfant, None))
            elif tag == _TEXT + "line-break":
                etat.ajouter("\n", faits, explicite=True, origine=(enfant, None))
            elif tag == _OFFICE + "annotation":
                self._annotation(enfant, etat)
            elif tag == _OFFICE + "annotation-end":
                note = self.annotations.get(enfant.get(_OFFICE + "name", ""))
                if note is not None:
                    note["fin"] = (len(self.blocs), etat.longueur)
            elif isinstance(tag, str) and tag.startswith(_DRAW):
                etat.zones.extend(_zones_de_texte(enfant))
            elif tag not in _OMIS and isinstance(tag, str) and tag.startswith(_TEXT):
                self._contenu(enfant, faits, etat)   # text:a, text:meta, champs (date, page…) : texte affiché
            if enfant.tail:
                etat.ajouter(enfant.tail, faits, origine=(enfant, "tail"))


    def _annotation(self, annotation: etree._Element, etat: _Paragraphe) -> None:
        """Retient une annotation « actes: ignorer … » et où elle commence (sans nom de fin : le paragraphe entier)."""
        texte = "\n".join("".join(p.itertext()) for p in annotation.iter(*_PARAGRAPHES)).strip()
        codes = codes_a_ignorer(texte)
        if codes is None:
            return
        nom = annotation.get(_OFFICE + "name") or f"#{len(self.annotations)}"
        en_point = annotation.get(_OFFICE + "name") is None
        self.annotations[nom] = {"codes": codes, "texte": texte,
                                 "debut": (len(self.blocs), 0 if en_point else etat.longueur),
                                 "fin": (len(self.blocs), 10 ** 9) if en_point else None}

    def suppressions(self, decalage: int) -> list[Suppression]:
        """Les annotations « actes: ignorer … », blocs comptés à partir de `decalage`."""
        suppressions = []
        for note in self.annotations.values():
            debut = note["debut"]
            fin = note["fin"] or (debut[0], 10 ** 9)
            suppressions.append(Suppression(note["codes"], (debut[0] + decalage, debut[1]),
                                            (fin[0] + decalage, fin[1]), note["texte"]))
        return suppressions


def _zones_de_texte(objet: etree._Element) -> list[etree._Element]:
    """Éléments de dessin qui portent du texte (draw:text-box d'un cadre, forme avec ses text:p), hors imbriqués."""
    if any(enfant.tag in _PARAGRAPHES or enfant.tag == _TEXT + "list" for enfant in objet):
        return [objet]
    zones = []
    for enfant in objet:
        if isinstance(enfant.tag, str) and enfant.tag.startswith(_DRAW):
            zones.extend(_zones_de_texte(enfant))
    return zones


def _lignes(tableau: etree._Element):
    """Lignes d'un tableau, à travers les groupes de lignes."""
    for enfant in tableau:
        if enfant.tag == _TABLE + "table-row":
            yield enfant
        elif enfant.tag in _LIGNES:
            yield from _lignes(enfant)


def lire_odt(archive: zipfile.ZipFile, nom: str) -> Document:
    """Document lu depuis une archive OpenDocument texte déjà contrôlée par `garde.verifier_archive`."""
    donnees = garde.lire_entree(archive, "content.xml", nom)
    if donnees is None:
        raise ArchiveCorrompue(nom, "archive OpenDocument incomplète : partie « content.xml » absente")
    contenu = garde.analyser_xml(donnees, nom, "content.xml")
    donnees_styles = garde.lire_entree(archive, "styles.xml", nom)
    styles_xml = garde.analyser_xml(donnees_styles, nom, "styles.xml") if donnees_styles else None
    blocs, _, suppressions = parcourir(contenu, styles_xml, nom)
    return Document(chemin=nom, format="odt", blocs=blocs, suppressions=suppressions)


def parcourir(contenu: etree._Element, styles_xml: etree._Element | None, nom: str,
              suivre: bool = False) -> tuple[list[Bloc], list, list[Suppression]]:
    """Blocs de `content.xml` et `styles.xml` déjà analysés, dans l'ordre de lecture, et les annotations
    « actes: ignorer … » du corps ; avec `suivre`, la trace de chaque bloc (son paragraphe et l'origine de chaque
    morceau de texte)."""
    texte = contenu.find(f"{_OFFICE}body/{_OFFICE}text")
    if texte is None:
        raise ArchiveCorrompue(nom, "la partie « content.xml » n'a pas de corps de texte (office:text)")
    communs = styles_xml.find(_OFFICE + "styles") if styles_xml is not None else None
    auto_styles = styles_xml.find(_OFFICE + "automatic-styles") if styles_xml is not None else None

    pages = []
    if styles_xml is not None:
        pages = list(styles_xml.iterfind(f"{_OFFICE}master-styles/{_STYLE}master-page"))
    lecteur_pages = _LecteurOdt(_Styles(communs, auto_styles), suivre)
    for page in pages:
        for genre in ("header", "header-left", "header-first"):
            for zone in page.iterfind(_STYLE + genre):
                lecteur_pages.conteneur(zone, "entete", f"entete:{page.get(_STYLE + 'name', '')}/{genre}")
    entetes, traces_entetes = lecteur_pages.blocs, lecteur_pages.traces
    lecteur_pages.blocs, lecteur_pages.traces = [], []
    for page in pages:
        for genre in ("footer", "footer-left", "footer-first"):
            for zone in page.iterfind(_STYLE + genre):
                lecteur_pages.conteneur(zone, "pied", f"pied:{page.get(_STYLE + 'name', '')}/{genre}")

    lecteur = _LecteurOdt(_Styles(communs, contenu.find(_OFFICE + "automatic-styles")), suivre)
    lecteur.conteneur(texte, "corps", "corps")
    blocs = entetes + lecteur.blocs + lecteur_pages.blocs
    for rang, bloc in enumerate(blocs):
        bloc.indice, bloc.ligne = rang, rang + 1
    return blocs, traces_entetes + lecteur.traces + lecteur_pages.traces, lecteur.suppressions(len(entetes))
