"""Copie relue d'un .docx : un commentaire Word par constat, ancré sur ses mots, et les corrections en suivi des
modifications (w:del + w:ins de l'auteur « actes ») que « Accepter » applique.

Les runs sont coupés aux bornes des constats ; le texte est parcouru par le lecteur de `documents.lire_docx` (mêmes
blocs, mêmes positions que la vérification). Word ne permet pas de commentaire dans un en-tête ou un pied de page :
un constat qui y est ancré est commenté sur le titre, avec l'extrait visé. Les commentaires passent par python-docx
(≥ 1.2), le suivi des modifications par lxml.
"""
from __future__ import annotations

import copy
import io
from collections import Counter

from lxml import etree

from ..documents.lire_docx import W, _LecteurDocx, _Styles, _zones_de_texte  # noqa: F401 - même parcours
from ..erreurs import ArchiveCorrompue
from .texte import AUTEUR, INITIALES, lignes_du_commentaire, lignes_du_resume

_T, _R, _P, _RPR, _PPR = W + "t", W + "r", W + "p", W + "rPr", W + "pPr"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Contenu d'un run que l'on sait barrer et remplacer (pas de champ, pas d'objet, pas de note).
_REMPLACABLES = {W + n for n in ("rPr", "t", "tab", "br", "cr", "noBreakHyphen", "lastRenderedPageBreak")}
_PARENTS_MODIFIABLES = {W + "p", W + "hyperlink", W + "smartTag"}
_SUIVI = {W + "ins", W + "del", W + "moveFrom", W + "moveTo"}


def annoter_docx(donnees: bytes, nom: str, constats: list[dict]) -> bytes:
    """Octets de la copie relue ; `constats` : ceux du rapport JSON (version 1) de ce même document."""
    import docx
    from docx.text.run import Run

    try:
        document = docx.Document(io.BytesIO(donnees))
    except Exception as exc:   # python-docx lève KeyError, ValueError… sur un paquet qu'il ne sait pas ouvrir
        raise ArchiveCorrompue(nom, f"copie relue impossible : paquet Word non pris en charge ({exc.__class__.__name__})") \
            from exc
    lecteur = _tracer(document)
    traces = [(bloc, *trace) for bloc, trace in zip(lecteur.blocs, lecteur.traces)]
    _couper_aux_bornes(traces, constats)
    lecteur = _tracer(document)
    traces = [(bloc, *trace) for bloc, trace in zip(lecteur.blocs, lecteur.traces)]
    identifiants = _Identifiants(document.element, len(constats) + 1)
    titre = _titre(traces)
    modifies: set[int] = set()

    def commenter(runs, lignes):
        commentaire = document.add_comment(runs=[Run(runs[0], None), Run(runs[-1], None)], text=lignes[0],
                                           author=AUTEUR, initials=INITIALES)
        for ligne in lignes[1:]:
            commentaire.add_paragraph(ligne)
        commentaire._comment_elm.attrib.pop(W + "date", None)   # même entrée, mêmes octets

    for constat in constats:
        lieu = constat["emplacement"]
        if not 0 <= lieu["bloc"] < len(traces):
            continue
        bloc, paragraphe, pieces = traces[lieu["bloc"]]
        lignes = lignes_du_commentaire(constat)
        dans_le_corps = bloc.partie not in ("entete", "pied")
        runs = _runs(pieces, lieu["debut"], lieu["fin"]) if lieu["fin"] > lieu["debut"] else _runs(pieces, 0, len(bloc.texte))
        if not dans_le_corps or not runs:
            if titre is None:
                continue
            ou = {"entete": "dans l’en-tête : ", "pied": "dans le pied de page : "}.get(bloc.partie, "")
            commenter(titre, [lignes[0], f"({ou}« {lieu['extrait']} »)", *lignes[1:]])
            continue
        commenter(runs, lignes)
        correction, suggestion = constat.get("correction"), constat.get("suggestion")
        if not suggestion or correction is None:
            continue
        if correction == "remplacer" and lieu["fin"] > lieu["debut"]:
            if not any(id(r) in modifies for r in runs) and _remplacer(runs, suggestion, identifiants):
                modifies.update(id(r) for r in runs)
        elif correction == "inserer":
            if lieu["fin"] > lieu["debut"] or not suggestion[:1].isupper():
                _inserer_apres(runs[-1] if lieu["fin"] > lieu["debut"] else None, paragraphe, suggestion,
                               identifiants)
            else:
                _inserer_paragraphe(paragraphe, suggestion, identifiants)
    if titre is not None:
        commenter(titre, lignes_du_resume(Counter(c["gravite"] for c in constats)))
    return _enregistrer(document)


def _tracer(document) -> _LecteurDocx:
    """Parcours du document ouvert par python-docx dans l'ordre de `lire_docx` : en-têtes, corps, pieds."""
    racine = document.element
    styles = _Styles(document.styles.element)
    references: dict[str, list] = {"entete": [], "pied": []}
    for sect in racine.iter(W + "sectPr"):
        for reference in sect:
            genre = {W + "headerReference": "entete", W + "footerReference": "pied"}.get(reference.tag)
            identifiant = reference.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
            if genre and identifiant in document.part.rels:
                relation = document.part.rels[identifiant]
                if not relation.is_external and relation.target_part not in references[genre]:
                    references[genre].append(relation.target_part)
    lecteur = _LecteurDocx(styles, suivre=True)
    for partie in references["entete"]:
        lecteur.champs = []
        lecteur.conteneur(partie.element, "entete", "entete")
    lecteur.conteneur(racine.find(W + "body"), "corps", "corps")
    for partie in references["pied"]:
        lecteur.champs = []
        lecteur.conteneur(partie.element, "pied", "pied")
    return lecteur


def _couper_aux_bornes(traces, constats: list[dict]) -> None:
    """Coupe les runs aux positions de début et de fin de chaque constat : chaque portée devient une suite de runs."""
    bornes: dict[int, set[int]] = {}
    for constat in constats:
        lieu = constat["emplacement"]
        if lieu["fin"] > lieu["debut"]:
            bornes.setdefault(lieu["bloc"], set()).update((lieu["debut"], lieu["fin"]))
    for rang, positions in bornes.items():
        if not 0 <= rang < len(traces):
            continue
        pieces = list(traces[rang][2])
        for position in sorted(positions, reverse=True):
            for i, (debut, fin, element) in enumerate(pieces):
                if debut < position < fin and element.tag == _T:
                    _couper_run(element, position - debut)
                    pieces[i] = (debut, position, element)
                    break
                if debut == position and _a_du_texte_avant(element):
                    _couper_run(element, 0)
                    break


def _a_du_texte_avant(element: etree._Element) -> bool:
    """Vrai si un frère précédent de l'élément, dans son run, n'est pas sa mise en forme."""
    precedent = element.getprevious()
    while precedent is not None:
        if precedent.tag != _RPR:
            return True
        precedent = precedent.getprevious()
    return False


def _couper_run(element: etree._Element, decalage: int) -> None:
    """Coupe le run de `element` avant son caractère `decalage` : la suite passe dans un nouveau run, même forme."""
    from docx.oxml.parser import OxmlElement

    run = element.getparent()
    suite = OxmlElement("w:r")
    for nom, valeur in run.attrib.items():
        suite.set(nom, valeur)
    rpr = run.find(_RPR)
    if rpr is not None:
        suite.append(copy.deepcopy(rpr))
    if decalage:
        reste = OxmlElement("w:t")
        reste.text = element.text[decalage:]
        reste.set(_XML_SPACE, "preserve")
        element.text = element.text[:decalage]
        element.set(_XML_SPACE, "preserve")
        suite.append(reste)
        suivants = list(element.itersiblings())
    else:
        suivants = [element, *element.itersiblings()]
    for frere in suivants:
        suite.append(frere)
    run.addnext(suite)


def _runs(pieces, debut: int, fin: int) -> list[etree._Element]:
    """Runs (dans l'ordre, sans doublon) dont le texte recouvre [debut, fin)."""
    runs: list[etree._Element] = []
    for a, b, element in pieces:
        if a < fin and b > debut:
            run = element.getparent()
            if run.tag == _R and (not runs or runs[-1] is not run):
                runs.append(run)
    return runs


def _titre(traces):
    """Runs du bloc du titre (celui qui annonce le type d'acte), à défaut du premier paragraphe non vide du corps."""
    from ..analyse.texte import plier
    from ..analyse.type_acte import reconnaitre

    _, rang = reconnaitre([plier(bloc.texte) for bloc, _, _ in traces], "")
    candidats = ([traces[rang]] if rang is not None else []) + list(traces)
    for bloc, _, pieces in candidats:
        if bloc.partie not in ("entete", "pied") and bloc.texte.strip():
            runs = _runs(pieces, 0, len(bloc.texte))
            if runs:
                return runs
    return None


class _Identifiants:
    """w:id des marques de suivi, distincts de ceux du document."""

    def __init__(self, racine: etree._Element, reserves: int):
        existants = [int(v) for e in racine.iter() for v in [e.get(W + "id", "")] if v.isdigit()]
        self.suivant = max(existants, default=0) + reserves + 1     # après les commentaires à venir

    def __call__(self) -> str:
        valeur = self.suivant
        self.suivant += 1
        return str(valeur)


def _marque(tag: str, identifiants: _Identifiants) -> etree._Element:
    from docx.oxml.parser import OxmlElement

    return OxmlElement(tag, attrs={W + "id": identifiants(), W + "author": AUTEUR})


def _nouveau_run(texte: str, modele: etree._Element | None) -> etree._Element:
    from docx.oxml.parser import OxmlElement

    run = OxmlElement("w:r")
    rpr = modele.find(_RPR) if modele is not None else None
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t")
    t.text = texte
    t.set(_XML_SPACE, "preserve")
    run.append(t)
    return run


def _remplacer(runs: list[etree._Element], suggestion: str, identifiants: _Identifiants) -> bool:
    """Barre les runs (w:del) et insère la suggestion après eux (w:ins) ; faux si la portée ne s'y prête pas."""
    parent = runs[0].getparent()
    if parent.tag not in _PARENTS_MODIFIABLES or any(r.getparent() is not parent for r in runs):
        return False
    if any(enfant.tag not in _REMPLACABLES for r in runs for enfant in r):
        return False
    suite = list(runs[0].itersiblings())
    if any(frere is not run for frere, run in zip(suite, runs[1:])):
        return False
    suppression = _marque("w:del", identifiants)
    runs[0].addprevious(suppression)
    for run in runs:
        suppression.append(run)
        for t in run.iter(_T):
            t.tag = W + "delText"
    insertion = _marque("w:ins", identifiants)
    insertion.append(_nouveau_run(suggestion, runs[0]))
    suppression.addnext(insertion)
    return True


def _inserer_apres(run: etree._Element | None, paragraphe: etree._Element, suggestion: str,
                   identifiants: _Identifiants) -> None:
    """Insertion suivie de la suggestion après un run (ou en fin de paragraphe), précédée d'une espace au besoin."""
    texte = suggestion if suggestion[:1] in ",.;:)" else " " + suggestion
    insertion = _marque("w:ins", identifiants)
    if run is None:
        derniers = [r for r in paragraphe.iter(_R) if r.find(_T) is not None]
        modele = derniers[-1] if derniers else None
        insertion.append(_nouveau_run(texte, modele))
        paragraphe.append(insertion)
        return
    insertion.append(_nouveau_run(texte, run))
    point = run.getparent() if run.getparent().tag in _SUIVI else run
    point.addnext(insertion)


def _inserer_paragraphe(paragraphe: etree._Element, suggestion: str, identifiants: _Identifiants) -> None:
    """Nouveau paragraphe, inséré en suivi des modifications après `paragraphe`, de même style."""
    from docx.oxml.parser import OxmlElement

    nouveau = OxmlElement("w:p")
    ppr = paragraphe.find(_PPR)
    ppr = copy.deepcopy(ppr) if ppr is not None else OxmlElement("w:pPr")
    for ancien in ppr.findall(W + "sectPr") + ppr.findall(_RPR):
        ppr.remove(ancien)
    marque_rpr = OxmlElement("w:rPr")
    marque_rpr.append(_marque("w:ins", identifiants))
    ppr.append(marque_rpr)
    nouveau.append(ppr)
    derniers = [r for r in paragraphe.iter(_R) if r.find(_T) is not None]
    insertion = _marque("w:ins", identifiants)
    insertion.append(_nouveau_run(suggestion, derniers[-1] if derniers else None))
    nouveau.append(insertion)
    paragraphe.addnext(nouveau)


def _enregistrer(document) -> bytes:
    """Paquet enregistré puis réécrit avec des dates d'entrée fixes : même entrée, mêmes octets."""
    from ..sortie import archive_reproductible

    tampon = io.BytesIO()
    document.save(tampon)
    return archive_reproductible(tampon.getvalue())
