"""Lecture d'un .docx par lxml directement sur les parties du paquet (plus rapide que python-docx, même texte).

Ordre de lecture : en-têtes, corps (paragraphes et tableaux dans l'ordre du document, tableaux imbriqués,
zones de texte après le paragraphe qui les ancre), pieds de page. Choix de texte :
- une tabulation (w:tab, w:ptab) donne « \\t » ; un saut de ligne manuel (w:br, w:cr) donne « \\n » à l'intérieur
  du bloc : `Document.texte` ne distingue donc pas un saut de ligne d'un changement de paragraphe, mais `Bloc.ligne`
  reste le rang du paragraphe ; un saut de page ou de colonne ne donne « \\n » qu'entre deux textes du paragraphe
  (en tête ou en fin de paragraphe il ne donne rien, comme dans python-docx) ;
- d'un champ (w:fldChar, w:fldSimple) seul le résultat affiché est lu, jamais l'instruction ;
- le texte supprimé en suivi des modifications (w:del, w:moveFrom) et le texte masqué (w:vanish) sont omis ;
- d'un mc:AlternateContent seul le premier mc:Choice est lu (la copie mc:Fallback d'une zone de texte est ignorée) ;
- le trait d'union insécable (w:noBreakHyphen) donne « - » ; le trait d'union conditionnel et les symboles
  (w:softHyphen, w:sym) sont omis ; les notes de bas de page et la numérotation automatique ne sont pas lues.

Mise en forme d'un segment : propriétés directes du run, sinon style de caractère (w:rStyle), sinon style de
paragraphe, sinon valeurs par défaut du document ; chaque style suit sa chaîne w:basedOn. Simplification : un style
de caractère l'emporte sur le style de paragraphe (pas de « bascule » XOR des propriétés w:b, w:i, w:caps).

Localisation (`Bloc.source`) : « corps/p12 » = 13e paragraphe du conteneur, « corps/t1/l2/c3/p0 » = 1er paragraphe
de la 4e cellule de la 3e ligne du 2e tableau ; les w:sdt et w:customXml sont traversés sans compter ;
« entete:header1.xml/p0 », « pied:footer1.xml/p0 » ; une zone de texte ajoute « /z0/p0 » à la source de son
paragraphe. `Segment.source` « r3 » = 4e run lu du paragraphe (hors w:del, mc:Fallback et zones de texte).
"""
from __future__ import annotations

import posixpath
import threading
import zipfile

from lxml import etree

from ..erreurs import ArchiveCorrompue
from . import garde
from .document import Bloc, Document, Segment, Suppression, codes_a_ignorer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_P, _TBL, _TR, _TC, _R_, _T = W + "p", W + "tbl", W + "tr", W + "tc", W + "r", W + "t"
_TAB, _PTAB, _BR, _CR = W + "tab", W + "ptab", W + "br", W + "cr"
_FLDCHAR, _NBH, _RPR, _PPR = W + "fldChar", W + "noBreakHyphen", W + "rPr", W + "pPr"
_TXBX = W + "txbxContent"
_CHOICE, _FALLBACK, _ALTERNATE = _MC + "Choice", _MC + "Fallback", _MC + "AlternateContent"
_VAL, _FLDTYPE = W + "val", W + "fldCharType"
_SDT, _SDTCONTENT, _CUSTOMXML = W + "sdt", W + "sdtContent", W + "customXml"
# Éléments traversés dans un paragraphe (leurs runs sont visibles).
_TRAVERSES = {W + n for n in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "sdtContent", "fldSimple",
                              "dir", "bdo")} | {_SDT}
# Éléments dont le contenu peut porter une zone de texte.
_OBJETS = {W + "drawing", W + "pict", W + "object"}
_MARQUES_COMMENTAIRE = {W + "commentRangeStart": "debut", W + "commentRangeEnd": "fin"}
_COMMENTREF = W + "commentReference"
_FAUX = {"0", "false", "off", "none"}
_TOGGLES = {W + "b": "gras", W + "i": "italique", W + "caps": "majuscules", W + "vanish": "cache"}


def _choix(alternative: etree._Element) -> etree._Element | None:
    """Premier mc:Choice d'un mc:AlternateContent (à défaut, son mc:Fallback)."""
    for enfant in alternative:
        if enfant.tag == _CHOICE:
            return enfant
    for enfant in alternative:
        if enfant.tag == _FALLBACK:
            return enfant
    return None


def _proprietes(rpr: etree._Element | None) -> dict:
    """Faits de mise en forme écrits dans un w:rPr (seulement ceux qui y figurent)."""
    faits: dict = {}
    if rpr is None:
        return faits
    for enfant in rpr:
        tag = enfant.tag
        nom = _TOGGLES.get(tag)
        if nom is not None:
            faits[nom] = enfant.get(_VAL, "true").lower() not in _FAUX
        elif tag == W + "u":
            faits["souligne"] = enfant.get(_VAL, "single").lower() not in _FAUX
        elif tag == W + "sz":
            try:
                faits["taille"] = int(enfant.get(_VAL, "")) / 2
            except ValueError:
                pass
    return faits


class _Styles:
    """Styles du document : propriétés de caractère résolues le long de w:basedOn, calculées à la demande."""

    def __init__(self, racine: etree._Element | None):
        self._elements: dict[str, etree._Element] = {}
        self.paragraphe_defaut: str | None = None
        self.defauts: dict = {}
        self._resolus: dict[str, dict] = {}
        self._noms: dict[str, str] = {}
        if racine is None:
            return
        self.defauts = _proprietes(racine.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr"))
        for style in racine.iterchildren(W + "style"):
            identifiant = style.get(W + "styleId")
            if identifiant is None:
                continue
            self._elements[identifiant] = style
            if style.get(W + "type") == "paragraph" and style.get(W + "default", "0").lower() in ("1", "true", "on"):
                self.paragraphe_defaut = identifiant

    def nom(self, identifiant: str) -> str:
        """Nom affiché d'un style (son identifiant s'il n'en a pas)."""
        if identifiant not in self._noms:
            element = self._elements.get(identifiant)
            nom = element.find(W + "name") if element is not None else None
            self._noms[identifiant] = nom.get(_VAL, identifiant) if nom is not None else identifiant
        return self._noms[identifiant]

    def proprietes(self, identifiant: str | None) -> dict:
        """Propriétés de caractère d'un style, héritage w:basedOn compris (cycle coupé)."""
        if identifiant is None:
            return {}
        if identifiant not in self._resolus:
            chaine, courant = [], identifiant
            while courant in self._elements and courant not in chaine and len(chaine) < 50:
                chaine.append(courant)
                base = self._elements[courant].find(W + "basedOn")
                courant = base.get(_VAL) if base is not None else None
            faits: dict = {}
            for style in reversed(chaine):
                faits.update(_proprietes(self._elements[style].find(_RPR)))
            self._resolus[identifiant] = faits
        return self._resolus[identifiant]


_CACHE_STYLES: dict[bytes, _Styles] = {}
_CACHE_STYLES_MAX = 16
_VERROU_STYLES = threading.Lock()


def _styles(donnees: bytes | None, nom: str, partie: str | None) -> _Styles:
    """Styles d'un paquet, gardés en cache par contenu exact : les actes d'un même modèle partagent leur styles.xml."""
    if not donnees:
        return _Styles(None)
    with _VERROU_STYLES:
        styles = _CACHE_STYLES.get(donnees)
    if styles is None:
        styles = _Styles(garde.analyser_xml(donnees, nom, partie))
        with _VERROU_STYLES:
            if len(_CACHE_STYLES) >= _CACHE_STYLES_MAX:
                _CACHE_STYLES.pop(next(iter(_CACHE_STYLES)))
            _CACHE_STYLES[donnees] = styles
    return styles


class _LecteurDocx:
    """Parcours des parties XML d'un paquet Word vers une liste de blocs."""

    def __init__(self, styles: _Styles, suivre: bool = False):
        self.styles = styles
        self.blocs: list[Bloc] = []
        self.champs: list[str] = []        # pile des champs ouverts : « instruction » ou « resultat »
        # Avec `suivre` : pour chaque bloc, son w:p et les éléments qui en donnent le texte (annotation).
        self.suivre = suivre
        self.traces: list[tuple[etree._Element, list[tuple[int, int, etree._Element]]]] = []
        # Commentaires du corps : identifiant → {« debut », « fin », « reference »} → (bloc, position).
        self.marques: dict[str, dict[str, tuple[int, int]]] = {}

    # --- niveau bloc ---------------------------------------------------------------------------------------------
    def _elements(self, conteneur: etree._Element):
        """Paragraphes et tableaux d'un conteneur, dans l'ordre, à travers w:sdt, w:customXml et mc:AlternateContent."""
        for enfant in conteneur:
            tag = enfant.tag
            if tag == _P or tag == _TBL:
                yield enfant
            elif tag == _SDT:
                contenu = enfant.find(_SDTCONTENT)
                if contenu is not None:
                    yield from self._elements(contenu)
            elif tag == _CUSTOMXML or tag == _SDTCONTENT:
                yield from self._elements(enfant)
            elif tag == _ALTERNATE:
                choix = _choix(enfant)
                if choix is not None:
                    yield from self._elements(choix)

    def conteneur(self, element: etree._Element, partie: str, prefixe: str) -> None:
        """Lit les paragraphes et tableaux d'un corps, d'une cellule, d'un en-tête ou d'une zone de texte."""
        rang_p = rang_t = 0
        for enfant in self._elements(element):
            if enfant.tag == _P:
                self.paragraphe(enfant, partie, f"{prefixe}/p{rang_p}")
                rang_p += 1
            else:
                self.tableau(enfant, "tableau" if partie == "corps" else partie, f"{prefixe}/t{rang_t}")
                rang_t += 1

    def tableau(self, tableau: etree._Element, partie: str, prefixe: str) -> None:
        """Lit un tableau ligne par ligne, cellule par cellule (tableaux imbriqués compris)."""
        lignes = [e for e in self._descendre(tableau, _TR)]
        for rang_l, ligne in enumerate(lignes):
            for rang_c, cellule in enumerate(self._descendre(ligne, _TC)):
                self.conteneur(cellule, partie, f"{prefixe}/l{rang_l}/c{rang_c}")

    def _descendre(self, element: etree._Element, tag: str):
        """Enfants `tag` d'un élément, à travers w:sdt/w:sdtContent/w:customXml."""
        for enfant in element:
            if enfant.tag == tag:
                yield enfant
            elif enfant.tag in (_SDT, _SDTCONTENT, _CUSTOMXML):
                yield from self._descendre(enfant, tag)

    # --- niveau paragraphe ---------------------------------------------------------------------------------------
    def paragraphe(self, paragraphe: etree._Element, partie: str, source: str) -> None:
        """Lit un paragraphe en un bloc, puis les zones de texte qu'il ancre."""
        ppr = paragraphe.find(_PPR)
        style_id = None
        if ppr is not None:
            pstyle = ppr.find(W + "pStyle")
            if pstyle is not None:
                style_id = pstyle.get(_VAL)
        if style_id is None:
            style_id = self.styles.paragraphe_defaut
        etat = _Paragraphe({**self.styles.defauts, **self.styles.proprietes(style_id)})
        self._contenu(paragraphe, etat)
        self.blocs.append(Bloc(indice=0, texte="".join(etat.morceaux), segments=etat.segments, partie=partie,
                               source=source, style=self.styles.nom(style_id) if style_id else None))
        if self.suivre:
            self.traces.append((paragraphe, etat.pieces))
        for rang_z, zone in enumerate(etat.zones):
            champs, self.champs = self.champs, []
            self.conteneur(zone, "zone_texte", f"{source}/z{rang_z}")
            self.champs = champs

    def _contenu(self, element: etree._Element, etat: _Paragraphe) -> None:
        for enfant in element:
            tag = enfant.tag
            if tag == _R_:
                self._run(enfant, etat)
            elif tag in _MARQUES_COMMENTAIRE:
                self._marquer(enfant, _MARQUES_COMMENTAIRE[tag], etat)
            elif tag in _TRAVERSES:
                self._contenu(enfant, etat)
            elif tag == _ALTERNATE:
                choix = _choix(enfant)
                if choix is not None:
                    self._contenu(choix, etat)

    def _run(self, run: etree._Element, etat: _Paragraphe) -> None:
        rang = etat.runs
        etat.runs += 1
        rpr = run.find(_RPR)
        directes = _proprietes(rpr)
        faits = etat.base
        if rpr is not None:
            rstyle = rpr.find(W + "rStyle")
            if rstyle is not None:
                faits = {**faits, **self.styles.proprietes(rstyle.get(_VAL))}
        if directes:
            faits = {**faits, **directes}
        cache = faits.get("cache", False)
        debut = etat.longueur
        for enfant in run:
            tag = enfant.tag
            if tag == _T:
                if not cache and "instruction" not in self.champs and enfant.text:
                    etat.ajouter(enfant.text, enfant)
            elif tag == _TAB or tag == _PTAB:
                if not cache and "instruction" not in self.champs:
                    etat.ajouter("\t", enfant)
            elif tag == _BR or tag == _CR:
                if not cache and "instruction" not in self.champs:
                    if enfant.get(W + "type", "textWrapping") == "textWrapping":
                        etat.ajouter("\n", enfant)
                    elif etat.longueur:
                        etat.saut_en_attente = True
            elif tag == _NBH:
                if not cache and "instruction" not in self.champs:
                    etat.ajouter("-", enfant)
            elif tag == _FLDCHAR:
                self._champ(enfant.get(_FLDTYPE))
            elif tag == _COMMENTREF:
                self._marquer(enfant, "reference", etat)
            elif tag in _OBJETS:
                etat.zones.extend(_zones_de_texte(enfant))
            elif tag == _ALTERNATE:
                choix = _choix(enfant)
                if choix is not None:
                    for objet in choix:
                        if objet.tag in _OBJETS:
                            etat.zones.extend(_zones_de_texte(objet))
        if etat.longueur > debut:
            etat.segments.append(Segment(
                debut, etat.longueur, gras=faits.get("gras", False), italique=faits.get("italique", False),
                souligne=faits.get("souligne", False), majuscules=faits.get("majuscules", False),
                taille=faits.get("taille"), source=f"r{rang}"))

    def _marquer(self, element: etree._Element, genre: str, etat: _Paragraphe) -> None:
        """Retient où commence, finit ou est appelé un commentaire (bloc en cours, position dans son texte)."""
        self.marques.setdefault(element.get(W + "id", ""), {}).setdefault(genre, (len(self.blocs), etat.longueur))

    def _champ(self, type_: str | None) -> None:
        """Suit l'état des champs complexes : begin → instruction, separate → résultat, end → fermé."""
        if type_ == "begin":
            self.champs.append("instruction")
        elif type_ == "separate" and self.champs:
            self.champs[-1] = "resultat"
        elif type_ == "end" and self.champs:
            self.champs.pop()


class _Paragraphe:
    """Accumulateur du texte et des segments d'un paragraphe."""

    __slots__ = ("base", "morceaux", "longueur", "segments", "zones", "runs", "saut_en_attente", "pieces")

    def __init__(self, base: dict):
        self.base = base
        self.morceaux: list[str] = []
        self.longueur = 0
        self.segments: list[Segment] = []
        self.zones: list[etree._Element] = []
        self.runs = 0
        self.saut_en_attente = False     # saut de page ou de colonne entre deux textes du paragraphe
        self.pieces: list[tuple[int, int, etree._Element]] = []    # (début, fin, élément qui donne ce texte)

    def ajouter(self, texte: str, element: etree._Element) -> None:
        if self.saut_en_attente:
            self.saut_en_attente = False
            self.morceaux.append("\n")
            self.longueur += 1
        self.pieces.append((self.longueur, self.longueur + len(texte), element))
        self.morceaux.append(texte)
        self.longueur += len(texte)


def _zones_de_texte(objet: etree._Element) -> list[etree._Element]:
    """w:txbxContent d'un dessin ou d'un objet VML, hors copies mc:Fallback et hors zones imbriquées."""
    zones = []
    for zone in objet.iter(_TXBX):
        parent, garder = zone.getparent(), True
        while parent is not None and parent is not objet:
            if parent.tag == _FALLBACK or parent.tag == _TXBX:
                garder = False
                break
            parent = parent.getparent()
        if garder:
            zones.append(zone)
    return zones


def _relations(archive: zipfile.ZipFile, nom: str, partie: str) -> list[tuple[str, str, str]]:
    """(identifiant, type, partie cible) des relations internes d'une partie."""
    dossier, base = posixpath.split(partie)
    chemin_rels = posixpath.join(dossier, "_rels", base + ".rels")
    donnees = garde.lire_entree(archive, chemin_rels, nom)
    if donnees is None:
        return []
    relations = []
    for relation in garde.analyser_xml(donnees, nom, chemin_rels).iter(_PR + "Relationship"):
        if relation.get("TargetMode") == "External":
            continue
        cible = relation.get("Target", "")
        cible = cible.lstrip("/") if cible.startswith("/") else posixpath.normpath(posixpath.join(dossier, cible))
        relations.append((relation.get("Id", ""), relation.get("Type", ""), cible))
    return relations


def lire_docx(archive: zipfile.ZipFile, nom: str, partie: str = "word/document.xml") -> Document:
    """Document lu depuis un paquet Word déjà contrôlé par `garde.verifier_archive`."""
    racine = garde.analyser_xml(garde.lire_entree(archive, partie, nom) or b"", nom, partie)
    corps = racine.find(W + "body")
    if corps is None:
        raise ArchiveCorrompue(nom, f"la partie « {partie} » n'a pas de corps (w:body)")
    relations = _relations(archive, nom, partie)
    par_id = {identifiant: cible for identifiant, _, cible in relations}
    styles_xml = next((cible for _, type_, cible in relations if type_.endswith("/styles")), None)
    styles = _styles(garde.lire_entree(archive, styles_xml, nom) if styles_xml else None, nom, styles_xml)

    references: dict[str, list[str]] = {"entete": [], "pied": []}
    for sect in racine.iter(W + "sectPr"):
        for reference in sect:
            genre = {W + "headerReference": "entete", W + "footerReference": "pied"}.get(reference.tag)
            cible = par_id.get(reference.get(_R + "id", ""))
            if genre and cible and cible not in references[genre]:
                references[genre].append(cible)

    lecteur = _LecteurDocx(styles)
    for cible in references["entete"]:
        _lire_partie(lecteur, archive, nom, cible, "entete")
    lecteur.conteneur(corps, "corps", "corps")
    for cible in references["pied"]:
        _lire_partie(lecteur, archive, nom, cible, "pied")
    for rang, bloc in enumerate(lecteur.blocs):
        bloc.indice, bloc.ligne = rang, rang + 1
    commentaires = next((cible for _, type_, cible in relations if type_.endswith("/comments")), None)
    suppressions = _suppressions(archive, nom, commentaires, lecteur.marques) if commentaires else []
    return Document(chemin=nom, format="docx", blocs=lecteur.blocs, suppressions=suppressions)


def _suppressions(archive: zipfile.ZipFile, nom: str, partie: str, marques: dict) -> list[Suppression]:
    """Commentaires « actes: ignorer CODE… » et le passage de l'acte qu'ils couvrent."""
    donnees = garde.lire_entree(archive, partie, nom)
    if donnees is None:
        return []
    suppressions = []
    for commentaire in garde.analyser_xml(donnees, nom, partie).iterchildren(W + "comment"):
        paragraphes = ["".join(t.text or "" for t in p.iter(_T)) for p in commentaire.iter(_P)]
        texte = "\n".join(paragraphes).strip()
        codes = codes_a_ignorer(texte)
        lieu = marques.get(commentaire.get(W + "id", ""))
        if codes is None or not lieu:
            continue
        debut = lieu.get("debut") or lieu.get("reference") or lieu.get("fin")
        fin = lieu.get("fin") or lieu.get("reference") or debut
        suppressions.append(Suppression(codes, debut, max(debut, fin), texte))
    return suppressions


def _lire_partie(lecteur: _LecteurDocx, archive: zipfile.ZipFile, nom: str, cible: str, partie: str) -> None:
    """Lit un en-tête ou un pied de page (partie absente : ignorée, comme le fait Word)."""
    donnees = garde.lire_entree(archive, cible, nom)
    if donnees is None:
        return
    lecteur.champs = []
    lecteur.conteneur(garde.analyser_xml(donnees, nom, cible), partie, f"{partie}:{posixpath.basename(cible)}")
    lecteur.champs = []
